/**
 * Moving a subscriber to another plan (Jaze E10 move_group: userId, groupId, type,
 * customDateTo, clearUserDataUsage, clearUserPolicies, moveBilling). A move now (or back-dated
 * to the start of the current billing cycle) is applied at once; a move at the next billing
 * cycle or on a custom date is recorded and applied by `applyDue` when its time comes.
 */
import { and, asc, desc, eq, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { operatorListQuery } from '../db/pagination';
import { audit } from '../shared/audit';
import type { ServiceContext } from '../shared/context';
import { NotFoundError, PreconditionFailedError, Validation } from '../shared/errors';
import { customers } from '../customers/customer.table';
import { bandwidthOverrides } from '../radius/bandwidth-override.table';
import { vendorAttributeOverrides } from '../radius/vendor-attribute-override.table';
import { plans } from '../catalog/plan.table';
import { addMonths, isCalendarDate } from './dates';
import { planChanges } from './plan-change.table';
import { subscriptions } from './subscription.table';
import type { SubscriptionRow } from './subscription.service';
import { authorize } from '../tenancy/permissions';

export type PlanChangeRow = typeof planChanges.$inferSelect;
export type PlanChangeTiming = PlanChangeRow['timing'];

export interface MoveInput {
  customerId: number;
  /** Jaze `groupId`: an enabled service plan of the operator. */
  planId: number;
  timing: PlanChangeTiming;
  /** Jaze `customDateTo` (YYYY-MM-DD), required for `custom_date`; today or later. */
  customDate?: string | null;
  clearDataUsage?: boolean | null;
  clearPolicies?: boolean | null;
  /** Switch the active recurring subscription to the new plan too. */
  moveBilling?: boolean | null;
}

const TIMINGS: PlanChangeTiming[] = ['immediately', 'previous_billing_cycle', 'next_billing_cycle', 'custom_date'];

export async function findByIds(db: Executor, operatorId: number, ids: readonly number[]): Promise<PlanChangeRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(planChanges).where(and(eq(planChanges.operatorId, operatorId), inArray(planChanges.id, [...ids])));
}

/** A change not applied yet (also the compiled read path's rule). */
export const pendingChange = (): SQL => isNull(planChanges.appliedAt);

/** What a customer's pending plan changes can be ordered by; soonest first (EFFECTIVE_AT, ASC) by default, as the list always was. */
export const PLAN_CHANGE_SORTS = { ID: planChanges.id, EFFECTIVE_AT: planChanges.effectiveAt, CREATED_AT: planChanges.createdAt } as const;
export type PlanChangeSortField = keyof typeof PLAN_CHANGE_SORTS;

/** A customer's plan changes not applied yet: the operator's, in the asked order (also the compiled read path's). */
export const customerPendingPlanChangesQuery = operatorListQuery(planChanges.operatorId, PLAN_CHANGE_SORTS, { field: 'EFFECTIVE_AT', direction: 'asc' }, pendingChange);

/**
 * The subscription that bills the customer's service: an active recurring one on the current
 * service plan, else the newest active recurring one on any service plan.
 */
async function billingSubscription(db: Executor, operatorId: number, customerId: number, servicePlanId: number | null, on: string): Promise<SubscriptionRow | null> {
  const rows = await db
    .select({ sub: subscriptions })
    .from(subscriptions)
    .innerJoin(plans, eq(plans.id, subscriptions.planId))
    .where(and(eq(subscriptions.customerId, customerId), billingCandidate(operatorId, on)))
    .orderBy(desc(sql`${subscriptions.planId} = ${servicePlanId ?? -1}`), desc(subscriptions.id));
  return rows[0]?.sub ?? null;
}

/** A subscription that can bill a service: active, recurring, on a service plan (joined as `plans`). */
function billingCandidate(operatorId: number, on: string): SQL {
  return and(
    eq(subscriptions.operatorId, operatorId),
    eq(subscriptions.type, 'recurring'),
    isNull(subscriptions.endedAt),
    sql`(${subscriptions.validTo} is null or ${subscriptions.validTo} >= ${on})`,
    eq(plans.kind, 'service'),
  )!;
}

