/**
 * Finding the customer behind a network identity, as support staff are asked ("who is
 * 10.1.2.3?"): by an address or MAC bound to the customer (customer_ips) or held by one of its
 * open RADIUS sessions right now, or by one of its RADIUS logins. Conditions on a `customers`
 * row, each subquery kept to the customer's own operator.
 */
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { customerIps } from '../network/customer-ip.table';
import { hostEquals, macTextEquals } from '../network/filters';
import { radacct } from '../radius/radacct.table';
import { radiusAccounts } from '../radius/radius-account.table';
import { customers } from './customer.table';

const ownIps = () => and(eq(customerIps.customerId, customers.id), eq(customerIps.operatorId, customers.operatorId));
const openSessions = () => sql`${radacct.customerId} = ${customers.id} and ${radacct.operatorId} = ${customers.operatorId} and ${radacct.acctstoptime} is null`;

/** `address` must be a valid IP address (the IP scalar, or checked by the caller). */
export function customerHasIp(address: string): SQL {
  return sql`(exists (select 1 from ${customerIps} where ${ownIps()} and ${hostEquals(customerIps.ip, address)})
    or exists (select 1 from ${radacct} where ${openSessions()} and ${hostEquals(radacct.framedipaddress, address)}))`;
}

/** `mac` in canonical form (net-rules.ts normalizeMac). */
export function customerHasMac(mac: string): SQL {
  return sql`(exists (select 1 from ${customerIps} where ${ownIps()} and ${customerIps.mac} = ${mac}::macaddr)
    or exists (select 1 from ${radacct} where ${openSessions()} and ${macTextEquals(radacct.callingstationid, mac)}))`;
}

/** RADIUS usernames are exact (FreeRADIUS compares them so). */
export function customerHasRadiusUsername(username: string): SQL {
  return sql`exists (select 1 from ${radiusAccounts} where ${radiusAccounts.customerId} = ${customers.id} and ${radiusAccounts.operatorId} = ${customers.operatorId} and ${radiusAccounts.username} = ${username.trim()})`;
}
