/**
 * Authentication of every surface's callers: bearer tokens (GraphQL, Jaze), SIMPLer api
 * credentials, CRM keys and M4 signatures. A token acts as its staff user inside that user's
 * operator; revoked or expired tokens and inactive users are refused the same way as unknown
 * tokens, so a caller learns nothing about which it was. Every check runs under the login
 * throttle (src/throttle): a client address that keeps failing is refused with
 * TooManyAttemptsError before any secret is looked at.
 */
import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import { and, eq, gt, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client';
import type { Actor, StaffRole, Surface } from '../shared/context';
import { decoyPasswordHash, safeEqual, sha256Hex, verifySecret } from '../shared/secrets';
import { throttledLogin } from '../throttle';
import { DomainError, ForbiddenError, UnauthenticatedError } from '../shared/errors';
import { apiCredentials } from './api-credential.table';
import { ipAccessRules } from './ip-access.table';
import { apiTokens } from './api-token.table';
import { operators } from './operator.table';
import { staffUsers } from './staff-user.table';

export interface BearerCall {
  surface: Surface;
  clientIp: string;
  requestId?: string;
}

/**
 * The actor of a bearer token, or null when the token is not valid. Throws TooManyAttemptsError
 * when the caller's address (or this token from it) failed too often.
 */
export async function authenticateBearer(db: Database, token: string, call: BearerCall): Promise<Actor | null> {
  if (!token || token.length > 512) return null;
  try {
    // A token is its own identifier; only its digest reaches the throttle's keys.
    return await throttledLogin({ kind: 'bearer', identifier: token, clientIp: call.clientIp }, async () => {
      const actor = await findBearer(db, token, call);
      if (!actor) throw new UnauthenticatedError('invalid or expired API token');
      return actor;
    });
  } catch (error) {
    if (error instanceof UnauthenticatedError) return null;
    throw error;
  }
}

/** Every condition a bearer token must meet; findBearer and bearerStillValid share them. */
function validBearer(token: string): SQL {
  return and(
    eq(apiTokens.tokenHash, sha256Hex(token)),
    isNull(apiTokens.revokedAt),
    or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, sql`now()`)),
    eq(staffUsers.active, true),
    isNull(operators.deletedAt),
  )!;
}

/**
 * The token's actor, in one statement that also records the token's use: `last_used_at` is
 * written at most once a minute per token (a data-modifying CTE, so the bearer check costs
 * no extra statement, and a busy token no write per request).
 */
async function findBearer(db: Database, token: string, call: BearerCall): Promise<Actor | null> {
  const found = db
    .select({
      tokenId: sql<number>`${apiTokens.id}`.as('token_id'),
      operatorId: sql<number>`${apiTokens.operatorId}`.as('operator_id'),
      staffUserId: sql<number>`${staffUsers.id}`.as('staff_user_id'),
      role: sql<StaffRole>`${staffUsers.role}`.as('role'),
    })
    .from(apiTokens)
    .innerJoin(staffUsers, eq(staffUsers.id, apiTokens.staffUserId))
    .innerJoin(operators, eq(operators.id, apiTokens.operatorId))
    .where(validBearer(token))
    .limit(1);
  const result = (await db.execute(sql`with found as (${found}),
    touched as (update ${apiTokens} set last_used_at = now() where id in (select token_id from found)
      and (last_used_at is null or last_used_at < now() - interval '1 minute'))
    select token_id, operator_id, staff_user_id, role from found`)) as unknown as { rows?: BearerRow[] } | BearerRow[];
  const [row] = Array.isArray(result) ? result : (result.rows ?? []);
  if (!row) return null;
  return {
    operatorId: Number(row.operator_id),
    staffUserId: Number(row.staff_user_id),
    role: row.role,
    surface: call.surface,
    requestId: call.requestId,
    credential: { kind: 'api_token', id: Number(row.token_id) },
  };
}

interface BearerRow {
  token_id: number;
  operator_id: number;
  staff_user_id: number;
  role: StaffRole;
}

