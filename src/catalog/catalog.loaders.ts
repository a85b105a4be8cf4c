/** Request-scoped batch loading of catalogue rows, always inside the caller's operator. */
import type { GraphQLContext } from '../graphql/context';
import { byKeys, groupByKeys } from '../graphql/loaders';
import * as bandwidthTemplateService from './bandwidth-template.service';
import * as planService from './plan.service';
import * as taxZoneService from './tax-zone.service';

export function planById(ctx: GraphQLContext) {
  return ctx.loaders.get<number, planService.PlanRow | null>('plan.byId', async (ids) =>
    byKeys(ids, await planService.findByIds(ctx.db, ctx.actor.operatorId, ids), (row) => row.id),
  );
}

export function subPlanById(ctx: GraphQLContext) {
  return ctx.loaders.get<number, planService.SubPlanRow | null>('subPlan.byId', async (ids) =>
    byKeys(ids, await planService.subPlansByIds(ctx.db, ctx.actor.operatorId, ids), (row) => row.id),
  );
}

export function subPlansByPlan(ctx: GraphQLContext) {
  return ctx.loaders.get<number, planService.SubPlanRow[]>('subPlans.byPlan', async (ids) =>
    groupByKeys(ids, await planService.subPlansOfPlans(ctx.db, ctx.actor.operatorId, ids), (row) => row.planId),
  );
}

export function bandwidthTemplateById(ctx: GraphQLContext) {
  return ctx.loaders.get<number, bandwidthTemplateService.BandwidthTemplateRow | null>('bandwidthTemplate.byId', async (ids) =>
    byKeys(ids, await bandwidthTemplateService.findByIds(ctx.db, ctx.actor.operatorId, ids), (row) => row.id),
  );
}

export function taxZoneById(ctx: GraphQLContext) {
  return ctx.loaders.get<number, taxZoneService.TaxZoneRow | null>('taxZone.byId', async (ids) =>
    byKeys(ids, await taxZoneService.findByIds(ctx.db, ctx.actor.operatorId, ids), (row) => row.id),
  );
}
