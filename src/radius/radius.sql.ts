/**
 * Where the compiled read path (src/graphql/compiled) finds a customer's RADIUS logins and
 * accounting sessions. Computed fields use radius.mapping.ts's SQL forms of its rules, the
 * sessions' filter and ordering the resolver's own (customerSessionsQuery, sessionFilterOf,
 * sessionSortOf), for the root `radiusSessions` as for a customer's. Passwords are never
 * mapped, only whether one is set.
 */
import { sql } from 'drizzle-orm';
import { addSqlFields, mapRootFieldToSql, mapTypeToSql, sameNamedColumns, type ListQuery } from '../graphql/compiled/mapping';
import { hostSql } from '../network/filters';
import { radacct } from './radacct.table';
import { radiusAccounts } from './radius-account.table';
import { hasPasswordSql, sessionOnlineSql, terminateCauseSql } from './radius.mapping';
import { customerSessionsQuery, sessionFilterOf, sessionSortOf } from './radius.resolver';
import { sessionConditions } from './radius.service';
import type { RadiusSessionFilterInput, RadiusSessionOrder } from './radius.types';

mapTypeToSql('RadiusAccount', {
  table: radiusAccounts,
  idColumn: radiusAccounts.id,
  operatorColumn: radiusAccounts.operatorId,
  fields: {
    ...sameNamedColumns(radiusAccounts, ['username', 'priority', 'excludeFromAutoGroupFromBucket', 'createdAt']),
    hasPassword: { expression: hasPasswordSql },
    customer: { one: 'Customer', via: radiusAccounts.customerId },
  },
});

mapTypeToSql('RadiusSession', {
  table: radacct,
  idColumn: radacct.radacctid,
  operatorColumn: radacct.operatorId,
  // The GraphQL names of radius.mapping.ts toRadiusSession.
  fields: {
    sessionId: { column: radacct.acctsessionid },
    username: { column: radacct.username },
    realm: { column: radacct.realm },
    nasIpAddress: { expression: () => hostSql(radacct.nasipaddress) },
    nasPortId: { column: radacct.nasportid },
    nasPortType: { column: radacct.nasporttype },
    framedIpAddress: { expression: () => hostSql(radacct.framedipaddress) },
    framedIpv6Address: { expression: () => hostSql(radacct.framedipv6address) },
    framedIpv6Prefix: { expression: () => sql`(${radacct.framedipv6prefix})::text` },
    delegatedIpv6Prefix: { expression: () => sql`(${radacct.delegatedipv6prefix})::text` },
    framedInterfaceId: { column: radacct.framedinterfaceid },
    startTime: { column: radacct.acctstarttime },
    updateTime: { column: radacct.acctupdatetime },
    stopTime: { column: radacct.acctstoptime },
    sessionTime: { column: radacct.acctsessiontime },
    inputOctets: { column: radacct.acctinputoctets },
    outputOctets: { column: radacct.acctoutputoctets },
    terminateCause: { expression: terminateCauseSql },
    callingStationId: { column: radacct.callingstationid },
    calledStationId: { column: radacct.calledstationid },
    online: { expression: sessionOnlineSql },
    customer: { one: 'Customer', via: radacct.customerId },
  },
});

addSqlFields('Customer', {
  // radius.service accountsByCustomers: by priority, nulls last, then as added.
  radiusAccounts: { many: 'RadiusAccount', by: radiusAccounts.customerId, orderBy: [sql`${radiusAccounts.priority} asc nulls last`, sql`${radiusAccounts.id}`] },
  radiusSessions: {
    connection: 'RadiusSession',
    by: radacct.customerId,
    query: (args, operatorId): ListQuery => ({
      ...customerSessionsQuery(operatorId, args.filter as RadiusSessionFilterInput | undefined, args.orderBy as RadiusSessionOrder | undefined),
      page: args,
    }),
  },
});

mapRootFieldToSql('radiusSessions', {
  connection: 'RadiusSession',
  query: (args, operatorId): ListQuery => ({
    where: sessionConditions(operatorId, sessionFilterOf(args.filter as RadiusSessionFilterInput | undefined)),
    sort: sessionSortOf(args.orderBy as RadiusSessionOrder | undefined),
    page: args,
  }),
});