/**
 * A condition, for use inside another statement, that holds while `token` is still valid: the
 * compiled read path (src/graphql/compiled) checks it in the same statement that reads, so a
 * revocation or expiry takes effect on the next request, on every process.
 */
export function bearerStillValid(db: Database, token: string): SQL {
  const rows = db
    .select({ one: sql`1` })
    .from(apiTokens)
    .innerJoin(staffUsers, eq(staffUsers.id, apiTokens.staffUserId))
    .innerJoin(operators, eq(operators.id, apiTokens.operatorId))
    .where(validBearer(token));
  return sql`exists ${rows}`;
}

/** The token from an `Authorization: Bearer …` header, or undefined. */
export function bearerFrom(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

/**
 * SIMPLer OperatorAPI credentials (`api_username` + `api_password`, optional `operator`),
 * accepted only from a network on the operator's access list. Bad credentials and a refused
 * address are different errors on purpose: SIMPLer support tells operators which one it was.
 * Throttled per address and per api_username from it.
 */
/** A legacy credential's actor, with the credential's own settings the dialect's walk needs. */
export interface CredentialLogin {
  actor: Actor;
  /** The credential refuses unknown parameters instead of ignoring them (api_credentials.strict_parameters). */
  strictParameters: boolean;
}

export async function authenticateApiCredential(
  db: Database,
  input: { username: string; password: string; operatorCode?: string; clientIp: string; surface: Surface; requestId?: string },
): Promise<CredentialLogin> {
  return throttledLogin({ kind: 'simpler', identifier: input.username, clientIp: input.clientIp }, () => checkApiCredential(db, input));
}

async function checkApiCredential(
  db: Database,
  input: { username: string; password: string; operatorCode?: string; clientIp: string; surface: Surface; requestId?: string },
): Promise<CredentialLogin> {
  if (!input.username || !input.password || input.username.length > 200 || input.password.length > 500) {
    throw new UnauthenticatedError('invalid api_username/api_password');
  }
  // One statement: the candidate credentials, each with whether the caller's address is allowed.
  const candidates = await db
    .select({
      id: apiCredentials.id,
      operatorId: apiCredentials.operatorId,
      secretHash: apiCredentials.secretHash,
      strictParameters: apiCredentials.strictParameters,
      staffUserId: staffUsers.id,
      role: staffUsers.role,
      allowed: sql<boolean>`exists (select 1 from ${ipAccessRules} where ${ipAccessRules.operatorId} = ${apiCredentials.operatorId}
        and (${ipAccessRules.apiCredentialId} is null or ${ipAccessRules.apiCredentialId} = ${apiCredentials.id})
        and ${ipAccessRules.network} >>= ${isIP(input.clientIp) ? input.clientIp : null}::inet)`,
    })
    .from(apiCredentials)
    .innerJoin(staffUsers, eq(staffUsers.id, apiCredentials.staffUserId))
    .innerJoin(operators, eq(operators.id, apiCredentials.operatorId))
    .where(
      and(
        eq(apiCredentials.kind, 'simpler'),
        eq(apiCredentials.identifier, input.username),
        isNull(apiCredentials.revokedAt),
        eq(staffUsers.active, true),
        eq(operators.apiEnabled, true),
        isNull(operators.deletedAt),
        input.operatorCode ? eq(operators.code, input.operatorCode) : undefined,
      ),
    )
    .limit(10);
  let matched: (typeof candidates)[number] | undefined;
  // An unknown username costs the same scrypt as a wrong password, so timing does not tell them apart.
  if (candidates.length === 0) await verifySecret(input.password, await decoyPasswordHash());
  for (const candidate of candidates) {
    if (await verifyCached(input.password, candidate.secretHash)) {
      if (matched) throw new UnauthenticatedError('api_username is used by several operators: name one with the operator parameter');
      matched = candidate;
    }
  }
  if (!matched) throw new UnauthenticatedError('invalid api_username/api_password');
  if (!matched.allowed) throw new ForbiddenError(`access denied: ${input.clientIp} is not on the API access list for ${input.username}`);
  return {
    actor: {
      operatorId: matched.operatorId,
      staffUserId: matched.staffUserId,
      role: matched.role,
      surface: input.surface,
      requestId: input.requestId,
      credential: { kind: 'api_credential', id: matched.id },
    },
    strictParameters: matched.strictParameters,
  };
}

/**
 * scrypt costs tens of milliseconds of CPU by design; a legacy client authenticates on every
 * call. Successful checks are remembered briefly, keyed by a digest of the secret *and* the
 * stored hash, so a password change or revocation takes effect at once.
 */
const VERIFIED_TTL_MS = 60_000;
const verified = new Map<string, number>();

async function verifyCached(secret: string, stored: string): Promise<boolean> {
  const key = sha256Hex(`${stored}\u0000${secret}`);
  const until = verified.get(key);
  if (until !== undefined && until > Date.now()) return true;
  if (!(await verifySecret(secret, stored))) return false;
  if (verified.size > 1000) verified.clear();
  verified.set(key, Date.now() + VERIFIED_TTL_MS);
  return true;
}

/** Compared against when the user id is unknown, so that path does the same work as a wrong key. */
const UNKNOWN_CRM_USER_HASH = `sha256$${'0'.repeat(64)}`;

/**
 * ISP CRM credentials: `userid` (the staff user's numeric id) + `api_key`, stored as a kind
 * `crm` api credential whose identifier is the user id as text. The key is compared in
 * constant time, and an unknown user costs the same comparison as a wrong key, so the reply
 * time tells a caller nothing about which user ids exist.
 */
export async function authenticateCrmKey(db: Database, input: { userId: string; apiKey: string; clientIp: string; requestId?: string }): Promise<CredentialLogin> {
  return throttledLogin({ kind: 'crm', identifier: input.userId.trim(), clientIp: input.clientIp }, () => checkCrmKey(db, input));
}

async function checkCrmKey(db: Database, input: { userId: string; apiKey: string; requestId?: string }): Promise<CredentialLogin> {
  const refused = new UnauthenticatedError('invalid userid/api_key');
  const userId = input.userId.trim();
  if (!/^\d{1,9}$/.test(userId) || !input.apiKey || input.apiKey.length > 500) throw refused;
  const [row] = await db
    .select({
      id: apiCredentials.id,
      operatorId: apiCredentials.operatorId,
      staffUserId: staffUsers.id,
      role: staffUsers.role,
      secretHash: apiCredentials.secretHash,
      strictParameters: apiCredentials.strictParameters,
    })
    .from(apiCredentials)
    .innerJoin(staffUsers, eq(staffUsers.id, apiCredentials.staffUserId))
    .innerJoin(operators, eq(operators.id, apiCredentials.operatorId))
    .where(
      and(
        eq(apiCredentials.kind, 'crm'),
        eq(apiCredentials.identifier, String(Number(userId))),
        eq(staffUsers.id, Number(userId)),
        isNull(apiCredentials.revokedAt),
        eq(staffUsers.active, true),
        isNull(operators.deletedAt),
      ),
    )
    .limit(1);
  // CRM keys are long random strings stored as `sha256$…`; verifySecret compares with safeEqual.
  const matches = await verifySecret(input.apiKey, row?.secretHash ?? UNKNOWN_CRM_USER_HASH);
  if (!row || !matches) throw refused;
  return {
    actor: {
      operatorId: row.operatorId,
      staffUserId: row.staffUserId,
      role: row.role,
      surface: 'crm',
      requestId: input.requestId,
      credential: { kind: 'api_credential', id: row.id },
    },
    strictParameters: row.strictParameters,
  };
}

/**
 * Why an M4 request was refused. The M4 adapter turns each into the document's own error text;
 * the service only decides which rule failed.
 */
export type M4RefusalReason = 'api_disabled' | 'get_disabled' | 'denied' | 'bad_hash';

export class M4AuthenticationError extends DomainError {
  constructor(
    readonly reason: M4RefusalReason,
    message: string,
  ) {
    super(reason === 'denied' ? 'FORBIDDEN' : 'UNAUTHENTICATED', message);
    this.name = 'M4AuthenticationError';
  }
}

/** Staff roles that may use the M4 API: the document names Admin and Manager. */
const M4_API_ROLES: readonly StaffRole[] = ['admin', 'manager'];

/**
 * The M4 request signature: SHA1 (lower-case hex) of the hashed parameters' values, in the
 * order the operation documents them, followed by the operator's API secret. For
 * user_details_raw_get that is SHA1(u + user_id + secret).
 */
export function m4Hash(values: readonly string[], secret: string): string {
  return createHash('sha1').update(values.join('') + secret, 'utf8').digest('hex');
}

/**
 * Authenticates a Kolmisoft M4 request: `u` names a staff user, and the request is signed with
 * the operator's API secret (see m4Hash). The checks run in the document's order: API enabled,
 * GET allowed, the user, the hash, the user's role. Usernames are unique per operator only, so
 * every operator with such a staff user is a candidate, and the signature selects the operator.
 */
export async function authenticateM4Request(
  db: Database,
  input: { username: string; hashedValues: readonly string[]; hash: string; method: 'GET' | 'POST'; clientIp: string; requestId?: string },
): Promise<Actor> {
  return throttledLogin({ kind: 'm4', identifier: input.username, clientIp: input.clientIp }, () => checkM4Request(db, input), isM4CredentialFailure);
}

/**
 * An unknown user or a wrong signature is a failed guess; a disabled API or GET is the
 * operator's setting and says nothing about the caller's secret, so it is not counted.
 */
function isM4CredentialFailure(error: unknown): boolean {
  return error instanceof M4AuthenticationError && (error.reason === 'bad_hash' || error.reason === 'denied');
}

async function checkM4Request(
  db: Database,
  input: { username: string; hashedValues: readonly string[]; hash: string; method: 'GET' | 'POST'; requestId?: string },
): Promise<Actor> {
  if (!input.username || input.username.length > 200) throw new M4AuthenticationError('denied', 'unknown API user');
  const candidates = await db
    .select({
      operatorId: operators.id,
      staffUserId: staffUsers.id,
      role: staffUsers.role,
      apiEnabled: operators.apiEnabled,
      apiGetEnabled: operators.apiGetEnabled,
      secret: operators.m4ApiSecret,
    })
    .from(staffUsers)
    .innerJoin(operators, eq(operators.id, staffUsers.operatorId))
    // No limit: every operator with such a user must be a candidate, or a signature by the
    // eleventh operator's secret would be refused (one row per operator; SHA1 is cheap).
    .where(and(eq(staffUsers.username, input.username), eq(staffUsers.active, true), isNull(operators.deletedAt)));
  if (candidates.length === 0) throw new M4AuthenticationError('denied', 'unknown API user');

  // An operator without a secret cannot verify any signature: its M4 API is effectively off.
  const enabled = candidates.filter((c) => c.apiEnabled && c.secret);
  if (enabled.length === 0) throw new M4AuthenticationError('api_disabled', 'API requests are disabled');
  const allowed = input.method === 'GET' ? enabled.filter((c) => c.apiGetEnabled) : enabled;
  if (allowed.length === 0) throw new M4AuthenticationError('get_disabled', 'GET requests are disabled');

  // Every candidate is compared (no early exit), in constant time, so timing tells nothing.
  const given = input.hash.trim().toLowerCase();
  const signedBy = allowed.filter((c) => safeEqual(m4Hash(input.hashedValues, c.secret!), given));
  if (signedBy.length === 0) throw new M4AuthenticationError('bad_hash', 'incorrect hash');
  if (signedBy.length > 1) throw new M4AuthenticationError('denied', 'the API user and secret match several operators');
  const matched = signedBy[0]!;
  if (!M4_API_ROLES.includes(matched.role)) throw new M4AuthenticationError('denied', `role ${matched.role} may not use the M4 API`);
  return {
    operatorId: matched.operatorId,
    staffUserId: matched.staffUserId,
    role: matched.role,
    surface: 'm4',
    requestId: input.requestId,
    credential: { kind: 'm4_secret', id: matched.operatorId },
  };
}
