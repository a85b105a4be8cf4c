/**
 * One embedded database, one owner: a second server, `db:seed` or `db:migrate` on a DATA_DIR
 * that a live process holds is refused before touching it, naming the holder's PID; a lock left
 * by a dead process is taken over; a busy port is refused before DATA_DIR is even created; and
 * the directory's files are private to their owner — also while the server runs, under the
 * most permissive umask, as PGlite creates them.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client';
import { LOCK_FILE_NAME } from '../../src/db/data-dir-lock';
import { startServerProcess, waitForHealthy } from '../resilience/server-process';
import { freePort } from '../resilience/throwaway-postgres';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

/** Runs a command to completion (bounded), never throwing: its exit code and output. */
async function attempt(args: string[], env: Record<string, string>): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run('node', ['--import', 'tsx', ...args], { cwd: root, env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'info', ...env }, timeout: 90_000 });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: `${e.stdout}${e.stderr}` };
  }
}

/** Every entry under dir with any group or other permission bit, as `path mode`. */
function notPrivate(dir: string): string[] {
  const found: string[] = [];
  const walk = (p: string) => {
    let stat;
    try {
      stat = lstatSync(p);
    } catch {
      return; // removed between listing and stat (PostgreSQL renames and unlinks as it goes)
    }
    if ((stat.mode & 0o077) !== 0) found.push(`${path.relative(dir, p)} ${(stat.mode & 0o777).toString(8)}`);
    if (stat.isDirectory()) {
      let names: string[] = [];
      try {
        names = readdirSync(p);
      } catch {
        return;
      }
      for (const name of names) walk(path.join(p, name));
    }
  };
  if (existsSync(dir)) walk(dir);
  return found;
}

function countEntries(dir: string): number {
  let count = 0;
  const walk = (p: string) => {
    count++;
    if (lstatSync(p).isDirectory()) for (const name of readdirSync(p)) walk(path.join(p, name));
  };
  walk(dir);
  return count;
}

/** Every entry under dir with group or other write permission. */
function looselyWritable(dir: string): string[] {
  const loose: string[] = [];
  const walk = (p: string) => {
    const stat = lstatSync(p);
    if ((stat.mode & 0o022) !== 0) loose.push(p);
    if (stat.isDirectory()) for (const name of readdirSync(p)) walk(path.join(p, name));
  };
  walk(dir);
  return loose;
}

