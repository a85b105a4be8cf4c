/**
 * WORKERS=N: a node:cluster primary runs N server processes on one port. A worker killed with
 * SIGKILL is replaced while /healthz keeps answering through the others; SIGTERM to the primary
 * stops every worker and the primary exits 0. With the embedded database, WORKERS>1 is refused.
 */
import { get } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, waitForHealthy, type ServerProcess } from './server-process';
import { freePort, startThrowawayPostgres, throwawayPostgresMissing, type ThrowawayPostgres } from './throwaway-postgres';

const missing = throwawayPostgresMissing();

/** Pids of the workers the supervisor reported starting, in order. */
function workerPids(output: string): number[] {
  return [...output.matchAll(/"msg":"supervisor: worker started".*?"pid":(\d+)/g)].map((m) => Number(m[1]));
}

/** GET /healthz on a connection of its own (a pooled one could belong to the worker just killed). */
function healthOnNewConnection(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = get(`${url}/healthz`, { agent: false, timeout: 3000 }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until<T>(what: string, timeoutMs: number, probe: () => T | undefined | false): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('WORKERS with the embedded database', () => {
  it('is refused at start-up with a clear message', async () => {
    const server = startServerProcess({ WORKERS: '2', DATABASE_URL: '' }, await freePort());
    const exit = await server.exited();
    expect(exit.code).toBe(1);
    expect(server.output()).toContain('WORKERS=2 needs DATABASE_URL');
  });
});

describe.skipIf(missing)(`the supervisor (WORKERS=2)${missing ? ` (skipped: ${missing})` : ''}`, () => {
  let pg: ThrowawayPostgres;
  let server: ServerProcess;

  beforeAll(async () => {
    pg = await startThrowawayPostgres();
    // No demo data: the supervisor needs none, and seeding would only slow the start.
    server = startServerProcess({ DATABASE_URL: pg.url, WORKERS: '2', RUN_JOBS: 'false', SEED_DEMO: 'false' }, await freePort());
    await waitForHealthy(server.url, 120_000, () => server.child.exitCode === null);
    // Both workers are up (each logs "listening" once it serves).
    await until('two listening workers', 60_000, () => (server.output().match(/"msg":"listening"/g) ?? []).length >= 2);
  });

  afterAll(async () => {
    for (const pid of workerPids(server?.output() ?? '')) if (alive(pid)) process.kill(pid, 'SIGKILL');
    server?.kill();
    await pg?.destroy();
  });

  it('replaces a worker killed with SIGKILL while /healthz keeps answering', async () => {
    const [victim, survivor] = workerPids(server.output());
    expect(victim && survivor && alive(victim) && alive(survivor)).toBe(true);

    process.kill(victim!, 'SIGKILL');
    // Once the primary has seen the death, every new connection goes to a live worker.
    await until('the supervisor to notice', 10_000, () => server.output().includes('supervisor: worker died, restarting'));
    const statuses: number[] = [];
    let replacement: number | undefined;
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      statuses.push(await healthOnNewConnection(server.url));
      replacement ??= workerPids(server.output()).find((pid) => pid !== victim && pid !== survivor);
      if (replacement && (server.output().match(/"msg":"listening"/g) ?? []).length >= 3) break;
      await new Promise((r) => setTimeout(r, 20));
    }

    expect(alive(victim!)).toBe(false);
    expect(replacement && alive(replacement)).toBe(true);
    expect((server.output().match(/"msg":"listening"/g) ?? []).length).toBe(3);
    expect(statuses.length).toBeGreaterThan(10);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    expect(await healthOnNewConnection(server.url)).toBe(200);
  });

  it('stops every worker on SIGTERM and exits 0', async () => {
    const pids = workerPids(server.output()).filter(alive);
    expect(pids.length).toBe(2);
    server.child.kill('SIGTERM');
    const exit = await Promise.race([server.exited(), new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 40_000))]);
    expect(exit).toEqual({ code: 0, signal: null });
    for (const pid of pids) expect(alive(pid)).toBe(false);
  });
});
