import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgEnum, pgTable, smallint, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, operatorColumn, updatedAt } from '../db/columns';
import { customers } from './customer.table';
import { equipment } from '../network/equipment.table';

/** What a custom field or custom-table column belongs to. */
export const customFieldScope = pgEnum('custom_field_scope', ['customer', 'equipment', 'customer_custom_table']);
export const customFieldType = pgEnum('custom_field_type', ['textfield', 'textarea', 'number', 'date', 'checkbox', 'select']);

/**
 * Operator-defined fields (SIMPLer custom_field_<id> on customers and equipment). Also the
 * column definitions of custom tables: listCustomTableEntries returns them as `columns`
 * with exactly these attributes (label, type, options, note, availability, length,
 * default_value, mandatory, locked).
 */
export const customFields = pgTable(
  'custom_fields',
  {
    id: idColumn(),
    operatorId: operatorColumn(),
    scope: customFieldScope().notNull(),
    /** Set for columns of a custom table. */
    customTableId: integer().references(() => customTables.id, { onDelete: 'cascade' }),
    label: text().notNull(),
    type: customFieldType().notNull().default('textfield'),
    /** For `select`: the allowed values, one per line. */
    options: text(),
    note: text(),
    maxLength: integer(),
    defaultValue: text(),
    mandatory: boolean().notNull().default(false),
    locked: boolean().notNull().default(false),
    position: smallint().notNull().default(0),
  },
  (t) => [
    index('custom_fields_operator_scope_idx').on(t.operatorId, t.scope),
    index('custom_fields_custom_table_idx').on(t.customTableId),
    check(
      'custom_fields_table_scope_check',
      sql`(${t.scope} = 'customer_custom_table') = (${t.customTableId} is not null)`,
    ),
  ],
);

/** The value of one custom field on one customer or one piece of equipment. */
export const customFieldValues = pgTable(
  'custom_field_values',
  {
    id: idColumn(),
    operatorId: operatorColumn(),
    fieldId: integer()
      .notNull()
      .references(() => customFields.id, { onDelete: 'cascade' }),
    customerId: integer().references(() => customers.id, { onDelete: 'cascade' }),
    equipmentId: integer().references(() => equipment.id, { onDelete: 'cascade' }),
    value: text().notNull(),
  },
  (t) => [
    index('custom_field_values_operator_idx').on(t.operatorId),
    uniqueIndex('custom_field_values_field_customer_key').on(t.fieldId, t.customerId),
    uniqueIndex('custom_field_values_field_equipment_key').on(t.fieldId, t.equipmentId),
    index('custom_field_values_customer_idx').on(t.customerId),
    index('custom_field_values_equipment_idx').on(t.equipmentId),
    check('custom_field_values_one_owner_check', sql`num_nonnulls(${t.customerId}, ${t.equipmentId}) = 1`),
  ],
);

/**
 * Custom tables (SIMPLer list/add/modify/deleteCustomTableEntries, e.g. `voip`): named
 * tables whose rows belong to a customer and whose cells are keyed by column (custom field) id.
 */
export const customTables = pgTable(
  'custom_tables',
  {
    id: idColumn(),
    operatorId: operatorColumn(),
    name: text().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('custom_tables_operator_name_key').on(t.operatorId, t.name)],
);

export const customTableRows = pgTable(
  'custom_table_rows',
  {
    id: idColumn(),
    operatorId: operatorColumn(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    tableId: integer()
      .notNull()
      .references(() => customTables.id, { onDelete: 'cascade' }),
    customerId: integer()
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
  },
  (t) => [
    index('custom_table_rows_operator_idx').on(t.operatorId),
    index('custom_table_rows_table_customer_idx').on(t.tableId, t.customerId),
    index('custom_table_rows_customer_idx').on(t.customerId),
  ],
);

export const customTableCells = pgTable(
  'custom_table_cells',
  {
    rowId: integer()
      .notNull()
      .references(() => customTableRows.id, { onDelete: 'cascade' }),
    columnId: integer()
      .notNull()
      .references(() => customFields.id, { onDelete: 'cascade' }),
    value: text().notNull(),
  },
  (t) => [
    uniqueIndex('custom_table_cells_row_column_key').on(t.rowId, t.columnId),
    index('custom_table_cells_column_idx').on(t.columnId),
  ],
);
