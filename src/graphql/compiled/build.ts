/**
 * A plan plus this request's arguments and operator → one SQL statement per root field that
 * returns the field's whole JSON value: objects as json_build_object of only the selected
 * columns, to-one relations and lists as correlated subqueries, connections as one page of
 * keyset-ordered rows aggregated with json_agg (cursors, pageInfo and totalCount computed in
 * the same statement, totalCount only when selected). Every table read is restricted to the
 * operator. Filters and orderings come from the services (the mappings call them), so a
 * compiled list and a resolver list apply the same rules.
 */
import { and, getTableName, sql, type SQL } from 'drizzle-orm';
import { toSnakeCase } from 'drizzle-orm/casing';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { getArgumentValues } from 'graphql';
import { cursorSql, keysetOrder, keysetWindow, normalizePage, type KeysetColumns, type NormalizedPage } from '../../db/pagination';
import type { ListQuery, SqlObjectMapping } from './mapping';
import { NotCompilable, type ConnectionPart, type FieldAt, type PlannedConnection, type PlannedField, type PlannedObject, type PlannedRoot, type ValueFormat } from './plan';

export interface BuildScope {
  operatorId: number;
  variables: Record<string, unknown>;
  /** The alias of the enclosing level's row (a level is aliased by its table's name), if any. */
  parent?: string;
  /** Where this level's to-one relations can be joined, when its objects are built beside its FROM. */
  joins?: Joins;
}

/**
 * The left joins of one level's FROM. A to-one relation by a column of the row (at most one
 * row: the target's id) is joined rather than read by a correlated subquery per row, which
 * PostgreSQL runs once per parent row. `taken` holds the aliases that must keep their meaning
 * inside the level: its own, its parent's (the link names it) and those already joined; a
 * relation whose table is taken stays a subquery.
 */
interface Joins {
  clauses: SQL[];
  taken: Set<string>;
}

/** A level whose objects are built in the same SELECT as its FROM: joins can go there. */
function levelScope(scope: BuildScope, alias: string, parentAlias?: string): BuildScope {
  const taken = new Set([alias]);
  if (parentAlias) taken.add(parentAlias);
  return { ...scope, parent: alias, joins: { clauses: [], taken } };
}

function joinsOf(scope: BuildScope): SQL {
  return scope.joins?.clauses.length ? sql.join(scope.joins.clauses, sql``) : sql``;
}

/** PostgreSQL allows 100 arguments per function call: json_build_object takes 50 pairs. */
const MAX_PAIRS = 50;

const ident = (name: string): SQL => sql.raw(`"${name.replaceAll('"', '""')}"`);
const literal = (text: string): SQL => sql.raw(`'${text.replaceAll("'", "''")}'`);

function columnName(column: PgColumn): string {
  return (column as PgColumn & { keyAsName?: boolean }).keyAsName ? toSnakeCase(column.name) : column.name;
}

export function columnAt(alias: string, column: PgColumn): SQL {
  return sql.raw(`"${alias}"."${columnName(column)}"`);
}

/** The JSON of one root field (null for __typename, which the caller writes itself). */
export function rootValueSql(root: PlannedRoot, scope: BuildScope): SQL | null {
  if (root.kind === 'typename') return null;
  if (root.kind === 'rootConnection') {
    return connectionSql(root.connection, root.root.query(argumentsOf(root, scope), scope.operatorId), undefined, scope);
  }
  const id = root.root.id(argumentsOf(root, scope));
  if (id === undefined) throw new NotCompilable('lookup arguments');
  const m = root.object.mapping;
  const alias = aliasFor(m, scope);
  const inner = levelScope(scope, alias);
  const object = objectSql(root.object.fields, m, alias, inner);
  return sql`(select ${object} from ${m.table} as ${ident(alias)}${joinsOf(inner)} where ${columnAt(alias, m.idColumn)} = ${id} and ${operatorIs(m, alias, scope)}${visibleSql(m, alias)})`;
}

function argumentsOf(field: FieldAt, scope: BuildScope): Record<string, unknown> {
  return getArgumentValues(field.definition, field.node, scope.variables);
}

/**
 * A level's alias is its table's name, so the services' expressions (written with drizzle's
 * columns, which print as "table"."column") read the level's row. A level only ever refers to
 * its own row and its parent's, so the one clash is a table directly under itself (an
 * equipment's parent equipment): that level gets another alias, and an expression there
 * (which would read the parent's row) makes the query the resolvers' (`sameRow`).
 */
