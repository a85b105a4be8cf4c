/**
 * Assembles the service: database, routes of every surface, HTTP server. `startApp` is what
 * `npm start` runs and what the integration tests start on a free port.
 */
import cluster from 'node:cluster';
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
import { registerOpenApiRoutes } from '../legacy/openapi/viewer';
import { DEMO } from '../db/seed/demo';
import { startWorker } from '../jobs/worker';
import { describeError } from '../shared/describe-error';
import { RETRY_AFTER_HEADER } from '../availability';
import { createSmtpTransport } from '../support/smtp-transport';
import { resetMessageTransport, setMessageTransport } from '../support/message-transport';
import { configureLoginThrottle } from '../throttle';
import { trackHttpDrain } from '../lifecycle/http-drain';

export interface App {
  server: Server;
  database: DatabaseHandle;
  url: string;
  seeded: boolean;
  stop(): Promise<void>;
}

/** Registers every surface's routes on `router` (the server already listens; see startApp). */
export async function buildRouter(database: DatabaseHandle, config: Config, router = new Router()): Promise<{ router: Router; stop: () => Promise<void> }> {
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
      endpoints: { graphql: '/graphql', soap: '/API/operatorapi.pl', wsdl: '/API/operatorapi.pl?wsdl', rest: '/API/<operation>', openapi: '/openapi.json', docs: '/docs', health: '/healthz', metrics: '/metrics' },
    }),
  );
  registerLegacySurfaces(router, database.db);
  registerOpenApiRoutes(router);
  const apollo = await registerGraphQL(router, database, { graphiqlToken: config.production ? undefined : DEMO.bearerToken, compiledReads: config.compiledReads ?? true });
  return { router, stop: () => apollo.stop() };
}

export const DEFAULT_SHUTDOWN_GRACE_MS = 10_000;

/**
 * Listens first, then opens the database: a busy port fails before anything touches the
 * database (a second `npm start` must not open, lock or migrate the live one). Until the
 * routes are ready, requests get 503 "starting". A worker under the supervisor (WORKERS=N)
 * listens only once it is ready instead: the cluster hands it connections as soon as it
 * listens, and its siblings are serving meanwhile.
 */
export async function startApp(config: Config, options: { database?: DatabaseHandle } = {}): Promise<App> {
  const started = Date.now();
  // Failed-login counters start empty with this app's settings (one throttle per process).
  configureLoginThrottle(config.loginThrottle);
  const router = new Router();
  let starting = true;
  const server = createHttpServer(router, { maxBodyBytes: config.maxBodyBytes, trustProxy: config.trustProxy, starting: () => starting });
  const drain = trackHttpDrain(server);
  const listenFirst = !cluster.isWorker;
  if (listenFirst) await listen(server, config.port, config.host);

  let database = options.database;
  let stopSurfaces: (() => Promise<void>) | undefined;
  let seeded: boolean;
  try {
    database ??= await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
    ({ seeded } = await prepareDatabase(database, { seedDemo: config.seedDemo }));
    ({ stop: stopSurfaces } = await buildRouter(database, config, router));
  } catch (error) {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    // A database this call opened is closed again (which also frees a PGlite DATA_DIR).
    if (database && !options.database) await database.close().catch(() => {});
    throw error;
  }
  const db = database;
  // E-mail leaves through the configured relay; without one, through the log transport.
  const smtp = config.smtpUrl ? createSmtpTransport({ url: config.smtpUrl, from: config.smtpFrom ?? 'ispgraph <noreply@localhost>' }) : undefined;
  if (smtp) setMessageTransport('email', smtp);
  if (!listenFirst) await listen(server, config.port, config.host);
  starting = false;
  // Jobs that drive outside systems (WIB files, attachments, GPS, plan changes) run here.
  const worker = config.runJobs
    ? startWorker(db.db, {
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
    database: db.engine,
    dataDir: db.engine === 'pglite' ? config.dataDir : undefined,
    seededDemo: seeded,
    startupMs: Date.now() - started,
  });
  let stopped: Promise<void> | undefined;
  return {
    server,
    database: db,
    url,
    seeded,
    // In-flight requests finish (up to the grace), then the worker, the surfaces and the database close.
    stop: () =>
      (stopped ??= (async () => {
        const graceMs = config.shutdownGraceMs ?? DEFAULT_SHUTDOWN_GRACE_MS;
        const [{ cut }] = await Promise.all([drain.drain(graceMs), worker?.stop()]);
        if (cut > 0) log('warn', 'requests cut at the end of the shutdown grace', { cut, graceMs });
        if (smtp) {
          smtp.close();
          resetMessageTransport('email');
        }
        await stopSurfaces?.();
        await db.close();
      })()),
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new Error(`port ${port} on ${host} is already in use; the database was not opened`));
      else if (error.code === 'EACCES') reject(new Error(`not allowed to listen on port ${port} on ${host}; the database was not opened`));
      else reject(error);
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}
