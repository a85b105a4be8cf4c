/**
 * The attribute names ispgraph can put into a packet or print from one: the RFC 2865/2866/
 * 3576/5176 attributes a CoA or statistics exchange uses, the vendor attributes ISPs push in a
 * CoA (MikroTik, Cisco, WISPr, ChilliSpot) and FreeRADIUS's statistics attributes. Anything
 * else can still be named the way FreeRADIUS prints unknown attributes: `Attr-<type>` or
 * `Attr-26.<vendor>.<type>` (also `Vendor-<vendor>-Attr-<type>`), its value as text or 0x-hex.
 */
import { attribute, ipv4Bytes, isIpv4, RadiusFormatError, uint32, type RadiusAttribute } from './packet';

export type ValueType = 'string' | 'octets' | 'integer' | 'ipaddr' | 'date';

export interface AttributeDefinition {
  name: string;
  /** 0 for standard attributes. */
  vendorId: number;
  type: number;
  valueType: ValueType;
  /** Named integer values (`Statistics-Type = Authentication`). */
  values?: Record<string, number>;
}

export const VENDOR = { Cisco: 9, Mikrotik: 14988, WISPr: 14122, ChilliSpot: 14559, FreeRADIUS: 11344 } as const;

const STATISTICS_TYPES = { None: 0, Authentication: 1, Accounting: 2, 'Proxy-Authentication': 4, 'Proxy-Accounting': 8, Internal: 0x10, Client: 0x20, Server: 0x40, 'Home-Server': 0x80, 'Auth-Acct': 0x03, 'Proxy-Auth-Acct': 0x0c, All: 0x1f };

const standard = (name: string, type: number, valueType: ValueType): AttributeDefinition => ({ name, vendorId: 0, type, valueType });
const vendor = (vendorId: number, name: string, type: number, valueType: ValueType, values?: Record<string, number>): AttributeDefinition => ({ name, vendorId, type, valueType, values });

const counters = (first: number, names: string[]) => names.map((name, i) => vendor(VENDOR.FreeRADIUS, `FreeRADIUS-Total-${name}`, first + i, 'integer'));

/** FreeRADIUS statistics counters of an Authentication request (dictionary.freeradius 128..137). */
export const AUTH_COUNTERS = counters(128, [
  'Access-Requests', 'Access-Accepts', 'Access-Rejects', 'Access-Challenges', 'Auth-Responses',
  'Auth-Duplicate-Requests', 'Auth-Malformed-Requests', 'Auth-Invalid-Requests', 'Auth-Dropped-Requests', 'Auth-Unknown-Types',
]);
/** …and of an Accounting request (138..144). */
export const ACCT_COUNTERS = counters(138, [
  'Accounting-Requests', 'Accounting-Responses', 'Acct-Duplicate-Requests', 'Acct-Malformed-Requests',
  'Acct-Invalid-Requests', 'Acct-Dropped-Requests', 'Acct-Unknown-Types',
]);

export const STATISTICS_TYPE = vendor(VENDOR.FreeRADIUS, 'FreeRADIUS-Statistics-Type', 127, 'integer', STATISTICS_TYPES);

const DEFINITIONS: AttributeDefinition[] = [
  standard('User-Name', 1, 'string'),
  standard('NAS-IP-Address', 4, 'ipaddr'),
  standard('NAS-Port', 5, 'integer'),
  standard('Service-Type', 6, 'integer'),
  standard('Framed-IP-Address', 8, 'ipaddr'),
  standard('Framed-IP-Netmask', 9, 'ipaddr'),
  standard('Filter-Id', 11, 'string'),
  standard('Framed-MTU', 12, 'integer'),
  standard('Reply-Message', 18, 'string'),
  standard('Framed-Route', 22, 'string'),
  standard('State', 24, 'octets'),
  standard('Class', 25, 'octets'),
  standard('Session-Timeout', 27, 'integer'),
  standard('Idle-Timeout', 28, 'integer'),
  standard('Called-Station-Id', 30, 'string'),
  standard('Calling-Station-Id', 31, 'string'),
  standard('NAS-Identifier', 32, 'string'),
  standard('Acct-Session-Id', 44, 'string'),
  standard('Event-Timestamp', 55, 'date'),
  standard('Message-Authenticator', 80, 'octets'),
  standard('Acct-Interim-Interval', 85, 'integer'),
  standard('NAS-Port-Id', 87, 'string'),
  standard('Framed-Pool', 88, 'string'),
  standard('Error-Cause', 101, 'integer'),
  vendor(VENDOR.Cisco, 'Cisco-AVPair', 1, 'string'),
  vendor(VENDOR.Mikrotik, 'Mikrotik-Recv-Limit', 1, 'integer'),
  vendor(VENDOR.Mikrotik, 'Mikrotik-Xmit-Limit', 2, 'integer'),
  vendor(VENDOR.Mikrotik, 'Mikrotik-Group', 3, 'string'),
  vendor(VENDOR.Mikrotik, 'Mikrotik-Rate-Limit', 8, 'string'),
  vendor(VENDOR.Mikrotik, 'Mikrotik-Address-List', 19, 'string'),
  vendor(VENDOR.WISPr, 'WISPr-Bandwidth-Max-Up', 7, 'integer'),
  vendor(VENDOR.WISPr, 'WISPr-Bandwidth-Max-Down', 8, 'integer'),
  vendor(VENDOR.WISPr, 'WISPr-Session-Terminate-Time', 9, 'string'),
  vendor(VENDOR.ChilliSpot, 'ChilliSpot-Max-Input-Octets', 1, 'integer'),
  vendor(VENDOR.ChilliSpot, 'ChilliSpot-Max-Output-Octets', 2, 'integer'),
  vendor(VENDOR.ChilliSpot, 'ChilliSpot-Max-Total-Octets', 3, 'integer'),
  vendor(VENDOR.ChilliSpot, 'ChilliSpot-Bandwidth-Max-Up', 4, 'integer'),
  vendor(VENDOR.ChilliSpot, 'ChilliSpot-Bandwidth-Max-Down', 5, 'integer'),
  STATISTICS_TYPE,
  ...AUTH_COUNTERS,
  ...ACCT_COUNTERS,
];

