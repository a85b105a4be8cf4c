/**
 * Refunds: money given back to a customer against a payment received, in part or in full. The
 * rules live here once: an amount above 0 and at most what remains refundable of the payment
 * (its amount minus its earlier refunds), a calendar date, a method, a short reason; the
 * payment must be the caller's operator's. The customer's balance counts refunds
 * (customer-data.service.ts#customerMoney).
 */
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { listCount, listPage, type PageArgs, type SortKey, sortKeyOf } from '../db/pagination';
import { checkIdempotencyKey, writeOnce, type OnceSpec } from '../idempotency/write-once';
import { audit } from '../shared/audit';
import type { ServiceContext } from '../shared/context';
import { DomainError, NotFoundError, Validation } from '../shared/errors';
import { updatedWithin, type UpdatedRange } from '../sync/updated-range';
import { authorize } from '../tenancy/permissions';
import { fromCents, toCents } from './money';
import { checkMoneyMovement } from './payment-write.service';
import { payments } from './payment.table';
import { findByIds as findPaymentsByIds, type PaymentRow } from './payment.service';
import { refunds } from './refund.table';

export type RefundRow = typeof refunds.$inferSelect;

const MAX_REASON = 500;

// ---------------------------------------------------------------- reads

export async function findByIds(db: Executor, operatorId: number, ids: readonly number[]): Promise<RefundRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(refunds).where(and(eq(refunds.operatorId, operatorId), inArray(refunds.id, [...ids])));
}

/** The order a payment's refunds are listed in: oldest first (the compiled path uses the same). */
export const REFUNDS_OF_PAYMENT_ORDER = [asc(refunds.refundDate), asc(refunds.id)];

/** The refunds of many payments, each payment's oldest first. */
export async function refundsOfPayments(db: Executor, operatorId: number, paymentIds: readonly number[]): Promise<RefundRow[]> {
  if (paymentIds.length === 0) return [];
  return db
    .select()
    .from(refunds)
    .where(and(eq(refunds.operatorId, operatorId), inArray(refunds.paymentId, [...paymentIds])))
    .orderBy(...REFUNDS_OF_PAYMENT_ORDER);
}

export interface RefundFilter extends UpdatedRange {
  customerId?: number | null;
  paymentId?: number | null;
  method?: RefundRow['method'] | null;
  /** YYYY-MM-DD bounds on the refund date, inclusive. */
  refundedFrom?: string | null;
  refundedTo?: string | null;
}

export function refundConditions(operatorId: number, filter: RefundFilter = {}): SQL {
  const conditions: SQL[] = [eq(refunds.operatorId, operatorId)];
  if (filter.customerId != null) conditions.push(eq(refunds.customerId, filter.customerId));
  if (filter.paymentId != null) conditions.push(eq(refunds.paymentId, filter.paymentId));
  if (filter.method != null) conditions.push(eq(refunds.method, filter.method));
  if (filter.refundedFrom) conditions.push(sql`${refunds.refundDate} >= ${filter.refundedFrom}`);
  if (filter.refundedTo) conditions.push(sql`${refunds.refundDate} <= ${filter.refundedTo}`);
  conditions.push(...updatedWithin(refunds.updatedAt, filter));
  return and(...conditions)!;
}

export const REFUND_SORTS = { ID: refunds.id, REFUND_DATE: refunds.refundDate, AMOUNT: refunds.amount } as const;
export type RefundSortField = keyof typeof REFUND_SORTS;

export function refundSort(field: RefundSortField = 'ID', direction: 'asc' | 'desc' = 'asc'): SortKey {
  return sortKeyOf(REFUND_SORTS, field, direction);
}

export async function list(ctx: ServiceContext, filter: RefundFilter, sort: SortKey, page: PageArgs) {
  const where = refundConditions(ctx.actor.operatorId, filter);
  return {
    page: await listPage(ctx.db, { table: refunds, idColumn: refunds.id, where, sort }, page),
    count: () => listCount(ctx.db, refunds, where),
  };
}

/**
 * What is left to refund of a payment: its amount minus its refunds, as SQL over a `payments`
 * row — the one rule for the check below, `Payment.refundableAmount` and the compiled path.
 * Nested once so drizzle keeps `payments.id` qualified inside the subquery in any query.
 */
