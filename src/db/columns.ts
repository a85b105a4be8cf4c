/**
 * Column builders shared by every table, so that the conventions hold everywhere:
 * identity keys that still accept explicit ids (imports keep their legacy numbers),
 * tenant ownership, exact money, and timezone-aware timestamps.
 */
import { integer, numeric, timestamp } from 'drizzle-orm/pg-core';
import { operators } from '../tenancy/operator.table';

/** Integer primary key; `by default` so a migration from a legacy system can keep its ids. */
export const idColumn = () => integer().primaryKey().generatedByDefaultAsIdentity();

/** Every tenant-owned row names its operator; deleting an operator removes its data. */
export const operatorColumn = () =>
  integer()
    .notNull()
    .references(() => operators.id, { onDelete: 'cascade' });

/** Money is exact: numeric(14,2), read and written as decimal strings, never floats. */
export const money = () => numeric({ precision: 14, scale: 2 });

/** Percentages and tax rates: numeric(7,4), e.g. 23.0000. */
export const rate = () => numeric({ precision: 7, scale: 4 });

/** GPS coordinates in decimal degrees. */
export const latitude = () => numeric({ precision: 9, scale: 6 });
export const longitude = () => numeric({ precision: 9, scale: 6 });

export const timestamptz = () => timestamp({ withTimezone: true });
export const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();
