/**
 * Running as-is in production: the defaults NODE_ENV=production brings (no demo seed, no
 * GraphiQL, no introspection, no cross-origin access) and their overrides, configuration
 * refused at start with every problem listed, the CORS allow-list, the liveness and readiness
 * probes (starting, ready, draining), the Prometheus registry with bounded labels, and the
 * SQL lines of LOG_LEVEL=debug.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, type Config } from '../../src/config';
import type { DatabaseHandle } from '../../src/db/client';
import { generateOperator } from '../../src/db/seed/generator';
import { DEMO } from '../../src/db/seed/demo';
import { generateCompatibility } from '../../src/legacy/docs/compatibility';
import { listeningAt, startApp, type App } from '../../src/server/app';
import { MAX_GRAPHQL_OPERATION_NAMES, setQueueDepth } from '../../src/server/metrics';
import { startWorker } from '../../src/jobs/worker';
import type { QueueDepth } from '../../src/jobs/queue-depth';
import { backgroundJobs } from '../../src/support/background-job.table';
import { sha256Hex } from '../../src/shared/secrets';
import { apiTokens } from '../../src/tenancy/api-token.table';
import { createTestDatabase, enabledEngines } from '../helpers/engines';
import { freePort } from '../resilience/throwaway-postgres';

const root = path.resolve(import.meta.dirname, '../..');
const scratch = mkdtempSync(path.join(tmpdir(), 'ispgraph-prod-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Log lines (parsed) written while `fn` runs; the secret scan still sees them afterwards. */
async function captureLogs<T>(fn: () => Promise<T>): Promise<{ result: T; lines: Record<string, unknown>[] }> {
  const lines: Record<string, unknown>[] = [];
  const write = process.stdout.write;
  process.stdout.write = function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]) {
    for (const line of String(chunk).split('\n')) if (line.startsWith('{')) lines.push(JSON.parse(line) as Record<string, unknown>);
    return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
  } as typeof process.stdout.write;
  try {
    return { result: await fn(), lines };
  } finally {
    process.stdout.write = write;
  }
}

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
};

