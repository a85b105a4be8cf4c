/**
 * Runtime settings, read once from the environment. Everything has a default that makes
 * `npm start` work on a fresh machine: embedded database under ./data, port 8080, demo data.
 */
import path from 'node:path';

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
  return {
    port: intFrom('PORT', 8080),
    host: process.env.HOST || '0.0.0.0',
    databaseUrl: process.env.DATABASE_URL || undefined,
    dataDir: path.resolve(process.env.DATA_DIR || './data'),
    seedDemo: boolFrom('SEED_DEMO', true),
    maxBodyBytes: intFrom('MAX_BODY_BYTES', 2 * 1024 * 1024),
    production: process.env.NODE_ENV === 'production',
    runJobs: boolFrom('RUN_JOBS', true),
  };
}
