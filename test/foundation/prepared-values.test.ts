/**
 * `DatabaseHandle.queryValues`, the compiled read path's way to the database: prepared once per
 * statement text on both engines (on PGlite by src/db/pglite-prepared.ts, which speaks the
 * protocol itself). What a caller would notice if it went wrong: wrong values, a failed
 * statement breaking the next one, or a read seeing another caller's uncommitted write.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enabledEngines, createTestDatabase, type TestDatabase } from '../helpers/engines';

describe.each(enabledEngines())('prepared reads (queryValues) on %s', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await database.handle.db.execute(sql`create table notes (id int primary key, body text, tags text[], at timestamptz, done boolean)`);
    await database.handle.db.execute(sql`insert into notes values (1, 'first', '{a,b}', '2026-01-02T03:04:05Z', true), (2, null, '{}', null, false)`);
  });
  afterAll(() => database.drop());

  const select = 'select id, body, tags, done, at = $2::timestamptz as same_instant from notes where id = any($1::int[]) and ($3::text is null or body = $3) order by id';

  it('returns typed values for every kind of parameter, the same on every call', async () => {
    for (let call = 0; call < 8; call++) {
      // Eight calls: past PostgreSQL's five custom plans, so the generic plan answers too.
      const rows = await database.handle.queryValues(select, [[1, 2], '2026-01-02T03:04:05Z', null]);
      expect(rows).toEqual([
        [1, 'first', ['a', 'b'], true, true],
        [2, null, [], false, null],
      ]);
    }
    expect(await database.handle.queryValues(select, [[1, 2], '2026-01-02T04:04:05+01:00', 'first'])).toEqual([[1, 'first', ['a', 'b'], true, true]]);
  });

  it('reports a failing statement and keeps answering afterwards', async () => {
    await expect(database.handle.queryValues('select 1 / $1::int', [0])).rejects.toThrow(/division by zero/);
    expect(await database.handle.queryValues('select 1 / $1::int', [1])).toEqual([[1]]);
    await expect(database.handle.queryValues('select * from no_such_table', [])).rejects.toThrow(/no_such_table/);
    expect(await database.handle.queryValues(select, [[2], null, null])).toEqual([[2, null, [], false, null]]);
  });

  it('keeps answering when far more distinct statements pass than it keeps prepared', async () => {
    for (let n = 0; n < 260; n++) {
      expect(await database.handle.queryValues(`select $1::int + ${n}`, [1])).toEqual([[1 + n]]);
    }
    expect(await database.handle.queryValues('select $1::int + 0', [41])).toEqual([[41]]);
  });

  it('never reads another caller’s uncommitted write', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let inserted!: () => void;
    const insertedYet = new Promise<void>((resolve) => (inserted = resolve));
    const writer = database.handle.db.transaction(async (tx) => {
      await tx.execute(sql`insert into notes values (3, 'uncommitted', '{}', null, false)`);
      inserted();
      await held;
      throw new Error('roll back');
    });
    await insertedYet;
    const read = database.handle.queryValues('select count(*)::int from notes where id = $1::int', [3]);
    release();
    await expect(writer).rejects.toThrow('roll back');
    expect(await read).toEqual([[0]]);
  });
});
