/**
 * SIGTERM (what `docker stop`, systemd and Kubernetes send) and SIGINT (Ctrl-C) stop the
 * process cleanly: the given stop runs once, then the process exits 0 (1 if the stop failed).
 * A second signal while stopping, or a stop that overruns its deadline, exits at once.
 */
import { log } from '../server/logger';
import { describeError } from '../shared/describe-error';

export interface StopOnSignalsOptions {
  /** Past this, the process exits even if the stop has not finished (a hung close). */
  deadlineMs: number;
}

const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

export function stopOnSignals(stop: () => Promise<void>, options: StopOnSignalsOptions): void {
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) {
        log('warn', 'second signal: exiting without finishing the stop', { signal });
        process.exit(SIGNAL_EXIT_CODES[signal]);
      }
      stopping = true;
      log('info', 'shutting down', { signal });
      const deadline = setTimeout(() => {
        log('error', 'stop overran its deadline: exiting', { deadlineMs: options.deadlineMs });
        process.exit(1);
      }, options.deadlineMs);
      deadline.unref();
      stop().then(
        () => {
          log('info', 'stopped', { signal });
          process.exit(0);
        },
        (error: unknown) => {
          log('error', 'stop failed', { error: describeError(error) });
          process.exit(1);
        },
      );
    });
  }
}
