/**
 * Subscriptions: the plans a customer is billed for (SIMPLer addSubscription,
 * deleteSubscription, getActiveSubscriptionData). Every surface calls these functions; writes
 * validate everything first, then run in one transaction with their audit entry.
 */
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { listCount, listPage, type PageArgs, type SortKey, sortKeyOf } from '../db/pagination';
import { audit } from '../shared/audit';
import type { ServiceContext } from '../shared/context';
import { NotFoundError, Validation } from '../shared/errors';
import { setFields } from '../shared/patch';
import { findById as findCustomer } from '../customers/customer.service';
import { customers } from '../customers/customer.table';
import { findByIds as findPlans, subPlansByIds, type PlanRow } from '../catalog/plan.service';
import { plans } from '../catalog/plan.table';
import { enqueue as enqueueJob } from '../jobs/job.service';
import { findByIds as findTaxZones } from '../catalog/tax-zone.service';
import { toCents, today } from './money';
import { subscriptions } from './subscription.table';
import { authorize } from '../tenancy/permissions';
import { updatedWithin, type UpdatedRange } from '../sync/updated-range';

export type SubscriptionRow = typeof subscriptions.$inferSelect;

// ---------------------------------------------------------------- reading

export async function findByIds(db: Executor, operatorId: number, ids: readonly number[]): Promise<SubscriptionRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(subscriptions).where(and(eq(subscriptions.operatorId, operatorId), inArray(subscriptions.id, [...ids])));
}

export async function getById(ctx: ServiceContext, id: number, field: string[] = ['id']): Promise<SubscriptionRow> {
  const [row] = await findByIds(ctx.db, ctx.actor.operatorId, [id]);
  if (!row) throw new NotFoundError('subscription', id, field);
  return row;
}

/**
 * Active = not ended, and not past its `validTo`. `on` is a YYYY-MM-DD date (default: today,
 * UTC), passed to SQL as a value so the filter and the computed field agree on what "today" is.
 */
export function isActive(row: Pick<SubscriptionRow, 'endedAt' | 'validTo'>, on: string = today()): boolean {
  return row.endedAt == null && (row.validTo == null || row.validTo >= on);
}

/** isActive as SQL, for lists filtered by it and for the compiled read path. */
export function activeCondition(on: string): SQL {
  return sql`(${subscriptions.endedAt} is null and (${subscriptions.validTo} is null or ${subscriptions.validTo} >= ${on}))`;
}

export interface SubscriptionFilter extends UpdatedRange {
  customerId?: number | null;
  planId?: number | null;
  type?: SubscriptionRow['type'] | null;
  /** true: active only; false: ended or expired only. */
  active?: boolean | null;
}

export function subscriptionConditions(operatorId: number, filter: SubscriptionFilter = {}): SQL {
  const conditions: (SQL | undefined)[] = [eq(subscriptions.operatorId, operatorId)];
  if (filter.customerId != null) conditions.push(eq(subscriptions.customerId, filter.customerId));
  if (filter.planId != null) conditions.push(eq(subscriptions.planId, filter.planId));
  if (filter.type != null) conditions.push(eq(subscriptions.type, filter.type));
  if (filter.active != null) conditions.push(filter.active ? activeCondition(today()) : sql`not ${activeCondition(today())}`);
  conditions.push(...updatedWithin(subscriptions.updatedAt, filter));
  return and(...conditions)!;
}

export const SUBSCRIPTION_SORTS = { ID: subscriptions.id, VALID_FROM: subscriptions.validFrom, CREATED_AT: subscriptions.createdAt, UPDATED_AT: subscriptions.updatedAt } as const;
export type SubscriptionSortField = keyof typeof SUBSCRIPTION_SORTS;

export function subscriptionSort(field: SubscriptionSortField = 'ID', direction: 'asc' | 'desc' = 'asc'): SortKey {
  return sortKeyOf(SUBSCRIPTION_SORTS, field, direction);
}

