/**
 * The supervisor: with `WORKERS=N` (N > 1, PostgreSQL only) the process started by `npm start`
 * becomes a node:cluster primary that serves nothing itself. It forks N server processes that
 * share the listening port (the primary hands out connections, so while one worker restarts the
 * others keep answering, /healthz included), starts a replacement for any worker that dies —
 * after a pause that doubles while workers keep dying young (a crash loop), up to 30 s — and on
 * SIGTERM or SIGINT asks every worker to stop (SIGTERM: each drains as a single server does) and
 * exits 0 once all have exited, or 1 if some had to be killed after the grace period.
 * Migrations and the demo seed run once: each worker's start-up takes the database's advisory
 * start-up lock, and the first one does the work.
 */
import cluster, { type Worker } from 'node:cluster';
import { log } from '../server/logger';

export interface SupervisorOptions {
  workers: number;
  /** A worker that dies within this long of starting counts as crash-looping (default 10 s). */
  youngDeathMs?: number;
  /** First restart pause after a young death, doubling per further one (default 500 ms), capped at `maxRestartDelayMs` (default 30 s). */
  restartDelayMs?: number;
  maxRestartDelayMs?: number;
  /** How long workers get to stop after a signal before they are killed (default 30 s). */
  stopGraceMs?: number;
}

export function runSupervisor(options: SupervisorOptions): Promise<never> {
  const youngDeathMs = options.youngDeathMs ?? 10_000;
  const restartDelayMs = options.restartDelayMs ?? 500;
  const maxRestartDelayMs = options.maxRestartDelayMs ?? 30_000;
  const stopGraceMs = options.stopGraceMs ?? 30_000;
  const startedAt = new Map<Worker, number>();
  const pendingRestarts = new Set<NodeJS.Timeout>();
  let youngDeathsInARow = 0;
  let stopping = false;
  let killedAfterGrace = false;

  const fork = () => {
    const worker = cluster.fork();
    startedAt.set(worker, Date.now());
    log('info', 'supervisor: worker started', { worker: worker.id, pid: worker.process.pid });
  };

  return new Promise<never>(() => {
    cluster.on('exit', (worker, code, signal) => {
      const lived = Date.now() - (startedAt.get(worker) ?? Date.now());
      startedAt.delete(worker);
      if (stopping) {
        if (startedAt.size === 0) {
          log('info', 'supervisor: all workers stopped');
          process.exit(killedAfterGrace ? 1 : 0);
        }
        return;
      }
      youngDeathsInARow = lived < youngDeathMs ? youngDeathsInARow + 1 : 0;
      const delay = youngDeathsInARow === 0 ? 0 : Math.min(restartDelayMs * 2 ** (youngDeathsInARow - 1), maxRestartDelayMs);
      log('error', 'supervisor: worker died, restarting', { worker: worker.id, pid: worker.process.pid, code, signal, livedMs: lived, restartInMs: delay });
      const timer = setTimeout(() => {
        pendingRestarts.delete(timer);
        if (!stopping) fork();
      }, delay);
      pendingRestarts.add(timer);
    });

    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.on(signal, () => {
        if (stopping) return;
        stopping = true;
        for (const timer of pendingRestarts) clearTimeout(timer);
        log('info', 'supervisor: stopping workers', { signal, workers: startedAt.size });
        if (startedAt.size === 0) process.exit(0);
        // SIGTERM whatever arrived: a Ctrl-C already reached the workers through the terminal,
        // and SIGTERM is the one signal every worker treats as "finish and exit".
        for (const worker of startedAt.keys()) worker.process.kill('SIGTERM');
        setTimeout(() => {
          killedAfterGrace = true;
          for (const worker of startedAt.keys()) worker.process.kill('SIGKILL');
        }, stopGraceMs).unref();
      });
    }

    log('info', 'supervisor: starting workers', { workers: options.workers });
    for (let i = 0; i < options.workers; i++) fork();
  });
}
