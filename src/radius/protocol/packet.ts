/**
 * The RADIUS packet (RFC 2865 §3) and its authenticators: encoding and decoding, the Request
 * Authenticator of requests signed by hashing (Accounting-, CoA- and Disconnect-Request, RFC
 * 2866 §3 / RFC 5176 §2.3), the Response Authenticator (RFC 2865 §3), and the
 * Message-Authenticator attribute (RFC 3579 §3.2, RFC 5176 §3.5, RFC 5997 §3).
 *
 * Only what ispgraph sends and reads is here; it is not a general RADIUS library. Packets are
 * handled as raw attributes (type + bytes); dictionary.ts gives them names and value types.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const RadiusCode = {
  AccessRequest: 1,
  AccessAccept: 2,
  AccessReject: 3,
  AccountingRequest: 4,
  AccountingResponse: 5,
  AccessChallenge: 11,
  StatusServer: 12,
  DisconnectRequest: 40,
  DisconnectAck: 41,
  DisconnectNak: 42,
  CoaRequest: 43,
  CoaAck: 44,
  CoaNak: 45,
} as const;

const CODE_NAMES: Record<number, string> = Object.fromEntries(
  Object.entries({
    'Access-Request': 1,
    'Access-Accept': 2,
    'Access-Reject': 3,
    'Accounting-Request': 4,
    'Accounting-Response': 5,
    'Access-Challenge': 11,
    'Status-Server': 12,
    'Disconnect-Request': 40,
    'Disconnect-ACK': 41,
    'Disconnect-NAK': 42,
    'CoA-Request': 43,
    'CoA-ACK': 44,
    'CoA-NAK': 45,
  }).map(([name, code]) => [code, name]),
);

/** The packet type's name as radclient prints it (`Access-Accept`), or `code N`. */
export function codeName(code: number): string {
  return CODE_NAMES[code] ?? `code ${code}`;
}

export const HEADER_LENGTH = 20;
export const AUTHENTICATOR_LENGTH = 16;
/** RFC 2865 §3: the largest packet; longer datagrams are not RADIUS. */
export const MAX_PACKET_LENGTH = 4096;
export const MAX_ATTRIBUTE_VALUE = 253;
export const VENDOR_SPECIFIC = 26;
export const MESSAGE_AUTHENTICATOR = 80;

export interface RadiusAttribute {
  type: number;
  value: Buffer;
}

export interface RadiusPacket {
  code: number;
  identifier: number;
  authenticator: Buffer;
  attributes: RadiusAttribute[];
}

/** What a packet is made of before it is signed. */
export type UnsignedPacket = Omit<RadiusPacket, 'authenticator'>;

/** A datagram that is not a well-formed RADIUS packet (RFC 2865 §3: silently discarded). */
export class RadiusFormatError extends Error {}

// ---------------------------------------------------------------- encoding / decoding

export function encodePacket(packet: RadiusPacket): Buffer {
  if (packet.authenticator.length !== AUTHENTICATOR_LENGTH) throw new RadiusFormatError('the authenticator must be 16 octets');
  if (!Number.isInteger(packet.identifier) || packet.identifier < 0 || packet.identifier > 255) throw new RadiusFormatError('the identifier must be 0..255');
  const parts: Buffer[] = [];
  for (const attribute of packet.attributes) {
    if (attribute.value.length > MAX_ATTRIBUTE_VALUE) throw new RadiusFormatError(`attribute ${attribute.type} is longer than ${MAX_ATTRIBUTE_VALUE} octets`);
    parts.push(Buffer.from([attribute.type, attribute.value.length + 2]), attribute.value);
  }
  const body = Buffer.concat(parts);
  const length = HEADER_LENGTH + body.length;
  if (length > MAX_PACKET_LENGTH) throw new RadiusFormatError(`the packet would be ${length} octets, more than ${MAX_PACKET_LENGTH}`);
  const header = Buffer.alloc(4);
  header.writeUInt8(packet.code, 0);
  header.writeUInt8(packet.identifier, 1);
  header.writeUInt16BE(length, 2);
  return Buffer.concat([header, packet.authenticator, body]);
}

/** The offsets of the attributes in an encoded packet; throws on a malformed one. */
function attributeSpans(data: Buffer, length: number): { type: number; start: number; end: number }[] {
  const spans: { type: number; start: number; end: number }[] = [];
  let offset = HEADER_LENGTH;
  while (offset < length) {
    if (offset + 2 > length) throw new RadiusFormatError('truncated attribute header');
    const type = data[offset]!;
    const attributeLength = data[offset + 1]!;
    if (attributeLength < 2 || offset + attributeLength > length) throw new RadiusFormatError(`attribute ${type} has a bad length ${attributeLength}`);
    spans.push({ type, start: offset + 2, end: offset + attributeLength });
    offset += attributeLength;
  }
  return spans;
}

