/**
 * The network, RADIUS, support and locations graph against the demo data, cross-checked with
 * SQL: root connections and their filters, relations both ways (batched), node(), secrets kept
 * out of the schema, site mutations, and tenancy.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totalQueries } from '../../src/db/query-counter';
import { cidrParts } from '../../src/network/cidr';
import { enabledEngines } from '../helpers/engines';
import { startTestApp, type TestApp } from '../helpers/app';
import { rows } from '../helpers/sql';

describe('cidrParts', () => {
  it('derives mask and broadcast of IPv4 networks, host routes and IPv6', () => {
    expect(cidrParts('192.0.2.0/24')).toEqual({ mask: '255.255.255.0', broadcast: '192.0.2.255', prefixLength: 24 });
    expect(cidrParts('100.64.0.0/10')).toEqual({ mask: '255.192.0.0', broadcast: '100.127.255.255', prefixLength: 10 });
    expect(cidrParts('198.51.100.0/26')).toEqual({ mask: '255.255.255.192', broadcast: '198.51.100.63', prefixLength: 26 });
    expect(cidrParts('10.0.0.7')).toEqual({ mask: '255.255.255.255', broadcast: '10.0.0.7', prefixLength: 32 });
    expect(cidrParts('0.0.0.0/0')).toEqual({ mask: '0.0.0.0', broadcast: '255.255.255.255', prefixLength: 0 });
    expect(cidrParts('2001:db8::/32')).toEqual({ mask: '/32', broadcast: null, prefixLength: 32 });
    expect(cidrParts('10.0.0.0/33')).toBeNull();
    expect(cidrParts('300.0.0.0/8')).toBeNull();
  });
});

/** Every node type of these areas, with its table (and id column when it is not `id`). */
const NODE_TYPES: [string, string, string?][] = [
  ['Site', 'sites'], ['Equipment', 'equipment'], ['Cpe', 'cpes'], ['Basestation', 'basestations'], ['Gateway', 'gateways'],
  ['NetworkInterface', 'interfaces'], ['CustomerIp', 'customer_ips'], ['RadiusAccount', 'radius_accounts'], ['RadiusSession', 'radacct', 'radacctid'],
  ['MaintenanceTicket', 'maintenance_tickets'], ['InstallerTracking', 'installer_tracking'], ['Reseller', 'resellers'],
  ['WalletTransaction', 'reseller_wallet_transactions'], ['Area', 'areas'], ['Street', 'streets'], ['Building', 'buildings'],
];

