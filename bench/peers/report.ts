/** Rounds summed into one line per system and read, and printed as markdown tables. */
import type { RoundFigures } from './load';
import type { Read } from './systems';

export interface Summary {
  system: string;
  read: Read;
  rounds: number;
  requests: number;
  requestsPerSecond: number;
  /** medians over the rounds */
  p50Ms: number;
  p99Ms: number;
  peakRssMb: number;
  statementsPerRequest: number | null;
  serverCpuMsPerRequest: number;
  databaseCpuMsPerRequest: number | null;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const round2 = (n: number) => Math.round(n * 100) / 100;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function summarise(system: string, read: Read, rounds: RoundFigures[]): Summary {
  const requests = rounds.reduce((n, r) => n + r.requests, 0);
  const seconds = rounds.reduce((n, r) => n + r.seconds, 0);
  const statements = rounds.every((r) => r.statements !== undefined) ? rounds.reduce((n, r) => n + r.statements!, 0) : undefined;
  const dbCpu = rounds.every((r) => r.databaseCpuMs !== undefined) ? rounds.reduce((n, r) => n + r.databaseCpuMs!, 0) : undefined;
  return {
    system,
    read,
    rounds: rounds.length,
    requests,
    requestsPerSecond: round1(requests / seconds),
    p50Ms: round1(median(rounds.map((r) => r.p50Ms))),
    p99Ms: round1(median(rounds.map((r) => r.p99Ms))),
    peakRssMb: Math.round(Math.max(...rounds.map((r) => r.peakRssBytes)) / 1048576),
    statementsPerRequest: statements === undefined ? null : round2(statements / requests),
    serverCpuMsPerRequest: round2(rounds.reduce((n, r) => n + r.serverCpuMs, 0) / requests),
    databaseCpuMsPerRequest: dbCpu === undefined ? null : round2(dbCpu / requests),
  };
}

export function markdownTable(summaries: Summary[], baseline: string): string {
  const base = summaries.find((s) => s.system === baseline);
  const lines = [
    `| system | req/s | × ${baseline} | p50 ms | p99 ms | peak RSS MB | statements/req | server CPU ms/req | PostgreSQL CPU ms/req |`,
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const s of summaries) {
    const ratio = base ? `${(s.requestsPerSecond / base.requestsPerSecond).toFixed(2)}×` : 'n/a';
    lines.push(
      `| ${s.system} | ${s.requestsPerSecond} | ${ratio} | ${s.p50Ms} | ${s.p99Ms} | ${s.peakRssMb} | ${s.statementsPerRequest ?? 'n/a'} | ${s.serverCpuMsPerRequest} | ${s.databaseCpuMsPerRequest ?? 'n/a'} |`,
    );
  }
  return lines.join('\n');
}
