/**
 * Network writes through GraphQL, cross-checked with SQL: equipment (validation, names resolved
 * to ids, custom fields, cycles, delete rules), login details (add, change, delete by id), CPE,
 * basestations, customer addresses (add, release) and generateIP. Plus the pure address-pool
 * arithmetic.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pickFree, poolOf } from '../../src/network/ip-range';
import { normalizeMac } from '../../src/network/net-rules';
import { idAtPosition } from '../../src/network/customer-ip.service';
import { enabledEngines } from '../helpers/engines';
import { startTestApp, type TestApp } from '../helpers/app';
import { makeRoleUser } from '../helpers/roles';
import { rows } from '../helpers/sql';

describe('address pools', () => {
  it('walks from startIp for numberOfIps, skipping network, broadcast and gateway', () => {
    const pool = poolOf({ network: '192.0.2.0/24', gatewayAddress: '192.0.2.1', startIp: '192.0.2.10', numberOfIps: 240 })!;
    expect(pool).toEqual({ first: ipNum('192.0.2.10'), last: ipNum('192.0.2.249'), reserved: [] });
    expect(pickFree(pool, [], 3)).toEqual({ ips: ['192.0.2.10', '192.0.2.11', '192.0.2.12'], free: 240 });
    expect(pickFree(pool, ['192.0.2.11', '192.0.2.11/32', '10.0.0.1'], 2)).toEqual({ ips: ['192.0.2.10', '192.0.2.12'], free: 239 });

    // a range running over the whole network keeps network, gateway and broadcast free
    const whole = poolOf({ network: '198.51.100.0/29', gatewayAddress: '198.51.100.3', startIp: null, numberOfIps: null })!;
    expect(whole.first).toBe(ipNum('198.51.100.1'));
    expect(pickFree(whole, [], 10)).toEqual({ ips: ['198.51.100.1', '198.51.100.2', '198.51.100.4', '198.51.100.5', '198.51.100.6'], free: 5 });
    const fromNetwork = poolOf({ network: '198.51.100.0/29', startIp: '198.51.100.0', numberOfIps: 100 })!;
    expect(pickFree(fromNetwork, [], 10).ips).toEqual(['198.51.100.1', '198.51.100.2', '198.51.100.3', '198.51.100.4', '198.51.100.5', '198.51.100.6']);

    // crossing an octet boundary inside a /22 is fine: only the /22's own ends are reserved
    const canopy = poolOf({ network: '172.16.8.0/22', gatewayAddress: '172.16.8.1', startIp: '172.16.8.254', numberOfIps: 4 })!;
    expect(pickFree(canopy, [], 4).ips).toEqual(['172.16.8.254', '172.16.8.255', '172.16.9.0', '172.16.9.1']);
    // the end of the network caps numberOfIps
    const tail = poolOf({ network: '10.0.0.0/30', startIp: '10.0.0.2', numberOfIps: 50 })!;
    expect(pickFree(tail, [], 5)).toEqual({ ips: ['10.0.0.2'], free: 1 });
    // a /31 has no network or broadcast to keep (RFC 3021)
    expect(pickFree(poolOf({ network: '10.0.0.0/31' })!, [], 5).ips).toEqual(['10.0.0.0', '10.0.0.1']);
    expect(poolOf({ network: '2001:db8::/64' })).toBeNull();
    expect(poolOf({ network: '10.0.0.0/24', startIp: '10.0.1.5' })).toBeNull();
  });

  it('normalises MAC addresses and refuses what is not one', () => {
    expect(normalizeMac('00-1A-2b-3C-4d-5E')).toBe('00:1a:2b:3c:4d:5e');
    expect(normalizeMac('001a.2b3c.4d5e')).toBe('00:1a:2b:3c:4d:5e');
    expect(normalizeMac('001A2B3C4D5E')).toBe('00:1a:2b:3c:4d:5e');
    expect(normalizeMac('00:1a:2b:3c:4d')).toBeNull();
    expect(normalizeMac('zz:1a:2b:3c:4d:5e')).toBeNull();
  });
});

function ipNum(ip: string): number {
  return ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

const gid = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64url');
type UserErrors = { field: string[]; message: string; code: string }[];

describe.each(enabledEngines())('GraphQL network writes on %s', (engine) => {
  let t: TestApp;
  const q = <T>(query: ReturnType<typeof sql>) => rows<T>(t.database.handle.db, query);
  const one = async (query: ReturnType<typeof sql>) => Number((await q<{ n: number }>(query))[0]!.n);
  const ok = async <T>(query: string, variables?: Record<string, unknown>) => {
    const res = await t.gql<T>(query, variables);
    expect(res.errors).toBeUndefined();
    return res.data;
  };
  const demo = sql`(select id from operators where code = 'demo')`;

  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(async () => {
    await t?.stop();
  });

  describe('equipment', () => {
    const create = `mutation($input: EquipmentCreateInput!) { equipmentCreate(input: $input) {
      equipment { id legacyId nickname ipAddress mac status type value site { name } parent { nickname } }
      userErrors { field message code } } }`;
    const update = `mutation($input: EquipmentUpdateInput!) { equipmentUpdate(input: $input) {
      equipment { id nickname ipAddress status parent { nickname } site { name } } userErrors { field message code } } }`;
    const remove = `mutation($id: ID!) { equipmentDelete(input: { id: $id }) { deletedId userErrors { field message code } } }`;
    type Payload = { equipment: Record<string, any> | null; userErrors: UserErrors };
    const counts = async () => [await one(sql`select count(*)::int as n from equipment`), await one(sql`select count(*)::int as n from audit_log where action like 'equipment.%'`)];

    it('creates equipment resolving site and parent by name, with custom fields and SIM secrets kept out of the audit', async () => {
      const [firmware] = await q<{ id: number }>(sql`select id from custom_fields where operator_id = ${demo} and scope = 'equipment'`);
      const res = await ok<{ equipmentCreate: Payload }>(create, {
        input: {
          nickname: 'SW-NEW-1', ipAddress: '10.20.0.5', mac: '00-1A-2B-3C-4D-5E', status: 'USE', type: 'switch', value: '99.50',
          siteName: 'Shandon Tower', parentNickname: 'RTR-1', ki: 'secret-ki', customFields: [{ fieldId: firmware!.id, value: 'v6.49' }],
        },
      });
      expect(res.equipmentCreate.userErrors).toEqual([]);
      expect(res.equipmentCreate.equipment).toMatchObject({
        nickname: 'SW-NEW-1', ipAddress: '10.20.0.5', mac: '00:1a:2b:3c:4d:5e', status: 'USE', type: 'switch', value: '99.50', site: { name: 'Shandon Tower' }, parent: { nickname: 'RTR-1' },
      });
      const id = res.equipmentCreate.equipment!.legacyId as number;
      const [row] = await q<{ ki: string; value: string }>(sql`select v.value, e.ki from equipment e join custom_field_values v on v.equipment_id = e.id where e.id = ${id}`);
      expect(row).toEqual({ ki: 'secret-ki', value: 'v6.49' });
      const [entry] = await q<{ changes: Record<string, unknown> }>(sql`select changes from audit_log where action = 'equipment.create' and entity_id = ${id}`);
      expect(JSON.stringify(entry!.changes)).not.toContain('secret-ki');
      expect(entry!.changes).toMatchObject({ simFieldsSet: ['ki'] });
    });

    it('refuses bad input with every problem at once, writing nothing', async () => {
      const before = await counts();
      const bad = await ok<{ equipmentCreate: Payload }>(create, {
        input: { nickname: 'RTR-1', type: 'toaster', siteName: 'Atlantis', parentNickname: 'NOBODY', customFields: [{ fieldId: 999999, value: 'x' }] },
      });
      expect(bad.equipmentCreate.equipment).toBeNull();
      const byField = Object.fromEntries(bad.equipmentCreate.userErrors.map((e) => [e.field.join('.'), e.code]));
      expect(byField).toEqual({
        'input.nickname': 'CONFLICT', 'input.type': 'INVALID',
        'input.siteName': 'NOT_FOUND', 'input.parentNickname': 'NOT_FOUND', 'input.customFields': 'NOT_FOUND',
      });
      const blank = await ok<{ equipmentCreate: Payload }>(create, { input: { nickname: ' ', parentId: gid('Equipment', 999999), siteId: gid('Site', 999999) } });
      expect(blank.equipmentCreate.userErrors.map((e) => [e.field.join('.'), e.code])).toEqual([
        ['input.nickname', 'INVALID'], ['input.siteId', 'NOT_FOUND'], ['input.parentId', 'NOT_FOUND'],
      ]);
      expect(await counts()).toEqual(before);
    });

    it('updates given fields, refuses a nickname in use and a parent that would make a loop', async () => {
      const made = await ok<{ equipmentCreate: Payload }>(create, { input: { nickname: 'CHAIN-A' } });
      const a = made.equipmentCreate.equipment!;
      const b = (await ok<{ equipmentCreate: Payload }>(create, { input: { nickname: 'CHAIN-B', parentId: a.id } })).equipmentCreate.equipment!;
      const c = (await ok<{ equipmentCreate: Payload }>(create, { input: { nickname: 'CHAIN-C', parentNickname: 'CHAIN-B' } })).equipmentCreate.equipment!;
      expect(c.parent).toEqual({ nickname: 'CHAIN-B' });

      const loop = await ok<{ equipmentUpdate: Payload }>(update, { input: { id: a.id, parentId: c.id } });
      expect(loop.equipmentUpdate.userErrors).toEqual([expect.objectContaining({ field: ['input', 'parentId'], code: 'INVALID' })]);
      const self = await ok<{ equipmentUpdate: Payload }>(update, { input: { id: a.id, parentNickname: 'CHAIN-A' } });
      expect(self.equipmentUpdate.userErrors).toEqual([expect.objectContaining({ field: ['input', 'parentNickname'] })]);
      expect(await one(sql`select count(*)::int as n from equipment where nickname = 'CHAIN-A' and parent_id is null`)).toBe(1);

      const clash = await ok<{ equipmentUpdate: Payload }>(update, { input: { id: b.id, nickname: 'RTR-1', status: 'USE' } });
      expect(clash.equipmentUpdate.userErrors).toEqual([expect.objectContaining({ field: ['input', 'nickname'], code: 'CONFLICT' })]);
      expect(await one(sql`select count(*)::int as n from equipment where nickname = 'CHAIN-B' and status = 'stock'`)).toBe(1);

      const fine = await ok<{ equipmentUpdate: Payload }>(update, { input: { id: b.id, nickname: 'CHAIN-B', ipAddress: '2001:db8::5', siteName: 'Killarney Hill', status: 'USE' } });
      expect(fine.equipmentUpdate.userErrors).toEqual([]);
      expect(fine.equipmentUpdate.equipment).toMatchObject({ nickname: 'CHAIN-B', ipAddress: '2001:db8::5', status: 'USE', parent: { nickname: 'CHAIN-A' }, site: { name: 'Killarney Hill' } });
      const cleared = await ok<{ equipmentUpdate: Payload }>(update, { input: { id: b.id, parentId: null, ipAddress: null } });
      expect(cleared.equipmentUpdate.equipment).toMatchObject({ parent: null, ipAddress: null });
    });

    it('refuses to delete equipment with children, a CPE or a basestation, and deletes a free one with its logins', async () => {
      const pick = async (where: ReturnType<typeof sql>) => (await q<{ id: number }>(sql`select e.id from equipment e where e.operator_id = ${demo} and ${where} order by e.id limit 1`))[0]!.id;
      const router = await pick(sql`exists (select 1 from equipment c where c.parent_id = e.id)`);
      // a device that is only a basestation (the demo access points also have CPE hanging off them)
      const lone = (await ok<{ equipmentCreate: Payload }>(create, { input: { nickname: 'BS-ONLY' } })).equipmentCreate.equipment!;
      await t.database.handle.db.execute(sql`insert into basestations (operator_id, equipment_id, site_id) select operator_id, ${lone.legacyId as number}, (select min(id) from sites) from equipment where id = ${lone.legacyId as number}`);
      const ap = lone.legacyId as number;
      for (const [id, reason] of [[router, /hang off it/], [ap, /is a basestation/]] as const) {
        const res = await ok<{ equipmentDelete: { deletedId: string | null; userErrors: UserErrors } }>(remove, { id: gid('Equipment', id) });
        expect(res.equipmentDelete.deletedId).toBeNull();
        expect(res.equipmentDelete.userErrors[0]).toMatchObject({ code: 'PRECONDITION_FAILED', message: expect.stringMatching(reason) });
        expect(await one(sql`select count(*)::int as n from equipment where id = ${id}`)).toBe(1);
      }
      const made = (await ok<{ equipmentCreate: Payload }>(create, { input: { nickname: 'GONE-1' } })).equipmentCreate.equipment!;
      await ok(`mutation($id: ID!) { equipmentLoginCreate(input: { equipmentId: $id, username: "admin", password: "pw" }) { userErrors { code } } }`, { id: made.id });
      const res = await ok<{ equipmentDelete: { deletedId: string; userErrors: UserErrors } }>(remove, { id: made.id });
      expect(res.equipmentDelete).toEqual({ deletedId: made.id, userErrors: [] });
      expect(await one(sql`select count(*)::int as n from equipment_logins where equipment_id = ${made.legacyId as number}`)).toBe(0);
    });

    const addLogin = `mutation($input: EquipmentLoginCreateInput!) { equipmentLoginCreate(input: $input) { equipmentLogin { id username hasPassword notes } equipment { logins { username } } userErrors { field code } } }`;
    const delLogin = `mutation($input: EquipmentLoginDeleteInput!) { equipmentLoginDelete(input: $input) { deletedId userErrors { field code } } }`;
    const updLogin = `mutation($input: EquipmentLoginUpdateInput!) { equipmentLoginUpdate(input: $input) {
      equipmentLogin { id username hasPassword notes } equipment { nickname logins { username } } userErrors { field message code } } }`;
    const loginNode = async (id: string) =>
      (await ok<{ node: { username: string; hasPassword: boolean; notes: string | null } | null }>(`query($id: ID!) { node(id: $id) { ... on EquipmentLogin { username hasPassword notes } } }`, { id })).node;
    const storedLogin = async (id: string) =>
      (await q<{ username: string; password: string | null; notes: string | null }>(sql`select username, password, notes from equipment_logins where id = ${Number(Buffer.from(id, 'base64url').toString().split(':')[1])}`))[0];

    it('adds login details unique per device and deletes them by id', async () => {
      const id = (await ok<{ equipmentCreate: Payload }>(create, { input: { nickname: 'LOGIN-1' } })).equipmentCreate.equipment!.id as string;
      const first = await ok<{ equipmentLoginCreate: any }>(addLogin, { input: { equipmentId: id, username: 'admin', password: 'ubnt', notes: 'factory' } });
      const loginId = first.equipmentLoginCreate.equipmentLogin.id as string;
      expect(first.equipmentLoginCreate).toEqual({ equipmentLogin: { id: loginId, username: 'admin', hasPassword: true, notes: 'factory' }, equipment: { logins: [{ username: 'admin' }] }, userErrors: [] });
      const again = await ok<{ equipmentLoginCreate: any }>(addLogin, { input: { equipmentId: id, username: 'admin' } });
      expect(again.equipmentLoginCreate.userErrors).toEqual([{ field: ['input', 'username'], code: 'CONFLICT' }]);
      const [stored] = await q<{ password: string }>(sql`select password from equipment_logins where username = 'admin' and equipment_id = (select id from equipment where nickname = 'LOGIN-1')`);
      expect(stored!.password).toBe('ubnt');

      const deletes = () => one(sql`select count(*)::int as n from audit_log where action = 'equipment.login.delete'`);
      const before = await deletes();
      const missing = await ok<{ equipmentLoginDelete: any }>(delLogin, { input: { id: gid('EquipmentLogin', 999999) } });
      expect(missing.equipmentLoginDelete).toEqual({ deletedId: null, userErrors: [{ field: ['input', 'id'], code: 'NOT_FOUND' }] });
      const wrongType = await ok<{ equipmentLoginDelete: any }>(delLogin, { input: { id } });
      expect(wrongType.equipmentLoginDelete).toEqual({ deletedId: null, userErrors: [{ field: ['input', 'id'], code: 'INVALID' }] });
      expect([await loginNode(loginId), await deletes()]).toEqual([{ username: 'admin', hasPassword: true, notes: 'factory' }, before]);

      const gone = await ok<{ equipmentLoginDelete: any }>(delLogin, { input: { id: loginId } });
      expect(gone.equipmentLoginDelete).toEqual({ deletedId: loginId, userErrors: [] });
      expect(await one(sql`select count(*)::int as n from equipment_logins where equipment_id = (select id from equipment where nickname = 'LOGIN-1')`)).toBe(0);
      expect([await loginNode(loginId), await deletes()]).toEqual([null, before + 1]);
      const twice = await ok<{ equipmentLoginDelete: any }>(delLogin, { input: { id: loginId } });
      expect(twice.equipmentLoginDelete).toEqual({ deletedId: null, userErrors: [{ field: ['input', 'id'], code: 'NOT_FOUND' }] });
    });

    it('changes only the given login fields; the username stays non-blank and unique per device', async () => {
      const device = (await ok<{ equipmentCreate: Payload }>(create, { input: { nickname: 'LOGIN-2' } })).equipmentCreate.equipment!.id as string;
      const other = (await ok<{ equipmentCreate: Payload }>(create, { input: { nickname: 'LOGIN-3' } })).equipmentCreate.equipment!.id as string;
      const made = async (equipmentId: string, input: Record<string, unknown>) =>
        (await ok<{ equipmentLoginCreate: any }>(addLogin, { input: { equipmentId, ...input } })).equipmentLoginCreate.equipmentLogin.id as string;
      const admin = await made(device, { username: 'admin', password: 'ubnt', notes: 'factory' });
      await made(device, { username: 'tech' });
      const elsewhere = await made(other, { username: 'tech' });
      const upd = async (input: Record<string, unknown>) => (await ok<{ equipmentLoginUpdate: any }>(updLogin, { input })).equipmentLoginUpdate;

      // notes and password only: the username stays
      expect(await upd({ id: admin, notes: 'rotated', password: 'n3w' })).toEqual({
        equipmentLogin: { id: admin, username: 'admin', hasPassword: true, notes: 'rotated' },
        equipment: { nickname: 'LOGIN-2', logins: [{ username: 'admin' }, { username: 'tech' }] },
        userErrors: [],
      });
      expect(await storedLogin(admin)).toEqual({ username: 'admin', password: 'n3w', notes: 'rotated' });
      // the audit entry says the password changed, never what to
      const [changed] = await q<{ changes: Record<string, unknown> }>(sql`select changes from audit_log where action = 'equipment.login.update' order by id desc limit 1`);
      expect(changed!.changes).toEqual({ loginId: expect.any(Number), notes: 'rotated', password: '[redacted]' });
      // the username only, trimmed: password and notes stay
      expect((await upd({ id: admin, username: '  root ' })).equipmentLogin).toEqual({ id: admin, username: 'root', hasPassword: true, notes: 'rotated' });
      expect(await storedLogin(admin)).toEqual({ username: 'root', password: 'n3w', notes: 'rotated' });
      // null clears the password and the notes
      expect((await upd({ id: admin, password: null, notes: null })).userErrors).toEqual([]);
      expect(await loginNode(admin)).toEqual({ username: 'root', hasPassword: false, notes: null });
      expect(await storedLogin(admin)).toEqual({ username: 'root', password: null, notes: null });
      // its own username again, and a username another device uses, are fine
      expect((await upd({ id: admin, username: 'root' })).userErrors).toEqual([]);
      expect((await upd({ id: elsewhere, username: 'root' })).equipmentLogin).toMatchObject({ username: 'root' });

      const updates = () => one(sql`select count(*)::int as n from audit_log where action = 'equipment.login.update'`);
      const [audited] = await q<{ changes: Record<string, unknown> }>(sql`select changes from audit_log where action = 'equipment.login.update' order by id desc limit 1`);
      expect(audited!.changes).toMatchObject({ username: 'root' });
      const before = await updates();
      const refusals: [Record<string, unknown>, unknown][] = [
        [{ id: admin, username: '   ' }, [{ field: ['input', 'username'], code: 'INVALID', message: 'username is required' }]],
        [{ id: admin, username: null, notes: 'ignored' }, [{ field: ['input', 'username'], code: 'INVALID', message: 'username is required' }]],
        [{ id: admin, username: ' tech ', password: 'x' }, [{ field: ['input', 'username'], code: 'CONFLICT', message: expect.stringMatching(/already has a login "tech"/) }]],
        [{ id: gid('EquipmentLogin', 999999), notes: 'x' }, [{ field: ['input', 'id'], code: 'NOT_FOUND', message: 'equipment login 999999 does not exist' }]],
        [{ id: device, notes: 'x' }, [{ field: ['input', 'id'], code: 'INVALID', message: 'not a EquipmentLogin id' }]],
      ];
      for (const [input, userErrors] of refusals) {
        expect(await upd(input), JSON.stringify(input)).toEqual({ equipmentLogin: null, equipment: null, userErrors });
      }
      expect([await storedLogin(admin), await updates()]).toEqual([{ username: 'root', password: null, notes: null }, before]);
    });

    it('refuses a username taken by a concurrent change (the unique index), as a conflict', async () => {
      const device = (await ok<{ equipmentCreate: Payload }>(create, { input: { nickname: 'LOGIN-RACE' } })).equipmentCreate.equipment!.id as string;
      for (let round = 0; round < 5; round++) {
        const ids = await Promise.all(
          ['a', 'b'].map(async (name) => (await ok<{ equipmentLoginCreate: any }>(addLogin, { input: { equipmentId: device, username: `${name}${round}` } })).equipmentLoginCreate.equipmentLogin.id as string),
        );
        const results = await Promise.all(ids.map(async (id) => (await ok<{ equipmentLoginUpdate: any }>(updLogin, { input: { id, username: `same${round}` } })).equipmentLoginUpdate));
        expect(results.map((r) => r.userErrors.map((e: { code: string }) => e.code)).sort()).toEqual([[], ['CONFLICT']]);
        expect(await one(sql`select count(*)::int as n from equipment_logins where username = ${`same${round}`}`)).toBe(1);
      }
    });
  });

  it("keeps a device's login details from another operator and from a read-only role", async () => {
    const { generateOperator } = await import('../../src/db/seed/generator');
    const { token: otherToken } = await generateOperator(t.database.handle.db, { operatorCode: 'nw-login-other', customers: 1 });
    const demoId = Number((await q<{ id: number }>(sql`select id from operators where code = 'demo'`))[0]!.id);
    const { token: readonlyToken } = await makeRoleUser(t.database.handle.db, demoId, 'readonly');
    const device = (await ok<{ equipmentCreate: { equipment: { id: string } } }>(`mutation { equipmentCreate(input: { nickname: "LOGIN-GUARDED" }) { equipment { id } } }`)).equipmentCreate.equipment.id;
    const login = (await ok<{ equipmentLoginCreate: { equipmentLogin: { id: string } } }>(`mutation($id: ID!) { equipmentLoginCreate(input: { equipmentId: $id, username: "keep", password: "pw", notes: "n" }) { equipmentLogin { id } } }`, { id: device }))
      .equipmentLoginCreate.equipmentLogin.id;
    const audits = () => one(sql`select count(*)::int as n from audit_log where action like 'equipment.login.%'`);
    const before = await audits();
    for (const [token, code] of [[otherToken, 'NOT_FOUND'], [readonlyToken, 'FORBIDDEN']] as const) {
      const res = await t.gql<Record<string, { userErrors: UserErrors }>>(
        `mutation($id: ID!) {
          equipmentLoginUpdate(input: { id: $id, username: "taken", password: null }) { equipmentLogin { id } userErrors { field message code } }
          equipmentLoginDelete(input: { id: $id }) { deletedId userErrors { field message code } }
        }`,
        { id: login },
        token,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data).toEqual({
        equipmentLoginUpdate: { equipmentLogin: null, userErrors: [expect.objectContaining({ code })] },
        equipmentLoginDelete: { deletedId: null, userErrors: [expect.objectContaining({ code })] },
      });
    }
    const [row] = await q<{ username: string; password: string; notes: string }>(sql`select username, password, notes from equipment_logins where id = ${Number(Buffer.from(login, 'base64url').toString().split(':')[1])}`);
    expect([row, await audits()]).toEqual([{ username: 'keep', password: 'pw', notes: 'n' }, before]);
  });

  describe('CPE and basestations', () => {
    const cpeCreate = `mutation($input: CpeCreateInput!) { cpeCreate(input: $input) { cpe { id legacyId coordinates { latitude longitude } distance dishInstalled additionalInfo customer { legacyId } equipment { nickname } } userErrors { field message code } } }`;
    const cpeUpdate = `mutation($input: CpeUpdateInput!) { cpeUpdate(input: $input) { cpe { colour customer { legacyId } } userErrors { field code } } }`;
    const bsCreate = `mutation($input: BasestationCreateInput!) { basestationCreate(input: $input) { basestation { id sector monitor site { name } gateway { wibNumber } equipment { nickname } } userErrors { field message code } } }`;
    const newEquipment = async (nickname: string) => {
      const res = await ok<{ equipmentCreate: { equipment: { id: string; legacyId: number } } }>(`mutation($n: String!) { equipmentCreate(input: { nickname: $n }) { equipment { id legacyId } } }`, { n: nickname });
      return res.equipmentCreate.equipment;
    };
    const customerIds = async () => (await q<{ id: number }>(sql`select id from customers where operator_id = ${demo} order by id limit 2`)).map((r) => r.id);

    it('installs a device at a customer once, changes and removes it', async () => {
      const [c1, c2] = await customerIds();
      const dev = await newEquipment('CPE-DEV-1');
      const made = await ok<{ cpeCreate: any }>(cpeCreate, { input: { equipmentId: dev.id, customerId: gid('Customer', c1!), coordinates: { latitude: 51.9, longitude: -8.5 }, distance: '2.5', dishInstalled: true, additionalInfo: ['roof', 'south'] } });
      expect(made.cpeCreate.userErrors).toEqual([]);
      expect(made.cpeCreate.cpe).toMatchObject({ coordinates: { latitude: 51.9, longitude: -8.5 }, distance: '2.5', dishInstalled: true, additionalInfo: ['roof', 'south'], customer: { legacyId: c1 }, equipment: { nickname: 'CPE-DEV-1' } });

      const twice = await ok<{ cpeCreate: any }>(cpeCreate, { input: { equipmentId: dev.id, customerId: gid('Customer', c2!) } });
      expect(twice.cpeCreate.userErrors).toEqual([expect.objectContaining({ field: ['input', 'equipmentId'], code: 'CONFLICT' })]);
      const asBasestation = await ok<{ basestationCreate: any }>(bsCreate, { input: { equipmentId: dev.id, siteId: gid('Site', 1) } });
      expect(asBasestation.basestationCreate.userErrors).toEqual([expect.objectContaining({ field: ['input', 'equipmentId'], code: 'CONFLICT' })]);
      const nobody = await ok<{ cpeCreate: any }>(cpeCreate, { input: { equipmentId: gid('Equipment', 999999), customerId: gid('Customer', 999999) } });
      expect(nobody.cpeCreate.userErrors.map((e: any) => [e.field.join('.'), e.code])).toEqual([['input.equipmentId', 'NOT_FOUND'], ['input.customerId', 'NOT_FOUND']]);
      expect(await one(sql`select count(*)::int as n from cpes where equipment_id = ${dev.legacyId}`)).toBe(1);
      expect(await one(sql`select count(*)::int as n from basestations where equipment_id = ${dev.legacyId}`)).toBe(0);

      const moved = await ok<{ cpeUpdate: any }>(cpeUpdate, { input: { id: made.cpeCreate.cpe.id, customerId: gid('Customer', c2!), colour: 'red' } });
      expect(moved.cpeUpdate).toEqual({ cpe: { colour: 'red', customer: { legacyId: c2 } }, userErrors: [] });
      // the device is in use: it cannot be deleted until the CPE goes
      const refused = await ok<{ equipmentDelete: any }>(`mutation($id: ID!) { equipmentDelete(input: { id: $id }) { userErrors { message } } }`, { id: dev.id });
      expect(refused.equipmentDelete.userErrors[0].message).toMatch(/CPE/);
      const removed = await ok<{ cpeDelete: any }>(`mutation($id: ID!) { cpeDelete(input: { id: $id }) { deletedId userErrors { code } } }`, { id: made.cpeCreate.cpe.id });
      expect(removed.cpeDelete).toEqual({ deletedId: made.cpeCreate.cpe.id, userErrors: [] });
      expect(await one(sql`select count(*)::int as n from cpes where equipment_id = ${dev.legacyId}`)).toBe(0);
    });

    it('mounts a device on a site as a basestation, checking site, gateway and monitor', async () => {
      const dev = await newEquipment('BS-DEV-1');
      const [gw] = await q<{ id: number }>(sql`select id from gateways where operator_id = ${demo} and wib_number = 101`);
      const [site] = await q<{ id: number }>(sql`select id from sites where name = 'Killarney Hill'`);
      const bad = await ok<{ basestationCreate: any }>(bsCreate, { input: { equipmentId: dev.id, siteId: gid('Site', 999999), gatewayId: gid('Gateway', 999999), frequency: '-5' } });
      expect(bad.basestationCreate.userErrors.map((e: any) => [e.field.join('.'), e.code])).toEqual([['input.siteId', 'NOT_FOUND'], ['input.gatewayId', 'NOT_FOUND'], ['input.frequency', 'INVALID']]);
      const made = await ok<{ basestationCreate: any }>(bsCreate, { input: { equipmentId: dev.id, siteId: gid('Site', site!.id), gatewayId: gid('Gateway', gw!.id), sector: 'N', monitor: 'MONITOR_SMS' } });
      expect(made.basestationCreate).toMatchObject({ basestation: { sector: 'N', monitor: 'MONITOR_SMS', site: { name: 'Killarney Hill' }, gateway: { wibNumber: 101 }, equipment: { nickname: 'BS-DEV-1' } }, userErrors: [] });
      const upd = await ok<{ basestationUpdate: any }>(`mutation($input: BasestationUpdateInput!) { basestationUpdate(input: $input) { basestation { sector gateway { wibNumber } } userErrors { code } } }`, {
        input: { id: made.basestationCreate.basestation.id, sector: 'NE', gatewayId: null },
      });
      expect(upd.basestationUpdate).toEqual({ basestation: { sector: 'NE', gateway: null }, userErrors: [] });
      const del = await ok<{ basestationDelete: any }>(`mutation($id: ID!) { basestationDelete(input: { id: $id }) { deletedId userErrors { code } } }`, { id: made.basestationCreate.basestation.id });
      expect(del.basestationDelete.userErrors).toEqual([]);
      expect(await one(sql`select count(*)::int as n from basestations where equipment_id = ${dev.legacyId}`)).toBe(0);
    });
  });

  describe('customer addresses', () => {
    const add = `mutation($input: CustomerIpCreateInput!) { customerIpCreate(input: $input) { customerIp { id legacyId ip mac macRestrict isPublic gateway { wibNumber } interface { name } } userErrors { field message code } } }`;
    const release = `mutation($input: CustomerIpReleaseInput!) { customerIpRelease(input: $input) { customerIp { ip mac } deletedCustomerIpId userErrors { field code } } }`;
    const generate = `mutation($input: CustomerIpGenerateInput!) { customerIpGenerate(input: $input) {
      generation { gateway { id } wibNumber interface { id } ipType quantity generated ips saved } userErrors { field message code } } }`;
    /** A demo customer on gateway 100 with one RADIUS login and no public addresses. */
    const serviceCustomer = async (offset: number) =>
      (await q<{ id: number }>(sql`select c.id from customers c where c.operator_id = ${demo} and c.gateway_id is not null
        and (select count(*) from radius_accounts r where r.customer_id = c.id) = 1 order by c.id offset ${offset} limit 1`))[0]!.id;

    it('adds an address on the gateway, recording its interface; a taken one names its holder', async () => {
      const customer = await serviceCustomer(0);
      const [gw] = await q<{ id: number }>(sql`select id from gateways where operator_id = ${demo} and wib_number = 100`);
      const res = await ok<{ customerIpCreate: any }>(add, { input: { customerId: gid('Customer', customer), ip: '192.0.2.200', mac: '001A.2B3C.4D5E', macRestrict: true, isPublic: true, gatewayId: gid('Gateway', gw!.id) } });
      expect(res.customerIpCreate.userErrors).toEqual([]);
      expect(res.customerIpCreate.customerIp).toMatchObject({ ip: '192.0.2.200', mac: '00:1a:2b:3c:4d:5e', macRestrict: true, isPublic: true, gateway: { wibNumber: 100 }, interface: { name: 'eth2' } });

      const before = await one(sql`select count(*)::int as n from customer_ips`);
      const [held] = await q<{ ip: string; customer_id: number }>(sql`select host(ip) as ip, customer_id from customer_ips where operator_id = ${demo} and ip is not null and customer_id <> ${customer} limit 1`);
      const taken = await ok<{ customerIpCreate: any }>(add, { input: { customerId: gid('Customer', customer), ip: held!.ip } });
      expect(taken.customerIpCreate.userErrors).toEqual([{ field: ['input', 'ip'], message: `IP ${held!.ip} is already assigned to customer ${held!.customer_id}`, code: 'CONFLICT' }]);
      const bad = await ok<{ customerIpCreate: any }>(add, { input: { customerId: gid('Customer', 999999), ip: '10.254.254.254', gatewayId: gid('Gateway', 999999) } });
      expect(bad.customerIpCreate.userErrors.map((e: any) => [e.field.join('.'), e.code])).toEqual([
        ['input.customerId', 'NOT_FOUND'], ['input.gatewayId', 'NOT_FOUND'],
      ]);
      const empty = await ok<{ customerIpCreate: any }>(add, { input: { customerId: gid('Customer', customer) } });
      expect(empty.customerIpCreate.userErrors[0].field).toEqual(['input', 'ip']);
      expect(await one(sql`select count(*)::int as n from customer_ips`)).toBe(before);
    });

    it('releases the MAC, then the IP (and its RADIUS reply); an empty binding is deleted', async () => {
      const [binding] = await q<{ id: number; customer_id: number; ip: string }>(sql`select ci.id, ci.customer_id, host(ci.ip) as ip from customer_ips ci where ci.operator_id = ${demo}
        and ci.mac is not null and exists (select 1 from radreply r where r.customer_id = ci.customer_id and r.attribute = 'Framed-IP-Address' and r.value = host(ci.ip)) order by ci.id limit 1`);
      const id = gid('CustomerIp', binding!.id);
      // Jaze names the binding by its position among the customer's rows
      const positions = await q<{ id: number }>(sql`select id from customer_ips where customer_id = ${binding!.customer_id} order by id`);
      const ctx = { db: t.database.handle.db, actor: { operatorId: (await q<{ id: number }>(sql`select id from operators where code = 'demo'`))[0]!.id, staffUserId: null, role: 'api' as const, surface: 'jaze' as const } };
      expect(await idAtPosition(ctx, binding!.customer_id, positions.findIndex((p) => p.id === binding!.id) + 1)).toBe(binding!.id);
      await expect(idAtPosition(ctx, binding!.customer_id, positions.length + 1)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(idAtPosition(ctx, binding!.customer_id, 0)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      const mac = await ok<{ customerIpRelease: any }>(release, { input: { id, release: 'MAC' } });
      expect(mac.customerIpRelease).toEqual({ customerIp: { ip: binding!.ip, mac: null }, deletedCustomerIpId: null, userErrors: [] });
      const again = await ok<{ customerIpRelease: any }>(release, { input: { id, release: 'BOTH' } });
      expect(again.customerIpRelease.userErrors).toEqual([{ field: ['input', 'release'], code: 'PRECONDITION_FAILED' }]);
      expect(await one(sql`select count(*)::int as n from customer_ips where id = ${binding!.id} and ip is not null`)).toBe(1);
      const ip = await ok<{ customerIpRelease: any }>(release, { input: { id, release: 'IP' } });
      expect(ip.customerIpRelease).toEqual({ customerIp: null, deletedCustomerIpId: id, userErrors: [] });
      expect(await one(sql`select count(*)::int as n from customer_ips where id = ${binding!.id}`)).toBe(0);
      expect(await one(sql`select count(*)::int as n from radreply where customer_id = ${binding!.customer_id} and value = ${binding!.ip}`)).toBe(0);
    });

    it("generates public addresses from the customer's gateway, skipping taken ones, without saving unless asked", async () => {
      const customer = await serviceCustomer(1);
      await ok(add, { input: { customerId: gid('Customer', customer), ip: '192.0.2.11' } });
      const before = await one(sql`select count(*)::int as n from customer_ips`);
      const dry = await ok<{ customerIpGenerate: any }>(generate, { input: { customerId: gid('Customer', customer), quantity: 3, ipType: 'PUBLIC' } });
      expect(dry.customerIpGenerate.userErrors).toEqual([]);
      const [eth2] = await q<{ id: number; gateway_id: number }>(sql`select id, gateway_id from interfaces where operator_id = ${demo} and network = '192.0.2.0/24'`);
      expect(dry.customerIpGenerate.generation).toEqual({
        gateway: { id: gid('Gateway', eth2!.gateway_id) }, wibNumber: 100, interface: { id: gid('NetworkInterface', eth2!.id) }, ipType: 'PUBLIC', quantity: 3, generated: 3,
        ips: ['192.0.2.10', '192.0.2.12', '192.0.2.13'], saved: false,
      });
      expect(await one(sql`select count(*)::int as n from customer_ips`)).toBe(before);

      const saved = await ok<{ customerIpGenerate: any }>(generate, { input: { customerId: gid('Customer', customer), quantity: 2, ipType: 'PUBLIC', save: true, syncRadius: true } });
      expect(saved.customerIpGenerate.generation).toMatchObject({ ips: ['192.0.2.10', '192.0.2.12'], saved: true });
      const stored = await q<{ ip: string; is_public: boolean; interface_id: number; radius_username: string | null }>(
        sql`select host(ip) as ip, is_public, interface_id, radius_username from customer_ips where customer_id = ${customer} and ip <<= '192.0.2.0/24' order by ip`,
      );
      const [account] = await q<{ username: string }>(sql`select username from radius_accounts where customer_id = ${customer}`);
      expect(stored).toEqual([
        { ip: '192.0.2.10', is_public: true, interface_id: eth2!.id, radius_username: account!.username },
        { ip: '192.0.2.11', is_public: false, interface_id: eth2!.id, radius_username: null },
        { ip: '192.0.2.12', is_public: true, interface_id: eth2!.id, radius_username: null },
      ]);
      const replies = await q<{ value: string }>(sql`select value from radreply where username = ${account!.username} and attribute = 'Framed-IP-Address'`);
      expect(replies).toEqual([{ value: '192.0.2.10' }]);
    });

    it("defaults to the customer's private range, or the interface given; refuses what cannot be met, writing nothing", async () => {
      const customer = await serviceCustomer(2);
      const taken = new Set((await q<{ ip: string }>(sql`select host(ip) as ip from customer_ips where operator_id = ${demo} and ip <<= '100.64.0.0/10'`)).map((r) => r.ip));
      let expected = ipNum('100.64.0.2');
      while (taken.has(intIp(expected))) expected++;
      const priv = await ok<{ customerIpGenerate: any }>(generate, { input: { customerId: gid('Customer', customer) } });
      expect(priv.customerIpGenerate.generation).toMatchObject({ ipType: 'PRIVATE', quantity: 1, generated: 1, wibNumber: 100 });
      // the lowest free address from startIp (a released one is handed out again)
      expect(priv.customerIpGenerate.generation.ips).toEqual([intIp(expected)]);

      const [lan1] = await q<{ id: number }>(sql`select id from interfaces where operator_id = ${demo} and network = '198.51.100.0/26'`);
      const given = await ok<{ customerIpGenerate: any }>(generate, { input: { customerId: gid('Customer', customer), interfaceId: gid('NetworkInterface', lan1!.id), quantity: 2 } });
      expect(given.customerIpGenerate.generation).toMatchObject({ wibNumber: 101, ips: ['198.51.100.2', '198.51.100.3'] });

      const before = [await one(sql`select count(*)::int as n from customer_ips`), await one(sql`select count(*)::int as n from radreply`)];
      const tooMany = await ok<{ customerIpGenerate: any }>(generate, { input: { customerId: gid('Customer', customer), interfaceId: gid('NetworkInterface', lan1!.id), quantity: 61, save: true } });
      expect(tooMany.customerIpGenerate.userErrors).toEqual([{ field: ['input', 'quantity'], message: expect.stringContaining('only 60 free addresses; 61 requested'), code: 'PRECONDITION_FAILED' }]);
      const syncOnly = await ok<{ customerIpGenerate: any }>(generate, { input: { customerId: gid('Customer', customer), syncRadius: true, quantity: 0 } });
      expect(syncOnly.customerIpGenerate.userErrors.map((e: any) => e.field.join('.'))).toEqual(['input.quantity', 'input.syncRadius']);
      const [noGateway] = await q<{ id: number }>(sql`select id from customers where operator_id = ${demo} and gateway_id is null limit 1`);
      const orphan = await ok<{ customerIpGenerate: any }>(generate, { input: { customerId: gid('Customer', noGateway!.id) } });
      expect(orphan.customerIpGenerate.userErrors[0]).toMatchObject({ field: ['input', 'interfaceId'], code: 'PRECONDITION_FAILED' });
      expect([await one(sql`select count(*)::int as n from customer_ips`), await one(sql`select count(*)::int as n from radreply`)]).toEqual(before);
    });

    it('never hands the same address to two generations running at once', async () => {
      const [a, b] = [await serviceCustomer(3), await serviceCustomer(4)];
      const [lan1] = await q<{ id: number }>(sql`select id from interfaces where operator_id = ${demo} and network = '198.51.100.0/26'`);
      const run = (customer: number) =>
        ok<{ customerIpGenerate: any }>(generate, { input: { customerId: gid('Customer', customer), interfaceId: gid('NetworkInterface', lan1!.id), quantity: 5, save: true } });
      const results = await Promise.all([run(a), run(b), run(a), run(b)]);
      const ips = results.flatMap((r) => {
        expect(r.customerIpGenerate.userErrors).toEqual([]);
        return r.customerIpGenerate.generation.ips as string[];
      });
      expect(new Set(ips).size).toBe(20);
      expect(await one(sql`select count(*)::int as n from customer_ips where ip <<= '198.51.100.0/26'`)).toBe(20);
    });
  });

  it("keeps operators apart: another operator can neither see nor touch the demo network, and may reuse its addresses", async () => {
    const { generateOperator } = await import('../../src/db/seed/generator');
    const { token: otherToken } = await generateOperator(t.database.handle.db, { operatorCode: 'nw-other', customers: 3 });
    const pick = async (query: ReturnType<typeof sql>) => (await q<{ id: number }>(query))[0]!.id;
    const eq = await pick(sql`select id from equipment where operator_id = ${demo} order by id limit 1`);
    const bs = await pick(sql`select id from basestations where operator_id = ${demo} order by id limit 1`);
    const cust = await pick(sql`select id from customers where operator_id = ${demo} and gateway_id is not null order by id limit 1`);
    const theirCustomer = await pick(sql`select c.id from customers c join operators o on o.id = c.operator_id where o.code = 'nw-other' order by c.id limit 1`);
    const [held] = await q<{ ip: string }>(sql`select host(d.ip) as ip from customer_ips d where d.operator_id = ${demo} and d.ip is not null
      and not exists (select 1 from customer_ips o join operators op on op.id = o.operator_id where op.code = 'nw-other' and o.ip = d.ip) order by d.ip desc limit 1`);
    const before = [await one(sql`select count(*)::int as n from equipment where operator_id = ${demo}`), await one(sql`select count(*)::int as n from basestations`)];
    const res = await t.gql<Record<string, { userErrors: UserErrors }>>(
      `mutation($eq: ID!, $bs: ID!, $cust: ID!, $mine: ID!, $ip: IPv4!) {
        equipmentUpdate(input: { id: $eq, nickname: "HIJACK" }) { userErrors { field message code } }
        equipmentDelete(input: { id: $eq }) { userErrors { field message code } }
        equipmentLoginCreate(input: { equipmentId: $eq, username: "x" }) { userErrors { field message code } }
        equipmentCreate(input: { nickname: "THEIRS", parentId: $eq }) { userErrors { field message code } }
        cpeCreate(input: { equipmentId: $eq, customerId: $cust }) { userErrors { field message code } }
        basestationDelete(input: { id: $bs }) { userErrors { field message code } }
        customerIpGenerate(input: { customerId: $cust }) { userErrors { field message code } }
        customerIpCreate(input: { customerId: $mine, ip: $ip }) { userErrors { field message code } }
      }`,
      { eq: gid('Equipment', eq), bs: gid('Basestation', bs), cust: gid('Customer', cust), mine: gid('Customer', theirCustomer), ip: held!.ip },
      otherToken,
    );
    expect(res.errors).toBeUndefined();
    const codes = Object.fromEntries(Object.entries(res.data).map(([k, v]) => [k, v.userErrors.map((e) => e.code)]));
    expect(codes).toEqual({
      equipmentUpdate: ['NOT_FOUND'], equipmentDelete: ['NOT_FOUND'], equipmentLoginCreate: ['NOT_FOUND'], equipmentCreate: ['NOT_FOUND'],
      cpeCreate: ['NOT_FOUND', 'NOT_FOUND'], basestationDelete: ['NOT_FOUND'], customerIpGenerate: ['NOT_FOUND'], customerIpCreate: [],
    });
    expect([await one(sql`select count(*)::int as n from equipment where operator_id = ${demo}`), await one(sql`select count(*)::int as n from basestations`)]).toEqual(before);
    expect(await one(sql`select count(*)::int as n from equipment where nickname = 'HIJACK'`)).toBe(0);
  });
});

function intIp(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
}
