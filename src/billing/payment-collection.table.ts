import { sql } from 'drizzle-orm';
import { char, check, date, index, integer, pgEnum, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, money, operatorColumn, timestamptz, updatedAt } from '../db/columns';
import { customers } from '../customers/customer.table';
import { staffUsers } from '../tenancy/staff-user.table';
import { payments } from './payment.table';

/**
 * Life of a field collection: requested (E39) → the collector's outcome (E25 statusOfCollection:
 * cashCollected, notAvailable, alreadyPaid) → approved / disapproved (E23/E24).
 */
export const paymentCollectionStatus = pgEnum('payment_collection_status', [
  'requested',
  'cash_collected',
  'not_available',
  'already_paid',
  'approved',
  'disapproved',
]);
/** Jaze E25 `method`: cash, cheque, creditCard, debitCard. */
export const paymentCollectionMethod = pgEnum('payment_collection_method', ['cash', 'cheque', 'credit_card', 'debit_card']);

/**
 * Payments collected at the customer's door by collection admins, with approval (Jaze E21
 * get_collection_users_areawise, E22 get_collection_approval_users `PaymentCollectionMode`,
 * E23 collection_approval, E24 collection_disapproval, E25 collect_user_payment, E27
 * assign_users_to_admin, E39 payment_collection_request). Approval creates the payment row.
 * Card payments keep only the last four digits: E25's `cardNumber` is never stored.
 */
export const paymentCollections = pgTable(
  'payment_collections',
  {
    id: idColumn(),
    operatorId: operatorColumn(),
    /** Cascade: once approved, the money is in `payments`, which restricts customer deletion. */
    customerId: integer()
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    status: paymentCollectionStatus().notNull().default('requested'),
    amount: money(),
    method: paymentCollectionMethod(),
    bank: text(),
    /** Text: cheque numbers can have leading zeros. */
    chequeNumber: text(),
    chequeDate: date(),
    cardLast4: char({ length: 4 }),
    cardExpiration: text(),
    notes: text(),
    /** E39 `bringChangeFor`: `none` or a banknote value such as `500`. */
    bringChangeFor: text(),
    collectorStaffId: integer().references(() => staffUsers.id, { onDelete: 'set null' }),
    decidedByStaffId: integer().references(() => staffUsers.id, { onDelete: 'set null' }),
    decidedAt: timestamptz(),
    /** Set when approved. */
    paymentId: integer().references(() => payments.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('payment_collections_operator_status_created_idx').on(t.operatorId, t.status, t.createdAt),
    index('payment_collections_customer_idx').on(t.customerId),
    index('payment_collections_collector_staff_idx').on(t.collectorStaffId),
    index('payment_collections_decided_by_staff_idx').on(t.decidedByStaffId),
    index('payment_collections_payment_idx').on(t.paymentId),
    check('payment_collections_amount_check', sql`${t.amount} is null or ${t.amount} > 0`),
    check('payment_collections_card_last4_check', sql`${t.cardLast4} is null or ${t.cardLast4} ~ '^[0-9]{4}$'`),
    check(
      'payment_collections_decided_check',
      sql`(${t.status} in ('approved', 'disapproved')) = (${t.decidedAt} is not null)`,
    ),
  ],
);
