/**
 * `npm run bench:legacy -- --against <git revision> [--customers 10000] [--seconds 8] [--rounds 2]
 *   [--warmup 3] [--connections 8] [--pg-port 55482] [--port 55483] [--json out.json]`
 *
 * The legacy reads of this checkout against an earlier revision of ispgraph, side by side:
 * SIMPLer `searchCustomer` and `getCustomerData` over SOAP (as SOAP::Lite writes them) and over
 * REST/JSON, and Jaze `get_details`. The revision is exported with `git archive` into a
 * temporary directory and installed with `npm ci`; one throwaway PostgreSQL holds a database per
 * version, each migrated and filled by its own version's data generator (same operator code
 * and seed), and each server runs as its own `npm start` does. Every read is checked to succeed
 * on both, then timed with autocannon in interleaved rounds (the order alternating per round),
 * every reply compared byte for byte with the first. Prints one markdown table per read with
 * the ratio to the earlier revision. Uses bench/peers' load generator and measures
 * (`npm ci --prefix bench/peers`).
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { parseArgs } from '../src/db/cli/args';
import { LoadFailure, runRound, type RoundFigures } from './peers/load';
import { startThrowawayPostgres, type BenchDatabase } from './peers/postgres';
import { markdownTable, summarise, type Summary } from './peers/report';
import { npmStartArgs, send, startSystem, stopAllStartedNow, type BenchContext, type HttpRequest, type Read, type RunningSystem, type SystemSpec } from './peers/systems';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const peersDir = path.join(repoRoot, 'bench/peers');

const args = parseArgs(process.argv.slice(2), {
  against: 'string',
  customers: 'number',
  seconds: 'number',
  rounds: 'number',
  warmup: 'number',
  connections: 'number',
  'pg-port': 'number',
  port: 'number',
  json: 'string',
});
if (!args.against) throw new Error('say which revision to compare with: --against <git revision> (e.g. a tag or a commit)');
const options = {
  against: String(args.against),
  customers: Number(args.customers ?? 10_000),
  seconds: Number(args.seconds ?? 8),
  rounds: Number(args.rounds ?? 2),
  warmup: Number(args.warmup ?? 3),
  connections: Number(args.connections ?? 8),
  pgPort: Number(args['pg-port'] ?? 55482),
  port: Number(args.port ?? 55483),
  json: args.json === undefined ? undefined : String(args.json),
};
for (const [name, value] of Object.entries({ customers: options.customers, seconds: options.seconds, rounds: options.rounds, connections: options.connections })) {
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
}

const say = (line: string) => process.stderr.write(`bench:legacy: ${line}\n`);

interface Secrets {
  bearerToken: string;
  simpler: { username: string; password: string };
}
interface Version {
  name: string;
  root: string;
  databaseUrl: string;
  operatorId: number;
  secrets: Secrets;
  /** The customer every point read asks for: one with a plan, from the middle of the ids. */
  customerId: number;
}

/** The reads compared, as the HTTP request each version gets (its own credentials). */
const READS: Record<string, (v: Version) => HttpRequest> = {
  'SOAP searchCustomer': (v) => soap('searchCustomer', { ...simplerLogin(v), customerstatus: 'current', limit: '20' }),
  'SOAP getCustomerData': (v) => soap('getCustomerData', { ...simplerLogin(v), customerid: String(v.customerId) }),
  'REST searchCustomer': (v) => rest('searchCustomer', { ...simplerLogin(v), customerstatus: 'current', limit: 20 }),
  'REST getCustomerData': (v) => rest('getCustomerData', { ...simplerLogin(v), customerid: v.customerId }),
  'Jaze get_details': (v) => ({ method: 'GET', path: `/api/v1/get_details/${v.customerId}`, headers: { authorization: `Bearer ${v.secrets.bearerToken}` } }),
};

const simplerLogin = (v: Version) => ({ api_username: v.secrets.simpler.username, api_password: v.secrets.simpler.password });

function soap(operation: string, params: Record<string, string>): HttpRequest {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const body =
    '<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" ' +
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"><soap:Body>' +
    `<${operation} xmlns="urn:ispgraph:OperatorAPI">` +
    Object.entries(params).map(([k, v]) => `<${k} xsi:type="xsd:string">${escape(v)}</${k}>`).join('') +
    `</${operation}></soap:Body></soap:Envelope>`;
  return { method: 'POST', path: '/API/operatorapi.pl', headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: `"urn:ispgraph:OperatorAPI#${operation}"` }, body };
}

