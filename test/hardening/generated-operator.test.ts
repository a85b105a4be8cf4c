/**
 * `db:seed --operator X` beside the demo: X gets random secrets of its own, and every demo
 * example the README shows keeps working afterwards (the M4 one used to answer Access Denied
 * for both operators, whose `admin` users then shared the secret `secret`).
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOperator, type GenerateReport } from '../../src/db/seed/generator';
import { DEMO } from '../../src/db/seed/demo';
import { enabledEngines } from '../helpers/engines';
import { startTestApp, type TestApp } from '../helpers/app';
import { rows } from '../helpers/sql';

const sha1 = (text: string) => createHash('sha1').update(text, 'utf8').digest('hex');

describe.each(enabledEngines())('a generated operator beside the demo on %s', (engine) => {
  let t: TestApp;
  let acme: GenerateReport;
  let acmeCustomerId: number;
  let demoCustomerId: number;

  beforeAll(async () => {
    t = await startTestApp(engine);
    acme = await generateOperator(t.database.handle.db, { operatorCode: 'acme', customers: 3 });
    const ids = await rows<{ operator: string; id: number }>(
      t.database.handle.db,
      sql`select o.code as operator, min(c.id)::int as id from customers c join operators o on o.id = c.operator_id group by o.code`,
    );
    acmeCustomerId = ids.find((r) => r.operator === 'acme')!.id;
    demoCustomerId = ids.find((r) => r.operator === 'demo')!.id;
  }, 180_000);
  afterAll(() => t?.stop());

  const get = async (path: string) => (await fetch(`${t.url}${path}`)).text();
  const postJson = async (path: string, body: unknown, headers: Record<string, string> = {}) =>
    (await fetch(`${t.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })).json() as Promise<Record<string, unknown>>;
  const m4 = (u: string, userId: number, secret: string) => get(`/billing/api/user_details_raw_get?u=${u}&user_id=${userId}&hash=${sha1(`${u}${userId}${secret}`)}`);

  it("gets random secrets, none of them the demo's", () => {
    const s = acme.secrets;
    expect(s.bearerToken).not.toBe('acme-token');
    expect(s.m4.apiSecret).not.toBe(DEMO.m4.apiSecret);
    expect(s.admin.password).not.toBe(DEMO.adminPassword);
    expect(s.portalPassword).not.toBe(DEMO.portalPassword);
    expect(s.crm.apiKey).not.toBe(DEMO.crm.apiKey);
    expect(s.simpler.password).not.toBe(DEMO.simpler.password);
    for (const secret of [s.bearerToken, s.m4.apiSecret, s.admin.password, s.crm.apiKey, s.simpler.password]) expect(secret.length).toBeGreaterThanOrEqual(24);
  });

  it("keeps the README's M4 example working, and signs acme's requests with acme's secret only", async () => {
    const example = await get('/billing/api/user_details_raw_get?u=admin&user_id=5&hash=80ea571b1932bfecb937013966849154cb995e05');
    expect(example).toContain('<id>5</id>');
    expect(example).not.toContain('Access Denied');
    expect(await m4('admin', acmeCustomerId, acme.secrets.m4.apiSecret)).toContain(`<id>${acmeCustomerId}</id>`);
    // The demo secret speaks for the demo operator, never for acme's customers.
    expect(await m4('admin', acmeCustomerId, DEMO.m4.apiSecret)).not.toContain(`<id>${acmeCustomerId}</id>`);
  });

  it('keeps the SIMPLer demo credential working; acme has its own', async () => {
    const demo = await postJson('/API/getCustomerData', { api_username: 'demo', api_password: 'demo', customerid: String(demoCustomerId) });
    expect(demo.result).toMatchObject({ customer: { id: String(demoCustomerId) } });
    const own = await postJson('/API/getCustomerData', { api_username: acme.secrets.simpler.username, api_password: acme.secrets.simpler.password, customerid: String(acmeCustomerId) });
    expect(own.result).toMatchObject({ customer: { id: String(acmeCustomerId) } });
    const demoPassword = await postJson('/API/getCustomerData', { api_username: acme.secrets.simpler.username, api_password: 'demo', customerid: String(acmeCustomerId) });
    expect(String(demoPassword.result)).toMatch(/^ERROR: /);
  });

  it('keeps the CRM demo key working; acme has its own', async () => {
    const list = (userid: number, apiKey: string) => postJson('/api/plan/list', { userid, api_key: apiKey, rows_limit: 1 });
    expect((await list(DEMO.crm.userId, DEMO.crm.apiKey)).error).toBeNull();
    expect((await list(acme.secrets.crm.userId, acme.secrets.crm.apiKey)).error).toBeNull();
    expect((await list(acme.secrets.crm.userId, DEMO.crm.apiKey)).error).not.toBeNull();
  });

  it('keeps the demo token working for Jaze and GraphQL; acme sees its own three customers', async () => {
    const count = async (token: string) => (await (await fetch(`${t.url}/api/v1/get_users_count`, { headers: { authorization: `Bearer ${token}` } })).json()) as { status: string; message: { total: number } };
    expect((await count(DEMO.bearerToken)).status).toBe('success');
    expect((await count(acme.token)).message.total).toBe(3);
    expect((await count('acme-token')).status).toBe('failure');
    const demoGraph = await t.gql<{ customers: { totalCount: number } }>('{ customers(first: 1) { totalCount } }');
    expect(demoGraph.data.customers.totalCount).toBeGreaterThan(3);
    const acmeGraph = await t.gql<{ customers: { totalCount: number } }>('{ customers(first: 1) { totalCount } }', undefined, acme.token);
    expect(acmeGraph.data.customers.totalCount).toBe(3);
  });
});
