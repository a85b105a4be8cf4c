/**
 * The Kolmisoft M4 routes, one per catalogue entry route (`/billing/api/…`, and `/api/…` as the
 * document's usage line writes it). Every reply is XML with HTTP 200, as M4 clients read
 * `<error>`; unreadable requests answer 400/413, faults 500 and an unavailable database 503, in the
 * same error shape.
 */
import type { Database } from '../../db/client';
import { BodyTooLargeError, sendText, type RequestContext, type Router } from '../../server/http';
import { isDatabaseUnavailable, logUnavailable, RETRY_AFTER_HEADER, UNAVAILABLE_MESSAGE } from '../../availability';
import { log } from '../../server/logger';
import { describeError } from '../../shared/describe-error';
import { ignoredHeaderOn } from '../catalog/ignored';
import type { LegacyOperation } from '../catalog/operation';
import { readRequestArgs, RequestFormatError } from '../rest/request-args';
import { xmlDocument, type XmlElement } from '../xml/write';
import { M4_OPERATIONS } from './catalogue';
import { m4ErrorDocument } from './errors';
import { invokeM4 } from './invoke';

const XML_TYPE = 'application/xml; charset=utf-8';

export function registerM4(router: Router, db: Database): void {
  for (const op of M4_OPERATIONS) {
    for (const route of op.routes ?? []) router.add(route.method, route.path, 'm4', (ctx) => handle(ctx, db, op));
  }
}

async function handle(ctx: RequestContext, db: Database, op: LegacyOperation): Promise<void> {
  const reply = (status: number, document: XmlElement, headers?: Record<string, string>) => sendText(ctx.res, status, xmlDocument(document), XML_TYPE, headers);
  let raw;
  try {
    raw = await readRequestArgs(ctx);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return reply(413, m4ErrorDocument(error.message));
    if (error instanceof RequestFormatError) return reply(400, m4ErrorDocument(error.message));
    throw error;
  }
  // HEAD is answered by GET routes and is a GET for the "Allow GET API" setting.
  const method = ctx.req.method === 'POST' ? 'POST' : 'GET';
  try {
    reply(200, await invokeM4(db, op, raw, { method, clientIp: ctx.clientIp, requestId: ctx.requestId, onIgnored: ignoredHeaderOn(ctx.res) }));
  } catch (error) {
    if (isDatabaseUnavailable(error)) {
      logUnavailable(ctx.requestId, 'm4', error);
      return reply(503, m4ErrorDocument(UNAVAILABLE_MESSAGE), RETRY_AFTER_HEADER);
    }
    log('error', 'm4 operation failed', { requestId: ctx.requestId, error: describeError(error) });
    reply(500, m4ErrorDocument(`internal error (request id ${ctx.requestId})`));
  }
}
