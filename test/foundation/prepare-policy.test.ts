/**
 * The `postgres` driver prepares drizzle's statements whose text is fixed (src/db/prepare-policy.ts):
 * what a caller would notice is the same answers as before, also after the table changes shape
 * under a prepared statement, and the database keeping one prepared statement per fixed text
 * rather than one per list length.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shouldPrepare } from '../../src/db/prepare-policy';
import { enabledEngines, createTestDatabase, type TestDatabase } from '../helpers/engines';
import { rows } from '../helpers/sql';

describe('which statements are prepared', () => {
  it('prepares parameterised statements of fixed text, not lists that grow', () => {
    expect(shouldPrepare('select "id" from "customers" where "operator_id" = $1 and "status" = $2 limit $3', [1, 'current', 20])).toBe(true);
    expect(shouldPrepare('select 1', [])).toBe(false);
    expect(shouldPrepare('create table x (id int)', undefined)).toBe(false);
    expect(shouldPrepare('select * from t where id in ($1)', [1])).toBe(true);
    expect(shouldPrepare('select * from t where id in ($1, $2, $3)', [1, 2, 3])).toBe(false);
    expect(shouldPrepare('insert into t ("a", "b") values ($1, $2), ($3, $4)', [1, 2, 3, 4])).toBe(false);
    expect(shouldPrepare('select * from (values ($1::int, $2::timestamptz)) w(id, at)', [1, 'x'])).toBe(false);
    expect(shouldPrepare('select * from t where id = any($1::int[]) and at >= $2', [[1, 2], 'x'])).toBe(true);
  });
});

const notes = pgTable('policy_notes', { id: integer().primaryKey(), owner: integer().notNull(), body: text() });

describe.each(enabledEngines().filter((e) => e === 'postgres'))('prepared drizzle statements on %s', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await database.handle.db.execute(sql`create table policy_notes (id int primary key, owner int not null, body text)`);
    await database.handle.db.execute(sql`insert into policy_notes values (1, 7, 'one'), (2, 7, 'two'), (3, 8, 'three')`);
  });
  afterAll(() => database?.drop());

  it('keeps one prepared statement per fixed text on the connection, none for lists', async () => {
    await database.handle.db.transaction(async (tx) => {
      for (let i = 0; i < 8; i++) {
        expect(await tx.select({ id: notes.id }).from(notes).where(and(eq(notes.owner, 7), eq(notes.id, 1 + (i % 2))))).toEqual([{ id: 1 + (i % 2) }]);
        expect((await tx.select({ id: notes.id }).from(notes).where(inArray(notes.id, [1, 2, 3].slice(0, 1 + (i % 3))))).length).toBe(1 + (i % 3));
      }
      const prepared = await rows<{ statement: string }>(tx, sql`select statement from pg_prepared_statements where statement like '%policy_notes%'`);
      const texts = prepared.map((r) => r.statement);
      expect(texts.filter((t) => t.includes('"owner" = $1'))).toHaveLength(1);
      // `in ($1)` has a fixed text; the longer lists are not kept
      expect(texts.filter((t) => / in \(/.test(t))).toEqual([expect.stringContaining(' in ($1)')]);
    });
  });

  it('answers as before when the table changes shape under a prepared statement', async () => {
    const read = () => rows<{ id: number; body: string | null }>(database.handle.db, sql`select * from policy_notes where owner = ${8}`);
    for (let i = 0; i < 6; i++) expect(await read()).toEqual([{ id: 3, owner: 8, body: 'three' }]);
    await database.handle.db.execute(sql`alter table policy_notes add column note text`);
    expect(await read()).toEqual([{ id: 3, owner: 8, body: 'three', note: null }]);
  });
});
