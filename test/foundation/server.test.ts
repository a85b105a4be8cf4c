import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config';
import { startApp, type App } from '../../src/server/app';
import { createTestDatabase } from '../helpers/engines';

function testConfig(overrides: Partial<Config> = {}): Config {
  return { port: 0, host: '127.0.0.1', databaseUrl: undefined, dataDir: '', seedDemo: false, maxBodyBytes: 1024, production: false, runJobs: false, ...overrides };
}

describe('the server on the embedded database', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ispgraph-data-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('creates the schema and demo data on first start in DATA_DIR, and does not seed again on the next', async () => {
    const first = await startApp(testConfig({ dataDir, seedDemo: true }));
    expect(first.seeded).toBe(true);
    const health = await fetch(`${first.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', database: 'pglite' });
    await first.stop();

    const second = await startApp(testConfig({ dataDir, seedDemo: true }));
    try {
      expect(second.seeded).toBe(false);
      expect((await fetch(`${second.url}/healthz`)).status).toBe(200);
    } finally {
      await second.stop();
    }
  });
});

describe('the HTTP front door', () => {
  let app: App | undefined;
  afterAll(async () => {
    await app?.server.close();
  });

  it('answers /healthz 503 when the database cannot be reached', async () => {
    const database = await createTestDatabase('pglite');
    app = await startApp(testConfig(), { database: database.handle });
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    await database.handle.close();
    const res = await fetch(`${app.url}/healthz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: 'unavailable', database: 'pglite' });
  });

  it('serves Prometheus metrics with the statement counter and per-surface request counts', async () => {
    const res = await fetch(`${app!.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toMatch(/^db_queries_total \d+$/m);
    expect(text).toMatch(/^http_requests_total\{surface="system",status="200"\} \d+$/m);
    expect(text).toMatch(/^http_request_duration_seconds_count\{surface="system",status_class="2xx"\} \d+$/m);
  });

  it('answers unknown paths with 404 and wrong methods with 405 and an Allow header', async () => {
    const missing = await fetch(`${app!.url}/nope`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'no route for /nope', requestId: missing.headers.get('x-request-id') });
    const wrong = await fetch(`${app!.url}/healthz`, { method: 'DELETE' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET');
    expect(wrong.headers.get('x-request-id')).toBeTruthy();
  });
});
