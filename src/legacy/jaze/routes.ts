/**
 * The Jaze ISP manager API v1 routes, one per catalogue entry route (`/api/v1/…`). Application
 * errors answer HTTP 200 with a failure envelope, as Jaze clients read `status`/`errorCode`;
 * unreadable requests answer 400, faults 500, an unavailable database 503 (errorCode 503), all
 * in the same envelope.
 */
import { idempotencyKeyFrom } from '../../idempotency/http';
import type { Database } from '../../db/client';
import { BodyTooLargeError, sendJson, type RequestContext, type Router } from '../../server/http';
import { isDatabaseUnavailable, logUnavailable, RETRY_AFTER_HEADER, UNAVAILABLE_MESSAGE } from '../../availability';
import { log } from '../../server/logger';
import { describeError } from '../../shared/describe-error';
import { ignoredHeaderOn } from '../catalog/ignored';
import type { LegacyOperation } from '../catalog/operation';
import { readRequestArgs, RequestFormatError } from '../rest/request-args';
import { JAZE_OPERATIONS } from './catalogue';
import { invokeJaze } from './invoke';

export function registerJaze(router: Router, db: Database): void {
  for (const op of JAZE_OPERATIONS) {
    for (const route of op.routes ?? []) router.add(route.method, route.path, 'jaze', (ctx) => handle(ctx, db, op));
  }
}

async function handle(ctx: RequestContext, db: Database, op: LegacyOperation): Promise<void> {
  const fail = (status: number, message: string) => sendJson(ctx.res, status, { status: 'failure', errorCode: status, message });
  let raw;
  try {
    raw = await readRequestArgs(ctx);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return fail(413, error.message);
    if (error instanceof RequestFormatError) return fail(400, error.message);
    throw error;
  }
  try {
    sendJson(ctx.res, 200, await invokeJaze(db, op, raw, {
        authorization: ctx.req.headers.authorization,
        clientIp: ctx.clientIp,
        requestId: ctx.requestId,
        idempotencyKey: idempotencyKeyFrom(ctx.req.headers),
        onIgnored: ignoredHeaderOn(ctx.res),
      }));
  } catch (error) {
    if (isDatabaseUnavailable(error)) {
      logUnavailable(ctx.requestId, 'jaze', error);
      return sendJson(ctx.res, 503, { status: 'failure', errorCode: 503, message: UNAVAILABLE_MESSAGE }, RETRY_AFTER_HEADER);
    }
    log('error', 'jaze operation failed', { requestId: ctx.requestId, error: describeError(error) });
    fail(500, `internal error (request id ${ctx.requestId})`);
  }
}
