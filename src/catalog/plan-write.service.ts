/**
 * Writing the plan catalogue: plans (CRM plan, SIMPLer product, Jaze group) and their price
 * points (sub-plans). Validate everything first, then one transaction with its audit entry.
 *
 * A plan someone is on is disabled, not deleted: subscriptions, customers' service plans and
 * scheduled plan changes refer to it, so a delete is refused while any does (the table would
 * refuse too, with a fault instead of a reason).
 */
import { and, eq } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { audit } from '../shared/audit';
import type { ServiceContext } from '../shared/context';
import { NotFoundError, Validation } from '../shared/errors';
import { setFields } from '../shared/patch';
import { refuseIfReferenced } from '../shared/references';
import { planChanges } from '../billing/plan-change.table';
import { subscriptions } from '../billing/subscription.table';
import { toCents } from '../billing/money';
import { customers } from '../customers/customer.table';
import { authorize } from '../tenancy/permissions';
import { findByIds as findTemplates } from './bandwidth-template.service';
import { findByIds, subPlansByIds, type PlanRow, type SubPlanRow } from './plan.service';
import { plans } from './plan.table';
import { subPlans } from './sub-plan.table';

type PlanColumns = typeof plans.$inferInsert;

/** A plan's attributes; on update, undefined leaves a field and null clears an optional one. */
export type PlanInput = Partial<
  Pick<
    PlanColumns,
    | 'kind' | 'name' | 'description' | 'protocol' | 'connectivity' | 'period' | 'periodUnit' | 'locationCode' | 'subLocationCode'
    | 'enabled' | 'dataCarryover' | 'hideBandwidthLimit' | 'limit1Gb' | 'bw1DownloadKbps' | 'bw1UploadKbps' | 'bw2DownloadKbps'
    | 'bw2UploadKbps' | 'bandwidthTemplateId' | 'radiusGroup' | 'price' | 'frequencyMonths' | 'taxRate'
  >
>;

const MAX_TEXT = 500;
const PERCENT = /^\d{1,3}(\.\d{1,4})?$/;
const GIGABYTES = /^\d{1,9}(\.\d{1,3})?$/;
const NOT_NULL = ['kind', 'name', 'enabled', 'dataCarryover', 'hideBandwidthLimit'] as const;
const TEXTS = ['name', 'description', 'locationCode', 'subLocationCode', 'radiusGroup'] as const;
const RATES = ['bw1DownloadKbps', 'bw1UploadKbps', 'bw2DownloadKbps', 'bw2UploadKbps'] as const;

async function validatePlan(db: Executor, operatorId: number, input: PlanInput, creating: boolean): Promise<void> {
  const v = new Validation();
  if (creating ? !input.name?.trim() : input.name != null && !input.name.trim()) v.add('name', 'name is required');
  if (!creating) for (const field of NOT_NULL) if (input[field] === null) v.add(field, `${field} cannot be cleared`);
  for (const field of TEXTS) if ((input[field]?.length ?? 0) > MAX_TEXT) v.add(field, `${field} is longer than ${MAX_TEXT} characters`);
  for (const field of RATES) {
    const value = input[field];
    if (value != null && (!Number.isInteger(value) || value < 0)) v.add(field, `${field} must be a whole number of at least 0`);
  }
  if (input.period != null && (!Number.isInteger(input.period) || input.period < 1)) v.add('period', 'period must be a whole number of at least 1');
  if (input.frequencyMonths != null && (!Number.isInteger(input.frequencyMonths) || input.frequencyMonths < 1 || input.frequencyMonths > 120)) {
    v.add('frequencyMonths', 'billing frequency must be from 1 to 120 months');
  }
  if (input.price != null) {
    const cents = toCents(input.price);
    if (cents == null || cents < 0) v.add('price', 'price must be an amount of at least 0 with at most two decimals');
  }
  if (input.taxRate != null && (!PERCENT.test(input.taxRate.trim()) || Number(input.taxRate) > 100)) v.add('taxRate', 'taxRate must be a percentage from 0 to 100');
  if (input.limit1Gb != null && !GIGABYTES.test(input.limit1Gb.trim())) v.add('limit1Gb', 'limit1Gb must be a number of gigabytes of at least 0, three decimals at most');
  if (input.bandwidthTemplateId != null && (await findTemplates(db, operatorId, [input.bandwidthTemplateId])).length === 0) {
    v.add('bandwidthTemplateId', `bandwidth template ${input.bandwidthTemplateId} does not exist`, 'NOT_FOUND');
  }
  v.throwIfAny();
}

export async function createPlan(ctx: ServiceContext, input: PlanInput): Promise<PlanRow> {
  authorize(ctx.actor, 'catalog.write');
  const operatorId = ctx.actor.operatorId;
  await validatePlan(ctx.db, operatorId, input, true);
  const values = { ...setFields(input), operatorId, name: input.name!.trim() } as PlanColumns;
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(plans).values(values).returning();
    const { operatorId: _o, ...changes } = values;
    await audit(tx, ctx.actor, 'plan.create', 'plan', row!.id, changes);
    return row!;
  });
}

/**
 * Changes a plan. Subscriptions that did not override the price bill the new price from the
 * next invoicing run on; issued invoices keep theirs.
 */
