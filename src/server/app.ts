/**
 * Assembles the service: database, routes of every surface, HTTP server. `startApp` is what
 * `npm start` runs and what the integration tests start on a free port.
 */
import cluster from 'node:cluster';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Config } from '../config';
import { openDatabase, type DatabaseHandle } from '../db/client';
import { getSchema } from '../graphql/schema';
import { prepareDatabase } from '../db/migrate';
import { createHttpServer, Router, sendJson, sendText } from './http';
import { log } from './logger';
import { METRICS_CONTENT_TYPE, renderMetrics, setPoolSize, setQueueDepth } from './metrics';
import { createCors } from './cors';
import { registerFavicon } from './favicon';
import { registerGraphQL } from '../graphql/http';
import { registerLegacySurfaces } from '../legacy/routes';
import { registerOpenApiRoutes } from '../legacy/openapi/viewer';
import { DEMO, demoCredentialsLive } from '../db/seed/demo';
import { startWorker } from '../jobs/worker';
import { describeError } from '../shared/describe-error';
import { RETRY_AFTER_HEADER } from '../availability';
import { createSmtpTransport } from '../support/smtp-transport';
import { resetMessageTransport, setMessageTransport } from '../support/message-transport';
import { configureLoginThrottle } from '../throttle';
import { configureStaffSessions } from '../tenancy/staff-session.service';
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
  const graphiql = config.graphiql ?? !config.production;
  router.add('GET', '/healthz', 'system', async ({ res }) => {
    try {
      await database.ping();
      sendJson(res, 200, { status: 'ok', database: database.engine });
    } catch {
      sendJson(res, 503, { status: 'unavailable', database: database.engine }, RETRY_AFTER_HEADER);
    }
  });
  router.add('GET', '/metrics', 'system', async ({ res }) => sendText(res, 200, await renderMetrics(), METRICS_CONTENT_TYPE));
  router.add('GET', '/', 'system', ({ res }) =>
    sendJson(res, 200, {
      service: 'ispgraph',
      endpoints: {
        graphql: '/graphql',
        ...(graphiql ? { graphiql: '/graphql (in a browser)' } : {}),
        soap: '/API/operatorapi.pl',
        wsdl: '/API/operatorapi.pl?wsdl',
        rest: '/API/<operation>',
        openapi: '/openapi.json',
        docs: '/docs',
        health: '/healthz',
        liveness: '/livez',
        readiness: '/readyz',
        metrics: '/metrics',
      },
    }),
  );
  registerFavicon(router);
  registerLegacySurfaces(router, database.db);
  registerOpenApiRoutes(router);
  const apollo = await registerGraphQL(router, database, {
    graphiql,
    graphiqlToken: config.production ? undefined : DEMO.bearerToken,
    introspection: config.introspection ?? !config.production,
    compiledReads: config.compiledReads ?? true,
  });
  return { router, stop: () => apollo.stop() };
}

/**
 * /livez: the process answers (its event loop turns), nothing else is asked — a restart is the
 * cure only for a process that cannot answer at all. /readyz: this process should get traffic:
 * started (migrations done, routes registered), not stopping, and the database answers.
 * Both answer while the server is still starting, when every other route gets 503.
 */
function registerProbes(router: Router, state: { phase: () => 'starting' | 'ready' | 'draining'; database: () => DatabaseHandle | undefined }): void {
  router.add('GET', '/livez', 'system', ({ res }) => sendJson(res, 200, { status: 'alive' }), { whileStarting: true });
  router.add(
    'GET',
    '/readyz',
    'system',
    async ({ res }) => {
      const notReady = (reason: string) => sendJson(res, 503, { status: 'not ready', reason }, RETRY_AFTER_HEADER);
      const database = state.database();
      if (state.phase() !== 'ready' || !database) return notReady(state.phase() === 'draining' ? 'draining' : 'starting');
      try {
        await database.ping();
      } catch {
        return notReady('database unavailable');
      }
      if (state.phase() === 'draining') return notReady('draining');
      sendJson(res, 200, { status: 'ready', database: database.engine });
    },
    { whileStarting: true },
  );
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
  configureStaffSessions(config.staffSessionHours);
  const router = new Router();
  let starting = true;
  let draining = false;
  let database = options.database;
  registerProbes(router, { phase: () => (draining ? 'draining' : starting ? 'starting' : 'ready'), database: () => database });
  const server = createHttpServer(router, {
    maxBodyBytes: config.maxBodyBytes,
    trustProxy: config.trustProxy,
    starting: () => starting,
    cors: createCors(config.corsOrigins ?? (config.production ? [] : ['*'])),
  });
  const drain = trackHttpDrain(server);
  const listenFirst = !cluster.isWorker;
  if (listenFirst) await listen(server, config.port, config.host);

  let stopSurfaces: (() => Promise<void>) | undefined;
  let seeded: boolean;
  try {
    // The schema is built while the database starts (its promise is kept; registerGraphQL
    // awaits it, and a failure surfaces there).
    const buildSchemaMeanwhile = () => void getSchema().catch(() => {});
    database ??= await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, whileStarting: buildSchemaMeanwhile });
    ({ seeded } = await prepareDatabase(database, { seedDemo: config.seedDemo }));
    setPoolSize(database.poolSize ?? 1);
    // Production does not delete data by itself: it says loudly what is open and how to close it.
    if (config.production && (await demoCredentialsLive(database.db))) {
      // The values themselves stay out of the log (they are in README.md, "Demo credentials").
      log('warn', 'the demo operator is in this database and its published credentials (bearer token, SIMPLer user, staff passwords, CRM key, M4 secret) are live: revoke them as README.md "Production" shows; nothing was deleted', {
        operator: DEMO.operatorCode,
      });
    }
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
        onQueueDepth: setQueueDepth,
      })
    : undefined;
  const { url, ...bound } = listeningAt(server.address() as AddressInfo);
  log('info', 'listening', {
    url,
    ...bound,
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
        draining = true;
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

/**
 * Where the server listens, for the log: the address the socket is bound to, and a URL a
 * person on this machine can open (0.0.0.0 and :: mean every interface, loopback included).
 */
export function listeningAt(address: AddressInfo): { url: string; address: string; port: number; interfaces?: 'all' } {
  const everywhere = address.address === '0.0.0.0' || address.address === '::';
  const host = everywhere ? '127.0.0.1' : address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return { url: `http://${host}:${address.port}`, address: address.address, port: address.port, ...(everywhere ? { interfaces: 'all' as const } : {}) };
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
