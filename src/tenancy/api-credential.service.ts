/**
 * Legacy API credentials of the actor's operator (admins only):
 * - SIMPLer OperatorAPI users (kind `simpler`): `api_username` + `api_password`, the password
 *   stored with scrypt, accepted only from the networks on the access list (ip_access_rules:
 *   the credential's own rows plus the operator-wide ones). With no network at all, the
 *   credential is refused from everywhere — the result says so (`reachable`).
 * - CRM keys (kind `crm`): `userid` (the staff user's id) + `api_key`, stored as `sha256$…`.
 * Secrets are generated here (credential-secrets.ts) or given by the caller, returned once and
 * never again: listings show identifiers, networks and dates only. A revoked credential's
 * identifier may be issued again: the row is reissued in place (the table keeps one row per
 * operator, kind and identifier), with a new secret and, for SIMPLer, new networks.
 */
import { and, asc, eq, inArray, isNull, or } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { audit } from '../shared/audit';
import type { ServiceContext } from '../shared/context';
import { uniqueViolation } from '../shared/db-errors';
import { ConflictError, NotFoundError, PreconditionFailedError, Validation } from '../shared/errors';
import { hashPassword } from '../shared/secrets';
import { apiCredentials } from './api-credential.table';
import { crmKeyHash, newCrmKey, newPassword } from './credential-secrets';
import { ipAccessRules } from './ip-access.table';
import { parseNetwork } from './ip-network';
import { authorize } from './permissions';
import * as staffUserService from './staff-user.service';
import { staffUsers } from './staff-user.table';

export type ApiCredentialKind = 'simpler' | 'crm';

const CREDENTIAL_COLUMNS = {
  id: apiCredentials.id,
  operatorId: apiCredentials.operatorId,
  staffUserId: apiCredentials.staffUserId,
  kind: apiCredentials.kind,
  identifier: apiCredentials.identifier,
  note: apiCredentials.note,
  strictParameters: apiCredentials.strictParameters,
  createdAt: apiCredentials.createdAt,
  updatedAt: apiCredentials.updatedAt,
  lastUsedAt: apiCredentials.lastUsedAt,
  revokedAt: apiCredentials.revokedAt,
};
export type ApiCredentialRow = Omit<typeof apiCredentials.$inferSelect, 'secretHash'>;

export interface IpAccessRuleRow {
  id: number;
  apiCredentialId: number | null;
  network: string;
  note: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const RULE_COLUMNS = {
  id: ipAccessRules.id,
  apiCredentialId: ipAccessRules.apiCredentialId,
  network: ipAccessRules.network,
  note: ipAccessRules.note,
  createdAt: ipAccessRules.createdAt,
  updatedAt: ipAccessRules.updatedAt,
};

/** A credential with the networks it is accepted from (its own and the operator-wide ones) and its user's name. */
export interface ApiCredentialView extends ApiCredentialRow {
  username: string;
  allowedNetworks: IpAccessRuleRow[];
}

const MIN_API_PASSWORD = 12;
const MAX_API_PASSWORD = 500;
const API_USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$/;

function checkNetworks(networks: readonly string[], v: Validation, field = 'allowedNetworks'): string[] {
  const out: string[] = [];
  networks.forEach((network, i) => {
    const parsed = parseNetwork(network);
    if (parsed.ok) out.push(parsed.network);
    else v.add([field, String(i)], parsed.message);
  });
  return out;
}

async function activeUser(ctx: ServiceContext, staffUserId: number) {
  const user = await staffUserService.getById(ctx, staffUserId, ['staffUserId']);
  if (!user.active) {
    throw new PreconditionFailedError(`staff user ${user.username} is inactive: its credentials would be refused`, [
      { field: ['staffUserId'], message: `staff user ${user.username} is inactive`, code: 'PRECONDITION_FAILED' },
    ]);
  }
  return user;
}

/**
 * Writes a credential: a new row, or the revoked row with this identifier reissued. An active
 * credential with the identifier is a CONFLICT on `conflictField`.
 */
async function writeCredential(
  tx: Executor,
  ctx: ServiceContext,
  values: { kind: ApiCredentialKind; identifier: string; staffUserId: number; secretHash: string; note: string | null; strictParameters: boolean },
  conflictField: string[],
  conflictMessage: string,
): Promise<ApiCredentialRow> {
  const [existing] = await tx
    .select(CREDENTIAL_COLUMNS)
    .from(apiCredentials)
    .where(and(eq(apiCredentials.operatorId, ctx.actor.operatorId), eq(apiCredentials.kind, values.kind), eq(apiCredentials.identifier, values.identifier)))
    .for('update');
  if (existing && !existing.revokedAt) throw new ConflictError(conflictMessage, conflictField);
  if (existing) {
    // The old networks went with the old secret.
    await tx.delete(ipAccessRules).where(eq(ipAccessRules.apiCredentialId, existing.id));
    const [row] = await tx
      .update(apiCredentials)
      .set({ ...values, createdAt: new Date(), lastUsedAt: null, revokedAt: null })
      .where(eq(apiCredentials.id, existing.id))
      .returning(CREDENTIAL_COLUMNS);
    return row!;
  }
  const [row] = await tx.insert(apiCredentials).values({ operatorId: ctx.actor.operatorId, ...values }).returning(CREDENTIAL_COLUMNS);
  return row!;
}

/** Two creations of one identifier at once: the loser hits the unique key and gets the same CONFLICT. */
async function raceSafe<T>(identifier: string, field: string[], write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (uniqueViolation(error) === 'api_credentials_operator_kind_identifier_key') throw new ConflictError(`credential "${identifier}" was just created by another request`, field);
    throw error;
  }
}

