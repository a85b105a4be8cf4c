/**
 * Invoices and paying them (SIMPLer getInvoicesData, payInvoice). Totals are stored when an
 * invoice is issued and never recomputed; paying moves `amountPaid` and the status only.
 * Money is exact throughout: decimal strings in and out, integer cents in between.
 */
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { listCount, listPage, type PageArgs, type SortKey, sortKeyOf } from '../db/pagination';
import { audit } from '../shared/audit';
import type { ServiceContext } from '../shared/context';
import { DomainError, NotFoundError, PreconditionFailedError, Validation } from '../shared/errors';
import { fromCents, toCents } from './money';
import { checkPaymentFields, paymentValues } from './payment-write.service';
import { invoiceLines, invoices } from './invoice.table';
import { payments } from './payment.table';
import { findByIds as findPaymentsByIds, paymentsOfInvoices, type PaymentRow } from './payment.service';
import { checkIdempotencyKey, writeOnce, type OnceSpec } from '../idempotency/write-once';
import { customers } from '../customers/customer.table';
import { authorize } from '../tenancy/permissions';
import { updatedWithin, type UpdatedRange } from '../sync/updated-range';

export type InvoiceRow = typeof invoices.$inferSelect;
export type InvoiceLineRow = typeof invoiceLines.$inferSelect;

// ---------------------------------------------------------------- reading

export async function findByIds(db: Executor, operatorId: number, ids: readonly number[]): Promise<InvoiceRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(invoices).where(and(eq(invoices.operatorId, operatorId), inArray(invoices.id, [...ids])));
}

/** By SIMPLer `invoiceNo` (unique per operator). */
export async function findByNumber(db: Executor, operatorId: number, number: number): Promise<InvoiceRow | null> {
  const [row] = await db.select().from(invoices).where(and(eq(invoices.operatorId, operatorId), eq(invoices.number, number)));
  return row ?? null;
}

/** What is still owed, exactly: total − amountPaid in cents. */
/** balanceDue computed by PostgreSQL (exact numeric subtraction, two decimals like fromCents). */
export const balanceDueSql = (): SQL => sql`(${invoices.total} - ${invoices.amountPaid})`;

export function balanceDue(row: Pick<InvoiceRow, 'total' | 'amountPaid'>): string {
  return fromCents(toCents(row.total)! - toCents(row.amountPaid)!);
}

export interface InvoiceFilter extends UpdatedRange {
  customerId?: number | null;
  status?: InvoiceRow['status'][] | null;
  kind?: InvoiceRow['kind'] | null;
  number?: number | null;
  /** YYYY-MM-DD bounds, inclusive. */
  issuedFrom?: string | null;
  issuedTo?: string | null;
  dueFrom?: string | null;
  dueTo?: string | null;
}

export function invoiceConditions(operatorId: number, filter: InvoiceFilter = {}): SQL {
  const conditions: (SQL | undefined)[] = [eq(invoices.operatorId, operatorId)];
  if (filter.customerId != null) conditions.push(eq(invoices.customerId, filter.customerId));
  if (filter.status?.length) conditions.push(inArray(invoices.status, filter.status));
  if (filter.kind != null) conditions.push(eq(invoices.kind, filter.kind));
  if (filter.number != null) conditions.push(eq(invoices.number, filter.number));
  if (filter.issuedFrom) conditions.push(sql`${invoices.issueDate} >= ${filter.issuedFrom}`);
  if (filter.issuedTo) conditions.push(sql`${invoices.issueDate} <= ${filter.issuedTo}`);
  if (filter.dueFrom) conditions.push(sql`${invoices.dueDate} >= ${filter.dueFrom}`);
  if (filter.dueTo) conditions.push(sql`${invoices.dueDate} <= ${filter.dueTo}`);
  conditions.push(...updatedWithin(invoices.updatedAt, filter));
  return and(...conditions)!;
}

export const INVOICE_SORTS = { ID: invoices.id, NUMBER: invoices.number, ISSUE_DATE: invoices.issueDate, DUE_DATE: invoices.dueDate } as const;
export type InvoiceSortField = keyof typeof INVOICE_SORTS;

export function invoiceSort(field: InvoiceSortField = 'ID', direction: 'asc' | 'desc' = 'asc'): SortKey {
  return sortKeyOf(INVOICE_SORTS, field, direction);
}

