import { pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, operatorColumn, updatedAt } from '../db/columns';

/**
 * Top level of the operator's address book, used to route field collection and group customers
 * (Jaze E15 add_area `areaName`/`inputAreaId`, E18 get_all_areas `CollectionArea {id, area,
 * internal}`, E2 `location.area_id/area`, E21/E22 area-wise collection lists).
 */
export const areas = pgTable(
  'areas',
  {
    id: idColumn(),
    operatorId: operatorColumn(),
    name: text().notNull(),
    /** Jaze `internal`: an operator-side code or note, null in every sample. */
    internal: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('areas_operator_name_key').on(t.operatorId, t.name)],
);
