/** The billing side of a plan: who subscribes to it. Lives here so the catalogue does not depend on billing. */
import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Plan } from '../catalog/plan.types';
import { toConnection } from '../graphql/connection';
import type { GraphQLContext } from '../graphql/context';
import { PageArgs } from '../graphql/page-args';
import { subscriptionCounts, subscriptionPages } from './billing.loaders';
import { subscriptionFilter, toSubscription } from './billing.mapping';
import { SubscriptionConnection, subscriptionSortOf } from './subscription.resolver';
import { SubscriptionFilterInput, SubscriptionOrder } from './subscription.types';

@Resolver(() => Plan)
export class PlanBillingResolver {
  @FieldResolver(() => SubscriptionConnection, { description: 'Subscriptions to this plan; `filter` narrows them further.' })
  async subscriptions(
    @Root() plan: Plan,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => SubscriptionFilterInput, { nullable: true }) filter?: SubscriptionFilterInput,
    @Arg('orderBy', () => SubscriptionOrder, { nullable: true }) orderBy?: SubscriptionOrder,
  ) {
    const f = subscriptionFilter(filter);
    const result = await subscriptionPages(ctx, 'plan', f, subscriptionSortOf(orderBy), page).load(plan.legacyId);
    return toConnection(result, toSubscription, () => subscriptionCounts(ctx, 'plan', f).load(plan.legacyId));
  }
}