function aliasFor(mapping: SqlObjectMapping, scope: BuildScope): string {
  const name = getTableName(mapping.table);
  return scope.parent === name ? `${name}__under` : name;
}

/** Throws unless drizzle's column names (the table's name) reach this level's row. */
function sameRow(mapping: SqlObjectMapping, alias: string): void {
  if (alias !== getTableName(mapping.table)) throw new NotCompilable(`an expression on ${alias}, a table under itself`);
}

function operatorIs(mapping: SqlObjectMapping, alias: string, scope: BuildScope): SQL {
  return sql`${columnAt(alias, mapping.operatorColumn)} = ${sql.raw(String(Math.trunc(scope.operatorId)))}`;
}

function visibleSql(mapping: SqlObjectMapping, alias: string): SQL {
  if (!mapping.visible) return sql``;
  sameRow(mapping, alias);
  return sql` and ${mapping.visible()}`;
}

function jsonObject(pairs: [string, SQL][]): SQL {
  if (pairs.length <= MAX_PAIRS) return sql`json_build_object(${sql.join(pairs.map(([key, value]) => sql`${literal(key)}, ${value}`), sql`, `)})`;
  return sql`(select row_to_json("__row") from (select ${sql.join(pairs.map(([key, value]) => sql`${value} as ${ident(key)}`), sql`, `)}) as "__row")`;
}

function objectSql(fields: PlannedField[], mapping: SqlObjectMapping, alias: string, scope: BuildScope): SQL {
  return jsonObject(fields.map((field) => [field.key, fieldSql(field, mapping, alias, scope)]));
}

function fieldSql(field: PlannedField, mapping: SqlObjectMapping, alias: string, scope: BuildScope): SQL {
  switch (field.kind) {
    case 'typename':
      return sql`${literal(field.typeName)}::text`;
    case 'value': {
      const source = field.source;
      if ('id' in source) return formatted(columnAt(alias, mapping.idColumn), field.format);
      if ('column' in source) return formatted(columnAt(alias, source.column.column), field.format);
      sameRow(mapping, alias);
      return formatted(source.expression.expression(), field.format);
    }
    case 'embedded': {
      const object = objectSql(field.fields, mapping, alias, scope);
      if (!field.nullUnless?.length) return object;
      return sql`(case when ${sql.join(field.nullUnless.map((c) => sql`${columnAt(alias, c)} is null`), sql` or `)} then null else ${object} end)`;
    }
    case 'one': {
      const target = field.object.mapping;
      const joins = scope.joins;
      const name = getTableName(target.table);
      if (joins && 'via' in field.field && !joins.taken.has(name)) {
        // Joined beside this level's row (pushed before the object's own relations, which
        // may join onto it); its fields are built on the same level, so they can join too.
        joins.taken.add(name);
        joins.clauses.push(
          sql` left join ${target.table} as ${ident(name)} on ${columnAt(name, target.idColumn)} = ${columnAt(alias, field.field.via)} and ${operatorIs(target, name, scope)}${visibleSql(target, name)}`,
        );
        const object = objectSql(field.object.fields, target, name, { ...scope, parent: name });
        return sql`(case when ${columnAt(name, target.idColumn)} is null then null else ${object} end)`;
      }
      const a = aliasFor(target, scope);
      const inner = levelScope(scope, a, alias);
      const link = 'via' in field.field ? sql`${columnAt(a, target.idColumn)} = ${columnAt(alias, field.field.via)}` : sql`${columnAt(a, field.field.by)} = ${columnAt(alias, mapping.idColumn)}`;
      const object = objectSql(field.object.fields, target, a, inner);
      return sql`(select ${object} from ${target.table} as ${ident(a)}${joinsOf(inner)} where ${link} and ${operatorIs(target, a, scope)}${visibleSql(target, a)})`;
    }
    case 'many': {
      const target = field.object.mapping;
      const a = aliasFor(target, scope);
      sameRow(target, a);
      const inner = levelScope(scope, a, alias);
      const narrowed = field.field.where?.(argumentsOf(field, scope));
      const where = and(sql`${columnAt(a, field.field.by)} = ${columnAt(alias, mapping.idColumn)}`, operatorIs(target, a, scope), narrowed);
      const object = objectSql(field.object.fields, target, a, inner);
      const rows = sql`select ${object} as ${ident(NODE)} from ${target.table} as ${ident(a)}${joinsOf(inner)} where ${where} order by ${sql.join(field.field.orderBy, sql`, `)}`;
      return sql`(select ${aggregated(a, NODE)} from (${rows}) as ${ident(a)})`;
    }
    case 'connection': {
      const query = field.field.query(argumentsOf(field, scope), scope.operatorId);
      const link = (a: string) => sql`${columnAt(a, field.field.by)} = ${columnAt(alias, mapping.idColumn)}`;
      return connectionSql(field.connection, query, link, scope);
    }
  }
}