export async function list(ctx: ServiceContext, filter: SubscriptionFilter, sort: SortKey, page: PageArgs) {
  const where = subscriptionConditions(ctx.actor.operatorId, filter);
  return {
    page: await listPage(ctx.db, { table: subscriptions, idColumn: subscriptions.id, where, sort }, page),
    count: () => listCount(ctx.db, subscriptions, where),
  };
}

/** An active subscription with the plan (SIMPLer product) it bills. */
export interface ActiveSubscription {
  subscription: SubscriptionRow;
  plan: PlanRow;
}

/**
 * A customer's active subscriptions with their plans, oldest first (SIMPLer
 * getActiveSubscriptionData). An unknown customer is an error, not an empty list.
 */
export async function activeOfCustomer(ctx: ServiceContext, customerId: number, on: string = today()): Promise<ActiveSubscription[]> {
  const operatorId = ctx.actor.operatorId;
  if (!(await findCustomer(ctx.db, operatorId, customerId))) throw new NotFoundError('customer', customerId, ['customerId']);
  const rows = await ctx.db
    .select({ subscription: subscriptions, plan: plans })
    .from(subscriptions)
    .innerJoin(plans, eq(plans.id, subscriptions.planId))
    .where(and(eq(subscriptions.operatorId, operatorId), eq(subscriptions.customerId, customerId), activeCondition(on)))
    .orderBy(asc(subscriptions.validFrom), asc(subscriptions.id));
  return rows;
}

// ---------------------------------------------------------------- writing

/** SIMPLer addSubscription's attributes; omitted ones take the defaults described on each. */
export interface SubscriptionInput {
  customerId: number;
  /** SIMPLer `productid`. */
  planId: number;
  subPlanId?: number | null;
  type?: SubscriptionRow['type'] | null;
  /** Default 1. */
  quantity?: number | null;
  /** Percent off, 0..100; default 0. */
  discount?: string | null;
  rounding?: SubscriptionRow['rounding'] | null;
  premium?: string | null;
  /** An override of the plan's price (sets `priceOverridden`); default: the plan's price. */
  price?: string | null;
  /**
   * SIMPLer `price_changed`. Default: whether `price` is given. True needs a `price`; false keeps
   * a given price on record but bills the plan's current price, as an unchanged product does.
   */
  priceOverridden?: boolean | null;
  /** An override of the plan's name (sets `descriptionOverridden`); default: the plan's name. */
  description?: string | null;
  /** SIMPLer `description_changed`; like `priceOverridden`, for the description. */
  descriptionOverridden?: boolean | null;
  /**
   * SIMPLer `revert_customer`: put the customer's service access back to normal (`active`), e.g.
   * after a suspension for non-payment, in the same transaction as the subscription.
   */
  revertCustomer?: boolean | null;
  /** YYYY-MM-DD; default today. */
  validFrom?: string | null;
  validTo?: string | null;
  cycles?: number | null;
  /** Default: the plan's frequency, else 1. */
  frequencyMonths?: number | null;
  /** Default: the customer's tax zone. */
  taxZoneId?: number | null;
  /** Default: the customer's tax mode, else `default`. */
  taxMode?: SubscriptionRow['taxMode'] | null;
  /** Default: the tax zone's rate, else the plan's, else the customer's. */
  taxRate?: string | null;
  overage?: string | null;
  formula?: string | null;
  overageId?: number | null;
  freeService?: boolean | null;
}

/** What can be changed on a subscription after it is added (its customer and plan cannot). */
export type SubscriptionTerms = Pick<
  SubscriptionInput,
  | 'quantity' | 'discount' | 'rounding' | 'premium' | 'price' | 'description' | 'validTo' | 'cycles' | 'frequencyMonths'
  | 'taxZoneId' | 'taxMode' | 'taxRate' | 'overage' | 'formula' | 'overageId' | 'freeService'
