/**
 * Custom tables (SIMPLer list/add/modify/deleteCustomTableEntries): operator-defined tables
 * (e.g. `voip`) whose rows belong to a customer and whose cells are keyed by column id. The
 * columns are custom fields of scope `customer_custom_table`.
 *
 * listEntries returns, per table, the column definitions (always) and the matching rows with
 * their customer; the legacy JSON (`<table>.columns.<id>` and
 * `<table>.rows_per_customerid.<customerid>.<rowid>.<columnid>`) is a re-indexing of it.
 */
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { audit } from '../shared/audit';
import type { ServiceContext } from '../shared/context';
import { NotFoundError, Validation } from '../shared/errors';
import { customers } from './customer.table';
import { customFields, customTableCells, customTableRows, customTables } from './custom-field.table';
import { authorize } from '../tenancy/permissions';

export type CustomColumnRow = typeof customFields.$inferSelect;

export interface CustomTableRowData {
  rowId: number;
  customerId: number;
  tableId: number;
  tableName: string;
  /** Cell values by column id; a column without a value is absent. */
  cells: Record<number, string>;
}

export interface CustomTableListing {
  tableId: number;
  name: string;
  columns: CustomColumnRow[];
  rows: CustomTableRowData[];
}

export interface ListFilter {
  customerId?: number | null;
  /** Rows with a cell equal to this value (in `columnId` when given). */
  value?: string | null;
  /** Rows with a value in this column (equal to `value` when given). */
  columnId?: number | null;
}

/** Column id → value; null or '' removes the value (modify only). */
export type CellValues = Record<number, string | null>;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

async function tablesOf(db: Executor, operatorId: number) {
  return db.select().from(customTables).where(eq(customTables.operatorId, operatorId)).orderBy(asc(customTables.name));
}

async function columnsOf(db: Executor, operatorId: number, tableIds: number[]): Promise<CustomColumnRow[]> {
  if (tableIds.length === 0) return [];
  return db
    .select()
    .from(customFields)
    .where(and(eq(customFields.operatorId, operatorId), eq(customFields.scope, 'customer_custom_table'), inArray(customFields.customTableId, tableIds)))
    .orderBy(asc(customFields.position), asc(customFields.id));
}

/** A row's table name as rowsWhere reads it (its join), for the compiled read path. */
export const rowTableNameSql = (): SQL => sql`(select ${customTables.name} from ${customTables} where ${customTables.id} = ${customTableRows.tableId})`;

async function rowsWhere(db: Executor, operatorId: number, where: SQL | undefined): Promise<CustomTableRowData[]> {
  const rows = await db
    .select({ id: customTableRows.id, customerId: customTableRows.customerId, tableId: customTableRows.tableId, tableName: customTables.name })
    .from(customTableRows)
    .innerJoin(customTables, eq(customTables.id, customTableRows.tableId))
    .where(and(eq(customTableRows.operatorId, operatorId), where))
    .orderBy(asc(customTableRows.id));
  if (rows.length === 0) return [];
  const cells = await db.select().from(customTableCells).where(inArray(customTableCells.rowId, rows.map((r) => r.id)));
  return rows.map((r) => ({
    rowId: r.id,
    customerId: r.customerId,
    tableId: r.tableId,
    tableName: r.tableName,
    cells: Object.fromEntries(cells.filter((c) => c.rowId === r.id).map((c) => [c.columnId, c.value])),
  }));
}

export async function listEntries(ctx: ServiceContext, filter: ListFilter = {}): Promise<CustomTableListing[]> {
  const operatorId = ctx.actor.operatorId;
  const tables = await tablesOf(ctx.db, operatorId);
  const columns = await columnsOf(ctx.db, operatorId, tables.map((t) => t.id));
  const conditions: SQL[] = [];
  if (filter.customerId != null) conditions.push(eq(customTableRows.customerId, filter.customerId));
  if (filter.value != null || filter.columnId != null) {
    const cell: SQL[] = [sql`c.row_id = ${customTableRows.id}`];
    if (filter.value != null) cell.push(sql`c.value = ${filter.value}`);
    if (filter.columnId != null) cell.push(sql`c.column_id = ${filter.columnId}`);
    conditions.push(sql`exists (select 1 from ${customTableCells} c where ${sql.join(cell, sql` and `)})`);
  }
  const rows = await rowsWhere(ctx.db, operatorId, conditions.length ? and(...conditions) : undefined);
  return tables.map((t) => ({
    tableId: t.id,
    name: t.name,
    columns: columns.filter((c) => c.customTableId === t.id),
    rows: rows.filter((r) => r.tableId === t.id),
  }));
}