type Conn<T> = { totalCount: number; nodes: T[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };

describe.each(enabledEngines())('GraphQL network, RADIUS, support and locations on %s', (engine) => {
  let t: TestApp;
  const q = <T>(db: TestApp['database']['handle']['db'], query: ReturnType<typeof sql>) => rows<T>(db, query);
  const one = async (query: ReturnType<typeof sql>) => Number((await q<{ n: number }>(t.database.handle.db, query))[0]!.n);
  const ok = async <T>(query: string, variables?: Record<string, unknown>, token?: string) => {
    const res = await t.gql<T>(query, variables, token);
    expect(res.errors).toBeUndefined();
    return res.data;
  };

  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('keeps secrets out of the schema', async () => {
    const data = await ok<{ [k: string]: { fields: { name: string }[] } }>(`{
      gateway: __type(name: "Gateway") { fields { name } }
      account: __type(name: "RadiusAccount") { fields { name } }
      equipment: __type(name: "Equipment") { fields { name } }
    }`);
    const names = (k: string) => data[k]!.fields.map((f) => f.name);
    expect(names('gateway')).toContain('hasCoaSecret');
    expect(names('gateway')).not.toContain('coaSecret');
    expect(names('account')).toContain('hasPassword');
    expect(names('account')).not.toContain('password');
    expect(names('equipment')).toEqual(expect.arrayContaining(['imsi', 'msisdn', 'iccid']));
    for (const secret of ['ki', 'opcode', 'sqn', 'pin1', 'pin2', 'puk1', 'adm1']) expect(names('equipment')).not.toContain(secret);
  });

  it('lists, filters and orders sites, matching SQL', async () => {
    const all = await ok<{ sites: Conn<{ name: string; siteType: string; status: string; coordinates: { latitude: number } }> }>(
      '{ sites(first: 100, orderBy: { field: NAME, direction: DESC }) { totalCount nodes { name siteType status coordinates { latitude } } } }',
    );
    const demo = await one(sql`select count(*)::int as n from sites s join operators o on o.id = s.operator_id where o.code = 'demo'`);
    expect(all.sites.totalCount).toBe(demo);
    expect(all.sites.nodes).toHaveLength(5);
    const names = all.sites.nodes.map((n) => n.name);
    expect(names).toEqual([...names].sort().reverse());
    expect(all.sites.nodes.every((n) => n.status === 'PRODUCTION' && typeof n.coordinates.latitude === 'number')).toBe(true);

    const network = await ok<{ sites: Conn<{ siteType: string }> }>('{ sites(filter: { siteType: [NETWORK] }) { totalCount nodes { siteType } } }');
    expect(network.sites.totalCount).toBe(4);
    expect(network.sites.nodes.every((n) => n.siteType === 'NETWORK')).toBe(true);
    const named = await ok<{ sites: Conn<{ name: string }> }>('{ sites(filter: { name: "TOWER" }) { totalCount nodes { name } } }');
    expect(named.sites.nodes.map((n) => n.name).sort()).toEqual(['Ballincollig Water Tower', 'Shandon Tower']);
    const none = await ok<{ sites: Conn<unknown> }>('{ sites(filter: { status: [CANCELLED] }) { totalCount } }');
    expect(none.sites.totalCount).toBe(0);

    // paging two at a time visits every site once (guarded: a cursor that re-includes its own
    // row would otherwise loop forever)
    const seen: number[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      if (++pages > 5) break;
      const page: { sites: Conn<{ legacyId: number }> } = await ok('query($a: String) { sites(first: 2, after: $a, orderBy: { field: CREATED_AT }) { nodes { legacyId } pageInfo { hasNextPage endCursor } } }', {
        a: after,
      });
      seen.push(...page.sites.nodes.map((n) => n.legacyId));
      after = page.sites.pageInfo.hasNextPage ? page.sites.pageInfo.endCursor : null;
    } while (after);
    expect(seen.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5]);
  });

  it('resolves site equipment, basestations and their gateway in a fixed number of statements', async () => {
    const query = (n: number) => `{ sites(first: ${n}) { nodes { legacyId
      equipment(first: 2, orderBy: { field: NICKNAME }) { totalCount nodes { nickname site { legacyId } } pageInfo { hasNextPage } }
      basestations { sector equipment { nickname basestation { legacyId } } site { legacyId } gateway { name wibNumber interfaces { network mask broadcast } } }
      maintenanceTickets { totalCount }
    } } }`;
    type SitesData = {
      sites: { nodes: { legacyId: number; equipment: Conn<{ nickname: string; site: { legacyId: number } }> & { pageInfo: { hasNextPage: boolean } }; basestations: { sector: string; equipment: { nickname: string; basestation: { legacyId: number } }; site: { legacyId: number }; gateway: { name: string; interfaces: { network: string; mask: string; broadcast: string }[] } }[] }[] };
    };
    // One site or all of them: the same number of statements (no N+1).
    const statements = async (n: number) => {
      const before = totalQueries();
      const data = await ok<SitesData>(query(n));
      return { data, count: totalQueries() - before };
    };
    const single = await statements(1);
    const { data, count } = await statements(10);
    expect(data.sites.nodes).toHaveLength(5);
    expect(count).toBe(single.count);

    const perSite = await q<{ site_id: number; n: number }>(t.database.handle.db, sql`select site_id, count(*)::int as n from equipment where site_id is not null group by site_id`);
    for (const site of data.sites.nodes) {
      const expected = perSite.find((r) => r.site_id === site.legacyId)?.n ?? 0;
      expect(site.equipment.totalCount).toBe(expected);
      expect(site.equipment.nodes.length).toBe(Math.min(2, expected));
      expect(site.equipment.pageInfo.hasNextPage).toBe(expected > 2);
      expect(site.equipment.nodes.every((e) => e.site.legacyId === site.legacyId)).toBe(true);
      expect(site.basestations.length).toBe(expected === 0 ? 0 : 3);
      for (const b of site.basestations) {
        expect(b.site.legacyId).toBe(site.legacyId);
        expect(b.equipment.nickname).toMatch(/^AP-/);
        expect(b.gateway.name).toMatch(/Core$/);
      }
    }
    const cork = data.sites.nodes[0]!.basestations.map((b) => b.gateway).find((g) => g.name === 'Cork Core')!;
    expect(cork.interfaces).toContainEqual({ network: '192.0.2.0/24', mask: '255.255.255.0', broadcast: '192.0.2.255' });
  });

  it('filters the equipment list like listEquipment and pages it without gaps', async () => {
    const db = t.database.handle.db;
    const [sample] = await q<{ id: number; nickname: string; ip: string; mac: string; serial: string; site_id: number }>(
      db,
      sql`select id, nickname, host(ip_address) as ip, mac::text as mac, serial_number as serial, site_id from equipment where type = 'nanostationap' order by id limit 1`,
    );
    const total = await one(sql`select count(*)::int as n from equipment`);
    const aps = await one(sql`select count(*)::int as n from equipment where type = 'nanostationap'`);
    const list = await ok<{ all: Conn<unknown>; aps: Conn<{ type: string }>; stock: Conn<unknown> }>(
      '{ all: equipment { totalCount } aps: equipment(first: 100, filter: { type: "nanostationap", status: USE }) { totalCount nodes { type } } stock: equipment(filter: { status: STOCK }) { totalCount } }',
    );
    expect(list.all.totalCount).toBe(total);
    expect(list.aps.totalCount).toBe(aps);
    expect(list.stock.totalCount).toBe(0);

    const macFragment = sample!.mac.slice(3, 11).toUpperCase().replace(/:/g, '-');
    const byField = await ok<Record<string, Conn<{ legacyId: number }>>>(
      `query($site: ID!, $ip: IP!, $mac: String!, $serial: String!) {
        ip: equipment(filter: { ipAddress: $ip }) { totalCount nodes { legacyId } }
        mac: equipment(filter: { mac: $mac }) { totalCount nodes { legacyId } }
        serial: equipment(filter: { serialNumber: $serial }) { totalCount nodes { legacyId } }
        site: equipment(first: 100, filter: { siteId: $site }) { totalCount nodes { legacyId } }
        nick: equipment(filter: { nickname: "ap-1-" }) { totalCount nodes { legacyId } }
      }`,
      { site: Buffer.from(`Site:${sample!.site_id}`).toString('base64url'), ip: sample!.ip, mac: macFragment, serial: sample!.serial },
    );
    expect(byField.ip!.nodes.map((n) => n.legacyId)).toEqual([sample!.id]);
    expect(byField.mac!.nodes.map((n) => n.legacyId)).toContain(sample!.id);
    expect(byField.serial!.nodes.map((n) => n.legacyId)).toEqual([sample!.id]);
    expect(byField.site!.totalCount).toBe(await one(sql`select count(*)::int as n from equipment where site_id = ${sample!.site_id}`));
    expect(byField.nick!.totalCount).toBe(3);

    const seen: number[] = [];
    let after: string | null = null;
    do {
      const page: { equipment: Conn<{ legacyId: number }> } = await ok(
        'query($a: String) { equipment(first: 37, after: $a, orderBy: { field: NICKNAME, direction: DESC }) { nodes { legacyId } pageInfo { hasNextPage endCursor } } }',
        { a: after },
      );
      seen.push(...page.equipment.nodes.map((n) => n.legacyId));
      after = page.equipment.pageInfo.hasNextPage ? page.equipment.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });

  it('walks the device tree: parent, children, CPE with its customer, basestation', async () => {
    const db = t.database.handle.db;
    const [ap] = await q<{ id: number; parent_id: number; children: number }>(
      db,
      sql`select e.id, e.parent_id, (select count(*)::int from equipment c where c.parent_id = e.id) as children
          from equipment e where e.type = 'nanostationap' order by children desc, e.id limit 1`,
    );
    expect(ap!.children).toBeGreaterThan(0);
    const data = await ok<{
      equipmentItem: {
        parent: { legacyId: number; type: string; children: { legacyId: number }[] };
        children: { legacyId: number; parent: { legacyId: number }; cpe: { customer: { legacyId: number; cpes: { equipment: { legacyId: number } }[] }; dishInstalled: boolean } | null }[];
        basestation: { sector: string; equipment: { legacyId: number } };
        cpe: null;
      };
    }>(
      `query($id: Int!) { equipmentItem(legacyId: $id) {
        parent { legacyId type children { legacyId } }
        children { legacyId parent { legacyId } cpe { dishInstalled customer { legacyId cpes { equipment { legacyId } } } } }
        basestation { sector equipment { legacyId } }
        cpe { legacyId }
      } }`,
      { id: ap!.id },
    );
    const item = data.equipmentItem;
    expect(item.parent.legacyId).toBe(ap!.parent_id);
    expect(item.parent.type).toBe('mikrotikrouter');
    expect(item.parent.children.map((c) => c.legacyId)).toContain(ap!.id);
    expect(item.children).toHaveLength(ap!.children);
    expect(item.basestation.equipment.legacyId).toBe(ap!.id);
    expect(item.cpe).toBeNull();
    for (const child of item.children) {
      expect(child.parent.legacyId).toBe(ap!.id);
      expect(child.cpe).not.toBeNull();
      expect(child.cpe!.customer.cpes.map((c) => c.equipment.legacyId)).toContain(child.legacyId);
    }
    const [cpeOwner] = await q<{ equipment_id: number; customer_id: number }>(db, sql`select equipment_id, customer_id from cpes where equipment_id = ${item.children[0]!.legacyId}`);
    expect(item.children[0]!.cpe!.customer.legacyId).toBe(cpeOwner!.customer_id);

    const none = await t.gql('{ equipmentItem { legacyId } }');
    expect(none.errors?.[0]?.extensions?.code).toBe('INVALID');
  });

  it('resolves every relation of customers, matching SQL, and batches them', async () => {
    const db = t.database.handle.db;
    const [c] = await q<{ id: number; reseller_id: number; area_id: number; street_id: number; building_id: number }>(
      db,
      sql`select c.id, c.reseller_id, c.area_id, c.street_id, c.building_id from customers c
          where c.reseller_id is not null and exists (select 1 from customer_ips i where i.customer_id = c.id)
            and exists (select 1 from cpes p where p.customer_id = c.id) and exists (select 1 from radacct r where r.customer_id = c.id)
          order by c.id limit 1`,
    );
    expect(c).toBeDefined();
    const data = await ok<{
      customer: {
        ips: { ip: string; mac: string; isPublic: boolean; customer: { legacyId: number }; gateway: { name: string }; interface: { network: string } }[];
        cpes: { customer: { legacyId: number }; equipment: { nickname: string; cpe: { legacyId: number } } }[];
        radiusAccounts: { username: string; hasPassword: boolean; customer: { legacyId: number } }[];
        radiusSessions: Conn<{ online: boolean; stopTime: string | null; inputOctets: string; username: string; customer: { legacyId: number } }>;
        reseller: { legacyId: number; name: string };
        location: { area: { legacyId: number }; street: { legacyId: number; area: { legacyId: number } }; building: { legacyId: number; street: { legacyId: number } }; coordinates: { latitude: number } | null };
      };
    }>(
      `query($id: Int!) { customer(legacyId: $id) {
        ips { ip mac isPublic customer { legacyId } gateway { name } interface { network } }
        cpes { customer { legacyId } equipment { nickname cpe { legacyId } } }
        radiusAccounts { username hasPassword customer { legacyId } }
        radiusSessions(first: 100) { totalCount nodes { online stopTime inputOctets username customer { legacyId } } }
        reseller { legacyId name }
        location { area { legacyId } street { legacyId area { legacyId } } building { legacyId street { legacyId } } coordinates { latitude } }
      } }`,
      { id: c!.id },
    );
    const cust = data.customer;
    const ips = await q<{ ip: string }>(db, sql`select host(ip) as ip from customer_ips where customer_id = ${c!.id} order by id`);
    expect(cust.ips.map((i) => i.ip)).toEqual(ips.map((i) => i.ip));
    expect(cust.ips[0]!.customer.legacyId).toBe(c!.id);
    expect(cust.ips[0]!.interface.network).toBe('100.64.0.0/10');
    expect(cust.ips[0]!.mac).toMatch(/^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/);
    expect(cust.cpes.length).toBe(await one(sql`select count(*)::int as n from cpes where customer_id = ${c!.id}`));
    expect(cust.cpes[0]!.customer.legacyId).toBe(c!.id);
    expect(cust.radiusAccounts.map((a) => a.username)).toEqual(
      (await q<{ username: string }>(db, sql`select username from radius_accounts where customer_id = ${c!.id} order by id`)).map((r) => r.username),
    );
    expect(cust.radiusAccounts.every((a) => a.hasPassword && a.customer.legacyId === c!.id)).toBe(true);
    expect(cust.radiusSessions.totalCount).toBe(await one(sql`select count(*)::int as n from radacct where customer_id = ${c!.id}`));
    for (const s of cust.radiusSessions.nodes) {
      expect(s.online).toBe(s.stopTime === null);
      expect(s.inputOctets).toMatch(/^\d+$/);
      expect(s.customer.legacyId).toBe(c!.id);
    }
    expect(cust.reseller.legacyId).toBe(c!.reseller_id);
    expect(cust.location.area.legacyId).toBe(c!.area_id);
    expect(cust.location.street.legacyId).toBe(c!.street_id);
    expect(cust.location.street.area.legacyId).toBe(c!.area_id);
    expect(cust.location.building.legacyId).toBe(c!.building_id);
    expect(cust.location.building.street.legacyId).toBe(c!.street_id);

    // 100 customers with every relation cost what 50 cost: nothing is loaded per customer
    const manyQuery = (n: number) => `{ customers(first: ${n}) { nodes {
      legacyId ips { ip } cpes { equipment { nickname } } radiusAccounts { username } reseller { name }
      radiusSessions(first: 1, filter: { onlineOnly: true }) { totalCount nodes { online } }
      maintenanceTickets(first: 5) { totalCount nodes { type subtype installerTracking { status } } }
      location { area { name } street { name } building { name } }
    } } }`;
    type Many = { customers: { nodes: { legacyId: number; radiusSessions: { totalCount: number; nodes: unknown[] }; maintenanceTickets: { totalCount: number } }[] } };
    let before = totalQueries();
    await ok<Many>(manyQuery(50));
    const few = totalQueries() - before;
    before = totalQueries();
    const many = await ok<Many>(manyQuery(100));
    expect(totalQueries() - before).toBe(few);
    const open = await q<{ customer_id: number; n: number }>(db, sql`select customer_id, count(*)::int as n from radacct where acctstoptime is null group by customer_id`);
    const tickets = await q<{ customer_id: number; n: number }>(db, sql`select customer_id, count(*)::int as n from maintenance_tickets group by customer_id`);
    for (const node of many.customers.nodes) {
      expect(node.radiusSessions.totalCount).toBe(open.find((o) => o.customer_id === node.legacyId)?.n ?? 0);
      expect(node.radiusSessions.nodes.length).toBe(Math.min(1, node.radiusSessions.totalCount));
      expect(node.maintenanceTickets.totalCount).toBe(tickets.find((o) => o.customer_id === node.legacyId)?.n ?? 0);
    }
  });

  it('lists RADIUS sessions with filters, matching SQL', async () => {
    const db = t.database.handle.db;
    const all = await one(sql`select count(*)::int as n from radacct`);
    const online = await one(sql`select count(*)::int as n from radacct where acctstoptime is null`);
    const [s] = await q<{ username: string; customer_id: number; start: string }>(
      db,
      sql`select username, customer_id, to_char(acctstarttime at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as start from radacct order by radacctid limit 1`,
    );
    const perUser = await one(sql`select count(*)::int as n from radacct where username = ${s!.username}`);
    const since = await one(sql`select count(*)::int as n from radacct where acctstarttime >= ${s!.start}::timestamptz`);
    const customerId = Buffer.from(`Customer:${s!.customer_id}`).toString('base64url');
    const data = await ok<Record<string, Conn<{ online: boolean; username: string; legacyId: string; sessionTime: number; outputOctets: string; nasIpAddress: string }>>>(
      `query($u: String!, $c: ID!, $from: DateTime!) {
        all: radiusSessions { totalCount }
        online: radiusSessions(first: 100, filter: { onlineOnly: true }) { totalCount nodes { online } }
        user: radiusSessions(filter: { username: $u }) { totalCount nodes { username } }
        customer: radiusSessions(filter: { customerId: $c }) { totalCount }
        since: radiusSessions(filter: { startedFrom: $from }) { totalCount }
        latest: radiusSessions(first: 3, orderBy: { field: ID, direction: DESC }) { nodes { legacyId sessionTime outputOctets nasIpAddress } }
      }`,
      { u: s!.username, c: customerId, from: s!.start },
    );
    expect(data.all!.totalCount).toBe(all);
    expect(data.online!.totalCount).toBe(online);
    expect(data.online!.nodes.every((n) => n.online)).toBe(true);
    expect(data.user!.totalCount).toBe(perUser);
    expect(data.user!.nodes.every((n) => n.username === s!.username)).toBe(true);
    expect(data.customer!.totalCount).toBe(await one(sql`select count(*)::int as n from radacct where customer_id = ${s!.customer_id}`));
    expect(data.since!.totalCount).toBe(since);
    // A session's legacyId is a BigInt: a decimal string.
    const ids = data.latest!.nodes.map((n) => Number(n.legacyId));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(data.latest!.nodes[0]!.legacyId).toBe(String(await one(sql`select max(radacctid)::int as n from radacct`)));
    expect(data.latest!.nodes[0]!.nasIpAddress).toMatch(/^10\.254\./);
  });

  it('lists maintenance tickets with filters, type names and installer jobs, matching SQL', async () => {
    const db = t.database.handle.db;
    const open = await one(sql`select count(*)::int as n from maintenance_tickets where status in ('open', 'waiting_for_customer')`);
    const [tk] = await q<{ id: number; customer_id: number; type: string; subtype: string | null; reported: string; jobs: number }>(
      db,
      sql`select t.id, t.customer_id, mt.name as type, ms.name as subtype, t.date_reported::text as reported,
            (select count(*)::int from installer_tracking i where i.maintenance_ticket_id = t.id) as jobs
          from maintenance_tickets t join maintenance_types mt on mt.id = t.type_id left join maintenance_subtypes ms on ms.id = t.subtype_id
          order by jobs desc, t.id limit 1`,
    );
    expect(tk!.jobs).toBeGreaterThan(0);
    const inRange = await one(sql`select count(*)::int as n from maintenance_tickets where date_reported between ${tk!.reported}::date and ${tk!.reported}::date`);
    const data = await ok<{
      open: Conn<{ status: string }>;
      day: Conn<{ dateReported: string }>;
      mine: Conn<{ legacyId: number; type: string; subtype: string | null; customer: { legacyId: number }; site: null; installerTracking: { status: string; installerFee: string; installer: { legacyId: number } | null; maintenanceTicket: { legacyId: number } }[] }>;
    }>(
      `query($c: ID!, $d: Date!) {
        open: maintenanceTickets(first: 100, filter: { status: [OPEN, WAITING_FOR_CUSTOMER] }, orderBy: { field: DATE_REPORTED, direction: DESC }) { totalCount nodes { status } }
        day: maintenanceTickets(filter: { reportedFrom: $d, reportedTo: $d }) { totalCount nodes { dateReported } }
        mine: maintenanceTickets(filter: { customerId: $c }) { totalCount nodes { legacyId type subtype customer { legacyId } site { legacyId } installerTracking { status installerFee installer { legacyId } maintenanceTicket { legacyId } } } }
      }`,
      { c: Buffer.from(`Customer:${tk!.customer_id}`).toString('base64url'), d: tk!.reported },
    );
    expect(data.open.totalCount).toBe(open);
    expect(data.open.nodes.every((n) => n.status !== 'CLOSED')).toBe(true);
    expect(data.day.totalCount).toBe(inRange);
    expect(data.day.nodes.every((n) => n.dateReported === tk!.reported)).toBe(true);
    const ticket = data.mine.nodes.find((n) => n.legacyId === tk!.id)!;
    expect(ticket.type).toBe(tk!.type);
    expect(ticket.subtype).toBe(tk!.subtype);
    expect(ticket.customer.legacyId).toBe(tk!.customer_id);
    expect(ticket.site).toBeNull();
    expect(ticket.installerTracking).toHaveLength(tk!.jobs);
    expect(ticket.installerTracking[0]!.installerFee).toBe('45.00');
    expect(ticket.installerTracking.every((j) => j.maintenanceTicket.legacyId === tk!.id)).toBe(true);
  });

  it('lists areas with streets and buildings', async () => {
    const data = await ok<{ areas: { name: string; streets: { nodes: { name: string; area: { name: string }; buildings: { nodes: { name: string; street: { name: string } }[] } }[] } }[] }>(
      '{ areas { name streets { nodes { name area { name } buildings { nodes { name street { name } } } } } } }',
    );
    expect(data.areas.map((a) => a.name)).toEqual(['City Centre', 'Harbour', 'Northside']);
    for (const area of data.areas) {
      expect(area.streets.nodes.map((s) => s.name)).toEqual(['Church Road', 'Main Street', 'Mill Lane']);
      for (const street of area.streets.nodes) {
        expect(street.area.name).toBe(area.name);
        expect(street.buildings.nodes.map((b) => b.name)).toEqual(['Block A', 'Block B']);
        expect(street.buildings.nodes.every((b) => b.street.name === street.name)).toBe(true);
      }
    }
  });

  it('resolves every new type through node()', async () => {
    const db = t.database.handle.db;
    const pick = async (table: string, idColumn = 'id') => Number((await q<{ id: number }>(db, sql`select min(${sql.identifier(idColumn)})::int as id from ${sql.identifier(table)}`))[0]!.id);
    const ids: string[] = [];
    const expected: { __typename: string; legacyId: number | string }[] = [];
    for (const [type, table, idColumn] of NODE_TYPES) {
      const id = await pick(table, idColumn);
      ids.push(Buffer.from(`${type}:${id}`).toString('base64url'));
      // A RADIUS session's legacyId is a BigInt: a decimal string.
      expected.push({ __typename: type, legacyId: type === 'RadiusSession' ? String(id) : id });
    }
    // legacyId is declared per type, Int or (on sessions) BigInt: asked for in a fragment per
    // type, and under another name on sessions, as GraphQL wants for fields of different types.
    const fragments = NODE_TYPES.map(([type]) => (type === 'RadiusSession' ? `... on ${type} { sessionLegacyId: legacyId }` : `... on ${type} { legacyId }`)).join(' ');
    const data = await ok<{ nodes: ({ __typename: string } & Record<string, number | string>)[] }>(`query($ids: [ID!]!) { nodes(ids: $ids) { __typename ${fragments} } }`, { ids });
    expect(data.nodes.map(({ sessionLegacyId, ...node }) => (sessionLegacyId === undefined ? node : { ...node, legacyId: sessionLegacyId }))).toEqual(expected);
    const site = await ok<{ node: { name: string; equipment: { totalCount: number } } }>('query($id: ID!) { node(id: $id) { ... on Site { name equipment { totalCount } } } }', { id: ids[0] });
    expect(site.node.name).toBe('Shandon Tower');
    expect(site.node.equipment.totalCount).toBe(4);
  });

  describe('site mutations', () => {
    const create = `mutation($input: SiteCreateInput!) { siteCreate(input: $input) { site { id legacyId name address { state country } coordinates { latitude longitude } status siteType towerType nextMaintenanceDate frequency } userErrors { field message code } } }`;
    const update = `mutation($input: SiteUpdateInput!) { siteUpdate(input: $input) { site { id name address { state } contactName status wibNumber } userErrors { field message code } } }`;
    const remove = `mutation($id: ID!) { siteDelete(input: { id: $id }) { deletedId userErrors { field message code } } }`;
    type Payload = { site: Record<string, unknown> | null; userErrors: { field: string[]; message: string; code: string }[] };
    const sites = () => one(sql`select count(*)::int as n from sites`);
    const audits = () => one(sql`select count(*)::int as n from audit_log where action like 'site.%'`);

    it('creates a site with every kind of field, and refuses bad input writing nothing', async () => {
      const res = await ok<{ siteCreate: Payload }>(create, {
        input: { name: 'Mallow Relay', wibNumber: 100, coordinates: { latitude: 52.13, longitude: -8.64 }, status: 'POTENTIAL', siteType: 'NETWORK', towerType: 'MONOPOLE', nextMaintenanceDate: '2027-03-01', frequency: '5800', address: { state: 'new york', country: 'Ireland' } },
      });
      expect(res.siteCreate.userErrors).toEqual([]);
      expect(res.siteCreate.site).toMatchObject({ name: 'Mallow Relay', address: { state: 'New York', country: 'Ireland' }, coordinates: { latitude: 52.13, longitude: -8.64 }, status: 'POTENTIAL', towerType: 'MONOPOLE', nextMaintenanceDate: '2027-03-01', frequency: '5800' });
      const node = await ok<{ node: { name: string } }>('query($id: ID!) { node(id: $id) { ... on Site { name } } }', { id: res.siteCreate.site!.id });
      expect(node.node.name).toBe('Mallow Relay');

      const [countBefore, auditBefore] = [await sites(), await audits()];
      const bad = await ok<{ siteCreate: Payload }>(create, {
        input: { name: 'Mallow Relay', wibNumber: 999, address: { state: 'NY', country: 'IE' }, height: '-3', nextMaintenanceDate: '2027-01-01' },
      });
      expect(bad.siteCreate.site).toBeNull();
      const byField = Object.fromEntries(bad.siteCreate.userErrors.map((e) => [e.field.join('.'), e.code]));
      expect(byField).toEqual({ 'input.name': 'CONFLICT', 'input.wibNumber': 'NOT_FOUND', 'input.address.state': 'INVALID', 'input.address.country': 'INVALID', 'input.height': 'INVALID' });
      const blank = await ok<{ siteCreate: Payload }>(create, { input: { name: '  ' } });
      expect(blank.siteCreate.userErrors.map((e) => e.field.join('.'))).toEqual(['input.name']);
      expect([await sites(), await audits()]).toEqual([countBefore, auditBefore]);

      const outOfRange = await t.gql(create, { input: { name: 'Nowhere', coordinates: { latitude: 91, longitude: 0 } } });
      expect(outOfRange.errors?.[0]?.message).toMatch(/latitude/i);
    });

    it('updates only the fields given, keeping names unique', async () => {
      const made = await ok<{ siteCreate: Payload }>(create, { input: { name: 'Fermoy Hill', contactName: 'Ann' } });
      const id = made.siteCreate.site!.id as string;
      const res = await ok<{ siteUpdate: Payload }>(update, { input: { id, status: 'PRODUCTION', address: { state: 'TEXAS' } } });
      expect(res.siteUpdate.userErrors).toEqual([]);
      expect(res.siteUpdate.site).toMatchObject({ name: 'Fermoy Hill', contactName: 'Ann', status: 'PRODUCTION', address: { state: 'Texas' } });
      const clash = await ok<{ siteUpdate: Payload }>(update, { input: { id, name: 'Shandon Tower', contactName: 'Bob' } });
      expect(clash.siteUpdate.userErrors).toEqual([expect.objectContaining({ field: ['input', 'name'], code: 'CONFLICT' })]);
      const [row] = await q<{ name: string; contact_name: string }>(t.database.handle.db, sql`select name, contact_name from sites where name = 'Fermoy Hill'`);
      expect(row).toEqual({ name: 'Fermoy Hill', contact_name: 'Ann' });
      const cleared = await ok<{ siteUpdate: Payload }>(update, { input: { id, contactName: null, wibNumber: 101 } });
      expect(cleared.siteUpdate.site).toMatchObject({ contactName: null, wibNumber: 101 });
      const missing = await ok<{ siteUpdate: Payload }>(update, { input: { id: Buffer.from('Site:999999').toString('base64url'), name: 'x' } });
      expect(missing.siteUpdate.userErrors[0]!.code).toBe('NOT_FOUND');
      const wrongType = await ok<{ siteUpdate: Payload }>(update, { input: { id: Buffer.from('Reseller:1').toString('base64url') } });
      expect(wrongType.siteUpdate.userErrors[0]).toMatchObject({ field: ['input', 'id'], code: 'INVALID' });
    });

    it('refuses to delete a site with equipment or basestations, and deletes an empty one', async () => {
      const shandon = await ok<{ sites: { nodes: { id: string; legacyId: number }[] } }>('{ sites(filter: { name: "Shandon" }) { nodes { id legacyId } } }');
      const refused = await ok<{ siteDelete: { deletedId: string | null; userErrors: { message: string; code: string }[] } }>(remove, { id: shandon.sites.nodes[0]!.id });
      expect(refused.siteDelete.deletedId).toBeNull();
      expect(refused.siteDelete.userErrors[0]!.code).toBe('PRECONDITION_FAILED');
      expect(refused.siteDelete.userErrors[0]!.message).toMatch(/4 piece\(s\) of equipment.*3 basestation/);
      expect(await one(sql`select count(*)::int as n from sites where id = ${shandon.sites.nodes[0]!.legacyId}`)).toBe(1);

      // only equipment attached (the warehouse gets a device): still refused
      const warehouse = await ok<{ sites: { nodes: { id: string; legacyId: number }[] } }>('{ sites(filter: { siteType: [WAREHOUSE] }) { nodes { id legacyId } } }');
      const w = warehouse.sites.nodes[0]!;
      await t.database.handle.db.execute(sql`insert into equipment (operator_id, nickname, site_id) select operator_id, 'STOCK-1', id from sites where id = ${w.legacyId}`);
      const stocked = await ok<{ siteDelete: { userErrors: { message: string }[] } }>(remove, { id: w.id });
      expect(stocked.siteDelete.userErrors[0]!.message).toMatch(/1 piece\(s\) of equipment/);
      expect(stocked.siteDelete.userErrors[0]!.message).not.toMatch(/basestation/);

      const made = await ok<{ siteCreate: Payload }>(create, { input: { name: 'Short-lived Mast' } });
      const id = made.siteCreate.site!.id as string;
      const deleted = await ok<{ siteDelete: { deletedId: string; userErrors: unknown[] } }>(remove, { id });
      expect(deleted.siteDelete).toEqual({ deletedId: id, userErrors: [] });
      const gone = await ok<{ node: null }>('query($id: ID!) { node(id: $id) { id } }', { id });
      expect(gone.node).toBeNull();
      expect(await one(sql`select count(*)::int as n from audit_log where action = 'site.delete' and entity_id = ${made.siteCreate.site!.legacyId as number}`)).toBe(1);
    });
  });

  it("keeps operators apart: another operator sees none of the demo network, RADIUS, tickets or resellers", async () => {
    const { generateOperator } = await import('../../src/db/seed/generator');
    const { token: otherToken } = await generateOperator(t.database.handle.db, { operatorCode: 'net-other', customers: 6 });
    const mine = await ok<{ sites: { nodes: { id: string; legacyId: number }[] }; resellers: { nodes: { id: string; legacyId: number }[] }; radiusSessions: { nodes: { id: string }[] }; equipment: { nodes: { id: string; legacyId: number }[] } }>(
      '{ sites(first: 1) { nodes { id legacyId } } resellers(first: 1) { nodes { id legacyId } } radiusSessions(first: 1) { nodes { id } } equipment(first: 1) { nodes { id legacyId } } }',
    );
    // one demo object of every node type
    const ids: string[] = [];
    for (const [type, table, idColumn = 'id'] of NODE_TYPES) {
      const [row] = await q<{ id: number }>(
        t.database.handle.db,
        sql`select min(x.${sql.identifier(idColumn)})::int as id from ${sql.identifier(table)} x join operators o on o.id = x.operator_id where o.code = 'demo'`,
      );
      ids.push(Buffer.from(`${type}:${row!.id}`).toString('base64url'));
    }
    const visible = await ok<{ nodes: unknown[] }>('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids });
    expect(visible.nodes.every((n) => n !== null)).toBe(true);
    const theirs = await ok<{
      sites: { totalCount: number; nodes: { name: string }[] };
      resellers: { totalCount: number; nodes: { code: string }[] };
      radiusSessions: { totalCount: number };
      maintenanceTickets: { totalCount: number };
      gateways: { name: string }[];
      areas: { name: string }[];
      nodes: unknown[];
      site: unknown;
      reseller: unknown;
      equipmentItem: unknown;
      demoSite: { totalCount: number };
    }>(
      `query($ids: [ID!]!, $site: Int!, $reseller: Int!, $eq: Int!, $siteId: ID!) {
        sites(first: 100) { totalCount nodes { name } } resellers(first: 100) { totalCount nodes { code } }
        radiusSessions { totalCount } maintenanceTickets { totalCount } gateways { name } areas { name }
        nodes(ids: $ids) { id } site(legacyId: $site) { id } reseller(legacyId: $reseller) { id } equipmentItem(legacyId: $eq) { id }
        demoSite: equipment(filter: { siteId: $siteId }) { totalCount }
      }`,
      { ids, site: mine.sites.nodes[0]!.legacyId, reseller: mine.resellers.nodes[0]!.legacyId, eq: mine.equipment.nodes[0]!.legacyId, siteId: mine.sites.nodes[0]!.id },
      otherToken,
    );
    const opId = await one(sql`select id as n from operators where code = 'net-other'`);
    expect(theirs.sites.totalCount).toBe(await one(sql`select count(*)::int as n from sites where operator_id = ${opId}`));
    expect(theirs.sites.nodes.every((s) => s.name.startsWith('net-other'))).toBe(true);
    expect(theirs.resellers.nodes.every((r) => r.code.startsWith('net-other'))).toBe(true);
    expect(theirs.radiusSessions.totalCount).toBe(await one(sql`select count(*)::int as n from radacct where operator_id = ${opId}`));
    expect(theirs.maintenanceTickets.totalCount).toBe(await one(sql`select count(*)::int as n from maintenance_tickets where operator_id = ${opId}`));
    expect(theirs.gateways).toHaveLength(2);
    expect(theirs.areas).toHaveLength(3);
    expect(theirs.nodes).toEqual(NODE_TYPES.map(() => null));
    expect([theirs.site, theirs.reseller, theirs.equipmentItem]).toEqual([null, null, null]);
    expect(theirs.demoSite.totalCount).toBe(0);

    // and cannot change them
    const update = await ok<{ siteUpdate: { userErrors: { code: string }[] }; resellerWalletAdjust: { userErrors: { code: string }[] }; siteDelete: { userErrors: { code: string }[] } }>(
      `mutation($site: ID!, $reseller: ID!) {
        siteUpdate(input: { id: $site, name: "Hijacked" }) { userErrors { code } }
        siteDelete(input: { id: $site }) { userErrors { code } }
        resellerWalletAdjust(input: { resellerId: $reseller, action: TOP_UP, amount: "5.00" }) { userErrors { code } }
      }`,
      { site: mine.sites.nodes[0]!.id, reseller: mine.resellers.nodes[0]!.id },
      otherToken,
    );
    expect(update.siteUpdate.userErrors[0]!.code).toBe('NOT_FOUND');
    expect(update.siteDelete.userErrors[0]!.code).toBe('NOT_FOUND');
    expect(update.resellerWalletAdjust.userErrors[0]!.code).toBe('NOT_FOUND');
    expect(await one(sql`select count(*)::int as n from sites where name = 'Hijacked'`)).toBe(0);
  });
});
