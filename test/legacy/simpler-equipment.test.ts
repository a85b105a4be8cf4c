/**
 * SIMPLer equipment operations over SOAP and REST/JSON: listEquipment, addEquipment,
 * modifyEquipment, addEquipmentLoginDetails, deleteEquipmentLoginDetails. Effects are read back
 * through the GraphQL graph, and through SQL for what the graph does not serve (custom fields,
 * SIM secrets, passwords).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enabledEngines } from '../helpers/engines';
import { startTestApp, type TestApp } from '../helpers/app';
import { rows } from '../helpers/sql';
import { callText, children, DIALECTS, leaves, rest, soap, xmlResult } from '../helpers/simpler';

const DOCUMENTED_KEYS = ['date_added', 'description', 'id', 'imsi', 'ipaddress', 'ki', 'macaddress', 'msisdn', 'nickname', 'opcode', 'serialnumber', 'sqn', 'status', 'type'];

interface EquipmentView {
  nickname: string;
  ipAddress: string | null;
  mac: string | null;
  description: string | null;
  serialNumber: string | null;
  status: string;
  type: string | null;
  typeLabel: string | null;
  invDetails: string | null;
  snmpCommunity: string | null;
  value: string | null;
  maintEmail: string | null;
  receiveDate: string | null;
  note: string | null;
  imsi: string | null;
  iccid: string | null;
  site: { legacyId: number } | null;
  parent: { legacyId: number } | null;
}
const EQUIPMENT_FIELDS = 'nickname ipAddress mac description serialNumber status type typeLabel invDetails snmpCommunity(reveal: true) value maintEmail receiveDate note imsi iccid site { legacyId } parent { legacyId }';

describe.each(enabledEngines())('SIMPLer equipment operations on %s', (engine) => {
  let t: TestApp;
  let seq = 0;
  const unique = (label: string) => `${label}-${++seq}`;
  let router: { id: number; nickname: string; ip: string; mac: string; serial: string; siteId: number };
  let firmwareFieldId: number;

  const db = () => t.database.handle.db;
  const count = async (table: string) => Number((await rows<{ n: number }>(db(), sql`select count(*)::int as n from ${sql.identifier(table)}`))[0]!.n);
  const item = async (id: number) =>
    (await t.gql<{ equipmentItem: EquipmentView | null }>(`query($id: Int) { equipmentItem(legacyId: $id) { ${EQUIPMENT_FIELDS} } }`, { id })).data.equipmentItem;

  beforeAll(async () => {
    t = await startTestApp(engine);
    const [r] = await rows<{ id: number; nickname: string; ip: string; mac: string; serial_number: string; site_id: number }>(
      db(),
      sql`select id, nickname, host(ip_address) as ip, mac::text as mac, serial_number, site_id from equipment where type = 'mikrotikrouter' order by id limit 1`,
    );
    router = { id: r!.id, nickname: r!.nickname, ip: r!.ip, mac: r!.mac, serial: r!.serial_number, siteId: r!.site_id };
    const [field] = await rows<{ id: number }>(db(), sql`select id from custom_fields where scope = 'equipment' order by id limit 1`);
    firmwareFieldId = field!.id;
  });
  afterAll(() => t.stop());

  // ------------------------------------------------------------ listEquipment

  describe('listEquipment', () => {
    it('returns every device as an <Equipment> document over SOAP, one <equipment id="…"> per record', async () => {
      const doc = xmlResult((await soap(t.url, 'listEquipment')).result!);
      expect(doc.local).toBe('Equipment');
      const records = children(doc, 'equipment');
      expect(records).toHaveLength(await count('equipment'));
      const record = records.find((r) => r.attributes.some((a) => a.local === 'id' && a.value === String(router.id)))!;
      const fields = leaves(record);
      expect(Object.keys(fields).sort()).toEqual(DOCUMENTED_KEYS);
      expect(fields).toMatchObject({
        id: String(router.id),
        nickname: router.nickname,
        ipaddress: router.ip,
        macaddress: router.mac.toUpperCase(),
        serialnumber: router.serial,
        status: 'use',
        type: 'mikrotikrouter',
        imsi: '',
        ki: '',
      });
      expect(fields.date_added).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    });

    it('returns { equipment: [...] } with the documented string fields over REST, in id order', async () => {
      const reply = await rest(t.url, 'listEquipment');
      const list = (reply.result as { equipment: Record<string, unknown>[] }).equipment;
      expect(list).toHaveLength(await count('equipment'));
      const ids = list.map((e) => Number(e.id));
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
      for (const record of list.slice(0, 5)) {
        expect(Object.keys(record).sort()).toEqual(DOCUMENTED_KEYS);
        for (const value of Object.values(record)) expect(typeof value).toBe('string');
      }
      const graph = await t.gql<{ equipmentItem: { nickname: string; description: string } }>(`query($id: Int) { equipmentItem(legacyId: $id) { nickname description } }`, { id: router.id });
      expect(list.find((e) => e.id === String(router.id))).toMatchObject({ nickname: graph.data.equipmentItem.nickname, description: graph.data.equipmentItem.description });
    });

    it('narrows by id, type, exact IP address, partial nickname and partial MAC', async () => {
      const ids = async (params: Record<string, string | number>) =>
        ((await rest(t.url, 'listEquipment', params)).result as { equipment: { id: string }[] }).equipment.map((e) => Number(e.id));
      expect(await ids({ id: router.id })).toEqual([router.id]);
      expect(await ids({ id: 999999 })).toEqual([]);
      expect(await ids({ ipaddress: router.ip })).toEqual([router.id]);
      expect(await ids({ nickname: router.nickname.toLowerCase().slice(0, -1) })).toContain(router.id);
      expect(await ids({ macaddress: router.mac.replace(/:/g, '').slice(2, 10).toUpperCase() })).toContain(router.id);
      const routers = await rows<{ id: number }>(db(), sql`select id from equipment where type = 'mikrotikrouter' order by id`);
      expect(await ids({ type: 'mikrotikrouter' })).toEqual(routers.map((r) => r.id));
      expect(await ids({ type: 'mikrotikrouter', nickname: 'no-such-thing' })).toEqual([]);
      const doc = xmlResult((await soap(t.url, 'listEquipment', { nickname: 'no-such-thing' })).result!);
      expect(doc.local).toBe('Equipment');
      expect(children(doc, 'equipment')).toEqual([]);
    });

    it.each(DIALECTS)('refuses malformed filters over %s', async (dialect) => {
      expect(await callText(dialect, t.url, 'listEquipment', { ipaddress: 'router-1' })).toBe('ERROR: "router-1" is not a valid IP address');
      expect(await callText(dialect, t.url, 'listEquipment', { id: 'first' })).toBe('ERROR: id: expected a whole number (got "first")');
      expect(await callText(dialect, t.url, 'listEquipment', { colour: 'red', id: 'second' })).toBe('ERROR: id: expected a whole number (got "second")');
    });
  });

  // ------------------------------------------------------------ add / modify

  describe.each(DIALECTS)('addEquipment and modifyEquipment over %s', (dialect) => {
    it('addEquipment stores the documented fields, SIM data and custom fields and answers OK: <id>', async () => {
      const nickname = unique(`AP-${dialect}`);
      const reply = await callText(dialect, t.url, 'addEquipment', {
        nickname,
        ipaddress: '10.99.0.7',
        description: 'Spare sector',
        serialnumber: 'SN-1234',
        mac: '00-15-6D-B7-FA-4E',
        status: 'use',
        invDetails: 'shelf 3',
        parent: router.id,
        type: 'NANOSTATIONAP',
        snmp_community: 'public',
        value: '180.50',
        assigned_site: router.siteId,
        maintemail: 'noc@example.com',
        receive_date: '2024-05-02',
        equipnote: 'spare',
        typeLabel: 'NanoStation',
        imsi: '272010000000001',
        ki: 'secret-ki',
        iccid: '8935301000000000001',
        [`custom_field_${firmwareFieldId}`]: 'v6.3.11',
      });
      expect(reply).toMatch(/^OK: \d+$/);
      const id = Number(reply.slice(4));
      expect(await item(id)).toEqual({
        nickname,
        ipAddress: '10.99.0.7',
        mac: '00:15:6d:b7:fa:4e',
        description: 'Spare sector',
        serialNumber: 'SN-1234',
        status: 'USE',
        type: 'nanostationap',
        typeLabel: 'NanoStation',
        invDetails: 'shelf 3',
        snmpCommunity: 'public',
        value: '180.50',
        maintEmail: 'noc@example.com',
        receiveDate: '2024-05-02',
        note: 'spare',
        imsi: '272010000000001',
        iccid: '8935301000000000001',
        site: { legacyId: router.siteId },
        parent: { legacyId: router.id },
      });
      const [stored] = await rows<{ ki: string; value: string }>(
        db(),
        sql`select e.ki, v.value from equipment e join custom_field_values v on v.equipment_id = e.id where e.id = ${id} and v.field_id = ${firmwareFieldId}`,
      );
      expect(stored).toEqual({ ki: 'secret-ki', value: 'v6.3.11' });
    });

    it('addEquipment resolves assigned_site_name and parentNickname; empty parameters count as not sent', async () => {
      const [siteRow] = await rows<{ name: string }>(db(), sql`select name from sites where id = ${router.siteId}`);
      const reply = await callText(dialect, t.url, 'addEquipment', { nickname: unique(`named-${dialect}`), assigned_site_name: siteRow!.name, parentNickname: router.nickname, status: '', ipaddress: '' });
      const stored = await item(Number(reply.slice(4)));
      expect(stored).toMatchObject({ site: { legacyId: router.siteId }, parent: { legacyId: router.id }, status: 'STOCK', ipAddress: null });
    });

    it('addEquipment refuses bad input with every problem and stores nothing', async () => {
      const before = await count('equipment');
      expect(await callText(dialect, t.url, 'addEquipment', { description: 'x' })).toBe('ERROR: nickname is required');
      expect(await callText(dialect, t.url, 'addEquipment', { nickname: 'x', status: 'broken', type: 'toaster' })).toMatch(
        /^ERROR: status: must be one of stock, use \(got "broken"\); type: must be one of AirOSBH, AirOSBH1, /,
      );
      expect(await callText(dialect, t.url, 'addEquipment', { nickname: router.nickname, ipaddress: '10.0.0.256', mac: '00:11:22', maintemail: 'nope' })).toBe(
        `ERROR: nickname "${router.nickname}" is already used by equipment ${router.id}; "10.0.0.256" is not a valid IP address; ` +
          '"00:11:22" is not a valid MAC address; "nope" is not an e-mail address',
      );
      expect(await callText(dialect, t.url, 'addEquipment', { nickname: 'x', parent: 999999, assigned_site: 999999, custom_field_999999: 'a' })).toBe(
        'ERROR: site 999999 does not exist; equipment 999999 does not exist; custom field 999999 does not exist for equipment',
      );
      expect(await callText(dialect, t.url, 'addEquipment', { nickname: 'x', parentNickname: 'no-such', assigned_site_name: 'Nowhere', value: 'cheap' })).toBe(
        'ERROR: value must be an amount such as 120.50; no site is named "Nowhere"; no equipment is nicknamed "no-such"',
      );
      expect(await callText(dialect, t.url, 'addEquipment', { nickname: 'x', receive_date: '2024-13-01' })).toBe('ERROR: receive_date: not a real date: "2024-13-01" (YYYY-MM-DD)');
      // custom_field_abc names no custom field (ids are numbers): ignored, and the date still refused.
      expect(await callText(dialect, t.url, 'addEquipment', { nickname: 'x', custom_field_abc: '1', receive_date: '2024-02-30' })).toBe('ERROR: receive_date: not a real date: "2024-02-30" (YYYY-MM-DD)');
      expect(await count('equipment')).toBe(before);
    });

    it('modifyEquipment changes the sent fields, clears those sent empty and answers OK', async () => {
      const id = Number(
        (await callText(dialect, t.url, 'addEquipment', { nickname: unique(`mod-${dialect}`), ipaddress: '10.98.0.1', description: 'old', serialnumber: 'S1', [`custom_field_${firmwareFieldId}`]: 'v1' })).slice(4),
      );
      const nickname = unique(`renamed-${dialect}`);
      expect(
        await callText(dialect, t.url, 'modifyEquipment', { equipid: id, nickname, ipaddress: '', description: 'new', status: 'use', parentNickname: router.nickname, [`custom_field_${firmwareFieldId}`]: '' }),
      ).toBe('OK');
      expect(await item(id)).toMatchObject({ nickname, ipAddress: null, description: 'new', serialNumber: 'S1', status: 'USE', parent: { legacyId: router.id } });
      expect(await rows(db(), sql`select 1 from custom_field_values where equipment_id = ${id}`)).toEqual([]);
    });

    it('modifyEquipment refuses unknown devices, loops, clashes and cleared status, changing nothing', async () => {
      const parentId = Number((await callText(dialect, t.url, 'addEquipment', { nickname: unique(`top-${dialect}`) })).slice(4));
      const childId = Number((await callText(dialect, t.url, 'addEquipment', { nickname: unique(`below-${dialect}`), parent: parentId })).slice(4));
      const before = await item(parentId);
      expect(await callText(dialect, t.url, 'modifyEquipment', { equipid: 999999, description: 'x' })).toBe('ERROR: equipment 999999 does not exist');
      expect(await callText(dialect, t.url, 'modifyEquipment', { description: 'x' })).toBe('ERROR: equipid is required');
      expect(await callText(dialect, t.url, 'modifyEquipment', { equipid: parentId, parent: childId })).toBe(`ERROR: equipment ${childId} cannot be the parent of ${parentId}: it hangs off it`);
      expect(await callText(dialect, t.url, 'modifyEquipment', { equipid: parentId, nickname: router.nickname })).toBe(`ERROR: nickname "${router.nickname}" is already used by equipment ${router.id}`);
      expect(await callText(dialect, t.url, 'modifyEquipment', { equipid: parentId, status: '' })).toBe('ERROR: status cannot be removed');
      expect(await callText(dialect, t.url, 'modifyEquipment', { equipid: parentId, mac: 'zz:zz' })).toBe('ERROR: "zz:zz" is not a valid MAC address');
      expect(await callText(dialect, t.url, 'modifyEquipment', { equipid: parentId, imsi: '1', mac: 'yy:yy' })).toBe('ERROR: "yy:yy" is not a valid MAC address');
      expect(await item(parentId)).toEqual(before);
    });
  });

  // ------------------------------------------------------------ login details

  describe.each(DIALECTS)('equipment login details over %s', (dialect) => {
    const loginsOf = async (id: number) =>
      (await t.gql<{ equipmentItem: { logins: { username: string; hasPassword: boolean; notes: string | null }[] } }>(
        `query($id: Int) { equipmentItem(legacyId: $id) { logins { username hasPassword notes } } }`,
        { id },
      )).data.equipmentItem.logins;

    it('addEquipmentLoginDetails adds a login, deleteEquipmentLoginDetails removes it by username', async () => {
      const id = Number((await callText(dialect, t.url, 'addEquipment', { nickname: unique(`login-${dialect}`) })).slice(4));
      expect(await callText(dialect, t.url, 'addEquipmentLoginDetails', { equipid: id, username: 'admin', password: 's3cret', notes: 'web UI' })).toBe('OK');
      expect(await callText(dialect, t.url, 'addEquipmentLoginDetails', { equipid: id, username: 'ssh' })).toBe('OK');
      expect(await loginsOf(id)).toEqual([
        { username: 'admin', hasPassword: true, notes: 'web UI' },
        { username: 'ssh', hasPassword: false, notes: null },
      ]);
      const [stored] = await rows<{ password: string }>(db(), sql`select password from equipment_logins where equipment_id = ${id} and username = 'admin'`);
      expect(stored!.password).toBe('s3cret');

      expect(await callText(dialect, t.url, 'deleteEquipmentLoginDetails', { equipid: id, username: 'admin' })).toBe('OK');
      expect(await loginsOf(id)).toEqual([{ username: 'ssh', hasPassword: false, notes: null }]);
    });

    it('refuses duplicates, unknown devices and unknown logins, changing nothing', async () => {
      const id = Number((await callText(dialect, t.url, 'addEquipment', { nickname: unique(`login2-${dialect}`) })).slice(4));
      expect(await callText(dialect, t.url, 'addEquipmentLoginDetails', { equipid: id, username: 'admin' })).toBe('OK');
      const before = await count('equipment_logins');
      expect(await callText(dialect, t.url, 'addEquipmentLoginDetails', { equipid: id, username: 'admin', password: 'x' })).toBe(`ERROR: equipment ${id} already has a login "admin"`);
      expect(await callText(dialect, t.url, 'addEquipmentLoginDetails', { equipid: 999999, username: 'admin' })).toBe('ERROR: equipment 999999 does not exist');
      expect(await callText(dialect, t.url, 'addEquipmentLoginDetails', { equipid: id })).toBe('ERROR: username is required');
      expect(await callText(dialect, t.url, 'deleteEquipmentLoginDetails', { equipid: id, username: 'root' })).toBe(`ERROR: login of equipment ${id} named "root" does not exist`);
      expect(await callText(dialect, t.url, 'deleteEquipmentLoginDetails', { equipid: 999999, username: 'admin' })).toBe('ERROR: equipment 999999 does not exist');
      expect(await callText(dialect, t.url, 'deleteEquipmentLoginDetails', { username: 'admin' })).toBe('ERROR: equipid is required');
      expect(await count('equipment_logins')).toBe(before);
      expect(await loginsOf(id)).toEqual([{ username: 'admin', hasPassword: false, notes: null }]);
    });
  });
});
