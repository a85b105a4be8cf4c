/** Text filters as every legacy search has them: "contains", ignoring case unless asked. */
import { ilike, like, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/** `column ILIKE %value%` (or LIKE when case-sensitive), with wildcards in `value` taken literally. */
export function containsText(column: PgColumn | SQL, value: string, caseSensitive = false): SQL {
  const pattern = `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return caseSensitive ? like(column, pattern) : ilike(column, pattern);
}