/** Rows of many customers (for loaders), with their cells. */
export async function rowsByCustomers(db: Executor, operatorId: number, customerIds: readonly number[]): Promise<CustomTableRowData[]> {
  if (customerIds.length === 0) return [];
  return rowsWhere(db, operatorId, inArray(customTableRows.customerId, [...customerIds]));
}

/** Column definitions by id (for labels when serving cells). */
export async function columnsByIds(db: Executor, operatorId: number, ids: readonly number[]): Promise<CustomColumnRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(customFields).where(and(eq(customFields.operatorId, operatorId), inArray(customFields.id, [...ids])));
}

async function customerExists(db: Executor, operatorId: number, customerId: number): Promise<boolean> {
  const [row] = await db.select({ id: customers.id }).from(customers).where(and(eq(customers.operatorId, operatorId), eq(customers.id, customerId)));
  return !!row;
}

/** Checks values against the table's columns; `creating` also requires the mandatory ones. */
function checkValues(columns: CustomColumnRow[], tableName: string, values: CellValues, creating: boolean, v: Validation): void {
  for (const [key, raw] of Object.entries(values)) {
    const column = columns.find((c) => c.id === Number(key));
    const field = ['values', key];
    if (!column) {
      v.add(field, `column ${key} does not belong to custom table "${tableName}"`, 'NOT_FOUND');
      continue;
    }
    const value = raw == null ? '' : String(raw);
    if (value === '') {
      if (column.mandatory) v.add(field, `column "${column.label}" is mandatory`);
      continue;
    }
    if (column.locked && !creating) v.add(field, `column "${column.label}" is locked`);
    if (column.maxLength != null && value.length > column.maxLength) v.add(field, `column "${column.label}" takes at most ${column.maxLength} characters`);
    switch (column.type) {
      case 'date':
        if (!isDate(value)) v.add(field, `column "${column.label}" takes a date as YYYY-MM-DD, not "${value}"`);
        break;
      case 'number':
        if (!/^-?\d+(\.\d+)?$/.test(value.trim())) v.add(field, `column "${column.label}" takes a number, not "${value}"`);
        break;
      case 'checkbox':
        if (!['0', '1', 't', 'f', 'true', 'false'].includes(value.toLowerCase())) v.add(field, `column "${column.label}" takes 0 or 1, not "${value}"`);
        break;
      case 'select': {
        const options = (column.options ?? '').split(/\r?\n/).map((o) => o.trim()).filter(Boolean);
        if (options.length && !options.includes(value)) v.add(field, `"${value}" is not an option of column "${column.label}" (${options.join(', ')})`);
        break;
      }
      default:
    }
  }
  if (creating) {
    for (const column of columns) {
      const given = values[column.id];
      if (column.mandatory && (given == null || given === '') && !column.defaultValue) v.add(['values', String(column.id)], `column "${column.label}" is mandatory`);
    }
  }
}

/** Adds a row to a customer's custom table; returns the new row id (SIMPLer "OK: <rowid>"). */
export async function addEntry(ctx: ServiceContext, input: { customerId: number; tableName: string; values: CellValues }): Promise<CustomTableRowData> {
  authorize(ctx.actor, 'customers.write');
  const operatorId = ctx.actor.operatorId;
  const v = new Validation();
  if (!(await customerExists(ctx.db, operatorId, input.customerId))) v.add('customerId', `customer ${input.customerId} does not exist`, 'NOT_FOUND');
  const [table] = await ctx.db.select().from(customTables).where(and(eq(customTables.operatorId, operatorId), eq(customTables.name, input.tableName ?? '')));
  if (!table) {
    v.add('tableName', `custom table "${input.tableName}" does not exist`, 'NOT_FOUND');
    v.throwIfAny();
  }
  const columns = await columnsOf(ctx.db, operatorId, [table!.id]);
  if (Object.keys(input.values).length === 0) v.add('values', 'give at least one column value');
  checkValues(columns, table!.name, input.values, true, v);
  v.throwIfAny();
  const cells = columns
    .map((c) => ({ columnId: c.id, value: input.values[c.id] ?? (c.defaultValue || null) }))
    .filter((c): c is { columnId: number; value: string } => c.value != null && c.value !== '');
  const rowId = await ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(customTableRows).values({ operatorId, tableId: table!.id, customerId: input.customerId }).returning({ id: customTableRows.id });
    if (cells.length) await tx.insert(customTableCells).values(cells.map((c) => ({ rowId: row!.id, ...c })));
    await audit(tx, ctx.actor, 'customTableRow.create', 'customer', input.customerId, { table: table!.name, rowId: row!.id, values: Object.fromEntries(cells.map((c) => [c.columnId, c.value])) });
    return row!.id;
  });
  return (await rowsWhere(ctx.db, operatorId, eq(customTableRows.id, rowId)))[0]!;
}

