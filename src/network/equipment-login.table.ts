import { index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt, idColumn, operatorColumn } from '../db/columns';
import { equipment } from './equipment.table';

/**
 * Login details for a device (SIMPLer addEquipmentLoginDetails/deleteEquipmentLoginDetails:
 * `equipid`, `username`, `password`, `notes`). Technicians must read the password back to log
 * in to the device, so it is stored as given, not hashed; it is never written to the audit log.
 */
export const equipmentLogins = pgTable(
  'equipment_logins',
  {
    id: idColumn(),
    operatorId: operatorColumn(),
    equipmentId: integer()
      .notNull()
      .references(() => equipment.id, { onDelete: 'cascade' }),
    username: text().notNull(),
    password: text(),
    notes: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('equipment_logins_equipment_username_key').on(t.equipmentId, t.username),
    index('equipment_logins_operator_idx').on(t.operatorId),
  ],
);
