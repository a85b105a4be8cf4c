/**
 * Clean stops of `npm start`: SIGTERM, whether sent to npm's process (what `docker stop` hits
 * when npm is the entry point) or to the node server itself, lets requests in flight finish
 * (answered with `connection: close`), stops the process tree and exits 0. A server killed
 * with SIGKILL mid-write loses no acknowledged write.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../src/db/client';
import { generateOperator } from '../../src/db/seed/generator';

const root = path.resolve(import.meta.dirname, '../..');

interface Started {
  child: ChildProcess;
  url: string;
  exited: Promise<number | null>;
  output(): string;
}

/** Starts a server command and waits (bounded) for its `listening` log line. */
async function startServer(command: string, args: string[], dataDir: string): Promise<Started> {
  const child = spawn(command, args, {
    cwd: root,
    env: { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', SEED_DEMO: 'false', RUN_JOBS: 'true', LOG_LEVEL: 'info', SHUTDOWN_GRACE_MS: '20000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no listening line within 150 s:\n${output}`)), 150_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /"msg":"listening","url":"([^"]+)"/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((code) => reject(new Error(`exited ${code} before listening:\n${output}`)));
  });
  return { child, url, exited, output: () => output };
}

/**
 * A request whose body is still arriving: in flight until `finish` is called. `received`
 * resolves when the server has read its headers (its `100 Continue`), so it is in flight for sure.
 */
function slowRequest(url: string): { received: Promise<void>; finish(): void; response: Promise<{ status: number; connection: string | undefined; body: string }> } {
  const body = JSON.stringify({ query: '{ __typename }' });
  const req = request(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), expect: '100-continue' } });
  const received = new Promise<void>((resolve) => req.once('continue', () => resolve()));
  const response = new Promise<{ status: number; connection: string | undefined; body: string }>((resolve, reject) => {
    req.on('response', (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, connection: res.headers.connection, body: text }));
    });
    req.on('error', reject);
  });
  req.flushHeaders();
  void received.then(() => req.write(body.slice(0, 5)));
  return { received, finish: () => req.end(body.slice(5)), response };
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('stopping npm start', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ispgraph-stop-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  for (const target of ['npm', 'node'] as const) {
    it(`SIGTERM to the ${target} process: in-flight requests complete, everything exits 0`, async () => {
      const server = await startServer('npm', ['start', '--silent'], dataDir);
      const npmPid = server.child.pid!;
      // `exec` in the start script: npm's only child is the server itself, no shell between.
      const nodePid = Number(execFileSync('pgrep', ['-P', String(npmPid)]).toString().trim().split('\n')[0]);
      expect(execFileSync('ps', ['-o', 'args=', '-p', String(nodePid)]).toString()).toContain('dist/main.mjs');

      // Load: two dozen requests the server has begun (headers read, bodies still coming).
      const inFlight = Array.from({ length: 24 }, () => slowRequest(server.url));
      await Promise.all(inFlight.map((r) => r.received));
      process.kill(target === 'npm' ? npmPid : nodePid, 'SIGTERM');
      // Bodies are finished only once the server has begun its stop (bounded wait).
      for (let waited = 0; !server.output().includes('"msg":"shutting down"') && waited < 15_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(server.output()).toContain('"msg":"shutting down"');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(alive(nodePid)).toBe(true); // still finishing the requests in flight
      for (const r of inFlight) r.finish();

      const replies = await Promise.all(inFlight.map((r) => r.response.catch((e: Error) => ({ status: 0, connection: undefined, body: `failed: ${e.message}` }))));
      const exitCode = await server.exited;
      expect(replies.filter((r) => r.body.startsWith('failed:'))).toEqual([]);
      for (const reply of replies) {
        expect(reply.connection).toBe('close');
        expect(() => JSON.parse(reply.body)).not.toThrow();
        expect(reply.status).toBeLessThan(500);
      }
      expect(exitCode, server.output()).toBe(0);
      expect(alive(nodePid)).toBe(false);
    }, 240_000);
  }

  it('loses no acknowledged write when the PGlite server is killed with SIGKILL mid-write', async () => {
    // An operator to write as, made before the server owns the directory.
    const setup = await openDatabase({ dataDir });
    await setup.migrate();
    const { token } = await generateOperator(setup.db, { operatorCode: 'durable', customers: 0 });
    await setup.close();

    const server = await startServer('node', ['--import', 'tsx', 'src/main.ts'], dataDir);
    const acknowledged: string[] = [];
    let stop = false;
    const writer = async (w: number) => {
      for (let i = 0; i < 500 && !stop; i++) {
        const name = `Durable ${w}-${i}`;
        try {
          const res = await fetch(`${server.url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({
              query: 'mutation($n: String!, $i: String!, $k: String!) { customerCreate(input: { name: $n, invoicingId: $i, nickname: $k }) { customer { legacyId } userErrors { message } } }',
              variables: { n: name, i: `DUR-${w}-${i}`, k: `durable${w}x${i}` },
            }),
          });
          const body = (await res.json()) as { data?: { customerCreate?: { customer?: { legacyId: number } | null } } };
          if (body.data?.customerCreate?.customer) acknowledged.push(name);
        } catch {
          return; // the server is gone
        }
      }
    };
    const writers = [0, 1, 2, 3].map(writer);
    // Kill once a good number of writes has been acknowledged, while more are in flight.
    for (let waited = 0; acknowledged.length < 20 && waited < 60_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    server.child.kill('SIGKILL');
    await server.exited;
    stop = true;
    await Promise.all(writers);
    expect(acknowledged.length).toBeGreaterThanOrEqual(20);

    // The next owner takes over the dead process's lock and finds every acknowledged write.
    const after = await openDatabase({ dataDir });
    try {
      const result = await after.db.execute(sql`select name from customers where name like 'Durable %'`);
      const names = new Set(((result as unknown as { rows?: { name: string }[] }).rows ?? (result as unknown as { name: string }[])).map((r) => r.name));
      const missing = acknowledged.filter((name) => !names.has(name));
      expect(missing).toEqual([]);
    } finally {
      await after.close();
    }
  }, 300_000);
});
