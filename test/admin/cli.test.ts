/**
 * `npm run admin` end to end, as an ISP would run it: from a database holding only the demo
 * operator to an operator of its own with an admin, a token, a SIMPLer credential, a CRM key
 * and an M4 secret — each then working on its surface, for that operator only. On PGlite the
 * CLI is refused while the server holds DATA_DIR; on PostgreSQL it runs beside the server, and
 * a token or credential it revokes is refused by the running server at once. CLI spawns are
 * few (each costs seconds of tsx loading and, on PGlite, opening the database).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config';
import { DEMO } from '../../src/db/seed/demo';
import { startApp, type App } from '../../src/server/app';
import { createTestDatabase, enabledEngines, type TestDatabase } from '../helpers/engines';

const root = path.resolve(import.meta.dirname, '../..');
const sha1 = (text: string) => createHash('sha1').update(text, 'utf8').digest('hex');
const ADMIN_PASSWORD = 'a long admin password';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the admin CLI to completion with `input` on its standard input. */
function admin(args: string[], env: Record<string, string>, input = ''): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('node', ['--import', 'tsx', 'src/tenancy/cli/admin.ts', ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 180_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr });
    });
    child.stdin.end(input);
  });
}

async function ok<T = Record<string, unknown>>(args: string[], env: Record<string, string>, input = ''): Promise<T> {
  const run = await admin(args, env, input);
  expect(run.code, `admin ${args.join(' ')}: ${run.stderr}`).toBe(0);
  return JSON.parse(run.stdout) as T;
}

interface Provisioned {
  token: string;
  tokenId: number;
  simpler: { username: string; password: string };
  crm: { userid: number; apiKey: string };
  m4Secret: string;
}

/** The README's sequence: operator, admin (password on stdin), machine user, token, SIMPLer credential, CRM key, M4 secret. */
async function provision(env: Record<string, string>): Promise<Provisioned> {
  const created = await ok<{ operator: { code: string; m4SecretSet: boolean } }>(['operator', 'create', 'acme', '--name', 'Acme Wireless', '--timezone', 'Europe/Dublin'], env);
  expect(created.operator).toMatchObject({ code: 'acme', m4SecretSet: false });
  await ok(['user', 'create', 'alice', '--operator', 'acme', '--role', 'admin', '--display-name', 'Alice Admin', '--password-stdin'], env, `${ADMIN_PASSWORD}\n`);
  await ok(['user', 'create', 'sync', '--operator', 'acme', '--role', 'api', '--no-password'], env);
  const token = await ok<{ token: string; apiToken: { id: number; label: string } }>(['token', 'create', '--operator', 'acme', '--user', 'alice', '--label', 'ci', '--expires', '30d'], env);
  expect(token.apiToken.label).toBe('ci');
  const simpler = await ok<{ apiUsername: string; apiPassword: string; reachable: boolean }>(
    ['api-credential', 'create', 'acme-api', '--operator', 'acme', '--user', 'sync', '--allow', '127.0.0.1', '--allow', '::1'],
    env,
  );
  expect(simpler.reachable).toBe(true);
  const crm = await ok<{ userid: number; api_key: string }>(['crm-key', 'create', '--operator', 'acme', '--user', 'sync'], env);
  const m4 = await ok<{ apiSecret: string; m4Settings: { secretSet: boolean } }>(['m4-secret', 'set', '--operator', 'acme'], env);
  expect(m4.m4Settings.secretSet).toBe(true);
  return { token: token.token, tokenId: token.apiToken.id, simpler: { username: simpler.apiUsername, password: simpler.apiPassword }, crm: { userid: crm.userid, apiKey: crm.api_key }, m4Secret: m4.apiSecret };
}

