/**
 * Counts SQL statements sent to the database, in total (for /metrics) and per request (for
 * the request log and the N+1 tests). Every statement the application sends goes through
 * drizzle, whose logger reports it here on both engines; transaction control (BEGIN/COMMIT)
 * is not counted.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

interface QueryScope {
  count: number;
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
export function withQueryScope<T>(fn: () => T): { run: () => T; queries: () => number } {
  const scope: QueryScope = { count: 0 };
  return { run: () => scopes.run(scope, fn), queries: () => scope.count };
}

export function totalQueries(): number {
  return total;
}
