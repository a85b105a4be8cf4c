import { boolean, char, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

// No imports from db/columns here: that module references this table (operatorColumn), and
// the cycle would leave its helpers undefined when this file is loaded first.

/**
 * A tenant: one ISP's back office. SIMPLer's `operator` parameter, a Jaze `accountId` and the
 * CRM's ISP id all select one of these. Everything an ISP owns carries its `operatorId`.
 */
export const operators = pgTable(
  'operators',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    /** Short code used on the wire (`operator=demo`, Jaze account id). */
    code: text().notNull(),
    name: text().notNull(),
    currency: char({ length: 3 }).notNull().default('EUR'),
    timezone: text().notNull().default('UTC'),
    /** M4 "Allow API globally" and "Allow GET API" settings. */
    apiEnabled: boolean().notNull().default(true),
    apiGetEnabled: boolean().notNull().default(true),
    /**
     * M4 signs requests with SHA1(params + secret), so the server must know the secret itself;
     * it cannot be stored as a one-way hash. It is never returned by any API.
     */
    m4ApiSecret: text(),
    /** SIMPLer "invoicing ID auto generation" setting: prefix and next serial. */
    invoicingIdPrefix: text().notNull().default(''),
    invoicingIdNext: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Moves on any change but the invoicing serial (touch_updated_at's argument). */
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('operators_code_key').on(t.code),
    index('operators_active_idx').on(t.id).where(sql`${t.deletedAt} is null`),
  ],
);
