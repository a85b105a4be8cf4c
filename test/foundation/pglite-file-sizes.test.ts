/**
 * The embedded database's file layer remembers file sizes instead of asking the kernel on every
 * `lseek(SEEK_END)` (src/db/private-node-fs.ts). A remembered size that went stale would make
 * PostgreSQL read past a truncated relation or miss pages it wrote: so after every kind of
 * change to a relation's length (growth, VACUUM cutting the tail, TRUNCATE, index builds, a
 * rewrite) PostgreSQL's own idea of each file's size must equal the file on disk, and the rows
 * must all be there, also after a restart.
 */
import { statSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/client';

const dataDir = mkdtempSync(path.join(tmpdir(), 'ispgraph-file-sizes-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function rows<T>(database: DatabaseHandle, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await database.db.execute(query)) as unknown as { rows?: T[] } | T[];
  return Array.isArray(result) ? result : (result.rows ?? []);
}

/** Each relation's size as PostgreSQL sees it, next to its file's size on disk (first segment). */
async function sizes(database: DatabaseHandle): Promise<{ relation: string; postgres: number; disk: number }[]> {
  const found = await rows<{ relation: string; size: string; file: string }>(
    database,
    sql`select c.relname as relation, pg_relation_size(c.oid)::text as size, pg_relation_filepath(c.oid) as file
          from pg_class c where c.relname in ('sized', 'sized_pkey', 'sized_body_idx') order by c.relname`,
  );
  return found.map((r) => ({ relation: r.relation, postgres: Number(r.size), disk: statSync(path.join(dataDir, r.file)).size }));
}

async function expectSizesTrue(database: DatabaseHandle): Promise<void> {
  const seen = await sizes(database);
  expect(seen.length).toBeGreaterThan(0);
  for (const s of seen) expect({ relation: s.relation, size: s.postgres }).toEqual({ relation: s.relation, size: s.disk });
}

const count = async (database: DatabaseHandle) => Number((await rows<{ n: string }>(database, sql`select count(*)::text as n from sized`))[0]!.n);

describe('remembered file sizes on the embedded database', () => {
  it('stay true through growth, VACUUM truncation, TRUNCATE, index builds and rewrites, and a restart', async () => {
    let database = await openDatabase({ dataDir });
    try {
      await database.db.execute(sql`create table sized (id int primary key, body text)`);
      await database.db.execute(sql`insert into sized select g, repeat(md5(g::text), 6) from generate_series(1, 20000) g`);
      await expectSizesTrue(database);
      expect(await count(database)).toBe(20000);

      // VACUUM gives the emptied tail back to the file system: the file shrinks under a live descriptor
      await database.db.execute(sql`delete from sized where id > 2000`);
      await database.db.execute(sql`vacuum sized`);
      const [afterVacuum] = (await sizes(database)).filter((s) => s.relation === 'sized');
      expect(afterVacuum!.disk).toBeLessThan(20000 * 200 * 0.5);
      await expectSizesTrue(database);

      // growing again after the cut: new pages land past the remembered end
      await database.db.execute(sql`insert into sized select g, repeat(md5(g::text), 6) from generate_series(2001, 9000) g`);
      await database.db.execute(sql`create index sized_body_idx on sized (body)`);
      await expectSizesTrue(database);
      expect(await count(database)).toBe(9000);

      // TRUNCATE and VACUUM FULL put the table in new files; the old ones go away
      await database.db.execute(sql`truncate sized`);
      await expectSizesTrue(database);
      await database.db.execute(sql`insert into sized select g, repeat(md5(g::text), 6) from generate_series(1, 5000) g`);
      await database.db.execute(sql`delete from sized where id % 2 = 0`);
      await database.db.execute(sql`vacuum full sized`);
      await expectSizesTrue(database);
      expect(await count(database)).toBe(2500);
      expect((await rows<{ n: string }>(database, sql`select count(*)::text as n from sized where body = repeat(md5('4999'), 6)`))[0]!.n).toBe('1');
    } finally {
      await database.close();
    }

    database = await openDatabase({ dataDir });
    try {
      await expectSizesTrue(database);
      expect(await count(database)).toBe(2500);
    } finally {
      await database.close();
    }
  }, 120_000);
});
