/**
 * The RADIUS codec and UDP client (src/radius/protocol): packets encode and decode, every
 * authenticator is what the RFCs define (recomputed here by hand with node:crypto, so a bug
 * cannot hide by being symmetric), and the client retransmits, discards forged replies and
 * gives up after its retries.
 */
import { createHash, createHmac } from 'node:crypto';
import { createSocket, type Socket } from 'node:dgram';
import { afterEach, describe, expect, it } from 'vitest';
import { exchange, RadiusTimeoutError } from '../../src/radius/protocol/client';
import { encodeAttribute, formatValue, lookupAttribute, STATISTICS_TYPE } from '../../src/radius/protocol/dictionary';
import {
  attribute,
  checkMessageAuthenticator,
  decodePacket,
  encodePacket,
  RadiusCode,
  RadiusFormatError,
  signHashedRequest,
  signRandomRequest,
  signResponse,
  vendorAttributes,
  verifyHashedRequest,
  verifyResponse,
} from '../../src/radius/protocol/packet';

const SECRET = 'coa-test-secret';
const md5 = (...parts: Buffer[]) => createHash('md5').update(Buffer.concat(parts)).digest();
const hmac = (data: Buffer) => createHmac('md5', SECRET).update(data).digest();

/** The offset of the Message-Authenticator value in a packet, found by walking it by hand. */
function messageAuthenticatorAt(data: Buffer): number {
  for (let offset = 20; offset < data.length; offset += data[offset + 1]!) if (data[offset] === 80) return offset + 2;
  return -1;
}

describe('RADIUS packets', () => {
  it('encodes and decodes a packet with standard and vendor attributes', () => {
    const rate = encodeAttribute(lookupAttribute('Mikrotik-Rate-Limit')!, '2M/4M');
    const data = encodePacket({ code: 43, identifier: 7, authenticator: Buffer.alloc(16, 1), attributes: [attribute.text(1, 'alice'), attribute.ipv4(8, '100.64.0.9'), attribute.integer(27, 3600), rate] });
    expect(data.readUInt16BE(2)).toBe(data.length);
    expect(data.subarray(20, 27)).toEqual(Buffer.from([1, 7, ...Buffer.from('alice')]));
    // Vendor-Specific: 26, length, vendor 14988, vendor type 8, vendor length, value
    expect(rate.value.subarray(0, 6)).toEqual(Buffer.from([0, 0, 0x3a, 0x8c, 8, 7]));
    const packet = decodePacket(data);
    expect(packet).toMatchObject({ code: 43, identifier: 7 });
    expect(packet.attributes.map((a) => a.type)).toEqual([1, 8, 27, 26]);
    expect(vendorAttributes(packet, 14988)).toEqual([{ type: 8, value: Buffer.from('2M/4M') }]);
  });

  it('refuses malformed datagrams and impossible values', () => {
    expect(() => decodePacket(Buffer.alloc(10))).toThrow(RadiusFormatError);
    const data = encodePacket({ code: 2, identifier: 1, authenticator: Buffer.alloc(16), attributes: [attribute.text(18, 'hi')] });
    const broken = Buffer.from(data);
    broken[21] = 40; // attribute longer than the packet
    expect(() => decodePacket(broken)).toThrow(RadiusFormatError);
    const short = Buffer.from(data);
    short.writeUInt16BE(200, 2);
    expect(() => decodePacket(short)).toThrow(/bad packet length/);
    expect(() => encodeAttribute(lookupAttribute('Session-Timeout')!, 'soon')).toThrow(/whole number/);
    expect(() => encodeAttribute(lookupAttribute('Framed-IP-Address')!, '300.1.1.1')).toThrow(/IPv4/);
    expect(() => encodePacket({ code: 2, identifier: 1, authenticator: Buffer.alloc(16), attributes: [attribute.text(18, 'x'.repeat(254))] })).toThrow(/longer than 253/);
  });

  it('names attributes as the dictionary and FreeRADIUS do', () => {
    expect(lookupAttribute('mikrotik-rate-limit')).toMatchObject({ vendorId: 14988, type: 8 });
    expect(lookupAttribute('Attr-26.14988.8')).toMatchObject({ name: 'Mikrotik-Rate-Limit' });
    expect(lookupAttribute('Vendor-9-Attr-1')).toMatchObject({ name: 'Cisco-AVPair' });
    expect(lookupAttribute('Attr-200')).toMatchObject({ vendorId: 0, type: 200, valueType: 'octets' });
    expect(lookupAttribute('Attr-27.9.1')).toBeNull();
    expect(lookupAttribute('No-Such-Thing')).toBeNull();
    expect(encodeAttribute(STATISTICS_TYPE, 'Accounting').value.subarray(6)).toEqual(Buffer.from([0, 0, 0, 2]));
    expect(formatValue(STATISTICS_TYPE, Buffer.from([0, 0, 0, 1]))).toBe('Authentication');
  });
});

