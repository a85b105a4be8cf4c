/**
 * GraphQL adapter for the read sides of renewals, overage allowances and field collection
 * (Jaze get_renewal_details, get_collection_users_areawise, get_collection_approval_users;
 * SIMPLer getOverageAllowances): parse, call the services, format. Per-customer lists are batched.
 */
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { childConnection } from '../graphql/child-connection';
import { ConnectionType } from '../graphql/connection';
import { PageArgs } from '../graphql/page-args';
import { renewals } from './renewal.table';
import { overageAllowances } from '../catalog/overage-allowance.table';
import { loadPlan } from '../catalog/plan.resolver';
import { Plan } from '../catalog/plan.types';
import * as overageService from '../catalog/overage-allowance.service';
import { customerById } from '../customers/customer.loaders';
import { toCustomer } from '../customers/customer.mapping';
import { Customer } from '../customers/customer.types';
import type { GraphQLContext } from '../graphql/context';
import { idOf, optionalIdOf } from '../graphql/ids';
import { byKeys } from '../graphql/loaders';
import { asNode, registerNodeType } from '../graphql/node';
import { DateScalar } from '../graphql/scalars';
import { toPaymentCollection } from './billing.mapping';
import * as collectionService from './collection.service';
import { PaymentCollection } from './payment-collection.types';
import * as renewalService from './renewal.service';
import { CollectionRoundEntry, OverageAllowance, OverageAllowanceOrder, Renewal, RenewalOrder } from './renewal.types';

registerNodeType('Renewal', async (ctx, id) => {
  const [row] = byKeys([id], await renewalService.findByIds(ctx.db, ctx.actor.operatorId, [id]), (r) => r.id);
  return row ? (asNode('Renewal', row) as unknown as Renewal) : null;
});

registerNodeType('OverageAllowance', async (ctx, id) => {
  const [row] = byKeys([id], await overageService.findByIds(ctx.db, ctx.actor.operatorId, [id]), (r) => r.id);
  return row ? (asNode('OverageAllowance', row) as unknown as OverageAllowance) : null;
});

const RenewalConnection = ConnectionType('Renewal', Renewal);
const OverageAllowanceConnection = ConnectionType('OverageAllowance', OverageAllowance);

@Resolver(() => Customer)
export class CustomerRenewalsResolver {
  @FieldResolver(() => RenewalConnection, { description: 'Renewals of the service, newest first unless ordered otherwise (Jaze get_renewal_details).' })
  async renewals(
    @Root() customer: Customer,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
    @Arg('orderBy', () => RenewalOrder, { nullable: true, description: 'How to sort the list; newest first when omitted.' }) orderBy?: RenewalOrder,
  ) {
    return childConnection(
      ctx,
      {
        name: 'renewals.byCustomer',
        table: renewals,
        idColumn: renewals.id,
        parentColumn: renewals.customerId,
        ...renewalService.customerRenewalsQuery(ctx.actor.operatorId, orderBy?.field, orderBy?.direction),
      },
      { orderBy },
      page,
      customer.legacyId,
      (row) => asNode('Renewal', row) as unknown as Renewal,
    );
  }

  @FieldResolver(() => OverageAllowanceConnection, { description: 'Extra traffic granted, oldest first unless ordered otherwise (SIMPLer getOverageAllowances).' })
  async overageAllowances(
    @Root() customer: Customer,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
    @Arg('orderBy', () => OverageAllowanceOrder, { nullable: true, description: 'How to sort the list; oldest first when omitted.' }) orderBy?: OverageAllowanceOrder,
  ) {
    return childConnection(
      ctx,
      {
        name: 'overageAllowances.byCustomer',
        table: overageAllowances,
        idColumn: overageAllowances.id,
        parentColumn: overageAllowances.customerId,
        ...overageService.customerOverageAllowancesQuery(ctx.actor.operatorId, orderBy?.field, orderBy?.direction),
      },
      { orderBy },
      page,
      customer.legacyId,
      (row) => asNode('OverageAllowance', row) as unknown as OverageAllowance,
    );
  }
}

@Resolver(() => Renewal)
export class RenewalResolver {
  @FieldResolver(() => Plan, { nullable: true, description: 'The plan before the renewal.' })
  previousPlan(@Root() renewal: Renewal, @Ctx() ctx: GraphQLContext) {
    return loadPlan(ctx, renewal.previousPlanId);
  }

  @FieldResolver(() => Plan, { nullable: true, description: 'The plan renewed.' })
  presentPlan(@Root() renewal: Renewal, @Ctx() ctx: GraphQLContext) {
    return loadPlan(ctx, renewal.presentPlanId);
  }
}

@Resolver()
export class CollectionQueriesResolver {
  @Query(() => [CollectionRoundEntry], { description: "The customers on a collector's round, by area, street, building and name (Jaze get_collection_users_areawise)." })
  async collectionRound(
    @Ctx() ctx: GraphQLContext,
    @Arg('collectorId', () => ID, { description: 'The collector whose round it is.' }) collectorId: string,
    @Arg('areaId', () => ID, { nullable: true, description: 'Only customers in this area.' }) areaId?: string | null,
    @Arg('withBalanceOnly', () => Boolean, { nullable: true, description: 'true: only customers with an unpaid balance.' }) withBalanceOnly?: boolean | null,
  ): Promise<CollectionRoundEntry[]> {
    const round = await collectionService.collectionRound(ctx, {
      staffUserId: idOf(collectorId, 'StaffUser', ['collectorId']),
      areaId: optionalIdOf(areaId, 'Area', ['areaId']),
      withBalanceOnly,
    });
    const customers = await customerById(ctx).loadMany(round.map((r) => r.customerId));
    return round.flatMap((entry, i) => {
      const row = customers[i];
      return row && !(row instanceof Error) ? [{ customer: toCustomer(row), balance: entry.balance }] : [];
    });
  }

  @Query(() => [PaymentCollection], { description: 'Collected payments waiting for approval (Jaze get_collection_approval_users).' })
  async paymentCollectionsAwaitingApproval(
    @Ctx() ctx: GraphQLContext,
    @Arg('collectorId', () => ID, { nullable: true, description: 'Only what this staff user collected.' }) collectorId?: string | null,
    @Arg('from', () => DateScalar, { nullable: true, description: 'Only collections recorded on or after this day (UTC).' }) from?: string | null,
    @Arg('to', () => DateScalar, { nullable: true, description: 'Only collections recorded on or before this day (UTC).' }) to?: string | null,
  ): Promise<PaymentCollection[]> {
    const rows = await collectionService.awaitingApproval(ctx, { collectorStaffId: optionalIdOf(collectorId, 'StaffUser', ['collectorId']), from, to });
    return rows.map((r) => toPaymentCollection(r.collection));
  }
}
