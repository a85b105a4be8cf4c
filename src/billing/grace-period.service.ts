/**
 * Grace periods (Jaze E14 add_grace_period: userId, days, optional expiryDate dd-mm-yyyy):
 * extra days of service past expiry. The extension and the before/after expiry are recorded in
 * grace_periods, in the same transaction that moves customers.expiresAt.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { operatorListQuery } from '../db/pagination';
import { audit } from '../shared/audit';
import type { ServiceContext } from '../shared/context';
import { DomainError, NotFoundError, Validation } from '../shared/errors';
import { customers } from '../customers/customer.table';
import { parseDayFirstDate } from './dates';
import { gracePeriods } from './grace-period.table';
import { authorize } from '../tenancy/permissions';

export type GracePeriodRow = typeof gracePeriods.$inferSelect;

export interface GracePeriodInput {
  customerId: number;
  /** Whole days, 1..3650. */
  days: number;
  /** Jaze `expiryDate`, dd-mm-yyyy (YYYY-MM-DD also accepted): extend to the end of that day (UTC) instead. */
  expiryDate?: string | null;
}

const DAY_MS = 86_400_000;

/** Grace periods by id, inside the operator (for `node(id:)`). */
export async function findByIds(db: Executor, operatorId: number, ids: readonly number[]): Promise<GracePeriodRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(gracePeriods).where(and(eq(gracePeriods.operatorId, operatorId), inArray(gracePeriods.id, [...ids])));
}

/**
 * Extends the customer's expiry by `days` from the later of now and the current expiry, or to
 * the end of `expiryDate` when given (which must be later than both). An `expired` customer whose
 * new expiry is in the future becomes `active` again.
 */
export async function add(ctx: ServiceContext, input: GracePeriodInput, now: Date = new Date()): Promise<{ gracePeriod: GracePeriodRow; expiresAt: Date }> {
  authorize(ctx.actor, 'billing.write');
  const operatorId = ctx.actor.operatorId;
  const v = new Validation();
  if (!Number.isInteger(input.days) || input.days < 1 || input.days > 3650) v.add('days', 'days must be a whole number from 1 to 3650');
  const expiryDate = input.expiryDate != null ? parseDayFirstDate(input.expiryDate) : null;
  if (input.expiryDate != null && expiryDate == null) v.add('expiryDate', `expiryDate "${input.expiryDate}" is not a date (dd-mm-yyyy)`);
  v.throwIfAny();

  return ctx.db.transaction(async (tx) => {
    const [customer] = await tx
      .select({ id: customers.id, expiresAt: customers.expiresAt, accessState: customers.accessState })
      .from(customers)
      .where(and(eq(customers.operatorId, operatorId), eq(customers.id, input.customerId)))
      .for('update');
    if (!customer) throw new NotFoundError('customer', input.customerId, ['customerId']);
    const base = customer.expiresAt && customer.expiresAt > now ? customer.expiresAt : now;
    let newExpiresAt: Date;
    if (expiryDate) {
      newExpiresAt = new Date(`${expiryDate}T23:59:59.000Z`);
      if (newExpiresAt <= base) {
        const message = `expiryDate ${input.expiryDate} does not extend the service (it now runs until ${base.toISOString()})`;
        throw new DomainError('INVALID', message, [{ field: ['expiryDate'], message, code: 'INVALID' }]);
      }
    } else {
      newExpiresAt = new Date(base.getTime() + input.days * DAY_MS);
    }
    const [row] = await tx
      .insert(gracePeriods)
      .values({
        operatorId,
        customerId: customer.id,
        days: input.days,
        previousExpiresAt: customer.expiresAt,
        newExpiresAt,
        createdByStaffId: ctx.actor.staffUserId,
      })
      .returning();
    await tx
      .update(customers)
      .set({ expiresAt: newExpiresAt, ...(customer.accessState === 'expired' ? { accessState: 'active' as const } : {}), updatedAt: sql`now()` })
      .where(eq(customers.id, customer.id));
    await audit(tx, ctx.actor, 'customer.gracePeriod', 'customer', customer.id, {
      days: input.days,
      previousExpiresAt: customer.expiresAt?.toISOString() ?? null,
      newExpiresAt: newExpiresAt.toISOString(),
    });
    return { gracePeriod: row!, expiresAt: newExpiresAt };
  });
}

/** What a customer's grace periods can be ordered by; oldest first (CREATED_AT, ASC) by default, as the list always was. */
export const GRACE_PERIOD_SORTS = { ID: gracePeriods.id, CREATED_AT: gracePeriods.createdAt } as const;
export type GracePeriodSortField = keyof typeof GRACE_PERIOD_SORTS;

/** A customer's grace periods: the operator's, in the asked order (also the compiled read path's). */
export const customerGracePeriodsQuery = operatorListQuery(gracePeriods.operatorId, GRACE_PERIOD_SORTS, { field: 'CREATED_AT', direction: 'asc' });
