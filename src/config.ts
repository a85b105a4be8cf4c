/**
 * Runtime settings, read once from the environment. Everything has a default that makes
 * `npm start` work on a fresh machine: embedded database under ./data, port 8080, demo data.
 */
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import type { LoginThrottleSettings } from './throttle';
import { compileTrust } from './server/client-address';

export interface Config {
  port: number;
  host: string;
  /** postgres://… to use a PostgreSQL server; unset to use the embedded PGlite database. */
  databaseUrl: string | undefined;
  /** Where PGlite keeps its files when no DATABASE_URL is set. */
  dataDir: string;
  /** Load the demo operator on first start of an empty database. */
  seedDemo: boolean;
  /** Largest request body accepted, in bytes (SOAP and REST bodies are buffered). */
  maxBodyBytes: number;
  /** NODE_ENV=production: safe defaults (no demo seed, GraphiQL and introspection off, no CORS) and no demo token in GraphiQL. */
  production: boolean;
  /** Run the background-job worker in this process (RUN_JOBS=false for API-only processes). */
  runJobs: boolean;
  /** SMTP relay for e-mail (`smtp://user:pass@host:587`, `smtps://…`); unset: e-mails go to the log transport. */
  smtpUrl?: string;
  /** From header of e-mails sent through the relay. */
  smtpFrom?: string;
  /** Failed-login throttle (LOGIN_THROTTLE_*); unset fields keep their defaults. */
  loginThrottle?: Partial<LoginThrottleSettings>;
  /** Server processes to run under a supervisor (WORKERS; absent or 1: no supervisor). Needs DATABASE_URL when above 1. */
  workers?: number;
  /**
   * How long a stop (SIGTERM/SIGINT) waits for in-flight requests before cutting their
   * connections (SHUTDOWN_GRACE_MS, default 10 s).
   */
  shutdownGraceMs?: number;
  /**
   * Reverse proxies whose X-Forwarded-For is believed (TRUST_PROXY: addresses and CIDRs,
   * comma-separated, or proxy-addr's names `loopback`, `linklocal`, `uniquelocal`). Empty: the
   * header is ignored and the client is the socket's peer.
   */
  trustProxy?: string[];
  /**
   * Answer GraphQL reads whose fields all have SQL mappings with one compiled statement per
   * root field (GRAPHQL_COMPILED, default true; false sends every request through the
   * resolvers — for comparing the two).
   */
  compiledReads?: boolean;
  /** GraphiQL at GET /graphql (GRAPHIQL; default on, off under NODE_ENV=production). */
  graphiql?: boolean;
  /** Apollo's `introspection` (GRAPHQL_INTROSPECTION; default on, off under NODE_ENV=production). */
  introspection?: boolean;
  /**
   * Origins whose web pages may call /graphql and the JSON REST routes (CORS_ORIGINS, exact
   * origins comma-separated, `*` for any). Default: `*` outside production, none in production.
   */
  corsOrigins?: string[];
  /** Lifetime of the bearer token a staff login (GraphQL staffLogin) issues (STAFF_SESSION_HOURS, default 12). */
  staffSessionHours?: number;
}

/** Thrown by loadConfig with every problem found, each a one-line message naming its variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

type Env = Record<string, string | undefined>;
const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'];
const NODE_ENVS = ['production', 'development', 'test'];

/**
 * Reads variables and collects what is wrong with them instead of stopping at the first, so
 * one failed start shows everything to fix. Values that may hold secrets (URLs with
 * passwords) are never repeated in a message.
 */
function reader(env: Env) {
  const problems: string[] = [];
  const raw = (name: string) => {
    const value = env[name];
    return value === undefined || value === '' ? undefined : value;
  };
  const int = (name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number => {
    const text = raw(name);
    if (text === undefined) return fallback;
    const value = /^\d{1,16}$/.test(text.trim()) ? Number(text.trim()) : NaN;
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      problems.push(`${name} must be a whole number ${max === Number.MAX_SAFE_INTEGER ? `of at least ${min}` : `from ${min} to ${max}`}, got "${text}"`);
      return fallback;
    }
    return value;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const text = raw(name);
    if (text === undefined) return fallback;
    if (/^(1|true|yes|on)$/i.test(text)) return true;
    if (/^(0|false|no|off)$/i.test(text)) return false;
    problems.push(`${name} must be true or false, got "${text}"`);
    return fallback;
  };
  return { problems, raw, int, bool };
}

