import { sql } from 'drizzle-orm';
import { check, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, operatorColumn, rate, updatedAt } from '../db/columns';

/** SIMPLer `tax_zone` (addCustomer/addSubscription): a named default tax rate a subscription can pick. */
export const taxZones = pgTable(
  'tax_zones',
  {
    id: idColumn(),
    operatorId: operatorColumn(),
    name: text().notNull(),
    /** Percent, e.g. 23.0000. */
    rate: rate().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('tax_zones_operator_name_key').on(t.operatorId, t.name),
    check('tax_zones_rate_check', sql`${t.rate} >= 0 and ${t.rate} <= 100`),
  ],
);
