/**
 * Service renewals as recorded (Jaze E35 get_renewal_details): one row per renewal or user
 * addition, with the period, the money and the plan (Jaze group) before and after. Reading only;
 * soft-deleted renewals are left out.
 */
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { operatorListQuery } from '../db/pagination';
import type { ServiceContext } from '../shared/context';
import { Validation } from '../shared/errors';
import { customers } from '../customers/customer.table';
import { operators } from '../tenancy/operator.table';
import { isCalendarDate } from './dates';
import { renewals } from './renewal.table';

export type RenewalRow = typeof renewals.$inferSelect;

export interface RenewalFilter {
  customerId?: number | null;
  /** YYYY-MM-DD, inclusive, on the day (UTC) the renewal was recorded. */
  from?: string | null;
  to?: string | null;
}

/** Renewals of the operator (or one customer), oldest first, each with the operator's wire code. */
export async function list(ctx: ServiceContext, filter: RenewalFilter = {}): Promise<(RenewalRow & { operatorCode: string })[]> {
  const operatorId = ctx.actor.operatorId;
  const v = new Validation();
  if (filter.customerId != null) {
    const [row] = await ctx.db.select({ id: customers.id }).from(customers).where(and(eq(customers.operatorId, operatorId), eq(customers.id, filter.customerId)));
    if (!row) v.add('customerId', `customer ${filter.customerId} does not exist`, 'NOT_FOUND');
  }
  for (const key of ['from', 'to'] as const) if (filter[key] != null && !isCalendarDate(filter[key]!)) v.add(key, `${key} "${filter[key]}" is not a date (YYYY-MM-DD)`);
  if (v.ok && filter.from && filter.to && filter.from > filter.to) v.add('from', `from ${filter.from} is after to ${filter.to}`);
  v.throwIfAny();
  const rows = await ctx.db
    .select({ renewal: renewals, operatorCode: operators.code })
    .from(renewals)
    .innerJoin(operators, eq(operators.id, renewals.operatorId))
    .where(
      and(
        eq(renewals.operatorId, operatorId),
        eq(renewals.deleted, false),
        filter.customerId != null ? eq(renewals.customerId, filter.customerId) : undefined,
        filter.from ? sql`${renewals.createdAt} >= ${filter.from}::date::timestamp at time zone 'UTC'` : undefined,
        filter.to ? sql`${renewals.createdAt} < (${filter.to}::date + 1)::timestamp at time zone 'UTC'` : undefined,
      ),
    )
    .orderBy(asc(renewals.createdAt), asc(renewals.id));
  return rows.map((r) => ({ ...r.renewal, operatorCode: r.operatorCode }));
}

/** Renewals a customer's list shows: not deleted (also the compiled read path's rule). */
export const shownRenewal = (): SQL => eq(renewals.deleted, false);

export function findByIds(db: Executor, operatorId: number, ids: readonly number[]): Promise<RenewalRow[]> {
  return db.select().from(renewals).where(and(eq(renewals.operatorId, operatorId), inArray(renewals.id, [...ids])));
}

/** What a customer's renewals can be ordered by; newest first (CREATED_AT, DESC) by default, as the list always was. */
export const RENEWAL_SORTS = { ID: renewals.id, CREATED_AT: renewals.createdAt } as const;
export type RenewalSortField = keyof typeof RENEWAL_SORTS;

/** A customer's renewals: the operator's shown ones, in the asked order (also the compiled read path's). */
export const customerRenewalsQuery = operatorListQuery(renewals.operatorId, RENEWAL_SORTS, { field: 'CREATED_AT', direction: 'desc' }, shownRenewal);
