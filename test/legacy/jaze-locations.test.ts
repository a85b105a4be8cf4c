/**
 * Jaze address book endpoints (E15 add_area, E16 add_street, E17 add_block, E18 get_all_areas,
 * E19 get_all_streets, E20 get_all_buildings): writes are checked through the GraphQL address
 * book, lists against it, and refused input must leave it unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app';
import { enabledEngines } from '../helpers/engines';
import { jaze } from '../helpers/jaze';

interface GqlBuilding {
  legacyId: number;
  name: string;
}
interface GqlStreet {
  legacyId: number;
  name: string;
  buildings: GqlBuilding[];
}
interface GqlArea {
  legacyId: number;
  name: string;
  internal: string | null;
  streets: GqlStreet[];
}

describe.each(enabledEngines())('Jaze address book on %s', (engine) => {
  let t: TestApp;
  const post = (path: string, params: Record<string, string | number | undefined>, options?: { token?: string | null; json?: boolean }) =>
    jaze(t.url, 'POST', path, params, options);

  async function addressBook(): Promise<GqlArea[]> {
    type Page<T> = { nodes: T[]; pageInfo: { hasNextPage: boolean } };
    type Area = Omit<GqlArea, 'streets'> & { streets: Page<Omit<GqlStreet, 'buildings'> & { buildings: Page<GqlBuilding> }> };
    // Pages small enough for the query cost (the unpaged areas count as ten), and each one whole.
    const res = await t.gql<{ areas: Area[] }>(
      '{ areas { legacyId name internal streets(first: 30) { nodes { legacyId name buildings(first: 20) { nodes { legacyId name } pageInfo { hasNextPage } } } pageInfo { hasNextPage } } } }',
    );
    expect(res.errors).toBeUndefined();
    const pages = res.data.areas.flatMap((a) => [a.streets, ...a.streets.nodes.map((s) => s.buildings)]);
    expect(pages.filter((p) => p.pageInfo.hasNextPage)).toEqual([]);
    // flattened: the tests below read the address book as plain lists
    return res.data.areas.map((a) => ({ ...a, streets: a.streets.nodes.map((s) => ({ ...s, buildings: s.buildings.nodes })) }));
  }
  const areaNamed = async (name: string) => (await addressBook()).find((a) => a.name === name);
  const streetsOf = (areas: GqlArea[]) => areas.flatMap((a) => a.streets.map((s) => ({ ...s, areaId: a.legacyId })));
  const buildingsOf = (areas: GqlArea[]) => streetsOf(areas).flatMap((s) => s.buildings.map((b) => ({ ...b, streetId: s.legacyId })));

  async function locationOf(customerId: number) {
    const res = await t.gql<{ customer: { location: { area: { legacyId: number } | null; street: { legacyId: number } | null; building: { legacyId: number } | null } } }>(
      'query($id: Int!) { customer(legacyId: $id) { location { area { legacyId } street { legacyId } building { legacyId } } } }',
      { id: customerId },
    );
    expect(res.errors).toBeUndefined();
    return res.data.customer.location;
  }

  function expectFailure(body: { status: string; errorCode: number; message: string }, errorCode: number, message?: RegExp) {
    expect(body.status).toBe('failure');
    expect(body.errorCode).toBe(errorCode);
    if (message) expect(body.message).toMatch(message);
  }

  beforeAll(async () => {
    t = await startTestApp(engine);
  }, 120_000);
  afterAll(async () => t?.stop());

  describe('E15 add_area', () => {
    it('adds an area and answers the bare success envelope', async () => {
      const res = await post('/api/v1/add_area', { areaName: 'Riverside' });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ status: 'success', errorCode: 200 });
      const area = await areaNamed('Riverside');
      expect(area).toMatchObject({ name: 'Riverside', internal: null, streets: [] });
    });

    it('renames an area given inputAreaId (JSON body too)', async () => {
      await post('/api/v1/add_area', { areaName: 'Old Town' });
      const area = (await areaNamed('Old Town'))!;
      const res = await post('/api/v1/add_area', { areaName: 'Old Town Quarter', inputAreaId: area.legacyId }, { json: true });
      expect(res.body).toEqual({ status: 'success', errorCode: 200 });
      const after = await addressBook();
      expect(after.find((a) => a.legacyId === area.legacyId)!.name).toBe('Old Town Quarter');
      expect(after.some((a) => a.name === 'Old Town')).toBe(false);
    });

    it('refuses a missing or blank name, a duplicate, an unknown or malformed id; nothing changes', async () => {
      const before = await addressBook();
      const existing = before[0]!;
      expectFailure((await post('/api/v1/add_area', {})).body, 400, /areaName is required/);
      expectFailure((await post('/api/v1/add_area', { areaName: '   ' })).body, 400, /name is required/);
      expectFailure((await post('/api/v1/add_area', { areaName: existing.name })).body, 409, /already exists/);
      expectFailure((await post('/api/v1/add_area', { areaName: 'Nowhere', inputAreaId: 999999 })).body, 404, /area 999999 does not exist/);
      expectFailure((await post('/api/v1/add_area', { areaName: 'Nowhere', inputAreaId: 'abc' })).body, 400, /inputAreaId/);
      // An unknown parameter is ignored; it does not hide the known ones' problems.
      expectFailure((await post('/api/v1/add_area', { areaName: '   ', colour: 'red' })).body, 400, /name is required/);
      const renameClash = before[1]!;
      expectFailure((await post('/api/v1/add_area', { areaName: renameClash.name, inputAreaId: existing.legacyId })).body, 409);
      expect(await addressBook()).toEqual(before);
    });

    it('refuses calls without a valid token', async () => {
      const before = await addressBook();
      const res = await post('/api/v1/add_area', { areaName: 'Sneaky' }, { token: null });
      expect(res.status).toBe(200);
      expectFailure(res.body, 401);
      expectFailure((await post('/api/v1/add_area', { areaName: 'Sneaky' }, { token: 'not-a-token' })).body, 401);
      expect(await addressBook()).toEqual(before);
    });
  });

  describe('E16 add_street', () => {
    it('adds a street to an area', async () => {
      const area = (await addressBook())[0]!;
      const res = await post('/api/v1/add_street', { StreetName: 'Quay Street', inputAreaId: area.legacyId });
      expect(res.body).toEqual({ status: 'success', errorCode: 200 });
      const after = (await addressBook()).find((a) => a.legacyId === area.legacyId)!;
      expect(after.streets.map((s) => s.name)).toContain('Quay Street');
    });

    it('renames a street, and moving it to another area moves its customers along', async () => {
      const areas = await addressBook();
      const [from, to] = [areas[0]!, areas[1]!];
      const street = from.streets.find((s) => s.name === 'Main Street')!;
      // a customer placed on that street (demo customers are spread over the address book)
      const res1 = await t.gql<{ customers: { nodes: { legacyId: number; location: { street: { legacyId: number } | null } }[] } }>(
        '{ customers(first: 100) { nodes { legacyId location { street { legacyId } } } } }',
      );
      expect(res1.errors).toBeUndefined();
      const resident = res1.data.customers.nodes.find((c) => c.location.street?.legacyId === street.legacyId);
      expect(resident).toBeDefined();

      const res = await post('/api/v1/add_street', { StreetName: 'Main Street West', inputAreaId: to.legacyId, inputStreetId: street.legacyId });
      expect(res.body).toEqual({ status: 'success', errorCode: 200 });
      const after = await addressBook();
      expect(after.find((a) => a.legacyId === from.legacyId)!.streets.some((s) => s.legacyId === street.legacyId)).toBe(false);
      expect(after.find((a) => a.legacyId === to.legacyId)!.streets.find((s) => s.legacyId === street.legacyId)!.name).toBe('Main Street West');
      expect(await locationOf(resident!.legacyId)).toMatchObject({ area: { legacyId: to.legacyId }, street: { legacyId: street.legacyId } });
    });

    it('refuses missing fields, unknown area or street, and a duplicate; nothing changes', async () => {
      const before = await addressBook();
      const area = before[0]!;
      const street = area.streets[0]!;
      expectFailure((await post('/api/v1/add_street', { StreetName: 'X Street' })).body, 400, /inputAreaId is required/);
      expectFailure((await post('/api/v1/add_street', { inputAreaId: area.legacyId })).body, 400, /StreetName is required/);
      expectFailure((await post('/api/v1/add_street', { StreetName: 'X Street', inputAreaId: 999999 })).body, 404, /area 999999/);
      expectFailure((await post('/api/v1/add_street', { StreetName: 'X Street', inputAreaId: area.legacyId, inputStreetId: 999999 })).body, 404, /street 999999/);
      expectFailure((await post('/api/v1/add_street', { StreetName: street.name, inputAreaId: area.legacyId })).body, 409, /already exists/);
      expect(await addressBook()).toEqual(before);
    });
  });

  describe('E17 add_block', () => {
    it('adds a building on a street', async () => {
      const street = streetsOf(await addressBook())[0]!;
      const res = await post('/api/v1/add_block', { BlockName: 'Tower C', inputStreetId: street.legacyId });
      expect(res.body).toEqual({ status: 'success', errorCode: 200 });
      const after = streetsOf(await addressBook()).find((s) => s.legacyId === street.legacyId)!;
      expect(after.buildings.map((b) => b.name)).toContain('Tower C');
    });

    it('renames a building and moves it (with its customers) to another street', async () => {
      const streets = streetsOf(await addressBook());
      const [from, to] = [streets[0]!, streets.find((s) => s.areaId !== streets[0]!.areaId)!];
      const building = from.buildings.find((b) => b.name === 'Block A')!;
      const res1 = await t.gql<{ customers: { nodes: { legacyId: number; location: { building: { legacyId: number } | null } }[] } }>(
        '{ customers(first: 100) { nodes { legacyId location { building { legacyId } } } } }',
      );
      const resident = res1.data.customers.nodes.find((c) => c.location.building?.legacyId === building.legacyId);
      expect(resident).toBeDefined();

      const res = await post('/api/v1/add_block', { BlockName: 'Block A Annex', inputStreetId: to.legacyId, inputBlockId: building.legacyId });
      expect(res.body).toEqual({ status: 'success', errorCode: 200 });
      const moved = buildingsOf(await addressBook()).find((b) => b.legacyId === building.legacyId)!;
      expect(moved).toMatchObject({ name: 'Block A Annex', streetId: to.legacyId });
      expect(await locationOf(resident!.legacyId)).toMatchObject({ area: { legacyId: to.areaId }, street: { legacyId: to.legacyId }, building: { legacyId: building.legacyId } });
    });

    it('refuses missing fields, unknown street or block, and a duplicate; nothing changes', async () => {
      const before = await addressBook();
      const street = streetsOf(before).find((s) => s.buildings.length > 0)!;
      expectFailure((await post('/api/v1/add_block', { BlockName: 'Block Z' })).body, 400, /inputStreetId is required/);
      expectFailure((await post('/api/v1/add_block', { inputStreetId: street.legacyId })).body, 400, /BlockName is required/);
      expectFailure((await post('/api/v1/add_block', { BlockName: 'Block Z', inputStreetId: 999999 })).body, 404, /street 999999/);
      expectFailure((await post('/api/v1/add_block', { BlockName: 'Block Z', inputStreetId: street.legacyId, inputBlockId: 999999 })).body, 404, /building 999999/);
      expectFailure((await post('/api/v1/add_block', { BlockName: street.buildings[0]!.name, inputStreetId: street.legacyId })).body, 409, /already exists/);
      expect(await addressBook()).toEqual(before);
    });
  });

  describe('E18–E20 lists', () => {
    it('E18 get_all_areas lists the GraphQL areas as CollectionArea records', async () => {
      const areas = await addressBook();
      const res = await jaze(t.url, 'GET', '/api/v1/get_all_areas');
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('success');
      expect(res.body.errorCode).toBe(200);
      expect(res.body.data).toEqual(areas.map((a) => ({ CollectionArea: { id: String(a.legacyId), account_id: 'demo', area: a.name, internal: a.internal } })));
    });

    it('E19 get_all_streets lists all streets, or one area’s; an unknown area is 404', async () => {
      const areas = await addressBook();
      const all = await post('/api/v1/get_all_streets', {});
      expect(all.body.status).toBe('success');
      const ids = all.body.data.map((d: { CollectionStreet: { id: string } }) => Number(d.CollectionStreet.id)).sort((a: number, b: number) => a - b);
      expect(ids).toEqual(streetsOf(areas).map((s) => s.legacyId).sort((a, b) => a - b));

      const area = areas.find((a) => a.streets.length > 1)!;
      const one = await post('/api/v1/get_all_streets', { inputAreaId: area.legacyId });
      expect(one.body.data).toEqual(
        area.streets.map((s) => ({ CollectionStreet: { id: String(s.legacyId), account_id: 'demo', area_id: String(area.legacyId), street: s.name, internal: null } })),
      );
      const viaGet = await jaze(t.url, 'GET', '/api/v1/get_all_streets', { inputAreaId: area.legacyId });
      expect(viaGet.body.data).toEqual(one.body.data);

      expectFailure((await post('/api/v1/get_all_streets', { inputAreaId: 999999 })).body, 404, /area 999999/);
      expectFailure((await post('/api/v1/get_all_streets', { inputAreaId: 'north' })).body, 400, /inputAreaId/);
    });

    it('E20 get_all_buildings lists all buildings, or one street’s; an unknown street is 404', async () => {
      const areas = await addressBook();
      const all = await post('/api/v1/get_all_buildings', {});
      expect(all.body.data).toHaveLength(buildingsOf(areas).length);

      const street = streetsOf(areas).find((s) => s.buildings.length > 1)!;
      const one = await post('/api/v1/get_all_buildings', { streetId: street.legacyId });
      expect(one.body).toEqual({
        status: 'success',
        errorCode: 200,
        data: street.buildings.map((b) => ({ CollectionBlock: { id: String(b.legacyId), account_id: 'demo', street_id: String(street.legacyId), block: b.name, internal: null } })),
      });
      expectFailure((await post('/api/v1/get_all_buildings', { streetId: 999999 })).body, 404, /street 999999/);
    });
  });
});
