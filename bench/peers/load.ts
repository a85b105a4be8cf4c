/**
 * One timed load against one system and read: autocannon (from bench/peers' own
 * node_modules, loaded at run time so the server's typecheck does not need it installed)
 * with every reply compared byte for byte to the verified one, while the server's and the
 * database's CPU, the server's peak memory and the statements run are recorded.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type postgres from 'postgres';
import { cpuMs, sampleRssPeak, statementsSoFar } from './measure';
import type { HttpRequest } from './systems';

interface AutocannonResult {
  duration: number;
  errors: number;
  timeouts: number;
  mismatches: number;
  non2xx: number;
  latency: { p50: number; p99: number; totalCount: number };
  requests: { total: number };
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;

let autocannon: Autocannon | undefined;
function loadAutocannon(peersDir: string): Autocannon {
  autocannon ??= createRequire(path.join(peersDir, 'package.json'))('autocannon') as Autocannon;
  return autocannon;
}

export interface RoundFigures {
  requests: number;
  seconds: number;
  p50Ms: number;
  p99Ms: number;
  serverCpuMs: number;
  /** undefined when the database is not ours to watch (DATABASE_URL) */
  databaseCpuMs: number | undefined;
  /** undefined when pg_stat_statements cannot be read */
  statements: number | undefined;
  peakRssBytes: number;
}

export interface LoadTarget {
  peersDir: string;
  baseUrl: string;
  request: HttpRequest;
  /** The reply every request must get, byte for byte (the one that passed the data check). */
  expectBody: string;
  serverPid: number;
  postmasterPid: number | undefined;
  statsSql: postgres.Sql | undefined;
}

export class LoadFailure extends Error {}

/** `warmUp`: a slow system may complete no request in a short warm-up; that alone is no failure. */
export async function runRound(target: LoadTarget, seconds: number, connections: number, warmUp = false): Promise<RoundFigures> {
  const run = loadAutocannon(target.peersDir);
  const statementsBefore = target.statsSql ? await statementsSoFar(target.statsSql) : undefined;
  const cpuBefore = cpuMs(target.serverPid);
  const dbCpuBefore = target.postmasterPid ? cpuMs(target.postmasterPid) : undefined;
  const rss = sampleRssPeak(target.serverPid);
  const result = await run({
    url: `${target.baseUrl}${target.request.path}`,
    method: target.request.method,
    headers: target.request.headers,
    body: target.request.body,
    connections,
    duration: seconds,
    timeout: 30,
    expectBody: target.expectBody,
  });
  const peakRssBytes = rss.stop();
  const serverCpuMs = cpuMs(target.serverPid) - cpuBefore;
  const databaseCpuMs = target.postmasterPid && dbCpuBefore !== undefined ? cpuMs(target.postmasterPid) - dbCpuBefore : undefined;
  const statementsAfter = target.statsSql ? await statementsSoFar(target.statsSql) : undefined;
  const bad = { errors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx, mismatches: result.mismatches };
  if (Object.values(bad).some((n) => n > 0)) {
    throw new LoadFailure(`failed requests under load: ${JSON.stringify(bad)} (mismatches = replies that differ from the verified one)`);
  }
  if (result.requests.total === 0 && !warmUp) throw new LoadFailure(`no request completed within ${seconds} s`);
  return {
    requests: result.requests.total,
    seconds: result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    serverCpuMs,
    databaseCpuMs,
    statements: statementsBefore !== undefined && statementsAfter !== undefined ? statementsAfter - statementsBefore : undefined,
    peakRssBytes,
  };
}
