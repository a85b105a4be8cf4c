/**
 * Opens the database: a PostgreSQL server when a URL is given, otherwise embedded PGlite
 * (persisted in a directory, or in memory for tests). Both are driven through the same
 * drizzle API, so the rest of the code never asks which engine it is on.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import * as schema from './schema';
import { recordQuery, statementStarted } from './query-counter';
import { shouldPrepare } from './prepare-policy';
import { lockDataDir, restrictDataDirModes } from './data-dir-lock';
import { projectRoot } from '../shared/package-root';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle: everything a Database can do, inside one transaction. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
/** Code that works both inside and outside a transaction takes this. */
export type Executor = Database | Transaction;

export type Engine = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Database;
  engine: Engine;
  /** Connections the pool may open (PGlite: 1). */
  poolSize?: number;
  /**
   * Runs `fn` while holding the database-wide start-up lock, so that several server processes
   * starting together migrate and seed once. PGlite has a single user, so it just runs.
   */
  withStartupLock<T>(fn: (db: Database) => Promise<T>): Promise<T>;
  /**
   * Applies the checked-in migrations (drizzle/), idempotently, through `target` (default: the
   * pool; pass the locked connection inside withStartupLock).
   */
  migrate(target?: Database): Promise<void>;
  /** Resolves when the database answers a trivial query; rejects if it does not within `timeoutMs` (default 1500). */
  ping(timeoutMs?: number): Promise<void>;
  /**
   * Runs one read statement as given and returns its rows as arrays of column values, without
   * drizzle's per-row mapping (the compiled GraphQL read path, src/graphql/compiled, reads one
   * JSON text column). Prepared and cached by its text on both engines (PGlite: pglite-prepared.ts). Counted like every statement.
   */
  queryValues(text: string, params: readonly unknown[]): Promise<unknown[][]>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres://… ; when absent PGlite is used. */
  url?: string | undefined;
  /** PGlite directory; absent means in memory. */
  dataDir?: string | undefined;
  /** Pool size for PostgreSQL. */
  maxConnections?: number;
  /**
   * Main-thread work to do while the database starts: PGlite compiles its WebAssembly and
   * reads its files off the main thread, so the server builds its GraphQL schema meanwhile.
   */
  whileStarting?: () => void;
}

export const migrationsFolder = path.join(projectRoot, 'drizzle');

const STARTUP_LOCK_KEY = 472_911_305; // arbitrary, fixed: "ispgraph start-up"

const countingLogger = { logQuery: () => recordQuery() };

const PING_TIMEOUT_MS = 1500;

/** Rejects once `ms` have passed (a connect that hangs on an unreachable host must not hold /healthz). */
async function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`database did not answer within ${ms} ms`), { code: 'CONNECT_TIMEOUT' })), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * postgres.js pool settings for a server that may restart under us (see docs/ARCHITECTURE.md,
 * "When the database goes away"): give up connecting after 5 s so requests fail fast as
 * unavailable; close idle connections after a minute and every connection after 30 minutes so
 * dead ones are replaced; and retry connecting quickly (50 ms doubling, at most 1 s) instead
 * of the driver's default that grows to 20 s, so service resumes within seconds of the
 * database coming back. Statements are never retried by the driver or by us: a write whose
 * connection broke fails, and its transaction is rolled back by the server.
 */
export const POOL_OPTIONS = {
  connect_timeout: 5,
  idle_timeout: 60,
  max_lifetime: 30 * 60,
  backoff: (attempt: number) => Math.min(0.05 * 2 ** attempt, 1),
} as const;

/** Runs one statement under the clock (query-counter.ts#statementStarted). */
async function timed<T>(text: string, run: () => Promise<T>): Promise<T> {
  const done = statementStarted(text);
  try {
    const result = await run();
    done();
    return result;
  } catch (error) {
    done(error);
    throw error;
  }
}

