import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, smallint, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, operatorColumn, updatedAt } from '../db/columns';
import { customers } from './customer.table';

/**
 * Master/sub-account links (SIMPLer add/update/deleteSubaccount) with their display,
 * synchronisation and invoicing flags. A sub-account has at most one master.
 */
export const customerSubaccounts = pgTable(
  'customer_subaccounts',
  {
    id: idColumn(),
    operatorId: operatorColumn(),
    masterCustomerId: integer()
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    subCustomerId: integer()
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    masterDisplaySubaccountInvoices: boolean().notNull().default(false),
    masterDisplaySubaccountUsage: boolean().notNull().default(false),
    subaccountDisplayMasterInvoices: boolean().notNull().default(false),
    syncCustomerStatus: boolean().notNull().default(false),
    syncUsageAllowance: boolean().notNull().default(false),
    masterAllowPortalRelogin: boolean().notNull().default(false),
    invoiceFromMaster: boolean().notNull().default(false),
    /** 1 no prorate, 2 prorate option A, 3 prorate option B. */
    invoiceFromMasterProrate: smallint().notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('customer_subaccounts_sub_key').on(t.subCustomerId),
    index('customer_subaccounts_master_idx').on(t.masterCustomerId),
    index('customer_subaccounts_operator_idx').on(t.operatorId),
    check('customer_subaccounts_not_self_check', sql`${t.masterCustomerId} <> ${t.subCustomerId}`),
    check('customer_subaccounts_prorate_check', sql`${t.invoiceFromMasterProrate} between 1 and 3`),
  ],
);