describe('DATA_DIR ownership (PGlite)', () => {
  const base = mkdtempSync(path.join(tmpdir(), 'ispgraph-lock-'));
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('refuses a second server, db:migrate and db:seed while a process holds DATA_DIR, naming its PID', async () => {
    const dataDir = path.join(base, 'held');
    const held = await openDatabase({ dataDir });
    try {
      const lock = JSON.parse(readFileSync(path.join(dataDir, LOCK_FILE_NAME), 'utf8')) as { pid: number };
      expect(lock.pid).toBe(process.pid);
      const env = { DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' };
      const [server, migrate, seed] = await Promise.all([
        attempt(['src/main.ts'], env),
        attempt(['src/db/cli/migrate.ts'], env),
        attempt(['src/db/cli/seed.ts', '--customers', '1', '--operator', 'intruder'], env),
      ]);
      for (const refused of [server, migrate, seed]) {
        expect(refused.code).toBe(1);
        expect(refused.out).toContain(`DATA_DIR ${dataDir} is in use by process ${process.pid}`);
      }
      // Nothing was written by the refused processes: the lock is still ours.
      expect(JSON.parse(readFileSync(path.join(dataDir, LOCK_FILE_NAME), 'utf8'))).toMatchObject({ pid: process.pid });
      // The same process cannot open it twice either.
      await expect(openDatabase({ dataDir })).rejects.toThrow(`is in use by process ${process.pid}`);
    } finally {
      await held.close();
    }
    expect(existsSync(path.join(dataDir, LOCK_FILE_NAME))).toBe(false);
  }, 180_000);

  it('takes over a lock left by a process that died', async () => {
    const dataDir = path.join(base, 'stale');
    const dead = spawn(process.execPath, ['-e', '0']);
    const deadPid = dead.pid!;
    await new Promise((resolve) => dead.once('exit', resolve));
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(path.join(dataDir, LOCK_FILE_NAME), JSON.stringify({ pid: deadPid, host: hostname(), role: 'server', since: '2000-01-01T00:00:00.000Z' }));
    const handle = await openDatabase({ dataDir });
    try {
      expect(JSON.parse(readFileSync(path.join(dataDir, LOCK_FILE_NAME), 'utf8'))).toMatchObject({ pid: process.pid });
    } finally {
      await handle.close();
    }
  }, 60_000);

  it('treats an unreadable lock as being written by a starting process until it is old', async () => {
    const dataDir = path.join(base, 'half-written');
    mkdirSync(dataDir, { recursive: true });
    const lockPath = path.join(dataDir, LOCK_FILE_NAME);
    writeFileSync(lockPath, '');
    await expect(openDatabase({ dataDir })).rejects.toThrow('is being locked by another process right now');
    const anHourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(lockPath, anHourAgo, anHourAgo);
    const handle = await openDatabase({ dataDir });
    await handle.close();
  }, 60_000);

  it('creates DATA_DIR 0700 and leaves no group- or world-writable file in it', async () => {
    const dataDir = path.join(base, 'modes');
    const handle = await openDatabase({ dataDir });
    try {
      expect(lstatSync(dataDir).mode & 0o777).toBe(0o700);
      expect(looselyWritable(dataDir)).toEqual([]);
      await handle.migrate();
    } finally {
      await handle.close();
    }
    expect(looselyWritable(dataDir)).toEqual([]);
    expect(readdirSync(dataDir).length).toBeGreaterThan(5);
  }, 120_000);

  it('refuses a busy port before DATA_DIR is created or opened', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as AddressInfo).port;
    const dataDir = path.join(base, 'never');
    try {
      const refused = await attempt(['src/main.ts'], { DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' });
      expect(refused.code).toBe(1);
      expect(refused.out).toContain(`port ${port} on 127.0.0.1 is already in use; the database was not opened`);
      expect(existsSync(dataDir)).toBe(false);
    } finally {
      blocker.close();
    }
  }, 120_000);

  it('keeps every file private while the server creates them, even under umask 000', async () => {
    const dataDir = path.join(base, 'running');
    // The server inherits our umask: 000 is the worst case (what a careless container runs with).
    const previousUmask = process.umask(0);
    let server;
    try {
      server = startServerProcess({ DATABASE_URL: '', DATA_DIR: dataDir, RUN_JOBS: 'false' }, await freePort());
    } finally {
      process.umask(previousUmask);
    }
    // Another process watches the directory the whole time: initdb, migrations, the demo seed
    // and the writes below all create files while the server runs.
    const seen = new Set<string>();
    let polls = 0;
    const watcher = setInterval(() => {
      polls++;
      for (const entry of notPrivate(dataDir)) seen.add(entry);
    }, 40);
    try {
      await waitForHealthy(server.url, 150_000, () => server.child.exitCode === null);
      const afterStart = countEntries(dataDir);
      // Writes through the API: new customers (rows, indexes, WAL), then enough of them to
      // make PostgreSQL extend relations with new pages.
      for (let i = 0; i < 40; i++) {
        const res = await fetch(`${server.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: 'Bearer demo-token' },
          body: JSON.stringify({ query: `mutation { customerCreate(input: { name: "Mode check ${i}", nickname: "modes${i}", invoicingId: "MODES-${i}" }) { userErrors { message } } }` }),
        });
        expect(((await res.json()) as { data: { customerCreate: { userErrors: unknown[] } } }).data.customerCreate.userErrors).toEqual([]);
      }
      for (const entry of notPrivate(dataDir)) seen.add(entry);
      // Still running: nothing was tidied up by a close.
      expect(server.child.exitCode).toBe(null);
      expect(lstatSync(dataDir).mode & 0o777).toBe(0o700);
      expect(polls).toBeGreaterThan(5);
      expect(afterStart).toBeGreaterThan(900); // initdb's files and the migrated relations were there to be seen
      expect([...seen].slice(0, 20)).toEqual([]);
    } finally {
      clearInterval(watcher);
      server.kill();
      await server.exited();
    }
  }, 240_000);
});

