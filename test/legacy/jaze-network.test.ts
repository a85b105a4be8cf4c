/**
 * Jaze API v1 network endpoints over HTTP: bandwidth and vendor-attribute overrides (E28, E30),
 * CoA (E31) against a RADIUS peer on loopback, static IP/MAC release (E34) and RADIUS
 * statistics (E36) against a status-server peer. The peers check every authenticator with the
 * shared secret using node:crypto directly, independently of src/radius/protocol. Effects are
 * read back through the GraphQL graph; refused calls change nothing.
 */
import { createHash, createHmac } from 'node:crypto';
import { createSocket, type Socket } from 'node:dgram';
import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../src/graphql/global-id';
import { startTestApp, type TestApp } from '../helpers/app';
import { enabledEngines } from '../helpers/engines';
import { jaze } from '../helpers/jaze';
import { rows } from '../helpers/sql';

// ---------------------------------------------------------------- a RADIUS peer, written from the RFCs

const md5 = (...parts: Buffer[]) => createHash('md5').update(Buffer.concat(parts)).digest();
const hmacMd5 = (secret: string, data: Buffer) => createHmac('md5', secret).update(data).digest();

interface Avp {
  type: number;
  value: Buffer;
  /** Set on Vendor-Specific attributes. */
  vendor?: { id: number; type: number; value: Buffer };
}

function avps(data: Buffer): Avp[] {
  const out: Avp[] = [];
  for (let at = 20; at < data.readUInt16BE(2); at += data[at + 1]!) {
    const value = data.subarray(at + 2, at + data[at + 1]!);
    const avp: Avp = { type: data[at]!, value };
    if (avp.type === 26) avp.vendor = { id: value.readUInt32BE(0), type: value[4]!, value: value.subarray(6, 4 + value[5]!) };
    out.push(avp);
  }
  return out;
}

function encodeAvps(list: { type: number; value: Buffer }[]): Buffer {
  return Buffer.concat(list.flatMap((a) => [Buffer.from([a.type, a.value.length + 2]), a.value]));
}

const vsa = (vendor: number, type: number, value: Buffer) => {
  const head = Buffer.alloc(6);
  head.writeUInt32BE(vendor, 0);
  head[4] = type;
  head[5] = value.length + 2;
  return { type: 26, value: Buffer.concat([head, value]) };
};
const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n, 0);
  return b;
};

/** A response: header with the request's authenticator, then MD5(packet + secret) in its place (RFC 2865 §3). */
function response(code: number, request: Buffer, attributes: { type: number; value: Buffer }[], secret: string): Buffer {
  const body = encodeAvps(attributes);
  const data = Buffer.concat([Buffer.from([code, request[1]!, 0, 0]), request.subarray(4, 20), body]);
  data.writeUInt16BE(data.length, 2);
  md5(data, Buffer.from(secret)).copy(data, 4);
  return data;
}

/** Whether the Message-Authenticator is HMAC-MD5 over the packet with `headerAuth` in place and itself zeroed. */
function messageAuthenticatorOk(data: Buffer, secret: string, headerAuth: Buffer): boolean {
  const copy = Buffer.from(data);
  headerAuth.copy(copy, 4);
  for (let at = 20; at < copy.length; at += copy[at + 1]!) {
    if (copy[at] !== 80) continue;
    const sent = Buffer.from(data.subarray(at + 2, at + 18));
    copy.fill(0, at + 2, at + 18);
    return hmacMd5(secret, copy).equals(sent);
  }
  return false;
}

type PeerMode = 'ack' | 'nak' | 'silent' | 'drop-first' | 'wrong-secret';

interface Peer {
  socket: Socket;
  port: number;
  secret: string;
  mode: PeerMode;
  /** Every datagram, with whether its authenticators checked out. */
  received: { data: Buffer; authentic: boolean; attributes: Avp[] }[];
}

