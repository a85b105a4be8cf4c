import { index, integer, pgTable, text, unique, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, operatorColumn } from '../db/columns';

/**
 * Ticket types an operator defines (SIMPLer addMaintenance `type`: support, installation,
 * network, repair, …). Operators add their own, so this is a table, not an enum; the documented
 * list is demo data.
 */
export const maintenanceTypes = pgTable(
  'maintenance_types',
  {
    id: idColumn(),
    operatorId: operatorColumn(),
    name: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('maintenance_types_operator_name_key').on(t.operatorId, t.name)],
);

/**
 * Subtypes of a ticket type (SIMPLer addMaintenance `subtype`: "must be a valid subtype that
 * belongs to a given maintenance type"; tickets enforce that with a foreign key on
 * (type_id, id)).
 */
export const maintenanceSubtypes = pgTable(
  'maintenance_subtypes',
  {
    id: idColumn(),
    operatorId: operatorColumn(),
    typeId: integer()
      .notNull()
      .references(() => maintenanceTypes.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('maintenance_subtypes_type_name_key').on(t.typeId, t.name),
    /**
     * Target of the tickets' (type_id, subtype_id) foreign key. A constraint, not a unique index:
     * drizzle-kit emits foreign keys before indexes, and the key must exist first.
     */
    unique('maintenance_subtypes_type_id_key').on(t.typeId, t.id),
    index('maintenance_subtypes_operator_idx').on(t.operatorId),
  ],
);
