import { sql } from 'drizzle-orm';
import { check, date, index, integer, numeric, pgEnum, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, money, operatorColumn, rate, updatedAt } from '../db/columns';
import { customers } from '../customers/customer.table';
import { subscriptions } from './subscription.table';

/** SIMPLer generateInvoices `type` (new, recurring) plus invoices raised by hand. */
export const invoiceKind = pgEnum('invoice_kind', ['new', 'recurring', 'manual']);
export const invoiceStatus = pgEnum('invoice_status', ['open', 'partially_paid', 'paid', 'void']);

/**
 * Invoices (SIMPLer generateInvoices, payInvoice by `invoiceNo`, getInvoicesData, getCustomerData
 * `invoices`). Totals are stored, not recomputed, so an issued invoice never changes under a
 * later plan or tax edit.
 */
export const invoices = pgTable(
  'invoices',
  {
    id: idColumn(),
    operatorId: operatorColumn(),
    /** SIMPLer `invoiceNo`. */
    number: integer().notNull(),
    /** Restrict: SIMPLer refuses to delete a customer that has invoices (deleteCustomer rule 4). */
    customerId: integer()
      .notNull()
      .references(() => customers.id, { onDelete: 'restrict' }),
    kind: invoiceKind().notNull(),
    status: invoiceStatus().notNull().default('open'),
    issueDate: date().notNull().default(sql`current_date`),
    dueDate: date().notNull(),
    periodStart: date(),
    periodEnd: date(),
    subtotal: money().notNull(),
    taxTotal: money().notNull().default('0'),
    total: money().notNull(),
    amountPaid: money().notNull().default('0'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('invoices_operator_number_key').on(t.operatorId, t.number),
    index('invoices_customer_issue_date_idx').on(t.customerId, t.issueDate),
    index('invoices_operator_issue_date_idx').on(t.operatorId, t.issueDate),
    index('invoices_operator_status_due_date_idx').on(t.operatorId, t.status, t.dueDate),
    check('invoices_total_check', sql`${t.total} = ${t.subtotal} + ${t.taxTotal}`),
    check('invoices_amount_paid_check', sql`${t.amountPaid} >= 0 and ${t.amountPaid} <= ${t.total}`),
    check('invoices_paid_status_check', sql`${t.status} <> 'paid' or ${t.amountPaid} = ${t.total}`),
    check(
      'invoices_partially_paid_status_check',
      sql`${t.status} <> 'partially_paid' or (${t.amountPaid} > 0 and ${t.amountPaid} < ${t.total})`,
    ),
    check('invoices_due_date_check', sql`${t.dueDate} >= ${t.issueDate}`),
    check(
      'invoices_period_check',
      sql`${t.periodStart} is null or ${t.periodEnd} is null or ${t.periodEnd} >= ${t.periodStart}`,
    ),
  ],
);

/** One billed item; a recurring line names the subscription it billed. */
export const invoiceLines = pgTable(
  'invoice_lines',
  {
    id: idColumn(),
    operatorId: operatorColumn(),
    invoiceId: integer()
      .notNull()
      .references(() => invoices.id, { onDelete: 'cascade' }),
    /** Set null: the line is a copy of what was billed and outlives the subscription. */
    subscriptionId: integer().references(() => subscriptions.id, { onDelete: 'set null' }),
    description: text().notNull(),
    quantity: numeric({ precision: 12, scale: 4 }).notNull().default('1'),
    unitPrice: money().notNull(),
    /** Percent off. */
    discount: rate().notNull().default('0'),
    taxRate: rate().notNull().default('0'),
    net: money().notNull(),
    tax: money().notNull().default('0'),
    total: money().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('invoice_lines_operator_idx').on(t.operatorId),
    index('invoice_lines_invoice_idx').on(t.invoiceId),
    index('invoice_lines_subscription_idx').on(t.subscriptionId),
    check('invoice_lines_total_check', sql`${t.total} = ${t.net} + ${t.tax}`),
    check('invoice_lines_discount_check', sql`${t.discount} >= 0 and ${t.discount} <= 100`),
    check('invoice_lines_tax_rate_check', sql`${t.taxRate} >= 0 and ${t.taxRate} <= 100`),
  ],
);
