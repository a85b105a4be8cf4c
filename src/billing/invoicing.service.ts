/**
 * The invoicing run (SIMPLer generateInvoices: `type` new | recurring, optional `customerid`).
 * One run is one transaction: it takes the operator's invoice-numbering lock, picks what is due,
 * writes one invoice per customer (one line per billed cycle of each subscription), moves each
 * subscription's `nextBillingDate` on and counts the cycle, and writes the audit entry. A second
 * run on the same day finds nothing due and bills nothing.
 */
import { and, asc, eq, isNull, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { audit } from '../shared/audit';
import type { ServiceContext } from '../shared/context';
import { NotFoundError, Validation } from '../shared/errors';
import { customers } from '../customers/customer.table';
import { plans } from '../catalog/plan.table';
import { addDays, addMonths, isCalendarDate } from './dates';
import { invoiceLines, invoices } from './invoice.table';
import { findByIds as findInvoicesByIds, type InvoiceRow } from './invoice.service';
import { checkIdempotencyKey, writeOnce, type OnceSpec } from '../idempotency/write-once';
import { fromCents, toCents, today } from './money';
import { subscriptions } from './subscription.table';
import type { SubscriptionRow } from './subscription.service';
import { authorize } from '../tenancy/permissions';

export type InvoicingKind = 'new' | 'recurring';
export type Rounding = SubscriptionRow['rounding'];

export interface GenerateInput {
  /** SIMPLer `type`; default `recurring`. */
  kind?: InvoicingKind | null;
  /** SIMPLer `customerid`: bill only this customer. */
  customerId?: number | null;
  /** YYYY-MM-DD the run bills up to (and issues invoices on); default today (UTC). */
  asOf?: string | null;
  /** A retry with the same key and input returns the first run's invoices and bills nothing. */
  idempotencyKey?: string | null;
}

/** Class key of the advisory lock that serialises invoice numbering per operator. */
const INVOICE_NUMBER_LOCK = 720_114;
/** A run never bills more than this many overdue cycles of one subscription. */
const MAX_CATCH_UP_CYCLES = 120;

// ---------------------------------------------------------------- exact line arithmetic

/** A non-negative decimal string as an integer scaled by 10^places ("23.5", 4 → 235000). */
function scaled(value: string, places: number): bigint {
  const [whole = '0', fraction = ''] = value.trim().split('.');
  return BigInt(whole) * 10n ** BigInt(places) + BigInt((fraction + '0'.repeat(places)).slice(0, places) || '0');
}

/** num / den (den > 0) rounded as asked: half-up (away from zero), ceiling or floor. */
function divide(num: bigint, den: bigint, mode: 'half_up' | 'up' | 'down'): bigint {
  const floor = num >= 0n ? num / den : -((-num + den - 1n) / den);
  const remainder = num - floor * den;
  if (remainder === 0n) return floor;
  if (mode === 'down') return floor;
  if (mode === 'up') return floor + 1n;
  // half-up, symmetric: compare |remainder| to half the divisor on the magnitude
  if (num >= 0n) return remainder * 2n >= den ? floor + 1n : floor;
  return remainder * 2n > den ? floor + 1n : floor;
}

const ONE_HUNDRED_PERCENT = 1_000_000n; // percent with four decimals: 100.0000 → 1 000 000

export interface LineAmounts {
  net: string;
  tax: string;
  total: string;
}

/**
 * Net = unit price × quantity × (1 − discount %), rounded to cents per the subscription's
 * `rounding` (default / arithmetic: half-up; up: ceiling; down: floor). Tax = net × rate %,
 * rounded half-up, per line. Integer arithmetic only.
 */
export function lineAmounts(unitPrice: string, quantity: number, discountPercent: string, taxRatePercent: string, rounding: Rounding): LineAmounts {
  const priceCents = BigInt(toCents(unitPrice)!);
  const discount = scaled(discountPercent, 4);
  const rate = scaled(taxRatePercent, 4);
  const mode = rounding === 'up' ? 'up' : rounding === 'down' ? 'down' : 'half_up';
  const net = divide(priceCents * BigInt(quantity) * (ONE_HUNDRED_PERCENT - discount), ONE_HUNDRED_PERCENT, mode);
  const tax = divide(net * rate, ONE_HUNDRED_PERCENT, 'half_up');
  return { net: fromCents(Number(net)), tax: fromCents(Number(tax)), total: fromCents(Number(net + tax)) };
}

// ---------------------------------------------------------------- the run

interface Candidate {
  sub: SubscriptionRow;
  planPrice: string | null;
  customerTaxRate: string | null;
  vatExempt: boolean;
  creditDays: number | null;
}

interface Cycle {
  start: string;
  end: string;
}

/** The cycles of `sub` this run bills, and the subscription's next billing date after them. */
function dueCycles(sub: SubscriptionRow, kind: InvoicingKind, asOf: string): { cycles: Cycle[]; next: string } {
  const anchorDay = Number(sub.validFrom.slice(8, 10));
  let next = sub.nextBillingDate ?? sub.validFrom;
  const cycles: Cycle[] = [];
  let billed = sub.cyclesBilled;
  const more = () => (sub.cycles == null || billed < sub.cycles) && (sub.validTo == null || next <= sub.validTo);
  while (more() && cycles.length < MAX_CATCH_UP_CYCLES) {
    // `new` bills the first cycle up front; `recurring` every cycle that has started by asOf
    if (kind === 'recurring' && next > asOf) break;
    if (kind === 'new' && cycles.length === 1) break;
    const following = addMonths(next, sub.frequencyMonths, anchorDay);
    cycles.push({ start: next, end: addDays(following, -1) });
    next = following;
    billed++;
  }
  return { cycles, next };
}

function candidateConditions(operatorId: number, kind: InvoicingKind, asOf: string, customerId: number | null | undefined): SQL {
  const conditions: (SQL | undefined)[] = [
    eq(subscriptions.operatorId, operatorId),
    isNull(subscriptions.endedAt),
    or(isNull(subscriptions.validTo), sql`${subscriptions.validTo} >= ${asOf}`),
    eq(subscriptions.freeService, false),
    // overage is billed from usage, not per cycle
    ne(subscriptions.type, 'overage'),
    or(isNull(subscriptions.cycles), sql`${subscriptions.cyclesBilled} < ${subscriptions.cycles}`),
    eq(customers.invoicingEnabled, true),
    eq(customers.freeService, false),
    customerId != null ? eq(subscriptions.customerId, customerId) : undefined,
  ];
  if (kind === 'recurring') {
    conditions.push(sql`${subscriptions.validFrom} <= ${asOf}`, lte(subscriptions.nextBillingDate, asOf));
  } else {
    conditions.push(eq(subscriptions.cyclesBilled, 0));
  }
  return and(...conditions)!;
}

async function nextInvoiceNumber(tx: Executor, operatorId: number): Promise<number> {
  const [row] = await tx
    .select({ last: sql<number | null>`max(${invoices.number})` })
    .from(invoices)
    .where(eq(invoices.operatorId, operatorId));
  return Number(row?.last ?? 0) + 1;
}

/**
 * Runs invoicing and returns the invoices it created (none when nothing is due). Recurring:
 * active subscriptions whose next billing date has come (catching up any missed cycles); new:
 * subscriptions never billed, whatever their next billing date. Free-service subscriptions and
 * customers with invoicing disabled are skipped. Unit price: the subscription's overridden price,
 * else the plan's current price; tax rate: the subscription's, else the customer's (0 for a
 * VAT-exempt customer).
 */
export async function generate(ctx: ServiceContext, input: GenerateInput = {}): Promise<InvoiceRow[]> {
  authorize(ctx.actor, 'billing.write');
  const operatorId = ctx.actor.operatorId;
  const kind = input.kind ?? 'recurring';
  const asOf = input.asOf ?? today();
  const v = new Validation();
  if (kind !== 'new' && kind !== 'recurring') v.add('kind', `kind must be new or recurring, not "${String(kind)}"`);
  if (!isCalendarDate(asOf)) v.add('asOf', `asOf "${asOf}" is not a date (YYYY-MM-DD)`);
  if (input.customerId != null) {
    const [found] = await ctx.db
      .select({ id: customers.id })
      .from(customers)
      .where(and(eq(customers.operatorId, operatorId), eq(customers.id, input.customerId)));
    if (!found) v.add('customerId', new NotFoundError('customer', input.customerId).message, 'NOT_FOUND');
  }
  checkIdempotencyKey(input.idempotencyKey, v);
  v.throwIfAny();

  const { idempotencyKey, ...request } = input;
  const once: OnceSpec<InvoiceRow[]> = {
    operation: 'invoicing.generate',
    key: idempotencyKey,
    input: request,
    remember: (created) => ({ invoiceIds: created.map((i) => i.id) }),
    recall: async (tx, stored) => {
      const ids = stored.invoiceIds as number[];
      const rows = await findInvoicesByIds(tx, operatorId, ids);
      return ids.map((id) => rows.find((r) => r.id === id)).filter((r): r is InvoiceRow => r !== undefined);
    },
  };
  return writeOnce(ctx, once, async (tx) => {
    // Serialises runs (and numbering) per operator; the second of two concurrent runs then sees
    // the first one's advanced billing dates and bills nothing twice.
    await tx.execute(sql`select pg_advisory_xact_lock(${INVOICE_NUMBER_LOCK}::int, ${operatorId}::int)`);
    const rows = await tx
      .select({
        sub: subscriptions,
        planPrice: plans.price,
        customerTaxRate: customers.taxRate,
        vatExempt: customers.vatExempt,
        creditDays: customers.creditDays,
      })
      .from(subscriptions)
      .innerJoin(customers, eq(customers.id, subscriptions.customerId))
      .innerJoin(plans, eq(plans.id, subscriptions.planId))
      .where(candidateConditions(operatorId, kind, asOf, input.customerId))
      .orderBy(asc(subscriptions.customerId), asc(subscriptions.id))
      .for('update', { of: subscriptions });

    const byCustomer = new Map<number, Candidate[]>();
    for (const row of rows as Candidate[]) {
      const list = byCustomer.get(row.sub.customerId) ?? [];
      list.push(row);
      byCustomer.set(row.sub.customerId, list);
    }

    let number = await nextInvoiceNumber(tx, operatorId);
    const created: InvoiceRow[] = [];
    for (const [customerId, candidates] of byCustomer) {
      const lines: (Omit<typeof invoiceLines.$inferInsert, 'invoiceId'>)[] = [];
      const advances: { id: number; next: string; billed: number }[] = [];
      let periodStart: string | null = null;
      let periodEnd: string | null = null;
      for (const c of candidates) {
        const { cycles, next } = dueCycles(c.sub, kind, asOf);
        if (cycles.length === 0) continue;
        const unitPrice = (c.sub.priceOverridden ? c.sub.price : c.planPrice ?? c.sub.price) ?? '0';
        const taxRate = c.vatExempt ? '0' : (c.sub.taxRate ?? c.customerTaxRate ?? '0');
        for (const cycle of cycles) {
          const amounts = lineAmounts(unitPrice, c.sub.quantity, c.sub.discount, taxRate, c.sub.rounding);
          lines.push({
            operatorId,
            subscriptionId: c.sub.id,
            description: `${c.sub.description ?? 'Subscription'} (${cycle.start} – ${cycle.end})`,
            quantity: String(c.sub.quantity),
            unitPrice: fromCents(toCents(unitPrice)!),
            discount: c.sub.discount,
            taxRate,
            ...amounts,
          });
          if (periodStart == null || cycle.start < periodStart) periodStart = cycle.start;
          if (periodEnd == null || cycle.end > periodEnd) periodEnd = cycle.end;
        }
        advances.push({ id: c.sub.id, next, billed: c.sub.cyclesBilled + cycles.length });
      }
      if (lines.length === 0) continue;

      const subtotal = lines.reduce((sum, l) => sum + toCents(l.net as string)!, 0);
      const taxTotal = lines.reduce((sum, l) => sum + toCents(l.tax as string)!, 0);
      const creditDays = candidates[0]!.creditDays ?? 0;
      const [invoice] = await tx
        .insert(invoices)
        .values({
          operatorId,
          number: number++,
          customerId,
          kind,
          status: 'open',
          issueDate: asOf,
          dueDate: addDays(asOf, Math.max(0, creditDays)),
          periodStart,
          periodEnd,
          subtotal: fromCents(subtotal),
          taxTotal: fromCents(taxTotal),
          total: fromCents(subtotal + taxTotal),
        })
        .returning();
      await tx.insert(invoiceLines).values(lines.map((l) => ({ ...l, invoiceId: invoice!.id })));
      for (const a of advances) {
        await tx.update(subscriptions).set({ nextBillingDate: a.next, cyclesBilled: a.billed }).where(eq(subscriptions.id, a.id));
      }
      created.push(invoice!);
    }
    await audit(tx, ctx.actor, 'invoicing.generate', 'invoice', null, {
      kind,
      asOf,
      customerId: input.customerId ?? null,
      invoiceNumbers: created.map((i) => i.number),
    });
    return created;
  });
}

// ---------------------------------------------------------------- invoices raised by hand

export interface ManualLineInput {
  description: string;
  /** Whole units, at least 1; default 1. */
  quantity?: number | null;
  /** Price per unit, two decimals at most; may be negative for a credit line. */
  unitPrice: string;
  /** Percent off, 0..100; default 0. */
  discount?: string | null;
  /** Percent; default the customer's rate (0 for a VAT-exempt customer). */
  taxRate?: string | null;
}

export interface ManualInvoiceInput {
  customerId: number;
  /** YYYY-MM-DD; default today. */
  issueDate?: string | null;
  /** YYYY-MM-DD, not before the issue date; default the issue date plus the customer's credit days. */
  dueDate?: string | null;
  periodStart?: string | null;
  periodEnd?: string | null;
  lines: ManualLineInput[];
}

const PERCENT = /^\d{1,3}(\.\d{1,4})?$/;
const MAX_LINES = 200;
const MAX_DESCRIPTION = 500;

/**
 * Raises an invoice by hand (kind `manual`): lines priced as the invoicing run prices them
 * (`lineAmounts`, half-up rounding), numbered under the same per-operator lock, so manual and
 * generated invoices share one gap-free sequence. The total cannot be negative: a credit is
 * a line of a larger invoice, not an invoice of its own.
 */
export async function createManual(ctx: ServiceContext, input: ManualInvoiceInput): Promise<InvoiceRow> {
  authorize(ctx.actor, 'billing.write');
  const operatorId = ctx.actor.operatorId;
  const v = new Validation();
  const [customer] = await ctx.db
    .select({ id: customers.id, taxRate: customers.taxRate, vatExempt: customers.vatExempt, creditDays: customers.creditDays })
    .from(customers)
    .where(and(eq(customers.operatorId, operatorId), eq(customers.id, input.customerId)));
  if (!customer) v.add('customerId', `customer ${input.customerId} does not exist`, 'NOT_FOUND');
  const issueDate = input.issueDate ?? today();
  for (const field of ['issueDate', 'dueDate', 'periodStart', 'periodEnd'] as const) {
    const value = field === 'issueDate' ? issueDate : input[field];
    if (value != null && !isCalendarDate(value)) v.add(field, `${field} "${value}" is not a date (YYYY-MM-DD)`);
  }
  if (input.dueDate != null && input.dueDate < issueDate) v.add('dueDate', `dueDate ${input.dueDate} is before issueDate ${issueDate}`);
  if (input.periodStart != null && input.periodEnd != null && input.periodEnd < input.periodStart) v.add('periodEnd', 'periodEnd is before periodStart');
  if (input.lines.length === 0) v.add('lines', 'an invoice needs at least one line');
  if (input.lines.length > MAX_LINES) v.add('lines', `an invoice has at most ${MAX_LINES} lines`);
  input.lines.forEach((line, i) => {
    const at = (field: string) => ['lines', String(i), field];
    if (!line.description?.trim()) v.add(at('description'), 'description is required');
    else if (line.description.length > MAX_DESCRIPTION) v.add(at('description'), `description is longer than ${MAX_DESCRIPTION} characters`);
    if (line.quantity != null && (!Number.isInteger(line.quantity) || line.quantity < 1 || line.quantity > 1_000_000)) v.add(at('quantity'), 'quantity must be a whole number from 1 to 1000000');
    if (toCents(line.unitPrice) == null) v.add(at('unitPrice'), `unitPrice "${line.unitPrice}" must be an amount with at most two decimals, e.g. "12.30"`);
    for (const field of ['discount', 'taxRate'] as const) {
      const value = line[field];
      if (value != null && (!PERCENT.test(value) || Number(value) > 100)) v.add(at(field), `${field} must be a percentage from 0 to 100`);
    }
  });
  v.throwIfAny();

  const defaultRate = customer!.vatExempt ? '0' : (customer!.taxRate ?? '0');
  const lines = input.lines.map((line) => {
    const discount = line.discount ?? '0';
    const taxRate = line.taxRate ?? defaultRate;
    const quantity = line.quantity ?? 1;
    const unitPrice = fromCents(toCents(line.unitPrice)!);
    return { operatorId, description: line.description.trim(), quantity: String(quantity), unitPrice, discount, taxRate, ...lineAmounts(unitPrice, quantity, discount, taxRate, 'default') };
  });
  const subtotal = lines.reduce((sum, l) => sum + toCents(l.net)!, 0);
  const taxTotal = lines.reduce((sum, l) => sum + toCents(l.tax)!, 0);
  if (subtotal + taxTotal < 0) new Validation().add('lines', `the lines total ${fromCents(subtotal + taxTotal)}; an invoice cannot be negative`).throwIfAny();

  return ctx.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${INVOICE_NUMBER_LOCK}::int, ${operatorId}::int)`);
    const number = await nextInvoiceNumber(tx, operatorId);
    const total = subtotal + taxTotal;
    const [invoice] = await tx
      .insert(invoices)
      .values({
        operatorId,
        number,
        customerId: customer!.id,
        kind: 'manual',
        // nothing to pay on a zero invoice
        status: total === 0 ? 'paid' : 'open',
        issueDate,
        dueDate: input.dueDate ?? addDays(issueDate, Math.max(0, customer!.creditDays ?? 0)),
        periodStart: input.periodStart ?? null,
        periodEnd: input.periodEnd ?? null,
        subtotal: fromCents(subtotal),
        taxTotal: fromCents(taxTotal),
        total: fromCents(total),
      })
      .returning();
    await tx.insert(invoiceLines).values(lines.map((l) => ({ ...l, invoiceId: invoice!.id })));
    await audit(tx, ctx.actor, 'invoice.create', 'invoice', invoice!.id, { number, customerId: customer!.id, total: invoice!.total, lines: lines.length });
    return invoice!;
  });
}
