/**
 * The walk of an M4 call: authenticate the signed request (`u` + the operation's parameters,
 * SHA1 with the operator's API secret), validate the arguments against the catalogue entry, run
 * it on the services. Application errors come back as the documented `<error>` reply.
 */
import type { Database } from '../../db/client';
import { authenticateM4Request } from '../../tenancy/auth.service';
import { readArgs, refuseUnstorableText, type RawArgs } from '../catalog/args';
import { reportIgnored } from '../catalog/ignored';
import type { LegacyOperation } from '../catalog/operation';
import { isApplicationError } from '../simpler/errors';
import type { XmlElement } from '../xml/write';
import { m4ErrorDocument, m4ErrorText } from './errors';
import { recordLegacyOperation } from '../../server/metrics';

/** Parameters every M4 call takes, consumed here before the entry's own are read. */
const AUTH_SET: ReadonlySet<string> = new Set(['u', 'hash']);

export interface M4Call {
  method: 'GET' | 'POST';
  clientIp: string;
  requestId?: string;
  /** Receives the names of ignored unknown parameters, for the reply header. */
  onIgnored?: (names: readonly string[]) => void;
}

/** The reply document: the operation's XML, or an error page. */
export async function invokeM4(db: Database, op: LegacyOperation, raw: RawArgs, call: M4Call): Promise<XmlElement> {
  recordLegacyOperation('m4', op.name);
  try {
    refuseUnstorableText(raw);
    const actor = await authenticateM4Request(db, {
      username: single(raw, 'u'),
      // The signature covers `u` and then the operation's parameters in documented order,
      // whatever order the request lists them in.
      hashedValues: [single(raw, 'u'), ...op.params.map((p) => single(raw, p.name))],
      hash: single(raw, 'hash'),
      method: call.method,
      clientIp: call.clientIp,
      requestId: call.requestId,
    });
    // M4 signs with the operator's secret, not an api credential: it has no strict mode. An
    // ignored name is outside the signature too (it covers the documented parameters only).
    const args = readArgs(op, raw, AUTH_SET);
    reportIgnored(op, args, { dialect: 'm4', caller: `u ${single(raw, 'u')}`, requestId: call.requestId, onIgnored: call.onIgnored });
    const result = await op.run({ db, actor, clientIp: call.clientIp }, args);
    if (typeof result === 'string' || !result.xml) throw new Error(`M4 operation ${op.name} returned no XML`);
    return result.xml;
  } catch (error) {
    if (isApplicationError(error)) return m4ErrorDocument(m4ErrorText(error));
    throw error;
  }
}

/** A parameter's text as sent (names match case-insensitively); empty when absent or a list. */
function single(raw: RawArgs, name: string): string {
  const wanted = name.toLowerCase();
  for (const [key, value] of raw) {
    if (key.toLowerCase() === wanted) return typeof value === 'string' ? value : '';
  }
  return '';
}
