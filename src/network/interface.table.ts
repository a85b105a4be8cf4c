import { check, cidr, index, inet, integer, pgEnum, pgTable, text } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAt, idColumn, operatorColumn, updatedAt } from '../db/columns';
import { gateways } from './gateway.table';

/** SIMPLer interface roles ("Canopy", "Public", "Customer", "Private" on the wire). */
export const interfaceRole = pgEnum('interface_role', ['canopy', 'public', 'customer', 'private']);

/**
 * An address range on a gateway interface, the pool generateIP draws from (SIMPLer
 * getInterfaceData: `interface`, `role`, `label`, `networkaddress`, `gwaddress`, `startip`,
 * `numberip`, `gatewayid`). `mask` and `broadcast` are derived from `network` when served, so
 * they cannot disagree with it (the vendor sample shows rows where they do).
 */
export const interfaces = pgTable(
  'interfaces',
  {
    id: idColumn(),
    operatorId: operatorColumn(),
    gatewayId: integer()
      .notNull()
      .references(() => gateways.id, { onDelete: 'cascade' }),
    /** Device interface name, e.g. `eth1`, `LAN1`. */
    name: text().notNull(),
    role: interfaceRole().notNull(),
    label: text(),
    network: cidr().notNull(),
    gatewayAddress: inet(),
    /** First address generateIP hands out, and how many it may hand out from there. */
    startIp: inet(),
    numberOfIps: integer(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('interfaces_gateway_idx').on(t.gatewayId),
    index('interfaces_operator_role_idx').on(t.operatorId, t.role),
    check('interfaces_number_of_ips_check', sql`${t.numberOfIps} > 0`),
    check('interfaces_start_ip_in_network_check', sql`${t.startIp} <<= ${t.network}`),
    check('interfaces_gateway_address_in_network_check', sql`${t.gatewayAddress} <<= ${t.network}`),
  ],
);
