/**
 * `npm start` runs the server from one bundled module, dist/main.mjs (src/build/bundle.mjs). The
 * bundle lives in another folder than the sources it came from, so everything the server finds by
 * path (migrations, package.json, GraphiQL's login bar, the npm packages' prebuilt assets) is
 * checked here through the bundle itself, and so is the rebuild `npm start` does when a source
 * is newer than the bundle.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../src/db/seed/demo';
import { startServerProcess, waitForHealthy, type ServerProcess } from '../resilience/server-process';
import { freePort } from '../resilience/throwaway-postgres';

const root = path.resolve(import.meta.dirname, '../..');
const bundle = path.join(root, 'dist', 'main.mjs');
const build = (...args: string[]) => execFileSync(process.execPath, ['src/build/bundle.mjs', ...args], { cwd: root, stdio: 'pipe' });

describe('the bundle npm start runs', () => {
  beforeAll(() => build('--if-stale'), 120_000);

  it('is rebuilt by `--if-stale` only when a source is newer than it', () => {
    // Back-dating the bundle makes every source newer: it must be rebuilt.
    utimesSync(bundle, new Date(0), new Date(0));
    build('--if-stale');
    const rebuilt = statSync(bundle).mtimeMs;
    expect(rebuilt).toBeGreaterThan(0);
    // Nothing changed since: left alone.
    build('--if-stale');
    expect(statSync(bundle).mtimeMs).toBe(rebuilt);
  }, 120_000);

  describe('serves every surface from an embedded database', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'ispgraph-bundle-'));
    let server: ServerProcess;
    beforeAll(async () => {
      server = startServerProcess({ DATABASE_URL: '', DATA_DIR: dataDir, RUN_JOBS: 'false', GRAPHIQL: 'true' }, await freePort(), { from: 'bundle' });
      await waitForHealthy(server.url, 120_000, () => server.child.exitCode === null);
    }, 150_000);
    afterAll(async () => {
      server?.child.kill('SIGTERM');
      await server?.exited();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('runs the migrations and the demo seed, and answers GraphQL', async () => {
      const res = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO.bearerToken}` },
        body: JSON.stringify({ query: '{ customers(first: 2) { totalCount nodes { legacyId } } }' }),
      });
      const body = (await res.json()) as { data: { customers: { totalCount: number; nodes: unknown[] } } };
      expect(res.status).toBe(200);
      expect(body.data.customers.nodes).toHaveLength(2);
      expect(body.data.customers.totalCount).toBeGreaterThan(2);
    });

    it('serves the WSDL, the OpenAPI document with the package version, and GraphiQL with its assets', async () => {
      const wsdl = await fetch(`${server.url}/API/operatorapi.pl?wsdl`);
      expect(wsdl.status).toBe(200);
      expect(await wsdl.text()).toContain('searchCustomer');

      const openapi = (await (await fetch(`${server.url}/openapi.json`)).json()) as { info: { version: string } };
      expect(openapi.info.version).toBe(JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version);

      for (const [asset, marker] of [
        ['login.js', 'staffLogin'],
        ['graphiql.js', 'GraphiQL'],
        ['react.js', 'React'],
      ] as const) {
        const res = await fetch(`${server.url}/graphiql/${asset}`);
        expect(res.status, asset).toBe(200);
        expect(await res.text(), asset).toContain(marker);
      }
    });
  });
});
