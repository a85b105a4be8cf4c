import { index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, operatorColumn, updatedAt } from '../db/columns';
import { areas } from './area.table';

/**
 * A street within an area (Jaze E16 add_street `StreetName`/`inputAreaId`/`inputStreetId`,
 * E19 get_all_streets `CollectionStreet {id, area_id, street, internal}` filtered by area,
 * E2 `location.street_id/street`).
 */
export const streets = pgTable(
  'streets',
  {
    id: idColumn(),
    operatorId: operatorColumn(),
    areaId: integer()
      .notNull()
      .references(() => areas.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    internal: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('streets_area_name_key').on(t.areaId, t.name),
    index('streets_operator_idx').on(t.operatorId),
  ],
);
