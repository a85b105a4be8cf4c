/**
 * Process metrics in the Prometheus text format (GET /metrics): SQL statements issued, and
 * request counts and latency per surface. Counters live in this process only; a scraper
 * aggregates across processes.
 */
import { totalQueries } from '../db/query-counter';
import { passwordHashRuns } from '../shared/secrets';
import { loginThrottle } from '../throttle';

const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

interface Histogram {
  buckets: number[];
  sum: number;
  count: number;
}

const requestCounts = new Map<string, number>();
const latencies = new Map<string, Histogram>();

export function recordRequest(surface: string, status: number, durationMs: number): void {
  const key = `${surface}\u0000${status}`;
  requestCounts.set(key, (requestCounts.get(key) ?? 0) + 1);
  let histogram = latencies.get(surface);
  if (!histogram) {
    histogram = { buckets: BUCKETS.map(() => 0), sum: 0, count: 0 };
    latencies.set(surface, histogram);
  }
  const seconds = durationMs / 1000;
  histogram.sum += seconds;
  histogram.count += 1;
  BUCKETS.forEach((bound, i) => {
    if (seconds <= bound) histogram.buckets[i]! += 1;
  });
}

const label = (value: string) => value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

export function renderMetrics(): string {
  const lines: string[] = [];
  lines.push('# HELP db_queries_total SQL statements sent to the database by this process.');
  lines.push('# TYPE db_queries_total counter');
  lines.push(`db_queries_total ${totalQueries()}`);

  lines.push('# HELP http_requests_total HTTP requests handled, by surface and status code.');
  lines.push('# TYPE http_requests_total counter');
  for (const [key, count] of requestCounts) {
    const [surface, status] = key.split('\u0000') as [string, string];
    lines.push(`http_requests_total{surface="${label(surface)}",status="${status}"} ${count}`);
  }

  lines.push('# HELP http_request_duration_seconds Time to answer a request, by surface.');
  lines.push('# TYPE http_request_duration_seconds histogram');
  for (const [surface, histogram] of latencies) {
    const s = label(surface);
    BUCKETS.forEach((bound, i) => {
      lines.push(`http_request_duration_seconds_bucket{surface="${s}",le="${bound}"} ${histogram.buckets[i]}`);
    });
    lines.push(`http_request_duration_seconds_bucket{surface="${s}",le="+Inf"} ${histogram.count}`);
    lines.push(`http_request_duration_seconds_sum{surface="${s}"} ${histogram.sum}`);
    lines.push(`http_request_duration_seconds_count{surface="${s}"} ${histogram.count}`);
  }

  lines.push('# HELP password_hash_runs_total scrypt computations (password checks and hashes): the CPU spent on secrets.');
  lines.push('# TYPE password_hash_runs_total counter');
  lines.push(`password_hash_runs_total ${passwordHashRuns()}`);
  lines.push('# HELP login_throttle_refusals_total Logins refused unchecked because the address or credential failed too often.');
  lines.push('# TYPE login_throttle_refusals_total counter');
  lines.push(`login_throttle_refusals_total ${loginThrottle().refusals}`);

  const memory = process.memoryUsage();
  lines.push('# HELP process_resident_memory_bytes Resident memory size in bytes.');
  lines.push('# TYPE process_resident_memory_bytes gauge');
  lines.push(`process_resident_memory_bytes ${memory.rss}`);
  lines.push('# HELP nodejs_heap_used_bytes V8 heap in use, in bytes.');
  lines.push('# TYPE nodejs_heap_used_bytes gauge');
  lines.push(`nodejs_heap_used_bytes ${memory.heapUsed}`);
  return `${lines.join('\n')}\n`;
}