/**
 * The first day of the cycle that ends on `nextBillingDate`: one billing period earlier. The day
 * of the month is the subscription's start day when the billing dates follow it (a cycle from
 * the 31st billed on Feb 28 started on Jan 31), else the billing date's own day (billing moved to
 * another day, e.g. the 1st of the month).
 */
export function billingCycleStart(nextBillingDate: string, frequencyMonths: number, validFrom: string): string {
  const startDay = Number(validFrom.slice(8, 10));
  const billingDay = Number(nextBillingDate.slice(8, 10));
  const monthLength = new Date(Date.UTC(Number(nextBillingDate.slice(0, 4)), Number(nextBillingDate.slice(5, 7)), 0)).getUTCDate();
  const followsStart = billingDay === Math.min(startDay, monthLength);
  return addMonths(nextBillingDate, -frequencyMonths, followsStart ? startDay : billingDay);
}

/** The current billing cycle of a customer's service: [start, end) as YYYY-MM-DD. */
export interface BillingCycle {
  customerId: number;
  subscriptionId: number;
  start: string;
  end: string;
}

/**
 * The current billing cycle of each customer that has one (Jaze currentBillingCycleUsage), in
 * one statement: the billing subscription chosen as move_group chooses it (on the customer's
 * current plan first, else the newest), ending on its next billing date and starting one
 * billing period before (the same back-dating as previousBillingCycle).
 */
export async function currentBillingCycles(db: Executor, operatorId: number, customerIds: readonly number[], on: string = new Date().toISOString().slice(0, 10)): Promise<Map<number, BillingCycle>> {
  const cycles = new Map<number, BillingCycle>();
  if (customerIds.length === 0) return cycles;
  const rows = await db
    .selectDistinctOn([subscriptions.customerId], {
      customerId: subscriptions.customerId,
      id: subscriptions.id,
      nextBillingDate: subscriptions.nextBillingDate,
      frequencyMonths: subscriptions.frequencyMonths,
      validFrom: subscriptions.validFrom,
    })
    .from(subscriptions)
    .innerJoin(plans, eq(plans.id, subscriptions.planId))
    .innerJoin(customers, eq(customers.id, subscriptions.customerId))
    .where(and(inArray(subscriptions.customerId, [...customerIds]), billingCandidate(operatorId, on)))
    .orderBy(asc(subscriptions.customerId), desc(sql`${subscriptions.planId} = coalesce(${customers.servicePlanId}, -1)`), desc(subscriptions.id));
  for (const row of rows) {
    // the chosen subscription decides: one with nothing more to bill has no current cycle
    if (!row.nextBillingDate) continue;
    const start = billingCycleStart(row.nextBillingDate, row.frequencyMonths, row.validFrom);
    cycles.set(row.customerId, { customerId: row.customerId, subscriptionId: row.id, start, end: row.nextBillingDate });
  }
  return cycles;
}

/** The plans move_group accepts for a customer: the operator's enabled service plans. */
export function movablePlanCondition(operatorId: number): SQL {
  return and(eq(plans.operatorId, operatorId), eq(plans.kind, 'service'), eq(plans.enabled, true))!;
}

/** Jaze get_allowed_groups: ids of the plans the customer can be moved to, by id. */
export async function movablePlanIds(ctx: ServiceContext, customerId: number): Promise<number[]> {
  const operatorId = ctx.actor.operatorId;
  const [customer] = await ctx.db.select({ id: customers.id }).from(customers).where(and(eq(customers.operatorId, operatorId), eq(customers.id, customerId)));
  if (!customer) throw new NotFoundError('customer', customerId, ['customerId']);
  const rows = await ctx.db.select({ id: plans.id }).from(plans).where(movablePlanCondition(operatorId)).orderBy(asc(plans.id));
  return rows.map((r) => r.id);
}

const midnight = (date: string) => new Date(`${date}T00:00:00.000Z`);

/**
 * Puts the customer on the plan and, with moveBilling, re-points the billing subscription.
 * clearDataUsage starts the usage count afresh (usage before `at` no longer counts against the
 * new plan; the session history stays); clearPolicies removes the customer's bandwidth and
 * vendor-attribute overrides, so the new plan's own policy applies.
 */
