import { boolean, index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, operatorColumn, updatedAt } from '../db/columns';
import { customers } from '../customers/customer.table';

/**
 * A customer's RADIUS login (SIMPLer listRADIUSdetails/addRADIUSdetails/deleteRADIUSdetails:
 * `id`, `customerid`, `username`, `password`, `priority`, `exclude_from_auto_group_from_bucket`).
 * The service mirrors it into `radcheck` (Cleartext-Password) and `radusergroup`.
 *
 * `username` is unique across ALL operators: one RADIUS server resolves a username without
 * knowing the tenant, and accounting rows are attributed to an operator by it.
 * `password` is stored as FreeRADIUS stores it, in clear: PAP/CHAP/MS-CHAP need the
 * Cleartext-Password, and listRADIUSdetails returns it. It is never written to the audit log.
 */
export const radiusAccounts = pgTable(
  'radius_accounts',
  {
    id: idColumn(),
    operatorId: operatorColumn(),
    customerId: integer()
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    username: text().notNull(),
    password: text(),
    /** Sort order among the customer's accounts (SIMPLer `radius_priority`). */
    priority: integer(),
    /** Leave this account's groups alone when buckets re-derive groups from subscriptions. */
    excludeFromAutoGroupFromBucket: boolean().notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('radius_accounts_username_key').on(t.username),
    index('radius_accounts_customer_idx').on(t.customerId),
    index('radius_accounts_operator_idx').on(t.operatorId),
  ],
);
