/**
 * Credential abuse, surface by surface, over real HTTP: after the free failures the next
 * attempt gets the surface's own "too many failed attempts, retry in N s"; during the block even
 * the right secret is refused from that address without any scrypt; the same secret from
 * another loopback address (127.0.0.2, a real second client address) works; once the delay
 * has passed the right secret works and clears the count. Also: unknown users cost the same
 * KDF work as known ones, and the 1,000 wrong SIMPLer passwords cost a handful of
 * scrypt runs. The throttle's clock is frozen per test and moved by hand, so nothing sleeps.
 */
import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { enabledEngines } from '../helpers/engines';
import { startTestApp, type TestApp } from '../helpers/app';
import { rows } from '../helpers/sql';
import { soapEnvelope } from '../helpers/simpler';
import { parseXml } from '../../src/legacy/xml/parse';
import { configureLoginThrottle, type LoginThrottleSettings } from '../../src/throttle';
import * as secrets from '../../src/shared/secrets';

// Watch which paths compare a secret at all (an unknown user must not skip the comparison).
vi.mock('../../src/shared/secrets', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/shared/secrets')>();
  return { ...actual, verifySecret: vi.fn(actual.verifySecret), verifyPassword: vi.fn(actual.verifyPassword) };
});

const HERE = '127.0.0.1';
const ELSEWHERE = '127.0.0.2';
const TOO_MANY = 'too many failed attempts, retry in 1 s';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One HTTP request from the given local address (both are loopback, so the server sees them as two clients). */
function call(base: string, from: string, method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { method, localAddress: from, headers: { ...headers, ...(body !== undefined ? { 'content-length': String(Buffer.byteLength(body)) } : {}) } }, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (data += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: data }));
    });
    req.setTimeout(30_000, () => req.destroy(new Error('request timed out')));
    req.on('error', reject);
    req.end(body);
  });
}

const kdfRuns = () => secrets.passwordHashRuns();

