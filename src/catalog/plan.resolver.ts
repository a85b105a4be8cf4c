/** GraphQL adapter for the plan catalogue: parse, call the plan service, format. */
import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { ConnectionType, toConnection } from '../graphql/connection';
import type { GraphQLContext } from '../graphql/context';
import { idOf, optionalIdOf } from '../graphql/ids';
import { registerNodeType } from '../graphql/node';
import { PageArgs } from '../graphql/page-args';
import { SortDirection } from '../graphql/sort-direction';
import { DomainError } from '../shared/errors';
import { BandwidthTemplate } from './bandwidth-template.types';
import { bandwidthTemplateById, planById, subPlanById, subPlansByPlan } from './catalog.loaders';
import { toBandwidthTemplate, toPlan, toSubPlan } from './catalog.mapping';
import * as planService from './plan.service';
import { Plan, PlanFilterInput, PlanOrder, PlanOrderField, SubPlan } from './plan.types';

const PlanConnection = ConnectionType('Plan', Plan);

/** Loads a plan for a field that refers to one; null when it is gone or not visible. */
export async function loadPlan(ctx: GraphQLContext, id: number | null): Promise<Plan | null> {
  if (id == null) return null;
  const row = await planById(ctx).load(id);
  return row ? toPlan(row) : null;
}

export async function loadSubPlan(ctx: GraphQLContext, id: number | null): Promise<SubPlan | null> {
  if (id == null) return null;
  const row = await subPlanById(ctx).load(id);
  return row ? toSubPlan(row) : null;
}

registerNodeType('Plan', loadPlan);
registerNodeType('SubPlan', loadSubPlan);
registerNodeType('BandwidthTemplate', async (ctx, id) => {
  const row = await bandwidthTemplateById(ctx).load(id);
  return row ? toBandwidthTemplate(row) : null;
});

@Resolver(() => Plan)
export class PlanResolver {
  @Query(() => PlanConnection, { nullable: true, description: "The operator's plan catalogue (services, fees, hardware), filtered and ordered." })
  async plans(
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => PlanFilterInput, { nullable: true, description: 'Narrows the results; every filter given must match.' }) filter?: PlanFilterInput,
    @Arg('orderBy', () => PlanOrder, { nullable: true, description: 'Order of the results.' }) orderBy?: PlanOrder,
  ) {
    const sort = planService.planSort(orderBy?.field ?? PlanOrderField.ID, orderBy?.direction ?? SortDirection.ASC);
    const { page: result, count } = await planService.list(
      ctx,
      { ...filter, resellerId: optionalIdOf(filter?.resellerId, 'Reseller', ['filter', 'resellerId']) },
      sort,
      page,
    );
    for (const row of result.nodes) planById(ctx).prime(row.id, row);
    return toConnection(result, toPlan, count);
  }

  @Query(() => Plan, { nullable: true, description: 'One plan, by global id or by the legacy numeric id (SIMPLer productid, Jaze Group_id).' })
  async plan(
    @Ctx() ctx: GraphQLContext,
    @Arg('id', () => ID, { nullable: true, description: 'Global id of the plan.' }) id?: string,
    @Arg('legacyId', () => Int, { nullable: true, description: 'Legacy numeric id (SIMPLer productid, Jaze Group_id).' }) legacyId?: number,
  ): Promise<Plan | null> {
    if ((id == null) === (legacyId == null)) throw new DomainError('INVALID', 'give exactly one of `id` and `legacyId`');
    return loadPlan(ctx, id != null ? idOf(id, 'Plan', ['id']) : legacyId!);
  }

  @FieldResolver(() => [SubPlan], { description: 'Price points, by ascending number of units.' })
  async subPlans(@Root() plan: Plan, @Ctx() ctx: GraphQLContext): Promise<SubPlan[]> {
    return (await subPlansByPlan(ctx).load(plan.legacyId)).map(toSubPlan);
  }

  @FieldResolver(() => BandwidthTemplate, { nullable: true, description: 'The rate limit (Jaze profile) of the plan.' })
  async bandwidthTemplate(@Root() plan: Plan, @Ctx() ctx: GraphQLContext): Promise<BandwidthTemplate | null> {
    if (plan.bandwidthTemplateId == null) return null;
    const row = await bandwidthTemplateById(ctx).load(plan.bandwidthTemplateId);
    return row ? toBandwidthTemplate(row) : null;
  }
}

@Resolver(() => SubPlan)
export class SubPlanResolver {
  @FieldResolver(() => Plan, { description: 'The plan this is a price point of.' })
  async plan(@Root() subPlan: SubPlan, @Ctx() ctx: GraphQLContext): Promise<Plan | null> {
    return loadPlan(ctx, subPlan.planId);
  }
}
