/**
 * The database every system of the peer benchmark reads: a throwaway PostgreSQL server on
 * loopback (Debian's binaries, the same settings as `.ci/with-postgres` plus
 * pg_stat_statements, which needs preloading, so statements per request can be counted), or
 * the server named by DATABASE_URL (then statements are counted only if that server has the
 * extension preloaded).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';

export interface BenchDatabase {
  /** Where the systems connect (a database of its own, `ispgraph_bench`, on a throwaway server). */
  url: string;
  /** PID of the postmaster when we started it (its process tree is the database's CPU). */
  postmasterPid: number | undefined;
  /** True when pg_stat_statements can be read: statements per request are then measured. */
  countsStatements: boolean;
  stop(): void;
}

const BENCH_DATABASE = 'ispgraph_bench';

function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(path.join(root, v, 'bin', 'initdb'))) : [];
  versions.sort((a, b) => Number(a) - Number(b));
  const newest = versions.at(-1);
  if (!newest) throw new Error('no PostgreSQL server binaries under /usr/lib/postgresql (apt-get install postgresql), or set DATABASE_URL');
  return path.join(root, newest, 'bin');
}

/** initdb and pg_ctl refuse to run as root: as root they run as the postgres user. */
function asPostgres(command: string, args: string[]): void {
  const root = process.getuid?.() === 0;
  const [file, argv] = root ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  const result = spawnSync(file, argv, { stdio: ['ignore', 'ignore', 'pipe'], timeout: 120_000 });
  if (result.status !== 0) throw new Error(`${path.basename(command)} failed: ${result.stderr?.toString().trim() || `exit ${result.status}`}`);
}

export async function startThrowawayPostgres(port: number): Promise<BenchDatabase> {
  const bin = postgresBin();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ispgraph-bench-pg.'));
  if (process.getuid?.() === 0) chownSync(dataDir, Number(execFileSync('id', ['-u', 'postgres']).toString().trim()), Number(execFileSync('id', ['-g', 'postgres']).toString().trim()));
  let started = false;
  const stop = () => {
    if (started) {
      try {
        asPostgres(path.join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', 'stop']);
      } catch {
        // already gone: nothing to stop
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    asPostgres(path.join(bin, 'initdb'), ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8']);
    const options = [
      'listen_addresses=127.0.0.1',
      'fsync=off',
      'max_connections=200',
      'shared_preload_libraries=pg_stat_statements',
      'pg_stat_statements.track=all',
    ];
    const serverOptions = `-p ${port} -k ${dataDir} ${options.map((o) => `-c ${o}`).join(' ')}`;
    asPostgres(path.join(bin, 'pg_ctl'), ['-D', dataDir, '-l', path.join(dataDir, 'server.log'), '-w', '-t', '60', '-o', serverOptions, 'start']);
    started = true;
    const admin = postgres(`postgres://postgres@127.0.0.1:${port}/postgres`, { max: 1, onnotice: () => {} });
    try {
      await admin.unsafe(`create database ${BENCH_DATABASE}`);
    } finally {
      await admin.end();
    }
    const url = `postgres://postgres@127.0.0.1:${port}/${BENCH_DATABASE}`;
    await ensureStatementCounter(url);
    const postmasterPid = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return { url, postmasterPid, countsStatements: true, stop };
  } catch (error) {
    stop();
    throw error;
  }
}

export async function useExistingPostgres(url: string): Promise<BenchDatabase> {
  const countsStatements = await ensureStatementCounter(url).then(
    () => true,
    () => false,
  );
  return { url, postmasterPid: undefined, countsStatements, stop: () => {} };
}

async function ensureStatementCounter(url: string): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql`create extension if not exists pg_stat_statements`;
    await sql`select 1 from pg_stat_statements limit 1`;
  } finally {
    await sql.end();
  }
}
