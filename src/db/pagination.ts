/**
 * Keyset (cursor) pagination shared by every list: a cursor names the sort key and the last
 * row's (sort value, id), and the next page starts strictly after that pair. Unlike OFFSET,
 * page 1000 costs what page 1 costs. The same machinery pages child lists for many parents in
 * one statement (row_number() over (partition by parent)), which keeps nested connections
 * free of N+1 queries.
 */
import { and, asc, desc, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable, TableConfig } from 'drizzle-orm/pg-core';
import { DomainError } from '../shared/errors';
import type { Executor } from './client';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export interface SortKey {
  /** Stable name written into cursors, e.g. `NAME`. */
  name: string;
  /**
   * The column; the row id breaks ties. It may be nullable (a session not yet stopped): nulls
   * then sort after every value, as PostgreSQL's default order puts them (last ascending, first
   * descending), and a cursor on a null row says so (see `beyond`).
   */
  column: PgColumn;
  direction: 'asc' | 'desc';
}

/** The sort key of `field` among a list's orderings, named `<FIELD>_<ASC|DESC>` in its cursors. */
export function sortKeyOf<F extends string>(sorts: Readonly<Record<F, PgColumn>>, field: F, direction: 'asc' | 'desc'): SortKey {
  return { name: `${field}_${direction.toUpperCase()}`, column: sorts[field], direction };
}

/**
 * The query of a list held within the caller's operator (a customer's notes, an area's
 * streets…): rows of `operatorColumn`'s operator that also meet `condition`, in the asked
 * ordering, `defaultOrder` when none is asked. Resolvers and the compiled read path both read a
 * list through it, so the two cannot drift.
 */
export function operatorListQuery<F extends string>(
  operatorColumn: PgColumn,
  sorts: Readonly<Record<F, PgColumn>>,
  defaultOrder: { field: NoInfer<F>; direction: 'asc' | 'desc' },
  condition?: () => SQL,
): (operatorId: number, field?: F, direction?: 'asc' | 'desc') => { where: SQL; sort: SortKey } {
  return (operatorId, field = defaultOrder.field, direction = defaultOrder.direction) => ({
    where: condition ? and(eq(operatorColumn, operatorId), condition())! : eq(operatorColumn, operatorId),
    sort: sortKeyOf(sorts, field, direction),
  });
}

