/**
 * SIMPLer site, CPE and basestation operations over SOAP and REST/JSON: addSite, modifySite,
 * deleteSite, addCPE, modifyCPE, deleteCPE, getCPEData, addBasestation, modifyBasestation,
 * deleteBasestation. Effects are read back through the GraphQL graph (or SQL where it has none).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enabledEngines } from '../helpers/engines';
import { startTestApp, type TestApp } from '../helpers/app';
import { rows } from '../helpers/sql';
import { callText, children, DIALECTS, leaves, rest, soap, xmlResult, type Dialect } from '../helpers/simpler';

interface SiteView {
  name: string;
  wibNumber: number | null;
  contactName: string | null;
  latitude: number | null;
  longitude: number | null;
  email: string | null;
  maintenanceInterval: string;
  status: string;
  siteType: string | null;
  maintenanceEnabled: boolean;
  frequency: string | null;
  height: string | null;
  towerType: string | null;
  accessLatitude: number | null;
  accessLongitude: number | null;
  nextMaintenanceDate: string | null;
  street1: string | null;
  city: string | null;
  state: string | null;
  country: string | null;
  poNumber: string | null;
}

const SITE_FIELDS = `name wibNumber contactName coordinates { latitude longitude } email maintenanceInterval status siteType maintenanceEnabled frequency height
  towerType accessCoordinates { latitude longitude } nextMaintenanceDate address { street1 town state country } poNumber`;

type GeoPoint = { latitude: number; longitude: number } | null;
type SiteGraph = Omit<SiteView, 'latitude' | 'longitude' | 'accessLatitude' | 'accessLongitude' | 'street1' | 'city' | 'state' | 'country'> & {
  coordinates: GeoPoint;
  accessCoordinates: GeoPoint;
  address: { street1: string | null; town: string | null; state: string | null; country: string | null };
};

/** The graph's site in the legacy operation's terms (city is the address's town). */
function siteView(graph: SiteGraph): SiteView {
  const { coordinates, accessCoordinates, address, ...rest } = graph;
  return {
    ...rest,
    latitude: coordinates?.latitude ?? null,
    longitude: coordinates?.longitude ?? null,
    accessLatitude: accessCoordinates?.latitude ?? null,
    accessLongitude: accessCoordinates?.longitude ?? null,
    street1: address.street1,
    city: address.town,
    state: address.state,
    country: address.country,
  };
}

