/**
 * Community codes (SIMPLer add/modify/delete/listCommunityCode). A code is unique within the
 * operator ("code already exist"); a code in use by customers cannot be deleted.
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { audit } from '../shared/audit';
import type { ServiceContext } from '../shared/context';
import { uniqueViolation } from '../shared/db-errors';
import { ConflictError, NotFoundError, PreconditionFailedError, Validation } from '../shared/errors';
import { communityCodes } from './community-code.table';
import { customers } from './customer.table';
import { authorize } from '../tenancy/permissions';

export type CommunityCodeRow = typeof communityCodes.$inferSelect;

/** Every code of the operator, newest first (the order listCommunityCode shows). */
export async function list(ctx: ServiceContext): Promise<CommunityCodeRow[]> {
  return ctx.db.select().from(communityCodes).where(eq(communityCodes.operatorId, ctx.actor.operatorId)).orderBy(desc(communityCodes.id));
}

export async function findByIds(db: Executor, operatorId: number, ids: readonly number[]): Promise<CommunityCodeRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(communityCodes).where(and(eq(communityCodes.operatorId, operatorId), inArray(communityCodes.id, [...ids])));
}

async function byCode(db: Executor, operatorId: number, code: string): Promise<CommunityCodeRow | null> {
  const [row] = await db.select().from(communityCodes).where(and(eq(communityCodes.operatorId, operatorId), eq(communityCodes.code, code)));
  return row ?? null;
}

async function byIdOrCode(ctx: ServiceContext, ref: { id?: number; code?: string }, field: string): Promise<CommunityCodeRow> {
  const operatorId = ctx.actor.operatorId;
  if (ref.id != null) {
    const [row] = await findByIds(ctx.db, operatorId, [ref.id]);
    if (!row) throw new NotFoundError('community code', ref.id, [field]);
    return row;
  }
  const row = await byCode(ctx.db, operatorId, ref.code ?? '');
  if (!row) throw new NotFoundError('community code', `"${ref.code}"`, [field]);
  return row;
}

function checkCode(code: string | undefined, field: string): string {
  const v = new Validation();
  const trimmed = code?.trim() ?? '';
  if (!trimmed) v.add(field, 'code is required');
  v.throwIfAny();
  return trimmed;
}

function conflict(code: string, field: string) {
  return new ConflictError(`code "${code}" already exist`, [field]);
}

export async function add(ctx: ServiceContext, input: { code: string }): Promise<CommunityCodeRow> {
  authorize(ctx.actor, 'customers.write');
  const code = checkCode(input.code, 'code');
  if (await byCode(ctx.db, ctx.actor.operatorId, code)) throw conflict(code, 'code');
  try {
    return await ctx.db.transaction(async (tx) => {
      const [row] = await tx.insert(communityCodes).values({ operatorId: ctx.actor.operatorId, code }).returning();
      await audit(tx, ctx.actor, 'communityCode.create', 'community_code', row!.id, { code });
      return row!;
    });
  } catch (error) {
    if (uniqueViolation(error) !== undefined) throw conflict(code, 'code');
    throw error;
  }
}

/** Renames a code (SIMPLer modifyCommunityCode: code → new_code); the new code must be free. */
export async function rename(ctx: ServiceContext, ref: { id?: number; code?: string }, newCode: string): Promise<CommunityCodeRow> {
  authorize(ctx.actor, 'customers.write');
  const existing = await byIdOrCode(ctx, ref, ref.id != null ? 'id' : 'code');
  const code = checkCode(newCode, 'newCode');
  if (code === existing.code) return existing;
  if (await byCode(ctx.db, ctx.actor.operatorId, code)) throw conflict(code, 'newCode');
  try {
    return await ctx.db.transaction(async (tx) => {
      const [row] = await tx.update(communityCodes).set({ code }).where(eq(communityCodes.id, existing.id)).returning();
      await audit(tx, ctx.actor, 'communityCode.update', 'community_code', existing.id, { from: existing.code, code });
      return row!;
    });
  } catch (error) {
    if (uniqueViolation(error) !== undefined) throw conflict(code, 'newCode');
    throw error;
  }
}

/** Deletes a code that no customer uses. */
export async function remove(ctx: ServiceContext, ref: { id?: number; code?: string }): Promise<CommunityCodeRow> {
  authorize(ctx.actor, 'customers.write');
  const field = ref.id != null ? 'id' : 'code';
  const existing = await byIdOrCode(ctx, ref, field);
  const users = await ctx.db.$count(customers, and(eq(customers.operatorId, ctx.actor.operatorId), eq(customers.communityCodeId, existing.id)));
  if (users > 0) {
    const message = `community code "${existing.code}" is used by ${users} customer(s)`;
    throw new PreconditionFailedError(message, [{ field: [field], message, code: 'PRECONDITION_FAILED' }]);
  }
  await ctx.db.transaction(async (tx) => {
    await tx.delete(communityCodes).where(eq(communityCodes.id, existing.id));
    await audit(tx, ctx.actor, 'communityCode.delete', 'community_code', existing.id, { code: existing.code });
  });
  return existing;
}