export interface SimplerCredentialCreateInput {
  apiUsername: string;
  staffUserId: number;
  /** Null or absent: a random password is generated and returned once. */
  password?: string | null;
  /** Networks (CIDR or single address) the credential is accepted from. */
  allowedNetworks?: readonly string[] | null;
  note?: string | null;
  /** Refuse unknown parameters instead of ignoring them (default false: ignored, as the original systems do). */
  strictParameters?: boolean | null;
}

export interface IssuedSimplerCredential {
  credential: ApiCredentialView;
  /** The generated password, when none was given; never stored in clear. */
  generatedPassword: string | null;
  /** False when no network admits the credential: it is refused from everywhere until one is added. */
  reachable: boolean;
}

export async function createSimpler(ctx: ServiceContext, input: SimplerCredentialCreateInput): Promise<IssuedSimplerCredential> {
  authorize(ctx.actor, 'admin');
  const apiUsername = input.apiUsername?.trim() ?? '';
  const v = new Validation();
  if (!API_USERNAME_PATTERN.test(apiUsername)) v.add('apiUsername', 'apiUsername must be 1-100 letters, digits, ".", "_", "@" or "-", starting with a letter or digit');
  if (input.password != null) {
    if (input.password.length < MIN_API_PASSWORD) v.add('password', `password must have at least ${MIN_API_PASSWORD} characters`);
    else if (input.password.length > MAX_API_PASSWORD) v.add('password', `password must have at most ${MAX_API_PASSWORD} characters`);
  }
  if (input.note && input.note.length > 500) v.add('note', 'note must have at most 500 characters');
  const networks = checkNetworks(input.allowedNetworks ?? [], v);
  v.throwIfAny();
  const user = await activeUser(ctx, input.staffUserId);
  const generatedPassword = input.password == null ? newPassword() : null;
  const secretHash = await hashPassword(input.password ?? generatedPassword!);
  const id = await raceSafe(apiUsername, ['apiUsername'], () => ctx.db.transaction(async (tx) => {
    const row = await writeCredential(
      tx,
      ctx,
      { kind: 'simpler', identifier: apiUsername, staffUserId: user.id, secretHash, note: input.note?.trim() || null, strictParameters: input.strictParameters ?? false },
      ['apiUsername'],
      `api_username "${apiUsername}" is already in use; revoke it first or choose another`,
    );
    if (networks.length) {
      await tx.insert(ipAccessRules).values(networks.map((network) => ({ operatorId: ctx.actor.operatorId, apiCredentialId: row.id, network })));
    }
    await audit(tx, ctx.actor, 'apiCredential.create', 'api_credential', row.id, { kind: 'simpler', apiUsername, staffUserId: user.id, allowedNetworks: networks, strictParameters: row.strictParameters });
    return row.id;
  }));
  const credential = await getById(ctx, id);
  return { credential, generatedPassword, reachable: credential.allowedNetworks.length > 0 };
}

export interface IssuedCrmKey {
  credential: ApiCredentialView;
  /** The CRM `userid`: the staff user's id. */
  userId: number;
  /** The CRM `api_key`, in clear only here. */
  apiKey: string;
}