>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const PERCENT = /^\d{1,3}(\.\d{1,4})?$/;
const MAX_TEXT = 500;

function validDate(value: string): boolean {
  return DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}

function checkPercent(v: Validation, field: string, value: string | null | undefined): void {
  if (value == null) return;
  if (!PERCENT.test(value.trim()) || Number(value) > 100) v.add(field, `${field} must be a percentage from 0 to 100`);
}

function checkMoney(v: Validation, field: string, value: string | null | undefined, allowNegative = false): void {
  if (value == null) return;
  const cents = toCents(value);
  if (cents == null) v.add(field, `${field} must be an amount with at most two decimals, e.g. "12.30"`);
  else if (cents < 0 && !allowNegative) v.add(field, `${field} cannot be negative`);
}

/** The terms a subscription is billed on, checked alike when it is added and when it is changed. */
function checkTerms(v: Validation, input: SubscriptionTerms): void {
  if (input.quantity != null && (!Number.isInteger(input.quantity) || input.quantity < 1)) v.add('quantity', 'quantity must be a whole number of at least 1');
  checkPercent(v, 'discount', input.discount);
  checkPercent(v, 'taxRate', input.taxRate);
  checkMoney(v, 'price', input.price);
  checkMoney(v, 'premium', input.premium, true);
  checkMoney(v, 'overage', input.overage);
  if (input.description != null && !input.description.trim()) v.add('description', 'description cannot be blank');
  if (input.description != null && input.description.length > MAX_TEXT) v.add('description', `description is longer than ${MAX_TEXT} characters`);
  if (input.cycles != null && (!Number.isInteger(input.cycles) || input.cycles < 1)) v.add('cycles', 'cycles must be a whole number of at least 1');
  if (input.frequencyMonths != null && (!Number.isInteger(input.frequencyMonths) || input.frequencyMonths < 1 || input.frequencyMonths > 120)) {
    v.add('frequencyMonths', 'billing frequency must be from 1 to 120 months');
  }
}

/**
 * Adds a subscription. The customer and plan must exist in the operator and the plan must be
 * enabled; price and description default to the plan's, and giving either marks it overridden;
 * billing starts on `validFrom` (the next billing date).
 */
