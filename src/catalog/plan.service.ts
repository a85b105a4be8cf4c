/**
 * Plans (the one catalogue: CRM plans, SIMPLer products, Jaze groups) and their sub-plans
 * (price points). Read side only for now; every read is scoped to the caller's operator.
 */
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { containsText } from '../db/text-match';
import type { Executor } from '../db/client';
import { listCount, listPage, type PageArgs, type SortKey } from '../db/pagination';
import type { ServiceContext } from '../shared/context';
import { DomainError, NotFoundError } from '../shared/errors';
import { plans } from './plan.table';
import { subPlans } from './sub-plan.table';

export type PlanRow = typeof plans.$inferSelect;
export type SubPlanRow = typeof subPlans.$inferSelect;

export async function findByIds(db: Executor, operatorId: number, ids: readonly number[]): Promise<PlanRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(plans).where(and(eq(plans.operatorId, operatorId), inArray(plans.id, [...ids])));
}

export async function getById(ctx: ServiceContext, id: number, field: string[] = ['planId']): Promise<PlanRow> {
  const [row] = await findByIds(ctx.db, ctx.actor.operatorId, [id]);
  if (!row) throw new NotFoundError('plan', id, field);
  return row;
}

/** Catalogue filters (CRM plan/list): text matches anywhere ignoring case, the rest exactly. */
export interface PlanFilter {
  name?: string | null;
  kind?: PlanRow['kind'] | null;
  protocol?: NonNullable<PlanRow['protocol']> | null;
  connectivity?: NonNullable<PlanRow['connectivity']> | null;
  period?: number | null;
  periodUnit?: NonNullable<PlanRow['periodUnit']> | null;
  locationCode?: string | null;
  subLocationCode?: string | null;
  enabled?: boolean | null;
  dataCarryover?: boolean | null;
  hideBandwidthLimit?: boolean | null;
  resellerId?: number | null;
  createdFrom?: Date | null;
  createdTo?: Date | null;
}

export function planConditions(operatorId: number, filter: PlanFilter = {}): SQL {
  const conditions: (SQL | undefined)[] = [eq(plans.operatorId, operatorId)];
  if (filter.name) conditions.push(containsText(plans.name, filter.name));
  const exact = [
    [plans.kind, filter.kind],
    [plans.protocol, filter.protocol],
    [plans.connectivity, filter.connectivity],
    [plans.period, filter.period],
    [plans.periodUnit, filter.periodUnit],
    [plans.locationCode, filter.locationCode],
    [plans.subLocationCode, filter.subLocationCode],
    [plans.enabled, filter.enabled],
    [plans.dataCarryover, filter.dataCarryover],
    [plans.hideBandwidthLimit, filter.hideBandwidthLimit],
    [plans.resellerId, filter.resellerId],
  ] as const;
  for (const [column, value] of exact) if (value != null) conditions.push(eq(column, value));
  if (filter.createdFrom) conditions.push(sql`${plans.createdAt} >= ${filter.createdFrom}`);
  if (filter.createdTo) conditions.push(sql`${plans.createdAt} <= ${filter.createdTo}`);
  return and(...conditions)!;
}

export const PLAN_SORTS = { ID: plans.id, NAME: plans.name, CREATED_AT: plans.createdAt } as const;
export type PlanSortField = keyof typeof PLAN_SORTS;

export function planSort(field: PlanSortField = 'ID', direction: 'asc' | 'desc' = 'asc'): SortKey {
  return { name: `${field}_${direction.toUpperCase()}`, column: PLAN_SORTS[field], direction };
}

export async function list(ctx: ServiceContext, filter: PlanFilter, sort: SortKey, page: PageArgs) {
  const where = planConditions(ctx.actor.operatorId, filter);
  return {
    page: await listPage(ctx.db, { table: plans, idColumn: plans.id, where, sort }, page),
    count: () => listCount(ctx.db, plans, where),
  };
}

// ---------------------------------------------------------------- sub-plans

export async function subPlansByIds(db: Executor, operatorId: number, ids: readonly number[]): Promise<SubPlanRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(subPlans).where(and(eq(subPlans.operatorId, operatorId), inArray(subPlans.id, [...ids])));
}

/** The price points of many plans, each plan's in ascending number of units. */
export async function subPlansOfPlans(db: Executor, operatorId: number, planIds: readonly number[]): Promise<SubPlanRow[]> {
  if (planIds.length === 0) return [];
  return db
    .select()
    .from(subPlans)
    .where(and(eq(subPlans.operatorId, operatorId), inArray(subPlans.planId, [...planIds])))
    .orderBy(asc(subPlans.planId), asc(subPlans.units), asc(subPlans.id));
}

// ---------------------------------------------------------------- the product list

/**
 * The operator's catalogue by id (SIMPLer getProducts): every plan, or exactly the ones asked
 * for. Asking for a plan that does not exist is an error naming every missing id.
 */
export async function catalogue(ctx: ServiceContext, ids?: readonly number[] | null): Promise<PlanRow[]> {
  const operatorId = ctx.actor.operatorId;
  if (ids == null || ids.length === 0) {
    return ctx.db.select().from(plans).where(eq(plans.operatorId, operatorId)).orderBy(asc(plans.id));
  }
  const wanted = [...new Set(ids)];
  const rows = await ctx.db.select().from(plans).where(and(eq(plans.operatorId, operatorId), inArray(plans.id, wanted))).orderBy(asc(plans.id));
  const missing = wanted.filter((id) => !rows.some((r) => r.id === id));
  if (missing.length) {
    const message = `${missing.length === 1 ? 'product' : 'products'} ${missing.join(', ')} ${missing.length === 1 ? 'does' : 'do'} not exist`;
    throw new DomainError('NOT_FOUND', message, [{ field: ['ids'], message, code: 'NOT_FOUND' }]);
  }
  return rows;
}
