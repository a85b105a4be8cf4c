import { boolean, check, index, inet, integer, macaddr, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAt, idColumn, operatorColumn, updatedAt } from '../db/columns';
import { customers } from '../customers/customer.table';
import { gateways } from './gateway.table';
import { interfaces } from './interface.table';

/**
 * An address bound to a customer: SIMPLer addIP/getIPData/generateIP (`ip`, `mac`,
 * `macrestrict`, `label`, `type` public/private, `dhcpoptions`, `radius_username`, `gatewayid`,
 * `updateMAConEUPLogin`) and Jaze's `staticIpMac` rows (`staticIpAddress`, `staticIpBoundMac`).
 * Jaze release_ip_mac can release just the IP or just the MAC, so either may be null, not both;
 * its `whichIpMacRow` is the row's index (from 0) in the customer's list ordered by id.
 * A customer holding IPs cannot be deleted (SIMPLer deleteCustomer rule 3).
 */
export const customerIps = pgTable(
  'customer_ips',
  {
    id: idColumn(),
    operatorId: operatorColumn(),
    customerId: integer()
      .notNull()
      .references(() => customers.id, { onDelete: 'restrict' }),
    ip: inet(),
    mac: macaddr(),
    macRestrict: boolean().notNull().default(false),
    label: text(),
    /** SIMPLer `type`: 1 public, 0 private. */
    isPublic: boolean().notNull().default(false),
    dhcpOptions: text(),
    radiusUsername: text(),
    gatewayId: integer().references(() => gateways.id, { onDelete: 'set null' }),
    interfaceId: integer().references(() => interfaces.id, { onDelete: 'set null' }),
    /** End-user-portal login may overwrite `mac` with the device the customer logs in from. */
    updateMacOnPortalLogin: boolean().notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('customer_ips_operator_ip_key').on(t.operatorId, t.ip).where(sql`${t.ip} is not null`),
    index('customer_ips_customer_idx').on(t.customerId),
    index('customer_ips_operator_mac_idx').on(t.operatorId, t.mac),
    index('customer_ips_radius_username_idx').on(t.radiusUsername),
    index('customer_ips_gateway_idx').on(t.gatewayId),
    index('customer_ips_interface_idx').on(t.interfaceId),
    check('customer_ips_ip_or_mac_check', sql`${t.ip} is not null or ${t.mac} is not null`),
  ],
);
