/**
 * Look-ups support staff make: RADIUS sessions by framed address, NAS (address or name),
 * calling station (MAC in any notation) and username, with their IPv6 fields; customers by
 * IP address, MAC address and RADIUS username; and the `search` box over customers, equipment
 * and sites. Another operator holding the very same identities never shows up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { generateOperator } from '../../src/db/seed/generator';
import { customerIps } from '../../src/network/customer-ip.table';
import { nas } from '../../src/radius/nas.table';
import { radacct } from '../../src/radius/radacct.table';
import { radiusAccounts } from '../../src/radius/radius-account.table';
import type { Executor } from '../../src/db/client';
import { startCompiledPair, type CompiledPair } from '../helpers/compiled-pair';
import { enabledEngines } from '../helpers/engines';
import { makeCustomer } from '../helpers/fixtures';
import { operatorIdOf } from '../helpers/roles';
import { rows } from '../helpers/sql';

/** One customer with a login, a bound address and MAC, and an open dual-stack session. */
async function holder(db: Executor, operatorId: number, tag: string, nasAddress: string) {
  const customerId = await makeCustomer(db, operatorId, `lookup_${tag}`);
  await db.insert(radiusAccounts).values({ operatorId, customerId, username: `lookup-${tag}@isp` });
  await db.insert(customerIps).values({ operatorId, customerId, ip: '198.51.100.7', mac: '02:00:00:00:00:07' });
  await db.insert(radacct).values({
    operatorId,
    customerId,
    acctsessionid: `lookup-${tag}`,
    acctuniqueid: `lookup-unique-${tag}`,
    username: `lookup-${tag}@isp`,
    nasipaddress: nasAddress,
    acctstarttime: new Date('2024-05-01T10:00:00Z'),
    framedipaddress: '203.0.113.9',
    framedipv6address: '2001:db8:1::5',
    framedipv6prefix: '2001:db8:1::/64',
    delegatedipv6prefix: '2001:db8:100::/56',
    framedinterfaceid: '::1:2:3:4',
    callingstationid: 'AA-BB-CC-00-11-22',
  });
  return customerId;
}

