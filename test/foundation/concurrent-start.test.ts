import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { migrationsFolder, openDatabase, type DatabaseHandle } from '../../src/db/client';
import { prepareDatabase } from '../../src/db/migrate';
import { createTestDatabase, enabledEngines, type TestDatabase } from '../helpers/engines';
import { rows } from '../helpers/sql';

const checkedInMigrations = (JSON.parse(readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as { entries: unknown[] }).entries.length;

// Several server processes may start together against one PostgreSQL database: exactly one
// of them migrates and seeds, the others wait and find the work done.
describe.runIf(enabledEngines().includes('postgres'))('servers starting together on postgres', () => {
  let database: TestDatabase;
  const others: DatabaseHandle[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    for (let i = 0; i < 2; i++) others.push(await openDatabase({ url: database.url!, maxConnections: 2 }));
  });
  afterAll(async () => {
    await Promise.all(others.map((h) => h.close()));
    await database?.drop();
  });

  it('migrate and seed exactly once', async () => {
    const reports = await Promise.all([database.handle, ...others].map((handle) => prepareDatabase(handle, { seedDemo: true })));
    expect(reports.filter((r) => r.seeded)).toHaveLength(1);
    const [counts] = await rows<{ operators: number; migrations: number }>(
      database.handle.db,
      sql`select (select count(*)::int from operators) as operators, (select count(*)::int from drizzle.__drizzle_migrations) as migrations`,
    );
    expect(counts!.operators).toBe(1);
    expect(counts!.migrations).toBe(checkedInMigrations);
  });
});
