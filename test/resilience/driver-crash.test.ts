/**
 * The postgres.js defect behind "the server process dies when PostgreSQL restarts"
 * (porsager/postgres #1154/#1208): a transaction whose connection the server closes writes its
 * ROLLBACK after the driver dropped the socket, and the write throws from a setImmediate,
 * outside any promise. patches/postgres+3.4.9.patch (applied by `postinstall`) guards it.
 * The fixture drives the driver against a fake server that hangs up mid-transaction; this
 * test runs it against every build Node loads (ESM and CommonJS) and, to show the fixture
 * still reproduces the defect, against a pristine copy with the patch reversed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const fixture = path.join(import.meta.dirname, 'driver-crash.fixture.mjs');
const patchFile = path.join(root, 'patches/postgres+3.4.9.patch');
const installed = path.join(root, 'node_modules/postgres');

function runFixture(driverEntry: string): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [fixture, driverEntry], { encoding: 'utf8', timeout: 15_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('postgres.js survives a connection closed under a transaction', () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'ispgraph-pgjs-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('the installed driver is the version the patch was made for, with the patch applied', () => {
    const pkg = JSON.parse(readFileSync(path.join(installed, 'package.json'), 'utf8')) as { version: string };
    expect(pkg.version).toBe('3.4.9');
    // `import postgres from 'postgres'` (our code, ESM) and require('postgres') both load patched files.
    const esm = import.meta.resolve('postgres');
    const cjs = createRequire(import.meta.url).resolve('postgres');
    for (const entry of [new URL(esm).pathname, cjs]) {
      const connection = readFileSync(path.join(path.dirname(entry), 'connection.js'), 'utf8');
      expect(connection, entry).toContain('ispgraph patch (porsager/postgres#1154, #1208)');
    }
  });

  it.each([
    ['ESM (import)', 'src/index.js'],
    ['CommonJS (require)', 'cjs/src/index.js'],
  ])('%s build: the transaction fails with CONNECTION_CLOSED and the process lives on', (_name, entry) => {
    const run = runFixture(path.join(installed, entry));
    expect(run.stderr).not.toContain('TypeError');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout.trim())).toEqual({ transaction: 'rejected', code: 'CONNECTION_CLOSED' });
  });

  it('without the patch, the same scenario crashes the process (the fixture reproduces the defect)', () => {
    const pristine = path.join(scratch, 'node_modules/postgres');
    cpSync(installed, pristine, { recursive: true });
    execFileSync('git', ['apply', '--reverse', '--unsafe-paths', `--directory=${scratch}`, '-p1', patchFile], { cwd: scratch });
    expect(readFileSync(path.join(pristine, 'src/connection.js'), 'utf8')).not.toContain('ispgraph patch');
    for (const entry of ['src/index.js', 'cjs/src/index.js']) {
      const run = runFixture(path.join(pristine, entry));
      expect(run.status).not.toBe(0);
      expect(run.stderr).toContain("Cannot read properties of null (reading 'write')");
    }
  });
});