describe.each(enabledEngines())('SIMPLer network operations on %s', (engine) => {
  let t: TestApp;
  let seq = 0;
  const unique = (label: string) => `${label}-${++seq}`;

  const count = async (table: string) => {
    const [row] = await rows<{ n: number }>(t.database.handle.db, sql`select count(*)::int as n from ${sql.identifier(table)}`);
    return Number(row!.n);
  };

  const site = async (legacyId: number) => {
    const graph = (await t.gql<{ site: SiteGraph | null }>(`query($id: Int) { site(legacyId: $id) { ${SITE_FIELDS} } }`, { id: legacyId })).data.site;
    return graph && siteView(graph);
  };

  /** A fresh device in stock, for CPE and basestation tests. */
  const newDevice = async (dialect: Dialect) => {
    const reply = await callText(dialect, t.url, 'addEquipment', { nickname: unique(`dev-${dialect}`), type: 'nanostationsm' });
    expect(reply).toMatch(/^OK: \d+$/);
    return Number(reply.slice(4));
  };

  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(() => t.stop());

  // ------------------------------------------------------------ sites

  describe.each(DIALECTS)('sites over %s', (dialect) => {
    it('addSite stores every documented field and answers OK:<siteid>', async () => {
      const name = unique(`Knockmealdown Mast ${dialect}`);
      const reply = await callText(dialect, t.url, 'addSite', {
        sitename: name,
        wibid: 100,
        contactname: 'Mary Walsh',
        gpsx: '-7.9',
        gpsy: '52.25',
        email: 'mast@example.com',
        interval: 2,
        status: 2,
        sitetype: 'network',
        maintenanceOption: 1,
        frequency: '5800',
        height: '35.5',
        towertype: 'Guided Tower',
        accessgpsx: '-7.9001',
        accessgpsy: '52.2501',
        nextmaintenancedate: '2027-03-01',
        street1: '1 Mast Road',
        city: 'Albany',
        state: 'new york',
        country: 'United States',
        ponumber: 'PO-77',
      });
      expect(reply).toMatch(/^OK:\d+$/);
      expect(await site(Number(reply.slice(3)))).toEqual({
        name,
        wibNumber: 100,
        contactName: 'Mary Walsh',
        latitude: 52.25,
        longitude: -7.9,
        email: 'mast@example.com',
        maintenanceInterval: 'SEMI_ANNUALLY',
        status: 'PRODUCTION',
        siteType: 'NETWORK',
        maintenanceEnabled: true,
        frequency: '5800',
        height: '35.5',
        towerType: 'GUIDED_TOWER',
        accessLatitude: 52.2501,
        accessLongitude: -7.9001,
        nextMaintenanceDate: '2027-03-01',
        street1: '1 Mast Road',
        city: 'Albany',
        state: 'New York',
        country: 'United States',
        poNumber: 'PO-77',
      });
    });

    it('addSite with only a name takes the defaults; empty parameters count as not sent', async () => {
      const reply = await callText(dialect, t.url, 'addSite', { sitename: unique(`Bare ${dialect}`), interval: '', status: '', city: '' });
      const row = await site(Number(reply.slice(3)));
      expect(row).toMatchObject({ maintenanceInterval: 'NONE', status: 'POTENTIAL', maintenanceEnabled: false, city: null, siteType: null });
    });

    it('addSite refuses bad input with every problem and stores nothing', async () => {
      const before = await count('sites');
      expect(await callText(dialect, t.url, 'addSite', { city: 'Cork' })).toBe('ERROR: sitename is required');
      expect(await callText(dialect, t.url, 'addSite', { sitename: 'X', interval: 5, sitetype: 'Castle', nextmaintenancedate: '2027-02-30' })).toBe(
        'ERROR: interval: must be one of 0, 1, 2, 3 (got "5"); sitetype: must be one of Network, Warehouse, Installer (got "Castle"); ' +
          'nextmaintenancedate: not a real date: "2027-02-30" (YYYY-MM-DD)',
      );
      expect(await callText(dialect, t.url, 'addSite', { sitename: 'X', nextmaintenancedate: '01/03/2027' })).toBe(
        'ERROR: nextmaintenancedate: expected a date as YYYY-MM-DD (got "01/03/2027")',
      );
      expect(await callText(dialect, t.url, 'addSite', { sitename: 'X', towertype: 'Igloo' })).toMatch(/^ERROR: towertype: must be one of Building, Grain, Guided Tower/);
      expect(await callText(dialect, t.url, 'addSite', { sitename: 'X', state: 'NY', country: 'IE' })).toBe(
        'ERROR: "NY" is not a full US state name (abbreviations are not accepted); "IE" is not a full country name (codes are not accepted)',
      );
      expect(await callText(dialect, t.url, 'addSite', { sitename: 'X', wibid: 999, gpsy: '95' })).toBe(
        'ERROR: latitude must be a number from -90 to 90; no gateway has WIB number 999',
      );
      expect(await callText(dialect, t.url, 'addSite', { sitename: 'X', email: 'not-mail' })).toBe('ERROR: "not-mail" is not an e-mail address');
      expect(await callText(dialect, t.url, 'addSite', { sitename: 'Shandon Tower' })).toBe('ERROR: a site named "Shandon Tower" already exists');
      expect(await callText(dialect, t.url, 'addSite', { sitename: 'X', email: 'not-mail', colour: 'red' })).toBe('ERROR: "not-mail" is not an e-mail address');
      expect(await count('sites')).toBe(before);
    });

    it('modifySite changes the sent fields, clears those sent empty and answers OK:<siteid>', async () => {
      const id = Number((await callText(dialect, t.url, 'addSite', { sitename: unique(`Mod ${dialect}`), city: 'Cork', ponumber: 'PO-1', status: 1 })).slice(3));
      const newName = unique(`Modified ${dialect}`);
      expect(await callText(dialect, t.url, 'modifySite', { siteid: id, sitename: newName, status: 3, interval: 3, towertype: 'water tower', city: '', state: 'Texas' })).toBe(`OK:${id}`);
      expect(await site(id)).toMatchObject({ name: newName, status: 'DECOMMISSIONED', maintenanceInterval: 'ANNUALLY', towerType: 'WATER_TOWER', city: null, state: 'Texas', poNumber: 'PO-1' });
    });

    it('modifySite refuses unknown sites, clearing status and bad values, changing nothing', async () => {
      const id = Number((await callText(dialect, t.url, 'addSite', { sitename: unique(`Keep ${dialect}`), status: 2 })).slice(3));
      const before = await site(id);
      expect(await callText(dialect, t.url, 'modifySite', { siteid: 999999, city: 'Cork' })).toBe('ERROR: site 999999 does not exist');
      expect(await callText(dialect, t.url, 'modifySite', { city: 'Cork' })).toBe('ERROR: siteid is required');
      expect(await callText(dialect, t.url, 'modifySite', { siteid: id, status: '', sitename: '' })).toBe('ERROR: site name is required; status cannot be removed');
      expect(await callText(dialect, t.url, 'modifySite', { siteid: id, sitename: 'Shandon Tower' })).toBe('ERROR: a site named "Shandon Tower" already exists');
      expect(await callText(dialect, t.url, 'modifySite', { siteid: id, state: 'TX', city: 'Austin' })).toBe(
        'ERROR: "TX" is not a full US state name (abbreviations are not accepted)',
      );
      expect(await site(id)).toEqual(before);
    });

    it('deleteSite deletes an empty site and refuses one with equipment or basestations', async () => {
      const id = Number((await callText(dialect, t.url, 'addSite', { sitename: unique(`Gone ${dialect}`) })).slice(3));
      expect(await callText(dialect, t.url, 'deleteSite', { siteid: id })).toBe('OK');
      expect(await site(id)).toBeNull();
      expect(await callText(dialect, t.url, 'deleteSite', { siteid: id })).toBe(`ERROR: site ${id} does not exist`);

      const [busy] = await rows<{ id: number }>(t.database.handle.db, sql`select id from sites where name = 'Shandon Tower'`);
      expect(await callText(dialect, t.url, 'deleteSite', { siteid: busy!.id })).toBe(
        `ERROR: site ${busy!.id} cannot be deleted: 4 piece(s) of equipment are assigned to it; 3 basestation(s) stand on it`,
      );
      expect(await site(busy!.id)).not.toBeNull();
      expect(await callText(dialect, t.url, 'deleteSite', {})).toBe('ERROR: siteid is required');
    });
  });

  // ------------------------------------------------------------ CPE

  interface CpeView {
    legacyId: number;
    latitude: number | null;
    longitude: number | null;
    distance: string | null;
    colour: string | null;
    frequency: string | null;
    installedBy: string | null;
    dishInstalled: boolean;
    groundingCompleted: boolean;
    additionalInfo: string[];
    equipment: { legacyId: number } | null;
    customer: { legacyId: number } | null;
  }
  const CPE_FIELDS = 'legacyId coordinates { latitude longitude } distance colour frequency installedBy dishInstalled groundingCompleted additionalInfo equipment { legacyId } customer { legacyId }';

  type CpeGraph = Omit<CpeView, 'latitude' | 'longitude'> & { coordinates: GeoPoint };
  const cpesOf = async (customerId: number) =>
    (await t.gql<{ customer: { cpes: CpeGraph[] } }>(`query($id: Int) { customer(legacyId: $id) { cpes { ${CPE_FIELDS} } } }`, { id: customerId })).data.customer.cpes.map(
      ({ coordinates, ...rest }): CpeView => ({ ...rest, latitude: coordinates?.latitude ?? null, longitude: coordinates?.longitude ?? null }),
    );

  describe.each(DIALECTS)('CPE over %s', (dialect) => {
    it('addCPE installs a device at a customer and answers OK :<cpe id>', async () => {
      const device = await newDevice(dialect);
      const reply = await callText(dialect, t.url, 'addCPE', {
        equipid: device,
        customerid: 20,
        gpsx: '-8.47',
        gpsy: '51.9',
        distance: '2.5',
        colour: 'grey',
        frequency: '5 GHz',
        installedby: 'Tom',
        dishinstalled: 't',
        groundingcompleted: 'f',
        additionalinfo: 'gable wall',
      });
      expect(reply).toMatch(/^OK :\d+$/);
      const id = Number(reply.slice(4));
      expect((await cpesOf(20)).find((c) => c.legacyId === id)).toEqual({
        legacyId: id,
        latitude: 51.9,
        longitude: -8.47,
        distance: '2.5',
        colour: 'grey',
        frequency: '5 GHz',
        installedBy: 'Tom',
        dishInstalled: true,
        groundingCompleted: false,
        additionalInfo: ['gable wall'],
        equipment: { legacyId: device },
        customer: { legacyId: 20 },
      });
    });

    it('addCPE refuses missing, malformed, unknown and busy references, storing nothing', async () => {
      const device = await newDevice(dialect);
      const before = await count('cpes');
      expect(await callText(dialect, t.url, 'addCPE', { equipid: device })).toBe('ERROR: customerid is required');
      expect(await callText(dialect, t.url, 'addCPE', { equipid: 'x', customerid: 20, dishinstalled: 'maybe' })).toBe(
        'ERROR: equipid: expected a whole number (got "x"); dishinstalled: expected 1 or 0 (got "maybe")',
      );
      expect(await callText(dialect, t.url, 'addCPE', { equipid: 999999, customerid: 999999 })).toBe(
        'ERROR: equipment 999999 does not exist; customer 999999 does not exist',
      );
      const [ap] = await rows<{ equipment_id: number; id: number }>(t.database.handle.db, sql`select equipment_id, id from basestations order by id limit 1`);
      expect(await callText(dialect, t.url, 'addCPE', { equipid: ap!.equipment_id, customerid: 20 })).toBe(
        `ERROR: equipment ${ap!.equipment_id} is already basestation ${ap!.id}`,
      );
      expect(await callText(dialect, t.url, 'addCPE', { equipid: device, customerid: 20, gpsy: '123' })).toBe('ERROR: latitude must be a number from -90 to 90');
      expect(await count('cpes')).toBe(before);
    });

    it('modifyCPE changes the sent fields and clears those sent empty; deleteCPE removes the record only', async () => {
      const device = await newDevice(dialect);
      const id = Number((await callText(dialect, t.url, 'addCPE', { equipid: device, customerid: 21, colour: 'white', installedby: 'Ann' })).slice(4));
      expect(await callText(dialect, t.url, 'modifyCPE', { cpeid: id, customerid: 22, colour: '', distance: '4.25', groundingcompleted: 1 })).toBe('OK');
      expect(await cpesOf(21)).not.toContainEqual(expect.objectContaining({ legacyId: id }));
      expect((await cpesOf(22)).find((c) => c.legacyId === id)).toMatchObject({ colour: null, installedBy: 'Ann', distance: '4.25', groundingCompleted: true, customer: { legacyId: 22 } });

      expect(await callText(dialect, t.url, 'deleteCPE', { cpeid: id })).toBe('OK');
      expect(await cpesOf(22)).not.toContainEqual(expect.objectContaining({ legacyId: id }));
      const device_ = await t.gql<{ equipmentItem: { cpe: unknown } | null }>(`query($id: Int) { equipmentItem(legacyId: $id) { cpe { legacyId } } }`, { id: device });
      expect(device_.data.equipmentItem).toEqual({ cpe: null });
      expect(await callText(dialect, t.url, 'deleteCPE', { cpeid: id })).toBe(`ERROR: CPE ${id} does not exist`);
    });

    it('modifyCPE refuses unknown records, busy devices and cleared flags, changing nothing', async () => {
      const device = await newDevice(dialect);
      const id = Number((await callText(dialect, t.url, 'addCPE', { equipid: device, customerid: 23, colour: 'white' })).slice(4));
      const before = await cpesOf(23);
      const [other] = await rows<{ equipment_id: number; id: number }>(t.database.handle.db, sql`select equipment_id, id from cpes where id <> ${id} order by id limit 1`);
      expect(await callText(dialect, t.url, 'modifyCPE', { cpeid: 999999, colour: 'red' })).toBe('ERROR: CPE 999999 does not exist');
      expect(await callText(dialect, t.url, 'modifyCPE', { colour: 'red' })).toBe('ERROR: cpeid is required');
      expect(await callText(dialect, t.url, 'modifyCPE', { cpeid: id, equipid: other!.equipment_id, colour: 'red' })).toBe(
        `ERROR: equipment ${other!.equipment_id} is already CPE ${other!.id}`,
      );
      expect(await callText(dialect, t.url, 'modifyCPE', { cpeid: id, dishinstalled: '', colour: 'red' })).toBe('ERROR: dish installed cannot be removed (give true or false)');
      expect(await callText(dialect, t.url, 'modifyCPE', { cpeid: id, customerid: '' })).toBe('ERROR: cannot be removed');
      expect(await cpesOf(23)).toEqual(before);
    });
  });

  describe('getCPEData', () => {
    let customerId: number;
    let expected: { cpeId: number; equipmentId: number; nickname: string; ip: string; mac: string; serial: string }[];

    beforeAll(async () => {
      const found = await rows<{ customer_id: number }>(t.database.handle.db, sql`select customer_id from cpes order by id limit 1`);
      customerId = found[0]!.customer_id;
      expected = (
        await rows<{ id: number; equipment_id: number; nickname: string; ip: string; mac: string; serial_number: string }>(
          t.database.handle.db,
          sql`select c.id, c.equipment_id, e.nickname, host(e.ip_address) as ip, e.mac::text as mac, e.serial_number
              from cpes c join equipment e on e.id = c.equipment_id where c.customer_id = ${customerId} order by c.id`,
        )
      ).map((r) => ({ cpeId: r.id, equipmentId: r.equipment_id, nickname: r.nickname, ip: r.ip, mac: r.mac, serial: r.serial_number }));
    });

    it("returns a customer's CPE as a cpeDataRoot document over SOAP", async () => {
      const reply = await soap(t.url, 'getCPEData', { customerid: customerId });
      const doc = xmlResult(reply.result!);
      expect(doc.local).toBe('cpeDataRoot');
      const records = children(doc, 'cpe');
      expect(records.map((r) => Number(r.attributes.find((a) => a.local === 'id')!.value))).toEqual(expected.map((e) => e.cpeId));
      const first = leaves(records[0]!);
      const graph = (await cpesOf(customerId)).find((c) => c.legacyId === expected[0]!.cpeId)!;
      expect(first).toMatchObject({
        id: String(expected[0]!.cpeId),
        equipid: String(expected[0]!.equipmentId),
        customerid: String(customerId),
        nickname: expected[0]!.nickname,
        ipaddress: expected[0]!.ip,
        macaddress: expected[0]!.mac.toUpperCase(),
        serialnumber: expected[0]!.serial,
        status: 'use',
        colour: graph.colour ?? '',
        installedby: graph.installedBy ?? '',
        dishinstalled: graph.dishInstalled ? 't' : 'f',
        groundingcompleted: graph.groundingCompleted ? 't' : 'f',
      });
      expect(Number(first.gpsx)).toBe(graph.longitude);
      expect(Number(first.gpsy)).toBe(graph.latitude);
      expect(first.date_added).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
      const info = children(records[0]!, 'additionalinfo')[0]!;
      expect(children(info, 'info').map((i) => i.text)).toEqual(graph.additionalInfo);
    });

    it('returns the same data as { cpes: [...] } over REST, with string values', async () => {
      const reply = await rest(t.url, 'getCPEData', { customerid: customerId });
      const result = reply.result as { cpes: Record<string, unknown>[] };
      expect(result.cpes.map((c) => c.id)).toEqual(expected.map((e) => String(e.cpeId)));
      expect(result.cpes[0]).toMatchObject({ equipid: String(expected[0]!.equipmentId), customerid: String(customerId), nickname: expected[0]!.nickname, ipaddress: expected[0]!.ip });
      expect(Array.isArray(result.cpes[0]!.additionalinfo)).toBe(true);
      for (const [key, value] of Object.entries(result.cpes[0]!)) if (key !== 'additionalinfo') expect(typeof value, key).toBe('string');
    });

    it('narrows by device id, nickname, address, serial number and MAC', async () => {
      const target = expected[0]!;
      const ids = async (params: Record<string, string | number>) => ((await rest(t.url, 'getCPEData', params)).result as { cpes: { id: string }[] }).cpes.map((c) => Number(c.id));
      expect(await ids({ equipid: target.equipmentId })).toEqual([target.cpeId]);
      expect(await ids({ nickname: target.nickname.toLowerCase() })).toContain(target.cpeId);
      expect(await ids({ ipaddress: target.ip })).toEqual([target.cpeId]);
      expect(await ids({ serialnumber: target.serial })).toEqual([target.cpeId]);
      expect(await ids({ macaddress: target.mac.replace(/:/g, '-').toUpperCase() })).toEqual([target.cpeId]);
      expect(await ids({ customerid: customerId, nickname: 'no-such-device' })).toEqual([]);
      const all = await ids({});
      expect(all.length).toBe(await count('cpes'));
    });

    it.each(DIALECTS)('refuses unknown ids and malformed filters over %s', async (dialect) => {
      expect(await callText(dialect, t.url, 'getCPEData', { customerid: 999999 })).toBe('ERROR: customer 999999 does not exist');
      expect(await callText(dialect, t.url, 'getCPEData', { equipid: 999999 })).toBe('ERROR: equipment 999999 does not exist');
      expect(await callText(dialect, t.url, 'getCPEData', { ipaddress: '10.0.0.300' })).toBe('ERROR: "10.0.0.300" is not a valid IP address');
      expect(await callText(dialect, t.url, 'getCPEData', { customerid: 'abc' })).toBe('ERROR: customerid: expected a whole number (got "abc")');
    });
  });

  // ------------------------------------------------------------ basestations

  interface BasestationView {
    legacyId: number;
    sector: string | null;
    direction: string | null;
    colour: string | null;
    frequency: string | null;
    installed: string | null;
    note: string | null;
    monitor: string;
    gateway: { legacyId: number } | null;
    site: { legacyId: number } | null;
  }
  const basestationOf = async (device: number) =>
    (
      await t.gql<{ equipmentItem: { basestation: BasestationView | null } }>(
        `query($id: Int) { equipmentItem(legacyId: $id) { basestation { legacyId sector direction colour frequency installed note monitor gateway { legacyId } site { legacyId } } } }`,
        { id: device },
      )
    ).data.equipmentItem.basestation;

  describe.each(DIALECTS)('basestations over %s', (dialect) => {
    let siteId: number;
    let gatewayId: number;

    beforeAll(async () => {
      siteId = Number((await callText(dialect, t.url, 'addSite', { sitename: unique(`AP site ${dialect}`) })).slice(3));
      const [gw] = await rows<{ id: number }>(t.database.handle.db, sql`select id from gateways order by id limit 1`);
      gatewayId = gw!.id;
    });

    it('addBasestation mounts a device on a site and answers OK :<basestation id>', async () => {
      const device = await newDevice(dialect);
      const reply = await callText(dialect, t.url, 'addBasestation', {
        equipid: device,
        siteid: siteId,
        sector: 'NE',
        direction: '45',
        colour: 'red',
        frequency: '5500',
        installed: '2024-06-01',
        note: 'new sector',
        gatewayid: gatewayId,
        monitor: 'monitor+sms',
      });
      expect(reply).toMatch(/^OK :\d+$/);
      expect(await basestationOf(device)).toEqual({
        legacyId: Number(reply.slice(4)),
        sector: 'NE',
        direction: '45',
        colour: 'red',
        frequency: '5500',
        installed: '2024-06-01',
        note: 'new sector',
        monitor: 'MONITOR_SMS',
        gateway: { legacyId: gatewayId },
        site: { legacyId: siteId },
      });
    });

    it('addBasestation refuses missing, unknown and busy references and bad monitor modes, storing nothing', async () => {
      const device = await newDevice(dialect);
      const before = await count('basestations');
      expect(await callText(dialect, t.url, 'addBasestation', { equipid: device })).toBe('ERROR: siteid is required');
      expect(await callText(dialect, t.url, 'addBasestation', { equipid: device, siteid: siteId, monitor: 'always' })).toBe(
        'ERROR: monitor: must be one of monitor, no monitor, monitor+sms, monitor no alert (got "always")',
      );
      expect(await callText(dialect, t.url, 'addBasestation', { equipid: device, siteid: 999999, gatewayid: 999999 })).toBe(
        'ERROR: site 999999 does not exist; gateway 999999 does not exist',
      );
      const [cpe] = await rows<{ equipment_id: number; id: number }>(t.database.handle.db, sql`select equipment_id, id from cpes order by id limit 1`);
      expect(await callText(dialect, t.url, 'addBasestation', { equipid: cpe!.equipment_id, siteid: siteId })).toBe(
        `ERROR: equipment ${cpe!.equipment_id} is already CPE ${cpe!.id}`,
      );
      expect(await count('basestations')).toBe(before);
    });

    it('modifyBasestation changes and clears fields; deleteBasestation removes the record and frees the site', async () => {
      const device = await newDevice(dialect);
      const id = Number((await callText(dialect, t.url, 'addBasestation', { equipid: device, siteid: siteId, sector: 'S', note: 'x', gatewayid: gatewayId })).slice(4));
      expect(await callText(dialect, t.url, 'modifyBasestation', { basestationid: id, equipid: device, sector: 'SW', note: '', gatewayid: '', monitor: 'no monitor' })).toBe('OK');
      expect(await basestationOf(device)).toMatchObject({ legacyId: id, sector: 'SW', note: null, gateway: null, monitor: 'NO_MONITOR', site: { legacyId: siteId } });

      const before = await basestationOf(device);
      expect(await callText(dialect, t.url, 'modifyBasestation', { basestationid: id, sector: 'N' })).toBe('ERROR: equipid is required');
      expect(await callText(dialect, t.url, 'modifyBasestation', { basestationid: 999999, equipid: device })).toBe('ERROR: basestation 999999 does not exist');
      expect(await callText(dialect, t.url, 'modifyBasestation', { basestationid: id, equipid: device, siteid: 999999 })).toBe('ERROR: site 999999 does not exist');
      expect(await callText(dialect, t.url, 'modifyBasestation', { basestationid: id, equipid: device, monitor: '' })).toMatch(/^ERROR: monitor must be one of/);
      expect(await basestationOf(device)).toEqual(before);

      expect(await callText(dialect, t.url, 'deleteBasestation', { basestationid: id })).toBe('OK');
      expect(await basestationOf(device)).toBeNull();
      expect(await callText(dialect, t.url, 'deleteBasestation', { basestationid: id })).toBe(`ERROR: basestation ${id} does not exist`);
    });
  });
});
