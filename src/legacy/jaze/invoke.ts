/**
 * The walk of a Jaze call: authenticate the API token (`Authorization: Bearer` or an `api_key`
 * parameter; tokens belong to one operator's staff user), validate the arguments against the
 * catalogue entry, run it on the services. Domain errors become Jaze failure envelopes.
 */
import type { Database } from '../../db/client';
import { UnauthenticatedError } from '../../shared/errors';
import { authenticateBearer, bearerFrom } from '../../tenancy/auth.service';
import { readArgs, refuseUnstorableText, type RawArgs } from '../catalog/args';
import { reportIgnored } from '../catalog/ignored';
import type { LegacyOperation } from '../catalog/operation';
import { isApplicationError } from '../simpler/errors';
import { jazeFailure } from './envelope';
import { recordLegacyOperation } from '../../server/metrics';

const AUTH_SET: ReadonlySet<string> = new Set(['api_key']);

export interface JazeCall {
  authorization?: string;
  clientIp: string;
  idempotencyKey?: string | undefined;
  requestId?: string;
  /** Receives the names of ignored unknown parameters, for the reply header. */
  onIgnored?: (names: readonly string[]) => void;
}

/** The reply body: the operation's JSON, or a failure envelope. */
export async function invokeJaze(db: Database, op: LegacyOperation, raw: RawArgs, call: JazeCall): Promise<unknown> {
  recordLegacyOperation('jaze', op.name);
  try {
    refuseUnstorableText(raw);
    const apiKey = raw.get('api_key');
    const token = bearerFrom(call.authorization) ?? (typeof apiKey === 'string' ? apiKey : undefined);
    if (!token) throw new UnauthenticatedError('an API token is required: send Authorization: Bearer <token> or api_key');
    const actor = await authenticateBearer(db, token, { surface: 'jaze', clientIp: call.clientIp, requestId: call.requestId });
    if (!actor) throw new UnauthenticatedError('invalid or expired API token');
    // Jaze tokens are API tokens (api_tokens), not api_credentials: they have no strict mode.
    const args = readArgs(op, raw, AUTH_SET);
    reportIgnored(op, args, { dialect: 'jaze', caller: `api_token:${actor.credential?.id ?? '?'}`, requestId: call.requestId, onIgnored: call.onIgnored });
    const result = await op.run({ db, actor, clientIp: call.clientIp, idempotencyKey: call.idempotencyKey }, args);
    if (typeof result === 'string') return { status: 'success', errorCode: 200, message: result };
    return result.json;
  } catch (error) {
    if (isApplicationError(error)) return jazeFailure(error);
    throw error;
  }
}
