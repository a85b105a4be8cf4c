import type { SQL } from 'drizzle-orm';
import type { Executor } from '../../src/db/client';

/** Runs raw SQL and returns its rows, whichever engine answered (their result shapes differ). */
export async function rows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows?: T[] } | T[];
  return Array.isArray(result) ? result : (result.rows ?? []);
}
