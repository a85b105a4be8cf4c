/**
 * Wire formats shared by the customer-record, IP and interface operations: SIMPLer's string
 * values, its "if defined" switches, custom-table cells keyed by column id, and the record
 * documents of getIPData and getInterfaceData.
 */
import type { CustomColumnRow, CellValues } from '../../../customers/custom-table.service';
import type { CustomerIpRow } from '../../../network/customer-ip.service';
import type { InterfaceRow } from '../../../network/gateway.service';
import { cidrParts } from '../../../network/cidr';
import type { Args } from '../../catalog/args';
import type { PatternParamSpec } from '../../catalog/operation';
import { el, fields, type XmlElement } from '../../xml/write';

/** SIMPLer JSON carries every value as a string: booleans as 1/0, nothing as "". */
export function wire(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? '1' : '0';
  return String(value);
}

/** An address column (inet/cidr) without its prefix length. */
export function host(value: string | null | undefined): string {
  return value == null ? '' : value.split('/')[0]!;
}

/**
 * SIMPLer's "if defined" switches (generateIP saveInDb, syncRADIUS, updateWIB): sending the
 * parameter turns it on, whatever its value, except an explicit 0/false/no — the value a
 * client sends when it means off. Not sent, or sent as nil, is off.
 */
export function definedSwitch(args: Args, name: string): boolean {
  const value = args.text(name);
  if (value === undefined || value === null) return false;
  return !['0', 'f', 'false', 'n', 'no', 'off'].includes(value.trim().toLowerCase());
}

/**
 * Custom-table cell values, keyed by column id. JSON bodies use the id itself (`"39": "…"`);
 * XML element names cannot start with a digit, so SOAP sends `columnid39` (PHP maps may use
 * the bare id as their key too).
 */
export const COLUMN_VALUES: PatternParamSpec = {
  pattern: /^(?:columnid)?(\d+)$/i,
  display: '<columnid> or columnid<columnid>',
  doc: 'Cell value for the column with this id (dates as YYYY-MM-DD); in SOAP name it columnid<id>, e.g. columnid39. Empty clears the cell on modify.',
  wsdlPrefix: 'columnid',
};

export function cellValues(args: Args): CellValues {
  const values: CellValues = {};
  for (const [key, value] of args.patterned) values[Number(key)] = value;
  return values;
}

/** A custom-table column definition with every key listCustomTableEntries documents. */
export function columnJson(column: CustomColumnRow): Record<string, string> {
  return {
    id: String(column.id),
    label: column.label,
    type: column.type,
    options: wire(column.options),
    note: wire(column.note),
    availability: 'customer custom table',
    length: wire(column.maxLength),
    default_value: wire(column.defaultValue),
    mandatory: wire(column.mandatory),
    locked: wire(column.locked),
  };
}

/** One address binding as getIPData serves it; field names are addIP's parameters. */
export function ipJson(row: CustomerIpRow): Record<string, string> {
  return {
    id: String(row.id),
    ip: host(row.ip),
    mac: wire(row.mac),
    macrestrict: wire(row.macRestrict),
    label: wire(row.label),
    type: wire(row.isPublic),
    dhcpoptions: wire(row.dhcpOptions),
    radius_username: wire(row.radiusUsername),
    gatewayid: wire(row.gatewayId),
    interfaceid: wire(row.interfaceId),
    updateMAConEUPLogin: wire(row.updateMacOnPortalLogin),
  };
}

/** `<ipDataRoot customerid="…">` holding one `<ipentry id="…">` per binding. */
export function ipDataXml(customerId: number, rows: CustomerIpRow[]): XmlElement {
  return el(
    'ipDataRoot',
    { customerid: customerId },
    rows.map((row) => {
      const { id, ...rest } = ipJson(row);
      return el('ipentry', { id }, fields(rest));
    }),
  );
}

const ROLE_LABEL: Record<InterfaceRow['role'], string> = { canopy: 'Canopy', public: 'Public', customer: 'Customer', private: 'Private' };

/** One interface range in getInterfaceData's documented keys; mask and broadcast derive from the network. */
export function interfaceJson(row: InterfaceRow): Record<string, string> {
  const parts = cidrParts(row.network);
  return {
    networkaddress: host(row.network),
    broadcast: wire(parts?.broadcast),
    startip: host(row.startIp),
    gatewayid: String(row.gatewayId),
    interface: row.name,
    numberip: wire(row.numberOfIps),
    label: wire(row.label),
    id: String(row.id),
    role: ROLE_LABEL[row.role],
    mask: wire(parts?.mask),
    gwaddress: host(row.gatewayAddress),
  };
}
