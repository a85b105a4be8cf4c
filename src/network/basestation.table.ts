import { index, integer, numeric, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { monitorMode } from '../customers/customer.table';
import { createdAt, idColumn, operatorColumn, updatedAt } from '../db/columns';
import { equipment } from './equipment.table';
import { gateways } from './gateway.table';
import { sites } from './site.table';


/**
 * An access point / sector mounted on a site: a piece of equipment in network service
 * (SIMPLer addBasestation/modifyBasestation/deleteBasestation: `equipid`, `siteid`, `sector`,
 * `direction`, `colour`, `frequency`, `installed`, `note`, `gatewayid`, `monitor`).
 */
export const basestations = pgTable(
  'basestations',
  {
    id: idColumn(),
    operatorId: operatorColumn(),
    equipmentId: integer()
      .notNull()
      .references(() => equipment.id, { onDelete: 'restrict' }),
    siteId: integer()
      .notNull()
      .references(() => sites.id, { onDelete: 'restrict' }),
    sector: text(),
    direction: text(),
    colour: text(),
    frequency: numeric(),
    /** Documented as free text (an install date or note, as the operator writes it). */
    installed: text(),
    note: text(),
    gatewayId: integer().references(() => gateways.id, { onDelete: 'set null' }),
    monitor: monitorMode().notNull().default('monitor'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('basestations_equipment_key').on(t.equipmentId),
    index('basestations_site_idx').on(t.siteId),
    index('basestations_gateway_idx').on(t.gatewayId),
    index('basestations_operator_idx').on(t.operatorId),
  ],
);