export const refundableSql = (): SQL =>
  sql`${sql`(${payments.amount} - (select coalesce(sum(${refunds.amount}), 0) from ${refunds} where ${refunds.paymentId} = ${payments.id} and ${refunds.operatorId} = ${payments.operatorId}))::numeric(14,2)`}`;

/** What is left to refund of many payments, as decimal strings. */
export async function refundableOf(db: Executor, operatorId: number, paymentIds: readonly number[]): Promise<{ id: number; refundable: string }[]> {
  if (paymentIds.length === 0) return [];
  return db
    .select({ id: payments.id, refundable: sql<string>`${refundableSql()}::text` })
    .from(payments)
    .where(and(eq(payments.operatorId, operatorId), inArray(payments.id, [...paymentIds])));
}

// ---------------------------------------------------------------- writes

export interface RefundInput {
  paymentId: number;
  /** More than 0, two decimals at most, and no more than what remains refundable. */
  amount: string;
  /** YYYY-MM-DD; default today. */
  refundDate?: string | null;
  method: RefundRow['method'];
  reason?: string | null;
  /** A retry with the same key and input returns the first refund and gives nothing back again. */
  idempotencyKey?: string | null;
}

/**
 * Gives money back against a payment. The payment's row is locked while its earlier refunds are
 * summed, so two refunds at once cannot together exceed it. One transaction, one audit entry;
 * safe to retry under an idempotency key (money goes out: a retried refund must not pay twice).
 */
export async function refund(ctx: ServiceContext, input: RefundInput): Promise<{ refund: RefundRow; payment: PaymentRow }> {
  authorize(ctx.actor, 'billing.write');
  const operatorId = ctx.actor.operatorId;
  const v = new Validation();
  const { cents, date: refundDate } = checkMoneyMovement(input, { field: 'refundDate', value: input.refundDate }, 'refund', v);
  if ((input.reason?.length ?? 0) > MAX_REASON) v.add('reason', `reason is longer than ${MAX_REASON} characters`);
  checkIdempotencyKey(input.idempotencyKey, v);
  v.throwIfAny();

  const { idempotencyKey, ...request } = input;
  const once: OnceSpec<{ refund: RefundRow; payment: PaymentRow }> = {
    operation: 'payment.refund',
    key: idempotencyKey,
    input: request,
    remember: ({ refund, payment }) => ({ refundId: refund.id, paymentId: payment.id }),
    recall: async (tx, stored) => {
      const [refund] = await findByIds(tx, operatorId, [stored.refundId as number]);
      const [payment] = await findPaymentsByIds(tx, operatorId, [stored.paymentId as number]);
      return { refund: refund!, payment: payment! };
    },
  };
  return writeOnce(ctx, once, async (tx) => {
    const [payment] = await tx.select().from(payments).where(and(eq(payments.operatorId, operatorId), eq(payments.id, input.paymentId))).for('update');
    if (!payment) throw new NotFoundError('payment', input.paymentId, ['paymentId']);
    const [remaining] = await refundableOf(tx, operatorId, [payment.id]);
    const left = toCents(remaining!.refundable)!;
    if (cents > left) {
      const message = `amount ${fromCents(cents)} is more than the ${fromCents(left)} left to refund of payment ${payment.id} (${payment.amount} received)`;
      throw new DomainError('INVALID', message, [{ field: ['amount'], message, code: 'INVALID' }]);
    }
    const [row] = await tx
      .insert(refunds)
      .values({
        operatorId,
        customerId: payment.customerId,
        paymentId: payment.id,
        amount: fromCents(cents),
        refundDate,
        method: input.method,
        reason: input.reason ?? null,
        createdByStaffId: ctx.actor.staffUserId,
      })
      .returning();
    await audit(tx, ctx.actor, 'payment.refund', 'refund', row!.id, {
      paymentId: payment.id,
      customerId: payment.customerId,
      amount: row!.amount,
      method: row!.method,
      refundDate,
      refundableBefore: fromCents(left),
    });
    return { refund: row!, payment };
  });
}
