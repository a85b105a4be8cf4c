/**
 * The HTTP front door: a small router on node:http that every surface registers its routes
 * with, plus what all requests share: a request id, a body-size limit, the statement counter
 * and one JSON log line per request.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { withQueryScope } from '../db/query-counter';
import { log, logs } from './logger';
import { describeError } from '../shared/describe-error';
import { recordRequest } from './metrics';
import { isDatabaseUnavailable, logUnavailable, RETRY_AFTER_HEADER, UNAVAILABLE_MESSAGE } from '../availability';
import { clientAddress, compileTrust } from './client-address';
import { CORS_SURFACES, type Cors } from './cors';

export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  requestId: string;
  /** Path parameters captured by `:name` segments. */
  params: Record<string, string>;
  /** Reads the body (once), refusing more than the configured limit. */
  body(): Promise<Buffer>;
  /** The caller's address as the legacy APIs report it (`ip` in SIMPLer replies). */
  clientIp: string;
}

export type Handler = (ctx: RequestContext) => Promise<void> | void;

interface Route {
  method: string;
  segments: string[];
  /** Label for metrics and logs: graphql, soap, rest, jaze, crm, m4, system. */
  surface: string;
  handler: Handler;
  /** Matches any path below the prefix. */
  prefix: boolean;
  /** Answered while the server is still starting (liveness/readiness probes); other routes get 503 "starting" then. */
  whileStarting: boolean;
}

export class BodyTooLargeError extends Error {
  constructor(limit: number) {
    super(`request body exceeds ${limit} bytes`);
  }
}

/** The request ended (client gone) before its body was complete. */
export class BodyIncompleteError extends Error {
  constructor() {
    super('the request body ended before it was complete');
  }
}

/** A path segment with a %-escape that does not decode to UTF-8 text: answered 400, never routed. */
export class BadPathEncodingError extends Error {
  constructor() {
    super('the request path holds a %-escape that is not UTF-8 text');
  }
}

export class Router {
  private readonly routes: Route[] = [];
  /**
   * The routes that can match a path, by its first segment, in registration order: with ~500
   * routes (the legacy surfaces register one per operation and form) a linear scan cost more
   * than the rest of routing, and /graphql was registered last. Only first segments some route
   * names literally get an entry; any other path shares the list of routes whose first segment
   * is a parameter (or that match everything), so unknown paths cannot grow the map.
   */
  private byFirstSegment: Map<string, Route[]> | undefined;
  private anyFirstSegment: Route[] = [];

  private candidates(first: string | undefined): Route[] {
    if (!this.byFirstSegment) {
      const literal = (route: Route) => route.segments.length > 0 && !route.segments[0]!.startsWith(':');
      this.anyFirstSegment = this.routes.filter((route) => !literal(route));
      this.byFirstSegment = new Map();
      for (const name of new Set(this.routes.filter(literal).map((route) => route.segments[0]!))) {
        this.byFirstSegment.set(name, this.routes.filter((route) => !literal(route) || route.segments[0] === name));
      }
    }
    return (first !== undefined && this.byFirstSegment.get(first)) || this.anyFirstSegment;
  }

  /** `path` may hold `:param` segments, and end in `/*` to match everything below it. */
  add(method: string | string[], path: string, surface: string, handler: Handler, options: { whileStarting?: boolean } = {}): this {
    const prefix = path.endsWith('/*');
    const clean = prefix ? path.slice(0, -2) : path;
    for (const m of Array.isArray(method) ? method : [method]) {
      this.routes.push({ method: m.toUpperCase(), segments: split(clean), surface, handler, prefix, whileStarting: options.whileStarting ?? false });
    }
    this.byFirstSegment = undefined;
    return this;
  }

  /** `starting`: only routes registered `whileStarting` match. `surface` of a 405 is the path's first route's. */
  match(method: string, pathname: string, starting = false): { route: Route; params: Record<string, string> } | { allowed: string[]; surface: string } | null {
    const parts = split(pathname);
    const allowed: string[] = [];
    let surface: string | undefined;
    for (const route of this.candidates(parts[0])) {
      if (starting && !route.whileStarting) continue;
      const params = matchSegments(route, parts);
      if (!params) continue;
      if (route.method === method || (method === 'HEAD' && route.method === 'GET')) return { route, params };
      allowed.push(route.method);
      surface ??= route.surface;
    }
    return allowed.length ? { allowed, surface: surface! } : null;
  }
}

function split(path: string): string[] {
  return path.split('/').filter((s) => s.length > 0);
}

function matchSegments(route: Route, parts: string[]): Record<string, string> | null {
  if (route.prefix ? parts.length < route.segments.length : parts.length !== route.segments.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < route.segments.length; i++) {
    const expected = route.segments[i]!;
    const actual = parts[i]!;
    if (expected.startsWith(':')) params[expected.slice(1)] = decodeSegment(actual);
    else if (expected !== actual) return null;
  }
  return params;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new BadPathEncodingError();
  }
}