export function decodePacket(data: Buffer): RadiusPacket {
  if (data.length < HEADER_LENGTH) throw new RadiusFormatError(`a RADIUS packet has at least ${HEADER_LENGTH} octets, got ${data.length}`);
  const length = data.readUInt16BE(2);
  // RFC 2865 §3: octets beyond Length are padding and ignored; a shorter datagram is discarded.
  if (length < HEADER_LENGTH || length > MAX_PACKET_LENGTH || length > data.length) throw new RadiusFormatError(`bad packet length ${length} (datagram of ${data.length} octets)`);
  return {
    code: data[0]!,
    identifier: data[1]!,
    authenticator: Buffer.from(data.subarray(4, HEADER_LENGTH)),
    attributes: attributeSpans(data, length).map((s) => ({ type: s.type, value: Buffer.from(data.subarray(s.start, s.end)) })),
  };
}

// ---------------------------------------------------------------- signing

const md5 = (...parts: Buffer[]) => createHash('md5').update(Buffer.concat(parts)).digest();
const hmacMd5 = (secret: string, data: Buffer) => createHmac('md5', Buffer.from(secret, 'utf8')).update(data).digest();

function checkSecret(secret: string): void {
  if (!secret) throw new RadiusFormatError('a shared secret is required');
}

/** The packet with a zeroed Message-Authenticator last, when one is wanted (and none given). */
function withMessageAuthenticatorSlot(attributes: RadiusAttribute[], wanted: boolean): RadiusAttribute[] {
  const others = attributes.filter((a) => a.type !== MESSAGE_AUTHENTICATOR);
  return wanted ? [...others, { type: MESSAGE_AUTHENTICATOR, value: Buffer.alloc(16) }] : others;
}

/** Fills the (zeroed) Message-Authenticator of `data` in place, computed over `data` as it is. */
function fillMessageAuthenticator(data: Buffer, secret: string): void {
  const span = attributeSpans(data, data.readUInt16BE(2)).find((s) => s.type === MESSAGE_AUTHENTICATOR);
  if (!span) return;
  data.fill(0, span.start, span.end);
  hmacMd5(secret, data).copy(data, span.start);
}

/**
 * Signs a request whose Request Authenticator is an MD5 over the packet: CoA-Request,
 * Disconnect-Request, Accounting-Request. Authenticator = MD5(Code + Identifier + Length +
 * 16 zero octets + Attributes + Secret). A Message-Authenticator, when wanted, is computed
 * first, over the packet with the authenticator still zero (RFC 5176 §3.5), then covered by
 * the MD5.
 */
export function signHashedRequest(packet: UnsignedPacket, secret: string, options: { messageAuthenticator?: boolean } = {}): Buffer {
  checkSecret(secret);
  const data = encodePacket({ ...packet, authenticator: Buffer.alloc(16), attributes: withMessageAuthenticatorSlot(packet.attributes, !!options.messageAuthenticator) });
  fillMessageAuthenticator(data, secret);
  md5(data, Buffer.from(secret, 'utf8')).copy(data, 4);
  return data;
}

/**
 * Signs a request with a random Request Authenticator: Access-Request, Status-Server. A
 * Message-Authenticator (mandatory for Status-Server, RFC 5997 §3) is HMAC-MD5 over the whole
 * packet with the random authenticator in place and the attribute's own value zero.
 */
export function signRandomRequest(packet: UnsignedPacket, secret: string, options: { messageAuthenticator?: boolean; authenticator?: Buffer } = {}): Buffer {
  checkSecret(secret);
  const authenticator = options.authenticator ?? randomBytes(AUTHENTICATOR_LENGTH);
  const data = encodePacket({ ...packet, authenticator, attributes: withMessageAuthenticatorSlot(packet.attributes, options.messageAuthenticator ?? true) });
  fillMessageAuthenticator(data, secret);
  return data;
}

/**
 * Signs a response to a request: Response Authenticator = MD5(Code + Identifier + Length +
 * Request Authenticator + Attributes + Secret); a Message-Authenticator is computed first with
 * the Request Authenticator in the header (RFC 3579 §3.2).
 */
export function signResponse(packet: UnsignedPacket, requestAuthenticator: Buffer, secret: string, options: { messageAuthenticator?: boolean } = {}): Buffer {
  checkSecret(secret);
  const data = encodePacket({ ...packet, authenticator: requestAuthenticator, attributes: withMessageAuthenticatorSlot(packet.attributes, !!options.messageAuthenticator) });
  fillMessageAuthenticator(data, secret);
  md5(data, Buffer.from(secret, 'utf8')).copy(data, 4);
  return data;
}

// ---------------------------------------------------------------- verifying

const sameBytes = (a: Buffer, b: Buffer) => a.length === b.length && timingSafeEqual(a, b);

/**
 * Checks the Message-Authenticator of `data`, computed with `headerAuthenticator` in the
 * authenticator field (zeros for hashed requests, the request's for responses, the packet's
 * own for random-authenticator requests). `absent` when the packet carries none.
 */
