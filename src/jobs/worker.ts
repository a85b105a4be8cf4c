/**
 * The job worker: polls for queued jobs and runs them one at a time. Start one (or several, in
 * several processes: claims never overlap) next to the server; `stop()` lets the job in hand
 * finish before resolving.
 */
import type { Database } from '../db/client';
import { recoverStale, runOne, type BackgroundJobRow } from './job.service';
import { scheduleDuePlanChanges } from './schedule';
import { redeliverPending } from '../support/message.service';
import { forgetExpiredIdempotencyKeys } from '../idempotency/expiry';

export interface WorkerOptions {
  /** Pause between polls when the queue is empty (default 1000 ms). */
  intervalMs?: number;
  /** Told about each finished job and about errors of the worker itself (e.g. the database is down). */
  onJob?: (job: BackgroundJobRow) => void;
  onError?: (error: unknown) => void;
  /**
   * At start, jobs `running` for longer than this are taken as abandoned by a dead worker and
   * requeued (failed after 3 attempts). Default 15 minutes; 0 disables. Keep it above the
   * longest job, since several workers may share the queue.
   */
  staleAfterMs?: number;
  /** How often to do the system's own chores (queue due plan moves, sweep the message outbox, forget expired idempotency keys); default 60 s, 0 disables. */
  scheduleEveryMs?: number;
}

export interface Worker {
  /** Stops polling and resolves once the current job, if any, is recorded. */
  stop(): Promise<void>;
}

export function startWorker(db: Database, options: WorkerOptions = {}): Worker {
  const intervalMs = options.intervalMs ?? 1000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let wake: (() => void) | undefined;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      wake = resolve;
      timer = setTimeout(resolve, ms);
    });

  const loop = (async () => {
    const staleAfterMs = options.staleAfterMs ?? 15 * 60_000;
    if (staleAfterMs > 0) await recoverStale(db, { olderThanMs: staleAfterMs }).catch((error: unknown) => options.onError?.(error));
    const scheduleEveryMs = options.scheduleEveryMs ?? 60_000;
    let nextSchedule = 0;
    while (!stopped) {
      if (scheduleEveryMs > 0 && Date.now() >= nextSchedule) {
        nextSchedule = Date.now() + scheduleEveryMs;
        await scheduleDuePlanChanges(db).catch((error: unknown) => options.onError?.(error));
        await redeliverPending(db).catch((error: unknown) => options.onError?.(error));
        await forgetExpiredIdempotencyKeys(db).catch((error: unknown) => options.onError?.(error));
      }
      let ran = false;
      try {
        const job = await runOne(db);
        if (job) {
          ran = true;
          options.onJob?.(job);
        }
      } catch (error) {
        // Claiming or recording failed (handler errors are recorded on the job, not thrown).
        options.onError?.(error);
      }
      if (!ran && !stopped) await sleep(scheduleEveryMs > 0 ? Math.min(intervalMs, Math.max(1, nextSchedule - Date.now())) : intervalMs);
    }
  })();

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      wake?.();
      await loop;
    },
  };
}
