import { index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, operatorColumn, updatedAt } from '../db/columns';
import { streets } from './street.table';

/**
 * A building ("block") on a street (Jaze E17 add_block `BlockName`/`inputStreetId`/
 * `inputBlockId`, E20 get_all_buildings `CollectionBlock {id, street_id, block, internal}`
 * filtered by street, E2 `location.block_id/block`).
 */
export const buildings = pgTable(
  'buildings',
  {
    id: idColumn(),
    operatorId: operatorColumn(),
    streetId: integer()
      .notNull()
      .references(() => streets.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    internal: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('buildings_street_name_key').on(t.streetId, t.name),
    index('buildings_operator_idx').on(t.operatorId),
  ],
);
