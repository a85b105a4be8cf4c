/**
 * What one round measures, apart from the load generator's own figures: CPU time and resident
 * memory of a process tree (read from /proc: a server with WORKERS=2 is a supervisor and two
 * workers), and the statements PostgreSQL ran (pg_stat_statements, for the benchmark's
 * database only, its own reads left out).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import type postgres from 'postgres';

const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

interface ProcStat {
  ppid: number;
  /**
   * utime + stime + cutime + cstime, in clock ticks: the process's own CPU and that of its
   * children it has reaped. Summed over a live tree this never goes down when a child exits
   * (a PostgreSQL backend whose connection a pool closes mid-round, say): its time moves into
   * the parent's cutime instead of vanishing.
   */
  ticks: number;
}

function readStat(pid: number): ProcStat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name (field 2) may hold spaces and parentheses: fields start after the last ')'
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]) };
  } catch {
    return undefined; // the process ended between listing and reading
  }
}

/** The root and every live descendant. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^[0-9]+$/.test(name)) continue;
    const stat = readStat(Number(name));
    if (!stat) continue;
    const siblings = children.get(stat.ppid) ?? [];
    siblings.push(Number(name));
    children.set(stat.ppid, siblings);
  }
  const tree: number[] = [];
  const queue = [root];
  while (queue.length > 0 && tree.length < 10_000) {
    const pid = queue.shift()!;
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/** CPU milliseconds used so far by the tree (its live processes and the children they reaped). */
export function cpuMs(root: number): number {
  let ticks = 0;
  for (const pid of processTree(root)) ticks += readStat(pid)?.ticks ?? 0;
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/** Resident memory of the tree now, in bytes (VmRSS of each process, summed). */
export function rssBytes(root: number): number {
  let kb = 0;
  for (const pid of processTree(root)) {
    try {
      const match = /^VmRSS:\s+([0-9]+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      kb += match ? Number(match[1]) : 0;
    } catch {
      // ended meanwhile
    }
  }
  return kb * 1024;
}

/** Samples the tree's RSS every `everyMs` until stopped; returns the peak. */
export function sampleRssPeak(root: number, everyMs = 200): { stop(): number } {
  let peak = rssBytes(root);
  const timer = setInterval(() => {
    peak = Math.max(peak, rssBytes(root));
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, rssBytes(root));
    },
  };
}

/** Statements executed in the benchmark database so far (calls summed; this reading itself excluded). */
export async function statementsSoFar(sql: postgres.Sql): Promise<number> {
  const rows = await sql<{ calls: string }[]>`
    select coalesce(sum(calls), 0)::text as calls from pg_stat_statements
     where dbid = (select oid from pg_database where datname = current_database())
       and query not like '%pg_stat_statements%'`;
  return Number(rows[0]!.calls);
}
