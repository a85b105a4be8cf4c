/**
 * "Is this row still referenced?" for deletes that refuse rather than cascade: each check is
 * an `exists` over one referencing table, all read in one statement, and every one that holds
 * is reported at once so the caller can clear them all before trying again.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { PgTable, TableConfig } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/client';
import { PreconditionFailedError } from './errors';

export interface ReferenceCheck {
  /** What holds on to the row, as the refusal says it: "customers are placed in it". */
  message: string;
  table: PgTable<TableConfig>;
  where: SQL | undefined;
}

/** The messages of the checks that find a referencing row. */
export async function referencesOf(db: Executor, checks: readonly ReferenceCheck[]): Promise<string[]> {
  if (checks.length === 0) return [];
  const columns = Object.fromEntries(checks.map((c, i) => [`c${i}`, sql<boolean>`exists (select 1 from ${c.table} where ${c.where})`]));
  const [row] = (await db.select(columns).from(sql`(select 1) as one`)) as Record<string, unknown>[];
  return checks.filter((_, i) => row?.[`c${i}`] === true).map((c) => c.message);
}

/** Throws PRECONDITION_FAILED on the input's id field when anything still references the row. */
export async function refuseIfReferenced(db: Executor, what: string, id: number, checks: readonly ReferenceCheck[], field: string[] = ['id']): Promise<void> {
  const held = await referencesOf(db, checks);
  if (held.length === 0) return;
  const message = `${what} ${id} cannot be deleted: ${held.join('; ')}`;
  throw new PreconditionFailedError(message, [{ field, message, code: 'PRECONDITION_FAILED' }]);
}
