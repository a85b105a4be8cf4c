/**
 * What every surface says while the database is away: one message, one Retry-After, one log
 * line per request (with its request id, never the statement or its parameters).
 */
import { log } from '../server/logger';
import { describeError } from '../shared/describe-error';

/** The text every surface carries, in its own shape (SIMPLer prefixes its `ERROR: `). */
export const UNAVAILABLE_MESSAGE = 'service unavailable, retry shortly';

/** Seconds a client should wait before retrying; the database is usually back within this. */
export const RETRY_AFTER_SECONDS = 2;

export const RETRY_AFTER_HEADER: Record<string, string> = { 'retry-after': String(RETRY_AFTER_SECONDS) };

/** Logs that a request failed because the database is unavailable. */
export function logUnavailable(requestId: string | undefined, surface: string, error: unknown): void {
  log('warn', 'database unavailable', { requestId, surface, error: describeError(error) });
}
