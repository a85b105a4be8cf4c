import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, money, operatorColumn, updatedAt } from '../db/columns';
import { customers, paymentMethod } from '../customers/customer.table';
import { staffUsers } from '../tenancy/staff-user.table';
import { payments } from './payment.table';

/**
 * Money given back to a customer. An ISP refunds what it received — an overpayment, a charge
 * disputed, service not delivered — so every refund names the payment it returns, in part or in
 * full, and the refunds of a payment never add up to more than the payment (refund.service.ts).
 * A refund does not reopen the invoice the payment paid (that is a reversal, paymentReverse):
 * it lowers the customer's credit (customer-data.service.ts#customerMoney).
 */
export const refunds = pgTable(
  'refunds',
  {
    id: idColumn(),
    operatorId: operatorColumn(),
    /** The payment's customer, kept on the row so a customer's refunds are one index away. Restrict: money history stays. */
    customerId: integer()
      .notNull()
      .references(() => customers.id, { onDelete: 'restrict' }),
    /** Restrict: a payment partly given back cannot be reversed or deleted away under its refunds. */
    paymentId: integer()
      .notNull()
      .references(() => payments.id, { onDelete: 'restrict' }),
    amount: money().notNull(),
    refundDate: date().notNull().default(sql`current_date`),
    /** How the money went back (same `payment_method` enum as payments). */
    method: paymentMethod().notNull(),
    reason: text(),
    createdByStaffId: integer().references(() => staffUsers.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('refunds_operator_refund_date_idx').on(t.operatorId, t.refundDate),
    index('refunds_customer_idx').on(t.customerId),
    index('refunds_payment_idx').on(t.paymentId),
    index('refunds_created_by_staff_idx').on(t.createdByStaffId),
    check('refunds_amount_check', sql`${t.amount} > 0`),
  ],
);
