/**
 * Runtime settings, read once from the environment. Everything has a default that makes
 * `npm start` work on a fresh machine: embedded database under ./data, port 8080, demo data.
 */
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
  /** NODE_ENV=production: GraphiQL does not fill in the demo token. */
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
  /** Lifetime of the bearer token a staff login (GraphQL staffLogin) issues (STAFF_SESSION_HOURS, default 12). */
  staffSessionHours?: number;
}

function intFrom(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  }
  return value;
}

function boolFrom(name: string, fallback: boolean): boolean {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new Error(`${name} must be true or false, got "${raw}"`);
}

export function loadConfig(): Config {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const workers = intFrom('WORKERS', 1);
  if (workers < 1) throw new Error('WORKERS must be at least 1');
  if (workers > 1 && !databaseUrl) {
    throw new Error(`WORKERS=${workers} needs DATABASE_URL: the embedded PGlite database can be opened by one process only`);
  }
  return {
    port: intFrom('PORT', 8080),
    host: process.env.HOST || '0.0.0.0',
    databaseUrl,
    dataDir: path.resolve(process.env.DATA_DIR || './data'),
    seedDemo: boolFrom('SEED_DEMO', true),
    maxBodyBytes: intFrom('MAX_BODY_BYTES', 2 * 1024 * 1024),
    production: process.env.NODE_ENV === 'production',
    runJobs: boolFrom('RUN_JOBS', true),
    smtpUrl: process.env.SMTP_URL || undefined,
    smtpFrom: process.env.SMTP_FROM || undefined,
    loginThrottle: {
      freeAttempts: intFrom('LOGIN_THROTTLE_FREE_ATTEMPTS', 5),
      addressFreeAttempts: intFrom('LOGIN_THROTTLE_ADDRESS_FREE_ATTEMPTS', 20),
      baseDelayMs: intFrom('LOGIN_THROTTLE_BASE_DELAY_MS', 1000),
      maxDelayMs: intFrom('LOGIN_THROTTLE_MAX_DELAY_MS', 15 * 60_000),
      forgetAfterMs: intFrom('LOGIN_THROTTLE_FORGET_AFTER_MS', 60 * 60_000),
      maxEntries: intFrom('LOGIN_THROTTLE_MAX_ENTRIES', 100_000),
    },
    workers,
    shutdownGraceMs: intFrom('SHUTDOWN_GRACE_MS', 10_000),
    trustProxy: trustProxyFrom('TRUST_PROXY'),
    compiledReads: boolFrom('GRAPHQL_COMPILED', true),
    staffSessionHours: staffSessionHoursFrom('STAFF_SESSION_HOURS'),
  };
}

function staffSessionHoursFrom(name: string): number {
  const hours = intFrom(name, 12);
  if (hours < 1 || hours > 24 * 90) throw new Error(`${name} must be between 1 and ${24 * 90} hours, got ${hours}`);
  return hours;
}

function trustProxyFrom(name: string): string[] {
  const entries = (process.env[name] ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
  // proxy-addr validates each address or CIDR; a typo fails the start, not every request.
  try {
    compileTrust(entries);
  } catch (error) {
    throw new Error(`${name} must list IP addresses or CIDRs (or loopback, linklocal, uniquelocal): ${(error as Error).message}`);
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
  const timeoutMs = intFrom('RADIUS_TIMEOUT_MS', 3000);
  const port = intFrom('RADIUS_STATUS_PORT', 18121);
  if (timeoutMs < 1) throw new Error('RADIUS_TIMEOUT_MS must be at least 1');
  if (port < 1 || port > 65535) throw new Error(`RADIUS_STATUS_PORT must be a UDP port (1..65535), got ${port}`);
  return {
    timeoutMs,
    retries: intFrom('RADIUS_RETRIES', 2),
    status: { host: process.env.RADIUS_STATUS_HOST || '127.0.0.1', port, secret: process.env.RADIUS_STATUS_SECRET || undefined },
  };
}
