/**
 * The walk of a SIMPLer call, shared by SOAP and REST: authenticate the API user (credentials,
 * access list, operator), validate the arguments against the catalogue entry, run it on the
 * services. Application errors come back as SIMPLer's error text; faults propagate.
 */
import type { Database } from '../../db/client';
import { readArgs, refuseUnstorableText, type RawArgs } from '../catalog/args';
import { reportIgnored } from '../catalog/ignored';
import type { LegacyOperation, OperationResult } from '../catalog/operation';
import { authenticateApiCredential } from '../../tenancy/auth.service';
import { isApplicationError, simplerErrorText } from './errors';
import { recordLegacyOperation } from '../../server/metrics';

/** Parameters every operation takes, consumed here before the entry's own are read. */
export const AUTH_PARAMS = ['api_username', 'api_password', 'operator'] as const;
const AUTH_SET: ReadonlySet<string> = new Set(AUTH_PARAMS);

export interface CallInfo {
  clientIp: string;
  idempotencyKey?: string | undefined;
  surface: 'soap' | 'rest';
  requestId?: string;
  /** Receives the names of ignored unknown parameters, for the reply header. */
  onIgnored?: (names: readonly string[]) => void;
}

export async function invokeSimpler(db: Database, op: LegacyOperation, raw: RawArgs, call: CallInfo): Promise<OperationResult> {
  recordLegacyOperation('simpler', op.name);
  try {
    refuseUnstorableText(raw);
    const username = single(raw, 'api_username');
    const { actor, strictParameters } = await authenticateApiCredential(db, {
      username,
      password: single(raw, 'api_password'),
      operatorCode: single(raw, 'operator') || undefined,
      clientIp: call.clientIp,
      surface: call.surface,
      requestId: call.requestId,
    });
    const args = readArgs(op, raw, AUTH_SET, { strict: strictParameters });
    reportIgnored(op, args, { dialect: 'simpler', caller: username, requestId: call.requestId, onIgnored: call.onIgnored });
    return await op.run({ db, actor, clientIp: call.clientIp, idempotencyKey: call.idempotencyKey }, args);
  } catch (error) {
    if (isApplicationError(error)) return simplerErrorText(error, op);
    throw error;
  }
}

function single(raw: RawArgs, name: string): string {
  for (const [key, value] of raw) {
    if (key.toLowerCase() === name) return typeof value === 'string' ? value : '';
  }
  return '';
}
