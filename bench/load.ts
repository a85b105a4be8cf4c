/**
 * A small closed-loop load generator for loopback benchmarks: `concurrency` workers send
 * requests back to back for `seconds` (bounded also by `maxRequests`), then report
 * throughput and latency percentiles. Statements per request and memory come from the
 * server's own /metrics, read before and after.
 */
export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  statementsPerRequest: number;
  serverRssMb: number;
}

export interface LoadOptions {
  baseUrl: string;
  concurrency: number;
  seconds: number;
  maxRequests: number;
  send: (baseUrl: string) => Promise<boolean>;
}

async function metric(baseUrl: string, name: string): Promise<number> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line ? Number(line.split(' ')[1]) : NaN;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  // warm up: plans, JIT, connection pools
  for (let i = 0; i < 20; i++) await options.send(options.baseUrl);
  const queriesBefore = await metric(options.baseUrl, 'db_queries_total');
  const latencies: number[] = [];
  let errors = 0;
  let sent = 0;
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline && sent < options.maxRequests) {
      sent++;
      const t0 = performance.now();
      const ok = await options.send(options.baseUrl).catch(() => false);
      latencies.push(performance.now() - t0);
      if (!ok) errors++;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  // metrics requests are not counted: they issue no SQL
  const queriesAfter = await metric(options.baseUrl, 'db_queries_total');
  const rss = await metric(options.baseUrl, 'process_resident_memory_bytes');
  latencies.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    requests: latencies.length,
    errors,
    seconds: round(seconds),
    requestsPerSecond: round(latencies.length / seconds),
    latencyMs: { p50: round(percentile(latencies, 50)), p95: round(percentile(latencies, 95)), p99: round(percentile(latencies, 99)), max: round(latencies[latencies.length - 1] ?? NaN) },
    statementsPerRequest: round((queriesAfter - queriesBefore) / latencies.length),
    serverRssMb: Math.round(rss / 1048576),
  };
}
