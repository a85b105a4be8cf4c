/**
 * Payments recorded by hand: on account (money received that is not tied to an invoice) and
 * reversals. A payment against an invoice is recorded by `invoice.service#pay` (SIMPLer
 * payInvoice), which moves the invoice's balance with it.
 */
import { and, eq } from 'drizzle-orm';
import { audit } from '../shared/audit';
import type { ServiceContext } from '../shared/context';
import { NotFoundError, PreconditionFailedError, Validation } from '../shared/errors';
import { customers } from '../customers/customer.table';
import { isCalendarDate } from './dates';
import { invoices } from './invoice.table';
import { fromCents, toCents, today } from './money';
import { paymentCollections } from './payment-collection.table';
import { payments } from './payment.table';
import type { PaymentRow } from './payment.service';
import { refunds } from './refund.table';
import { authorize } from '../tenancy/permissions';

export interface OnAccountPaymentInput {
  customerId: number;
  /** More than 0, two decimals at most. */
  amount: string;
  /** YYYY-MM-DD; default today. */
  paymentDate?: string | null;
  method: PaymentRow['method'];
  narrative?: string | null;
  reference?: string | null;
}

const MAX_TEXT = 500;

export interface PaymentFields {
  amount: string;
  paymentDate?: string | null;
  method: PaymentRow['method'];
  narrative?: string | null;
  reference?: string | null;
}

/**
 * The rules every movement of money follows, payments and refunds alike: an amount above 0 with
 * two decimals at most, a calendar date (default today) under the name `dateField`, and a
 * method. Problems go to `v`.
 */
export function checkMoneyMovement(
  input: { amount: string; method?: string | null },
  date: { field: string; value?: string | null },
  what: 'payment' | 'refund',
  v: Validation,
): { cents: number; date: string } {
  const cents = toCents(input.amount);
  if (cents == null) v.add('amount', `amount "${input.amount}" must be an amount with at most two decimals, e.g. "12.30"`);
  else if (cents <= 0) v.add('amount', 'amount must be more than 0');
  const day = date.value ?? today();
  if (!isCalendarDate(day)) v.add(date.field, `${date.field} "${day}" is not a date (YYYY-MM-DD)`);
  if (!input.method) v.add('method', `${what} method is required`);
  return { cents: cents ?? 0, date: day };
}

/**
 * The rules every recorded payment follows, against an invoice (SIMPLer payInvoice) or on
 * account: checkMoneyMovement's, and narrative and reference of 500 characters at most.
 */
export function checkPaymentFields(input: PaymentFields, v: Validation): { cents: number; paymentDate: string } {
  const { cents, date } = checkMoneyMovement(input, { field: 'paymentDate', value: input.paymentDate }, 'payment', v);
  for (const key of ['narrative', 'reference'] as const) {
    if ((input[key]?.length ?? 0) > MAX_TEXT) v.add(key, `${key} is longer than ${MAX_TEXT} characters`);
  }
  return { cents, paymentDate: date };
}

/** The row of a payment the caller records, once its fields have passed checkPaymentFields. */
export function paymentValues(ctx: ServiceContext, to: { customerId: number; invoiceId: number | null }, input: PaymentFields, cents: number, paymentDate: string) {
  return {
    operatorId: ctx.actor.operatorId,
    customerId: to.customerId,
    invoiceId: to.invoiceId,
    amount: fromCents(cents),
    paymentDate,
    method: input.method,
    narrative: input.narrative ?? null,
    reference: input.reference ?? null,
    recordedByStaffId: ctx.actor.staffUserId,
  };
}

/** Records money received from a customer on account, not against any invoice. */
export async function createOnAccount(ctx: ServiceContext, input: OnAccountPaymentInput): Promise<PaymentRow> {
  authorize(ctx.actor, 'payments.collect');
  const operatorId = ctx.actor.operatorId;
  const v = new Validation();
  const [customer] = await ctx.db.select({ id: customers.id }).from(customers).where(and(eq(customers.operatorId, operatorId), eq(customers.id, input.customerId)));
  if (!customer) v.add('customerId', `customer ${input.customerId} does not exist`, 'NOT_FOUND');
  const { cents, paymentDate } = checkPaymentFields(input, v);
  v.throwIfAny();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(payments)
      .values(paymentValues(ctx, { customerId: input.customerId, invoiceId: null }, input, cents, paymentDate))
      .returning();
    await audit(tx, ctx.actor, 'payment.create', 'payment', row!.id, { customerId: input.customerId, amount: row!.amount, method: row!.method, paymentDate });
    return row!;
  });
}

/**
 * Reverses a payment recorded in error (a bounced cheque, a wrong account): the payment is
 * removed and, when it paid an invoice, that invoice owes the amount again (open or partially
 * paid). The audit entry keeps what was reversed. A payment a field collection recorded is
 * refused (the collection would lose its receipt), and so is one partly or fully refunded: the
 * money went back, and its refunds would lose the payment they return.
 */
export async function reverse(ctx: ServiceContext, id: number): Promise<{ payment: PaymentRow; invoiceId: number | null }> {
  authorize(ctx.actor, 'billing.write');
  const operatorId = ctx.actor.operatorId;
  return ctx.db.transaction(async (tx) => {
    const [payment] = await tx.select().from(payments).where(and(eq(payments.operatorId, operatorId), eq(payments.id, id))).for('update');
    if (!payment) throw new NotFoundError('payment', id, ['id']);
    const [collection] = await tx.select({ id: paymentCollections.id }).from(paymentCollections).where(eq(paymentCollections.paymentId, id));
    if (collection) {
      const message = `payment ${id} was recorded by field collection ${collection.id} and cannot be reversed on its own`;
      throw new PreconditionFailedError(message, [{ field: ['id'], message, code: 'PRECONDITION_FAILED' }]);
    }
    const [refunded] = await tx.select({ id: refunds.id }).from(refunds).where(eq(refunds.paymentId, id)).limit(1);
    if (refunded) {
      const message = `payment ${id} has refunds (refund ${refunded.id}) and cannot be reversed`;
      throw new PreconditionFailedError(message, [{ field: ['id'], message, code: 'PRECONDITION_FAILED' }]);
    }
    let invoiceChange: Record<string, unknown> = {};
    if (payment.invoiceId != null) {
      const [invoice] = await tx.select().from(invoices).where(eq(invoices.id, payment.invoiceId)).for('update');
      const paid = toCents(invoice!.amountPaid)! - toCents(payment.amount)!;
      const status = invoice!.status === 'void' ? 'void' : paid === 0 ? 'open' : 'partially_paid';
      await tx.update(invoices).set({ amountPaid: fromCents(paid), status }).where(eq(invoices.id, invoice!.id));
      invoiceChange = { invoiceId: invoice!.id, amountPaid: fromCents(paid), status };
    }
    await tx.delete(payments).where(eq(payments.id, id));
    await audit(tx, ctx.actor, 'payment.reverse', 'payment', id, {
      customerId: payment.customerId,
      amount: payment.amount,
      method: payment.method,
      paymentDate: payment.paymentDate,
      reference: payment.reference,
      ...invoiceChange,
    });
    return { payment, invoiceId: payment.invoiceId };
  });
}
