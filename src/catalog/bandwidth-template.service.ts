/** Bandwidth templates (Jaze profiles): the rate limits plans and buckets point at. */
import { and, eq, inArray, or } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { audit } from '../shared/audit';
import type { ServiceContext } from '../shared/context';
import { NotFoundError, Validation } from '../shared/errors';
import { setFields } from '../shared/patch';
import { refuseIfReferenced } from '../shared/references';
import { bandwidthOverrides } from '../radius/bandwidth-override.table';
import { authorize } from '../tenancy/permissions';
import { bandwidthTemplates } from './bandwidth-template.table';
import { buckets } from './bucket.table';
import { plans } from './plan.table';

export type BandwidthTemplateRow = typeof bandwidthTemplates.$inferSelect;

export async function findByIds(db: Executor, operatorId: number, ids: readonly number[]): Promise<BandwidthTemplateRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(bandwidthTemplates).where(and(eq(bandwidthTemplates.operatorId, operatorId), inArray(bandwidthTemplates.id, [...ids])));
}

// ---------------------------------------------------------------- writing

export interface BandwidthTemplateInput {
  name?: string;
  downloadKbps?: number;
  uploadKbps?: number;
  /** null clears (as do the burst fields). */
  mikrotikRateLimit?: string | null;
  burstDownloadKbps?: number | null;
  burstUploadKbps?: number | null;
  burstThresholdDownloadKbps?: number | null;
  burstThresholdUploadKbps?: number | null;
  burstTimeSeconds?: number | null;
}

const RATES = ['downloadKbps', 'uploadKbps', 'burstDownloadKbps', 'burstUploadKbps', 'burstThresholdDownloadKbps', 'burstThresholdUploadKbps', 'burstTimeSeconds'] as const;
const MAX_TEXT = 200;

function validate(input: BandwidthTemplateInput, creating: boolean): void {
  const v = new Validation();
  if (creating || input.name !== undefined) {
    if (!input.name?.trim()) v.add('name', 'name is required');
    else if (input.name.length > MAX_TEXT) v.add('name', `name is longer than ${MAX_TEXT} characters`);
  }
  for (const field of ['downloadKbps', 'uploadKbps'] as const) {
    if (creating && input[field] == null) v.add(field, `${field} is required`);
    else if (input[field] === null) v.add(field, `${field} cannot be cleared`);
  }
  for (const field of RATES) {
    const value = input[field];
    if (value != null && (!Number.isInteger(value) || value < 0)) v.add(field, `${field} must be a whole number of at least 0`);
  }
  if ((input.mikrotikRateLimit?.length ?? 0) > MAX_TEXT) v.add('mikrotikRateLimit', `mikrotikRateLimit is longer than ${MAX_TEXT} characters`);
  v.throwIfAny();
}

export async function create(ctx: ServiceContext, input: BandwidthTemplateInput): Promise<BandwidthTemplateRow> {
  authorize(ctx.actor, 'catalog.write');
  const operatorId = ctx.actor.operatorId;
  validate(input, true);
  const values = { ...setFields(input), operatorId, name: input.name!.trim(), downloadKbps: input.downloadKbps!, uploadKbps: input.uploadKbps! };
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(bandwidthTemplates).values(values).returning();
    const { operatorId: _o, ...changes } = values;
    await audit(tx, ctx.actor, 'bandwidthTemplate.create', 'bandwidth_template', row!.id, changes);
    return row!;
  });
}

/**
 * Changes a template. Plans, buckets and overrides point at it, so the new rates apply to
 * them from the next RADIUS authorisation on; sessions already up keep theirs until a CoA.
 */
export async function update(ctx: ServiceContext, id: number, input: BandwidthTemplateInput): Promise<BandwidthTemplateRow> {
  authorize(ctx.actor, 'catalog.write');
  const operatorId = ctx.actor.operatorId;
  const [existing] = await findByIds(ctx.db, operatorId, [id]);
  if (!existing) throw new NotFoundError('bandwidth template', id, ['id']);
  validate(input, false);
  const changes = setFields(input) as Partial<typeof bandwidthTemplates.$inferInsert>;
  if (Object.keys(changes).length === 0) return existing;
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.update(bandwidthTemplates).set(changes).where(and(eq(bandwidthTemplates.operatorId, operatorId), eq(bandwidthTemplates.id, id))).returning();
    await audit(tx, ctx.actor, 'bandwidthTemplate.update', 'bandwidth_template', id, changes);
    return row!;
  });
}

/** Deletes a template nothing uses: no plan, bucket or customer bandwidth override. */
export async function remove(ctx: ServiceContext, id: number): Promise<void> {
  authorize(ctx.actor, 'catalog.write');
  const operatorId = ctx.actor.operatorId;
  const [existing] = await findByIds(ctx.db, operatorId, [id]);
  if (!existing) throw new NotFoundError('bandwidth template', id, ['id']);
  await refuseIfReferenced(ctx.db, 'bandwidth template', id, [
    { message: 'plans use it', table: plans, where: eq(plans.bandwidthTemplateId, id) },
    { message: 'buckets use it', table: buckets, where: eq(buckets.bandwidthTemplateId, id) },
    {
      message: 'customer bandwidth overrides use it',
      table: bandwidthOverrides,
      where: or(eq(bandwidthOverrides.bandwidthTemplateId, id), eq(bandwidthOverrides.bandwidthTemplate2Id, id)),
    },
  ]);
  await ctx.db.transaction(async (tx) => {
    await tx.delete(bandwidthTemplates).where(and(eq(bandwidthTemplates.operatorId, operatorId), eq(bandwidthTemplates.id, id)));
    await audit(tx, ctx.actor, 'bandwidthTemplate.delete', 'bandwidth_template', id, { name: existing.name });
  });
}