export async function create(ctx: ServiceContext, input: SubscriptionInput): Promise<SubscriptionRow> {
  authorize(ctx.actor, 'customers.write');
  const operatorId = ctx.actor.operatorId;
  const v = new Validation();
  const [customer, [plan], [subPlan], [zone]] = await Promise.all([
    findCustomer(ctx.db, operatorId, input.customerId),
    findPlans(ctx.db, operatorId, [input.planId]),
    input.subPlanId != null ? subPlansByIds(ctx.db, operatorId, [input.subPlanId]) : Promise.resolve([]),
    input.taxZoneId != null ? findTaxZones(ctx.db, operatorId, [input.taxZoneId]) : Promise.resolve([]),
  ]);
  if (!customer) v.add('customerId', `customer ${input.customerId} does not exist`, 'NOT_FOUND');
  if (!plan) v.add('planId', `plan ${input.planId} does not exist`, 'NOT_FOUND');
  else if (!plan.enabled) v.add('planId', `plan ${input.planId} ("${plan.name}") is disabled and cannot be subscribed to`);
  if (input.subPlanId != null) {
    if (!subPlan) v.add('subPlanId', `sub-plan ${input.subPlanId} does not exist`, 'NOT_FOUND');
    else if (plan && subPlan.planId !== plan.id) v.add('subPlanId', `sub-plan ${input.subPlanId} is not a price point of plan ${plan.id}`);
  }
  if (input.taxZoneId != null && !zone) v.add('taxZoneId', `tax zone ${input.taxZoneId} does not exist`, 'NOT_FOUND');

  checkTerms(v, input);
  if (input.priceOverridden === true && input.price == null) v.add('price', 'a price is required when the price is marked overridden (price_changed)');
  if (input.descriptionOverridden === true && input.description == null) {
    v.add('description', 'a description is required when the description is marked overridden (description_changed)');
  }
  const validFrom = input.validFrom ?? today();
  if (!validDate(validFrom)) v.add('validFrom', `validFrom "${validFrom}" is not a date (YYYY-MM-DD)`);
  if (input.validTo != null) {
    if (!validDate(input.validTo)) v.add('validTo', `validTo "${input.validTo}" is not a date (YYYY-MM-DD)`);
    else if (input.validTo < validFrom) v.add('validTo', `validTo ${input.validTo} is before validFrom ${validFrom}`);
  }
  v.throwIfAny();

  const taxZoneId = input.taxZoneId ?? customer!.taxZoneId ?? null;
  const [effectiveZone] = input.taxZoneId != null ? [zone] : taxZoneId != null ? await findTaxZones(ctx.db, operatorId, [taxZoneId]) : [];
  const values: typeof subscriptions.$inferInsert = {
    operatorId,
    customerId: customer!.id,
    planId: plan!.id,
    subPlanId: input.subPlanId ?? null,
    type: input.type ?? 'recurring',
    quantity: input.quantity ?? 1,
    discount: input.discount?.trim() ?? '0',
    rounding: input.rounding ?? 'default',
    premium: input.premium?.trim() ?? '0',
    price: input.price?.trim() ?? plan!.price,
    priceOverridden: input.priceOverridden ?? input.price != null,
    // SIMPLer bills a product under its name unless the description is overridden
    description: input.description?.trim() ?? plan!.name,
    descriptionOverridden: input.descriptionOverridden ?? input.description != null,
    validFrom,
    validTo: input.validTo ?? null,
    cycles: input.cycles ?? null,
    frequencyMonths: input.frequencyMonths ?? plan!.frequencyMonths ?? 1,
    taxZoneId,
    taxMode: input.taxMode ?? customer!.taxMode ?? 'default',
    taxRate: input.taxRate?.trim() ?? effectiveZone?.rate ?? plan!.taxRate ?? customer!.taxRate ?? null,
    overage: input.overage?.trim() ?? null,
    formula: input.formula ?? null,
    overageId: input.overageId ?? null,
    freeService: input.freeService ?? false,
    nextBillingDate: validFrom,
  };
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(subscriptions).values(values).returning();
    const { operatorId: _o, ...changes } = values;
    await audit(tx, ctx.actor, 'subscription.create', 'subscription', row!.id, changes);
    if (input.revertCustomer && customer!.accessState !== 'active') {
      await tx.update(customers).set({ accessState: 'active', updatedAt: sql`now()` }).where(and(eq(customers.operatorId, operatorId), eq(customers.id, customer!.id)));
      await audit(tx, ctx.actor, 'customer.revert', 'customer', customer!.id, { accessState: 'active', previousAccessState: customer!.accessState, subscriptionId: row!.id });
    }
    return row!;
  });
}

export interface RemoveOptions {
  /**
   * SIMPLer `deleteActiveProductId`: also delete the customer's other active subscriptions to
   * this plan. The customer must have an active subscription to it.
   */
  alsoActivePlanId?: number | null;
  /**
   * SIMPLer `update_wib_files`: queue re-deriving the customer's RADIUS groups from the
   * subscriptions left (the buckets-from-subscriptions job) once the deletion is done.
   */
  updateBuckets?: boolean | null;
}

/**
 * Deletes a subscription (SIMPLer deleteSubscription). One already billed can go too: invoice
 * lines are copies of what was billed, and their link to the subscription is set null.
 */