describe.each(enabledEngines())('login throttle on every surface, on %s', (engine) => {
  let t: TestApp;
  let clock: { now: number };
  let portalUser: { id: number; invoicingId: string };

  /** Fresh counters on a frozen clock; each test states the allowances it relies on. */
  const throttle = (settings: Partial<LoginThrottleSettings> = {}) => {
    clock = { now: 5_000_000 };
    configureLoginThrottle({ freeAttempts: 3, addressFreeAttempts: 1000, baseDelayMs: 1000, ...settings }, () => clock.now);
  };

  const simplerSoap = async (from: string, password: string, username = 'demo') => {
    const reply = await call(t.url, from, 'POST', '/API/operatorapi.pl', { 'content-type': 'text/xml; charset=utf-8', soapaction: '"http://127.0.0.1/OperatorAPI#pingAPI"' }, soapEnvelope('pingAPI', { api_username: username, api_password: password }));
    const payload = parseXml(reply.body).children.find((c) => c.local === 'Body')!.children[0]!;
    return payload.children.find((c) => c.local === 'return')!.text;
  };
  const simplerRest = async (from: string, operation: string, params: Record<string, string>) => {
    const reply = await call(t.url, from, 'POST', `/API/${operation}`, { 'content-type': 'application/json' }, JSON.stringify(params));
    return JSON.parse(reply.body) as { ip: string; result: unknown };
  };
  const crm = async (from: string, apiKey: string, userid = '5') =>
    JSON.parse((await call(t.url, from, 'POST', '/api/plan/list', { 'content-type': 'application/json' }, JSON.stringify({ userid, api_key: apiKey, rows_limit: 1 }))).body) as { result: unknown; error: string | null };
  const m4 = async (from: string, hash: string) => (await call(t.url, from, 'GET', `/billing/api/user_details_raw_get?u=admin&user_id=5&hash=${hash}`)).body;
  const graphql = async (from: string, token: string, query: string, variables?: Record<string, unknown>) => {
    const reply = await call(t.url, from, 'POST', '/graphql', { 'content-type': 'application/json', authorization: `Bearer ${token}` }, JSON.stringify({ query, variables }));
    return { status: reply.status, retryAfter: reply.headers['retry-after'], ...(JSON.parse(reply.body) as { data?: Record<string, unknown>; errors?: { message: string; extensions?: Record<string, unknown> }[] }) };
  };
  const jaze = async (from: string, token: string) =>
    JSON.parse((await call(t.url, from, 'GET', '/api/v1/get_users_count', { authorization: `Bearer ${token}` })).body) as { status: string; errorCode: number; message: unknown };
  const portalLogin = async (from: string, username: string, password: string) => {
    const reply = await graphql(from, 'demo-token', 'mutation($input: CustomerPortalLoginCheckInput!) { customerPortalLoginCheck(input: $input) { customer { legacyId } userErrors { message code } } }', { input: { username, password } });
    expect(reply.status).toBe(200);
    return reply.data!.customerPortalLoginCheck as { customer: { legacyId: number } | null; userErrors: { message: string; code: string }[] };
  };

  beforeAll(async () => {
    t = await startTestApp(engine);
    // Demo customers log in to the portal with their invoicing id and the password "portal".
    const [row] = await rows<{ id: number; login: string }>(
      t.database.handle.db,
      sql`select id, coalesce(portal_username, invoicing_id) as login from customers where portal_password_hash is not null order by id limit 1`,
    );
    portalUser = { id: row!.id, invoicingId: row!.login };
    // The decoy hash is made once per process; make it now so it is not counted below.
    await secrets.decoyPasswordHash();
  });
  afterAll(async () => {
    await t?.stop();
    configureLoginThrottle();
  });
  beforeEach(() => throttle());

  it('SIMPLer SOAP and REST: blocked after the free failures, the right password too (no scrypt); another address and a later retry get in', async () => {
    for (let i = 0; i < 3; i++) expect(await simplerSoap(HERE, 'wrong')).toBe('ERROR: invalid api_username/api_password');
    // SOAP and REST share the count: the same api_username from the same address.
    expect((await simplerRest(HERE, 'pingAPI', { api_username: 'demo', api_password: 'wrong' })).result).toBe(`ERROR: ${TOO_MANY}`);

    const before = kdfRuns();
    expect(await simplerSoap(HERE, 'demo')).toBe(`ERROR: ${TOO_MANY}`);
    expect(kdfRuns()).toBe(before);

    expect(await simplerRest(ELSEWHERE, 'pingAPI', { api_username: 'demo', api_password: 'demo' })).toEqual({ ip: ELSEWHERE, result: 'OK' });

    clock.now += 1000;
    expect(await simplerSoap(HERE, 'demo')).toBe('OK');
    // The success cleared the count: three fresh mistakes before the next block.
    for (let i = 0; i < 3; i++) expect(await simplerSoap(HERE, 'wrong')).toBe('ERROR: invalid api_username/api_password');
    expect(await simplerSoap(HERE, 'demo')).toBe(`ERROR: ${TOO_MANY}`);
  });

  it('CRM userid + api_key: {result: null, error} with the wait', async () => {
    const key = '0f9895fb407c83e5ea128082098b47681aa75d6944576423c4';
    for (let i = 0; i < 3; i++) expect(await crm(HERE, 'not-the-key')).toEqual({ result: null, error: 'invalid userid/api_key' });
    expect(await crm(HERE, key)).toEqual({ result: null, error: TOO_MANY });
    expect((await crm(ELSEWHERE, key)).error).toBeNull();
    clock.now += 1000;
    const reply = await crm(HERE, key);
    expect(reply.error).toBeNull();
    expect(Array.isArray(reply.result)).toBe(true);
  });

  it('Kolmisoft M4 signature: the <error> element carries the wait', async () => {
    const good = createHash('sha1').update('admin5secret').digest('hex');
    const bad = createHash('sha1').update('admin5guess').digest('hex');
    for (let i = 0; i < 3; i++) expect(await m4(HERE, bad)).toContain('<error>Incorrect hash</error>');
    expect(await m4(HERE, good)).toContain(`<error>${TOO_MANY}</error>`);
    expect(await m4(ELSEWHERE, good)).toContain('<username>');
    clock.now += 1000;
    expect(await m4(HERE, good)).toContain('<username>');
  });

  it('GraphQL bearer tokens: an address guessing tokens gets HTTP 429 with Retry-After, other addresses do not', async () => {
    throttle({ addressFreeAttempts: 3 });
    const query = '{ customers(first: 1) { totalCount } }';
    for (const guess of ['guess-1', 'guess-2', 'guess-3']) {
      const reply = await graphql(HERE, guess, query);
      expect(reply.status).toBe(401);
      expect(reply.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const blocked = await graphql(HERE, 'demo-token', query);
    expect(blocked.status).toBe(429);
    expect(blocked.retryAfter).toBe('1');
    expect(blocked.errors?.[0]).toMatchObject({ message: TOO_MANY, extensions: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 1 } });

    expect((await graphql(ELSEWHERE, 'demo-token', query)).status).toBe(200);
    clock.now += 1000;
    const after = await graphql(HERE, 'demo-token', query);
    expect(after.status).toBe(200);
    expect(after.data).toHaveProperty('customers.totalCount');
  });

  it('Jaze bearer token or api_key: a failure envelope with errorCode 429', async () => {
    throttle({ addressFreeAttempts: 3 });
    for (const guess of ['guess-a', 'guess-b', 'guess-c']) {
      expect(await jaze(HERE, guess)).toMatchObject({ status: 'failure', errorCode: 401 });
    }
    expect(await jaze(HERE, 'demo-token')).toEqual({ status: 'failure', errorCode: 429, message: TOO_MANY });
    const apiKey = JSON.parse((await call(t.url, HERE, 'GET', '/api/v1/get_users_count?api_key=demo-token')).body) as { errorCode: number };
    expect(apiKey.errorCode).toBe(429);
    expect(await jaze(ELSEWHERE, 'demo-token')).toMatchObject({ status: 'success', errorCode: 200 });
    clock.now += 1000;
    expect(await jaze(HERE, 'demo-token')).toMatchObject({ status: 'success', errorCode: 200 });
  });

  it('portal logins (GraphQL and SIMPLer checkEUPLogin) are counted per username, not against the portal server', async () => {
    // An address allowance below the portal failures: the portal server's own token must still work.
    throttle({ addressFreeAttempts: 2 });
    const name = portalUser.invoicingId;
    for (let i = 0; i < 3; i++) expect((await portalLogin(HERE, name, 'wrong')).userErrors).toEqual([{ message: 'invalid username/password', code: 'INVALID' }]);
    const before = kdfRuns();
    expect(await portalLogin(HERE, name, 'portal')).toEqual({ customer: null, userErrors: [{ message: TOO_MANY, code: 'TOO_MANY_REQUESTS' }] });
    const eup = { api_username: 'demo', api_password: 'demo', eup_username: name, eup_password: 'portal' };
    expect((await simplerRest(HERE, 'checkEUPLogin', eup)).result).toBe(`ERROR: ${TOO_MANY}`);
    expect(kdfRuns()).toBe(before);

    expect((await simplerRest(ELSEWHERE, 'checkEUPLogin', eup)).result).toBe(`OK: ${portalUser.id}`);
    clock.now += 1000;
    expect((await portalLogin(HERE, name, 'portal')).customer).toEqual({ legacyId: portalUser.id });
  });

  it('an unknown user costs the same secret check as a known user with a wrong secret', async () => {
    throttle({ freeAttempts: 100, addressFreeAttempts: 100 });
    const verifySecret = vi.mocked(secrets.verifySecret);
    const verifyPassword = vi.mocked(secrets.verifyPassword);
    const work = async (attempt: () => Promise<unknown>) => {
      verifySecret.mockClear();
      verifyPassword.mockClear();
      const runs = kdfRuns();
      await attempt();
      return { comparisons: verifySecret.mock.calls.length + verifyPassword.mock.calls.length, kdf: kdfRuns() - runs };
    };

    const simplerKnown = await work(() => simplerSoap(HERE, 'wrong'));
    const simplerUnknown = await work(() => simplerSoap(HERE, 'wrong', 'nobody-by-this-name'));
    expect(simplerKnown).toEqual({ comparisons: 1, kdf: 1 });
    expect(simplerUnknown).toEqual(simplerKnown);

    const portalKnown = await work(() => portalLogin(HERE, portalUser.invoicingId, 'wrong'));
    const portalUnknown = await work(() => portalLogin(HERE, 'nobody-by-this-name', 'wrong'));
    expect(portalKnown).toEqual({ comparisons: 1, kdf: 1 });
    expect(portalUnknown).toEqual(portalKnown);

    const crmKnown = await work(() => crm(HERE, 'not-the-key'));
    const crmUnknown = await work(() => crm(HERE, 'not-the-key', '999999'));
    expect(crmKnown).toEqual({ comparisons: 1, kdf: 0 });
    expect(crmUnknown).toEqual(crmKnown);
  });

  it("the issue's 1,000 wrong SIMPLer passwords then the right one: a handful of scrypt runs, and the owner still gets in from elsewhere", async () => {
    // Default allowances and delays, on the real clock.
    configureLoginThrottle({});
    const runs = kdfRuns();
    const started = Date.now();
    const replies = new Map<string, number>();
    for (let i = 0; i < 1000; i++) {
      const text = (await simplerRest(HERE, 'pingAPI', { api_username: 'demo', api_password: `guess-${i}` })).result as string;
      const kind = text.replace(/\d+ s$/, 'N s');
      replies.set(kind, (replies.get(kind) ?? 0) + 1);
    }
    const seconds = (Date.now() - started) / 1000;
    const spent = kdfRuns() - runs;
    // 5 free failures, then one more each time a delay (1 s, 2 s, 4 s …) runs out during the flood.
    expect(spent).toBeGreaterThanOrEqual(5);
    expect(spent).toBeLessThanOrEqual(5 + Math.ceil(Math.log2(seconds + 1)) + 1);
    expect(replies.get('ERROR: invalid api_username/api_password')).toBe(spent);
    expect(replies.get('ERROR: too many failed attempts, retry in N s')).toBe(1000 - spent);

    expect((await simplerRest(HERE, 'pingAPI', { api_username: 'demo', api_password: 'demo' })).result).toMatch(/^ERROR: too many failed attempts, retry in \d+ s$/);
    expect((await simplerRest(ELSEWHERE, 'pingAPI', { api_username: 'demo', api_password: 'demo' })).result).toBe('OK');

    // Operators see both in /metrics.
    const metrics = (await call(t.url, HERE, 'GET', '/metrics')).body;
    expect(Number(/^login_throttle_refusals_total (\d+)$/m.exec(metrics)?.[1])).toBe(1000 - spent + 1);
    expect(Number(/^password_hash_runs_total (\d+)$/m.exec(metrics)?.[1])).toBe(kdfRuns());
  });

  it('a parallel burst of wrong passwords reaches scrypt only for the free attempts', async () => {
    const runs = kdfRuns();
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => simplerRest(HERE, 'pingAPI', { api_username: 'demo', api_password: `burst-${i}` }).then((r) => r.result)),
    );
    expect(kdfRuns() - runs).toBe(3);
    expect(results.filter((r) => r === `ERROR: ${TOO_MANY}`)).toHaveLength(97);
  });
});