async function startPeer(secret: string, answer: (peer: Peer, data: Buffer, authentic: boolean) => Buffer | null): Promise<Peer> {
  const socket = createSocket('udp4');
  const peer: Peer = { socket, port: 0, secret, mode: 'ack', received: [] };
  socket.on('message', (data, from) => {
    const authentic = data[0] === 43 ? coaAuthentic(data, secret) : messageAuthenticatorOk(data, secret, data.subarray(4, 20));
    peer.received.push({ data, authentic, attributes: avps(data) });
    const reply = answer(peer, data, authentic);
    if (reply) socket.send(reply, from.port, from.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  peer.port = socket.address().port;
  return peer;
}

/** RFC 5176 §2.3 Request Authenticator and §3.5 Message-Authenticator (computed with a zero authenticator). */
function coaAuthentic(data: Buffer, secret: string): boolean {
  const zeroed = Buffer.from(data);
  zeroed.fill(0, 4, 20);
  return md5(zeroed, Buffer.from(secret)).equals(data.subarray(4, 20)) && messageAuthenticatorOk(data, secret, Buffer.alloc(16));
}

function answerCoa(peer: Peer, data: Buffer, authentic: boolean): Buffer | null {
  if (!authentic || peer.mode === 'silent') return null;
  if (peer.mode === 'drop-first' && peer.received.length === 1) return null;
  if (peer.mode === 'nak') return response(45, data, [{ type: 101, value: u32(503) }], peer.secret);
  return response(44, data, [], peer.mode === 'wrong-secret' ? 'not-the-secret' : peer.secret);
}

const AUTH_COUNTERS = [4, 3, 1, 0, 4, 0, 0, 0, 0, 0];
const ACCT_COUNTERS = [12, 12, 1, 0, 0, 0, 0];

function answerStatus(peer: Peer, data: Buffer, authentic: boolean): Buffer | null {
  if (!authentic || data[0] !== 12 || peer.mode === 'silent') return null;
  const type = avps(data).find((a) => a.vendor?.id === 11344 && a.vendor.type === 127)!.vendor!.value.readUInt32BE(0);
  const counters = type === 1 ? AUTH_COUNTERS.map((n, i) => vsa(11344, 128 + i, u32(n))) : ACCT_COUNTERS.map((n, i) => vsa(11344, 138 + i, u32(n)));
  return response(2, data, counters, peer.secret);
}

// ---------------------------------------------------------------- the tests

describe.each(enabledEngines())('Jaze network endpoints on %s', (engine) => {
  let t: TestApp;
  const db = () => t.database.handle.db;
  const q = <T>(query: SQL) => rows<T>(db(), query);
  const count = async (query: SQL) => (await q<{ n: number }>(query))[0]!.n;
  let templates: number[];
  const gid = toGlobalId;

  beforeAll(async () => {
    process.env.RADIUS_TIMEOUT_MS = '150';
    process.env.RADIUS_RETRIES = '1';
    t = await startTestApp(engine);
    templates = (await q<{ id: number }>(sql`select b.id from bandwidth_templates b join operators o on o.id = b.operator_id where o.code = 'demo' order by b.id`)).map((r) => r.id);
  });
  afterAll(async () => {
    await t?.stop();
  });

  /** Customers of the demo operator with no override of either kind, so each test starts clean. */
  async function customersWithoutOverrides(n: number): Promise<number[]> {
    return (
      await q<{ id: number }>(sql`select c.id from customers c join operators o on o.id = c.operator_id and o.code = 'demo'
        where not exists (select 1 from bandwidth_overrides b where b.customer_id = c.id)
          and not exists (select 1 from vendor_attribute_overrides v where v.customer_id = c.id)
        order by c.id limit ${n}`)
    ).map((r) => r.id);
  }

  const overridesWrites = async () => [
    await count(sql`select count(*)::int as n from bandwidth_overrides`),
    await count(sql`select count(*)::int as n from vendor_attribute_override_items`),
    await count(sql`select count(*)::int as n from audit_log where action like 'customer.%Override%'`),
  ];

  describe('E28 override_user_bandwidth', () => {
    const BW = `restrictionOn reset resetLimit resetUnit resetEvery resetEveryValue resetEveryDay reset2 excludeUpload carryForwardPreviousData
      bandwidthTemplate { legacyId } bandwidthTemplate2 { legacyId }`;
    const graph = async (id: number) => (await t.gql<{ customer: { bandwidthOverride: Record<string, unknown> | null } }>(`query($id: Int!) { customer(legacyId: $id) { bandwidthOverride { ${BW} } } }`, { id })).data.customer.bandwidthOverride;

    it('sets a monthly FUP override, replaces it with an always one, and removes it when only userId is passed', async () => {
      const [id] = await customersWithoutOverrides(1);
      const res = await jaze(t.url, 'POST', '/api/v1/override_user_bandwidth', {
        userId: id,
        bandwidthRestriction: 'on',
        bandwidthReset: 'uploadDownload',
        bandwidthResetLimit: '50',
        bandwidthResetUnitData: 'gb',
        bandwidthResetEvery: 'monthly',
        bandwidthResetEveryValue: 15,
        bandwidthTemplate: templates[0],
        bandwidthReset2: 'always',
        bandwidthTemplate2: templates[1],
        excludeUpload: 'yes',
        carryForwardPreviousData: 'no',
      });
      expect(res).toEqual({ status: 200, body: { status: 'success', errorCode: 200, message: 'Profile values overriden for user' } });
      expect(await graph(id!)).toEqual({
        restrictionOn: true, reset: 'UPLOAD_DOWNLOAD', resetLimit: '50', resetUnit: 'GB', resetEvery: 'MONTHLY', resetEveryValue: 15, resetEveryDay: null,
        reset2: 'ALWAYS', excludeUpload: true, carryForwardPreviousData: false, bandwidthTemplate: { legacyId: templates[0] }, bandwidthTemplate2: { legacyId: templates[1] },
      });

      // JSON body; reset "always" needs no limit or second profile
      const always = await jaze(t.url, 'POST', '/api/v1/override_user_bandwidth', { userId: id, bandwidthRestriction: 'on', bandwidthReset: 'always', bandwidthTemplate: templates[1] }, { json: true });
      expect(always.body.status).toBe('success');
      expect(await graph(id!)).toMatchObject({ restrictionOn: true, reset: 'ALWAYS', resetLimit: null, bandwidthTemplate: { legacyId: templates[1] }, bandwidthTemplate2: null });

      // restriction off: the reset arguments are ignored
      await jaze(t.url, 'POST', '/api/v1/override_user_bandwidth', { userId: id, bandwidthReset: 'data', bandwidthTemplate: templates[0] });
      expect(await graph(id!)).toMatchObject({ restrictionOn: false, reset: null, bandwidthTemplate: { legacyId: templates[0] } });

      const cleared = await jaze(t.url, 'POST', '/api/v1/override_user_bandwidth', { userId: id });
      expect(cleared.body).toEqual({ status: 'success', errorCode: 200, message: 'Bandwidth override removed for user' });
      expect(await graph(id!)).toBeNull();
      const again = await jaze(t.url, 'POST', '/api/v1/override_user_bandwidth', { userId: id });
      expect(again.body.message).toBe('User has no bandwidth override');
    });

    it('accepts the documented-mandatory bandwidthResetEveryValueDay with every period, using it only for weekly', async () => {
      const [id] = await customersWithoutOverrides(1);
      const fup = { userId: id, bandwidthRestriction: 'on', bandwidthReset: 'data', bandwidthResetLimit: '10', bandwidthResetUnitData: 'gb', bandwidthTemplate: templates[0], bandwidthReset2: 'always', bandwidthTemplate2: templates[1] };
      // a client that fills in every field the document marks, whatever the period
      const monthly = await jaze(t.url, 'POST', '/api/v1/override_user_bandwidth', { ...fup, bandwidthResetEvery: 'monthly', bandwidthResetEveryValue: 3, bandwidthResetEveryValueDay: 2 });
      expect(monthly.body).toEqual({ status: 'success', errorCode: 200, message: 'Profile values overriden for user' });
      expect(await graph(id!)).toMatchObject({ resetEvery: 'MONTHLY', resetEveryValue: 3, resetEveryDay: null });
      const daily = await jaze(t.url, 'POST', '/api/v1/override_user_bandwidth', { ...fup, bandwidthResetEvery: 'daily', bandwidthResetEveryValue: 1, bandwidthResetEveryValueDay: 0 });
      expect(daily.body.status).toBe('success');
      expect(await graph(id!)).toMatchObject({ resetEvery: 'DAILY', resetEveryValue: null, resetEveryDay: null });
      const weekly = await jaze(t.url, 'POST', '/api/v1/override_user_bandwidth', { ...fup, bandwidthResetEvery: 'weekly', bandwidthResetEveryValue: 1, bandwidthResetEveryValueDay: 5 });
      expect(weekly.body.status).toBe('success');
      expect(await graph(id!)).toMatchObject({ resetEvery: 'WEEKLY', resetEveryValue: null, resetEveryDay: 5 });
      const always = await jaze(t.url, 'POST', '/api/v1/override_user_bandwidth', { userId: id, bandwidthRestriction: 'on', bandwidthReset: 'always', bandwidthResetEveryValueDay: 1, bandwidthTemplate: templates[1] });
      expect(always.body.status).toBe('success');
      expect(await graph(id!)).toMatchObject({ reset: 'ALWAYS', resetEvery: null, resetEveryDay: null, bandwidthTemplate: { legacyId: templates[1] } });
      // weekly still needs its day
      const weeklyWithoutDay = await jaze(t.url, 'POST', '/api/v1/override_user_bandwidth', { ...fup, bandwidthResetEvery: 'weekly' });
      expect(weeklyWithoutDay.body).toMatchObject({ status: 'failure', errorCode: 400 });
      expect(weeklyWithoutDay.body.message).toMatch(/day of week/);
      await jaze(t.url, 'POST', '/api/v1/override_user_bandwidth', { userId: id });
    });

    it('refuses an incomplete FUP reset, a bad period day, unknown templates and users, changing nothing', async () => {
      const [id] = await customersWithoutOverrides(1);
      const before = await overridesWrites();
      const incomplete = await jaze(t.url, 'POST', '/api/v1/override_user_bandwidth', { userId: id, bandwidthRestriction: 'on', bandwidthReset: 'data', bandwidthTemplate: templates[0] });
      expect(incomplete.body).toMatchObject({ status: 'failure', errorCode: 400 });
      expect(incomplete.body.message).toMatch(/reset limit is required unless reset is always/);
      expect(incomplete.body.message).toMatch(/second profile/);

      const weekday = await jaze(t.url, 'POST', '/api/v1/override_user_bandwidth', {
        userId: id, bandwidthRestriction: 'on', bandwidthReset: 'data', bandwidthResetLimit: '10', bandwidthResetUnitData: 'mb', bandwidthResetEvery: 'weekly',
        bandwidthResetEveryValueDay: 7, bandwidthTemplate: templates[0], bandwidthReset2: 'always', bandwidthTemplate2: templates[1],
      });
      expect(weekday.body.message).toMatch(/day of week must be from 0/);
      const badUnit = await jaze(t.url, 'POST', '/api/v1/override_user_bandwidth', { userId: id, bandwidthRestriction: 'on', bandwidthReset: 'always', bandwidthResetUnitData: 'tb', bandwidthTemplate: templates[0] });
      expect(badUnit.body).toMatchObject({ status: 'failure', errorCode: 400 });
      expect(badUnit.body.message).toMatch(/bandwidthResetUnitData: must be one of mb, gb/);
      const noTemplate = await jaze(t.url, 'POST', '/api/v1/override_user_bandwidth', { userId: id, bandwidthRestriction: 'off' });
      expect(noTemplate.body.message).toMatch(/bandwidth template is required/);
      const unknownTemplate = await jaze(t.url, 'POST', '/api/v1/override_user_bandwidth', { userId: id, bandwidthTemplate: 999999 });
      expect(unknownTemplate.body).toMatchObject({ status: 'failure', errorCode: 404 });
      const unknownUser = await jaze(t.url, 'POST', '/api/v1/override_user_bandwidth', { userId: 999999, bandwidthTemplate: templates[0] });
      expect(unknownUser.body).toMatchObject({ status: 'failure', errorCode: 404, message: 'customer 999999 does not exist' });
      const noToken = await jaze(t.url, 'POST', '/api/v1/override_user_bandwidth', { userId: id, bandwidthTemplate: templates[0] }, { token: null });
      expect(noToken.body).toMatchObject({ status: 'failure', errorCode: 401 });
      expect(await overridesWrites()).toEqual(before);
      expect(await graph(id!)).toBeNull();
    });
  });

  describe('E30 override_user_vendor_attributes', () => {
    const graph = async (id: number) =>
      (
        await t.gql<{ customer: { vendorAttributeOverride: { restrictionOn: boolean; reset: string | null; resetEveryDay: number | null; items: Record<string, unknown>[] } | null } }>(
          `query($id: Int!) { customer(legacyId: $id) { vendorAttributeOverride { restrictionOn reset resetEveryDay items { set kind vendor attribute op value } } } }`,
          { id },
        )
      ).data.customer.vendorAttributeOverride;

    it('sets both attribute sets from PHP-style arrays, replaces them from JSON, and removes them with only userId', async () => {
      const [id] = await customersWithoutOverrides(1);
      const res = await jaze(t.url, 'POST', '/api/v1/override_user_vendor_attributes', {
        userId: id,
        vendorRestriction: 'on',
        vendorReset: 'data',
        vendorResetLimit: '20',
        vendorResetUnitData: 'gb',
        vendorResetEvery: 'weekly',
        vendorResetEveryValueDay: 1,
        vendorReset2: 'always',
        'vendorData[0][type]': 'reply',
        'vendorData[0][vendor]': 'Mikrotik',
        'vendorData[0][attribute]': 'Mikrotik-Rate-Limit',
        'vendorData[0][equals]': ':=',
        'vendorData[0][value]': '10M/10M',
        'vendorData[1][type]': 'Check',
        'vendorData[1][vendor]': 'Mikrotik',
        'vendorData[1][attribute]': 'Simultaneous-Use',
        'vendorData[1][equals]': '==',
        'vendorData[1][value]': '1',
        'vendorData1[0][type]': 'reply',
        'vendorData1[0][vendor]': 'Mikrotik',
        'vendorData1[0][attribute]': 'Mikrotik-Rate-Limit',
        'vendorData1[0][equals]': ':=',
        'vendorData1[0][value]': '1M/1M',
      });
      expect(res.body).toEqual({ status: 'success', errorCode: 200, message: 'Profile vendor attributes values overriden for user' });
      expect(await graph(id!)).toEqual({
        restrictionOn: true,
        reset: 'DATA',
        resetEveryDay: 1,
        items: [
          { set: 1, kind: 'REPLY', vendor: 'Mikrotik', attribute: 'Mikrotik-Rate-Limit', op: 'SET', value: '10M/10M' },
          { set: 1, kind: 'CHECK', vendor: 'Mikrotik', attribute: 'Simultaneous-Use', op: 'EQUAL', value: '1' },
          { set: 2, kind: 'REPLY', vendor: 'Mikrotik', attribute: 'Mikrotik-Rate-Limit', op: 'SET', value: '1M/1M' },
        ],
      });

      const json = await jaze(t.url, 'POST', '/api/v1/override_user_vendor_attributes', {
        userId: id,
        vendorData: JSON.stringify([{ type: 'reply', vendor: 'Cisco', attribute: 'Cisco-AVPair', equals: '+=', value: 'ip:addr-pool=gold' }]),
      }, { json: true });
      expect(json.body.status).toBe('success');
      expect(await graph(id!)).toEqual({ restrictionOn: false, reset: null, resetEveryDay: null, items: [{ set: 1, kind: 'REPLY', vendor: 'Cisco', attribute: 'Cisco-AVPair', op: 'APPEND', value: 'ip:addr-pool=gold' }] });

      const cleared = await jaze(t.url, 'POST', '/api/v1/override_user_vendor_attributes', { userId: id });
      expect(cleared.body.message).toBe('Vendor attributes override removed for user');
      expect(await graph(id!)).toBeNull();
    });

    it('refuses bad operators, unknown row fields, a missing second set and unreadable JSON, changing nothing', async () => {
      const [id] = await customersWithoutOverrides(1);
      const before = await overridesWrites();
      const row = { 'vendorData[0][type]': 'reply', 'vendorData[0][vendor]': 'Mikrotik', 'vendorData[0][attribute]': 'Mikrotik-Rate-Limit', 'vendorData[0][value]': '1M/1M' };
      const badOp = await jaze(t.url, 'POST', '/api/v1/override_user_vendor_attributes', { userId: id, ...row, 'vendorData[0][equals]': '=>' });
      expect(badOp.body).toMatchObject({ status: 'failure', errorCode: 400 });
      expect(badOp.body.message).toMatch(/op must be one of/);
      const unknownField = await jaze(t.url, 'POST', '/api/v1/override_user_vendor_attributes', { userId: id, ...row, 'vendorData[0][equals]': '=', 'vendorData[0][colour]': 'red' });
      expect(unknownField.body.message).toMatch(/unknown field "colour"/);
      const noSecondSet = await jaze(t.url, 'POST', '/api/v1/override_user_vendor_attributes', {
        userId: id, ...row, 'vendorData[0][equals]': '=', vendorRestriction: 'on', vendorReset: 'data', vendorResetLimit: '1', vendorResetUnitData: 'gb', vendorResetEvery: 'daily', vendorReset2: 'always',
      });
      expect(noSecondSet.body.message).toMatch(/second profile is required unless reset is always/);
      const badJson = await jaze(t.url, 'POST', '/api/v1/override_user_vendor_attributes', { userId: id, vendorData: '[{"type": "reply"' });
      expect(badJson.body.message).toMatch(/JSON array of objects/);
      const noItems = await jaze(t.url, 'POST', '/api/v1/override_user_vendor_attributes', { userId: id, vendorRestriction: 'off' });
      expect(noItems.body.message).toMatch(/at least one attribute of set 1/);
      expect(await overridesWrites()).toEqual(before);
      expect(await graph(id!)).toBeNull();
    });
  });

  describe('E31 coa_request', () => {
    const SECRET = 'coa-peer-secret';
    let peer: Peer;
    let online: number;
    let offline: number;

    beforeAll(async () => {
      peer = await startPeer(SECRET, answerCoa);
      const operatorId = (await q<{ id: number }>(sql`select id from operators where code = 'demo'`))[0]!.id;
      const quiet = await q<{ id: number }>(sql`select c.id from customers c where c.operator_id = ${operatorId}
        and not exists (select 1 from radacct r where r.customer_id = c.id and r.acctstoptime is null) order by c.id limit 2`);
      [online, offline] = [quiet[0]!.id, quiet[1]!.id];
      // the NAS: a gateway on loopback whose CoA port is the peer's; an open session on it
      await db().execute(sql`insert into gateways (operator_id, name, wib_number, ip_address, nas_ip_address, coa_port, coa_secret)
        values (${operatorId}, 'Loopback NAS', 990, '127.0.0.1', '127.0.0.1', ${peer.port}, ${SECRET})`);
      await db().execute(sql`insert into radacct (operator_id, customer_id, acctsessionid, acctuniqueid, username, nasipaddress, framedipaddress, acctstarttime)
        values (${operatorId}, ${online}, '81a0002f', 'jaze-coa-test-1', 'coa-user', '127.0.0.1', '100.64.200.7', now())`);
    });
    afterAll(() => peer?.socket.close());
    beforeEach(() => {
      peer.mode = 'ack';
      peer.received = [];
    });

    const audits = () => q<{ outcome: string }>(sql`select changes->>'outcome' as outcome from audit_log where action = 'customer.coa' order by id`);

    it('sends a signed CoA-Request identifying the session and answers TRUE on CoA-ACK', async () => {
      const res = await jaze(t.url, 'POST', '/api/v1/coa_request', {
        userId: online,
        'vendorData[0][attribute]': 'Mikrotik-Rate-Limit',
        'vendorData[0][value]': '2M/2M',
        'vendorData[1][attribute]': 'Session-Timeout',
        'vendorData[1][value]': '3600',
      });
      expect(res).toEqual({ status: 200, body: { status: 'success', errorCode: 200, message: ['TRUE'] } });
      expect(peer.received).toHaveLength(1);
      const [{ data, authentic, attributes }] = peer.received as [Peer['received'][number]];
      expect(data[0]).toBe(43);
      expect(authentic).toBe(true);
      const text = (type: number) => attributes.find((a) => a.type === type)?.value.toString();
      expect(text(1)).toBe('coa-user');
      expect(text(44)).toBe('81a0002f');
      expect([...attributes.find((a) => a.type === 8)!.value]).toEqual([100, 64, 200, 7]);
      expect([...attributes.find((a) => a.type === 4)!.value]).toEqual([127, 0, 0, 1]);
      expect(attributes.find((a) => a.type === 27)!.value.readUInt32BE(0)).toBe(3600);
      expect(attributes.find((a) => a.vendor?.id === 14988)!.vendor).toMatchObject({ type: 8, value: Buffer.from('2M/2M') });
      expect((await audits()).at(-1)).toEqual({ outcome: 'ack' });
    });

    it('does the same through GraphQL customerCoaRequest: the acknowledgement on ACK, a userError on NAK', async () => {
      const COA = `mutation($input: CustomerCoaRequestInput!) { customerCoaRequest(input: $input) {
        acknowledgement { nas port username sessionId attempts } userErrors { field message code } } }`;
      const input = { customerId: toGlobalId('Customer', online), attributes: [{ attribute: 'Mikrotik-Rate-Limit', value: '8M/8M' }] };
      const ack = await t.gql<{ customerCoaRequest: { acknowledgement: unknown; userErrors: unknown[] } }>(COA, { input });
      expect(ack.data.customerCoaRequest).toEqual({
        acknowledgement: { nas: '127.0.0.1', port: peer.port, username: 'coa-user', sessionId: '81a0002f', attempts: 1 },
        userErrors: [],
      });
      expect(peer.received.at(-1)!.authentic).toBe(true);
      peer.mode = 'nak';
      const nak = await t.gql<{ customerCoaRequest: { acknowledgement: unknown; userErrors: { message: string; code: string }[] } }>(COA, { input });
      expect(nak.data.customerCoaRequest.acknowledgement).toBeNull();
      expect(nak.data.customerCoaRequest.userErrors).toEqual([expect.objectContaining({ code: 'PRECONDITION_FAILED', message: expect.stringContaining('Error-Cause 503') })]);
    });

    it('retransmits when the first request is lost', async () => {
      peer.mode = 'drop-first';
      const res = await jaze(t.url, 'POST', '/api/v1/coa_request', { userId: online, vendorData: JSON.stringify([{ attribute: 'Mikrotik-Rate-Limit', value: '4M/4M' }]) }, { json: true });
      expect(res.body.status).toBe('success');
      expect(peer.received).toHaveLength(2);
      expect(peer.received[0]!.data).toEqual(peer.received[1]!.data);
    });

    it('reports a CoA-NAK with its Error-Cause as a failure', async () => {
      peer.mode = 'nak';
      const res = await jaze(t.url, 'POST', '/api/v1/coa_request', { userId: online, 'vendorData[0][attribute]': 'Mikrotik-Rate-Limit', 'vendorData[0][value]': '2M/2M' });
      expect(res.body).toEqual({ status: 'failure', errorCode: 412, message: 'the NAS 127.0.0.1 refused the CoA request: Error-Cause 503 (Session Context Not Found)' });
      expect((await audits()).at(-1)).toEqual({ outcome: 'nak' });
    });

    it('fails after its retries when the NAS is silent, or answers with another secret', async () => {
      peer.mode = 'silent';
      const silent = await jaze(t.url, 'POST', '/api/v1/coa_request', { userId: online, 'vendorData[0][attribute]': 'Session-Timeout', 'vendorData[0][value]': '60' });
      expect(silent.body).toMatchObject({ status: 'failure', errorCode: 412 });
      expect(silent.body.message).toMatch(/^the CoA request was not confirmed: no answer from 127\.0\.0\.1:\d+ after 2 attempts$/);
      expect(peer.received).toHaveLength(2);

      peer.mode = 'wrong-secret';
      const forged = await jaze(t.url, 'POST', '/api/v1/coa_request', { userId: online, 'vendorData[0][attribute]': 'Session-Timeout', 'vendorData[0][value]': '60' });
      expect(forged.body.message).toMatch(/failed the authenticator check: is the shared secret right\?/);
      expect((await audits()).at(-1)).toEqual({ outcome: 'no answer' });
    });

    it('refuses unknown attributes, bad values, users without a session or unknown, sending nothing', async () => {
      const auditsBefore = (await audits()).length;
      const unknown = await jaze(t.url, 'POST', '/api/v1/coa_request', { userId: online, 'vendorData[0][attribute]': 'Made-Up-Attribute', 'vendorData[0][value]': '1' });
      expect(unknown.body).toMatchObject({ status: 'failure', errorCode: 400 });
      expect(unknown.body.message).toMatch(/unknown RADIUS attribute "Made-Up-Attribute"/);
      const badValue = await jaze(t.url, 'POST', '/api/v1/coa_request', { userId: online, 'vendorData[0][attribute]': 'Session-Timeout', 'vendorData[0][value]': 'an hour' });
      expect(badValue.body.message).toMatch(/Session-Timeout needs a whole number/);
      const none = await jaze(t.url, 'POST', '/api/v1/coa_request', { userId: online });
      expect(none.body.message).toMatch(/at least one attribute/);
      const noSession = await jaze(t.url, 'POST', '/api/v1/coa_request', { userId: offline, 'vendorData[0][attribute]': 'Session-Timeout', 'vendorData[0][value]': '60' });
      expect(noSession.body).toEqual({ status: 'failure', errorCode: 412, message: `customer ${offline} has no open RADIUS session to change` });
      const unknownUser = await jaze(t.url, 'POST', '/api/v1/coa_request', { userId: 999999, 'vendorData[0][attribute]': 'Session-Timeout', 'vendorData[0][value]': '60' });
      expect(unknownUser.body).toMatchObject({ status: 'failure', errorCode: 404 });
      expect(peer.received).toHaveLength(0);
      expect(await audits()).toHaveLength(auditsBefore);
    });
  });

  describe('E34 release_ip_mac', () => {
    const graph = async (id: number) => (await t.gql<{ customer: { ips: { ip: string | null; mac: string | null }[] } }>(`query($id: Int!) { customer(legacyId: $id) { ips { ip mac } } }`, { id })).data.customer.ips;
    let customer: number;

    beforeAll(async () => {
      customer = (await q<{ id: number }>(sql`select c.id from customers c join operators o on o.id = c.operator_id and o.code = 'demo'
        where not exists (select 1 from customer_ips i where i.customer_id = c.id) order by c.id limit 1`))[0]!.id;
      for (const [ip, mac] of [['192.0.2.201', '02:00:00:00:00:01'], ['192.0.2.202', '02:00:00:00:00:02'], ['192.0.2.203', '02:00:00:00:00:03']]) {
        const res = await t.gql<{ customerIpCreate: { userErrors: unknown[] } }>(`mutation($input: CustomerIpCreateInput!) { customerIpCreate(input: $input) { userErrors { message } } }`, {
          input: { customerId: gid('Customer', customer), ip, mac },
        });
        expect(res.data.customerIpCreate.userErrors).toEqual([]);
      }
    });

    it('releases the IP, the MAC, or the whole row by its index in get_details\' staticIpMac, counted from 0', async () => {
      const details = await jaze(t.url, 'GET', `/api/v1/get_details/${customer}`);
      const rows = (details.body.data as Record<string, unknown>[]).find((part) => 'staticIpMac' in part)!.staticIpMac as { staticIpAddress: string }[];
      const index = rows.findIndex((row) => row.staticIpAddress === '192.0.2.202');
      expect(index).toBe(1);
      const ipOnly = await jaze(t.url, 'POST', '/api/v1/release_ip_mac', { userId: customer, whichIpMacRow: index, toRemove: 'ip' });
      expect(ipOnly.body).toEqual({ status: 'success', errorCode: 200, message: 'The Static IP/MAC have been released' });
      expect(await graph(customer)).toEqual([
        { ip: '192.0.2.201', mac: '02:00:00:00:00:01' },
        { ip: null, mac: '02:00:00:00:00:02' },
        { ip: '192.0.2.203', mac: '02:00:00:00:00:03' },
      ]);
      await jaze(t.url, 'POST', '/api/v1/release_ip_mac', { userId: customer, whichIpMacRow: 2, toRemove: 'mac' });
      // default: both, which deletes the row; 0 is the first row (the document's clients send the array index)
      const first = await jaze(t.url, 'POST', '/api/v1/release_ip_mac', { userId: customer, whichIpMacRow: 0 });
      expect(first.body).toEqual({ status: 'success', errorCode: 200, message: 'The Static IP/MAC have been released' });
      expect(await graph(customer)).toEqual([
        { ip: null, mac: '02:00:00:00:00:02' },
        { ip: '192.0.2.203', mac: null },
      ]);
    });

    it('refuses an index past the end or below 0, an IP the row lacks, a bad toRemove and unknown users', async () => {
      const before = await graph(customer);
      const missing = await jaze(t.url, 'POST', '/api/v1/release_ip_mac', { userId: customer, whichIpMacRow: 9 });
      // the row is named by the index the caller sent
      expect(missing.body).toEqual({ status: 'failure', errorCode: 404, message: `staticIpMac row of user ${customer} at index 9 does not exist` });
      // one past the last index: counting from 0, the row count itself names no row
      const pastEnd = await jaze(t.url, 'POST', '/api/v1/release_ip_mac', { userId: customer, whichIpMacRow: before.length });
      expect(pastEnd.body).toMatchObject({ status: 'failure', errorCode: 404 });
      const negative = await jaze(t.url, 'POST', '/api/v1/release_ip_mac', { userId: customer, whichIpMacRow: -1 });
      expect(negative.body).toMatchObject({ status: 'failure', errorCode: 404 });
      const noIp = await jaze(t.url, 'POST', '/api/v1/release_ip_mac', { userId: customer, whichIpMacRow: 0, toRemove: 'ip' });
      expect(noIp.body).toMatchObject({ status: 'failure', errorCode: 412 });
      const badWhat = await jaze(t.url, 'POST', '/api/v1/release_ip_mac', { userId: customer, whichIpMacRow: 0, toRemove: 'all' });
      expect(badWhat.body).toMatchObject({ status: 'failure', errorCode: 400 });
      const noRow = await jaze(t.url, 'POST', '/api/v1/release_ip_mac', { userId: customer });
      expect(noRow.body.message).toMatch(/whichIpMacRow is required/);
      const unknownUser = await jaze(t.url, 'POST', '/api/v1/release_ip_mac', { userId: 999999, whichIpMacRow: 0 });
      expect(unknownUser.body).toMatchObject({ status: 'failure', errorCode: 404, message: 'customer 999999 does not exist' });
      expect(await graph(customer)).toEqual(before);
    });
  });

  describe('E36 get_radius_statistics', () => {
    const SECRET = 'status-secret';
    let peer: Peer;

    beforeAll(async () => {
      peer = await startPeer(SECRET, answerStatus);
    });
    afterAll(() => peer?.socket.close());
    beforeEach(() => {
      peer.mode = 'ack';
      peer.received = [];
      process.env.RADIUS_STATUS_HOST = '127.0.0.1';
      process.env.RADIUS_STATUS_PORT = String(peer.port);
      process.env.RADIUS_STATUS_SECRET = SECRET;
    });

    it('queries the status server with an authenticated Status-Server and serves its authentication counters', async () => {
      const res = await jaze(t.url, 'GET', '/api/v1/get_radius_statistics/1');
      expect(res.status).toBe(200);
      expect(peer.received).toHaveLength(1);
      expect(peer.received[0]!.authentic).toBe(true);
      const id = peer.received[0]!.data[1];
      expect(res.body).toEqual([
        expect.stringMatching(new RegExp(`^Sent Status-Server Id ${id} from [0-9.]+:\\d+ to 127\\.0\\.0\\.1:${peer.port} length 50$`)),
        'Message-Authenticator = 0x00',
        'Statistics-Type = Authentication',
        'Response-Packet-Type = Access-Accept',
        expect.stringMatching(new RegExp(`^Received Access-Accept Id ${id} from 127\\.0\\.0\\.1:${peer.port} to [0-9.]+:\\d+ length 140$`)),
        'Total-Access-Requests = 4',
        'Total-Access-Accepts = 3',
        'Total-Access-Rejects = 1',
        'Total-Access-Challenges = 0',
        'Total-Auth-Responses = 4',
        'Total-Auth-Duplicate-Requests = 0',
        'Total-Auth-Malformed-Requests = 0',
        'Total-Auth-Invalid-Requests = 0',
        'Total-Auth-Dropped-Requests = 0',
        'Total-Auth-Unknown-Types = 0',
      ]);
    });

    it('answers GraphQL radiusStatistics from the same Status-Server query', async () => {
      const res = await t.gql<{ radiusStatistics: { type: string; server: string; counters: { name: string; value: string }[] } }>(
        `{ radiusStatistics(type: AUTHENTICATION) { type server counters { name value } } }`,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data.radiusStatistics).toMatchObject({ type: 'AUTHENTICATION', server: `127.0.0.1:${peer.port}` });
      expect(res.data.radiusStatistics.counters).toContainEqual({ name: expect.stringMatching(/Total-Access-Requests$/), value: '4' });
      expect(peer.received[0]!.authentic).toBe(true);
      process.env.RADIUS_STATUS_SECRET = '';
      const unconfigured = await t.gql(`{ radiusStatistics(type: ACCOUNTING) { type } }`);
      expect(unconfigured.errors?.[0]).toMatchObject({ message: expect.stringContaining('not configured'), extensions: { code: 'PRECONDITION_FAILED' } });
    });

    it('serves the accounting counters for type 2', async () => {
      const res = await jaze(t.url, 'GET', '/api/v1/get_radius_statistics/2');
      expect(res.body[2]).toBe('Statistics-Type = Accounting');
      expect(res.body.slice(5)).toEqual([
        'Total-Accounting-Requests = 12',
        'Total-Accounting-Responses = 12',
        'Total-Acct-Duplicate-Requests = 1',
        'Total-Acct-Malformed-Requests = 0',
        'Total-Acct-Invalid-Requests = 0',
        'Total-Acct-Dropped-Requests = 0',
        'Total-Acct-Unknown-Types = 0',
      ]);
    });

    it('fails on a bad type, without configuration, with the wrong secret and when the server is silent', async () => {
      const badType = await jaze(t.url, 'GET', '/api/v1/get_radius_statistics/3');
      expect(badType.body).toMatchObject({ status: 'failure', errorCode: 400 });
      expect(peer.received).toHaveLength(0);

      delete process.env.RADIUS_STATUS_SECRET;
      const unconfigured = await jaze(t.url, 'GET', '/api/v1/get_radius_statistics/1');
      expect(unconfigured.body).toMatchObject({ status: 'failure', errorCode: 412 });
      expect(unconfigured.body.message).toMatch(/not configured: set RADIUS_STATUS_SECRET/);

      process.env.RADIUS_STATUS_SECRET = 'not-the-secret';
      const wrongSecret = await jaze(t.url, 'GET', '/api/v1/get_radius_statistics/1');
      expect(wrongSecret.body).toMatchObject({ status: 'failure', errorCode: 412 });
      expect(peer.received.every((r) => !r.authentic)).toBe(true);

      process.env.RADIUS_STATUS_SECRET = SECRET;
      peer.mode = 'silent';
      const silent = await jaze(t.url, 'GET', '/api/v1/get_radius_statistics/2');
      expect(silent.body).toMatchObject({ status: 'failure', errorCode: 412 });
      expect(silent.body.message).toMatch(/did not report its statistics: no answer from 127\.0\.0\.1:\d+ after 2 attempts/);
    });
  });
});
