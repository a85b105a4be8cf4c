import { check, index, inet, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAt, idColumn, operatorColumn, updatedAt } from '../db/columns';

/**
 * A gateway (SIMPLer's "WIB": `gwid`/`gatewayid`, `wibnumber`/`wibid`): the box customers are
 * routed through and the NAS that RADIUS sessions report from. Jaze's CoA request (E31) is sent
 * here, so the CoA address, port and secret live on the gateway.
 */
export const gateways = pgTable(
  'gateways',
  {
    id: idColumn(),
    operatorId: operatorColumn(),
    name: text().notNull(),
    /** SIMPLer `wibnumber` (updateWibFiles, generateIP reply) and `wibid` (sites). */
    wibNumber: integer().notNull(),
    /** Management address of the gateway. */
    ipAddress: inet(),
    /** The NAS-IP-Address it puts in accounting; joins to `radacct.nasipaddress`. */
    nasIpAddress: inet(),
    coaPort: integer().notNull().default(3799),
    /**
     * RADIUS shared secret for CoA/Disconnect (RFC 5176): the server signs each packet with it,
     * so it is stored readable, not hashed. Never returned by any API.
     */
    coaSecret: text(),
    description: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('gateways_operator_wib_number_key').on(t.operatorId, t.wibNumber),
    index('gateways_nas_ip_address_idx').on(t.nasIpAddress),
    check('gateways_coa_port_check', sql`${t.coaPort} between 1 and 65535`),
  ],
);