async function rowOf(ctx: ServiceContext, customerId: number, rowId: number, tableName?: string | null) {
  const [row] = await ctx.db
    .select({ id: customTableRows.id, tableId: customTableRows.tableId, tableName: customTables.name })
    .from(customTableRows)
    .innerJoin(customTables, eq(customTables.id, customTableRows.tableId))
    .where(and(eq(customTableRows.operatorId, ctx.actor.operatorId), eq(customTableRows.id, rowId), eq(customTableRows.customerId, customerId)));
  if (!row || (tableName != null && tableName !== row.tableName)) throw new NotFoundError('custom table row', `${rowId} of customer ${customerId}`, ['rowId']);
  return row;
}

/** Sets (or, with null/'', clears) the given cells of a customer's row; other cells stay. */
export async function modifyEntry(ctx: ServiceContext, input: { customerId: number; rowId: number; tableName?: string | null; values: CellValues }): Promise<CustomTableRowData> {
  authorize(ctx.actor, 'customers.write');
  const operatorId = ctx.actor.operatorId;
  const row = await rowOf(ctx, input.customerId, input.rowId, input.tableName);
  const v = new Validation();
  if (Object.keys(input.values).length === 0) v.add('values', 'give at least one column value');
  checkValues(await columnsOf(ctx.db, operatorId, [row.tableId]), row.tableName, input.values, false, v);
  v.throwIfAny();
  await ctx.db.transaction(async (tx) => {
    for (const [key, value] of Object.entries(input.values)) {
      const columnId = Number(key);
      await tx.delete(customTableCells).where(and(eq(customTableCells.rowId, row.id), eq(customTableCells.columnId, columnId)));
      if (value != null && value !== '') await tx.insert(customTableCells).values({ rowId: row.id, columnId, value });
    }
    await audit(tx, ctx.actor, 'customTableRow.update', 'customer', input.customerId, { table: row.tableName, rowId: row.id, values: input.values });
  });
  return (await rowsWhere(ctx.db, operatorId, eq(customTableRows.id, row.id)))[0]!;
}

export async function deleteEntry(ctx: ServiceContext, input: { customerId: number; rowId: number }): Promise<{ rowId: number }> {
  authorize(ctx.actor, 'customers.write');
  const row = await rowOf(ctx, input.customerId, input.rowId);
  await ctx.db.transaction(async (tx) => {
    await tx.delete(customTableRows).where(eq(customTableRows.id, row.id));
    await audit(tx, ctx.actor, 'customTableRow.delete', 'customer', input.customerId, { table: row.tableName, rowId: row.id });
  });
  return { rowId: row.id };
}

/** One row by id within the operator, or null. */
export async function findRow(db: Executor, operatorId: number, rowId: number): Promise<CustomTableRowData | null> {
  return (await rowsWhere(db, operatorId, eq(customTableRows.id, rowId)))[0] ?? null;
}

export async function findRows(db: Executor, operatorId: number, rowIds: readonly number[]): Promise<CustomTableRowData[]> {
  if (rowIds.length === 0) return [];
  return rowsWhere(db, operatorId, inArray(customTableRows.id, [...rowIds]));
}

export async function getRow(ctx: ServiceContext, rowId: number, field: string[] = ['rowId']): Promise<CustomTableRowData> {
  const row = await findRow(ctx.db, ctx.actor.operatorId, rowId);
  if (!row) throw new NotFoundError('custom table row', rowId, field);
  return row;
}

/** The operator's custom tables with their column definitions (no rows). */
export async function listTables(ctx: ServiceContext): Promise<Omit<CustomTableListing, 'rows'>[]> {
  const tables = await tablesOf(ctx.db, ctx.actor.operatorId);
  const columns = await columnsOf(ctx.db, ctx.actor.operatorId, tables.map((t) => t.id));
  return tables.map((t) => ({ tableId: t.id, name: t.name, columns: columns.filter((c) => c.customTableId === t.id) }));
}
