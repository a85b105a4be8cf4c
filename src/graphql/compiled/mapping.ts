/**
 * How a GraphQL object type lives in the database, declared once beside the type (e.g.
 * `customer.sql.ts` next to `customer.types.ts`) and read only by the compiled read path. A
 * field the mapping does not name is simply not compiled: an operation that selects it runs
 * through the resolvers as before.
 */
import { getTableColumns, getTableName, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { PageArgs, SortKey } from '../../db/pagination';

/** What a list or connection field's arguments mean: the service's own filter and ordering. */
export interface ListQuery {
  /** Conditions on the child table alone (never on the parent), tenancy included, from the service. */
  where: SQL;
  sort: SortKey;
  page: PageArgs;
}

export type SqlField =
  /** A column; the GraphQL type of the field says how it prints (Decimal as text, DateTime as ISO…). */
  | { column: PgColumn }
  /** A value computed from the row, written with the table's own columns (the service's rule). */
  | { expression: () => SQL }
  /**
   * An object made of this row's columns (e.g. an Address); with `nullUnless`, null when any of
   * those columns is null (a GeoPoint needs both its parts).
   */
  | { embedded: Record<string, SqlField>; nullUnless?: PgColumn[] }
  /** The object of type `type` whose id is in `via`; null when `via` is null or the row is not visible. */
  | { one: string; via: PgColumn }
  /** The object of type `type` whose `by` column holds this row's id (unique there); null when none. */
  | { one: string; by: PgColumn }
  /**
   * Every object of type `type` whose `by` column holds this row's id, in `orderBy` order;
   * `where` narrows them further with the service's rule (hidden rows, the field's arguments,
   * written with the child table's columns; throws on bad arguments, which sends the request
   * to the resolvers). A field with arguments needs `where`.
   */
  | { many: string; by: PgColumn; orderBy: SQL[]; where?: (args: Record<string, unknown>) => SQL | undefined }
  /**
   * A Relay connection of `type` objects whose `by` column holds this row's id; `query` turns the
   * field's arguments into the service's filter, ordering and page (throws on bad arguments,
   * which sends the request to the resolvers and their error).
   */
  | { connection: string; by: PgColumn; query: (args: Record<string, unknown>, operatorId: number) => ListQuery };

export type ColumnField = Extract<SqlField, { column: PgColumn }>;
export type ExpressionField = Extract<SqlField, { expression: unknown }>;
export type OneField = Extract<SqlField, { one: string }>;
export type ManyField = Extract<SqlField, { many: string }>;
export type ConnectionField = Extract<SqlField, { connection: string }>;

export interface SqlObjectMapping {
  table: PgTable;
  /** The numeric id: `legacyId`, and the global `id` of a Node. */
  idColumn: PgColumn;
  /** Tenancy: every row the path reads is restricted to the caller's operator by this column. */
  operatorColumn: PgColumn;
  /**
   * Which of the operator's rows a reference may reach, beyond tenancy (e.g. live resellers
   * only), written with the table's columns; applied to to-one relations and lookups.
   */
  visible?: () => SQL;
  fields: Record<string, SqlField>;
}

/** Fields that are columns of the same name (the common case), checked when declared. */
export function sameNamedColumns(table: PgTable, names: readonly string[]): Record<string, SqlField> {
  const columns = getTableColumns(table);
  const out: Record<string, SqlField> = {};
  for (const name of names) {
    const column = columns[name];
    if (!column) throw new Error(`${getTableName(table)} has no column ${name}`);
    out[name] = { column };
  }
  return out;
}

/** A root query field the compiled path can answer. */
export type SqlRootField =
  | { connection: string; query: (args: Record<string, unknown>, operatorId: number) => ListQuery }
  /** One object by id; `id` returns undefined when the arguments do not name exactly one. */
  | { lookup: string; id: (args: Record<string, unknown>) => number | undefined };

export type RootConnection = Extract<SqlRootField, { connection: string }>;
export type RootLookup = Extract<SqlRootField, { lookup: string }>;

const objects = new Map<string, SqlObjectMapping>();
const extraFields = new Map<string, Record<string, SqlField>>();
const roots = new Map<string, SqlRootField>();

/** Declares where objects of `typeName` live (done beside the type, once). */
export function mapTypeToSql(typeName: string, mapping: SqlObjectMapping): void {
  objects.set(typeName, { ...mapping, fields: { ...mapping.fields, ...extraFields.get(typeName) } });
}

/**
 * Adds fields another area contributes to a type (billing adds `invoices` to Customer), beside
 * that area's resolver for them; works in either order of declaration.
 */
export function addSqlFields(typeName: string, fields: Record<string, SqlField>): void {
  extraFields.set(typeName, { ...extraFields.get(typeName), ...fields });
  const mapping = objects.get(typeName);
  if (mapping) objects.set(typeName, { ...mapping, fields: { ...mapping.fields, ...fields } });
}

export function mapRootFieldToSql(fieldName: string, root: SqlRootField): void {
  roots.set(fieldName, root);
}

export function sqlMappingOf(typeName: string): SqlObjectMapping | undefined {
  return objects.get(typeName);
}

/** Every mapped type with its mapping (the schema lint reads which fields store bigints). */
export function sqlMappings(): ReadonlyMap<string, SqlObjectMapping> {
  return objects;
}

export function sqlRootField(fieldName: string): SqlRootField | undefined {
  return roots.get(fieldName);
}
