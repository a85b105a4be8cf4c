/**
 * Where the compiled read path (src/graphql/compiled) finds gateways, their interfaces, a
 * customer's addresses and premises equipment. Addresses are printed as network.mapping.ts
 * prints them (hostSql = hostOf); lists are in id order like network.loaders' rowsByParent.
 * Left to the resolvers: an interface's mask and broadcast (computed in cidr.ts) and a CPE's
 * equipment.
 */
import { asc } from 'drizzle-orm';
import { customers } from '../customers/customer.table';
import { geoPointSql } from '../graphql/geo-point';
import { addSqlFields, mapTypeToSql, sameNamedColumns } from '../graphql/compiled/mapping';
import { cpes } from './cpe.table';
import { customerIps } from './customer-ip.table';
import { hostSql } from './filters';
import { gateways } from './gateway.table';
import { interfaces } from './interface.table';
import { cpeAdditionalInfoSql, hasCoaSecretSql } from './network.mapping';

mapTypeToSql('Gateway', {
  table: gateways,
  idColumn: gateways.id,
  operatorColumn: gateways.operatorId,
  fields: {
    ...sameNamedColumns(gateways, ['name', 'wibNumber', 'coaPort', 'description', 'createdAt']),
    ipAddress: { expression: () => hostSql(gateways.ipAddress) },
    nasIpAddress: { expression: () => hostSql(gateways.nasIpAddress) },
    hasCoaSecret: { expression: hasCoaSecretSql },
    interfaces: { many: 'NetworkInterface', by: interfaces.gatewayId, orderBy: [asc(interfaces.id)] },
  },
});

mapTypeToSql('NetworkInterface', {
  table: interfaces,
  idColumn: interfaces.id,
  operatorColumn: interfaces.operatorId,
  fields: {
    ...sameNamedColumns(interfaces, ['name', 'role', 'label', 'network', 'numberOfIps', 'createdAt']),
    gatewayAddress: { expression: () => hostSql(interfaces.gatewayAddress) },
    startIp: { expression: () => hostSql(interfaces.startIp) },
    gateway: { one: 'Gateway', via: interfaces.gatewayId },
  },
});

mapTypeToSql('CustomerIp', {
  table: customerIps,
  idColumn: customerIps.id,
  operatorColumn: customerIps.operatorId,
  fields: {
    ...sameNamedColumns(customerIps, ['mac', 'macRestrict', 'label', 'isPublic', 'dhcpOptions', 'radiusUsername', 'updateMacOnPortalLogin', 'createdAt']),
    ip: { expression: () => hostSql(customerIps.ip) },
    customer: { one: 'Customer', via: customerIps.customerId },
    gateway: { one: 'Gateway', via: customerIps.gatewayId },
    interface: { one: 'NetworkInterface', via: customerIps.interfaceId },
  },
});

mapTypeToSql('Cpe', {
  table: cpes,
  idColumn: cpes.id,
  operatorColumn: cpes.operatorId,
  fields: {
    ...sameNamedColumns(cpes, ['distance', 'colour', 'frequency', 'installedBy', 'dishInstalled', 'groundingCompleted', 'createdAt']),
    coordinates: geoPointSql(cpes.latitude, cpes.longitude),
    additionalInfo: { expression: cpeAdditionalInfoSql },
    customer: { one: 'Customer', via: cpes.customerId },
  },
});

addSqlFields('Customer', {
  gateway: { one: 'Gateway', via: customers.gatewayId },
  ips: { many: 'CustomerIp', by: customerIps.customerId, orderBy: [asc(customerIps.id)] },
  cpes: { many: 'Cpe', by: cpes.customerId, orderBy: [asc(cpes.id)] },
});
