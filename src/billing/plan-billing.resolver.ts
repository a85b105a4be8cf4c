/** The billing side of a plan: who subscribes to it. Lives here so the catalogue does not depend on billing. */
import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Plan } from '../catalog/plan.types';
import { childConnection } from '../graphql/child-connection';
import type { GraphQLContext } from '../graphql/context';
import { PageArgs } from '../graphql/page-args';
import { subscriptionFilter, toSubscription } from './billing.mapping';
import { SubscriptionConnection, subscriptionSortOf } from './subscription.resolver';
import { subscriptionConditions } from './subscription.service';
import { subscriptions } from './subscription.table';
import { SubscriptionFilterInput, SubscriptionOrder } from './subscription.types';

@Resolver(() => Plan)
export class PlanBillingResolver {
  @FieldResolver(() => SubscriptionConnection, { description: 'Subscriptions to this plan; `filter` narrows them further.' })
  async subscriptions(
    @Root() plan: Plan,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => SubscriptionFilterInput, { nullable: true, description: 'Narrows the results; every filter given must match.' }) filter?: SubscriptionFilterInput,
    @Arg('orderBy', () => SubscriptionOrder, { nullable: true, description: 'Order of the results.' }) orderBy?: SubscriptionOrder,
  ) {
    const f = subscriptionFilter(filter);
    const spec = { name: 'subscriptions.byPlan', table: subscriptions, idColumn: subscriptions.id, parentColumn: subscriptions.planId };
    return childConnection(ctx, { ...spec, where: subscriptionConditions(ctx.actor.operatorId, f), sort: subscriptionSortOf(orderBy) }, [f, orderBy], page, plan.legacyId, toSubscription);
  }
}
