import { sql } from 'drizzle-orm';
import { check, index, integer, pgEnum, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, money, operatorColumn } from '../db/columns';
import { subscriptions } from '../billing/subscription.table';
import { staffUsers } from '../tenancy/staff-user.table';
import { resellers } from './reseller.table';

/** CRM `txn_code`: Invoice, Payment, Topup, Settlement, Adj (wallet_update `action` is one of the last three). */
export const walletTxnCode = pgEnum('wallet_txn_code', ['invoice', 'payment', 'topup', 'settlement', 'adj']);

/**
 * A reseller's wallet ledger (CRM reseller/wallet_txn lists it, filtered by id, resellerid,
 * txn_code, serviceid and created range; reseller/wallet_update appends to it). Append-only:
 * a trigger (drizzle/0001_database_rules.sql) refuses UPDATE and DELETE; corrections are new `adj` rows.
 * `resellers.walletBalance` caches the running total (`balanceAfter` of the latest row).
 */
export const resellerWalletTransactions = pgTable(
  'reseller_wallet_transactions',
  {
    id: idColumn(),
    operatorId: operatorColumn(),
    /** Restrict: resellers are soft-deleted; a reseller with ledger history can never be hard-deleted. */
    resellerId: integer()
      .notNull()
      .references(() => resellers.id, { onDelete: 'restrict' }),
    txnCode: walletTxnCode().notNull(),
    /** Signed: credits positive, debits negative. */
    amount: money().notNull(),
    balanceAfter: money().notNull(),
    /**
     * CRM `serviceid`: the subscription an invoice/payment entry concerns. Set null is the one
     * update the append-only trigger lets through (it comes from the foreign key, not a user).
     */
    serviceId: integer().references(() => subscriptions.id, { onDelete: 'set null' }),
    note: text(),
    createdByStaffId: integer().references(() => staffUsers.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('reseller_wallet_transactions_operator_created_idx').on(t.operatorId, t.createdAt),
    index('reseller_wallet_transactions_reseller_created_idx').on(t.resellerId, t.createdAt),
    index('reseller_wallet_transactions_txn_code_idx').on(t.txnCode),
    index('reseller_wallet_transactions_service_idx').on(t.serviceId),
    index('reseller_wallet_transactions_created_by_staff_idx').on(t.createdByStaffId),
    check('reseller_wallet_transactions_amount_check', sql`${t.amount} <> 0`),
  ],
);
