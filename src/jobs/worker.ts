/**
 * The job worker: polls for queued jobs and runs them one at a time. Start one (or several, in
 * several processes: claims never overlap) next to the server; `stop()` lets the job in hand
 * finish before resolving. While the database is unavailable it backs off (doubling pauses up
 * to a cap) and reports the outage once when it starts and once when it ends, not every poll.
 */
import { isDatabaseUnavailable } from '../availability';
import type { Database } from '../db/client';
import { recoverStale, runOne, type BackgroundJobRow } from './job.service';
import { scheduleDuePlanChanges } from './schedule';
import { redeliverPending } from '../support/message.service';
import { forgetExpiredIdempotencyKeys } from '../idempotency/expiry';
import { queueDepth, type QueueDepth } from './queue-depth';

export interface WorkerOptions {
  /** Pause between polls when the queue is empty (default 1000 ms). */
  intervalMs?: number;
  /** Told about each finished job and about errors of the worker itself other than an unavailable database. */
  onJob?: (job: BackgroundJobRow) => void;
  onError?: (error: unknown) => void;
  /** Told once when the database becomes unavailable to the worker, and once when it answers again. */
  onOutage?: (event: { state: 'down'; error: unknown } | { state: 'up'; downForMs: number }) => void;
  /** Pauses while the database is unavailable: first `initialMs` (default 1000), doubling up to `maxMs` (default 30 000). */
  backoff?: { initialMs?: number; maxMs?: number };
  /**
   * At start, jobs `running` for longer than this are taken as abandoned by a dead worker and
   * requeued (failed after 3 attempts). Default 15 minutes; 0 disables. Keep it above the
   * longest job, since several workers may share the queue.
   */
  staleAfterMs?: number;
  /** How often to do the system's own chores (queue due plan moves, sweep the message outbox, forget expired idempotency keys); default 60 s, 0 disables. */
  scheduleEveryMs?: number;
  /** Told the queue depth (jobs by status, outbox) every `queueDepthEveryMs` (default 15 s); absent: not measured. */
  onQueueDepth?: (depth: QueueDepth) => void;
  queueDepthEveryMs?: number;
}

export interface Worker {
  /** Stops polling and resolves once the current job, if any, is recorded. */
  stop(): Promise<void>;
}

export function startWorker(db: Database, options: WorkerOptions = {}): Worker {
  const intervalMs = options.intervalMs ?? 1000;
  const initialBackoffMs = options.backoff?.initialMs ?? 1000;
  const maxBackoffMs = options.backoff?.maxMs ?? 30_000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let wake: (() => void) | undefined;
  /** Set while the database is unavailable: since when, and the next pause. */
  let outage: { since: number; pauseMs: number } | undefined;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      wake = resolve;
      timer = setTimeout(resolve, ms);
    });

  /** Sorts a failure: an unavailable database starts or extends the outage (true); anything else is reported. */
  const failed = (error: unknown): boolean => {
    if (!isDatabaseUnavailable(error)) {
      options.onError?.(error);
      return false;
    }
    if (outage) outage.pauseMs = Math.min(outage.pauseMs * 2, maxBackoffMs);
    else {
      outage = { since: Date.now(), pauseMs: initialBackoffMs };
      options.onOutage?.({ state: 'down', error });
    }
    return true;
  };
  const answered = () => {
    if (!outage) return;
    const downForMs = Date.now() - outage.since;
    outage = undefined;
    options.onOutage?.({ state: 'up', downForMs });
  };

  const loop = (async () => {
    const staleAfterMs = options.staleAfterMs ?? 15 * 60_000;
    if (staleAfterMs > 0) await recoverStale(db, { olderThanMs: staleAfterMs }).catch(failed);
    const scheduleEveryMs = options.scheduleEveryMs ?? 60_000;
    let nextSchedule = 0;
    let nextDepth = 0;
    while (!stopped) {
      let unavailable = false;
      if (options.onQueueDepth && Date.now() >= nextDepth) {
        nextDepth = Date.now() + (options.queueDepthEveryMs ?? 15_000);
        await queueDepth(db).then((depth) => {
          answered();
          options.onQueueDepth?.(depth);
        }, (error: unknown) => (unavailable ||= failed(error)));
      }
      if (scheduleEveryMs > 0 && Date.now() >= nextSchedule) {
        nextSchedule = Date.now() + scheduleEveryMs;
        await scheduleDuePlanChanges(db).then(answered, (error: unknown) => (unavailable ||= failed(error)));
        if (!unavailable) await redeliverPending(db).then(answered, (error: unknown) => (unavailable ||= failed(error)));
        if (!unavailable) await forgetExpiredIdempotencyKeys(db).then(answered, (error: unknown) => (unavailable ||= failed(error)));
        // Chores the outage prevented are done as soon as the database answers again.
        if (unavailable) nextSchedule = 0;
      }
      let ran = false;
      if (!unavailable) {
        try {
          const job = await runOne(db);
          answered();
          if (job) {
            ran = true;
            options.onJob?.(job);
          }
        } catch (error) {
          // Claiming or recording failed (handler errors are recorded on the job, not thrown).
          unavailable = failed(error);
        }
      }
      if (stopped) break;
      if (unavailable && outage) await sleep(outage.pauseMs);
      else if (!ran) await sleep(scheduleEveryMs > 0 ? Math.min(intervalMs, Math.max(1, nextSchedule - Date.now())) : intervalMs);
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