export interface Page<T> {
  nodes: T[];
  cursors: string[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

interface Cursor {
  sort: string;
  value: string | number | null;
  id: number;
}

/** Column alias carrying the sort value as PostgreSQL prints it (timestamps keep their microseconds). */
const SORT_TEXT = 'sortText';

function encodeCursor(sort: SortKey, row: Record<string, unknown>, idKey: string, valueKey: string): string {
  const raw = row[SORT_TEXT] ?? row[valueKey];
  const value = raw instanceof Date ? raw.toISOString() : (raw as string | number | null);
  return Buffer.from(JSON.stringify([sort.name, value, row[idKey]]), 'utf8').toString('base64url');
}

/**
 * The same cursor as encodeCursor, computed by PostgreSQL (the compiled read path builds its
 * pages' cursors in SQL): base64url of `["<sort name>",<sort value as text, JSON>,<id>]`.
 * PostgreSQL's base64 breaks lines and pads; translate() drops both and makes it url-safe.
 */
export function cursorSql(sort: SortKey, sortValue: SQL, id: SQL): SQL {
  const head = `[${JSON.stringify(sort.name)},`.replaceAll("'", "''");
  const json = sql`${sql.raw(`'${head}'`)} || coalesce(to_json((${sortValue})::text)::text, 'null') || ',' || ${id} || ']'`;
  return sql`translate(encode(convert_to(${json}, 'UTF8'), 'base64'), E'+/=\n', '-_')`;
}

function decodeCursor(cursor: string, sort: SortKey, argument: 'after' | 'before'): Cursor {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(parsed) && parsed.length === 3 && typeof parsed[0] === 'string' && Number.isInteger(parsed[2])) {
      if (parsed[0] !== sort.name) {
        throw new DomainError('INVALID', `\`${argument}\` is a cursor for ordering by ${parsed[0]}, not ${sort.name}`, [
          { field: [argument], message: `cursor belongs to another ordering (${parsed[0]})`, code: 'INVALID' },
        ]);
      }
      return { sort: parsed[0], value: parsed[1] as string | number | null, id: parsed[2] as number };
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
  }
  throw new DomainError('INVALID', `\`${argument}\` is not a valid cursor`, [{ field: [argument], message: 'not a valid cursor', code: 'INVALID' }]);
}

export interface NormalizedPage {
  limit: number;
  /** Reading backwards (last/before): order reversed in SQL, rows reversed after. */
  backwards: boolean;
  after?: Cursor;
  before?: Cursor;
}

export function normalizePage(args: PageArgs, sort: SortKey): NormalizedPage {
  const { first, last, after, before } = args;
  const problems: { field: string[]; message: string; code: 'INVALID' }[] = [];
  if (first != null && last != null) problems.push({ field: ['last'], message: 'give `first` or `last`, not both', code: 'INVALID' });
  for (const [name, value] of [['first', first], ['last', last]] as const) {
    if (value != null && (!Number.isInteger(value) || value < 1 || value > MAX_PAGE_SIZE)) {
      problems.push({ field: [name], message: `\`${name}\` must be between 1 and ${MAX_PAGE_SIZE}`, code: 'INVALID' });
    }
  }
  if (problems.length) throw new DomainError('INVALID', problems.map((p) => p.message).join('; '), problems);
  const backwards = last != null || (before != null && first == null);
  return {
    limit: (backwards ? last : first) ?? DEFAULT_PAGE_SIZE,
    backwards,
    after: after ? decodeCursor(after, sort, 'after') : undefined,
    before: before ? decodeCursor(before, sort, 'before') : undefined,
  };
}

/**
 * The keyset rule, written once for any way of naming the columns: drizzle's (the lists below)
 * and the compiled read path's table aliases (src/graphql/compiled). `sortIsId` when the list
 * is ordered by its id alone.
 */
export interface KeysetColumns {
  sort: SQL | PgColumn;
  id: SQL | PgColumn;
  sortIsId: boolean;
}

/**
 * `(col, id) > (value, id)` in the sort's direction; `strictlyAfter=false` means before.
 *
 * On a nullable column a null sorts above every value (PostgreSQL's default: nulls last
 * ascending, first descending, so keysetOrder needs no NULLS clause and indexes still serve
 * it). A row comparison with a null is null, never true, so the null rows are named
 * explicitly: above a value are the greater values and every null; above a null only the
 * nulls with a greater id; below a value only the smaller values; below a null every value
 * and the nulls with a smaller id.
 */
function beyond(sort: SortKey, columns: KeysetColumns, cursor: Cursor, strictlyAfter: boolean): SQL {
  const greater = (sort.direction === 'asc') === strictlyAfter;
  const value = columns.sortIsId ? cursor.id : cursor.value;
  if (columns.sortIsId || sort.column.notNull) {
    return greater
      ? sql`(${columns.sort}, ${columns.id}) > (${value}, ${cursor.id})`
      : sql`(${columns.sort}, ${columns.id}) < (${value}, ${cursor.id})`;
  }
  if (value == null) {
    return greater
      ? sql`(${columns.sort} is null and ${columns.id} > ${cursor.id})`
      : sql`(${columns.sort} is not null or ${columns.id} < ${cursor.id})`;
  }
  return greater
    ? sql`((${columns.sort}, ${columns.id}) > (${value}, ${cursor.id}) or ${columns.sort} is null)`
    : sql`(${columns.sort}, ${columns.id}) < (${value}, ${cursor.id})`;
}

/** ORDER BY terms of a page (reversed when reading backwards). */
export function keysetOrder(sort: SortKey, columns: KeysetColumns, backwards: boolean): SQL[] {
  const ascending = (sort.direction === 'asc') !== backwards;
  const dir = ascending ? asc : desc;
  return columns.sortIsId ? [dir(columns.id)] : [dir(columns.sort), dir(columns.id)];
}

/** The conditions that start a page after its `after` cursor and end it before its `before`. */
export function keysetWindow(sort: SortKey, columns: KeysetColumns, page: NormalizedPage): SQL[] {
  const conditions: SQL[] = [];
  if (page.after) conditions.push(beyond(sort, columns, page.after, true));
  if (page.before) conditions.push(beyond(sort, columns, page.before, false));
  return conditions;
}

function drizzleColumns(sort: SortKey, idColumn: PgColumn): KeysetColumns {
  return { sort: sort.column, id: idColumn, sortIsId: sort.column === idColumn };
}

function orderFor(sort: SortKey, idColumn: PgColumn, backwards: boolean): SQL[] {
  return keysetOrder(sort, drizzleColumns(sort, idColumn), backwards);
}

function windowConditions(sort: SortKey, idColumn: PgColumn, page: NormalizedPage): SQL[] {
  return keysetWindow(sort, drizzleColumns(sort, idColumn), page);
}

function toPage<T extends Record<string, unknown>>(rows: T[], page: NormalizedPage, sort: SortKey, idKey: string, valueKey: string): Page<T> {
  const extra = rows.length > page.limit;
  const kept = extra ? rows.slice(0, page.limit) : rows;
  if (page.backwards) kept.reverse();
  return {
    nodes: kept,
    cursors: kept.map((row) => {
      const cursor = encodeCursor(sort, row, idKey, valueKey);
      delete row[SORT_TEXT];
      return cursor;
    }),
    hasNextPage: page.backwards ? page.before != null : extra,
    hasPreviousPage: page.backwards ? extra : page.after != null,
  };
}

export interface ListSpec<TTable extends PgTable<TableConfig>> {
  table: TTable;
  idColumn: PgColumn;
  where: SQL | undefined;
  sort: SortKey;
}

function keyOf(table: PgTable<TableConfig>, column: PgColumn): string {
  const entry = Object.entries(getTableColumns(table)).find(([, c]) => c === column);
  if (!entry) throw new Error(`column ${column.name} is not a column of the listed table`);
  return entry[0];
}

/** One page of a root list. */
export async function listPage<TTable extends PgTable<TableConfig>>(
  db: Executor,
  spec: ListSpec<TTable>,
  args: PageArgs,
): Promise<Page<TTable['$inferSelect']>> {
  const page = normalizePage(args, spec.sort);
  const rows = await db
    .select({ ...getTableColumns(spec.table), [SORT_TEXT]: sql<string>`${spec.sort.column}::text` })
    .from(spec.table as PgTable<TableConfig>)
    .where(and(spec.where, ...windowConditions(spec.sort, spec.idColumn, page)))
    .orderBy(...orderFor(spec.sort, spec.idColumn, page.backwards))
    .limit(page.limit + 1);
  return toPage(rows as Record<string, unknown>[], page, spec.sort, keyOf(spec.table, spec.idColumn), keyOf(spec.table, spec.sort.column)) as Page<
    TTable['$inferSelect']
  >;
}

/** Total rows of a list (for `totalCount`), ignoring the page. */
export async function listCount(db: Executor, table: PgTable<TableConfig>, where: SQL | undefined): Promise<number> {
  return db.$count(table, where);
}

/**
 * One page of children for each of many parents, in one statement: rows are numbered within
 * each parent in page order, and the first limit+1 of each are kept.
 */
export async function childPages<TTable extends PgTable<TableConfig>>(
  db: Executor,
  spec: ListSpec<TTable> & { parentColumn: PgColumn },
  parentIds: readonly number[],
  args: PageArgs,
): Promise<Map<number, Page<TTable['$inferSelect']>>> {
  const page = normalizePage(args, spec.sort);
  const order = orderFor(spec.sort, spec.idColumn, page.backwards);
  const ranked = db
    .select({
      ...getTableColumns(spec.table),
      [SORT_TEXT]: sql<string>`${spec.sort.column}::text`.as(SORT_TEXT),
      rowNumber: sql<number>`row_number() over (partition by ${spec.parentColumn} order by ${sql.join(order, sql`, `)})`.as('row_number'),
    })
    .from(spec.table as PgTable<TableConfig>)
    .where(and(inArray(spec.parentColumn, [...parentIds]), spec.where, ...windowConditions(spec.sort, spec.idColumn, page)))
    .as('ranked');
  const rows = (await db
    .select()
    .from(ranked as never)
    .where(sql`${sql.identifier('ranked')}.${sql.identifier('row_number')} <= ${page.limit + 1}`)
    .orderBy(sql`${sql.identifier('ranked')}.${sql.identifier('row_number')}`)) as Record<string, unknown>[];

  const parentKey = keyOf(spec.table, spec.parentColumn);
  const idKey = keyOf(spec.table, spec.idColumn);
  const valueKey = keyOf(spec.table, spec.sort.column);
  const grouped = new Map<number, Record<string, unknown>[]>();
  for (const row of rows) {
    delete row.rowNumber;
    const parent = row[parentKey] as number;
    let list = grouped.get(parent);
    if (!list) grouped.set(parent, (list = []));
    list.push(row);
  }
  const out = new Map<number, Page<TTable['$inferSelect']>>();
  for (const parentId of parentIds) {
    out.set(parentId, toPage(grouped.get(parentId) ?? [], page, spec.sort, idKey, valueKey) as Page<TTable['$inferSelect']>);
  }
  return out;
}

/** Counts children per parent in one statement. */
export async function childCounts(
  db: Executor,
  table: PgTable<TableConfig>,
  parentColumn: PgColumn,
  parentIds: readonly number[],
  where: SQL | undefined,
): Promise<Map<number, number>> {
  const rows = await db
    .select({ parent: parentColumn, count: sql<number>`count(*)::int` })
    .from(table)
    .where(and(inArray(parentColumn, [...parentIds]), where))
    .groupBy(parentColumn);
  const out = new Map<number, number>(parentIds.map((id) => [id, 0]));
  for (const row of rows) out.set(row.parent as number, Number(row.count));
  return out;
}