/** Reads and checks the whole configuration; `warn` hears about oddities that do not stop the start. */
export function loadConfig(env: Env = process.env, warn: (message: string) => void = () => {}): Config {
  const read = reader(env);
  const { problems } = read;
  const nodeEnv = read.raw('NODE_ENV');
  if (nodeEnv !== undefined && !NODE_ENVS.includes(nodeEnv)) {
    warn(`NODE_ENV="${nodeEnv}" is not one of ${NODE_ENVS.join(', ')}: running with the development defaults`);
  }
  const production = nodeEnv === 'production';
  const logLevel = read.raw('LOG_LEVEL');
  if (logLevel !== undefined && !LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);

  const databaseUrl = read.raw('DATABASE_URL');
  if (databaseUrl !== undefined && !isUrlOf(databaseUrl, ['postgres:', 'postgresql:'])) {
    problems.push('DATABASE_URL must be a postgres:// or postgresql:// URL (postgres://user:password@host:5432/database)');
  }
  const dataDir = path.resolve(read.raw('DATA_DIR') ?? './data');
  if (databaseUrl === undefined) {
    const problem = dataDirProblem(dataDir);
    if (problem) problems.push(`DATA_DIR ${problem}`);
  }
  const smtpUrl = read.raw('SMTP_URL');
  if (smtpUrl !== undefined && !isUrlOf(smtpUrl, ['smtp:', 'smtps:'])) problems.push('SMTP_URL must be an smtp:// or smtps:// URL (smtp://user:password@host:587)');

  const workers = read.int('WORKERS', 1, 1, 256);
  if (workers > 1 && databaseUrl === undefined) {
    problems.push(`WORKERS=${workers} needs DATABASE_URL: the embedded PGlite database can be opened by one process only`);
  }
  const host = read.raw('HOST') ?? '0.0.0.0';
  if (!isIP(host) && !/^[A-Za-z0-9]([A-Za-z0-9-.]{0,252})$/.test(host)) problems.push(`HOST must be an IP address or a host name, got "${host}"`);
  const corsOrigins = corsOriginsFrom(read.raw('CORS_ORIGINS'), problems);
  if (production && corsOrigins?.includes('*')) warn('CORS_ORIGINS=* lets web pages of any origin call the API (with a token they hold)');

  const config: Config = {
    // 0 asks the system for a free port (the tests' choice); anything else must be a TCP port.
    port: read.int('PORT', 8080, 0, 65535),
    host,
    databaseUrl,
    dataDir,
    seedDemo: read.bool('SEED_DEMO', !production),
    maxBodyBytes: read.int('MAX_BODY_BYTES', 2 * 1024 * 1024, 1),
    production,
    runJobs: read.bool('RUN_JOBS', true),
    smtpUrl,
    smtpFrom: read.raw('SMTP_FROM'),
    loginThrottle: {
      freeAttempts: read.int('LOGIN_THROTTLE_FREE_ATTEMPTS', 5),
      addressFreeAttempts: read.int('LOGIN_THROTTLE_ADDRESS_FREE_ATTEMPTS', 20),
      baseDelayMs: read.int('LOGIN_THROTTLE_BASE_DELAY_MS', 1000),
      maxDelayMs: read.int('LOGIN_THROTTLE_MAX_DELAY_MS', 15 * 60_000),
      forgetAfterMs: read.int('LOGIN_THROTTLE_FORGET_AFTER_MS', 60 * 60_000),
      maxEntries: read.int('LOGIN_THROTTLE_MAX_ENTRIES', 100_000),
    },
    workers,
    shutdownGraceMs: read.int('SHUTDOWN_GRACE_MS', 10_000),
    trustProxy: trustProxyFrom(read.raw('TRUST_PROXY'), problems),
    compiledReads: read.bool('GRAPHQL_COMPILED', true),
    graphiql: read.bool('GRAPHIQL', !production),
    introspection: read.bool('GRAPHQL_INTROSPECTION', !production),
    corsOrigins: corsOrigins ?? (production ? [] : ['*']),
    staffSessionHours: read.int('STAFF_SESSION_HOURS', 12, 1, 24 * 90),
  };
  // RADIUS settings are read at each use; a typo still fails the start, not the first CoA.
  radiusSettingsFrom(env, problems);
  if (problems.length) throw new ConfigError(problems);
  return config;
}