export async function remove(ctx: ServiceContext, id: number, options: RemoveOptions = {}): Promise<{ id: number; deletedIds: number[] }> {
  authorize(ctx.actor, 'customers.write');
  const operatorId = ctx.actor.operatorId;
  const existing = await getById(ctx, id);
  const ids = [existing.id];
  if (options.alsoActivePlanId != null) {
    const sameProduct = await ctx.db
      .select({ id: subscriptions.id })
      .from(subscriptions)
      .where(
        and(
          eq(subscriptions.operatorId, operatorId),
          eq(subscriptions.customerId, existing.customerId),
          eq(subscriptions.planId, options.alsoActivePlanId),
          activeCondition(today()),
        ),
      );
    if (sameProduct.length === 0) {
      new Validation()
        .add('alsoActivePlanId', `customer ${existing.customerId} has no active subscription to product ${options.alsoActivePlanId}`, 'NOT_FOUND')
        .throwIfAny();
    }
    for (const row of sameProduct) if (!ids.includes(row.id)) ids.push(row.id);
  }
  await ctx.db.transaction(async (tx) => {
    await tx.delete(subscriptions).where(and(eq(subscriptions.operatorId, operatorId), inArray(subscriptions.id, ids)));
    await audit(tx, ctx.actor, 'subscription.delete', 'subscription', id, {
      customerId: existing.customerId,
      planId: existing.planId,
      cyclesBilled: existing.cyclesBilled,
      ...(ids.length > 1 ? { alsoDeleted: ids.slice(1), activePlanId: options.alsoActivePlanId } : {}),
    });
  });
  if (options.updateBuckets) await enqueueJob(ctx, 'update_buckets_from_subscription', { customerId: existing.customerId, force: false });
  return { id, deletedIds: ids };
}

/**
 * Changes a subscription's terms. Fields left undefined stay; null clears: a null `price` or
 * `description` goes back to the plan's (no longer overridden), a null `validTo` or `cycles`
 * makes it open-ended. Customer, plan and start date are what was sold: to change them, delete
 * and add. Cycles already billed stay billed, so `cycles` cannot drop below them.
 */
export async function update(ctx: ServiceContext, id: number, input: SubscriptionTerms): Promise<SubscriptionRow> {
  authorize(ctx.actor, 'customers.write');
  const operatorId = ctx.actor.operatorId;
  const existing = await getById(ctx, id);
  const v = new Validation();
  checkTerms(v, input);
  for (const field of ['quantity', 'discount', 'rounding', 'premium', 'frequencyMonths', 'taxMode', 'freeService'] as const) {
    if (input[field] === null) v.add(field, `${field} cannot be cleared`);
  }
  if (input.validTo != null) {
    if (!validDate(input.validTo)) v.add('validTo', `validTo "${input.validTo}" is not a date (YYYY-MM-DD)`);
    else if (input.validTo < existing.validFrom) v.add('validTo', `validTo ${input.validTo} is before validFrom ${existing.validFrom}`);
  }
  if (input.cycles != null && input.cycles < existing.cyclesBilled) v.add('cycles', `cycles cannot be fewer than the ${existing.cyclesBilled} already billed`);
  if (input.taxZoneId != null && (await findTaxZones(ctx.db, operatorId, [input.taxZoneId])).length === 0) {
    v.add('taxZoneId', `tax zone ${input.taxZoneId} does not exist`, 'NOT_FOUND');
  }
  v.throwIfAny();

  const { price, description, ...rest } = input;
  // the not-null columns were refused a null above
  const changes = setFields(rest) as Partial<typeof subscriptions.$inferInsert>;
  if (price !== undefined || description !== undefined) {
    const [plan] = await findPlans(ctx.db, operatorId, [existing.planId]);
    if (price !== undefined) Object.assign(changes, { price: price?.trim() ?? plan!.price, priceOverridden: price != null });
    if (description !== undefined) Object.assign(changes, { description: description?.trim() ?? plan!.name, descriptionOverridden: description != null });
  }
  if (Object.keys(changes).length === 0) return existing;
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.update(subscriptions).set(changes).where(and(eq(subscriptions.operatorId, operatorId), eq(subscriptions.id, id))).returning();
    await audit(tx, ctx.actor, 'subscription.update', 'subscription', id, changes);
    return row!;
  });
}
