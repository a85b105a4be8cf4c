import { date, index, integer, pgEnum, pgTable, smallint, text } from 'drizzle-orm/pg-core';
import { operatorColumn, updatedAt } from '../db/columns';
import { customers } from './customer.table';

/** SIMPLer "sand" status values: whether automatic enforcement follows the default or not. */
export const sandStatus = pgEnum('sand_status', ['override', 'default', 'off', 'deferred']);

/**
 * SIMPLer's automatic invoice follow-up and traffic-cap enforcement settings for one customer
 * (the sand_invoice_*, lodgement_failure_* and sand_traffic_* attributes of addCustomer).
 * Kept apart from `customers` because most accounts use the operator defaults (no row).
 * Offsets such as "15 days" are kept as the operator wrote them.
 */
export const customerSandSettings = pgTable(
  'customer_sand_settings',
  {
  customerId: integer()
    .primaryKey()
    .references(() => customers.id, { onDelete: 'cascade' }),
  operatorId: operatorColumn(),
  invoiceStatus: sandStatus(),
  invoiceEmailFrom: text(),
  invoiceEmailTo: text(),
  invoiceEmailBcc: text(),
  invoiceBillingIssueDate: text(),
  invoiceEmailDate1: text(),
  invoiceEmailDate2: text(),
  invoiceDisconnectionDate: text(),
  invoiceThrottlingDate: text(),
  invoiceDeferredTo: date(),
  lodgementFailureEmail2: text(),
  lodgementFailureEmail3: text(),
  lodgementFailureDisconnection: text(),
  trafficLimitGb: integer(),
  trafficStatus: sandStatus(),
  trafficEmailFrom: text(),
  trafficEmailTo: text(),
  trafficEmailBcc: text(),
  trafficEmailThreshold1: smallint(),
  trafficEmailThreshold2: smallint(),
  trafficDisconnectionThreshold: smallint(),
  trafficOverageThreshold: smallint(),
  /** -1 prorate the cap in the first month, 1 do not prorate, null default. */
  trafficDoNotProrate: smallint(),
  /** -1 carry over overage top-ups, 1 do not carry over, null default. */
  trafficDoNotCarryOverage: smallint(),
  trafficDeferredTo: date(),
  updatedAt: updatedAt(),
  },
  (t) => [index('customer_sand_settings_operator_idx').on(t.operatorId)],
);
