/**
 * The change feed: every tracked object of the operator changed or deleted since a moment, in
 * the order it last changed, paged by a keyset cursor. One statement: a UNION ALL over the
 * tracked tables (each read through its `(operator_id, updated_at)` order) and the tombstones.
 */
import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../db/pagination';
import type { ServiceContext } from '../shared/context';
import { Validation } from '../shared/errors';
import { authorize } from '../tenancy/permissions';
import { TRACKED, trackedTable } from './tracked';

export interface ChangeRow {
  typename: string;
  id: number;
  changedAt: Date;
  deleted: boolean;
  /** Where the next page starts after this row. */
  cursor: string;
}

export interface ChangesQuery {
  since: Date;
  /** Type names to include; all tracked types when absent. */
  types?: readonly string[] | null;
  first?: number | null;
  after?: string | null;
}

interface FeedRow {
  typename: string;
  id: number;
  micros: string;
  deleted: boolean;
}

interface Cursor {
  /** Microseconds since the epoch, as PostgreSQL keeps the timestamp (a JS Date has only milliseconds). */
  micros: string;
  typename: string;
  id: number;
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(['CHANGED_AT', cursor.micros, cursor.typename, cursor.id]), 'utf8').toString('base64url');
}

function decodeCursor(text: string): Cursor | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 4 || value[0] !== 'CHANGED_AT') return null;
    const [, micros, typename, id] = value as unknown[];
    if (typeof micros !== 'string' || !/^\d{1,17}$/.test(micros) || typeof typename !== 'string' || !Number.isSafeInteger(id)) return null;
    return { micros, typename, id: id as number };
  } catch {
    return null;
  }
}

/** The feed's rows before paging: one SELECT per type and the tombstones, restricted to the operator. */
function feedSql(operatorId: number, types: readonly string[], sinceDate: Date): SQL {
  // As text: the postgres driver takes no Date in a raw statement's parameters.
  const since = sql`${sinceDate.toISOString()}::timestamptz`;
  const parts: SQL[] = types.map((typename) => {
    const table = trackedTable(typename);
    const columns = getTableColumns(table) as Record<string, PgColumn>;
    return sql`select ${typename}::text as typename, ${columns.id} as id, ${columns.updatedAt} as changed_at, false as deleted from ${table} where ${columns.operatorId} = ${operatorId} and ${columns.updatedAt} >= ${since}`;
  });
  parts.push(
    sql`select typename, entity_id as id, deleted_at as changed_at, true as deleted from deleted_records where operator_id = ${operatorId} and deleted_at >= ${since} and typename in (${sql.join(
      types.map((t) => sql`${t}`),
      sql`, `,
    )})`,
  );
  return sql.join(parts, sql` union all `);
}

export interface ChangesPage {
  rows: ChangeRow[];
  hasNextPage: boolean;
  /** How many changes the feed holds since that moment for those types, across every page. */
  count: () => Promise<number>;
}

export async function listChanges(ctx: ServiceContext, query: ChangesQuery): Promise<ChangesPage> {
  authorize(ctx.actor, 'read');
  const check = new Validation();
  const known = new Set(TRACKED.map((t) => t.typename));
  const types = query.types?.length ? [...new Set(query.types)] : [...known];
  for (const type of types) if (!known.has(type)) check.add('types', `"${type}" is not a type the change feed follows (known: ${[...known].join(', ')})`);
  const first = query.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) check.add('first', `first must be between 1 and ${MAX_PAGE_SIZE}`);
  if (Number.isNaN(query.since.getTime())) check.add('since', 'since must be a moment');
  const after = query.after ? decodeCursor(query.after) : null;
  if (query.after && !after) check.add('after', 'after is not a cursor of this feed');
  check.throwIfAny();

  const operatorId = ctx.actor.operatorId;
  const feed = feedSql(operatorId, types, query.since);
  const start = after
    ? sql`where (c.changed_at, c.typename, c.id) > (timestamptz 'epoch' + ${after.micros}::bigint * interval '1 microsecond', ${after.typename}::text, ${after.id}::int)`
    : sql``;
  const result = (await ctx.db.execute(sql`
    select c.typename, c.id, (extract(epoch from c.changed_at) * 1000000)::bigint::text as micros, c.deleted
    from (${feed}) c
    ${start}
    order by c.changed_at, c.typename, c.id
    limit ${first + 1}`)) as unknown as { rows?: FeedRow[] } | FeedRow[];
  const all = Array.isArray(result) ? result : (result.rows ?? []);
  const rows = all.slice(0, first).map((row) => ({
    typename: row.typename,
    id: Number(row.id),
    changedAt: new Date(Number(BigInt(row.micros) / 1000n)),
    deleted: row.deleted,
    cursor: encodeCursor({ micros: row.micros, typename: row.typename, id: Number(row.id) }),
  }));
  const count = async () => {
    const counted = (await ctx.db.execute(sql`select count(*)::int as n from (${feed}) c`)) as unknown as { rows?: { n: number }[] } | { n: number }[];
    return Number((Array.isArray(counted) ? counted : (counted.rows ?? []))[0]?.n ?? 0);
  };
  return { rows, hasNextPage: all.length > first, count };
}
