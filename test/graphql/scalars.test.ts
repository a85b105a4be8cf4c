import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enabledEngines } from '../helpers/engines';
import { startTestApp, type TestApp } from '../helpers/app';

/** E-mail, IP and MAC inputs are scalars: a malformed value is refused before anything runs. */
describe.each(enabledEngines())('meaningful input scalars on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(async () => {
    await t?.stop();
  });

  const SITE = 'mutation($i: SiteCreateInput!) { siteCreate(input: $i) { site { name email } userErrors { message } } }';
  const EQUIPMENT = 'mutation($i: EquipmentCreateInput!) { equipmentCreate(input: $i) { equipment { ipAddress mac } userErrors { message } } }';
  const STAFF = 'mutation($i: StaffUserCreateInput!) { staffUserCreate(input: $i) { staffUser { email } userErrors { message } } }';

  it.each([
    ['a site e-mail', SITE, { name: 'Scalar site', email: 'not-an-email' }, /i\.email.*not a valid email/],
    ['a staff e-mail', STAFF, { username: 'scalar_staff', role: 'STAFF', email: 'a@' }, /i\.email.*not a valid email/],
    ['an equipment IP', EQUIPMENT, { ipAddress: '300.1.1.1' }, /i\.ipAddress.*IP/],
    ['an equipment MAC', EQUIPMENT, { mac: 'aa:bb:cc:dd:ee' }, /i\.mac.*MAC/],
  ])('refuses %s that is malformed, writing nothing', async (_name, query, input, message) => {
    const res = await t.gql<Record<string, unknown>>(query, { i: input });
    expect(res.data).toBeUndefined();
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(message);
  });

  it('accepts well-formed values', async () => {
    const site = await t.gql<{ siteCreate: { site: { email: string }; userErrors: unknown[] } }>(SITE, { i: { name: 'Scalar site ok', email: 'noc@example.ie' } });
    expect(site.data.siteCreate.userErrors).toEqual([]);
    expect(site.data.siteCreate.site.email).toBe('noc@example.ie');
    const device = await t.gql<{ equipmentCreate: { equipment: { ipAddress: string; mac: string } | null; userErrors: unknown[] } }>(EQUIPMENT, {
      i: { ipAddress: '10.20.30.40', mac: 'aa:bb:cc:dd:ee:01', nickname: 'scalar-test' },
    });
    expect(device.errors).toBeUndefined();
    expect(device.data.equipmentCreate.userErrors).toEqual([]);
    expect(device.data.equipmentCreate.equipment!.ipAddress).toBe('10.20.30.40');
  });
});
