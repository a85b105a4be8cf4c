/**
 * Cross-origin access (CORS) for the routes a web page may call: GraphQL and the JSON REST
 * dialects (SIMPLer REST, Jaze, CRM). SOAP, M4's XML and the system routes are for scripts and
 * scrapers, never for pages, so they send no CORS headers at all.
 *
 * The headers themselves come from the `cors` package (Express's, but a plain
 * (req, res, next) function that works on node:http); what it cannot do is send nothing to an
 * origin that is not allowed — it writes Allow-Methods/Allow-Headers/Max-Age on every
 * preflight — so the allow-list is decided here and the package runs only for listed origins.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import cors from 'cors';

/** Route surfaces (http.ts Route.surface) that answer cross-origin requests from listed origins. */
export const CORS_SURFACES: ReadonlySet<string> = new Set(['graphql', 'rest', 'jaze', 'crm']);

export const CORS_ALLOWED_HEADERS = ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Request-Id'];
export const CORS_EXPOSED_HEADERS = ['X-Request-Id', 'Retry-After', 'X-Ignored-Parameters'];
/** Seconds a browser may reuse a preflight's answer (Chromium caps it at 7200). */
export const CORS_MAX_AGE = 600;

export interface Cors {
  /**
   * Adds the CORS headers a request from an allowed origin gets. A preflight (OPTIONS with
   * Access-Control-Request-Method) is answered here, allowed or not, and `true` is returned;
   * otherwise the request goes on to its route.
   */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
}

/** `origins`: exact origins (`https://app.example.com`), or `*` for any. Empty: no cross-origin access. */
export function createCors(origins: readonly string[]): Cors {
  const any = origins.includes('*');
  const listed = new Set(origins);
  // `origin: true` reflects the caller's Origin (with Vary: Origin): even under `*`, so a
  // shared cache never hands one origin's answer to another.
  const middleware = cors({
    origin: true,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: CORS_ALLOWED_HEADERS,
    exposedHeaders: CORS_EXPOSED_HEADERS,
    maxAge: CORS_MAX_AGE,
    optionsSuccessStatus: 204,
    preflightContinue: false,
  });
  return {
    handle(req, res) {
      const origin = req.headers.origin;
      const preflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
      if (origin === undefined) return false;
      // The answer depends on Origin whether or not it is listed.
      res.setHeader('vary', 'Origin');
      if (any || listed.has(origin)) {
        let next = false;
        middleware(req, res, () => (next = true));
        return !next;
      }
      if (!preflight) return false;
      // An unlisted origin's preflight: an empty answer without CORS headers, which the browser takes as a refusal.
      res.writeHead(204, { 'content-length': '0' });
      res.end();
      return true;
    },
  };
}
