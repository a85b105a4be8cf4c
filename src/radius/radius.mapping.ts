/** Rows to GraphQL objects for RADIUS; the login password is reduced to `hasPassword` here. */
import { sql, type SQL } from 'drizzle-orm';
import { asNode } from '../graphql/node';
import { radacct } from './radacct.table';
import { radiusAccounts } from './radius-account.table';
import { hostOf } from '../network/filters';
import type { RadiusAccountRow, RadiusSessionRow } from './radius.service';
import type { RadiusAccount, RadiusSession } from './radius.types';

/** The rules below in SQL, for the compiled read path (src/radius/radius.sql.ts). */
export const hasPasswordSql = (): SQL => sql`coalesce(${radiusAccounts.password} <> '', false)`;
export const terminateCauseSql = (): SQL => sql`nullif(${radacct.acctterminatecause}, '')`;
export const sessionOnlineSql = (): SQL => sql`(${radacct.acctstoptime} is null)`;

export function toRadiusAccount(row: RadiusAccountRow): RadiusAccount {
  const { password, ...visible } = row;
  return { ...asNode('RadiusAccount', visible), hasPassword: password != null && password !== '' } as unknown as RadiusAccount;
}

const octets = (value: number | null) => (value == null ? null : String(value));

export function toRadiusSession(row: RadiusSessionRow): RadiusSession {
  return {
    ...asNode('RadiusSession', { id: row.radacctid }),
    legacyId: String(row.radacctid),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    customerId: row.customerId,
    sessionId: row.acctsessionid,
    username: row.username,
    realm: row.realm,
    nasIpAddress: hostOf(row.nasipaddress)!,
    nasPortId: row.nasportid,
    nasPortType: row.nasporttype,
    framedIpAddress: hostOf(row.framedipaddress),
    framedIpv6Address: hostOf(row.framedipv6address),
    framedIpv6Prefix: row.framedipv6prefix,
    delegatedIpv6Prefix: row.delegatedipv6prefix,
    framedInterfaceId: row.framedinterfaceid,
    startTime: row.acctstarttime,
    updateTime: row.acctupdatetime,
    stopTime: row.acctstoptime,
    sessionTime: row.acctsessiontime,
    inputOctets: octets(row.acctinputoctets),
    outputOctets: octets(row.acctoutputoctets),
    terminateCause: row.acctterminatecause || null,
    callingStationId: row.callingstationid,
    calledStationId: row.calledstationid,
    online: row.acctstoptime == null,
  } as unknown as RadiusSession;
}
