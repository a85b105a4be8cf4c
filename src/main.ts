/** Entry point of `npm start`. */
import { loadConfig } from './config';
import { startApp } from './server/app';
import { log } from './server/logger';
import { describeError } from './shared/describe-error';

const app = await startApp(loadConfig()).catch((error: unknown) => {
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
