/**
 * Overage allowances: extra traffic granted to customers (SIMPLer getOverageAllowances). Read
 * side: filtered by customer and by the day they were granted.
 */
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { operatorListQuery } from '../db/pagination';
import type { ServiceContext } from '../shared/context';
import { NotFoundError, Validation } from '../shared/errors';
import { customers } from '../customers/customer.table';
import { overageAllowances } from './overage-allowance.table';

export type OverageAllowanceRow = typeof overageAllowances.$inferSelect;

export interface OverageAllowanceFilter {
  customerId?: number | null;
  /** YYYY-MM-DD bounds on the day granted (UTC), both inclusive. */
  from?: string | null;
  to?: string | null;
}

/** Allowances matching the filter, oldest first. An unknown customer or a reversed range is an error. */
export async function list(ctx: ServiceContext, filter: OverageAllowanceFilter = {}): Promise<OverageAllowanceRow[]> {
  const operatorId = ctx.actor.operatorId;
  const v = new Validation();
  if (filter.from && filter.to && filter.from > filter.to) v.add('to', `the date range ends (${filter.to}) before it starts (${filter.from})`);
  if (filter.customerId != null) {
    const [row] = await ctx.db.select({ id: customers.id }).from(customers).where(and(eq(customers.operatorId, operatorId), eq(customers.id, filter.customerId)));
    if (!row) v.add('customerId', new NotFoundError('customer', filter.customerId).message, 'NOT_FOUND');
  }
  v.throwIfAny();
  const conditions: (SQL | undefined)[] = [eq(overageAllowances.operatorId, operatorId)];
  if (filter.customerId != null) conditions.push(eq(overageAllowances.customerId, filter.customerId));
  // whole UTC days: `to` includes everything granted on that day
  if (filter.from) conditions.push(sql`${overageAllowances.createdAt} >= ${filter.from}::date::timestamp at time zone 'UTC'`);
  if (filter.to) conditions.push(sql`${overageAllowances.createdAt} < (${filter.to}::date + 1)::timestamp at time zone 'UTC'`);
  return ctx.db
    .select()
    .from(overageAllowances)
    .where(and(...conditions))
    .orderBy(asc(overageAllowances.createdAt), asc(overageAllowances.id));
}

export function findByIds(db: Executor, operatorId: number, ids: readonly number[]): Promise<OverageAllowanceRow[]> {
  return db.select().from(overageAllowances).where(and(eq(overageAllowances.operatorId, operatorId), inArray(overageAllowances.id, [...ids])));
}

/** What a customer's overage allowances can be ordered by; oldest first (CREATED_AT, ASC) by default, as the list always was. */
export const OVERAGE_ALLOWANCE_SORTS = { ID: overageAllowances.id, CREATED_AT: overageAllowances.createdAt } as const;
export type OverageAllowanceSortField = keyof typeof OVERAGE_ALLOWANCE_SORTS;

/** A customer's overage allowances: the operator's, in the asked order (also the compiled read path's). */
export const customerOverageAllowancesQuery = operatorListQuery(overageAllowances.operatorId, OVERAGE_ALLOWANCE_SORTS, { field: 'CREATED_AT', direction: 'asc' });