/**
 * Times every statement a PGlite client (or one of its transactions) runs through `query`,
 * which is what drizzle calls (queryValues' prepared statements are timed where they run).
 * The methods are replaced on the instance and call the originals on it, because PGlite
 * keeps its state in private class fields that a Proxy would not reach.
 */
function timePglite<T extends { query: (text: string, ...rest: never[]) => Promise<unknown> }>(target: T): T {
  const query = target.query;
  target.query = ((text: string, ...rest: never[]) => timed(text, () => query.call(target, text, ...rest))) as T['query'];
  const transaction = (target as { transaction?: (fn: (tx: T) => Promise<unknown>) => Promise<unknown> }).transaction;
  if (transaction) {
    (target as { transaction?: unknown }).transaction = (fn: (tx: T) => Promise<unknown>) => transaction.call(target, (tx: T) => fn(timePglite(tx)));
  }
  return target;
}

/**
 * Times every statement a postgres.js client runs, in transactions and savepoints too, and
 * prepares those prepare-policy.ts names. Its
 * queries are lazy promises that drizzle configures (`.values()`) before awaiting, so the query
 * object itself is handed back, with its settle functions wrapped to stop the clock.
 */
function timePostgres(target: postgres.Sql): postgres.Sql {
  const client = target as unknown as Record<string, unknown>;
  const unsafe = client.unsafe as (text: string, params?: unknown[], options?: { prepare?: boolean }) => { resolve: (x: unknown) => void; reject: (e: unknown) => void };
  client.unsafe = (text: string, params?: unknown[], options?: { prepare?: boolean }) => {
    // drizzle passes `prepare: false` unless its .prepare() API is used: prepare-policy.ts decides
    const query = unsafe(text, params, options?.prepare || shouldPrepare(text, params) ? { ...options, prepare: true } : options);
    const done = statementStarted(text);
    const { resolve, reject } = query;
    query.resolve = (value) => {
      done();
      resolve(value);
    };
    query.reject = (error) => {
      done(error);
      reject(error);
    };
    return query;
  };
  for (const name of ['begin', 'savepoint']) {
    const original = client[name] as ((...args: unknown[]) => unknown) | undefined;
    if (typeof original !== 'function') continue;
    client[name] = (...args: unknown[]) => {
      const last = args.length - 1;
      const fn = args[last] as (tx: postgres.Sql) => unknown;
      args[last] = (tx: postgres.Sql) => fn(timePostgres(tx));
      return original(...args);
    };
  }
  return target;
}

export async function openDatabase(options: OpenOptions = {}): Promise<DatabaseHandle> {
  if (options.url) {
    const handle = openPostgres(options.url, options.maxConnections ?? 10);
    options.whileStarting?.();
    return handle;
  }
  return openPglite(options.dataDir, options.whileStarting);
}

/**
 * PGlite's own start parameters, with a smaller buffer pool: PostgreSQL initialises every
 * shared buffer at start, which in WebAssembly costs about 5 ms per MB — 0.65 s of each start
 * for the default 128 MB, 0.15 s for 32 MB. The embedded engine serves small operators (larger
 * ones belong on PostgreSQL, docs/OPERATIONS.md), whose hot pages fit; pages beyond it are read
 * from the operating system's file cache.
 */
const PGLITE_SHARED_BUFFERS = '32MB';

/**
 * PGlite's PostgreSQL, compiled by V8 off the main thread. PGlite would compile it itself, but
 * only after its modules load; started first, the compile runs while the server does its own
 * main-thread work (whileStarting), instead of before it.
 */
function compilePgliteWasm(): Promise<WebAssembly.Module> {
  const dist = path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  // Node has WebAssembly; this project's TypeScript libraries only declare its types.
  const wasm = (globalThis as unknown as { WebAssembly: { compile(bytes: Uint8Array): Promise<WebAssembly.Module> } }).WebAssembly;
  return readFile(path.join(dist, 'pglite.wasm')).then((bytes) => wasm.compile(bytes));
}

