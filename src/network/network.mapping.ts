/**
 * Rows to GraphQL objects for the network area. Secrets are dropped here by name, so a column
 * added to a table later cannot leak through a spread.
 */
import { sql, type SQL } from 'drizzle-orm';
import { geoPointOf } from '../graphql/geo-point';
import { asNode } from '../graphql/node';
import type { basestations } from './basestation.table';
import { cpes } from './cpe.table';
import { gateways } from './gateway.table';
import type { customerIps } from './customer-ip.table';
import type { GatewayRow } from './gateway.service';
import type { interfaces } from './interface.table';
import { cidrParts } from './cidr';
import type { EquipmentRow } from './equipment.service';
import type { Equipment } from './equipment.types';
import { hostOf } from './filters';
import type { Basestation, Cpe, CustomerIp, Gateway, NetworkInterface } from './network.types';

export type CpeRow = typeof cpes.$inferSelect;
export type BasestationRow = typeof basestations.$inferSelect;
export type { GatewayRow } from './gateway.service';
export type InterfaceRow = typeof interfaces.$inferSelect;
export type CustomerIpRow = typeof customerIps.$inferSelect;

export function toEquipment(row: EquipmentRow): Equipment {
  const { ki: _ki, opcode: _opcode, sqn: _sqn, pin1: _pin1, pin2: _pin2, puk1: _puk1, adm1: _adm1, ...visible } = row;
  return { ...asNode('Equipment', visible), ipAddress: hostOf(row.ipAddress), hasSnmpCommunity: (row.snmpCommunity ?? '') !== '' } as unknown as Equipment;
}

export function toCpe(row: CpeRow): Cpe {
  return { ...asNode('Cpe', row), coordinates: geoPointOf(row), additionalInfo: row.additionalInfo ?? [] } as unknown as Cpe;
}

export function toBasestation(row: BasestationRow): Basestation {
  return asNode('Basestation', row) as unknown as Basestation;
}

/** toGateway's hasCoaSecret and toCpe's additionalInfo in SQL, for the compiled read path. */
export const hasCoaSecretSql = (): SQL => sql`coalesce(${gateways.coaSecret} <> '', false)`;
export const cpeAdditionalInfoSql = (): SQL => sql`coalesce(${cpes.additionalInfo}, '{}')`;

export function toGateway(row: GatewayRow): Gateway {
  const { coaSecret, ...visible } = row;
  return {
    ...asNode('Gateway', visible),
    ipAddress: hostOf(row.ipAddress),
    nasIpAddress: hostOf(row.nasIpAddress),
    hasCoaSecret: coaSecret != null && coaSecret !== '',
  } as unknown as Gateway;
}

export function toInterface(row: InterfaceRow): NetworkInterface {
  const parts = cidrParts(row.network);
  return {
    ...asNode('NetworkInterface', row),
    gatewayAddress: hostOf(row.gatewayAddress),
    startIp: hostOf(row.startIp),
    mask: parts?.mask ?? null,
    broadcast: parts?.broadcast ?? null,
  } as unknown as NetworkInterface;
}

export function toCustomerIp(row: CustomerIpRow): CustomerIp {
  return { ...asNode('CustomerIp', row), ip: hostOf(row.ip) } as unknown as CustomerIp;
}
