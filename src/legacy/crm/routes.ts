/**
 * The ISP CRM routes, one per catalogue entry route (`POST /api/plan/…`, `/api/reseller/…`).
 * Application errors answer HTTP 200 with `{ result: null, error }`, as CRM clients read the
 * `error` field; unreadable bodies answer 400, faults 500 and an unavailable database 503, in the same
 * envelope.
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
import { CRM_OPERATIONS } from './catalogue';
import { crmFailure } from './envelope';
import { invokeCrm } from './invoke';

export function registerCRM(router: Router, db: Database): void {
  for (const op of CRM_OPERATIONS) {
    for (const route of op.routes ?? []) router.add(route.method, route.path, 'crm', (ctx) => handle(ctx, db, op));
  }
}

async function handle(ctx: RequestContext, db: Database, op: LegacyOperation): Promise<void> {
  let raw;
  try {
    raw = await readRequestArgs(ctx);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return sendJson(ctx.res, 413, crmFailure(error.message));
    if (error instanceof RequestFormatError) return sendJson(ctx.res, 400, crmFailure(error.message));
    throw error;
  }
  try {
    sendJson(ctx.res, 200, await invokeCrm(db, op, raw, {
      clientIp: ctx.clientIp,
      requestId: ctx.requestId,
      idempotencyKey: idempotencyKeyFrom(ctx.req.headers),
      onIgnored: ignoredHeaderOn(ctx.res),
    }));
  } catch (error) {
    if (isDatabaseUnavailable(error)) {
      logUnavailable(ctx.requestId, 'crm', error);
      return sendJson(ctx.res, 503, crmFailure(UNAVAILABLE_MESSAGE), RETRY_AFTER_HEADER);
    }
    log('error', 'crm operation failed', { requestId: ctx.requestId, error: describeError(error) });
    sendJson(ctx.res, 500, crmFailure(`internal error (request id ${ctx.requestId})`));
  }
}
