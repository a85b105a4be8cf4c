/** GraphQL adapter for refunds: the root list, relations, Customer.refunds, Payment.refunds and paymentRefund. */
import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { loadCustomer } from '../customers/customer.resolver';
import { Customer } from '../customers/customer.types';
import { childConnection } from '../graphql/child-connection';
import { ConnectionType, toConnection } from '../graphql/connection';
import type { GraphQLContext } from '../graphql/context';
import { idOf } from '../graphql/ids';
import { registerNodeType } from '../graphql/node';
import { PageArgs } from '../graphql/page-args';
import { SortDirection } from '../graphql/sort-direction';
import { DecimalScalar } from '../graphql/scalars';
import { mutate } from '../graphql/user-error';
import { staffUserById, toStaffUser } from '../tenancy/staff-user.resolver';
import { StaffUser } from '../tenancy/staff-user.types';
import { paymentById, refundableByPayment, refundById, refundsByPayment } from './billing.loaders';
import { refundFilter, toPayment, toRefund } from './billing.mapping';
import { Payment } from './payment.types';
import * as refundService from './refund.service';
import { refunds } from './refund.table';
import { PaymentRefundInput, PaymentRefundPayload, Refund, RefundFilterInput, RefundOrder, RefundOrderField } from './refund.types';

export const RefundConnection = ConnectionType('Refund', Refund);

export function refundSortOf(orderBy: RefundOrder | null | undefined) {
  return refundService.refundSort(orderBy?.field ?? RefundOrderField.ID, orderBy?.direction ?? SortDirection.ASC);
}

registerNodeType('Refund', async (ctx, id) => {
  const row = await refundById(ctx).load(id);
  return row ? toRefund(row) : null;
});

@Resolver(() => Refund)
export class RefundResolver {
  @Query(() => RefundConnection, { nullable: true, description: "The operator's refunds, filtered and ordered." })
  async refunds(
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => RefundFilterInput, { nullable: true, description: 'Narrows the results; every filter given must match.' }) filter?: RefundFilterInput,
    @Arg('orderBy', () => RefundOrder, { nullable: true, description: 'Order of the results.' }) orderBy?: RefundOrder,
  ) {
    const { page: result, count } = await refundService.list(ctx, refundFilter(filter), refundSortOf(orderBy), page);
    for (const row of result.nodes) refundById(ctx).prime(row.id, row);
    return toConnection(result, toRefund, count);
  }

  @FieldResolver(() => Customer, { description: 'The customer the money went back to.' })
  customer(@Root() refund: Refund, @Ctx() ctx: GraphQLContext) {
    return loadCustomer(ctx, refund.customerId);
  }

  @FieldResolver(() => Payment, { description: 'The payment the money was given back from.' })
  async payment(@Root() refund: Refund, @Ctx() ctx: GraphQLContext): Promise<Payment> {
    const row = await paymentById(ctx).load(refund.paymentId);
    if (!row) throw new Error(`refund ${refund.legacyId} has no payment ${refund.paymentId}`);
    return toPayment(row);
  }

  @FieldResolver(() => StaffUser, { nullable: true, description: 'The staff user who recorded the refund; null when unknown or since deleted.' })
  async createdBy(@Root() refund: Refund, @Ctx() ctx: GraphQLContext): Promise<StaffUser | null> {
    if (refund.createdByStaffId == null) return null;
    const row = await staffUserById(ctx).load(refund.createdByStaffId);
    return row ? toStaffUser(row) : null;
  }

  @Mutation(() => PaymentRefundPayload, {
    description: 'Gives money back to a customer against a payment, in part or in full (at most what is left to refund). The invoice the payment paid stays paid; the customer’s balance rises by the amount.',
  })
  async paymentRefund(@Arg('input', () => PaymentRefundInput, { description: 'The payment and the money given back.' }) input: PaymentRefundInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const paymentId = idOf(input.paymentId, 'Payment', ['paymentId']);
      const { refund, payment } = await refundService.refund(ctx, { ...input, paymentId });
      refundById(ctx).prime(refund.id, refund);
      refundsByPayment(ctx).clear(paymentId);
      refundableByPayment(ctx).clear(paymentId);
      paymentById(ctx).clear(paymentId).prime(paymentId, payment);
      return { refund: toRefund(refund), payment: toPayment(payment) };
    }, { refund: null, payment: null });
  }
}

@Resolver(() => Payment)
export class PaymentRefundsResolver {
  @FieldResolver(() => [Refund], { description: 'Money given back against this payment, oldest first.' })
  async refunds(@Root() payment: Payment, @Ctx() ctx: GraphQLContext): Promise<Refund[]> {
    return (await refundsByPayment(ctx).load(payment.legacyId)).map(toRefund);
  }

  @FieldResolver(() => DecimalScalar, { description: 'What can still be given back of this payment: its amount minus its refunds.' })
  async refundableAmount(@Root() payment: Payment, @Ctx() ctx: GraphQLContext): Promise<string> {
    const row = await refundableByPayment(ctx).load(payment.legacyId);
    if (!row) throw new Error(`payment ${payment.legacyId} vanished while being read`);
    return row.refundable;
  }
}

@Resolver(() => Customer)
export class CustomerRefundsResolver {
  @FieldResolver(() => RefundConnection, { description: 'Money given back to the customer; `filter` narrows it further.' })
  async refunds(
    @Root() customer: Customer,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => RefundFilterInput, { nullable: true, description: 'Narrows the results; every filter given must match.' }) filter?: RefundFilterInput,
    @Arg('orderBy', () => RefundOrder, { nullable: true, description: 'Order of the results.' }) orderBy?: RefundOrder,
  ) {
    const f = refundFilter(filter);
    const spec = { name: 'refunds.byCustomer', table: refunds, idColumn: refunds.id, parentColumn: refunds.customerId };
    return childConnection(ctx, { ...spec, where: refundService.refundConditions(ctx.actor.operatorId, f), sort: refundSortOf(orderBy) }, [f, orderBy], page, customer.legacyId, toRefund);
  }
}
