/**
 * SIMPLer addIP, getIPData, generateIP and getInterfaceData over SOAP and REST/JSON: bindings
 * land on the customer (GraphQL `customer.ips`), generation draws free addresses from an
 * interface range and, when asked, saves them, sets them in RADIUS and queues the WIB file.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enabledEngines } from '../helpers/engines';
import { startTestApp, type TestApp } from '../helpers/app';
import { rows } from '../helpers/sql';
import { callText, child, children, DIALECTS, leaves, rest, soap, xmlResult, type Dialect, type Params } from '../helpers/simpler';
import type { ParsedElement } from '../../src/legacy/xml/parse';

interface GraphInterface {
  legacyId: number;
  name: string;
  role: string;
  label: string | null;
  network: string;
  gatewayAddress: string | null;
  startIp: string | null;
  numberOfIps: number | null;
  mask: string | null;
  broadcast: string | null;
}
interface GraphGateway {
  legacyId: number;
  wibNumber: number;
  interfaces: GraphInterface[];
}
interface GraphIp {
  legacyId: number;
  ip: string | null;
  mac: string | null;
  macRestrict: boolean;
  label: string | null;
  isPublic: boolean;
  dhcpOptions: string | null;
  radiusUsername: string | null;
  updateMacOnPortalLogin: boolean;
  gateway: { legacyId: number } | null;
  interface: { legacyId: number } | null;
}

function attr(element: ParsedElement, name: string): string | undefined {
  return element.attributes.find((a) => a.local === name)?.value;
}

const flag = (value: boolean) => (value ? '1' : '0');

/** A document operation's result through either dialect, as SIMPLer JSON (SOAP: the XML read back into it). */
async function documentCall(dialect: Dialect, url: string, operation: string, params: Params): Promise<unknown> {
  if (dialect === 'rest') return (await rest(url, operation, params)).result;
  const reply = await soap(url, operation, params);
  if (reply.fault) throw new Error(`SOAP fault: ${reply.fault.message}`);
  return reply.result!.startsWith('ERROR') ? reply.result : xmlResult(reply.result!);
}

