/**
 * Address-book writes (Jaze add_area / add_street / add_block) and placing a customer in the
 * address book, through GraphQL against the demo data, cross-checked with SQL: required and
 * unique names, parents inside the operator, the street-in-area / building-on-street rule,
 * nothing written on bad input, and staff users as nodes.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enabledEngines } from '../helpers/engines';
import { startTestApp, type TestApp } from '../helpers/app';
import { rows } from '../helpers/sql';

type UserErrors = { field: string[]; message: string; code: string }[];
type Named = { id: string; legacyId: number; name: string; internal: string | null };
const gid = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64url');

describe.each(enabledEngines())('GraphQL locations on %s', (engine) => {
  let t: TestApp;
  const q = <T>(query: ReturnType<typeof sql>) => rows<T>(t.database.handle.db, query);
  const one = async (query: ReturnType<typeof sql>) => Number((await q<{ n: number }>(query))[0]!.n);
  const ok = async <T>(query: string, variables?: Record<string, unknown>, token?: string) => {
    const res = await t.gql<T>(query, variables, token);
    expect(res.errors).toBeUndefined();
    return res.data;
  };
  const call = <T>(mutation: string, inputType: string, selection: string, input: Record<string, unknown>, token?: string) =>
    ok<Record<string, T & { userErrors: UserErrors }>>(`mutation($input: ${inputType}!) { ${mutation}(input: $input) { ${selection} userErrors { field message code } } }`, { input }, token).then(
      (d) => d[mutation]!,
    );
  const area = (m: 'areaCreate' | 'areaUpdate', input: Record<string, unknown>, token?: string) =>
    call<{ area: Named | null }>(m, m === 'areaCreate' ? 'AreaCreateInput' : 'AreaUpdateInput', 'area { id legacyId name internal }', input, token);
  const street = (m: 'streetCreate' | 'streetUpdate', input: Record<string, unknown>) =>
    call<{ street: (Named & { area: { legacyId: number } }) | null }>(m, m === 'streetCreate' ? 'StreetCreateInput' : 'StreetUpdateInput', 'street { id legacyId name internal area { legacyId } }', input);
  const building = (m: 'buildingCreate' | 'buildingUpdate', input: Record<string, unknown>) =>
    call<{ building: (Named & { street: { legacyId: number } }) | null }>(
      m,
      m === 'buildingCreate' ? 'BuildingCreateInput' : 'BuildingUpdateInput',
      'building { id legacyId name internal street { legacyId } }',
      input,
    );
  const locate = (input: Record<string, unknown>) =>
    call<{ customer: { location: { area: { legacyId: number } | null; street: { legacyId: number } | null; building: { legacyId: number } | null } } | null }>(
      'customerLocationUpdate',
      'CustomerLocationUpdateInput',
      'customer { location { area { legacyId } street { legacyId } building { legacyId } } }',
      input,
    );
  const counts = async () => [
    await one(sql`select count(*)::int as n from areas`),
    await one(sql`select count(*)::int as n from streets`),
    await one(sql`select count(*)::int as n from buildings`),
    await one(sql`select count(*)::int as n from audit_log where entity_type in ('area', 'street', 'building') or action = 'customer.location'`),
  ];
  const demoArea = async (name: string) => (await q<{ id: number }>(sql`select a.id from areas a join operators o on o.id = a.operator_id where o.code = 'demo' and a.name = ${name}`))[0]!.id;
  const streetIn = async (areaId: number, name: string) => (await q<{ id: number }>(sql`select id from streets where area_id = ${areaId} and name = ${name}`))[0]!.id;
  const buildingOn = async (streetId: number, name: string) => (await q<{ id: number }>(sql`select id from buildings where street_id = ${streetId} and name = ${name}`))[0]!.id;

  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('creates and renames areas; names are required and unique in the operator; bad input writes nothing', async () => {
    const made = await area('areaCreate', { name: '  Docklands ', internal: 'D1' });
    expect(made.userErrors).toEqual([]);
    expect(made.area).toMatchObject({ name: 'Docklands', internal: 'D1' });
    expect((await q<{ name: string }>(sql`select name from areas where id = ${made.area!.legacyId}`))[0]!.name).toBe('Docklands');

    const before = await counts();
    expect((await area('areaCreate', { name: ' ' })).userErrors).toEqual([expect.objectContaining({ field: ['input', 'name'], code: 'INVALID' })]);
    expect((await area('areaCreate', { name: 'Harbour' })).userErrors).toEqual([expect.objectContaining({ field: ['input', 'name'], code: 'CONFLICT' })]);
    const id = made.area!.id;
    expect((await area('areaUpdate', { id, name: 'Northside' })).userErrors).toEqual([expect.objectContaining({ field: ['input', 'name'], code: 'CONFLICT' })]);
    expect((await area('areaUpdate', { id, name: '' })).userErrors).toEqual([expect.objectContaining({ field: ['input', 'name'], code: 'INVALID' })]);
    expect((await area('areaUpdate', { id: gid('Area', 999999), name: 'X' })).userErrors).toEqual([expect.objectContaining({ field: ['input', 'id'], code: 'NOT_FOUND' })]);
    expect((await area('areaUpdate', { id: gid('Street', made.area!.legacyId), name: 'X' })).userErrors).toEqual([expect.objectContaining({ field: ['input', 'id'], code: 'INVALID' })]);
    expect(await counts()).toEqual(before);

    const renamed = await area('areaUpdate', { id, name: 'Docks', internal: null });
    expect(renamed.userErrors).toEqual([]);
    expect(renamed.area).toMatchObject({ legacyId: made.area!.legacyId, name: 'Docks', internal: null });
    // keeping its own name is not a clash
    expect((await area('areaUpdate', { id, name: 'Docks' })).userErrors).toEqual([]);
    expect(await q(sql`select name, internal from areas where id = ${made.area!.legacyId}`)).toEqual([{ name: 'Docks', internal: null }]);
  });

  it('creates streets in an existing area of the operator, unique within the area', async () => {
    const harbour = await demoArea('Harbour');
    const northside = await demoArea('Northside');
    const made = await street('streetCreate', { areaId: gid('Area', harbour), name: 'Quay Street' });
    expect(made.userErrors).toEqual([]);
    expect(made.street).toMatchObject({ name: 'Quay Street', area: { legacyId: harbour } });
    // the same name in another area is fine
    expect((await street('streetCreate', { areaId: gid('Area', northside), name: 'Quay Street' })).userErrors).toEqual([]);

    const before = await counts();
    expect((await street('streetCreate', { areaId: gid('Area', harbour), name: 'Main Street' })).userErrors).toEqual([
      expect.objectContaining({ field: ['input', 'name'], code: 'CONFLICT' }),
    ]);
    const bad = await street('streetCreate', { areaId: gid('Area', 999999), name: '' });
    expect(Object.fromEntries(bad.userErrors.map((e) => [e.field.join('.'), e.code]))).toEqual({ 'input.name': 'INVALID', 'input.areaId': 'NOT_FOUND' });
    // moving onto a name the target area already has
    expect((await street('streetUpdate', { id: made.street!.id, areaId: gid('Area', northside) })).userErrors).toEqual([
      expect.objectContaining({ field: ['input', 'name'], code: 'CONFLICT' }),
    ]);
    expect(await counts()).toEqual(before);
    expect((await q<{ area_id: number }>(sql`select area_id from streets where id = ${made.street!.legacyId}`))[0]!.area_id).toBe(harbour);

    const renamed = await street('streetUpdate', { id: made.street!.id, name: 'Harbour Quay', internal: 'HQ' });
    expect(renamed.street).toMatchObject({ name: 'Harbour Quay', internal: 'HQ', area: { legacyId: harbour } });
  });

  it('creates buildings on an existing street, unique on the street', async () => {
    const harbour = await demoArea('Harbour');
    const main = await streetIn(harbour, 'Main Street');
    const made = await building('buildingCreate', { streetId: gid('Street', main), name: 'Block C' });
    expect(made.userErrors).toEqual([]);
    expect(made.building).toMatchObject({ name: 'Block C', street: { legacyId: main } });

    const before = await counts();
    expect((await building('buildingCreate', { streetId: gid('Street', main), name: 'Block A' })).userErrors).toEqual([
      expect.objectContaining({ field: ['input', 'name'], code: 'CONFLICT' }),
    ]);
    expect((await building('buildingCreate', { streetId: gid('Street', 999999), name: 'Block Z' })).userErrors).toEqual([
      expect.objectContaining({ field: ['input', 'streetId'], code: 'NOT_FOUND' }),
    ]);
    expect((await building('buildingUpdate', { id: made.building!.id, name: 'Block B' })).userErrors).toEqual([
      expect.objectContaining({ field: ['input', 'name'], code: 'CONFLICT' }),
    ]);
    expect(await counts()).toEqual(before);
    expect((await building('buildingUpdate', { id: made.building!.id, name: 'Block D' })).building).toMatchObject({ name: 'Block D' });
  });

  it('places a customer: the street must be in the area and the building on the street', async () => {
    const harbour = await demoArea('Harbour');
    const north = await demoArea('Northside');
    const main = await streetIn(harbour, 'Main Street');
    const mill = await streetIn(harbour, 'Mill Lane');
    const northMain = await streetIn(north, 'Main Street');
    const blockA = await buildingOn(main, 'Block A');
    const customerId = 7;
    const customer = gid('Customer', customerId);
    const where = () => q(sql`select area_id, street_id, building_id from customers where id = ${customerId}`);

    const set = await locate({ customerId: customer, areaId: gid('Area', harbour), streetId: gid('Street', main), buildingId: gid('Building', blockA) });
    expect(set.userErrors).toEqual([]);
    expect(set.customer!.location).toEqual({ area: { legacyId: harbour }, street: { legacyId: main }, building: { legacyId: blockA } });
    expect(await where()).toEqual([{ area_id: harbour, street_id: main, building_id: blockA }]);

    const before = await counts();
    const wrongArea = await locate({ customerId: customer, areaId: gid('Area', north), streetId: gid('Street', main) });
    expect(wrongArea.userErrors).toEqual([expect.objectContaining({ field: ['input', 'streetId'], code: 'INVALID' })]);
    const wrongStreet = await locate({ customerId: customer, areaId: gid('Area', harbour), streetId: gid('Street', mill), buildingId: gid('Building', blockA) });
    expect(wrongStreet.userErrors).toEqual([expect.objectContaining({ field: ['input', 'buildingId'], code: 'INVALID' })]);
    const noArea = await locate({ customerId: customer, streetId: gid('Street', northMain) });
    expect(noArea.userErrors).toEqual([expect.objectContaining({ field: ['input', 'areaId'] })]);
    const missing = await locate({ customerId: gid('Customer', 999999), areaId: gid('Area', harbour) });
    expect(missing.userErrors).toEqual([expect.objectContaining({ field: ['input', 'customerId'], code: 'NOT_FOUND' })]);
    expect(await counts()).toEqual(before);
    expect(await where()).toEqual([{ area_id: harbour, street_id: main, building_id: blockA }]);

    // replaced as a whole: an area alone clears street and building
    const areaOnly = await locate({ customerId: customer, areaId: gid('Area', north) });
    expect(areaOnly.customer!.location).toEqual({ area: { legacyId: north }, street: null, building: null });
    expect(await where()).toEqual([{ area_id: north, street_id: null, building_id: null }]);
  });

  it('moving a street or building moves the customers placed on it, keeping the location consistent', async () => {
    const harbour = await demoArea('Harbour');
    const centre = await demoArea('City Centre');
    const lane = (await street('streetCreate', { areaId: gid('Area', harbour), name: 'Ferry Lane' })).street!;
    const block = (await building('buildingCreate', { streetId: lane.id, name: 'Ferry House' })).building!;
    const customerId = 8;
    expect((await locate({ customerId: gid('Customer', customerId), areaId: gid('Area', harbour), streetId: lane.id, buildingId: block.id })).userErrors).toEqual([]);

    expect((await street('streetUpdate', { id: lane.id, areaId: gid('Area', centre) })).street).toMatchObject({ area: { legacyId: centre } });
    expect(await q(sql`select area_id, street_id, building_id from customers where id = ${customerId}`)).toEqual([{ area_id: centre, street_id: lane.legacyId, building_id: block.legacyId }]);

    const other = await streetIn(harbour, 'Church Road');
    expect((await building('buildingUpdate', { id: block.id, streetId: gid('Street', other) })).building).toMatchObject({ street: { legacyId: other } });
    expect(await q(sql`select area_id, street_id, building_id from customers where id = ${customerId}`)).toEqual([{ area_id: harbour, street_id: other, building_id: block.legacyId }]);
    // no customer anywhere has a street outside its area or a building off its street
    expect(
      await one(sql`select count(*)::int as n from customers c left join streets s on s.id = c.street_id left join buildings b on b.id = c.building_id
        where (c.street_id is not null and s.area_id is distinct from c.area_id) or (c.building_id is not null and b.street_id is distinct from c.street_id)`),
    ).toBe(0);
  });

  it("keeps operators apart: another operator can neither use nor change the demo address book", async () => {
    const { generateOperator } = await import('../../src/db/seed/generator');
    const { token } = await generateOperator(t.database.handle.db, { operatorCode: 'loc-other', customers: 3 });
    const harbour = await demoArea('Harbour');
    const main = await streetIn(harbour, 'Main Street');
    const before = await counts();
    expect((await area('areaUpdate', { id: gid('Area', harbour), name: 'Taken Over' }, token)).userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND' })]);
    const theirStreet = await call<{ street: unknown }>('streetCreate', 'StreetCreateInput', 'street { id }', { areaId: gid('Area', harbour), name: 'Sneaky' }, token);
    expect(theirStreet.userErrors).toEqual([expect.objectContaining({ field: ['input', 'areaId'], code: 'NOT_FOUND' })]);
    const theirBuilding = await call<{ building: unknown }>('buildingCreate', 'BuildingCreateInput', 'building { id }', { streetId: gid('Street', main), name: 'Sneaky' }, token);
    expect(theirBuilding.userErrors).toEqual([expect.objectContaining({ field: ['input', 'streetId'], code: 'NOT_FOUND' })]);
    expect(await counts()).toEqual(before);
    // an area name is unique per operator, not globally
    expect((await area('areaCreate', { name: 'Harbour Two' }, token)).userErrors).toEqual([]);
  });

  it('lists staff users of the operator as nodes, never with a password hash', async () => {
    const data = await ok<{ staffUsers: { id: string; legacyId: number; username: string; displayName: string; email: string | null; role: string; active: boolean }[] }>(
      '{ staffUsers { id legacyId username displayName email role active } }',
    );
    const expected = await q<{ id: number; username: string; role: string }>(
      sql`select s.id, s.username, s.role::text as role from staff_users s join operators o on o.id = s.operator_id where o.code = 'demo' order by s.username, s.id`,
    );
    expect(data.staffUsers.map((s) => [s.legacyId, s.username, s.role.toLowerCase()])).toEqual(expected.map((e) => [e.id, e.username, e.role]));
    expect(data.staffUsers.find((s) => s.username === 'manager')).toMatchObject({ displayName: 'Mary Manager', role: 'MANAGER', active: true, email: 'manager@demo.example' });

    const filtered = await ok<{ staffUsers: { username: string }[] }>('{ staffUsers(filter: { role: [API] }) { username } }');
    expect(filtered.staffUsers.map((s) => s.username)).toEqual(['crm', 'demo']);

    const admin = data.staffUsers.find((s) => s.username === 'admin')!;
    const node = await ok<{ node: { __typename: string; username: string; role: string } | null }>('query($id: ID!) { node(id: $id) { __typename ... on StaffUser { username role } } }', { id: admin.id });
    expect(node.node).toEqual({ __typename: 'StaffUser', username: 'admin', role: 'ADMIN' });

    const hash = await t.gql('{ staffUsers { passwordHash } }');
    expect(hash.errors?.[0]?.message).toMatch(/passwordHash/);

    const { generateOperator } = await import('../../src/db/seed/generator');
    const { token } = await generateOperator(t.database.handle.db, { operatorCode: 'staff-other', customers: 1 });
    const theirs = await ok<{ staffUsers: { username: string }[]; node: unknown }>('query($id: ID!) { staffUsers { username } node(id: $id) { id } }', { id: admin.id }, token);
    expect(theirs.node).toBeNull();
    expect(theirs.staffUsers.length).toBe(await one(sql`select count(*)::int as n from staff_users s join operators o on o.id = s.operator_id where o.code = 'staff-other'`));
    expect(theirs.staffUsers.some((s) => s.username === 'manager')).toBe(false);
  });
});
