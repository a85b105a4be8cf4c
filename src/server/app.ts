/**
 * Assembles the service: database, routes of every surface, HTTP server. `startApp` is what
 * `npm start` runs and what the integration tests start on a free port.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Config } from '../config';
import { openDatabase, type DatabaseHandle } from '../db/client';
import { prepareDatabase } from '../db/migrate';
import { createHttpServer, Router, sendJson, sendText } from './http';
import { log } from './logger';
import { renderMetrics } from './metrics';
import { registerGraphQL } from '../graphql/http';
import { registerLegacySurfaces } from '../legacy/routes';
import { DEMO } from '../db/seed/demo';
import { startWorker } from '../jobs/worker';
import { describeError } from '../shared/describe-error';
import { RETRY_AFTER_HEADER } from '../availability';
import { createSmtpTransport } from '../support/smtp-transport';
import { resetMessageTransport, setMessageTransport } from '../support/message-transport';
import { configureLoginThrottle } from '../throttle';

export interface App {
  server: Server;
  database: DatabaseHandle;
  url: string;
  seeded: boolean;
  stop(): Promise<void>;
}

export async function buildRouter(database: DatabaseHandle, config: Config): Promise<{ router: Router; stop: () => Promise<void> }> {
  const router = new Router();
  router.add('GET', '/healthz', 'system', async ({ res }) => {
    try {
      await database.ping();
      sendJson(res, 200, { status: 'ok', database: database.engine });
    } catch {
      sendJson(res, 503, { status: 'unavailable', database: database.engine }, RETRY_AFTER_HEADER);
    }
  });
  router.add('GET', '/metrics', 'system', ({ res }) => sendText(res, 200, renderMetrics(), 'text/plain; version=0.0.4; charset=utf-8'));
  router.add('GET', '/', 'system', ({ res }) =>
    sendJson(res, 200, {
      service: 'ispgraph',
      endpoints: { graphql: '/graphql', soap: '/API/operatorapi.pl', wsdl: '/API/operatorapi.pl?wsdl', rest: '/API/<operation>', health: '/healthz', metrics: '/metrics' },
    }),
  );
  registerLegacySurfaces(router, database.db);
  const apollo = await registerGraphQL(router, database, { graphiqlToken: config.production ? undefined : DEMO.bearerToken });
  return { router, stop: () => apollo.stop() };
}

export async function startApp(config: Config, options: { database?: DatabaseHandle } = {}): Promise<App> {
  const started = Date.now();
  const database = options.database ?? (await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir }));
  const { seeded } = await prepareDatabase(database, { seedDemo: config.seedDemo });
  // Failed-login counters start empty with this app's settings (one throttle per process).
  configureLoginThrottle(config.loginThrottle);
  const { router, stop: stopSurfaces } = await buildRouter(database, config);
  // E-mail leaves through the configured relay; without one, through the log transport.
  const smtp = config.smtpUrl ? createSmtpTransport({ url: config.smtpUrl, from: config.smtpFrom ?? 'ispgraph <noreply@localhost>' }) : undefined;
  if (smtp) setMessageTransport('email', smtp);
  const server = createHttpServer(router, { maxBodyBytes: config.maxBodyBytes });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  // Jobs that drive outside systems (WIB files, attachments, GPS, plan changes) run here.
  const worker = config.runJobs
    ? startWorker(database.db, {
        intervalMs: 1000,
        onError: (error) => log('error', 'job worker', { error: describeError(error) }),
        onOutage: (event) =>
          event.state === 'down'
            ? log('warn', 'job worker: database unavailable, backing off', { error: describeError(event.error) })
            : log('info', 'job worker: database available again', { downForMs: event.downForMs }),
      })
    : undefined;
  const address = server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  const url = `http://${host}:${address.port}`;
  log('info', 'listening', {
    url,
    database: database.engine,
    dataDir: database.engine === 'pglite' ? config.dataDir : undefined,
    seededDemo: seeded,
    startupMs: Date.now() - started,
  });
  return {
    server,
    database,
    url,
    seeded,
    stop: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await worker?.stop();
      if (smtp) {
        smtp.close();
        resetMessageTransport('email');
      }
      await stopSurfaces();
      await database.close();
    },
  };
}
