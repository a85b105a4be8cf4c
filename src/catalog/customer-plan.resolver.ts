/** The catalogue side of a customer: the plan (Jaze group) it is on. */
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Customer } from '../customers/customer.types';
import type { GraphQLContext } from '../graphql/context';
import { loadPlan } from './plan.resolver';
import { Plan } from './plan.types';

@Resolver(() => Customer)
export class CustomerPlanResolver {
  @FieldResolver(() => Plan, { nullable: true, description: 'The service plan (Jaze group) the customer is on.' })
  async servicePlan(@Root() customer: Customer, @Ctx() ctx: GraphQLContext): Promise<Plan | null> {
    return loadPlan(ctx, customer.servicePlanId);
  }
}