function rest(operation: string, params: Record<string, unknown>): HttpRequest {
  return { method: 'POST', path: `/API/${operation}`, headers: { 'content-type': 'application/json' }, body: JSON.stringify(params) };
}

/** A reply that is a success in its surface's own terms (a failure is a 2xx in some dialects). */
function succeeded(read: string, status: number, text: string): boolean {
  if (status < 200 || status >= 300) return false;
  if (read.startsWith('SOAP')) return !text.includes('<soap:Fault') && !text.includes('>ERROR:');
  if (read.startsWith('REST')) return !/"result"\s*:\s*"ERROR/.test(text);
  return /"status"\s*:\s*"success"/.test(text);
}

/** Where two replies part: the character offset and a little of each from there. */
function whereTheyDiffer(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - 40);
  return `character ${i}: …${a.slice(from, i + 80)}… against …${b.slice(from, i + 80)}…`;
}

function run(file: string, argv: string[], cwd: string, env: Record<string, string | undefined>, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, argv, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'], timeout: timeoutMs });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => (code === 0 ? resolve(out) : reject(new Error(`${[file, ...argv].join(' ')} in ${cwd} failed (${signal ?? `exit ${code}`})`))));
  });
}

/** The earlier revision as files (no worktree is registered in the repository), with its own dependencies. */
async function exportRevision(revision: string, into: string): Promise<void> {
  const commit = execFileSync('git', ['rev-parse', '--verify', `${revision}^{commit}`], { cwd: repoRoot }).toString().trim();
  say(`exporting ${revision} (${commit.slice(0, 10)}) and installing its dependencies…`);
  mkdirSync(into, { recursive: true });
  execFileSync('sh', ['-c', `git archive --format=tar ${commit} | tar -x -C "${into}"`], { cwd: repoRoot });
  // its tests and docs need the shared spec beside it, its server does not
  await run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], into, {}, 900_000);
}