/** A client of one running server. */
function client(url: string) {
  const gql = async <T>(query: string, variables: Record<string, unknown>, token: string | null) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, ...((await res.json()) as { data: T; errors?: unknown[] }) };
  };
  const postJson = async (p: string, body: unknown, headers: Record<string, string> = {}) =>
    (await (await fetch(`${url}${p}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })).json()) as Record<string, unknown>;
  return { gql, postJson, get: async (p: string) => (await fetch(`${url}${p}`)).text() };
}

/** Every provisioned credential works on its surface, for acme only. Returns acme's new customer id. */
async function checkSurfaces(url: string, p: Provisioned): Promise<number> {
  const { gql, postJson, get } = client(url);
  const users = await gql<{ staffUsers: { username: string }[]; customers: { totalCount: number } }>('{ staffUsers { username } customers(first: 1) { totalCount } }', {}, p.token);
  expect(users.data.staffUsers.map((u) => u.username)).toEqual(['alice', 'sync']);
  expect(users.data.customers.totalCount).toBe(0); // not the demo's customers
  // A new operator can take customers at once: it was given SIMPLer's customer statuses.
  const created = await gql<{ customerCreate: { customer: { legacyId: number; status: string } | null; userErrors: unknown[] } }>(
    'mutation($input: CustomerCreateInput!) { customerCreate(input: $input) { customer { legacyId status } userErrors { field message } } }',
    { input: { name: 'First Customer', nickname: 'first', invoicingId: 'ACME-1', status: 'potential' } },
    p.token,
  );
  expect(created.errors).toBeUndefined();
  expect(created.data.customerCreate.userErrors).toEqual([]);
  const customerId = created.data.customerCreate.customer!.legacyId;

  const simpler = (headers: Record<string, string> = {}) =>
    postJson('/API/getCustomerData', { api_username: p.simpler.username, api_password: p.simpler.password, customerid: String(customerId) }, headers);
  expect((await simpler()).result).toMatchObject({ customer: { id: String(customerId), name: 'First Customer' } });
  // The server trusts loopback as a proxy here, so the forwarded address is the caller's.
  expect(String((await simpler({ 'x-forwarded-for': '203.0.113.7' })).result)).toMatch(/^ERROR: access denied: 203\.0\.113\.7 is not on the API access list/);
  // The demo's customers are not acme's.
  const demoCustomer = await postJson('/API/getCustomerData', { api_username: p.simpler.username, api_password: p.simpler.password, customerid: '1' });
  expect(String(demoCustomer.result)).toMatch(/^ERROR: /);

  expect((await postJson('/api/plan/list', { userid: p.crm.userid, api_key: p.crm.apiKey, rows_limit: 1 })).error).toBeNull();
  expect(await get(`/billing/api/user_details_raw_get?u=alice&user_id=${customerId}&hash=${sha1(`alice${customerId}${p.m4Secret}`)}`)).toContain(`<id>${customerId}</id>`);

  const login = await gql<{ staffLogin: { token: string | null } }>(
    'mutation($input: StaffLoginInput!) { staffLogin(input: $input) { token userErrors { code } } }',
    { input: { operator: 'acme', username: 'alice', password: ADMIN_PASSWORD } },
    null,
  );
  expect(login.data.staffLogin.token).toMatch(/^isp_/);
  return customerId;
}

function serverConfig(extra: Partial<Config>): Config {
  return { port: 0, host: '127.0.0.1', databaseUrl: undefined, dataDir: '', seedDemo: true, maxBodyBytes: 2 * 1024 * 1024, production: false, runJobs: false, trustProxy: ['127.0.0.1', '::1'], ...extra };
}

describe('npm run admin: usage', () => {
  it('explains a usage error on stderr and exits 2 without opening a database; --help exits 0', async () => {
    const env = { DATA_DIR: path.join(tmpdir(), 'ispgraph-admin-never-created'), DATABASE_URL: '' };
    const [missing, unknown, helpText] = await Promise.all([
      admin(['token', 'create', '--operator', 'acme'], env),
      admin(['user', 'create', 'bob', '--operator', 'acme', '--role', 'admin', '--pasword-stdin'], env),
      admin(['crm-key', '--help'], env),
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('token create: --user is required');
    expect(missing.stdout).toBe('');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown option --pasword-stdin');
    expect(helpText.code).toBe(0);
    expect(helpText.stdout).toContain('crm-key create --operator <code> --user <username>');
  }, 120_000);
});

describe.each(enabledEngines())('npm run admin on %s', (engine) => {
  let database: TestDatabase | undefined;
  let dataDir: string | undefined;
  let app: App | undefined;
  let env: Record<string, string>;
  let provisioned: Provisioned;

  beforeAll(async () => {
    if (engine === 'pglite') {
      dataDir = mkdtempSync(path.join(tmpdir(), 'ispgraph-admin-'));
      env = { DATA_DIR: dataDir, DATABASE_URL: '' };
      // The demo first, by a server that is then stopped (the CLI needs DATA_DIR to itself).
      app = await startApp(serverConfig({ dataDir }));
    } else {
      database = await createTestDatabase('postgres');
      env = { DATABASE_URL: database.url! };
      app = await startApp(serverConfig({ databaseUrl: database.url }), { database: database.handle });
    }
  }, 300_000);
  afterAll(async () => {
    await app?.stop().catch(() => {});
    await database?.drop().catch(() => {});
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  if (engine === 'pglite') {
    it('is refused while a server holds DATA_DIR, naming the holder', async () => {
      const refused = await admin(['operator', 'list'], env);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(new RegExp(`DATA_DIR .* is in use by process ${process.pid}`));
      expect(refused.stdout).toBe('');
      await app!.stop();
      app = undefined;
    }, 120_000);
  }

  it('provisions an operator whose credentials work on every surface, for that operator only', async () => {
    provisioned = await provision(env);
    const listed = await ok<{ operators: { code: string }[] }>(['operator', 'list'], env);
    expect(listed.operators.map((o) => o.code)).toEqual(['acme', DEMO.operatorCode]);
    expect(JSON.stringify(listed)).not.toContain(provisioned.m4Secret);
    // A duplicate is refused with exit code 1.
    const duplicate = await admin(['operator', 'create', 'acme', '--name', 'Again'], env);
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toContain('operator "acme" already exists');
    // operator update, by the rules the graph's operatorUpdate obeys (one service function); one
    // CLI at a time, as a PGlite DATA_DIR admits
    const renamed = await ok<{ operator: { code: string; name: string; currency: string; timezone: string } }>(['operator', 'update', 'acme', '--name', 'Acme Fibre', '--currency', 'USD'], env);
    const refused = await admin(['operator', 'update', DEMO.operatorCode, '--currency', 'usd', '--timezone', 'Mars/Olympus'], env);
    const unknown = await admin(['operator', 'update', 'nowhere', '--name', 'Nobody'], env);
    expect(renamed.operator).toMatchObject({ code: 'acme', name: 'Acme Fibre', currency: 'USD', timezone: 'Europe/Dublin' });
    expect([refused.code, refused.stdout]).toEqual([1, '']);
    expect(refused.stderr).toContain('currency: currency must be an ISO 4217 code such as EUR');
    expect(refused.stderr).toContain('timezone: "Mars/Olympus" is not an IANA time zone');
    expect([unknown.code, unknown.stderr]).toEqual([1, expect.stringContaining('code: operator nowhere does not exist')]);

    app ??= await startApp(serverConfig({ dataDir: dataDir! }));
    await checkSurfaces(app.url, provisioned);
    const settings = await client(app.url).gql<{ viewer: { operator: unknown } }>('{ viewer { operator { name currencyCode timeZone } } }', {}, provisioned.token);
    expect(settings.data.viewer.operator).toEqual({ name: 'Acme Fibre', currencyCode: 'USD', timeZone: 'Europe/Dublin' });
    // The demo's token still sees only the demo.
    const demo = await client(app.url).gql<{ customers: { totalCount: number } }>('{ customers(first: 1) { totalCount } }', {}, DEMO.bearerToken);
    expect(demo.data.customers.totalCount).toBe(DEMO.customers);
  }, 600_000);

  if (engine === 'postgres') {
    // The admin CLI and a server share a PGlite DATA_DIR only one at a time: PostgreSQL only.
    it('turns a credential\'s strict mode on and off: unknown parameters refused, then ignored again', async () => {
      app ??= await startApp(serverConfig({ dataDir: dataDir! }));
      const { postJson } = client(app.url);
      const ping = () => postJson('/API/pingAPI', { api_username: provisioned.simpler.username, api_password: provisioned.simpler.password, client_version: '1.0' });
      const crmList = () => postJson('/api/plan/list', { userid: provisioned.crm.userid, api_key: provisioned.crm.apiKey, rows_limit: 1, client_version: '1.0' });
      expect((await ping()).result).toBe('OK');
      const update = (noun: string[], value: string) => ok<{ apiCredential: { strictParameters: boolean } }>([...noun, '--operator', 'acme', '--strict-parameters', value], env);
      expect((await update(['api-credential', 'update', provisioned.simpler.username], 'on')).apiCredential.strictParameters).toBe(true);
      expect((await update(['crm-key', 'update', '--user', 'sync'], 'on')).apiCredential.strictParameters).toBe(true);
      expect((await ping()).result).toBe('ERROR: unknown parameter client_version for pingAPI');
      expect((await crmList()).error).toMatch(/unknown parameter client_version/);
      expect((await update(['api-credential', 'update', provisioned.simpler.username], 'off')).apiCredential.strictParameters).toBe(false);
      expect((await update(['crm-key', 'update', '--user', 'sync'], 'off')).apiCredential.strictParameters).toBe(false);
      expect((await ping()).result).toBe('OK');
      expect((await crmList()).error).toBeNull();
      const bad = await admin(['api-credential', 'update', provisioned.simpler.username, '--operator', 'acme', '--strict-parameters', 'maybe'], env);
      expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining('--strict-parameters must be on or off')]);
    }, 300_000);

    it('revokes a token and a SIMPLer credential under the running server: refused at once', async () => {
      const { gql, postJson } = client(app!.url);
      const read = () => gql<{ staffUsers: unknown[] }>('{ staffUsers { username } }', {}, provisioned.token);
      expect((await read()).status).toBe(200);
      expect((await read()).status).toBe(200); // remembered by the compiled read path by now
      const [token, credential] = await Promise.all([
        ok<{ apiToken: { revokedAt: string | null } }>(['token', 'revoke', String(provisioned.tokenId), '--operator', 'acme'], env),
        ok<{ apiCredential: { revokedAt: string | null } }>(['api-credential', 'revoke', provisioned.simpler.username, '--operator', 'acme'], env),
      ]);
      expect(token.apiToken.revokedAt).not.toBeNull();
      expect(credential.apiCredential.revokedAt).not.toBeNull();
      expect((await read()).status).toBe(401);
      const call = await postJson('/API/getCustomerStatuses', { api_username: provisioned.simpler.username, api_password: provisioned.simpler.password });
      expect(String(call.result)).toMatch(/^ERROR: invalid api_username/);
    }, 300_000);
  }
});
