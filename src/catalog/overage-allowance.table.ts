import { sql } from 'drizzle-orm';
import { check, index, integer, numeric, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, operatorColumn, updatedAt } from '../db/columns';
import { customers } from '../customers/customer.table';
import { invoices } from '../billing/invoice.table';

/**
 * Extra traffic granted to a customer for the current period (SIMPLer getOverageAllowances:
 * id, customerid, timestamp, traffic_limit, used, method, invoiceid; filtered by customer and date range).
 */
export const overageAllowances = pgTable(
  'overage_allowances',
  {
    id: idColumn(),
    operatorId: operatorColumn(),
    customerId: integer()
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    trafficLimitGb: numeric({ precision: 12, scale: 3 }).notNull(),
    usedGb: numeric({ precision: 12, scale: 3 }),
    /** How the top-up was granted (free text in SIMPLer, often empty). */
    method: text(),
    /** The invoice that billed it; set null so voiding/removing an invoice keeps the grant's history. */
    invoiceId: integer().references(() => invoices.id, { onDelete: 'set null' }),
    /** SIMPLer `timestamp`. */
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('overage_allowances_customer_created_idx').on(t.customerId, t.createdAt),
    index('overage_allowances_operator_created_idx').on(t.operatorId, t.createdAt),
    index('overage_allowances_invoice_idx').on(t.invoiceId),
    check('overage_allowances_traffic_limit_gb_check', sql`${t.trafficLimitGb} >= 0`),
    check('overage_allowances_used_gb_check', sql`${t.usedGb} is null or ${t.usedGb} >= 0`),
  ],
);
