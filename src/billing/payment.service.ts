/** Payments received (SIMPLer payInvoice rows, approved field collections). Read side. */
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { listCount, listPage, type PageArgs, type SortKey, sortKeyOf } from '../db/pagination';
import type { ServiceContext } from '../shared/context';
import { payments } from './payment.table';
import { updatedWithin, type UpdatedRange } from '../sync/updated-range';

export type PaymentRow = typeof payments.$inferSelect;

export async function findByIds(db: Executor, operatorId: number, ids: readonly number[]): Promise<PaymentRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(payments).where(and(eq(payments.operatorId, operatorId), inArray(payments.id, [...ids])));
}

/** The payments of many invoices, each invoice's oldest first. */
export async function paymentsOfInvoices(db: Executor, operatorId: number, invoiceIds: readonly number[]): Promise<PaymentRow[]> {
  if (invoiceIds.length === 0) return [];
  return db
    .select()
    .from(payments)
    .where(and(eq(payments.operatorId, operatorId), inArray(payments.invoiceId, [...invoiceIds])))
    .orderBy(asc(payments.paymentDate), asc(payments.id));
}

export interface PaymentFilter extends UpdatedRange {
  customerId?: number | null;
  invoiceId?: number | null;
  method?: PaymentRow['method'] | null;
  /** YYYY-MM-DD bounds on the payment date, inclusive. */
  paidFrom?: string | null;
  paidTo?: string | null;
}

export function paymentConditions(operatorId: number, filter: PaymentFilter = {}): SQL {
  const conditions: (SQL | undefined)[] = [eq(payments.operatorId, operatorId)];
  if (filter.customerId != null) conditions.push(eq(payments.customerId, filter.customerId));
  if (filter.invoiceId != null) conditions.push(eq(payments.invoiceId, filter.invoiceId));
  if (filter.method != null) conditions.push(eq(payments.method, filter.method));
  if (filter.paidFrom) conditions.push(sql`${payments.paymentDate} >= ${filter.paidFrom}`);
  if (filter.paidTo) conditions.push(sql`${payments.paymentDate} <= ${filter.paidTo}`);
  conditions.push(...updatedWithin(payments.updatedAt, filter));
  return and(...conditions)!;
}

export const PAYMENT_SORTS = { ID: payments.id, PAYMENT_DATE: payments.paymentDate, AMOUNT: payments.amount } as const;
export type PaymentSortField = keyof typeof PAYMENT_SORTS;

export function paymentSort(field: PaymentSortField = 'ID', direction: 'asc' | 'desc' = 'asc'): SortKey {
  return sortKeyOf(PAYMENT_SORTS, field, direction);
}

export async function list(ctx: ServiceContext, filter: PaymentFilter, sort: SortKey, page: PageArgs) {
  const where = paymentConditions(ctx.actor.operatorId, filter);
  return {
    page: await listPage(ctx.db, { table: payments, idColumn: payments.id, where, sort }, page),
    count: () => listCount(ctx.db, payments, where),
  };
}

