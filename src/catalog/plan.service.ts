/**
 * Plans (the one catalogue: CRM plans, SIMPLer products, Jaze groups) and their sub-plans
 * (price points). Read side only for now; every read is scoped to the caller's operator.
 */
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { containsText } from '../db/text-match';
import type { Executor } from '../db/client';
import { listCount, listPage, type PageArgs, type SortKey, sortKeyOf } from '../db/pagination';
import type { ServiceContext } from '../shared/context';
import { DomainError, NotFoundError } from '../shared/errors';
import { plans } from './plan.table';
import { subPlans } from './sub-plan.table';
import { operators } from '../tenancy/operator.table';
import { updatedWithin, type UpdatedRange } from '../sync/updated-range';

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
export interface PlanFilter extends UpdatedRange {
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
  conditions.push(...updatedWithin(plans.updatedAt, filter));
  return and(...conditions)!;
}

export const PLAN_SORTS = { ID: plans.id, NAME: plans.name, CREATED_AT: plans.createdAt, UPDATED_AT: plans.updatedAt } as const;
export type PlanSortField = keyof typeof PLAN_SORTS;

export function planSort(field: PlanSortField = 'ID', direction: 'asc' | 'desc' = 'asc'): SortKey {
  return sortKeyOf(PLAN_SORTS, field, direction);
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

// ---------------------------------------------------------------- numbered pages (CRM plan/list, plan/subplan_list)

/** A numeric comparison as legacy list filters express it (`<50`, `≥80`, `=100`). */
export interface NumberComparison {
  operator: '<' | '<=' | '>' | '>=' | '=';
  /** A decimal number as text; compared in SQL numeric, never as a binary float. */
  value: string;
}

const COMPARISON_OPERATORS: ReadonlySet<string> = new Set(['<', '<=', '>', '>=', '=']);

/** `column <op> value`; a null column (e.g. an unlimited plan's limit) matches no comparison. */
export function compareNumber(column: PgColumn, comparison: NumberComparison): SQL {
  if (!COMPARISON_OPERATORS.has(comparison.operator)) throw new Error(`unknown comparison operator ${comparison.operator}`);
  return sql`${column} ${sql.raw(comparison.operator)} ${comparison.value}::numeric`;
}

/**
 * The start of a calendar day (`YYYY-MM-DD`) in the operator's time zone, as a timestamp: the
 * legacy APIs' "created from/upto" dates are the ISP's local days, not UTC ones.
 */
export function operatorDayStart(operatorId: number, isoDate: string, daysLater = 0): SQL {
  return sql`((${isoDate}::date + ${daysLater}::int)::timestamp at time zone (select ${operators.timezone} from ${operators} where ${operators.id} = ${operatorId}))`;
}

/** Created on or after `from` and on or before `upto`, both whole local days. */
export function createdWithinDays(column: PgColumn, operatorId: number, from?: string | null, upto?: string | null): SQL[] {
  const conditions: SQL[] = [];
  if (from) conditions.push(sql`${column} >= ${operatorDayStart(operatorId, from)}`);
  if (upto) conditions.push(sql`${column} < ${operatorDayStart(operatorId, upto, 1)}`);
  return conditions;
}

/** One numbered page: `limit` rows after skipping `offset`, ordered by a column then id. */
export interface OffsetWindow {
  limit: number;
  offset: number;
}

export interface ColumnOrder<F extends string> {
  field: F;
  direction: 'asc' | 'desc';
}

export function orderByColumn(column: PgColumn, idColumn: PgColumn, direction: 'asc' | 'desc'): SQL[] {
  const dir = direction === 'asc' ? asc : desc;
  return column === idColumn ? [dir(idColumn)] : [dir(column), dir(idColumn)];
}

/**
 * The plan list filters of the CRM plan/list call, on top of the catalogue filters: a plan id,
 * a usage-limit comparison and created dates as local days. Only services (kind `service`)
 * are CRM plans; fees and hardware are SIMPLer products.
 */
export interface PlanListFilter extends Omit<PlanFilter, 'kind' | 'createdFrom' | 'createdTo'> {
  id?: number | null;
  limit1Gb?: NumberComparison | null;
  createdFromDay?: string | null;
  createdUptoDay?: string | null;
}

export function planListConditions(operatorId: number, filter: PlanListFilter): SQL {
  const { id, limit1Gb, createdFromDay, createdUptoDay, ...catalogueFilter } = filter;
  const conditions: (SQL | undefined)[] = [planConditions(operatorId, { ...catalogueFilter, kind: 'service' })];
  if (id != null) conditions.push(eq(plans.id, id));
  if (limit1Gb) conditions.push(compareNumber(plans.limit1Gb, limit1Gb));
  conditions.push(...createdWithinDays(plans.createdAt, operatorId, createdFromDay, createdUptoDay));
  return and(...conditions)!;
}

/** The sort keys of CRM plan/list, by their wire names. */
export const PLAN_LIST_ORDER = {
  id: plans.id,
  name: plans.name,
  protocol: plans.protocol,
  connectivity: plans.connectivity,
  lc: plans.locationCode,
  slc: plans.subLocationCode,
  limit1_gb: plans.limit1Gb,
  bw1_dl: plans.bw1DownloadKbps,
  bw1_ul: plans.bw1UploadKbps,
} as const;
export type PlanListOrderField = keyof typeof PLAN_LIST_ORDER;

export async function listPlansByOffset(ctx: ServiceContext, filter: PlanListFilter, order: ColumnOrder<PlanListOrderField>, window: OffsetWindow): Promise<PlanRow[]> {
  return ctx.db
    .select()
    .from(plans)
    .where(planListConditions(ctx.actor.operatorId, filter))
    .orderBy(...orderByColumn(PLAN_LIST_ORDER[order.field], plans.id, order.direction))
    .limit(window.limit)
    .offset(window.offset);
}

export async function countPlans(ctx: ServiceContext, filter: PlanListFilter): Promise<number> {
  return ctx.db.$count(plans, planListConditions(ctx.actor.operatorId, filter));
}

/** The filters of CRM plan/subplan_list. */
export interface SubPlanListFilter {
  id?: number | null;
  planId?: number | null;
  /** The reseller selling the plan the price point belongs to. */
  resellerId?: number | null;
  /** Part of the name, any case. */
  name?: string | null;
  portal?: boolean | null;
  price?: NumberComparison | null;
  createdFromDay?: string | null;
  createdUptoDay?: string | null;
}

export function subPlanListConditions(operatorId: number, filter: SubPlanListFilter): SQL {
  const conditions: (SQL | undefined)[] = [eq(subPlans.operatorId, operatorId)];
  if (filter.id != null) conditions.push(eq(subPlans.id, filter.id));
  if (filter.planId != null) conditions.push(eq(subPlans.planId, filter.planId));
  if (filter.resellerId != null) {
    conditions.push(sql`${subPlans.planId} in (select ${plans.id} from ${plans} where ${plans.operatorId} = ${operatorId} and ${plans.resellerId} = ${filter.resellerId})`);
  }
  if (filter.name) conditions.push(containsText(subPlans.name, filter.name));
  if (filter.portal != null) conditions.push(eq(subPlans.portal, filter.portal));
  if (filter.price) conditions.push(compareNumber(subPlans.price, filter.price));
  conditions.push(...createdWithinDays(subPlans.createdAt, operatorId, filter.createdFromDay, filter.createdUptoDay));
  return and(...conditions)!;
}

/** The sort keys of CRM plan/subplan_list, by their wire names. */
export const SUB_PLAN_LIST_ORDER = {
  id: subPlans.id,
  name: subPlans.name,
  planid: subPlans.planId,
  units: subPlans.units,
  price: subPlans.price,
} as const;
export type SubPlanListOrderField = keyof typeof SUB_PLAN_LIST_ORDER;

export async function listSubPlansByOffset(
  ctx: ServiceContext,
  filter: SubPlanListFilter,
  order: ColumnOrder<SubPlanListOrderField>,
  window: OffsetWindow,
): Promise<SubPlanRow[]> {
  return ctx.db
    .select()
    .from(subPlans)
    .where(subPlanListConditions(ctx.actor.operatorId, filter))
    .orderBy(...orderByColumn(SUB_PLAN_LIST_ORDER[order.field], subPlans.id, order.direction))
    .limit(window.limit)
    .offset(window.offset);
}

export async function countSubPlans(ctx: ServiceContext, filter: SubPlanListFilter): Promise<number> {
  return ctx.db.$count(subPlans, subPlanListConditions(ctx.actor.operatorId, filter));
}