const BY_NAME = new Map(DEFINITIONS.map((d) => [d.name.toLowerCase(), d]));
const BY_CODE = new Map(DEFINITIONS.map((d) => [`${d.vendorId}.${d.type}`, d]));

/** The standard attribute numbers the protocol code uses by name. */
export const ATTR = { UserName: 1, NasIpAddress: 4, FramedIpAddress: 8, ReplyMessage: 18, AcctSessionId: 44, ErrorCause: 101 } as const;

const RAW_NAME = /^(?:attr-(\d{1,3})(?:\.(\d{1,10})\.(\d{1,3}))?|vendor-(\d{1,10})-attr-(\d{1,3}))$/i;

/** The definition of an attribute name (any case), or null when it is unknown. */
export function lookupAttribute(name: string): AttributeDefinition | null {
  const known = BY_NAME.get(name.trim().toLowerCase());
  if (known) return known;
  const m = RAW_NAME.exec(name.trim());
  if (!m) return null;
  const [type, vendorId] = m[4] !== undefined ? [Number(m[5]), Number(m[4])] : m[2] !== undefined ? [Number(m[3]), Number(m[2])] : [Number(m[1]), 0];
  if (m[1] !== undefined && m[2] !== undefined && Number(m[1]) !== 26) return null;
  if (type < 1 || type > 255 || vendorId > 0xffffffff || (vendorId === 0 && type === 26)) return null;
  return BY_CODE.get(`${vendorId}.${type}`) ?? { name: name.trim(), vendorId, type, valueType: 'octets' };
}

/** The value's bytes for its type; throws RadiusFormatError with a reason a person can act on. */
export function encodeValue(definition: AttributeDefinition, text: string): Buffer {
  switch (definition.valueType) {
    case 'string':
      return Buffer.from(text, 'utf8');
    case 'octets':
      return /^0x([0-9a-f]{2})*$/i.test(text) ? Buffer.from(text.slice(2), 'hex') : Buffer.from(text, 'utf8');
    case 'ipaddr':
      if (!isIpv4(text.trim())) throw new RadiusFormatError(`${definition.name} needs an IPv4 address, got "${text}"`);
      return ipv4Bytes(text.trim());
    case 'integer':
    case 'date': {
      const named = definition.values?.[text.trim()];
      if (named !== undefined) return uint32(named);
      if (!/^\d{1,10}$/.test(text.trim()) || Number(text) > 0xffffffff) throw new RadiusFormatError(`${definition.name} needs a whole number from 0 to 4294967295, got "${text}"`);
      return uint32(Number(text));
    }
  }
}

/** One attribute of a packet from its name and text value. */
export function encodeAttribute(definition: AttributeDefinition, text: string): RadiusAttribute {
  const value = encodeValue(definition, text);
  if (definition.vendorId === 0) {
    if (value.length > 253) throw new RadiusFormatError(`${definition.name} is longer than 253 octets`);
    return { type: definition.type, value };
  }
  return attribute.vendor(definition.vendorId, definition.type, value);
}

/** A value as radclient prints it: numbers, dotted addresses, named values, text, or 0x-hex. */
export function formatValue(definition: AttributeDefinition, value: Buffer): string {
  switch (definition.valueType) {
    case 'integer':
    case 'date': {
      if (value.length !== 4) return `0x${value.toString('hex')}`;
      const n = value.readUInt32BE(0);
      const named = definition.values && Object.entries(definition.values).find(([, v]) => v === n);
      return named ? named[0] : String(n);
    }
    case 'ipaddr':
      return value.length === 4 ? [...value].join('.') : `0x${value.toString('hex')}`;
    case 'string':
      return value.toString('utf8');
    case 'octets':
      return `0x${value.toString('hex')}`;
  }
}

export function definitionOf(vendorId: number, type: number): AttributeDefinition | undefined {
  return BY_CODE.get(`${vendorId}.${type}`);
}

/** RFC 5176 §3.6 Error-Cause values, for reporting a NAK. */
export const ERROR_CAUSES: Record<number, string> = {
  201: 'Residual Session Context Removed',
  202: 'Invalid EAP Packet (Ignored)',
  401: 'Unsupported Attribute',
  402: 'Missing Attribute',
  403: 'NAS Identification Mismatch',
  404: 'Invalid Request',
  405: 'Unsupported Service',
  406: 'Unsupported Extension',
  407: 'Invalid Attribute Value',
  501: 'Administratively Prohibited',
  502: 'Request Not Routable (Proxy)',
  503: 'Session Context Not Found',
  504: 'Session Context Not Removable',
  505: 'Other Proxy Processing Error',
  506: 'Resources Unavailable',
  507: 'Request Initiated',
  508: 'Multiple Session Selection Unsupported',
};
