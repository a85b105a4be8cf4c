/**
 * Counts SQL statements sent to the database, in total (for /metrics) and per request (for
 * the request log and the N+1 tests). Every statement the application sends goes through
 * drizzle, whose logger reports it here on both engines; transaction control (BEGIN/COMMIT)
 * is not counted.
 *
 * It also times them: client.ts wraps each driver's statement call (`statementStarted`), the
 * one place every statement passes with its text, BEGIN/COMMIT included. The duration feeds
 * /metrics (`onStatement`) and, at LOG_LEVEL=debug, a `sql` log line with the statement's
 * text (truncated) and never its parameters, which may be secrets.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { log, logs } from '../server/logger';

interface QueryScope {
  count: number;
  /** The request the statements belong to (debug lines name it). */
  requestId?: string;
}

const scopes = new AsyncLocalStorage<QueryScope>();
let total = 0;

export function recordQuery(): void {
  total += 1;
  const scope = scopes.getStore();
  if (scope) scope.count += 1;
}

/** Runs `fn` and reports how many statements it issued (including in awaited work). */
export async function countQueries<T>(fn: () => Promise<T>): Promise<{ result: T; queries: number }> {
  const scope: QueryScope = { count: 0 };
  const result = await scopes.run(scope, fn);
  return { result, queries: scope.count };
}

/** Starts a scope for the rest of the current async context (used per HTTP request). */
export function withQueryScope<T>(fn: () => T, requestId?: string): { run: () => T; queries: () => number } {
  const scope: QueryScope = { count: 0, requestId };
  return { run: () => scopes.run(scope, fn), queries: () => scope.count };
}

export function totalQueries(): number {
  return total;
}

export interface StatementObserver {
  started(): void;
  finished(seconds: number): void;
}

let observer: StatementObserver | undefined;

/** Tells `observer` about every statement's start and end (metrics.ts: latency histogram, statements in flight). */
export function onStatement(next: StatementObserver): void {
  observer = next;
}

/** Longest statement text a debug line shows. */
export const SQL_LOG_MAX_CHARS = 300;

/**
 * Called by the driver wrappers as a statement is handed to the driver; the returned function
 * is called once when it has answered or failed. At levels above debug this costs a clock
 * read and a level check, no text is touched.
 */
export function statementStarted(text: string): (error?: unknown) => void {
  const started = process.hrtime.bigint();
  observer?.started();
  // Read now: postgres.js settles a query from its socket's callbacks, outside the request's context.
  const scope = scopes.getStore();
  return (error?: unknown) => {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    observer?.finished(seconds);
    if (!logs('debug')) return;
    // Cut before collapsing whitespace: a seed's multi-row insert is megabytes of text.
    const flat = text.slice(0, SQL_LOG_MAX_CHARS * 4).replace(/\s+/g, ' ').trim();
    const statement = flat.length > SQL_LOG_MAX_CHARS || text.length > SQL_LOG_MAX_CHARS * 4 ? `${flat.slice(0, SQL_LOG_MAX_CHARS)}…` : flat;
    log('debug', 'sql', {
      requestId: scope?.requestId,
      durationMs: Math.round(seconds * 1e5) / 100,
      statement,
      ...(error ? { failed: (error as { code?: string }).code ?? 'error' } : {}),
    });
  };
}
