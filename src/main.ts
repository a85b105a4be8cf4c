/** Entry point of `npm start`. */
import { loadConfig } from './config';
import { startApp } from './server/app';
import { log } from './server/logger';
import { describeError } from './shared/describe-error';
import { runSupervisor, supervising } from './supervisor';

let config;
try {
  config = loadConfig();
} catch (error) {
  log('error', 'start-up failed', { error: describeError(error) });
  process.exit(1);
}
if (supervising(config)) await runSupervisor({ workers: config.workers ?? 1 });

const app = await startApp(config).catch((error: unknown) => {
  log('error', 'start-up failed', { error: describeError(error) });
  process.exit(1);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log('info', 'shutting down', { signal });
    app.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
