/**
 * The walk of a CRM call: authenticate `userid` + `api_key` (a CRM api credential of one
 * operator's staff user), validate the arguments against the catalogue entry, run it on the
 * services. Domain errors become `{ result: null, error }` replies.
 */
import type { Database } from '../../db/client';
import { UnauthenticatedError } from '../../shared/errors';
import { authenticateCrmKey } from '../../tenancy/auth.service';
import { readArgs, refuseUnstorableText, type RawArgs } from '../catalog/args';
import { reportIgnored } from '../catalog/ignored';
import type { LegacyOperation } from '../catalog/operation';
import { isApplicationError } from '../simpler/errors';
import { crmErrorReply, type CrmReply } from './envelope';
import { recordLegacyOperation } from '../../server/metrics';

/** Parameters every call takes, consumed here before the entry's own are read. */
export const CRM_AUTH_PARAMS = ['userid', 'api_key'] as const;
const AUTH_SET: ReadonlySet<string> = new Set(CRM_AUTH_PARAMS);

export interface CrmCall {
  clientIp: string;
  idempotencyKey?: string | undefined;
  requestId?: string;
  /** Receives the names of ignored unknown parameters, for the reply header. */
  onIgnored?: (names: readonly string[]) => void;
}

export async function invokeCrm(db: Database, op: LegacyOperation, raw: RawArgs, call: CrmCall): Promise<CrmReply> {
  recordLegacyOperation('crm', op.name);
  try {
    refuseUnstorableText(raw);
    const userId = single(raw, 'userid');
    const apiKey = single(raw, 'api_key');
    if (!userId || !apiKey) throw new UnauthenticatedError('userid and api_key are required');
    const { actor, strictParameters } = await authenticateCrmKey(db, { userId, apiKey, clientIp: call.clientIp, requestId: call.requestId });
    const args = readArgs(op, raw, AUTH_SET, { strict: strictParameters });
    reportIgnored(op, args, { dialect: 'crm', caller: `userid ${userId}`, requestId: call.requestId, onIgnored: call.onIgnored });
    const result = await op.run({ db, actor, clientIp: call.clientIp, idempotencyKey: call.idempotencyKey }, args);
    if (typeof result === 'string') return { result, error: null };
    return result.json as CrmReply;
  } catch (error) {
    if (isApplicationError(error)) return crmErrorReply(error);
    throw error;
  }
}

function single(raw: RawArgs, name: string): string {
  for (const [key, value] of raw) {
    if (key.toLowerCase() === name) return typeof value === 'string' ? value.trim() : '';
  }
  return '';
}
