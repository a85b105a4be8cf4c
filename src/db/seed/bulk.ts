/** Multi-row inserts in chunks that stay under PostgreSQL's 65 535 bind-parameter limit. */
import { getTableColumns } from 'drizzle-orm';
import type { PgTable, TableConfig } from 'drizzle-orm/pg-core';
import type { Executor } from '../client';

const MAX_PARAMETERS = 60_000;

function chunkSize(table: PgTable<TableConfig>): number {
  return Math.max(1, Math.floor(MAX_PARAMETERS / Object.keys(getTableColumns(table)).length));
}

export async function insertRows<T extends PgTable<TableConfig>>(db: Executor, table: T, rows: T['$inferInsert'][]): Promise<void> {
  if (rows.length === 0) return;
  const chunk = chunkSize(table);
  for (let i = 0; i < rows.length; i += chunk) {
    await db.insert(table).values(rows.slice(i, i + chunk) as never);
  }
}

/** Inserts and returns the selected columns of every row (e.g. id plus a natural key). */
export async function insertReturning<T extends PgTable<TableConfig>, R extends Record<string, unknown>>(
  db: Executor,
  table: T,
  rows: T['$inferInsert'][],
  returning: { [K in keyof R]: unknown },
): Promise<R[]> {
  const out: R[] = [];
  if (rows.length === 0) return out;
  const chunk = chunkSize(table);
  for (let i = 0; i < rows.length; i += chunk) {
    const result = await db
      .insert(table)
      .values(rows.slice(i, i + chunk) as never)
      .returning(returning as never);
    out.push(...(result as unknown as R[]));
  }
  return out;
}
