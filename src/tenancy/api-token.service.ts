/**
 * Bearer tokens (GraphQL, Jaze): issued to a staff user of the actor's operator, shown once,
 * stored as their SHA-256 (credential-secrets.ts), optionally expiring, revocable. The bearer
 * check (auth.service.ts) refuses a revoked or expired token on its next request on every
 * process, including the compiled read path, which re-checks the token in each statement.
 * Staff logins (staff-session.service.ts) issue their short-lived tokens here too.
 */
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { audit } from '../shared/audit';
import type { Actor, ServiceContext } from '../shared/context';
import { NotFoundError, PreconditionFailedError, Validation } from '../shared/errors';
import { apiTokenHash, newApiToken } from './credential-secrets';
import { apiTokens } from './api-token.table';
import { authorize } from './permissions';
import * as staffUserService from './staff-user.service';
import { staffUsers } from './staff-user.table';

/** A token as listings show it: never its hash. */
export const TOKEN_COLUMNS = {
  id: apiTokens.id,
  operatorId: apiTokens.operatorId,
  staffUserId: apiTokens.staffUserId,
  label: apiTokens.label,
  createdAt: apiTokens.createdAt,
  updatedAt: apiTokens.updatedAt,
  expiresAt: apiTokens.expiresAt,
  lastUsedAt: apiTokens.lastUsedAt,
  revokedAt: apiTokens.revokedAt,
};
export type ApiTokenRow = Omit<typeof apiTokens.$inferSelect, 'tokenHash'>;

export const DEFAULT_TOKEN_LABEL = 'API token';

export interface ApiTokenCreateInput {
  staffUserId: number;
  label?: string | null;
  /** Null or absent: the token does not expire (until revoked). */
  expiresAt?: Date | null;
}

/** The token in clear exists only in this result: shown once, stored hashed. */
export interface IssuedToken {
  token: string;
  apiToken: ApiTokenRow;
}

/** Inserts a token and its audit entry inside the caller's transaction (no checks: callers check). */
export async function issue(tx: Executor, actor: Actor, input: { staffUserId: number; label: string; expiresAt: Date | null }): Promise<IssuedToken> {
  const token = newApiToken();
  const [row] = await tx
    .insert(apiTokens)
    .values({ operatorId: actor.operatorId, staffUserId: input.staffUserId, label: input.label, tokenHash: apiTokenHash(token), expiresAt: input.expiresAt })
    .returning(TOKEN_COLUMNS);
  await audit(tx, actor, 'apiToken.create', 'api_token', row!.id, { staffUserId: input.staffUserId, label: input.label, expiresAt: input.expiresAt?.toISOString() ?? null });
  return { token, apiToken: row! };
}

export async function create(ctx: ServiceContext, input: ApiTokenCreateInput): Promise<IssuedToken> {
  authorize(ctx.actor, 'admin');
  const label = input.label?.trim() || DEFAULT_TOKEN_LABEL;
  const v = new Validation();
  if (label.length > 100) v.add('label', 'label must have at most 100 characters');
  if (input.expiresAt && !(input.expiresAt.getTime() > Date.now())) v.add('expiresAt', 'expiresAt must be in the future');
  v.throwIfAny();
  const user = await staffUserService.getById(ctx, input.staffUserId, ['staffUserId']);
  if (!user.active) {
    throw new PreconditionFailedError(`staff user ${user.username} is inactive: its tokens would be refused`, [
      { field: ['staffUserId'], message: `staff user ${user.username} is inactive`, code: 'PRECONDITION_FAILED' },
    ]);
  }
  return ctx.db.transaction((tx) => issue(tx, ctx.actor, { staffUserId: user.id, label, expiresAt: input.expiresAt ?? null }));
}

/** Revokes a token of the operator; revoking a revoked token changes nothing. */
export async function revoke(ctx: ServiceContext, id: number): Promise<ApiTokenRow> {
  authorize(ctx.actor, 'admin');
  return ctx.db.transaction(async (tx) => {
    const [existing] = await tx
      .select(TOKEN_COLUMNS)
      .from(apiTokens)
      .where(and(eq(apiTokens.operatorId, ctx.actor.operatorId), eq(apiTokens.id, id)))
      .for('update');
    if (!existing) throw new NotFoundError('API token', id, ['id']);
    if (existing.revokedAt) return existing;
    const [row] = await tx.update(apiTokens).set({ revokedAt: new Date() }).where(eq(apiTokens.id, id)).returning(TOKEN_COLUMNS);
    await audit(tx, ctx.actor, 'apiToken.revoke', 'api_token', id, { label: existing.label });
    return row!;
  });
}

/**
 * Revokes the token the actor is calling with (staff logout). Anyone may end their own
 * session; the token is found by its digest inside the actor's operator and user.
 */
export async function revokeOwn(ctx: ServiceContext, tokenDigest: string): Promise<ApiTokenRow> {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(apiTokens.operatorId, ctx.actor.operatorId),
          eq(apiTokens.tokenHash, tokenDigest),
          ctx.actor.staffUserId == null ? undefined : eq(apiTokens.staffUserId, ctx.actor.staffUserId),
          isNull(apiTokens.revokedAt),
        ),
      )
      .returning(TOKEN_COLUMNS);
    if (!row) throw new NotFoundError('API token', 'of this request', []);
    await audit(tx, ctx.actor, 'apiToken.revoke', 'api_token', row.id, { label: row.label, by: 'logout' });
    return row;
  });
}

export interface ApiTokenFilter {
  staffUserId?: number | null;
  includeRevoked?: boolean | null;
}

export type ApiTokenListRow = ApiTokenRow & { username: string };

/** The operator's tokens, newest first (admins only: a listing of who can get in). */
export async function list(ctx: ServiceContext, filter: ApiTokenFilter = {}): Promise<ApiTokenListRow[]> {
  authorize(ctx.actor, 'admin');
  return ctx.db
    .select({ ...TOKEN_COLUMNS, username: staffUsers.username })
    .from(apiTokens)
    .innerJoin(staffUsers, eq(staffUsers.id, apiTokens.staffUserId))
    .where(
      and(
        eq(apiTokens.operatorId, ctx.actor.operatorId),
        filter.staffUserId != null ? eq(apiTokens.staffUserId, filter.staffUserId) : undefined,
        filter.includeRevoked ? undefined : isNull(apiTokens.revokedAt),
      ),
    )
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
}

export async function findByIds(db: Executor, operatorId: number, ids: readonly number[]): Promise<ApiTokenRow[]> {
  if (ids.length === 0) return [];
  return db.select(TOKEN_COLUMNS).from(apiTokens).where(and(eq(apiTokens.operatorId, operatorId), inArray(apiTokens.id, [...ids])));
}