async function prepare(db: BenchDatabase, name: string, root: string, database: string): Promise<Version> {
  const admin = postgres(db.url, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists ${database}`);
    await admin.unsafe(`create database ${database}`);
  } finally {
    await admin.end();
  }
  const url = new URL(db.url);
  url.pathname = `/${database}`;
  const databaseUrl = url.toString();
  say(`${name}: migrating and generating ${options.customers} customers with its own generator…`);
  const out = await run(process.execPath, ['--import', 'tsx', 'src/db/cli/seed.ts', '--customers', String(options.customers), '--operator', 'legacybench', '--seed', '42'], root, { DATABASE_URL: databaseUrl }, 3_600_000);
  const summary = JSON.parse(out.trim().split('\n').at(-1)!) as { operatorId: number; secrets: Secrets };
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    await sql`analyze`;
    const [row] = await sql<{ id: number }[]>`
      select id from customers where operator_id = ${summary.operatorId} and service_plan_id is not null
       order by id offset (select count(*) / 2 from customers where operator_id = ${summary.operatorId} and service_plan_id is not null) limit 1`;
    if (!row) throw new Error(`${name}: the generated operator has no customer with a plan`);
    return { name, root, databaseUrl, operatorId: summary.operatorId, secrets: summary.secrets, customerId: row.id };
  } finally {
    await sql.end();
  }
}

/** The version's server as its `npm start` runs it, on its database, without background jobs. */
function serverOf(version: Version): SystemSpec {
  return {
    name: version.name,
    command: () => ({
      file: process.execPath,
      args: npmStartArgs(version.root),
      cwd: version.root,
      env: { DATABASE_URL: version.databaseUrl, HOST: '127.0.0.1', RUN_JOBS: 'false', SEED_DEMO: 'false', NODE_ENV: 'production' },
    }),
    // readiness only: the timed requests are READS
    request: () => ({ method: 'GET', path: '/healthz', headers: {} }),
    canonical: (_read, reply) => reply,
  };
}

async function main(): Promise<void> {
  if (!existsSync(path.join(peersDir, 'node_modules/autocannon'))) throw new Error('the load generator is missing: npm ci --prefix bench/peers');
  const date = new Date().toISOString();
  const work = mkdtempSync(path.join(os.tmpdir(), 'ispgraph-bench-legacy.'));
  const logDir = path.join(work, 'logs');
  mkdirSync(logDir);
  const db = await startThrowawayPostgres(options.pgPort);
  const cleanUp = () => {
    stopAllStartedNow();
    db.stop();
    rmSync(work, { recursive: true, force: true });
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      say(`${signal}: stopping the servers and the database`);
      cleanUp();
      process.exit(130);
    });
  }
  const running: RunningSystem[] = [];
  try {
    const baselineRoot = path.join(work, 'baseline');
    await exportRevision(options.against, baselineRoot);
    const head = execFileSync('git', ['rev-parse', '--short=10', 'HEAD'], { cwd: repoRoot }).toString().trim();
    const versions = [
      await prepare(db, `ispgraph ${options.against}`, baselineRoot, 'legacy_baseline'),
      await prepare(db, `ispgraph ${head} (this checkout)`, repoRoot, 'legacy_current'),
    ];
    for (const [i, version] of versions.entries()) {
      say(`starting ${version.name}…`);
      const ctx: BenchContext = { repoRoot: version.root, peersDir, logDir, databaseUrl: version.databaseUrl, operatorId: version.operatorId, token: version.secrets.bearerToken, pointLegacyId: version.customerId };
      running.push(await startSystem(serverOf(version), ctx, options.port + i));
    }
    // every read succeeds on both; the reply each one must keep giving under load
    const expected = new Map<string, string>();
    const identical: Record<string, boolean> = {};
    for (const read of Object.keys(READS)) {
      const bodies = [];
      for (const [i, version] of versions.entries()) {
        const { status, text } = await send(running[i]!.baseUrl, READS[read]!(version));
        if (!succeeded(read, status, text)) throw new LoadFailure(`${version.name}, ${read}: HTTP ${status} ${text.slice(0, 400)}`);
        expected.set(`${i} ${read}`, text);
        bodies.push(text.replaceAll(version.secrets.simpler.username, '<user>'));
      }
      identical[read] = bodies[0] === bodies[1];
      if (!identical[read]) say(`${read}: the replies differ first at ${whereTheyDiffer(bodies[0]!, bodies[1]!)}`);
    }
    say(`every read succeeds on both; identical replies: ${Object.entries(identical).map(([r, same]) => `${r} ${same ? 'yes' : 'no'}`).join(', ')}`);
    const round = (i: number, read: string, seconds: number, warmUp = false) =>
      runRound(
        { peersDir, baseUrl: running[i]!.baseUrl, request: READS[read]!(versions[i]!), expectBody: expected.get(`${i} ${read}`)!, serverPid: running[i]!.pid, postmasterPid: db.postmasterPid, statsSql: undefined },
        seconds,
        options.connections,
        warmUp,
      );
    if (options.warmup > 0) {
      say(`warming up ${options.warmup} s per read and version…`);
      for (const read of Object.keys(READS)) for (const i of versions.keys()) await round(i, read, options.warmup, true);
    }
    const figures = new Map<string, RoundFigures[]>();
    for (let r = 1; r <= options.rounds; r++) {
      for (const read of Object.keys(READS)) {
        // alternate who goes first, so neither always follows the other's load
        const order = r % 2 ? [0, 1] : [1, 0];
        for (const i of order) {
          say(`round ${r}/${options.rounds}, ${read}: ${versions[i]!.name}`);
          figures.set(`${i} ${read}`, [...(figures.get(`${i} ${read}`) ?? []), await round(i, read, options.seconds)]);
        }
      }
    }
    const summaries: Summary[] = Object.keys(READS).flatMap((read) => versions.map((v, i) => summarise(v.name, read as Read, figures.get(`${i} ${read}`)!)));
    process.stdout.write(
      [
        `## Legacy reads against ${options.against} — ${date.slice(0, 10)}`,
        '',
        `${os.cpus().length} CPUs (load average before the run: ${os.loadavg().map((n) => n.toFixed(2)).join(' ')}); Node ${process.version}; ${options.customers} customers per database, one throwaway PostgreSQL.`,
        `${options.connections} connections, ${options.rounds} interleaved rounds of ${options.seconds} s after ${options.warmup} s warm-up.`,
        '',
      ].join('\n'),
    );
    for (const read of Object.keys(READS)) {
      process.stdout.write(`\n### ${read}${identical[read] ? '' : ' (the replies differ between the versions)'}\n\n${markdownTable(summaries.filter((s) => s.read === (read as Read)), versions[0]!.name)}\n`);
    }
    if (options.json) writeFileSync(options.json, `${JSON.stringify({ date, options, identical, summaries }, null, 2)}\n`);
  } finally {
    for (const system of running.reverse()) await system.stop();
    cleanUp();
  }
}

main().catch((error: unknown) => {
  say(`failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
