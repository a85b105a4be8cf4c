/**
 * The SIMPLer OperatorAPI over REST/JSON, as its document shows: `POST /API/<operation>` and
 * `POST /restapi/API/<operation>` with a JSON (or form-encoded) body, `/restapi/<operation>`,
 * and REST-style resource routes (`GET/POST/PUT/DELETE /restapi/<resource>`), the last two also
 * at the root (`PUT /customer`, `POST /listRadiusSessions`): the document's General section says
 * they are "available under / folder" and writes `PUT server.azotel.com/customer`, `server`
 * being its host. Replies are `{ "ip": <caller>, "result": … }`: the operation's string, or its
 * document as JSON.
 */
import { idempotencyKeyFrom } from '../../idempotency/http';
import type { Database } from '../../db/client';
import { BodyTooLargeError, sendJson, type RequestContext, type Router } from '../../server/http';
import { isDatabaseUnavailable, logUnavailable, RETRY_AFTER_HEADER, UNAVAILABLE_MESSAGE } from '../../availability';
import { log } from '../../server/logger';
import { describeError } from '../../shared/describe-error';
import type { RawArgs } from '../catalog/args';
import { ignoredHeaderOn } from '../catalog/ignored';
import type { LegacyOperation, ResourceRoute } from '../catalog/operation';
import { SIMPLER_OPERATIONS, findSimplerOperation } from '../simpler/catalogue';
import { invokeSimpler } from '../simpler/invoke';
import { readRequestArgs, RequestFormatError } from './request-args';

export function registerOperatorApiRest(router: Router, db: Database): void {
  for (const prefix of ['/API', '/restapi/API']) {
    router.add(['GET', 'POST'], `${prefix}/:operation`, 'rest', (ctx) => {
      const op = findSimplerOperation(ctx.params.operation!);
      if (!op) return reply(ctx, 404, `ERROR: unknown operation ${ctx.params.operation}`);
      return handle(ctx, db, op);
    });
  }
  for (const [key, op] of resourceRoutes(SIMPLER_OPERATIONS)) {
    const [method, resource] = key.split(' ') as [string, string];
    for (const path of resourcePaths(resource)) router.add(method, path, 'rest', (ctx) => handle(ctx, db, op));
  }
}

/**
 * First path segments other surfaces own. Routes match in registration order and the legacy
 * surfaces register before GraphQL and the OpenAPI pages, so a root resource with one of these
 * names would take their requests (or turn their other methods into 405s): refused at start-up.
 */
export const RESERVED_ROOT_SEGMENTS: ReadonlySet<string> = new Set([
  '', 'graphql', 'graphiql', 'healthz', 'livez', 'readyz', 'metrics', 'openapi.json', 'docs', 'favicon.svg', 'favicon.ico', 'api', 'restapi', 'billing',
]);

/** Where a resource answers: under `/restapi/` and at the root. */
export function resourcePaths(resource: string): string[] {
  if (RESERVED_ROOT_SEGMENTS.has(resource.toLowerCase())) throw new Error(`SIMPLer resource /${resource} would shadow another surface's route`);
  return [`/restapi/${resource}`, `/${resource}`];
}

/**
 * Every operation answers at `/restapi/<name>` (GET and POST), plus its resource routes: the
 * ones its entry declares, or by its verb: add → POST, modify/update → PUT, delete → DELETE,
 * get/list/search → GET on the noun (`modifyCustomer` → PUT /restapi/customer).
 */
export function resourceRoutes(operations: readonly LegacyOperation[]): Map<string, LegacyOperation> {
  const routes = new Map<string, LegacyOperation>();
  const claim = (route: ResourceRoute, op: LegacyOperation, explicit: boolean) => {
    const key = `${route.method} ${route.resource}`;
    const holder = routes.get(key);
    if (holder && holder !== op) {
      if (explicit) throw new Error(`${op.name} and ${holder.name} both claim ${key}`);
      return;
    }
    routes.set(key, op);
  };
  for (const op of operations) {
    claim({ method: 'GET', resource: op.name }, op, true);
    claim({ method: 'POST', resource: op.name }, op, true);
    for (const route of op.resources ?? []) claim(route, op, true);
  }
  for (const op of operations) {
    const derived = derivedResource(op.name);
    if (derived) claim(derived, op, false);
  }
  return routes;
}

function derivedResource(name: string): ResourceRoute | undefined {
  const match = /^(add|modify|update|delete|get|list|search)([A-Z].*)$/.exec(name);
  if (!match) return undefined;
  const method = ({ add: 'POST', modify: 'PUT', update: 'PUT', delete: 'DELETE' } as const)[match[1] as 'add'] ?? 'GET';
  return { method, resource: lowerCamel(match[2]!) };
}

/** `Customer` → `customer`, `GPSdetails` → `gpsdetails`, `CPEData` → `cpeData`. */
function lowerCamel(noun: string): string {
  const acronym = /^(IP|CPE|EFT|GPS|RADIUS)/.exec(noun);
  if (acronym) return acronym[0].toLowerCase() + noun.slice(acronym[0].length);
  return noun[0]!.toLowerCase() + noun.slice(1);
}

async function handle(ctx: RequestContext, db: Database, op: LegacyOperation): Promise<void> {
  let raw: RawArgs;
  try {
    raw = await readRequestArgs(ctx, { pathParams: false });
  } catch (error) {
    if (error instanceof BodyTooLargeError) return reply(ctx, 413, `ERROR: ${error.message}`);
    if (error instanceof RequestFormatError) return reply(ctx, 400, `ERROR: ${error.message}`);
    throw error;
  }
  try {
    const result = await invokeSimpler(db, op, raw, {
      clientIp: ctx.clientIp,
      surface: 'rest',
      requestId: ctx.requestId,
      idempotencyKey: idempotencyKeyFrom(ctx.req.headers),
      onIgnored: ignoredHeaderOn(ctx.res),
    });
    reply(ctx, 200, typeof result === 'string' ? result : result.json);
  } catch (error) {
    if (isDatabaseUnavailable(error)) {
      logUnavailable(ctx.requestId, 'rest', error);
      return reply(ctx, 503, `ERROR: ${UNAVAILABLE_MESSAGE}`, RETRY_AFTER_HEADER);
    }
    log('error', 'rest operation failed', { requestId: ctx.requestId, error: describeError(error) });
    reply(ctx, 500, `ERROR: internal error (request id ${ctx.requestId})`);
  }
}

function reply(ctx: RequestContext, status: number, result: unknown, headers?: Record<string, string>): void {
  sendJson(ctx.res, status, { ip: ctx.clientIp, result }, headers);
}