describe.each(enabledEngines())('look-ups on %s', (engine) => {
  let pair: CompiledPair;
  let other: { operatorId: number; token: string };
  let mine: number;
  let theirs: number;

  beforeAll(async () => {
    pair = await startCompiledPair(engine);
    const db = pair.database.handle.db;
    const generated = await generateOperator(db, { operatorCode: 'lookups_other', customers: 5, seed: 11 });
    other = { operatorId: generated.operatorId, token: generated.token };
    const demoId = await operatorIdOf(db, 'demo');
    await db.insert(nas).values([
      { operatorId: demoId, nasname: '192.0.2.77', shortname: 'Lookup-NAS', secret: 'lookup-secret' },
      { operatorId: other.operatorId, nasname: '192.0.2.78', shortname: 'Lookup-NAS', secret: 'lookup-secret' },
    ]);
    mine = await holder(db, demoId, 'mine', '192.0.2.77');
    theirs = await holder(db, other.operatorId, 'theirs', '192.0.2.78');
  });

  afterAll(async () => {
    await pair?.stop();
  });

  const SESSIONS = `query($f: RadiusSessionFilterInput) { radiusSessions(first: 10, filter: $f) { nodes { sessionId framedIpAddress nasIpAddress callingStationId
    framedIpv6Address framedIpv6Prefix delegatedIpv6Prefix framedInterfaceId customer { legacyId } } } }`;
  const sessionIds = async (f: Record<string, unknown>, token?: string) =>
    ((await pair.send(pair.compiled, SESSIONS, { f }, token)).body.data as any).radiusSessions.nodes.map((n: any) => n.sessionId);

  it('finds sessions by framed address, NAS address or name, calling station and username, each operator its own', async () => {
    for (const f of [
      { framedIpAddress: '203.0.113.9' },
      { nasName: 'lookup-nas' },
      { callingStationId: 'aabb.cc00.1122' },
      { callingStationId: 'AA:BB:CC:00:11:22', onlineOnly: true },
      { username: 'lookup-mine@isp' },
    ]) {
      expect({ f, ids: await sessionIds(f) }).toEqual({ f, ids: ['lookup-mine'] });
      expect({ f, ids: await sessionIds(f, other.token) }).toEqual({ f, ids: f.username ? [] : ['lookup-theirs'] });
    }
    expect(await sessionIds({ nasIpAddress: '192.0.2.77' })).toEqual(['lookup-mine']);
    expect(await sessionIds({ nasIpAddress: '192.0.2.77' }, other.token)).toEqual([]);
    expect(await sessionIds({ callingStationId: 'not-a-mac' })).toEqual([]);
  });

  it('serves the IPv6 fields of a session, the same on the compiled path', async () => {
    const q = `query($id: Int!) { customer(legacyId: $id) { radiusSessions(first: 5) { nodes { sessionId framedIpAddress framedIpv6Address framedIpv6Prefix delegatedIpv6Prefix framedInterfaceId } } } }`;
    const data = await pair.expectSame(q, { id: mine });
    expect(data.customer.radiusSessions.nodes).toEqual([
      { sessionId: 'lookup-mine', framedIpAddress: '203.0.113.9', framedIpv6Address: '2001:db8:1::5', framedIpv6Prefix: '2001:db8:1::/64', delegatedIpv6Prefix: '2001:db8:100::/56', framedInterfaceId: '::1:2:3:4' },
    ]);
  });

  it('finds customers by address, MAC and RADIUS login, on both paths and within the operator', async () => {
    const q = 'query($f: CustomerFilterInput) { customers(first: 10, filter: $f) { totalCount nodes { legacyId } } }';
    for (const f of [
      { ipAddress: '198.51.100.7' },
      { ipAddress: '203.0.113.9' },
      { macAddress: '02-00-00-00-00-07' },
      { macAddress: 'aa:bb:cc:00:11:22' },
    ]) {
      expect({ f, found: (await pair.expectSame(q, { f })).customers.nodes }).toEqual({ f, found: [{ legacyId: mine }] });
      expect({ f, found: (await pair.expectSame(q, { f }, 1, other.token)).customers.nodes }).toEqual({ f, found: [{ legacyId: theirs }] });
    }
    expect((await pair.expectSame(q, { f: { radiusUsername: 'lookup-mine@isp' } })).customers.nodes).toEqual([{ legacyId: mine }]);
    expect((await pair.expectSame(q, { f: { radiusUsername: 'lookup-mine@isp' } }, 1, other.token)).customers.nodes).toEqual([]);
    expect((await pair.expectSame(q, { f: { ipAddress: '198.51.100.8' } })).customers.totalCount).toBe(0);
  });

  it('searches customers, equipment and sites by one text, never across operators', async () => {
    const db = pair.database.handle.db;
    const demoId = await operatorIdOf(db, 'demo');
    const [equipment] = await rows<{ id: number; nickname: string }>(db, sql`select id, nickname from equipment where operator_id = ${demoId} order by id limit 1`);
    const [site] = await rows<{ id: number; name: string }>(db, sql`select id, name from sites where operator_id = ${demoId} order by id limit 1`);
    const q = 'query($q: String!, $first: Int) { search(query: $q, first: $first) { __typename ... on Customer { legacyId } ... on Equipment { legacyId } ... on Site { legacyId } } }';
    const found = async (text: string, token?: string, first?: number) => {
      const res = await pair.send(pair.compiled, q, { q: text, first }, token);
      expect(res.body.errors).toBeUndefined();
      return (res.body.data as any).search as { __typename: string; legacyId: number }[];
    };
    expect(await found('198.51.100.7')).toEqual([{ __typename: 'Customer', legacyId: mine }]);
    expect(await found('198.51.100.7', other.token)).toEqual([{ __typename: 'Customer', legacyId: theirs }]);
    expect(await found('LOOKUP_MINE')).toEqual([{ __typename: 'Customer', legacyId: mine }]);
    expect(await found('lookup_mine', other.token)).toEqual([]);
    expect(await found('lookup-mine@isp')).toEqual([{ __typename: 'Customer', legacyId: mine }]);
    expect(await found(equipment!.nickname)).toContainEqual({ __typename: 'Equipment', legacyId: equipment!.id });
    expect(await found(site!.name)).toContainEqual({ __typename: 'Site', legacyId: site!.id });
    expect((await found(equipment!.nickname, other.token)).some((hit) => hit.__typename === 'Equipment' && hit.legacyId === equipment!.id)).toBe(false);
    const wide = await found('an', undefined, 3);
    expect(wide.length).toBeLessThanOrEqual(3);
    const short = await pair.send(pair.compiled, q, { q: 'x' });
    expect(short.body.errors?.[0]?.extensions?.code).toBe('INVALID');
  });
});