async function openPglite(dataDir: string | undefined, whileStarting?: () => void): Promise<DatabaseHandle> {
  const compiling = compilePgliteWasm();
  compiling.catch(() => {}); // awaited below, after the modules load

  // One owner per directory (data-dir-lock.ts): refused here, before PGlite reads anything.
  // Loaded only here: a server on PostgreSQL never needs PGlite's modules in memory.
  const [{ PGlite }, { drizzle: drizzlePglite }, { migrate: migratePglite }, { PrivateNodeFS }, { preparedQueries }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('drizzle-orm/pglite'),
    import('drizzle-orm/pglite/migrator'),
    import('./private-node-fs'),
    import('./pglite-prepared'),
  ]);
  const startParams = [...PGlite.defaultStartParams, '-c', `shared_buffers=${PGLITE_SHARED_BUFFERS}`];
  const lock = dataDir ? lockDataDir(dataDir) : undefined;
  let client: PGlite;
  try {
    whileStarting?.();
    const pgliteWasmModule = await compiling;
    client = lock ? new PGlite({ fs: new PrivateNodeFS(lock.dataDir), startParams, pgliteWasmModule }) : new PGlite({ startParams, pgliteWasmModule });
    await client.waitReady;
  } catch (error) {
    lock?.release();
    throw error;
  }
  if (lock) restrictDataDirModes(lock.dataDir);
  timePglite(client);
  const db = drizzlePglite({ client, schema, casing: 'snake_case', logger: countingLogger });
  const prepared = preparedQueries(client);
  return {
    db: db as unknown as Database,
    engine: 'pglite',
    poolSize: 1,
    withStartupLock: (fn) => fn(db as unknown as Database),
    migrate: (target) => migratePglite((target ?? db) as typeof db, { migrationsFolder }),
    ping: async (timeoutMs = PING_TIMEOUT_MS) => {
      await within(timeoutMs, db.execute(sql`select 1`));
    },
    queryValues: async (text, params) => {
      recordQuery();
      return timed(text, () => prepared(text, params));
    },
    close: async () => {
      try {
        await client.close();
      } finally {
        if (lock) {
          restrictDataDirModes(lock.dataDir);
          lock.release();
        }
      }
    },
  };
}

async function openPostgres(url: string, maxConnections: number): Promise<DatabaseHandle> {
  const client = timePostgres(
    postgres(url, {
      ...POOL_OPTIONS,
      max: maxConnections,
      onnotice: () => {},
      // Keep numeric and bigint as exact strings; the domain decides how to present them.
      types: {},
    }),
  );
  const db = drizzlePostgres({ client, schema, casing: 'snake_case', logger: countingLogger });

  // Start-up work runs on one dedicated connection that holds an advisory lock.
  const withStartupLock = async <T>(fn: (db: Database) => Promise<T>): Promise<T> => {
    const lockClient = timePostgres(postgres(url, { max: 1, onnotice: () => {} }));
    const lockDb = drizzlePostgres({ client: lockClient, schema, casing: 'snake_case', logger: countingLogger });
    try {
      await lockDb.execute(sql`select pg_advisory_lock(${STARTUP_LOCK_KEY})`);
      try {
        return await fn(lockDb as unknown as Database);
      } finally {
        await lockDb.execute(sql`select pg_advisory_unlock(${STARTUP_LOCK_KEY})`);
      }
    } finally {
      await lockClient.end({ timeout: 5 });
    }
  };

  return {
    db: db as unknown as Database,
    engine: 'postgres',
    poolSize: maxConnections,
    withStartupLock,
    migrate: (target) => migratePostgres((target ?? db) as typeof db, { migrationsFolder }),
    ping: async (timeoutMs = PING_TIMEOUT_MS) => {
      await within(timeoutMs, db.execute(sql`select 1`));
    },
    queryValues: async (text, params) => {
      recordQuery();
      return client.unsafe(text, params as postgres.ParameterOrJSON<never>[], { prepare: true }).values();
    },
    close: () => client.end({ timeout: 5 }),
  };
}
