import { sql } from 'drizzle-orm';
import { check, index, pgEnum, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, money, operatorColumn, rate, timestamptz, updatedAt } from '../db/columns';

/** CRM `type`: Reseller, Franchisee. */
export const resellerType = pgEnum('reseller_type', ['reseller', 'franchisee']);
/** CRM `invoice_by`: ISP, Reseller. */
export const resellerInvoiceBy = pgEnum('reseller_invoice_by', ['isp', 'reseller']);
/** CRM `payment_by`: ISP, Reseller, ISP+Reseller. */
export const resellerPaymentBy = pgEnum('reseller_payment_by', ['isp', 'reseller', 'isp_and_reseller']);

/**
 * Resellers and franchisees (CRM reseller/list, create, update, delete; `ispid` is the operator).
 * Deletion is soft (`deletedAt`) so the wallet ledger, which restricts deletion, keeps its
 * history; a code can be reused once its holder is deleted.
 */
export const resellers = pgTable(
  'resellers',
  {
    id: idColumn(),
    operatorId: operatorColumn(),
    type: resellerType().notNull(),
    name: text().notNull(),
    code: text().notNull(),
    address: text(),
    mobile: text().notNull(),
    email: text().notNull(),
    /** Null = all states. */
    state: text(),
    country: text(),
    invoiceBy: resellerInvoiceBy().notNull(),
    paymentBy: resellerPaymentBy().notNull(),
    /** Franchisee commission, percent 0..100. */
    commissionPercent: rate(),
    creditLimit: money(),
    /**
     * Cached sum of the wallet ledger (sort key `wallet`); only ever changed in the same
     * transaction that appends a reseller_wallet_transactions row.
     */
    walletBalance: money().notNull().default('0'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: timestamptz(),
  },
  (t) => [
    uniqueIndex('resellers_operator_code_key').on(t.operatorId, t.code).where(sql`deleted_at is null`),
    index('resellers_operator_type_idx').on(t.operatorId, t.type),
    index('resellers_operator_name_idx').on(t.operatorId, t.name),
    index('resellers_operator_state_idx').on(t.operatorId, t.state),
    index('resellers_operator_invoice_by_idx').on(t.operatorId, t.invoiceBy),
    index('resellers_operator_payment_by_idx').on(t.operatorId, t.paymentBy),
    index('resellers_operator_wallet_balance_idx').on(t.operatorId, t.walletBalance),
    index('resellers_operator_created_idx').on(t.operatorId, t.createdAt),
    check(
      'resellers_commission_percent_check',
      sql`${t.commissionPercent} is null or (${t.commissionPercent} >= 0 and ${t.commissionPercent} <= 100)`,
    ),
    check('resellers_credit_limit_check', sql`${t.creditLimit} is null or ${t.creditLimit} >= 0`),
    check(
      'resellers_franchisee_terms_check',
      sql`${t.type} <> 'franchisee' or (${t.commissionPercent} is not null and ${t.creditLimit} is not null)`,
    ),
  ],
);
