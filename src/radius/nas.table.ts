import { index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { idColumn, operatorColumn } from '../db/columns';

/**
 * FreeRADIUS `nas` (RADIUS clients, read with `read_clients = yes`) in FreeRADIUS 3's own shape.
 * One RADIUS server serves every operator, so `nasname` (the client's address or name) is unique
 * across operators, not per operator. `secret` is the RADIUS shared secret and must be readable.
 */
export const nas = pgTable(
  'nas',
  {
    id: idColumn(),
    operatorId: operatorColumn(),
    nasname: text().notNull(),
    shortname: text().notNull(),
    type: text().notNull().default('other'),
    ports: integer(),
    secret: text().notNull(),
    server: text(),
    community: text(),
    description: text(),
  },
  (t) => [uniqueIndex('nas_nasname_key').on(t.nasname), index('nas_operator_idx').on(t.operatorId)],
);