describe('configuration', () => {
  it('NODE_ENV=production: no demo seed, no GraphiQL, no introspection, no cross-origin access; each can be turned back on', () => {
    const production = loadConfig({ NODE_ENV: 'production', DATA_DIR: scratch });
    expect(production).toMatchObject({ production: true, seedDemo: false, graphiql: false, introspection: false, corsOrigins: [] });
    const overridden = loadConfig({ NODE_ENV: 'production', DATA_DIR: scratch, SEED_DEMO: 'true', GRAPHIQL: 'true', GRAPHQL_INTROSPECTION: 'true', CORS_ORIGINS: 'https://app.example.com, http://localhost:3000' });
    expect(overridden).toMatchObject({ seedDemo: true, graphiql: true, introspection: true, corsOrigins: ['https://app.example.com', 'http://localhost:3000'] });
    const development = loadConfig({ DATA_DIR: scratch });
    expect(development).toMatchObject({ production: false, seedDemo: true, graphiql: true, introspection: true, corsOrigins: ['*'] });
    expect(loadConfig({ DATA_DIR: scratch, SEED_DEMO: 'false', GRAPHIQL: 'off' })).toMatchObject({ seedDemo: false, graphiql: false });
  });

  it('`*` in production only when written out, with a warning; an unknown NODE_ENV warns and runs with development defaults', () => {
    const warnings: string[] = [];
    expect(loadConfig({ NODE_ENV: 'production', DATA_DIR: scratch, CORS_ORIGINS: '*' }, (w) => warnings.push(w)).corsOrigins).toEqual(['*']);
    expect(loadConfig({ NODE_ENV: 'staging', DATA_DIR: scratch }, (w) => warnings.push(w))).toMatchObject({ production: false, seedDemo: true });
    expect(warnings).toEqual([expect.stringMatching(/^CORS_ORIGINS=\* lets web pages of any origin/), expect.stringMatching(/^NODE_ENV="staging" is not one of production, development, test/)]);
  });

  it('collects every problem in one message per variable, never repeating a password', () => {
    const file = path.join(scratch, 'a-file');
    writeFileSync(file, '');
    const problems = problemsOf({
      PORT: '80a',
      DATABASE_URL: 'mysql://root:hunter2@db/isp',
      LOG_LEVEL: 'loud',
      CORS_ORIGINS: 'https://app.example.com/,https://ok.example.com',
      SEED_DEMO: 'maybe',
      SMTP_URL: 'http://user:hunter2@mail',
      TRUST_PROXY: '10.0.0.0/33',
      RADIUS_STATUS_PORT: '70000',
    });
    expect(problems).toHaveLength(8);
    expect(problems.join('\n')).not.toContain('hunter2');
    expect(problems).toEqual(
      expect.arrayContaining([
        'PORT must be a whole number from 0 to 65535, got "80a"',
        expect.stringMatching(/^DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL/),
        'LOG_LEVEL must be one of debug, info, warn, error, silent, got "loud"',
        expect.stringMatching(/^CORS_ORIGINS entries must be origins .* got "https:\/\/app.example.com\/" \(did you mean https:\/\/app.example.com\?\)$/),
        'SEED_DEMO must be true or false, got "maybe"',
        'RADIUS_STATUS_PORT must be a whole number from 1 to 65535, got "70000"',
      ]),
    );
    for (const problem of problems) expect(problem).not.toContain('\n');
    expect(problemsOf({ DATA_DIR: file })).toEqual([`DATA_DIR ${file} is a file, not a directory`]);
    expect(problemsOf({ DATA_DIR: path.join(file, 'below') })).toEqual([`DATA_DIR ${path.join(file, 'below')} cannot be created: ${file} is a file`]);
    expect(problemsOf({ PORT: '65536', DATA_DIR: scratch })).toEqual(['PORT must be a whole number from 0 to 65535, got "65536"']);
  });

  it('npm start with bad settings lists them all on stderr and exits 1 before opening anything', async () => {
    const dataDir = path.join(scratch, 'never-created');
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'production', PORT: 'http', DATA_DIR: dataDir, LOG_LEVEL: 'verbose', CORS_ORIGINS: 'app.example.com', DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([
      'ispgraph: not started, 3 configuration problems:',
      expect.stringMatching(/^ {2}LOG_LEVEL must be one of/),
      expect.stringMatching(/^ {2}CORS_ORIGINS entries must be origins/),
      expect.stringMatching(/^ {2}PORT must be a whole number from 0 to 65535, got "http"/),
    ]);
    expect(stdout).not.toContain('listening');
    expect(existsSync(dataDir)).toBe(false);
  }, 60_000);

  it('names where it listens: the bound address and a URL that opens on this machine', () => {
    expect(listeningAt({ address: '0.0.0.0', family: 'IPv4', port: 8080 })).toEqual({ url: 'http://127.0.0.1:8080', address: '0.0.0.0', port: 8080, interfaces: 'all' });
    expect(listeningAt({ address: '::', family: 'IPv6', port: 8080 })).toEqual({ url: 'http://127.0.0.1:8080', address: '::', port: 8080, interfaces: 'all' });
    expect(listeningAt({ address: '::1', family: 'IPv6', port: 81 })).toEqual({ url: 'http://[::1]:81', address: '::1', port: 81 });
    expect(listeningAt({ address: '10.1.2.3', family: 'IPv4', port: 81 })).toEqual({ url: 'http://10.1.2.3:81', address: '10.1.2.3', port: 81 });
  });

  it('COMPATIBILITY.md says "1 endpoint" and names every catalogue it comes from', () => {
    const doc = generateCompatibility([], [{ id: 'jaze', title: 'One', source: 'src/legacy/one.ts', intro: '', operations: [{ name: 'op', summary: '', params: [], returns: '', graphql: '' } as never] }]);
    expect(doc).toContain('## One (1 endpoint)');
    expect(doc).toContain('## SIMPLer OperatorAPI (0 operations)');
    expect(doc.split('\n')[0]).toContain('src/legacy/simpler/catalogue.ts, src/legacy/one.ts');
  });
});