describe.each(enabledEngines())('SIMPLer IPs and interfaces on %s', (engine) => {
  let t: TestApp;
  let gateways: GraphGateway[];
  /** The Cork gateway's public range and the Kerry one (small: 60 addresses). */
  let corkPublic: GraphInterface & { gatewayId: number };
  let kerryPublic: GraphInterface & { gatewayId: number };

  beforeAll(async () => {
    t = await startTestApp(engine);
    const res = await t.gql<{ gateways: GraphGateway[] }>(
      `{ gateways { legacyId wibNumber interfaces { legacyId name role label network gatewayAddress startIp numberOfIps mask broadcast } } }`,
    );
    gateways = res.data.gateways;
    const all = gateways.flatMap((g) => g.interfaces.map((i) => ({ ...i, gatewayId: g.legacyId })));
    corkPublic = all.find((i) => i.network === '192.0.2.0/24')!;
    kerryPublic = all.find((i) => i.network === '198.51.100.0/26')!;
  });
  afterAll(() => t.stop());

  const db = () => t.database.handle.db;
  const count = async (table: string) => (await rows<{ n: number }>(db(), sql.raw(`select count(*)::int as n from ${table}`)))[0]!.n;
  const counts = async () => ({ ips: await count('customer_ips'), radreply: await count('radreply'), jobs: await count('background_jobs') });

  async function graphIps(customerId: number): Promise<GraphIp[]> {
    const res = await t.gql<{ customer: { ips: GraphIp[] } }>(
      `query($id: Int) { customer(legacyId: $id) { ips { legacyId ip mac macRestrict label isPublic dhcpOptions radiusUsername updateMacOnPortalLogin gateway { legacyId } interface { legacyId } } } }`,
      { id: customerId },
    );
    return res.data.customer.ips;
  }

  /** Customers with a RADIUS login and no addresses yet, one set per dialect. */
  async function customersWithLogin(): Promise<{ id: number; username: string }[]> {
    return rows<{ id: number; username: string }>(
      db(),
      sql`select c.id, min(r.username) as username from customers c join radius_accounts r on r.customer_id = c.id
          where not exists (select 1 from customer_ips i where i.customer_id = c.id) group by c.id order by c.id limit 4`,
    );
  }

  // ---------------------------------------------------------------- addIP / getIPData

  describe.each(DIALECTS)('addIP and getIPData over %s', (dialect) => {
    let customer: { id: number; username: string };
    const ip = dialect === 'soap' ? '192.0.2.200' : '192.0.2.201';
    const mac = dialect === 'soap' ? 'aa:bb:cc:00:00:01' : 'aa:bb:cc:00:00:02';

    beforeAll(async () => {
      customer = (await customersWithLogin())[dialect === 'soap' ? 0 : 1]!;
    });

    it('binds an address with all its attributes', async () => {
      const reply = await callText(dialect, t.url, 'addIP', {
        customerid: customer.id,
        ip,
        mac: mac.toUpperCase(),
        macrestrict: 1,
        label: 'Office router',
        type: 1,
        dhcpoptions: 'option 42',
        radius_username: customer.username,
        gatewayid: corkPublic.gatewayId,
        updateMAConEUPLogin: 1,
      });
      expect(reply).toBe('OK');
      expect(await graphIps(customer.id)).toEqual([
        expect.objectContaining({
          ip,
          mac,
          macRestrict: true,
          label: 'Office router',
          isPublic: true,
          dhcpOptions: 'option 42',
          radiusUsername: customer.username,
          updateMacOnPortalLogin: true,
          gateway: { legacyId: corkPublic.gatewayId },
          interface: { legacyId: corkPublic.legacyId },
        }),
      ]);
      // A MAC-only binding is allowed too.
      expect(await callText(dialect, t.url, 'addIP', { customerid: customer.id, mac: mac.replace(/..$/, 'ff') })).toBe('OK');
      expect(await graphIps(customer.id)).toHaveLength(2);
    });

    it('getIPData returns the bindings in the order they were added', async () => {
      const graph = await graphIps(customer.id);
      const expected = graph.map((g) => ({
        id: String(g.legacyId),
        ip: g.ip ?? '',
        mac: g.mac ?? '',
        macrestrict: flag(g.macRestrict),
        label: g.label ?? '',
        type: flag(g.isPublic),
        dhcpoptions: g.dhcpOptions ?? '',
        radius_username: g.radiusUsername ?? '',
        gatewayid: g.gateway ? String(g.gateway.legacyId) : '',
        interfaceid: g.interface ? String(g.interface.legacyId) : '',
        updateMAConEUPLogin: flag(g.updateMacOnPortalLogin),
      }));
      expect(expected[0]).toMatchObject({ ip, mac, macrestrict: '1', type: '1', label: 'Office router' });
      if (dialect === 'rest') {
        expect((await rest(t.url, 'getIPData', { customerid: customer.id })).result).toEqual({ customerid: String(customer.id), ips: expected });
      } else {
        const doc = xmlResult((await soap(t.url, 'getIPData', { customerid: customer.id })).result!);
        expect(doc.local).toBe('ipDataRoot');
        expect(attr(doc, 'customerid')).toBe(String(customer.id));
        expect(children(doc, 'ipentry').map((e) => ({ id: attr(e, 'id'), ...leaves(e) }))).toEqual(expected);
      }
    });

    it('getIPData of a customer without addresses is an empty document; unknown customers are refused', async () => {
      const [bare] = await rows<{ id: number }>(db(), sql`select id from customers c where not exists (select 1 from customer_ips i where i.customer_id = c.id) order by id desc limit 1`);
      if (dialect === 'rest') expect((await rest(t.url, 'getIPData', { customerid: bare!.id })).result).toEqual({ customerid: String(bare!.id), ips: [] });
      else expect(children(xmlResult((await soap(t.url, 'getIPData', { customerid: bare!.id })).result!), 'ipentry')).toEqual([]);
      expect(await callText(dialect, t.url, 'getIPData', { customerid: 99999 })).toBe('ERROR: customer 99999 does not exist');
      expect(await callText(dialect, t.url, 'getIPData', {})).toBe('ERROR: customerid is required');
      expect(await callText(dialect, t.url, 'getIPData', { customerid: '1.5' })).toBe('ERROR: customerid: expected a whole number (got "1.5")');
    });

    it('addIP refuses bad bindings and stores nothing', async () => {
      const before = await counts();
      const add = (params: Params) => callText(dialect, t.url, 'addIP', { customerid: customer.id, ...params });
      expect(await add({ ip })).toBe(`ERROR: IP ${ip} is already assigned to customer ${customer.id}`);
      expect(await add({ ip: '10.0.0' })).toBe('ERROR: "10.0.0" is not an IPv4 address');
      expect(await add({ mac: 'zz' })).toBe('ERROR: "zz" is not a MAC address');
      expect(await add({ label: 'nothing bound' })).toBe('ERROR: give an IP address, a MAC address or both');
      expect(await add({ ip: '192.0.2.230', gatewayid: 99999 })).toBe('ERROR: gateway 99999 does not exist');
      expect(await add({ ip: '192.0.2.230', radius_username: 'somebody-else' })).toBe(`ERROR: RADIUS username "somebody-else" is not one of customer ${customer.id}'s`);
      expect(await add({ ip: '192.0.2.230', macrestrict: 'maybe' })).toBe('ERROR: macrestrict: expected 1 or 0 (got "maybe")');
      expect(await callText(dialect, t.url, 'addIP', { ip: '192.0.2.230' })).toBe('ERROR: customerid is required');
      expect(await callText(dialect, t.url, 'addIP', { customerid: 99999, ip: '192.0.2.230' })).toBe('ERROR: customer 99999 does not exist');
      expect(await counts()).toEqual(before);
    });
  });

  // ---------------------------------------------------------------- generateIP

  interface Generation {
    wibnumber: string;
    iptype: string;
    ip: string[];
    quantity: string;
    gatewayid: string;
    generated: number;
    interfaceid: string[];
  }

  /** generateIP's reply as the documented JSON; over SOAP read back from the <customerSearchRoot> document. */
  async function generate(dialect: Dialect, params: Params): Promise<Generation | string> {
    const result = await documentCall(dialect, t.url, 'generateIP', params);
    if (typeof result === 'string' || dialect === 'rest') return result as Generation | string;
    const doc = result as ParsedElement;
    expect(doc.local).toBe('customerSearchRoot');
    // The vendor's element order: gatewayid, generated, interfaceid, ip…, iptype, quantity, wibnumber.
    expect([...new Set(doc.children.map((c) => c.local))]).toEqual(['gatewayid', 'generated', 'interfaceid', 'ip', 'iptype', 'quantity', 'wibnumber']);
    const text = (name: string) => child(doc, name)!.text;
    return {
      wibnumber: text('wibnumber'),
      iptype: text('iptype'),
      ip: children(doc, 'ip').map((i) => i.text),
      quantity: text('quantity'),
      gatewayid: text('gatewayid'),
      generated: Number(text('generated')),
      interfaceid: [text('interfaceid')],
    };
  }

  describe.each(DIALECTS)('generateIP over %s', (dialect) => {
    let customer: { id: number; username: string };

    beforeAll(async () => {
      customer = (await customersWithLogin())[dialect === 'soap' ? 2 : 3]!;
    });

    const wibOf = (gatewayId: number) => String(gateways.find((g) => g.legacyId === gatewayId)!.wibNumber);

    it('proposes free addresses without saving them', async () => {
      const before = await counts();
      const result = await generate(dialect, { customerid: customer.id, quantity: 3, iptype: 'Public', interface_id: corkPublic.legacyId });
      expect(result).toEqual({
        wibnumber: wibOf(corkPublic.gatewayId),
        iptype: 'Public',
        ip: expect.any(Array),
        quantity: '3',
        gatewayid: String(corkPublic.gatewayId),
        generated: 3,
        interfaceid: [String(corkPublic.legacyId)],
      });
      const ips = (result as Generation).ip;
      expect(ips).toHaveLength(3);
      // Consecutive, inside the range from startIp, never the network, gateway or broadcast address.
      for (const address of ips) {
        const last = Number(address.split('.')[3]);
        expect(address.startsWith('192.0.2.')).toBe(true);
        expect(last).toBeGreaterThanOrEqual(10);
        expect(last).toBeLessThan(250);
      }
      expect(await counts()).toEqual(before);
      // saveInDb=0 means off, not "defined".
      await generate(dialect, { customerid: customer.id, interface_id: corkPublic.legacyId, saveInDb: 0 });
      expect(await counts()).toEqual(before);
    });

    it('saves the addresses, sets them in RADIUS and queues the WIB update when asked', async () => {
      const before = await counts();
      const result = (await generate(dialect, { customerid: customer.id, iptype: 'public', interface_id: kerryPublic.legacyId, saveInDb: 1, syncRADIUS: 1, updateWIB: 1, updateMAConEUPLogin: 1 })) as Generation;
      expect(result).toMatchObject({ generated: 1, quantity: '1', iptype: 'Public', gatewayid: String(kerryPublic.gatewayId), wibnumber: wibOf(kerryPublic.gatewayId) });
      const [address] = result.ip;
      expect(address).toMatch(/^198\.51\.100\./);
      const saved = (await graphIps(customer.id)).find((i) => i.ip === address);
      expect(saved).toMatchObject({ isPublic: true, radiusUsername: customer.username, updateMacOnPortalLogin: true, interface: { legacyId: kerryPublic.legacyId }, gateway: { legacyId: kerryPublic.gatewayId } });
      const reply = await rows<{ value: string }>(db(), sql`select value from radreply where username = ${customer.username} and attribute = 'Framed-IP-Address'`);
      expect(reply.map((r) => r.value)).toEqual([address]);
      const [job] = await rows<{ kind: string; params: { gatewayId: number } }>(db(), sql`select kind, params from background_jobs order by id desc limit 1`);
      expect(job).toMatchObject({ kind: 'update_wib_files', params: { gatewayId: kerryPublic.gatewayId } });
      expect(await counts()).toEqual({ ips: before.ips + 1, radreply: before.radreply + 1, jobs: before.jobs + 1 });

      // The next generation skips the address now taken.
      const next = (await generate(dialect, { customerid: customer.id, interface_id: kerryPublic.legacyId, saveInDb: '' })) as Generation;
      expect(next.ip).toHaveLength(1);
      expect(next.ip[0]).not.toBe(address);
    });

    it("draws from the customer's gateway when no interface is given", async () => {
      const [onCork] = await rows<{ id: number }>(db(), sql`select id from customers where gateway_id = ${corkPublic.gatewayId} order by id limit 1`);
      const result = (await generate(dialect, { customerid: onCork!.id, iptype: 'Public' })) as Generation;
      expect(result.interfaceid).toEqual([String(corkPublic.legacyId)]);
    });

    it('refuses bad requests and changes nothing', async () => {
      const before = await counts();
      const gen = (params: Params) => callText(dialect, t.url, 'generateIP', { customerid: customer.id, interface_id: kerryPublic.legacyId, ...params });
      expect(await gen({ syncRADIUS: 1 })).toBe('ERROR: syncRADIUS needs save (saveInDb)');
      expect(await gen({ updateWIB: 1 })).toBe('ERROR: updateWIB needs save (saveInDb)');
      expect(await gen({ quantity: 0 })).toBe('ERROR: quantity must be a whole number from 1 to 1024');
      expect(await gen({ quantity: 'ten' })).toBe('ERROR: quantity: expected a whole number (got "ten")');
      expect(await gen({ iptype: 'Bogus' })).toBe('ERROR: iptype: must be one of Public, Private (got "Bogus")');
      expect(await gen({ interface_id: 99999 })).toBe('ERROR: interface 99999 does not exist');
      expect(await gen({ quantity: 100, saveInDb: 1 })).toMatch(new RegExp(`^ERROR: interface ${kerryPublic.legacyId} \\(198\\.51\\.100\\.0/26\\) has only \\d+ free addresses; 100 requested$`));
      expect(await gen({ customerid: 99999 })).toBe('ERROR: customer 99999 does not exist');
      expect(await callText(dialect, t.url, 'generateIP', { quantity: 1 })).toBe('ERROR: customerid is required');
      expect(await counts()).toEqual(before);
    });
  });

  // ---------------------------------------------------------------- getInterfaceData

  const ROLE = { CANOPY: 'Canopy', PUBLIC: 'Public', CUSTOMER: 'Customer', PRIVATE: 'Private' } as Record<string, string>;
  const expectedInterfaces = (filter: (gatewayId: number, i: GraphInterface) => boolean = () => true) =>
    gateways
      .flatMap((g) =>
        g.interfaces.filter((i) => filter(g.legacyId, i)).map((i) => ({
          networkaddress: i.network.split('/')[0],
          broadcast: i.broadcast ?? '',
          startip: i.startIp ?? '',
          gatewayid: String(g.legacyId),
          interface: i.name,
          numberip: i.numberOfIps == null ? '' : String(i.numberOfIps),
          label: i.label ?? '',
          id: String(i.legacyId),
          role: ROLE[i.role]!,
          mask: i.mask ?? '',
          gwaddress: i.gatewayAddress ?? '',
        })),
      )
      .sort((a, b) => Number(a.id) - Number(b.id));

  describe.each(DIALECTS)('getInterfaceData over %s', (dialect) => {
    const list = async (params: Params) => {
      const result = await documentCall(dialect, t.url, 'getInterfaceData', params);
      if (typeof result === 'string' || dialect === 'rest') return result;
      const doc = result as ParsedElement;
      expect(doc.local).toBe('interfaceDataRoot');
      return { interfaces: children(doc, 'interfaces').map(leaves) };
    };

    it('lists every interface range, or those of one gateway, or one', async () => {
      const all = expectedInterfaces();
      expect(all.length).toBeGreaterThanOrEqual(4);
      expect(all.find((i) => i.id === String(corkPublic.legacyId))).toEqual({
        networkaddress: '192.0.2.0',
        broadcast: '192.0.2.255',
        startip: '192.0.2.10',
        gatewayid: String(corkPublic.gatewayId),
        interface: 'eth2',
        numberip: '240',
        label: 'Public block',
        id: String(corkPublic.legacyId),
        role: 'Public',
        mask: '255.255.255.0',
        gwaddress: '192.0.2.1',
      });
      expect(await list({})).toEqual({ interfaces: all });
      expect(await list({ gatewayid: kerryPublic.gatewayId, quantity: '1' })).toEqual({ interfaces: expectedInterfaces((g) => g === kerryPublic.gatewayId) });
      expect(await list({ id: kerryPublic.legacyId })).toEqual({ interfaces: expectedInterfaces((_, i) => i.legacyId === kerryPublic.legacyId) });
      expect(await list({ id: kerryPublic.legacyId, gatewayid: corkPublic.gatewayId })).toEqual({ interfaces: [] });
    });

    it('refuses unknown interfaces and gateways', async () => {
      expect(await callText(dialect, t.url, 'getInterfaceData', { id: 99999 })).toBe('ERROR: interface 99999 does not exist');
      expect(await callText(dialect, t.url, 'getInterfaceData', { gatewayid: 99999 })).toBe('ERROR: gateway 99999 does not exist');
      expect(await callText(dialect, t.url, 'getInterfaceData', { gatewayid: 'main' })).toBe('ERROR: gatewayid: expected a whole number (got "main")');
    });
  });
});
