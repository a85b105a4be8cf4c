/** Text filters as every legacy search has them: "contains", ignoring case unless asked. */
import { ilike, like, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/** `column ILIKE %value%` (or LIKE when case-sensitive), with wildcards in `value` taken literally. */
export function containsText(column: PgColumn | SQL, value: string, caseSensitive = false): SQL {
  const pattern = `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return caseSensitive ? like(column, pattern) : ilike(column, pattern);
}

/**
 * `column` equals `value` ignoring case, as `lower(column) = lower(value)`. Where the filter is
 * selective enough to matter, the column needs statistics on `lower(column)` (a migration's
 * CREATE STATISTICS, as for customers' status): without them PostgreSQL guesses that 0.5 % of
 * the rows match. ILIKE would be estimated from the column's own statistics, but a prepared
 * statement with an ILIKE parameter gets no plan that fits every value, so PostgreSQL plans it
 * again on every execution (three quarters of the overview read's database time).
 */
export function equalsIgnoringCase(column: PgColumn | SQL, value: string): SQL {
  return sql`lower(${column}) = lower(${value})`;
}