/** A CRM key for a staff user (one per user; the CRM identifies the caller by the user's id). */
export async function createCrmKey(ctx: ServiceContext, input: { staffUserId: number; note?: string | null; strictParameters?: boolean | null }): Promise<IssuedCrmKey> {
  authorize(ctx.actor, 'admin');
  const v = new Validation();
  if (input.note && input.note.length > 500) v.add('note', 'note must have at most 500 characters');
  v.throwIfAny();
  const user = await activeUser(ctx, input.staffUserId);
  const apiKey = newCrmKey();
  const id = await raceSafe(String(user.id), ['staffUserId'], () => ctx.db.transaction(async (tx) => {
    const row = await writeCredential(
      tx,
      ctx,
      { kind: 'crm', identifier: String(user.id), staffUserId: user.id, secretHash: crmKeyHash(apiKey), note: input.note?.trim() || null, strictParameters: input.strictParameters ?? false },
      ['staffUserId'],
      `staff user ${user.username} already has a CRM key; revoke it first`,
    );
    await audit(tx, ctx.actor, 'apiCredential.create', 'api_credential', row.id, { kind: 'crm', staffUserId: user.id, strictParameters: row.strictParameters });
    return row.id;
  }));
  return { credential: await getById(ctx, id), userId: user.id, apiKey };
}

/**
 * The operator's credential with this id, locked for the rest of the transaction. A CRM key's id
 * given where a SIMPLer credential is meant (or the reverse) names nothing of that kind.
 */
async function lockCredential(tx: Executor, ctx: ServiceContext, id: number, kind: ApiCredentialKind | undefined) {
  const [existing] = await tx
    .select(CREDENTIAL_COLUMNS)
    .from(apiCredentials)
    .where(and(eq(apiCredentials.operatorId, ctx.actor.operatorId), eq(apiCredentials.id, id)))
    .for('update');
  if (!existing || (kind && existing.kind !== kind)) throw new NotFoundError('API credential', id, ['id']);
  return existing;
}

/**
 * Changes a credential's settings (absent fields stay as they are): today its strict mode, which
 * refuses parameters the operation does not know (`unknown parameter …`) instead of ignoring
 * and reporting them. Takes effect from the next call.
 */
export async function update(ctx: ServiceContext, id: number, input: { strictParameters?: boolean | null }, kind?: ApiCredentialKind): Promise<ApiCredentialView> {
  authorize(ctx.actor, 'admin');
  await ctx.db.transaction(async (tx) => {
    const existing = await lockCredential(tx, ctx, id, kind);
    if (input.strictParameters == null || input.strictParameters === existing.strictParameters) return;
    await tx.update(apiCredentials).set({ strictParameters: input.strictParameters }).where(eq(apiCredentials.id, id));
    await audit(tx, ctx.actor, 'apiCredential.update', 'api_credential', id, { kind: existing.kind, identifier: existing.identifier, strictParameters: input.strictParameters });
  });
  return getById(ctx, id);
}

/** Revokes a credential; it is refused from the next call on. Revoking twice changes nothing. */
export async function revoke(ctx: ServiceContext, id: number, kind?: ApiCredentialKind): Promise<ApiCredentialView> {
  authorize(ctx.actor, 'admin');
  await ctx.db.transaction(async (tx) => {
    const existing = await lockCredential(tx, ctx, id, kind);
    if (existing.revokedAt) return;
    await tx.update(apiCredentials).set({ revokedAt: new Date() }).where(eq(apiCredentials.id, id));
    await audit(tx, ctx.actor, 'apiCredential.revoke', 'api_credential', id, { kind: existing.kind, identifier: existing.identifier });
  });
  return getById(ctx, id);
}

/** The credential of this kind and identifier (SIMPLer api_username, CRM user id), or NOT_FOUND on `field`. */
export async function getByIdentifier(ctx: ServiceContext, kind: ApiCredentialKind, identifier: string, field: string[]): Promise<ApiCredentialView> {
  authorize(ctx.actor, 'admin');
  const [row] = await ctx.db
    .select({ id: apiCredentials.id })
    .from(apiCredentials)
    .where(and(eq(apiCredentials.operatorId, ctx.actor.operatorId), eq(apiCredentials.kind, kind), eq(apiCredentials.identifier, identifier)));
  if (!row) throw new NotFoundError(kind === 'crm' ? 'CRM key of user' : 'api_username', identifier, field);
  return getById(ctx, row.id);
}

export async function getById(ctx: ServiceContext, id: number, field: string[] = ['id']): Promise<ApiCredentialView> {
  authorize(ctx.actor, 'admin');
  const [view] = await views(ctx, [id]);
  if (!view) throw new NotFoundError('API credential', id, field);
  return view;
}

export interface ApiCredentialFilter {
  kind?: ApiCredentialKind | null;
  includeRevoked?: boolean | null;
}