export async function updatePlan(ctx: ServiceContext, id: number, input: PlanInput): Promise<PlanRow> {
  authorize(ctx.actor, 'catalog.write');
  const operatorId = ctx.actor.operatorId;
  const [existing] = await findByIds(ctx.db, operatorId, [id]);
  if (!existing) throw new NotFoundError('plan', id, ['id']);
  await validatePlan(ctx.db, operatorId, input, false);
  const changes = setFields(input) as Partial<PlanColumns>;
  if (Object.keys(changes).length === 0) return existing;
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.update(plans).set(changes).where(and(eq(plans.operatorId, operatorId), eq(plans.id, id))).returning();
    await audit(tx, ctx.actor, 'plan.update', 'plan', id, changes);
    return row!;
  });
}

/** Deletes a plan nobody is on, with its price points. */
export async function deletePlan(ctx: ServiceContext, id: number): Promise<void> {
  authorize(ctx.actor, 'catalog.write');
  const operatorId = ctx.actor.operatorId;
  const [existing] = await findByIds(ctx.db, operatorId, [id]);
  if (!existing) throw new NotFoundError('plan', id, ['id']);
  await refuseIfReferenced(ctx.db, 'plan', id, [
    { message: 'subscriptions bill it (disable it instead)', table: subscriptions, where: eq(subscriptions.planId, id) },
    { message: 'customers have it as their service plan', table: customers, where: eq(customers.servicePlanId, id) },
    { message: 'plan changes are scheduled to it', table: planChanges, where: eq(planChanges.toPlanId, id) },
  ]);
  await ctx.db.transaction(async (tx) => {
    await tx.delete(plans).where(and(eq(plans.operatorId, operatorId), eq(plans.id, id)));
    await audit(tx, ctx.actor, 'plan.delete', 'plan', id, { name: existing.name });
  });
}

// ---------------------------------------------------------------- price points

export interface SubPlanInput {
  /** On create only: the plan it prices. */
  planId?: number;
  name?: string;
  /** Plan periods bought, at least 1; default 1. */
  units?: number;
  price?: string;
  portal?: boolean;
  enabled?: boolean;
}

function validateSubPlan(input: SubPlanInput, creating: boolean, v: Validation): void {
  if (creating ? !input.name?.trim() : input.name != null && !input.name.trim()) v.add('name', 'name is required');
  if ((input.name?.length ?? 0) > MAX_TEXT) v.add('name', `name is longer than ${MAX_TEXT} characters`);
  if (creating && input.price == null) v.add('price', 'price is required');
  if (input.price != null) {
    const cents = toCents(input.price);
    if (cents == null || cents < 0) v.add('price', 'price must be an amount of at least 0 with at most two decimals');
  }
  if (input.units != null && (!Number.isInteger(input.units) || input.units < 1)) v.add('units', 'units must be a whole number of at least 1');
  if (!creating) for (const field of ['units', 'price', 'portal', 'enabled', 'name'] as const) if (input[field] === null) v.add(field, `${field} cannot be cleared`);
}

export async function createSubPlan(ctx: ServiceContext, input: SubPlanInput): Promise<SubPlanRow> {
  authorize(ctx.actor, 'catalog.write');
  const operatorId = ctx.actor.operatorId;
  const v = new Validation();
  validateSubPlan(input, true, v);
  if ((await findByIds(ctx.db, operatorId, [input.planId!])).length === 0) v.add('planId', `plan ${input.planId} does not exist`, 'NOT_FOUND');
  v.throwIfAny();
  const values = { ...setFields(input), operatorId, planId: input.planId!, name: input.name!.trim(), price: input.price!.trim() };
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(subPlans).values(values).returning();
    const { operatorId: _o, ...changes } = values;
    await audit(tx, ctx.actor, 'subPlan.create', 'sub_plan', row!.id, changes);
    return row!;
  });
}

export async function updateSubPlan(ctx: ServiceContext, id: number, input: SubPlanInput): Promise<SubPlanRow> {
  authorize(ctx.actor, 'catalog.write');
  const operatorId = ctx.actor.operatorId;
  const [existing] = await subPlansByIds(ctx.db, operatorId, [id]);
  if (!existing) throw new NotFoundError('sub-plan', id, ['id']);
  const v = new Validation();
  validateSubPlan(input, false, v);
  v.throwIfAny();
  const { planId: _p, ...rest } = input;
  const changes = setFields(rest) as Partial<typeof subPlans.$inferInsert>;
  if (Object.keys(changes).length === 0) return existing;
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.update(subPlans).set(changes).where(and(eq(subPlans.operatorId, operatorId), eq(subPlans.id, id))).returning();
    await audit(tx, ctx.actor, 'subPlan.update', 'sub_plan', id, changes);
    return row!;
  });
}

/** Deletes a price point no subscription was bought at. */
export async function deleteSubPlan(ctx: ServiceContext, id: number): Promise<void> {
  authorize(ctx.actor, 'catalog.write');
  const operatorId = ctx.actor.operatorId;
  const [existing] = await subPlansByIds(ctx.db, operatorId, [id]);
  if (!existing) throw new NotFoundError('sub-plan', id, ['id']);
  await refuseIfReferenced(ctx.db, 'sub-plan', id, [{ message: 'subscriptions were bought at it (disable it instead)', table: subscriptions, where: eq(subscriptions.subPlanId, id) }]);
  await ctx.db.transaction(async (tx) => {
    await tx.delete(subPlans).where(and(eq(subPlans.operatorId, operatorId), eq(subPlans.id, id)));
    await audit(tx, ctx.actor, 'subPlan.delete', 'sub_plan', id, { planId: existing.planId, name: existing.name });
  });
}