async function apply(
  tx: Executor,
  operatorId: number,
  change: Pick<PlanChangeRow, 'customerId' | 'toPlanId' | 'moveBilling' | 'clearDataUsage' | 'clearPolicies'>,
  on: string,
  at: Date,
): Promise<void> {
  const [customer] = await tx.select({ servicePlanId: customers.servicePlanId }).from(customers).where(eq(customers.id, change.customerId));
  const [plan] = await tx.select().from(plans).where(eq(plans.id, change.toPlanId));
  await tx
    .update(customers)
    .set({ servicePlanId: change.toPlanId, updatedAt: sql`now()`, ...(change.clearDataUsage ? { usageResetAt: at } : {}) })
    .where(eq(customers.id, change.customerId));
  if (change.clearPolicies) {
    await tx.delete(bandwidthOverrides).where(and(eq(bandwidthOverrides.operatorId, operatorId), eq(bandwidthOverrides.customerId, change.customerId)));
    await tx.delete(vendorAttributeOverrides).where(and(eq(vendorAttributeOverrides.operatorId, operatorId), eq(vendorAttributeOverrides.customerId, change.customerId)));
  }
  if (!change.moveBilling) return;
  const sub = await billingSubscription(tx, operatorId, change.customerId, customer?.servicePlanId ?? null, on);
  if (!sub) return;
  await tx
    .update(subscriptions)
    .set({
      planId: change.toPlanId,
      subPlanId: null,
      ...(sub.priceOverridden ? {} : { price: plan!.price }),
      ...(sub.descriptionOverridden ? {} : { description: plan!.name }),
    })
    .where(eq(subscriptions.id, sub.id));
}

/**
 * Jaze move_group. `immediately`: applied now. `previous_billing_cycle`: applied now, effective
 * from the start of the current cycle of the billing subscription. `next_billing_cycle`:
 * recorded, effective on the billing subscription's next billing date. `custom_date`: recorded,
 * effective at 00:00 UTC of `customDate`. Clearing data usage / policies happens when the move
 * is applied (see `apply`).
 */
export async function move(ctx: ServiceContext, input: MoveInput, now: Date = new Date()): Promise<PlanChangeRow> {
  authorize(ctx.actor, 'customers.write');
  const operatorId = ctx.actor.operatorId;
  const todayDate = now.toISOString().slice(0, 10);
  const v = new Validation();
  const [customer] = await ctx.db.select().from(customers).where(and(eq(customers.operatorId, operatorId), eq(customers.id, input.customerId)));
  if (!customer) v.add('customerId', `customer ${input.customerId} does not exist`, 'NOT_FOUND');
  const [plan] = await ctx.db.select().from(plans).where(and(eq(plans.operatorId, operatorId), eq(plans.id, input.planId)));
  if (!plan) v.add('planId', `plan ${input.planId} does not exist`, 'NOT_FOUND');
  else if (plan.kind !== 'service') v.add('planId', `plan ${plan.id} ("${plan.name}") is not a service plan`);
  else if (!plan.enabled) v.add('planId', `plan ${plan.id} ("${plan.name}") is disabled`);
  if (!TIMINGS.includes(input.timing)) v.add('timing', `timing must be one of ${TIMINGS.join(', ')}`);
  if (input.timing === 'custom_date') {
    if (!input.customDate) v.add('customDate', 'customDate is required when the timing is custom_date');
    else if (!isCalendarDate(input.customDate)) v.add('customDate', `customDate "${input.customDate}" is not a date (YYYY-MM-DD)`);
    else if (input.customDate < todayDate) v.add('customDate', 'customDate cannot be in the past');
  } else if (input.customDate != null) {
    v.add('customDate', 'customDate is only for the custom_date timing');
  }
  const applyNow = input.timing === 'immediately' || input.timing === 'previous_billing_cycle';
  if (customer && plan && applyNow && customer.servicePlanId === plan.id) v.add('planId', `customer ${customer.id} is already on plan ${plan.id}`);
  v.throwIfAny();

  let effectiveAt = now;
  if (input.timing === 'custom_date') effectiveAt = midnight(input.customDate!);
  if (input.timing === 'next_billing_cycle' || input.timing === 'previous_billing_cycle') {
    const sub = await billingSubscription(ctx.db, operatorId, customer!.id, customer!.servicePlanId, todayDate);
    if (!sub?.nextBillingDate) {
      const message = `customer ${customer!.id} has no active recurring service subscription, so it has no billing cycle`;
      throw new PreconditionFailedError(message, [{ field: ['timing'], message, code: 'PRECONDITION_FAILED' }]);
    }
    effectiveAt =
      input.timing === 'next_billing_cycle'
        ? midnight(sub.nextBillingDate)
        : midnight(billingCycleStart(sub.nextBillingDate, sub.frequencyMonths, sub.validFrom));
  }

  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(planChanges)
      .values({
        operatorId,
        customerId: customer!.id,
        fromPlanId: customer!.servicePlanId,
        toPlanId: plan!.id,
        timing: input.timing,
        effectiveAt,
        clearDataUsage: input.clearDataUsage ?? false,
        clearPolicies: input.clearPolicies ?? false,
        moveBilling: input.moveBilling ?? false,
        appliedAt: applyNow ? now : null,
        createdByStaffId: ctx.actor.staffUserId,
      })
      .returning();
    if (applyNow) await apply(tx, operatorId, row!, todayDate, now);
    await audit(tx, ctx.actor, 'customer.planChange', 'customer', customer!.id, {
      planChangeId: row!.id,
      fromPlanId: customer!.servicePlanId,
      toPlanId: plan!.id,
      timing: input.timing,
      effectiveAt: effectiveAt.toISOString(),
      applied: applyNow,
    });
    return row!;
  });
}