export async function list(ctx: ServiceContext, filter: InvoiceFilter, sort: SortKey, page: PageArgs) {
  const where = invoiceConditions(ctx.actor.operatorId, filter);
  return {
    page: await listPage(ctx.db, { table: invoices, idColumn: invoices.id, where, sort }, page),
    count: () => listCount(ctx.db, invoices, where),
  };
}

/** The lines of many invoices, each invoice's in the order they were written. */
export async function linesOfInvoices(db: Executor, operatorId: number, invoiceIds: readonly number[]): Promise<InvoiceLineRow[]> {
  if (invoiceIds.length === 0) return [];
  return db
    .select()
    .from(invoiceLines)
    .where(and(eq(invoiceLines.operatorId, operatorId), inArray(invoiceLines.invoiceId, [...invoiceIds])))
    .orderBy(asc(invoiceLines.invoiceId), asc(invoiceLines.id));
}

/** Invoice lines by id, inside the operator (for `node(id:)`). */
export async function linesByIds(db: Executor, operatorId: number, ids: readonly number[]): Promise<InvoiceLineRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(invoiceLines).where(and(eq(invoiceLines.operatorId, operatorId), inArray(invoiceLines.id, [...ids])));
}

/** An invoice with its lines and the payments made against it. */
export interface InvoiceWithDetails {
  invoice: InvoiceRow;
  lines: InvoiceLineRow[];
  payments: PaymentRow[];
}

/**
 * Every invoice of a customer, oldest first, with lines and payments (SIMPLer getInvoicesData,
 * getCustomerData `invoices`). An unknown customer is an error, not an empty list.
 */
export async function ofCustomer(ctx: ServiceContext, customerId: number): Promise<InvoiceWithDetails[]> {
  const operatorId = ctx.actor.operatorId;
  const [customer] = await ctx.db.select({ id: customers.id }).from(customers).where(and(eq(customers.operatorId, operatorId), eq(customers.id, customerId)));
  if (!customer) throw new NotFoundError('customer', customerId, ['customerId']);
  const rows = await ctx.db
    .select()
    .from(invoices)
    .where(and(eq(invoices.operatorId, operatorId), eq(invoices.customerId, customerId)))
    .orderBy(asc(invoices.issueDate), asc(invoices.number));
  const ids = rows.map((r) => r.id);
  const [lines, paid] = await Promise.all([linesOfInvoices(ctx.db, operatorId, ids), paymentsOfInvoices(ctx.db, operatorId, ids)]);
  return rows.map((invoice) => ({
    invoice,
    lines: lines.filter((l) => l.invoiceId === invoice.id),
    payments: paid.filter((p) => p.invoiceId === invoice.id),
  }));
}

// ---------------------------------------------------------------- paying

/** SIMPLer payInvoice: the invoice by id or by `invoiceNo`, and what was received. */
export interface PayInvoiceInput {
  invoiceId?: number | null;
  /** SIMPLer `invoiceNo`. */
  number?: number | null;
  /** Decimal string, more than 0 and at most the balance due. */
  amount: string;
  /** YYYY-MM-DD; default today. */
  paymentDate?: string | null;
  method: PaymentRow['method'];
  narrative?: string | null;
  /** Bank or gateway transaction id, cheque number. */
  reference?: string | null;
  /** A retry with the same key and input returns the first payment and pays nothing again. */
  idempotencyKey?: string | null;
}


/**
 * Records a payment against an invoice and moves the invoice to partially paid or paid, in one
 * transaction with its audit entry. Overpaying is refused (the balance due is named), as is
 * paying a void or already paid invoice. The invoice row is locked while the balance is
 * checked, so two concurrent payments cannot together overpay it.
 */