export function checkMessageAuthenticator(data: Buffer, secret: string, headerAuthenticator: Buffer): 'valid' | 'invalid' | 'absent' {
  const length = data.readUInt16BE(2);
  const spans = attributeSpans(data, length).filter((s) => s.type === MESSAGE_AUTHENTICATOR);
  if (spans.length === 0) return 'absent';
  const span = spans[0]!;
  if (spans.length > 1 || span.end - span.start !== 16) return 'invalid';
  const copy = Buffer.from(data.subarray(0, length));
  headerAuthenticator.copy(copy, 4);
  copy.fill(0, span.start, span.end);
  return sameBytes(hmacMd5(secret, copy), data.subarray(span.start, span.end)) ? 'valid' : 'invalid';
}

/** Whether a CoA/Disconnect/Accounting request's Request Authenticator (and any Message-Authenticator) is right. */
export function verifyHashedRequest(data: Buffer, secret: string): boolean {
  const length = data.readUInt16BE(2);
  const zeroed = Buffer.from(data.subarray(0, length));
  zeroed.fill(0, 4, HEADER_LENGTH);
  if (!sameBytes(md5(zeroed, Buffer.from(secret, 'utf8')), data.subarray(4, HEADER_LENGTH))) return false;
  return checkMessageAuthenticator(data, secret, Buffer.alloc(16)) !== 'invalid';
}

/** Whether a response's Response Authenticator (and any Message-Authenticator) is right for the request. */
export function verifyResponse(data: Buffer, requestAuthenticator: Buffer, secret: string): boolean {
  const length = data.readUInt16BE(2);
  const withRequest = Buffer.from(data.subarray(0, length));
  requestAuthenticator.copy(withRequest, 4);
  if (!sameBytes(md5(withRequest, Buffer.from(secret, 'utf8')), data.subarray(4, HEADER_LENGTH))) return false;
  return checkMessageAuthenticator(data, secret, requestAuthenticator) !== 'invalid';
}

// ---------------------------------------------------------------- attribute values

export const attribute = {
  text: (type: number, text: string): RadiusAttribute => ({ type, value: Buffer.from(text, 'utf8') }),
  integer: (type: number, value: number): RadiusAttribute => ({ type, value: uint32(value) }),
  ipv4: (type: number, address: string): RadiusAttribute => ({ type, value: ipv4Bytes(address) }),
  /** A Vendor-Specific attribute in RFC 2865 §5.26's recommended layout (vendor type, length, value). */
  vendor: (vendorId: number, vendorType: number, value: Buffer): RadiusAttribute => {
    if (value.length > MAX_ATTRIBUTE_VALUE - 6) throw new RadiusFormatError(`vendor attribute ${vendorId}.${vendorType} is longer than ${MAX_ATTRIBUTE_VALUE - 6} octets`);
    const head = Buffer.alloc(6);
    head.writeUInt32BE(vendorId, 0);
    head.writeUInt8(vendorType, 4);
    head.writeUInt8(value.length + 2, 5);
    return { type: VENDOR_SPECIFIC, value: Buffer.concat([head, value]) };
  },
};

export function uint32(value: number): Buffer {
  if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) throw new RadiusFormatError(`${value} is not a 32-bit unsigned integer`);
  const out = Buffer.alloc(4);
  out.writeUInt32BE(value, 0);
  return out;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

export function isIpv4(text: string): boolean {
  const m = IPV4.exec(text);
  return !!m && m.slice(1).every((part) => Number(part) <= 255);
}

export function ipv4Bytes(address: string): Buffer {
  if (!isIpv4(address)) throw new RadiusFormatError(`"${address}" is not an IPv4 address`);
  return Buffer.from(address.split('.').map(Number));
}

/** The first value of an attribute type, or undefined. */
export function firstValue(packet: RadiusPacket, type: number): Buffer | undefined {
  return packet.attributes.find((a) => a.type === type)?.value;
}

export function readUint32(value: Buffer | undefined): number | undefined {
  return value && value.length === 4 ? value.readUInt32BE(0) : undefined;
}

/**
 * The sub-attributes of one vendor's Vendor-Specific attributes (RFC 2865 §5.26 layout); a
 * VSA that does not parse in that layout is skipped, as its vendor may use another.
 */
export function vendorAttributes(packet: RadiusPacket, vendorId: number): RadiusAttribute[] {
  const out: RadiusAttribute[] = [];
  for (const vsa of packet.attributes) {
    if (vsa.type !== VENDOR_SPECIFIC || vsa.value.length < 4 || vsa.value.readUInt32BE(0) !== vendorId) continue;
    const subs: RadiusAttribute[] = [];
    let offset = 4;
    let ok = true;
    while (offset < vsa.value.length) {
      const length = vsa.value[offset + 1];
      if (length === undefined || length < 2 || offset + length > vsa.value.length) {
        ok = false;
        break;
      }
      subs.push({ type: vsa.value[offset]!, value: Buffer.from(vsa.value.subarray(offset + 2, offset + length)) });
      offset += length;
    }
    if (ok) out.push(...subs);
  }
  return out;
}
