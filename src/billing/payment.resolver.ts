/** GraphQL adapter for payments: parse, call the payment service, format. */
import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { loadCustomer } from '../customers/customer.resolver';
import { Customer } from '../customers/customer.types';
import { ConnectionType, toConnection } from '../graphql/connection';
import type { GraphQLContext } from '../graphql/context';
import { idOf } from '../graphql/ids';
import { registerNodeType } from '../graphql/node';
import { mutate } from '../graphql/user-error';
import { PageArgs } from '../graphql/page-args';
import { SortDirection } from '../graphql/sort-direction';
import { invoiceById, paymentById, paymentsByInvoice } from './billing.loaders';
import { paymentFilter, toInvoice, toPayment } from './billing.mapping';
import { Invoice, PaymentReversePayload } from './invoice.types';
import * as paymentWrites from './payment-write.service';
import * as paymentService from './payment.service';
import { Payment, PaymentCreateInput, PaymentCreatePayload, PaymentFilterInput, PaymentOrder, PaymentOrderField, PaymentReverseInput } from './payment.types';

export const PaymentConnection = ConnectionType('Payment', Payment);

export function paymentSortOf(orderBy: PaymentOrder | null | undefined) {
  return paymentService.paymentSort(orderBy?.field ?? PaymentOrderField.ID, orderBy?.direction ?? SortDirection.ASC);
}

registerNodeType('Payment', async (ctx, id) => {
  const row = await paymentById(ctx).load(id);
  return row ? toPayment(row) : null;
});

@Resolver(() => Payment)
export class PaymentResolver {
  @Query(() => PaymentConnection, { nullable: true, description: "The operator's payments received, filtered and ordered." })
  async payments(
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => PaymentFilterInput, { nullable: true, description: 'Narrows the results; every filter given must match.' }) filter?: PaymentFilterInput,
    @Arg('orderBy', () => PaymentOrder, { nullable: true, description: 'Order of the results.' }) orderBy?: PaymentOrder,
  ) {
    const { page: result, count } = await paymentService.list(ctx, paymentFilter(filter), paymentSortOf(orderBy), page);
    for (const row of result.nodes) paymentById(ctx).prime(row.id, row);
    return toConnection(result, toPayment, count);
  }

  @FieldResolver(() => Customer, { description: 'The customer who paid.' })
  customer(@Root() payment: Payment, @Ctx() ctx: GraphQLContext) {
    return loadCustomer(ctx, payment.customerId);
  }

  @FieldResolver(() => Invoice, { nullable: true, description: 'The invoice paid; null for a payment on account.' })
  async invoice(@Root() payment: Payment, @Ctx() ctx: GraphQLContext): Promise<Invoice | null> {
    if (payment.invoiceId == null) return null;
    const row = await invoiceById(ctx).load(payment.invoiceId);
    return row ? toInvoice(row) : null;
  }

  @Mutation(() => PaymentCreatePayload, { description: 'Records money received on account, not against an invoice (to pay an invoice: invoicePay).' })
  async paymentCreate(@Arg('input', () => PaymentCreateInput, { description: 'The payment received.' }) input: PaymentCreateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const row = await paymentWrites.createOnAccount(ctx, { ...input, customerId: idOf(input.customerId, 'Customer', ['customerId']) });
      paymentById(ctx).prime(row.id, row);
      return { payment: toPayment(row) };
    }, { payment: null });
  }

  @Mutation(() => PaymentReversePayload, { description: 'Reverses a payment recorded in error; an invoice it paid owes the amount again.' })
  async paymentReverse(@Arg('input', () => PaymentReverseInput, { description: 'The payment to reverse.' }) input: PaymentReverseInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const id = idOf(input.id, 'Payment', ['id']);
      const { invoiceId } = await paymentWrites.reverse(ctx, id);
      paymentById(ctx).clear(id);
      if (invoiceId == null) return { reversedPaymentId: input.id, invoice: null };
      invoiceById(ctx).clear(invoiceId);
      paymentsByInvoice(ctx).clear(invoiceId);
      const invoice = await invoiceById(ctx).load(invoiceId);
      return { reversedPaymentId: input.id, invoice: invoice ? toInvoice(invoice) : null };
    }, { reversedPaymentId: null, invoice: null });
  }
}
