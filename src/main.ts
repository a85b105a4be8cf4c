/**
 * Entry point of the server. `npm start` runs it bundled (`exec node dist/main.mjs`, see
 * src/build/bundle.mjs) as one process, so SIGTERM from a container runtime or systemd reaches
 * the server itself; `npm run dev` runs it from source through tsx.
 */
import { ConfigError, loadConfig } from './config';
import { setDataDirRole } from './db/data-dir-lock';
import { stopOnSignals } from './lifecycle/stop-signals';
import { DEFAULT_SHUTDOWN_GRACE_MS, startApp } from './server/app';
import { log } from './server/logger';
import { describeError } from './shared/describe-error';
import { runSupervisor, supervising } from './supervisor';

setDataDirRole('server');
const failed = (error: unknown): never => {
  log('error', 'start-up failed', { error: describeError(error) });
  process.exit(1);
};
const config = await Promise.resolve()
  .then(() => loadConfig(process.env, (warning) => log('warn', warning)))
  .catch((error: unknown) => {
    if (!(error instanceof ConfigError)) return failed(error);
    // Before anything opens: every problem on its own line, for a person reading the terminal.
    process.stderr.write(`ispgraph: not started, ${error.problems.length} configuration problem${error.problems.length === 1 ? '' : 's'}:\n`);
    for (const problem of error.problems) process.stderr.write(`  ${problem}\n`);
    return process.exit(1);
  });
// WORKERS=N: this process becomes the supervisor of N server processes and never returns here.
if (supervising(config)) await runSupervisor({ workers: config.workers ?? 1 });
const app = await startApp(config).catch(failed);

// The deadline leaves time after the grace for the worker's job in hand and the database close.
stopOnSignals(() => app.stop(), { deadlineMs: (config.shutdownGraceMs ?? DEFAULT_SHUTDOWN_GRACE_MS) + 15_000 });
