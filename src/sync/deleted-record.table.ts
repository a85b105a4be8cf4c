import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { idColumn, operatorColumn } from '../db/columns';

/**
 * A tombstone per deleted row of a tracked type, written by the database itself (the
 * `record_deletion` trigger of migration 0009), so no delete path — a service, a cascade from a
 * customer, a legacy call — can forget it. A sync client reads them through `changes`.
 */
export const deletedRecords = pgTable(
  'deleted_records',
  {
    id: idColumn(),
    operatorId: operatorColumn(),
    /** The GraphQL type of the deleted object (`Customer`, `Invoice`…). */
    typename: text().notNull(),
    /** Its numeric id (the `legacyId` it had). */
    entityId: integer().notNull(),
    deletedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('deleted_records_operator_deleted_idx').on(t.operatorId, t.deletedAt)],
);