function isUrlOf(text: string, protocols: string[]): boolean {
  try {
    const url = new URL(text);
    return protocols.includes(url.protocol) && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** Why PGlite could not keep its files in `dir`, or undefined when it can (the directory is created if missing). */
function dataDirProblem(dir: string): string | undefined {
  let probe = dir;
  while (!existsSync(probe)) {
    const parent = path.dirname(probe);
    if (parent === probe) break;
    probe = parent;
  }
  try {
    if (!statSync(probe).isDirectory()) return probe === dir ? `${dir} is a file, not a directory` : `${dir} cannot be created: ${probe} is a file`;
    accessSync(probe, constants.W_OK | constants.X_OK);
    return undefined;
  } catch {
    return probe === dir ? `${dir} is not writable` : `${dir} cannot be created: ${probe} is not writable`;
  }
}

/** CORS_ORIGINS: `*` or exact origins (scheme://host[:port], no path), as browsers send them in Origin. */
function corsOriginsFrom(text: string | undefined, problems: string[]): string[] | undefined {
  if (text === undefined) return undefined;
  const entries = text.split(',').map((entry) => entry.trim()).filter((entry) => entry.length > 0);
  for (const entry of entries) {
    if (entry === '*') continue;
    let origin: string | undefined;
    try {
      const url = new URL(entry);
      if (url.protocol === 'http:' || url.protocol === 'https:') origin = url.origin;
    } catch {
      // not a URL at all
    }
    if (origin !== entry) {
      problems.push(`CORS_ORIGINS entries must be origins like https://app.example.com (scheme, host, optional port; no path or trailing slash) or *, got "${entry}"${origin ? ` (did you mean ${origin}?)` : ''}`);
    }
  }
  return entries;
}

function trustProxyFrom(text: string | undefined, problems: string[]): string[] {
  const entries = (text ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
  // proxy-addr validates each address or CIDR; a typo fails the start, not every request.
  try {
    compileTrust(entries);
  } catch (error) {
    problems.push(`TRUST_PROXY must list IP addresses or CIDRs (or loopback, linklocal, uniquelocal): ${(error as Error).message}`);
  }
  return entries;
}

/**
 * How ispgraph talks RADIUS, read from the environment at each use (so a change needs no
 * restart and tests can point it at a peer of their own):
 * - RADIUS_TIMEOUT_MS (default 3000): how long to wait for each attempt of a CoA-Request or a
 *   Status-Server query; RADIUS_RETRIES (default 2): retransmissions after the first attempt.
 * - RADIUS_STATUS_HOST (default 127.0.0.1), RADIUS_STATUS_PORT (default 18121, FreeRADIUS's
 *   `status` virtual server) and RADIUS_STATUS_SECRET (no default: the statistics endpoint
 *   answers "not configured" until it is set) for Jaze get_radius_statistics.
 */
export interface RadiusSettings {
  timeoutMs: number;
  retries: number;
  status: { host: string; port: number; secret: string | undefined };
}

export function radiusSettings(): RadiusSettings {
  const problems: string[] = [];
  const settings = radiusSettingsFrom(process.env, problems);
  if (problems.length) throw new ConfigError(problems);
  return settings;
}

function radiusSettingsFrom(env: Env, problems: string[]): RadiusSettings {
  const read = reader(env);
  const settings = {
    timeoutMs: read.int('RADIUS_TIMEOUT_MS', 3000, 1),
    retries: read.int('RADIUS_RETRIES', 2),
    status: { host: read.raw('RADIUS_STATUS_HOST') ?? '127.0.0.1', port: read.int('RADIUS_STATUS_PORT', 18121, 1, 65535), secret: read.raw('RADIUS_STATUS_SECRET') },
  };
  problems.push(...read.problems);
  return settings;
}