function configFrom(env: Record<string, string>, overrides: Partial<Config>): Config {
  return { ...loadConfig({ DATA_DIR: scratch, ...env }), host: '127.0.0.1', port: 0, maxBodyBytes: 1 << 20, runJobs: false, ...overrides };
}

const introspection = JSON.stringify({ query: '{ __schema { queryType { name } } }' });
const post = (url: string, body: string, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

for (const engine of enabledEngines()) {
  describe(`NODE_ENV=production on ${engine}`, () => {
    let app: App;
    let token: string;
    let started: Awaited<ReturnType<typeof captureLogs>>['lines'];
    const probes: { livez: number; readyz: unknown; other: number } = { livez: 0, readyz: undefined, other: 0 };

    beforeAll(async () => {
      const database = await createTestDatabase(engine);
      // Held at the start-up lock, the server is listening but not ready: the probes are asked then.
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const gated: DatabaseHandle = { ...database.handle, withStartupLock: async (fn) => (await gate, database.handle.withStartupLock(fn)) };
      const port = await freePort();
      const config = configFrom({ NODE_ENV: 'production', ...(database.url ? { DATABASE_URL: database.url } : {}) }, { port });
      const starting = captureLogs(() => startApp(config, { database: gated }));
      const base = `http://127.0.0.1:${port}`;
      for (let i = 0; i < 200; i++) {
        const live = await fetch(`${base}/livez`).catch(() => undefined);
        if (live) {
          probes.livez = live.status;
          const ready = await fetch(`${base}/readyz`);
          probes.readyz = { status: ready.status, body: await ready.json() };
          probes.other = (await fetch(`${base}/healthz`)).status;
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      release();
      ({ result: app, lines: started } = await starting);
      ({ token } = await generateOperator(database.handle.db, { operatorCode: 'prod', customers: 0 }));
    });
    afterAll(() => app?.stop());

    it('while starting: /livez 200, /readyz 503 "starting", other routes 503', () => {
      expect(probes).toEqual({ livez: 200, readyz: { status: 503, body: { status: 'not ready', reason: 'starting' } }, other: 503 });
    });

    it('loads no demo on an empty database, so the demo token opens nothing; says where it listens', async () => {
      expect(app.seeded).toBe(false);
      const res = await post(`${app.url}/graphql`, JSON.stringify({ query: '{ __typename }' }), { authorization: `Bearer ${DEMO.bearerToken}` });
      expect(res.status).toBe(401);
      const listening = started.find((l) => l.msg === 'listening');
      expect(listening).toMatchObject({ url: app.url, address: '127.0.0.1', seededDemo: false });
      expect(started.some((l) => typeof l.msg === 'string' && l.msg.includes('demo operator'))).toBe(false);
    });

    it('refuses introspection, serves no GraphiQL, and lists none at /', async () => {
      const refused = await post(`${app.url}/graphql`, introspection, { authorization: `Bearer ${token}` });
      expect(refused.status).toBe(400);
      const body = (await refused.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(body.errors[0]!.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(body.errors[0]!.message).toMatch(/introspection/i);
      const typename = await post(`${app.url}/graphql`, JSON.stringify({ query: '{ __typename }' }), { authorization: `Bearer ${token}` });
      expect(await typename.json()).toEqual({ data: { __typename: 'Query' } });
      expect((await fetch(`${app.url}/graphql`, { headers: { accept: 'text/html' } })).status).toBe(404);
      expect((await fetch(`${app.url}/graphiql/graphiql.js`)).status).toBe(404);
      const index = (await (await fetch(`${app.url}/`)).json()) as { endpoints: Record<string, string> };
      expect(index.endpoints).not.toHaveProperty('graphiql');
      expect(index.endpoints).toMatchObject({ liveness: '/livez', readiness: '/readyz' });
    });

    it('answers no origin cross-origin by default', async () => {
      const preflight = await fetch(`${app.url}/graphql`, { method: 'OPTIONS', headers: { origin: 'https://app.example.com', 'access-control-request-method': 'POST' } });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
      expect(preflight.headers.get('access-control-allow-methods')).toBeNull();
    });

    it('/readyz is 200 once started and 503 "draining" for a request that arrives while the server stops', async () => {
      expect(await (await fetch(`${app.url}/readyz`)).json()).toEqual({ status: 'ready', database: engine });
      // A request whose headers are half sent when the stop begins: its connection is busy, so
      // the drain waits for it, and it is answered under the stop.
      const socket = connect(Number(new URL(app.url).port), '127.0.0.1');
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      let reply = '';
      socket.on('data', (c: Buffer) => (reply += c.toString()));
      const ended = new Promise<void>((resolve) => socket.once('close', () => resolve()));
      socket.write('GET /readyz HTTP/1.1\r\nHost: localhost\r\n');
      await new Promise((resolve) => setTimeout(resolve, 100));
      const stopping = app.stop();
      await new Promise((resolve) => setTimeout(resolve, 100));
      socket.write('\r\n');
      await ended;
      await stopping;
      expect(reply).toMatch(/^HTTP\/1\.1 503 /);
      expect(reply).toMatch(/connection: close/i);
      expect(reply).toContain('{"status":"not ready","reason":"draining"}');
    });
  });

  describe(`overrides, CORS, metrics and debug lines on ${engine}`, () => {
    let app: App;
    let token: string;
    let started: Record<string, unknown>[];
    const ORIGIN = 'https://app.example.com';

    beforeAll(async () => {
      const database = await createTestDatabase(engine);
      await database.handle.migrate();
      // The demo's bearer token present (as if seeded by an earlier start): production warns.
      const generated = await generateOperator(database.handle.db, { operatorCode: 'old', customers: 0 });
      token = generated.token;
      const [admin] = await database.handle.db.select({ staffUserId: apiTokens.staffUserId }).from(apiTokens).where(eq(apiTokens.operatorId, generated.operatorId));
      await database.handle.db.insert(apiTokens).values({ operatorId: generated.operatorId, staffUserId: admin!.staffUserId, label: 'demo token', tokenHash: sha256Hex(DEMO.bearerToken) });
      const config = configFrom(
        { NODE_ENV: 'production', GRAPHIQL: 'true', GRAPHQL_INTROSPECTION: 'true', CORS_ORIGINS: `${ORIGIN},http://localhost:3000`, ...(database.url ? { DATABASE_URL: database.url } : {}) },
        {},
      );
      ({ result: app, lines: started } = await captureLogs(() => startApp(config, { database: database.handle })));
    });
    afterAll(() => app?.stop());

    it('warns at start that the demo credentials are live, without deleting anything or printing them', async () => {
      const warning = started.find((l) => l.level === 'warn' && String(l.msg).includes('demo operator'));
      expect(warning?.msg).toMatch(/credentials .* are live: revoke them as README.md "Production" shows; nothing was deleted/);
      const rows = await app.database.db.select().from(apiTokens).where(eq(apiTokens.tokenHash, sha256Hex(DEMO.bearerToken)));
      expect(rows).toHaveLength(1);
    });

    it('GRAPHIQL=true and GRAPHQL_INTROSPECTION=true turn them back on in production', async () => {
      const page = await fetch(`${app.url}/graphql`, { headers: { accept: 'text/html' } });
      expect(page.status).toBe(200);
      expect(await page.text()).not.toContain(DEMO.bearerToken);
      const answered = await post(`${app.url}/graphql`, introspection, { authorization: `Bearer ${token}` });
      expect(await answered.json()).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
      expect(((await (await fetch(`${app.url}/`)).json()) as { endpoints: object }).endpoints).toHaveProperty('graphiql');
    });

    it('CORS: a listed origin gets its preflight and its answers; an unlisted one gets no CORS headers; SOAP and system routes none', async () => {
      const preflight = await fetch(`${app.url}/graphql`, {
        method: 'OPTIONS',
        headers: { origin: ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type, idempotency-key' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe(ORIGIN);
      expect(preflight.headers.get('vary')).toMatch(/Origin/);
      expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
      expect(preflight.headers.get('access-control-allow-headers')).toBe('Authorization,Content-Type,Idempotency-Key,X-Request-Id');
      expect(preflight.headers.get('access-control-max-age')).toBe('600');

      const actual = await post(`${app.url}/graphql`, JSON.stringify({ query: '{ __typename }' }), { authorization: `Bearer ${token}`, origin: ORIGIN });
      expect(actual.status).toBe(200);
      expect(actual.headers.get('access-control-allow-origin')).toBe(ORIGIN);
      expect(actual.headers.get('access-control-expose-headers')).toContain('X-Request-Id');

      const jaze = await fetch(`${app.url}/api/v1/get_users_count`, { headers: { authorization: `Bearer ${token}`, origin: 'http://localhost:3000' } });
      expect(jaze.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');

      const stranger = await post(`${app.url}/graphql`, JSON.stringify({ query: '{ __typename }' }), { authorization: `Bearer ${token}`, origin: 'https://evil.example' });
      expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
      expect(stranger.headers.get('vary')).toMatch(/Origin/);
      const strangerPreflight = await fetch(`${app.url}/graphql`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
      expect(strangerPreflight.status).toBe(204);
      for (const header of ['access-control-allow-origin', 'access-control-allow-methods', 'access-control-allow-headers', 'access-control-max-age']) {
        expect(strangerPreflight.headers.get(header)).toBeNull();
      }

      const soap = await fetch(`${app.url}/API/operatorapi.pl?wsdl`, { headers: { origin: ORIGIN } });
      expect(soap.headers.get('access-control-allow-origin')).toBeNull();
      const health = await fetch(`${app.url}/healthz`, { headers: { origin: ORIGIN } });
      expect(health.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('/metrics: default process metrics, statements timed, operations counted with bounded labels', async () => {
      await fetch(`${app.url}/API/getCustomerStatuses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      await fetch(`${app.url}/API/noSuchOperation`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      // 1000 distinct operation names a client made up: they must not become 1000 series.
      for (let batch = 0; batch < 1000; batch += 50) {
        await Promise.all(
          Array.from({ length: 50 }, (_, i) =>
            post(`${app.url}/graphql`, JSON.stringify({ query: 'query Real { __typename }', operationName: `Bogus${batch + i}` }), { authorization: `Bearer ${token}` }).then((r) => r.arrayBuffer()),
          ),
        );
      }
      const res = await fetch(`${app.url}/metrics`);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      const text = await res.text();
      const samples = text
        .split('\n')
        .filter((line) => line && !line.startsWith('#'))
        .map((line) => {
          const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})? (\S+)$/.exec(line);
          expect(match, line).not.toBeNull();
          return { name: match![1]!, labels: match![3] ?? '', value: Number(match![4]) };
        });
      const names = new Set(samples.map((s) => s.name));
      for (const name of ['process_cpu_user_seconds_total', 'process_resident_memory_bytes', 'nodejs_eventloop_lag_seconds', 'nodejs_active_handles_total', 'nodejs_heap_size_used_bytes', 'db_queries_total', 'db_statement_duration_seconds_count', 'db_pool_max_connections', 'login_throttle_refusals_total', 'password_hash_runs_total']) {
        expect(names, name).toContain(name);
      }
      expect(text).toContain('# TYPE nodejs_gc_duration_seconds histogram');
      expect(samples.find((s) => s.name === 'db_statement_duration_seconds_count')!.value).toBeGreaterThan(0);
      expect(samples.find((s) => s.name === 'db_pool_max_connections')!.value).toBe(engine === 'pglite' ? 1 : app.database.poolSize);
      const graphql = samples.filter((s) => s.name === 'graphql_operations_total');
      // The first 100 names, `other`, and `unnamed` for requests without one.
      expect(graphql.length).toBeLessThanOrEqual(MAX_GRAPHQL_OPERATION_NAMES + 2);
      expect(graphql.find((s) => s.labels === 'operation="other"')!.value).toBeGreaterThanOrEqual(900);
      const legacy = samples.filter((s) => s.name === 'legacy_operations_total').map((s) => s.labels);
      expect(legacy).toContain('dialect="simpler",operation="getCustomerStatuses"');
      expect(legacy.join()).not.toContain('noSuchOperation');
      expect(text).toMatch(/^http_requests_total\{surface="graphql",status="200"\} \d+$/m);
    });

    it('LOG_LEVEL=debug logs each SQL statement with its duration and request, never its parameters; info logs none', async () => {
      const marker = 'zq-marker-4711';
      const search = () =>
        post(`${app.url}/graphql`, JSON.stringify({ query: 'query($q: String!) { customers(first: 1, filter: { email: $q }) { totalCount } }', variables: { q: marker } }), { authorization: `Bearer ${token}` });
      const previous = process.env.LOG_LEVEL;
      try {
        process.env.LOG_LEVEL = 'debug';
        const { result: res, lines } = await captureLogs(search);
        expect(res.status).toBe(200);
        const requestId = res.headers.get('x-request-id');
        const sql = lines.filter((l) => l.msg === 'sql' && l.requestId === requestId);
        expect(sql.length).toBeGreaterThan(0);
        for (const line of sql) {
          expect(line).toMatchObject({ level: 'debug', durationMs: expect.any(Number), statement: expect.stringMatching(/^(select|with|begin|insert|update|delete)/i) });
          expect(String(line.statement).length).toBeLessThanOrEqual(301);
        }
        expect(JSON.stringify(lines)).not.toContain(marker);
        expect(lines.some((l) => l.msg === 'request' && l.requestId === requestId)).toBe(true);
        expect(lines.some((l) => l.msg === 'request started' && l.requestId === requestId)).toBe(true);

        process.env.LOG_LEVEL = 'info';
        const quiet = await captureLogs(search);
        expect(quiet.lines.filter((l) => l.msg === 'sql' || l.msg === 'request started')).toEqual([]);
        expect(quiet.lines.some((l) => l.msg === 'request')).toBe(true);
      } finally {
        process.env.LOG_LEVEL = previous;
      }
    });

    it('/metrics shows the job queue by status and the outbox, as the job worker measures them', async () => {
      const [operator] = await app.database.db.select({ id: apiTokens.operatorId }).from(apiTokens).limit(1);
      await app.database.db.insert(backgroundJobs).values([
        { operatorId: operator!.id, kind: 'wib.update', status: 'failed', error: 'x' },
        { operatorId: operator!.id, kind: 'wib.update', status: 'failed', error: 'y' },
      ]);
      const measured: QueueDepth[] = [];
      const worker = startWorker(app.database.db, { scheduleEveryMs: 0, staleAfterMs: 0, intervalMs: 20, queueDepthEveryMs: 20, onQueueDepth: (depth) => (measured.push(depth), setQueueDepth(depth)) });
      try {
        await expect.poll(() => measured.length, { timeout: 10_000 }).toBeGreaterThan(0);
      } finally {
        await worker.stop();
      }
      const text = await (await fetch(`${app.url}/metrics`)).text();
      expect(text).toMatch(/^background_jobs\{status="failed"\} 2$/m);
      expect(text).toMatch(/^background_jobs\{status="queued"\} 0$/m);
      expect(text).toMatch(/^messages_outbox_pending 0$/m);
    });

    it('serves a favicon, cacheable', async () => {
      const icon = await fetch(`${app.url}/favicon.ico`);
      expect(icon.status).toBe(200);
      expect(icon.headers.get('content-type')).toBe('image/svg+xml');
      expect(icon.headers.get('cache-control')).toMatch(/max-age=\d+/);
      expect(await icon.text()).toMatch(/^<svg /);
    });
  });
}