/** The operator's credentials by kind and identifier, with their networks; never a secret. */
export async function list(ctx: ServiceContext, filter: ApiCredentialFilter = {}): Promise<ApiCredentialView[]> {
  authorize(ctx.actor, 'admin');
  return views(ctx, undefined, filter);
}

async function views(ctx: ServiceContext, ids?: number[], filter: ApiCredentialFilter = { includeRevoked: true }): Promise<ApiCredentialView[]> {
  const rows = await ctx.db
    .select({ ...CREDENTIAL_COLUMNS, username: staffUsers.username })
    .from(apiCredentials)
    .innerJoin(staffUsers, eq(staffUsers.id, apiCredentials.staffUserId))
    .where(
      and(
        eq(apiCredentials.operatorId, ctx.actor.operatorId),
        ids ? inArray(apiCredentials.id, ids) : undefined,
        filter.kind ? eq(apiCredentials.kind, filter.kind) : undefined,
        filter.includeRevoked ? undefined : isNull(apiCredentials.revokedAt),
      ),
    )
    .orderBy(asc(apiCredentials.kind), asc(apiCredentials.identifier));
  if (rows.length === 0) return [];
  const rules = await ctx.db
    .select(RULE_COLUMNS)
    .from(ipAccessRules)
    .where(
      and(
        eq(ipAccessRules.operatorId, ctx.actor.operatorId),
        or(isNull(ipAccessRules.apiCredentialId), inArray(ipAccessRules.apiCredentialId, rows.map((r) => r.id))),
      ),
    )
    .orderBy(asc(ipAccessRules.id));
  return rows.map((row) => ({
    ...row,
    // The access list is SIMPLer's: CRM keys are not checked against it.
    allowedNetworks: row.kind === 'simpler' ? rules.filter((rule) => rule.apiCredentialId == null || rule.apiCredentialId === row.id) : [],
  }));
}

/**
 * Adds a network to the access list: of one SIMPLer credential, or (apiCredentialId null) of
 * every SIMPLer credential of the operator.
 */
export async function addIpAccessRule(ctx: ServiceContext, input: { apiCredentialId?: number | null; network: string; note?: string | null }): Promise<IpAccessRuleRow> {
  authorize(ctx.actor, 'admin');
  const v = new Validation();
  const parsed = parseNetwork(input.network ?? '');
  if (!parsed.ok) v.add('network', parsed.message);
  if (input.note && input.note.length > 500) v.add('note', 'note must have at most 500 characters');
  v.throwIfAny();
  const network = (parsed as { network: string }).network;
  if (input.apiCredentialId != null) {
    const credential = await getById(ctx, input.apiCredentialId, ['apiCredentialId']);
    if (credential.kind !== 'simpler') {
      throw new PreconditionFailedError('only SIMPLer credentials have an access list', [
        { field: ['apiCredentialId'], message: 'only SIMPLer credentials have an access list', code: 'PRECONDITION_FAILED' },
      ]);
    }
  }
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(ipAccessRules)
      .values({ operatorId: ctx.actor.operatorId, apiCredentialId: input.apiCredentialId ?? null, network, note: input.note?.trim() || null })
      .returning(RULE_COLUMNS);
    await audit(tx, ctx.actor, 'ipAccessRule.add', 'ip_access_rule', row!.id, { apiCredentialId: row!.apiCredentialId, network: row!.network });
    return row!;
  });
}

/** One rule of the operator's access lists (admins only). */
export async function getIpAccessRule(ctx: ServiceContext, id: number): Promise<IpAccessRuleRow> {
  authorize(ctx.actor, 'admin');
  const [row] = await ctx.db
    .select(RULE_COLUMNS)
    .from(ipAccessRules)
    .where(and(eq(ipAccessRules.operatorId, ctx.actor.operatorId), eq(ipAccessRules.id, id)));
  if (!row) throw new NotFoundError('IP access rule', id, ['id']);
  return row;
}

export async function removeIpAccessRule(ctx: ServiceContext, id: number): Promise<IpAccessRuleRow> {
  authorize(ctx.actor, 'admin');
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(ipAccessRules)
      .where(and(eq(ipAccessRules.operatorId, ctx.actor.operatorId), eq(ipAccessRules.id, id)))
      .returning(RULE_COLUMNS);
    if (!row) throw new NotFoundError('IP access rule', id, ['id']);
    await audit(tx, ctx.actor, 'ipAccessRule.remove', 'ip_access_rule', id, { apiCredentialId: row.apiCredentialId, network: row.network });
    return row;
  });
}

