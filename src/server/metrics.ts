/**
 * Process metrics for Prometheus (GET /metrics), in one prom-client registry: the default
 * process metrics (CPU, resident memory, heap, handles, GC, event-loop lag), requests by
 * surface and status, operations by name, SQL statements (count, latency, in flight), the
 * failed-login throttle and the job queue.
 *
 * Every label has a bounded set of values, so no caller can grow the registry: surfaces and
 * status codes are the server's own, legacy operation names come from the catalogues (only
 * known operations are counted), and GraphQL operation names — chosen by clients — are kept
 * for the first MAX_GRAPHQL_OPERATION_NAMES distinct names and counted as `other` after that.
 *
 * Each process has its own registry: with WORKERS=N a scrape of the shared port reaches one
 * of the N processes (each series carries no process label), so scrape each worker's own
 * figures through a `sum`/`rate` over time, or run one process per port.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { onStatement, totalQueries } from '../db/query-counter';
import { passwordHashRuns } from '../shared/secrets';
import { loginThrottle } from '../throttle';

export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

/**
 * A counter kept elsewhere (a plain number), copied into the registry at each scrape. Its
 * source may start again from 0 (the login throttle is replaced when an app starts): the
 * counter then resets too, which Prometheus's rate() understands.
 */
function mirroredCounter(name: string, help: string, read: () => number): void {
  let seen = 0;
  new Counter({
    name,
    help,
    registers: [metricsRegistry],
    collect() {
      const now = read();
      if (now < seen) this.reset();
      if (now !== seen) this.inc(now < seen ? now : now - seen);
      seen = now;
    },
  });
}

mirroredCounter('db_queries_total', 'SQL statements sent to the database by this process.', totalQueries);
mirroredCounter('password_hash_runs_total', 'scrypt computations (password checks and hashes): the CPU spent on secrets.', passwordHashRuns);
mirroredCounter('login_throttle_refusals_total', 'Logins refused unchecked because the address or credential failed too often.', () => loginThrottle().refusals);

new Gauge({
  name: 'login_throttle_tracked_keys',
  help: 'Addresses and (credential, address) pairs the failed-login throttle currently remembers.',
  registers: [metricsRegistry],
  collect() {
    this.set(loginThrottle().size);
  },
});

// Kept from the hand-written exporter this registry replaced (dashboards read it).
new Gauge({
  name: 'nodejs_heap_used_bytes',
  help: 'V8 heap in use, in bytes (same as nodejs_heap_size_used_bytes).',
  registers: [metricsRegistry],
  collect() {
    this.set(process.memoryUsage().heapUsed);
  },
});

const httpRequests = new Counter({
  name: 'http_requests_total',
  help: 'HTTP requests handled, by surface and status code.',
  labelNames: ['surface', 'status'] as const,
  registers: [metricsRegistry],
});

const httpDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'Time to answer a request, by surface and status class (2xx, 4xx, 5xx…).',
  labelNames: ['surface', 'status_class'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

export function recordRequest(surface: string, status: number, durationMs: number): void {
  httpRequests.inc({ surface, status: String(status) });
  httpDuration.observe({ surface, status_class: `${Math.floor(status / 100)}xx` }, durationMs / 1000);
}

/** Distinct GraphQL operation names counted by name; later ones are counted as `other`. */
export const MAX_GRAPHQL_OPERATION_NAMES = 100;
const graphqlOperationNames = new Set<string>();
const graphqlOperations = new Counter({
  name: 'graphql_operations_total',
  help: `GraphQL requests by the operationName the client sent (the first ${MAX_GRAPHQL_OPERATION_NAMES} distinct names; then "other"; "unnamed" without one).`,
  labelNames: ['operation'] as const,
  registers: [metricsRegistry],
});

export function recordGraphQLOperation(operationName: unknown): void {
  let operation = 'unnamed';
  if (typeof operationName === 'string' && /^[_A-Za-z][_0-9A-Za-z]{0,99}$/.test(operationName)) {
    if (graphqlOperationNames.has(operationName) || graphqlOperationNames.size < MAX_GRAPHQL_OPERATION_NAMES) {
      graphqlOperationNames.add(operationName);
      operation = operationName;
    } else operation = 'other';
  }
  graphqlOperations.inc({ operation });
}

const legacyOperations = new Counter({
  name: 'legacy_operations_total',
  help: 'Legacy API calls by dialect (simpler: SOAP and REST; jaze; crm; m4) and catalogue operation.',
  labelNames: ['dialect', 'operation'] as const,
  registers: [metricsRegistry],
});

/** `operation` must be a catalogue entry's name (the set is fixed), never a name a caller sent. */
export function recordLegacyOperation(dialect: 'simpler' | 'jaze' | 'crm' | 'm4', operation: string): void {
  legacyOperations.inc({ dialect, operation });
}

const legacyIgnoredParameters = new Counter({
  name: 'legacy_ignored_parameters_total',
  help: 'Parameter names legacy calls sent that their operation does not know, ignored as the original systems do, by dialect and catalogue operation (the names themselves are in the warn log line, never a label).',
  labelNames: ['dialect', 'operation'] as const,
  registers: [metricsRegistry],
});

/** `count` ignored names in one call; `operation` is a catalogue entry's name, as for recordLegacyOperation. */
export function recordIgnoredParameters(dialect: 'simpler' | 'jaze' | 'crm' | 'm4', operation: string, count: number): void {
  legacyIgnoredParameters.inc({ dialect, operation }, count);
}

const statementDuration = new Histogram({
  name: 'db_statement_duration_seconds',
  help: 'Time from sending an SQL statement to its last row (including a wait for a pooled connection).',
  buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [metricsRegistry],
});
const statementsInFlight = new Gauge({
  name: 'db_statements_in_flight',
  help: 'SQL statements sent and not answered yet (on PostgreSQL, at most the pool size run at once; the rest wait for a connection).',
  registers: [metricsRegistry],
});
onStatement({
  started: () => statementsInFlight.inc(),
  finished: (seconds) => {
    statementsInFlight.dec();
    statementDuration.observe(seconds);
  },
});

const poolMax = new Gauge({
  name: 'db_pool_max_connections',
  help: 'Connections the pool may open (1 for the embedded PGlite database).',
  registers: [metricsRegistry],
});

/** The database's pool size, once opened (postgres.js does not expose how many connections are busy; db_statements_in_flight stands in). */
export function setPoolSize(connections: number): void {
  poolMax.set(connections);
}

const jobsByStatus = new Gauge({
  name: 'background_jobs',
  help: 'Background jobs by status, all operators (updated by the job worker every 15 s; absent in processes with RUN_JOBS=false).',
  labelNames: ['status'] as const,
  registers: [metricsRegistry],
});
const outboxPending = new Gauge({
  name: 'messages_outbox_pending',
  help: 'SMS and e-mails waiting in the outbox, all operators (updated by the job worker every 15 s).',
  registers: [metricsRegistry],
});

export function setQueueDepth(depth: { jobs: Record<string, number>; outboxPending: number }): void {
  for (const status of ['queued', 'running', 'succeeded', 'failed']) jobsByStatus.set({ status }, depth.jobs[status] ?? 0);
  outboxPending.set(depth.outboxPending);
}

export const METRICS_CONTENT_TYPE = metricsRegistry.contentType;

export function renderMetrics(): Promise<string> {
  return metricsRegistry.metrics();
}