export async function pay(ctx: ServiceContext, input: PayInvoiceInput): Promise<{ invoice: InvoiceRow; payment: PaymentRow }> {
  authorize(ctx.actor, 'payments.collect');
  const operatorId = ctx.actor.operatorId;
  const v = new Validation();
  if ((input.invoiceId == null) === (input.number == null)) v.add([], 'give exactly one of the invoice id and the invoice number');
  const { cents, paymentDate } = checkPaymentFields(input, v);
  checkIdempotencyKey(input.idempotencyKey, v);
  v.throwIfAny();

  const { idempotencyKey, ...request } = input;
  const once: OnceSpec<{ invoice: InvoiceRow; payment: PaymentRow }> = {
    operation: 'invoice.pay',
    key: idempotencyKey,
    input: request,
    remember: ({ invoice, payment }) => ({ invoiceId: invoice.id, paymentId: payment.id }),
    recall: async (tx, stored) => {
      const [invoice] = await findByIds(tx, operatorId, [stored.invoiceId as number]);
      const [payment] = await findPaymentsByIds(tx, operatorId, [stored.paymentId as number]);
      return { invoice: invoice!, payment: payment! };
    },
  };
  return writeOnce(ctx, once, async (tx) => {
    const byId = input.invoiceId != null;
    const [invoice] = await tx
      .select()
      .from(invoices)
      .where(and(eq(invoices.operatorId, operatorId), byId ? eq(invoices.id, input.invoiceId!) : eq(invoices.number, input.number!)))
      .for('update');
    if (!invoice) throw new NotFoundError('invoice', byId ? input.invoiceId! : `number ${input.number}`, [byId ? 'invoiceId' : 'number']);
    const label = `invoice ${invoice.number}`;
    if (invoice.status === 'void') throw new PreconditionFailedError(`${label} is void and cannot be paid`, [{ field: [], message: `${label} is void and cannot be paid`, code: 'PRECONDITION_FAILED' }]);
    const due = toCents(invoice.total)! - toCents(invoice.amountPaid)!;
    if (due <= 0) throw new PreconditionFailedError(`${label} is already paid`, [{ field: [], message: `${label} is already paid`, code: 'PRECONDITION_FAILED' }]);
    if (cents > due) {
      const message = `amount ${fromCents(cents)} is more than the balance due of ${label} (${fromCents(due)}); overpayment is refused`;
      throw new DomainError('INVALID', message, [{ field: ['amount'], message, code: 'INVALID' }]);
    }

    const paid = toCents(invoice.amountPaid)! + cents;
    const status = paid === toCents(invoice.total)! ? 'paid' : 'partially_paid';
    const [payment] = await tx
      .insert(payments)
      .values(paymentValues(ctx, { customerId: invoice.customerId, invoiceId: invoice.id }, input, cents, paymentDate))
      .returning();
    const [updated] = await tx
      .update(invoices)
      .set({ amountPaid: fromCents(paid), status })
      .where(and(eq(invoices.operatorId, operatorId), eq(invoices.id, invoice.id)))
      .returning();
    await audit(tx, ctx.actor, 'invoice.pay', 'invoice', invoice.id, {
      paymentId: payment!.id,
      amount: payment!.amount,
      method: payment!.method,
      paymentDate,
      amountPaid: updated!.amountPaid,
      status,
    });
    return { invoice: updated!, payment: payment! };
  });
}

// ---------------------------------------------------------------- voiding

/**
 * Voids an invoice: it stays on record with its number and lines but is no longer owed.
 * Refused once anything was paid on it (reverse those payments first, so the money is
 * accounted for) and when it is already void.
 */
export async function voidInvoice(ctx: ServiceContext, id: number): Promise<InvoiceRow> {
  authorize(ctx.actor, 'billing.write');
  const operatorId = ctx.actor.operatorId;
  return ctx.db.transaction(async (tx) => {
    const [invoice] = await tx.select().from(invoices).where(and(eq(invoices.operatorId, operatorId), eq(invoices.id, id))).for('update');
    if (!invoice) throw new NotFoundError('invoice', id, ['id']);
    const label = `invoice ${invoice.number}`;
    const refuse = (message: string) => new PreconditionFailedError(message, [{ field: ['id'], message, code: 'PRECONDITION_FAILED' }]);
    if (invoice.status === 'void') throw refuse(`${label} is already void`);
    if (toCents(invoice.amountPaid)! > 0) throw refuse(`${label} has ${invoice.amountPaid} paid on it; reverse those payments before voiding it`);
    const [row] = await tx.update(invoices).set({ status: 'void' }).where(and(eq(invoices.operatorId, operatorId), eq(invoices.id, id))).returning();
    await audit(tx, ctx.actor, 'invoice.void', 'invoice', id, { number: invoice.number, previousStatus: invoice.status, total: invoice.total });
    return row!;
  });
}
