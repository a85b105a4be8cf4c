/** What a kind of background job is: how its parameters are checked, and how it is carried out. */
import type { ServiceContext } from '../shared/context';
import type { Permission } from '../tenancy/permissions';
import type { Validation } from '../shared/errors';

export type JobParams = Record<string, unknown>;
export type JobResult = Record<string, unknown>;

export interface JobKind<P extends JobParams = JobParams> {
  kind: string;
  /** What the caller must be allowed to do to queue it (the work it does, src/tenancy/permissions.ts). */
  permission: Permission;
  /**
   * Checks the caller's parameters (adding every problem to `v`) and returns them normalised,
   * as they will be stored on the job. Runs at enqueue time, so bad input queues nothing.
   */
  validate(ctx: ServiceContext, params: JobParams, v: Validation): Promise<P>;
  /**
   * Does the work; throwing records the job as failed with the error's message. `signal` aborts
   * when the job runs past its time limit: long loops should check it and stop.
   */
  run(ctx: ServiceContext, params: P, signal: AbortSignal): Promise<JobResult>;
  /** Longest the job may run before it is recorded as failed (default DEFAULT_JOB_TIMEOUT_MS). */
  timeoutMs?: number;
}

/** Ten minutes: far above any legitimate run of today's kinds, well below the stale-job sweep (15 min). */
export const DEFAULT_JOB_TIMEOUT_MS = 10 * 60_000;

// ---------------------------------------------------------------- parameter readers

export function readInt(params: JobParams, key: string, v: Validation, required: boolean): number | null {
  const value = params[key];
  if (value == null || value === '') {
    if (required) v.add(key, `${key} is required`);
    return null;
  }
  const n = typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n <= 0) {
    v.add(key, `${key} must be a positive whole number`);
    return null;
  }
  return n;
}

export function readBool(params: JobParams, key: string, v: Validation): boolean {
  const value = params[key];
  if (value == null || value === '') return false;
  if (value === true || value === 1 || value === '1' || value === 'true') return true;
  if (value === false || value === 0 || value === '0' || value === 'false') return false;
  v.add(key, `${key} must be a boolean (0 or 1)`);
  return false;
}

export function readText(params: JobParams, key: string, v: Validation, required: boolean, max = 1000): string | null {
  const value = params[key];
  if (value == null || (typeof value === 'string' && value.trim() === '')) {
    if (required) v.add(key, `${key} is required`);
    return null;
  }
  if (typeof value !== 'string') {
    v.add(key, `${key} must be text`);
    return null;
  }
  if (value.length > max) {
    v.add(key, `${key} is longer than ${max} characters`);
    return null;
  }
  return value.trim();
}

/** Refuses keys the kind does not know, so a typo is not silently ignored. */
export function onlyKeys(params: JobParams, allowed: readonly string[], v: Validation): void {
  for (const key of Object.keys(params)) if (params[key] !== undefined && !allowed.includes(key)) v.add(key, `unknown parameter ${key}`);
}
