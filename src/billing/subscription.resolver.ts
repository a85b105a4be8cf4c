/** GraphQL adapter for subscriptions: parse, call the subscription service, format. */
import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { loadPlan, loadSubPlan } from '../catalog/plan.resolver';
import { Plan, SubPlan } from '../catalog/plan.types';
import { loadTaxZone } from '../catalog/tax-zone.resolver';
import { TaxZone } from '../catalog/tax-zone.types';
import { loadCustomer } from '../customers/customer.resolver';
import { Customer } from '../customers/customer.types';
import { ConnectionType, toConnection } from '../graphql/connection';
import type { GraphQLContext } from '../graphql/context';
import { idOf, optionalIdOf } from '../graphql/ids';
import { registerNodeType } from '../graphql/node';
import { PageArgs } from '../graphql/page-args';
import { SortDirection } from '../graphql/sort-direction';
import { mutate } from '../graphql/user-error';
import { subscriptionById } from './billing.loaders';
import { fromSubscriptionCreateInput, subscriptionFilter, toSubscription } from './billing.mapping';
import * as subscriptionService from './subscription.service';
import {
  Subscription,
  SubscriptionCreateInput,
  SubscriptionCreatePayload,
  SubscriptionDeleteInput,
  SubscriptionDeletePayload,
  SubscriptionFilterInput,
  SubscriptionOrder,
  SubscriptionOrderField,
  SubscriptionUpdateInput,
  SubscriptionUpdatePayload,
} from './subscription.types';

export const SubscriptionConnection = ConnectionType('Subscription', Subscription);

export function subscriptionSortOf(orderBy: SubscriptionOrder | null | undefined) {
  return subscriptionService.subscriptionSort(orderBy?.field ?? SubscriptionOrderField.ID, orderBy?.direction ?? SortDirection.ASC);
}

registerNodeType('Subscription', async (ctx, id) => {
  const row = await subscriptionById(ctx).load(id);
  return row ? toSubscription(row) : null;
});

@Resolver(() => Subscription)
export class SubscriptionResolver {
  @Query(() => SubscriptionConnection, { nullable: true, description: "The operator's subscriptions, filtered and ordered." })
  async subscriptions(
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => SubscriptionFilterInput, { nullable: true, description: 'Narrows the results; every filter given must match.' }) filter?: SubscriptionFilterInput,
    @Arg('orderBy', () => SubscriptionOrder, { nullable: true, description: 'Order of the results.' }) orderBy?: SubscriptionOrder,
  ) {
    const { page: result, count } = await subscriptionService.list(ctx, subscriptionFilter(filter), subscriptionSortOf(orderBy), page);
    for (const row of result.nodes) subscriptionById(ctx).prime(row.id, row);
    return toConnection(result, toSubscription, count);
  }

  @FieldResolver(() => Customer, { description: 'The customer subscribed.' })
  customer(@Root() subscription: Subscription, @Ctx() ctx: GraphQLContext) {
    return loadCustomer(ctx, subscription.customerId);
  }

  @FieldResolver(() => Plan, { description: 'The plan (SIMPLer product) billed.' })
  plan(@Root() subscription: Subscription, @Ctx() ctx: GraphQLContext) {
    return loadPlan(ctx, subscription.planId);
  }

  @FieldResolver(() => SubPlan, { nullable: true, description: 'The price point bought, if any.' })
  subPlan(@Root() subscription: Subscription, @Ctx() ctx: GraphQLContext) {
    return loadSubPlan(ctx, subscription.subPlanId);
  }

  @FieldResolver(() => TaxZone, { nullable: true, description: 'The tax zone the subscription is taxed in; null when none.' })
  taxZone(@Root() subscription: Subscription, @Ctx() ctx: GraphQLContext) {
    return loadTaxZone(ctx, subscription.taxZoneId);
  }

  @Mutation(() => SubscriptionCreatePayload, { description: 'Adds a subscription to a customer (SIMPLer addSubscription).' })
  async subscriptionCreate(@Arg('input', () => SubscriptionCreateInput, { description: 'The new subscription.' }) input: SubscriptionCreateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => ({ subscription: toSubscription(await subscriptionService.create(ctx, fromSubscriptionCreateInput(input))) }), { subscription: null });
  }

  @Mutation(() => SubscriptionUpdatePayload, { description: "Changes a subscription's terms (price, quantity, validity, tax…); its customer and plan stay." })
  async subscriptionUpdate(@Arg('input', () => SubscriptionUpdateInput, { description: 'The subscription and its changes.' }) input: SubscriptionUpdateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const { id, taxZoneId, ...terms } = input;
      const rowId = idOf(id, 'Subscription', ['id']);
      const row = await subscriptionService.update(ctx, rowId, { ...terms, taxZoneId: optionalIdOf(taxZoneId, 'TaxZone', ['taxZoneId']) });
      subscriptionById(ctx).clear(rowId).prime(rowId, row);
      return { subscription: toSubscription(row) };
    }, { subscription: null });
  }

  @Mutation(() => SubscriptionDeletePayload, {
    description: 'Deletes a subscription (SIMPLer deleteSubscription). Invoice lines that billed it keep their copy of what was billed.',
  })
  async subscriptionDelete(@Arg('input', () => SubscriptionDeleteInput, { description: 'The subscription to delete.' }) input: SubscriptionDeleteInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      await subscriptionService.remove(ctx, idOf(input.id, 'Subscription', ['id']));
      return { deletedId: input.id };
    }, { deletedId: null });
  }
}
