import { index, integer, pgEnum, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, operatorColumn } from '../db/columns';
import { customers } from './customer.table';

export const serviceAccountKind = pgEnum('service_account_kind', ['voip', 'email', 'ftp']);

/**
 * VoIP, mailbox and FTP accounts provisioned for a customer. SIMPLer refuses to delete a
 * customer that still has any of them (deleteCustomer conditions 8-10), hence `restrict`.
 */
export const serviceAccounts = pgTable(
  'service_accounts',
  {
    id: idColumn(),
    operatorId: operatorColumn(),
    customerId: integer()
      .notNull()
      .references(() => customers.id, { onDelete: 'restrict' }),
    kind: serviceAccountKind().notNull(),
    username: text().notNull(),
    /** Phone number for VoIP, address for email, host for FTP. */
    address: text(),
    note: text(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('service_accounts_operator_kind_username_key').on(t.operatorId, t.kind, t.username),
    index('service_accounts_customer_idx').on(t.customerId),
  ],
);
