/**
 * Brings a database to the current schema and, on first start, loads the demo operator.
 * Safe to run from several processes at once (see DatabaseHandle.withStartupLock).
 */
import { operators } from '../tenancy/operator.table';
import type { Database, DatabaseHandle } from './client';
import { seedDemo } from './seed/demo';

export interface PrepareOptions {
  seedDemo: boolean;
}

export interface PrepareReport {
  seeded: boolean;
}

export async function prepareDatabase(handle: DatabaseHandle, options: PrepareOptions): Promise<PrepareReport> {
  return handle.withStartupLock(async (db) => {
    await handle.migrate(db);
    if (!options.seedDemo) return { seeded: false };
    if (!(await isEmpty(db))) return { seeded: false };
    await seedDemo(db);
    return { seeded: true };
  });
}

/** A database is "empty" when it has no operator: nothing has ever been loaded into it. */
export async function isEmpty(db: Database): Promise<boolean> {
  return (await db.$count(operators)) === 0;
}