describe('RADIUS authenticators', () => {
  it('signs a CoA-Request: Request Authenticator = MD5(header with zero authenticator + attributes + secret), Message-Authenticator first', () => {
    const data = signHashedRequest({ code: RadiusCode.CoaRequest, identifier: 42, attributes: [attribute.text(1, 'alice'), attribute.text(44, 'abc123')] }, SECRET, { messageAuthenticator: true });
    const at = messageAuthenticatorAt(data);
    expect(at).toBeGreaterThan(0);
    // Message-Authenticator: HMAC-MD5 over the packet with zero authenticator and zero MA value
    const forHmac = Buffer.from(data);
    forHmac.fill(0, 4, 20);
    forHmac.fill(0, at, at + 16);
    expect(data.subarray(at, at + 16)).toEqual(hmac(forHmac));
    // Request Authenticator over the packet as sent (MA included), authenticator zeroed
    const forMd5 = Buffer.from(data);
    forMd5.fill(0, 4, 20);
    expect(data.subarray(4, 20)).toEqual(md5(forMd5, Buffer.from(SECRET)));
    expect(verifyHashedRequest(data, SECRET)).toBe(true);
    expect(verifyHashedRequest(data, 'other-secret')).toBe(false);
    const tampered = Buffer.from(data);
    tampered[22] = tampered[22]! ^ 1;
    expect(verifyHashedRequest(tampered, SECRET)).toBe(false);
  });

  it('signs a Status-Server: random Request Authenticator, Message-Authenticator = HMAC-MD5 over the packet (RFC 5997)', () => {
    const data = signRandomRequest({ code: RadiusCode.StatusServer, identifier: 9, attributes: [encodeAttribute(STATISTICS_TYPE, 'Authentication')] }, SECRET);
    expect(data.length).toBe(50); // radclient's "length 50" in the Jaze sample
    const at = messageAuthenticatorAt(data);
    const forHmac = Buffer.from(data);
    forHmac.fill(0, at, at + 16);
    expect(data.subarray(at, at + 16)).toEqual(hmac(forHmac));
    expect(checkMessageAuthenticator(data, SECRET, data.subarray(4, 20))).toBe('valid');
    expect(checkMessageAuthenticator(data, 'nope', data.subarray(4, 20))).toBe('invalid');
  });

  it('signs and verifies responses against the request authenticator', () => {
    const requestAuth = Buffer.alloc(16, 0xab);
    const data = signResponse({ code: RadiusCode.CoaNak, identifier: 42, attributes: [attribute.integer(101, 503)] }, requestAuth, SECRET, { messageAuthenticator: true });
    const withRequest = Buffer.from(data);
    requestAuth.copy(withRequest, 4);
    expect(data.subarray(4, 20)).toEqual(md5(withRequest, Buffer.from(SECRET)));
    expect(verifyResponse(data, requestAuth, SECRET)).toBe(true);
    expect(verifyResponse(data, Buffer.alloc(16), SECRET)).toBe(false);
    expect(verifyResponse(data, requestAuth, 'other')).toBe(false);
  });
});

describe('the RADIUS UDP client', () => {
  const sockets: Socket[] = [];
  afterEach(() => {
    for (const s of sockets.splice(0)) s.close();
  });

  /** A peer that answers the n-th datagram it gets (1-based) with `answer`, ignoring the others. */
  async function peer(answerOn: number, answer: (request: Buffer) => Buffer): Promise<{ port: number; received: Buffer[] }> {
    const socket = createSocket('udp4');
    sockets.push(socket);
    const received: Buffer[] = [];
    socket.on('message', (data, from) => {
      received.push(data);
      if (received.length >= answerOn) socket.send(answer(data), from.port, from.address);
    });
    await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
    return { port: socket.address().port, received };
  }

  const ack = (request: Buffer, secret = SECRET) => signResponse({ code: RadiusCode.CoaAck, identifier: request[1]!, attributes: [] }, request.subarray(4, 20), secret);
  const coa = () => signHashedRequest({ code: RadiusCode.CoaRequest, identifier: 5, attributes: [attribute.text(1, 'bob')] }, SECRET, { messageAuthenticator: true });

  it('gets the answer to a request', async () => {
    const { port, received } = await peer(1, (r) => ack(r));
    const result = await exchange({ host: '127.0.0.1', port, secret: SECRET, request: coa(), timeoutMs: 500, retries: 1 });
    expect(result.reply.code).toBe(RadiusCode.CoaAck);
    expect(result.attempts).toBe(1);
    expect(received).toHaveLength(1);
    expect(verifyHashedRequest(received[0]!, SECRET)).toBe(true);
  });

  it('retransmits the same datagram after a timeout', async () => {
    const { port, received } = await peer(2, (r) => ack(r));
    const request = coa();
    const result = await exchange({ host: '127.0.0.1', port, secret: SECRET, request, timeoutMs: 150, retries: 2 });
    expect(result.attempts).toBe(2);
    expect(received).toEqual([request, request]);
  });

  it('discards replies signed with another secret and reports them when it gives up', async () => {
    const { port, received } = await peer(1, (r) => ack(r, 'wrong-secret'));
    const error = await exchange({ host: '127.0.0.1', port, secret: SECRET, request: coa(), timeoutMs: 100, retries: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RadiusTimeoutError);
    expect((error as RadiusTimeoutError).discarded).toBe(2);
    expect((error as Error).message).toMatch(/after 2 attempts.*shared secret/);
    expect(received).toHaveLength(2);
  });

  it('times out when nobody answers', async () => {
    const { port } = await peer(99, (r) => ack(r));
    const started = Date.now();
    const error = await exchange({ host: '127.0.0.1', port, secret: SECRET, request: coa(), timeoutMs: 100, retries: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RadiusTimeoutError);
    expect((error as RadiusTimeoutError).attempts).toBe(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });
});