export function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), ...headers });
  res.end(body);
}

export function sendText(res: ServerResponse, status: number, body: string, contentType = 'text/plain; charset=utf-8', headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body), ...headers });
  res.end(body);
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (declared > limit) {
      reject(new BodyTooLargeError(limit));
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let complete = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyTooLargeError(limit));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      complete = true;
      resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
    // A client that disconnects mid-body must not leave the handler waiting forever.
    req.on('close', () => {
      if (!complete) reject(new BodyIncompleteError());
    });
  });
}

export interface HttpServerOptions {
  maxBodyBytes: number;
  /** TRUST_PROXY entries: proxies whose X-Forwarded-For names the client (client-address.ts). */
  trustProxy?: readonly string[];
  /** While this returns true (the database is still being opened), requests get 503 (probe routes excepted). */
  starting?: () => boolean;
  /** Cross-origin access for the routes of CORS_SURFACES (cors.ts); absent: no CORS headers. */
  cors?: Cors;
}

/** A caller's X-Request-Id is echoed and logged, so only a plain token of up to 100 characters is kept. */
const REQUEST_ID = /^[A-Za-z0-9._:@\-]{1,100}$/;

export function createHttpServer(router: Router, options: HttpServerOptions): Server {
  const trust = compileTrust(options.trustProxy ?? []);
  return createServer((req, res) => {
    const started = process.hrtime.bigint();
    const offered = req.headers['x-request-id'];
    const requestId = typeof offered === 'string' && REQUEST_ID.test(offered) ? offered : randomUUID();
    const method = (req.method ?? 'GET').toUpperCase();
    const starting = options.starting?.() ?? false;
    // Nothing about the request target may throw past this point: a target URL cannot parse
    // (`//`-only authority forms, absolute-form with bad hosts) or a path parameter that does
    // not decode is a 400 with the request id, never an uncaught exception.
    let url = new URL('http://localhost/');
    let found: ReturnType<Router['match']> = null;
    let targetProblem: string | undefined;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
      found = router.match(method, url.pathname, starting);
    } catch (error) {
      targetProblem = error instanceof BadPathEncodingError ? error.message : 'the request target is not a valid URL';
    }
    const surface = found ? ('route' in found ? found.route.surface : found.surface) : 'none';
    const clientIp = clientAddress(req, trust);
    // At debug, a line as each request starts too: a request that never ends still shows up.
    if (logs('debug')) log('debug', 'request started', { requestId, method, path: url.pathname, surface, remote: clientIp });
    const scope = withQueryScope(async () => {
      res.setHeader('x-request-id', requestId);
      if (targetProblem) return sendJson(res, 400, { error: targetProblem, requestId });
      if (starting && !found) return sendJson(res, 503, { error: 'starting', requestId }, { 'retry-after': '1' });
      if (!found) return sendJson(res, 404, { error: `no route for ${url.pathname}`, requestId });
      // Preflights (OPTIONS, a 405 below) and actual requests alike.
      if (options.cors && CORS_SURFACES.has(surface) && options.cors.handle(req, res)) return;
      if ('allowed' in found) {
        return sendJson(res, 405, { error: `method ${method} not allowed`, requestId }, { allow: [...new Set(found.allowed)].join(', ') });
      }
      let cached: Promise<Buffer> | undefined;
      const ctx: RequestContext = {
        req,
        res,
        url,
        requestId,
        params: found.params,
        clientIp,
        body: () => (cached ??= readBody(req, options.maxBodyBytes)),
      };
      await found.route.handler(ctx);
    }, requestId);
    scope
      .run()
      .catch((error: unknown) => {
        if (error instanceof BodyTooLargeError) {
          if (!res.headersSent) sendJson(res, 413, { error: error.message, requestId });
          return;
        }
        if (error instanceof BodyIncompleteError) {
          if (!res.headersSent) sendJson(res, 400, { error: error.message, requestId });
          return;
        }
        if (isDatabaseUnavailable(error)) {
          logUnavailable(requestId, surface, error);
          if (!res.headersSent) sendJson(res, 503, { error: UNAVAILABLE_MESSAGE, requestId }, RETRY_AFTER_HEADER);
          else res.destroy();
          return;
        }
        // Internal detail goes to the log only; the client gets a plain message.
        log('error', 'unhandled error', { requestId, error: describeError(error) });
        if (!res.headersSent) sendJson(res, 500, { error: 'internal server error', requestId });
        else res.destroy();
      })
      .catch((error: unknown) => {
        // Even writing the error reply failed (socket gone): the request ends here, the process does not.
        log('error', 'could not answer a failed request', { requestId, error: describeError(error) });
        res.destroy();
      })
      .finally(() => {
        const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
        recordRequest(surface, res.statusCode, durationMs);
        log('info', 'request', {
          requestId,
          method,
          path: url.pathname,
          surface,
          status: res.statusCode,
          durationMs: Math.round(durationMs * 100) / 100,
          dbQueries: scope.queries(),
          remote: clientIp,
        });
      });
  });
}