function formatted(value: SQL, format: ValueFormat): SQL {
  switch (format.kind) {
    case 'plain':
      return value;
    case 'text':
      return sql`(${value})::text`;
    case 'date':
      return sql`to_char(${value}, 'YYYY-MM-DD')`;
    case 'dateTime':
      return sql`to_char((${value}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
    case 'coordinate':
      // A numeric never prints with an exponent, and without its trailing zeros it is the
      // shortest text of the same number, as JSON.stringify prints the serializer's float.
      return sql`trim_scale((${value})::numeric)`;
    case 'globalId':
      // The same id as global-id.ts's toGlobalId: base64url of "Type:id".
      return sql`translate(encode(convert_to(${literal(`${format.typeName}:`)} || ${value}, 'UTF8'), 'base64'), E'+/=\\n', '-_')`;
    case 'enum':
      if (format.names.every(([stored, name]) => name === stored.toUpperCase())) return sql`upper((${value})::text)`;
      return sql`(case (${value})::text ${sql.join(format.names.map(([stored, name]) => sql`when ${literal(stored)} then ${literal(name)}`), sql` `)} end)`;
  }
}

/** Columns of a page's rows that carry the JSON of each node and each edge. */
const NODE = '__node';
const EDGE = '__edge';

/**
 * The JSON array of a subquery's `column`, in the subquery's order. The subquery sorts (and
 * limits) its rows itself, and nothing between it and the aggregate reorders them, so json_agg
 * takes them as they come; an `order by` inside the aggregate would sort every list a second
 * time, once per parent row.
 */
function aggregated(alias: string, column: string): SQL {
  return sql`coalesce(json_agg(${ident(alias)}.${ident(column)}), '[]'::json)`;
}

/** Whether a page can be read as just its rows: forwards, with no cursor and no hasNextPage. */
function onlyRowsNeeded(connection: PlannedConnection, page: NormalizedPage): boolean {
  if (page.backwards) return false;
  return connection.parts.every((p) => {
    if (p.part === 'edges') return p.edge.every((e) => e.part !== 'cursor');
    if (p.part === 'pageInfo') return p.info.every((i) => i.part === 'typename' || i.part === 'hasPreviousPage');
    return true;
  });
}

/**
 * One page of a connection. The common case (a forward page whose cursors and hasNextPage
 * nobody asked for) reads exactly the page's rows, sorted and limited, building each node's
 * JSON only for them; otherwise the page's rows (limit + 1, to know whether more follow) are
 * numbered in page order and aggregated into the selected parts.
 */
function connectionSql(connection: PlannedConnection, query: ListQuery, link: ((alias: string) => SQL) | undefined, scope: BuildScope): SQL {
  const m = connection.mapping;
  const a = aliasFor(m, scope);
  const page = normalizePage(query.page, query.sort);
  const columns: KeysetColumns = { sort: columnAt(a, query.sort.column), id: columnAt(a, m.idColumn), sortIsId: query.sort.column === m.idColumn };
  const order = sql.join(keysetOrder(query.sort, columns, page.backwards), sql`, `);
  // The service's filter names the table's own columns; a level aliased otherwise (a table
  // under itself) reads it through a subquery that keeps the table's name inside.
  const direct = a === getTableName(m.table);
  const source = direct ? sql`${m.table} as ${ident(a)}` : sql`(select * from ${m.table} where ${query.where}) as ${ident(a)}`;
  const scoped = (extra: SQL[]) => and(operatorIs(m, a, scope), link?.(a), direct ? query.where : undefined, ...extra)!;
  const totalCount = () => sql`(select count(*)::int from ${source} where ${scoped([])})`;
  const typename = (name: string) => sql`${literal(name)}::text`;

  if (onlyRowsNeeded(connection, page)) {
    const rowScope = levelScope(scope, a, link ? scope.parent : undefined);
    const node = (object: PlannedObject) => objectSql(object.fields, m, a, rowScope);
    const rowParts: SQL[] = [];
    const part = (p: ConnectionPart): SQL => {
      switch (p.part) {
        case 'typename':
          return typename(p.typeName);
        case 'totalCount':
          return totalCount();
        case 'nodes':
          rowParts.push(sql`${node(p.object)} as ${ident(NODE)}`);
          return aggregated(a, NODE);
        case 'edges':
          rowParts.push(sql`${jsonObject(p.edge.map((e): [string, SQL] => [e.key, e.part === 'node' ? node(e.object) : typename((e as { typeName: string }).typeName)]))} as ${ident(EDGE)}`);
          return aggregated(a, EDGE);
        case 'pageInfo':
          return jsonObject(p.info.map((i): [string, SQL] => [i.key, i.part === 'typename' ? typename(i.typeName!) : sql.raw(String(page.after != null))]));
      }
    };
    const value = jsonObject(connection.parts.map((p) => [p.key, part(p)]));
    if (!rowParts.length) return value;
    const rows = sql`select ${sql.join(rowParts, sql`, `)} from ${source}${joinsOf(rowScope)} where ${scoped(keysetWindow(query.sort, columns, page))} order by ${order} limit ${sql.raw(String(page.limit))}`;
    return sql`(select ${value} from (${rows}) as ${ident(a)})`;
  }

  // Here each node's JSON is built over the numbered rows, outside their FROM: no joins.
  const node = (object: PlannedObject) => objectSql(object.fields, m, a, { ...scope, parent: a, joins: undefined });
  const rn = sql`${ident(a)}."__rn"`;
  const kept = sql`${rn} <= ${sql.raw(String(page.limit))}`;
  // Forwards, the rows come in page order already (see aggregated()); backwards they come
  // reversed and are put back in page order here.
  const inPageOrder = page.backwards ? sql` order by ${rn} desc` : sql``;
  const cursor = () => cursorSql(query.sort, columnAt(a, query.sort.column), columnAt(a, m.idColumn));
  const more = sql`(count(*) > ${sql.raw(String(page.limit))})`;
  const cursorAt = (first: boolean) => sql`(array_agg(${cursor()} order by ${first === !page.backwards ? rn : sql`${rn} desc`}) filter (where ${kept}))[1]`;

  let readsPage = false;
  const part = (p: ConnectionPart): SQL => {
    switch (p.part) {
      case 'typename':
        return typename(p.typeName);
      case 'totalCount':
        return totalCount();
      case 'nodes':
        readsPage = true;
        return sql`coalesce(json_agg(${node(p.object)}${inPageOrder}) filter (where ${kept}), '[]'::json)`;
      case 'edges': {
        readsPage = true;
        const edge = jsonObject(p.edge.map((e): [string, SQL] => [e.key, e.part === 'cursor' ? cursor() : e.part === 'node' ? node(e.object) : typename(e.typeName)]));
        return sql`coalesce(json_agg(${edge}${inPageOrder}) filter (where ${kept}), '[]'::json)`;
      }
      case 'pageInfo':
        return jsonObject(
          p.info.map((i): [string, SQL] => {
            if (i.part === 'typename') return [i.key, typename(i.typeName!)];
            readsPage = true;
            if (i.part === 'hasNextPage') return [i.key, page.backwards ? sql.raw(String(page.before != null)) : more];
            if (i.part === 'hasPreviousPage') return [i.key, page.backwards ? more : sql.raw(String(page.after != null))];
            return [i.key, cursorAt(i.part === 'startCursor')];
          }),
        );
    }
  };
  const value = jsonObject(connection.parts.map((p) => [p.key, part(p)]));
  if (!readsPage) return value;
  const rows = sql`(select ${ident(a)}.*, row_number() over (order by ${order}) as "__rn" from ${source} where ${scoped(keysetWindow(query.sort, columns, page))} order by ${order} limit ${sql.raw(String(page.limit + 1))}) as ${ident(a)}`;
  return sql`(select ${value} from ${rows})`;
}