/** Applies every recorded move whose time has come (effectiveAt <= asOf), oldest first. */
export async function applyDue(ctx: ServiceContext, asOf: Date = new Date()): Promise<PlanChangeRow[]> {
  authorize(ctx.actor, 'customers.write');
  const operatorId = ctx.actor.operatorId;
  return ctx.db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(planChanges)
      .where(and(eq(planChanges.operatorId, operatorId), isNull(planChanges.appliedAt), lte(planChanges.effectiveAt, asOf)))
      .orderBy(asc(planChanges.effectiveAt), asc(planChanges.id))
      .for('update', { skipLocked: true });
    const applied: PlanChangeRow[] = [];
    for (const change of due) {
      await apply(tx, operatorId, change, asOf.toISOString().slice(0, 10), change.effectiveAt);
      const [row] = await tx.update(planChanges).set({ appliedAt: asOf }).where(eq(planChanges.id, change.id)).returning();
      await audit(tx, ctx.actor, 'customer.planChange.apply', 'customer', change.customerId, { planChangeId: change.id, toPlanId: change.toPlanId });
      applied.push(row!);
    }
    return applied;
  });
}

export async function getById(ctx: ServiceContext, id: number): Promise<PlanChangeRow> {
  const [row] = await findByIds(ctx.db, ctx.actor.operatorId, [id]);
  if (!row) throw new NotFoundError('plan change', id, ['id']);
  return row;
}

/**
 * Cancels a plan change that has not been applied yet: the customer stays on its plan. An
 * applied change is history (its subscription moved) and is refused; the worker applying due
 * changes locks the same row, so a change is either cancelled or applied, never both.
 */
export async function cancel(ctx: ServiceContext, id: number): Promise<PlanChangeRow> {
  authorize(ctx.actor, 'customers.write');
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(planChanges)
      .where(and(eq(planChanges.operatorId, ctx.actor.operatorId), eq(planChanges.id, id)))
      .for('update');
    if (!row) throw new NotFoundError('plan change', id, ['id']);
    if (row.appliedAt) {
      const message = `plan change ${id} was applied on ${row.appliedAt.toISOString()}; move the customer again instead`;
      throw new PreconditionFailedError(message, [{ field: ['id'], message, code: 'PRECONDITION_FAILED' }]);
    }
    await tx.delete(planChanges).where(eq(planChanges.id, id));
    await audit(tx, ctx.actor, 'planChange.cancel', 'customer', row.customerId, { planChangeId: id, toPlanId: row.toPlanId, effectiveAt: row.effectiveAt.toISOString() });
    return row;
  });
}
