/**
 * The suite-wide secret scan can fail: it sees secrets in replies (also streamed in pieces with
 * encodings, without changing what the client receives) and in log lines, it exempts only the
 * GraphiQL page's demo token, its reports name secrets without printing them, and a leaking
 * test file run under the real setup fails — the leaking test by name, and the file for a
 * leak outside any test.
 */
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../src/db/seed/demo';
import { log } from '../../src/server/logger';
import { sha256Hex } from '../../src/shared/secrets';
import { describeFindings, secretScan, type Finding } from './scanner';
import { DETECTORS } from './secrets';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

/** Takes this test's findings away from the scan, so the deliberate leaks do not fail it. */
const takeMine = (): Finding[] => {
  const name = expect.getState().currentTestName;
  return secretScan.take((f) => f.test === name);
};

describe('the suite-wide secret scan', () => {
  let server: Server;
  let url = '';
  beforeAll(async () => {
    server = createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      if (req.url?.startsWith('/streamed')) {
        // The demo token in three pieces: a string, a Buffer, and base64 text with its encoding.
        res.write('{"token":"de');
        res.write(Buffer.from('mo-tok', 'utf8'));
        res.end(Buffer.from('en"}').toString('base64'), 'base64');
        return;
      }
      if (req.url === '/header') {
        res.setHeader('x-key-hash', `sha256$${sha256Hex(DEMO.crm.apiKey)}`);
        res.end('{}');
        return;
      }
      res.end('{"ok":true}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('finds a secret in a reply streamed in pieces, and the client still gets every byte', async () => {
    const before = secretScan.stats().texts;
    const res = await fetch(`${url}/streamed?api_key=${DEMO.bearerToken}`);
    expect(await res.text()).toBe(`{"token":"${DEMO.bearerToken}"}`);
    const found = takeMine();
    // Named by the path only: the query string (where the test itself put the token) is not printed.
    expect(found).toEqual([expect.objectContaining({ secret: 'demo bearer token', surface: 'reply', where: 'GET /streamed' })]);
    expect(secretScan.stats().texts).toBeGreaterThan(before);
  });

  it('finds a secret in a reply header, and nothing in a clean reply', async () => {
    await fetch(`${url}/header`);
    expect(takeMine().map((f) => f.secret)).toEqual(['CRM api key SHA-256 (stored key hash)', 'stored API key hash (sha256$…)']);
    expect(await (await fetch(`${url}/clean`)).json()).toEqual({ ok: true });
    expect(takeMine()).toEqual([]);
  });

  it('finds a secret in a server log line, produced although the suite runs quiet', () => {
    log('info', 'token.lookup', { tokenHash: sha256Hex(DEMO.bearerToken) });
    log('debug', 'scrypt.check', { stored: 'scrypt$16384$8$1$c2FsdHNhbHRzYWx0c2FsdA==$a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2U=' });
    log('info', 'credential.check', { api_password: DEMO.simpler.password, user: DEMO.simpler.username });
    expect(takeMine()).toEqual([
      expect.objectContaining({ secret: 'demo bearer token SHA-256 (stored token hash)', surface: 'log', where: 'info token.lookup' }),
      expect.objectContaining({ secret: 'stored scrypt password hash', surface: 'log', where: 'debug scrypt.check' }),
      expect.objectContaining({ secret: 'SIMPLer api_password', surface: 'log', where: 'info credential.check' }),
    ]);
  });

  it('tells the short demo secrets apart from the usernames and codes that share their spelling', () => {
    const names = (text: string) => secretScan.observe({ surface: 'reply', where: 'POST /probe' }, text).map((f) => f.secret);
    expect(names('{"operator":"demo","username":"admin","status":"secret plan"}')).toEqual([]);
    expect(names('<page><password>admin</password></page>')).toEqual(['staff password']);
    expect(names('{"m4ApiSecret":"secret"}')).toEqual(['M4 API secret']);
    expect(names('portal_password=portal&x=1')).toEqual(['portal password']);
    expect(names('Your portal login: Username: c1 Password: ********')).toEqual([]);
    expect(names('Your portal login: Username: c1 Password: x7Hk29aQ')).toEqual(['recovered portal password (recovery message body)']);
    takeMine();
  });

  it('exempts only the GraphiQL page, which pre-fills the demo token outside production', () => {
    const page = `<script>{"headers":"{\\"Authorization\\": \\"Bearer ${DEMO.bearerToken}\\"}"}</script>`;
    const names = (where: string, contentType: string) => secretScan.observe({ surface: 'reply', where, contentType }, page).map((f) => f.secret);
    expect(names('GET /graphql', 'text/html; charset=utf-8')).toEqual([]);
    expect(names('POST /graphql', 'application/json')).toEqual(['demo bearer token']);
    expect(names('GET /graphiql/graphiql.js', 'text/javascript; charset=utf-8')).toEqual(['demo bearer token']);
    takeMine();
  });

  it('reports the secret by name and never its value', () => {
    const findings: Finding[] = DETECTORS.map((d) => ({ secret: d.name, surface: 'reply', where: 'POST /api/plan/list', test: 'some test' }));
    const report = describeFindings(findings);
    expect(report).toContain('CRM api key in reply POST /api/plan/list — some test');
    for (const value of [DEMO.crm.apiKey, DEMO.bearerToken, sha256Hex(DEMO.bearerToken), sha256Hex(DEMO.crm.apiKey)]) expect(report).not.toContain(value);
  });

  it('fails a leaking test by name, and the file for a leak outside any test, under the real setup', async () => {
    const outcome = await run('npx', ['vitest', 'run', '--config', 'test/secret-scan/fixture/vitest.config.ts'], { cwd: root, timeout: 120_000, env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' } }).then(
      ({ stdout, stderr }) => ({ code: 0, out: stdout + stderr }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, out: `${error.stdout}${error.stderr}` }),
    );
    expect(outcome.code).toBe(1);
    expect(outcome.out).toContain('CRM api key in reply GET /leak — leaks > leaky test');
    expect(outcome.out).toContain('demo bearer token SHA-256 (stored token hash) in log info token.lookup — outside any test');
    expect(outcome.out).toMatch(/1 failed.*1 passed/);
    for (const value of [DEMO.crm.apiKey, sha256Hex(DEMO.bearerToken)]) expect(outcome.out).not.toContain(value);
  }, 150_000);
});
