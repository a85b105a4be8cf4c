import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, money, operatorColumn, updatedAt } from '../db/columns';
import { customers, paymentMethod } from '../customers/customer.table';
import { staffUsers } from '../tenancy/staff-user.table';
import { invoices } from './invoice.table';

/**
 * Money received (SIMPLer payInvoice: invoiceNo, amount, paymentDate, paymentType, narrative).
 * Approved Jaze field collections (payment_collections) also end up here.
 */
export const payments = pgTable(
  'payments',
  {
    id: idColumn(),
    operatorId: operatorColumn(),
    /** Restrict: payment history must never disappear with a customer. */
    customerId: integer()
      .notNull()
      .references(() => customers.id, { onDelete: 'restrict' }),
    /** Null for an on-account payment. Restrict: a paid invoice cannot be deleted. */
    invoiceId: integer().references(() => invoices.id, { onDelete: 'restrict' }),
    amount: money().notNull(),
    paymentDate: date().notNull().default(sql`current_date`),
    /**
     * payInvoice `paymentType`. Same enum as the customer's preferred `paymentMethod` (defined with
     * the customer, reused here so there is one `payment_method` type).
     */
    method: paymentMethod().notNull(),
    narrative: text(),
    /** External reference (bank or gateway transaction id, cheque number). */
    reference: text(),
    recordedByStaffId: integer().references(() => staffUsers.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('payments_operator_payment_date_idx').on(t.operatorId, t.paymentDate),
    index('payments_customer_idx').on(t.customerId),
    index('payments_invoice_idx').on(t.invoiceId),
    index('payments_recorded_by_staff_idx').on(t.recordedByStaffId),
    check('payments_amount_check', sql`${t.amount} > 0`),
  ],
);
