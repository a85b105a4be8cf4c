/**
 * Change-of-Authorization for a customer's live session (Jaze E31 coa_request), spoken as RFC
 * 5176 over UDP: a CoA-Request to the NAS the customer's open accounting session reports from,
 * identifying the session (User-Name, Acct-Session-Id, Framed-IP-Address, NAS-IP-Address) and
 * carrying the attributes to change, signed with the NAS's shared secret (Request
 * Authenticator and Message-Authenticator). Success is a CoA-ACK, and only that: a CoA-NAK is
 * reported with its Error-Cause, silence (after the retries) as no answer.
 *
 * Where the request goes: the session's NAS-IP-Address (`radacct.nasipaddress` of the newest
 * row without a stop time). Its CoA port and secret come from the gateway whose NAS-IP-Address
 * it is (`gateways.coa_port`, `gateways.coa_secret`), else port 3799 and the FreeRADIUS client
 * secret of the `nas` row for that address (`nas` has no CoA port column; `ports` there is the
 * NAS's port count, not a UDP port).
 */
import { and, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { randomInt } from 'node:crypto';
import { radiusSettings } from '../config';
import { audit } from '../shared/audit';
import type { ServiceContext } from '../shared/context';
import { PreconditionFailedError, Validation } from '../shared/errors';
import * as customerService from '../customers/customer.service';
import { gateways } from '../network/gateway.table';
import { exchange, RadiusTimeoutError } from './protocol/client';
import { ATTR, encodeAttribute, ERROR_CAUSES, lookupAttribute } from './protocol/dictionary';
import { attribute, firstValue, isIpv4, MESSAGE_AUTHENTICATOR, RadiusCode, RadiusFormatError, readUint32, signHashedRequest, type RadiusAttribute } from './protocol/packet';
import { nas } from './nas.table';
import { radacct } from './radacct.table';
import { usernamesOf } from './radius-account.service';
import { authorize } from '../tenancy/permissions';

/** RFC 5176 §3: the NAS's default CoA port. */
export const DEFAULT_COA_PORT = 3799;

export interface CoaAttributeInput {
  /** An attribute name (dictionary.ts), e.g. `Mikrotik-Rate-Limit`, `Session-Timeout`, `Attr-26.14988.8`. */
  attribute: string;
  value: string;
}

export interface CoaInput {
  customerId: number;
  attributes: CoaAttributeInput[];
}

export interface CoaResult {
  nas: string;
  port: number;
  username: string | null;
  sessionId: string;
  attempts: number;
}

interface OpenSession {
  username: string | null;
  sessionId: string;
  nasAddress: string;
  framedAddress: string | null;
}

/** The attributes to send, checked against the dictionary; every problem is reported at once. */
function requestedAttributes(input: CoaAttributeInput[], v: Validation): RadiusAttribute[] {
  if (input.length === 0) v.add('attributes', 'at least one attribute to change is required');
  const out: RadiusAttribute[] = [];
  input.forEach((item, i) => {
    const at = (field: string) => ['attributes', String(i), field];
    const name = item.attribute?.trim() ?? '';
    if (!name) return void v.add(at('attribute'), 'attribute is required');
    if (item.value == null || item.value === '') return void v.add(at('value'), `a value for ${name} is required`);
    const definition = lookupAttribute(name);
    if (!definition) return void v.add(at('attribute'), `unknown RADIUS attribute "${name}" (name it as Attr-<type> or Attr-26.<vendor>.<type> if the dictionary lacks it)`);
    if (definition.vendorId === 0 && (definition.type === MESSAGE_AUTHENTICATOR || definition.type === 26)) return void v.add(at('attribute'), `${definition.name} cannot be set`);
    try {
      out.push(encodeAttribute(definition, item.value));
    } catch (error) {
      if (!(error instanceof RadiusFormatError)) throw error;
      v.add(at('value'), error.message);
    }
  });
  return out;
}

/** The customer's newest accounting session without a stop time. */
async function openSession(ctx: ServiceContext, customerId: number): Promise<OpenSession | null> {
  const operatorId = ctx.actor.operatorId;
  const usernames = await usernamesOf(ctx.db, operatorId, customerId);
  // rlm_sql inserts sessions without a customer; they are attributed by username afterwards
  const owned = usernames.length ? or(eq(radacct.customerId, customerId), inArray(radacct.username, usernames)) : eq(radacct.customerId, customerId);
  const [row] = await ctx.db
    .select({
      username: radacct.username,
      sessionId: radacct.acctsessionid,
      nasAddress: sql<string>`host(${radacct.nasipaddress})`,
      framedAddress: sql<string | null>`host(${radacct.framedipaddress})`,
    })
    .from(radacct)
    .where(and(eq(radacct.operatorId, operatorId), owned, isNull(radacct.acctstoptime)))
    .orderBy(sql`${radacct.acctstarttime} desc nulls last`, desc(radacct.radacctid))
    .limit(1);
  return row ?? null;
}

/** The CoA port and shared secret of the NAS at `address`. */
async function coaEndpoint(ctx: ServiceContext, address: string): Promise<{ port: number; secret: string | null }> {
  const operatorId = ctx.actor.operatorId;
  const [gateway] = await ctx.db
    .select({ port: gateways.coaPort, secret: gateways.coaSecret })
    .from(gateways)
    .where(and(eq(gateways.operatorId, operatorId), sql`host(${gateways.nasIpAddress}) = ${address}`))
    .orderBy(gateways.id)
    .limit(1);
  if (gateway?.secret) return { port: gateway.port, secret: gateway.secret };
  const [client] = await ctx.db
    .select({ secret: nas.secret })
    .from(nas)
    .where(and(eq(nas.operatorId, operatorId), eq(nas.nasname, address)));
  return { port: gateway?.port ?? DEFAULT_COA_PORT, secret: client?.secret || null };
}

/** The attributes that tell the NAS which session is meant (RFC 5176 §3). */
function sessionIdentification(session: OpenSession): RadiusAttribute[] {
  const out: RadiusAttribute[] = [];
  if (session.username) out.push(attribute.text(ATTR.UserName, session.username));
  out.push(attribute.text(ATTR.AcctSessionId, session.sessionId));
  if (session.framedAddress && isIpv4(session.framedAddress)) out.push(attribute.ipv4(ATTR.FramedIpAddress, session.framedAddress));
  if (isIpv4(session.nasAddress)) out.push(attribute.ipv4(ATTR.NasIpAddress, session.nasAddress));
  return out;
}

function refused(message: string, field: string[] = []): PreconditionFailedError {
  return new PreconditionFailedError(message, [{ field, message, code: 'PRECONDITION_FAILED' }]);
}

/**
 * Sends a CoA-Request for the customer's open session and waits for the NAS's answer.
 * Resolves on CoA-ACK; otherwise throws PRECONDITION_FAILED saying what the NAS answered (the
 * NAK's Error-Cause) or that it did not answer. Every exchange is audited, answered or not.
 */
export async function requestCoa(ctx: ServiceContext, input: CoaInput): Promise<CoaResult> {
  authorize(ctx.actor, 'network.write');
  await customerService.getById(ctx, input.customerId);
  const v = new Validation();
  const changes = requestedAttributes(input.attributes ?? [], v);
  v.throwIfAny();

  const session = await openSession(ctx, input.customerId);
  if (!session) throw refused(`customer ${input.customerId} has no open RADIUS session to change`, ['customerId']);
  const endpoint = await coaEndpoint(ctx, session.nasAddress);
  if (!endpoint.secret) throw refused(`no CoA secret is known for the NAS ${session.nasAddress}: set the CoA secret of its gateway or add it as a RADIUS client (nas)`);

  const settings = radiusSettings();
  const request = signHashedRequest(
    { code: RadiusCode.CoaRequest, identifier: randomInt(0, 256), attributes: [...sessionIdentification(session), ...changes] },
    endpoint.secret,
    { messageAuthenticator: true },
  );
  const target = `${session.nasAddress}:${endpoint.port}`;
  const record = (outcome: string, details: Record<string, unknown> = {}) =>
    audit(ctx.db, ctx.actor, 'customer.coa', 'customer', input.customerId, { nas: target, sessionId: session.sessionId, attributes: input.attributes, outcome, ...details });

  let answer;
  try {
    answer = await exchange({ host: session.nasAddress, port: endpoint.port, secret: endpoint.secret, request, timeoutMs: settings.timeoutMs, retries: settings.retries });
  } catch (error) {
    const reason = error instanceof RadiusTimeoutError ? error.message : `sending to ${target} failed: ${(error as Error).message}`;
    await record('no answer', { reason });
    throw refused(`the CoA request was not confirmed: ${reason}`);
  }
  const { reply, attempts } = answer;
  if (reply.code === RadiusCode.CoaAck) {
    await record('ack', { attempts });
    return { nas: session.nasAddress, port: endpoint.port, username: session.username, sessionId: session.sessionId, attempts };
  }
  if (reply.code === RadiusCode.CoaNak) {
    const cause = readUint32(firstValue(reply, ATTR.ErrorCause));
    const message = firstValue(reply, ATTR.ReplyMessage)?.toString('utf8');
    const why = cause === undefined ? 'no Error-Cause given' : `Error-Cause ${cause}${ERROR_CAUSES[cause] ? ` (${ERROR_CAUSES[cause]})` : ''}`;
    await record('nak', { errorCause: cause ?? null, attempts });
    throw refused(`the NAS ${session.nasAddress} refused the CoA request: ${why}${message ? `: ${message}` : ''}`);
  }
  await record('unexpected reply', { code: reply.code });
  throw refused(`the NAS ${session.nasAddress} answered the CoA request with packet code ${reply.code}, not CoA-ACK or CoA-NAK`);
}
