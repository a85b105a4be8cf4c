/**
 * While PostgreSQL is stopped under a running server, every surface answers in its own
 * "service unavailable" shape with HTTP 503 and Retry-After, never with SQL, parameters or the
 * token's hash; /healthz answers 503 promptly; once PostgreSQL is back, all of it works again
 * within 5 s without a restart. Runs on a PostgreSQL server of its own (stopped and started here).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../src/db/seed/demo';
import { startApp, type App } from '../../src/server/app';
import { DEMO_API, soapEnvelope } from '../helpers/simpler';
import { startThrowawayPostgres, throwawayPostgresMissing, type ThrowawayPostgres } from './throwaway-postgres';

const missing = throwawayPostgresMissing();
const UNAVAILABLE = 'service unavailable, retry shortly';
/** What must never reach a client: statement text, drizzle's parameter dump, the demo token's SHA-256. */
const LEAKS = [/select\s/i, /insert\s/i, /params:/i, /Failed query/i, /api_tokens/i, /[0-9a-f]{64}/];

function expectNoLeak(body: string): void {
  for (const pattern of LEAKS) expect(body).not.toMatch(pattern);
}

interface Reply {
  status: number;
  retryAfter: string | null;
  body: string;
}

async function call(url: string, init?: RequestInit): Promise<Reply> {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.text() };
}

describe.skipIf(missing)(`a running server while PostgreSQL is stopped${missing ? ` (skipped: ${missing})` : ''}`, () => {
  let pg: ThrowawayPostgres;
  let app: App;
  const surfaces: Record<string, () => Promise<Reply>> = {};

  beforeAll(async () => {
    pg = await startThrowawayPostgres();
    app = await startApp({ port: 0, host: '127.0.0.1', databaseUrl: pg.url, dataDir: '', seedDemo: true, maxBodyBytes: 1 << 20, production: false, runJobs: false });
    const base = app.url;
    Object.assign(surfaces, {
      graphql: () =>
        call(`${base}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO.bearerToken}` },
          body: JSON.stringify({ query: '{ customers(first: 1) { totalCount } }' }),
        }),
      simplerRest: () =>
        call(`${base}/API/getProducts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...DEMO_API }) }),
      simplerSoap: () =>
        call(`${base}/API/operatorapi.pl`, { method: 'POST', headers: { 'content-type': 'text/xml; charset=utf-8' }, body: soapEnvelope('getProducts', { ...DEMO_API }) }),
      jaze: () => call(`${base}/api/v1/get_all_areas`, { headers: { authorization: `Bearer ${DEMO.bearerToken}` } }),
      crm: () =>
        call(`${base}/api/plan/list`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ userid: DEMO.crm.userId, api_key: DEMO.crm.apiKey }),
        }),
      m4: () => call(`${base}/billing/api/user_details_raw_get?u=${DEMO.m4.adminUsername}&user_id=5&hash=0`),
    });
  });

  afterAll(async () => {
    await app?.stop().catch(() => {});
    await pg?.destroy();
  });

  it('answers normally while the database is up', async () => {
    const health = await call(`${app.url}/healthz`);
    expect(health.status).toBe(200);
    const graphql = await surfaces.graphql!();
    expect(graphql.status).toBe(200);
    expect(JSON.parse(graphql.body).data.customers.totalCount).toBeGreaterThan(0);
    expect((await surfaces.simplerRest!()).status).toBe(200);
  });

  it('every surface says "service unavailable" in its own shape, 503 with Retry-After, nothing leaked; healthz 503 quickly', async () => {
    await pg.stop();

    const started = Date.now();
    const health = await call(`${app.url}/healthz`);
    expect(health.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(2500);

    const replies = Object.fromEntries(await Promise.all(Object.entries(surfaces).map(async ([name, send]) => [name, await send()] as const)));
    for (const [name, reply] of Object.entries(replies)) {
      expect(reply.status, name).toBe(503);
      expect(reply.retryAfter, name).toBe('2');
      expectNoLeak(reply.body);
    }
    // The token lookup failed while building the GraphQL context: still SERVICE_UNAVAILABLE, not "Context creation failed".
    expect(JSON.parse(replies.graphql!.body)).toEqual({ errors: [{ message: UNAVAILABLE, extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
    expect(JSON.parse(replies.simplerRest!.body).result).toBe(`ERROR: ${UNAVAILABLE}`);
    expect(replies.simplerSoap!.body).toMatch(/<faultcode>soap:Server<\/faultcode>\s*<faultstring>service unavailable, retry shortly<\/faultstring>/);
    expect(JSON.parse(replies.jaze!.body)).toEqual({ status: 'failure', errorCode: 503, message: UNAVAILABLE });
    expect(JSON.parse(replies.crm!.body)).toEqual({ result: null, error: UNAVAILABLE });
    expect(replies.m4!.body).toContain(`<page><status><error>${UNAVAILABLE}</error></status></page>`);
  });

  it('comes back by itself within 5 s of PostgreSQL starting again', async () => {
    await pg.start();
    const back = Date.now();
    let health: Reply;
    do {
      health = await call(`${app.url}/healthz`);
      if (health.status !== 200) await new Promise((r) => setTimeout(r, 100));
    } while (health.status !== 200 && Date.now() - back < 10_000);
    const seconds = (Date.now() - back) / 1000;
    console.log(`healthz 200 again ${seconds.toFixed(2)} s after PostgreSQL was back`);
    expect(health.status).toBe(200);
    expect(seconds).toBeLessThan(5);
    for (const [name, send] of Object.entries(surfaces)) {
      const reply = await send();
      expect(reply.status, name).not.toBe(503);
      expect(reply.status, name).toBeLessThan(500);
    }
  });
});
