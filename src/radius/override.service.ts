/**
 * Per-customer overrides of the plan's RADIUS profile: bandwidth (FUP) overrides (Jaze E28
 * override_user_bandwidth) and vendor-attribute overrides (Jaze E30
 * override_user_vendor_attributes). Every surface calls these; a set validates everything
 * first, then replaces the customer's override in one transaction with its audit entry.
 *
 * The reset rules, as Jaze documents them (and as the tables' CHECK constraints enforce):
 * - Only when the restriction is on do the reset arguments take effect: with it off they are
 *   ignored and stored empty (no reset, no second profile, no FUP options).
 * - With it on, a reset mode is needed. Unless it is `always`, the limit (> 0), its unit, the
 *   period, `reset2` (only `always` exists) and the second profile are mandatory.
 * - The day of month (1..31) belongs to a `monthly` period and is required for it; the day of
 *   week (0 = Sunday .. 6 = Saturday) belongs to a `weekly` period and is required for it.
 * - Templates must exist in the caller's operator.
 * "Pass only userId to remove the override" is `clearBandwidth` / `clearVendorAttributes`.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { audit } from '../shared/audit';
import type { ServiceContext } from '../shared/context';
import { Validation } from '../shared/errors';
import * as customerService from '../customers/customer.service';
import { bandwidthTemplates } from '../catalog/bandwidth-template.table';
import { bandwidthOverrides, overrideReset, overrideResetEvery, overrideResetUnit } from './bandwidth-override.table';
import { radiusAttributeKind, vendorAttributeOverrideItems, vendorAttributeOverrides } from './vendor-attribute-override.table';
import { radiusOperators, type RadiusOperator } from './radius-op';
import { authorize } from '../tenancy/permissions';

export type BandwidthOverrideRow = typeof bandwidthOverrides.$inferSelect;
export type VendorAttributeOverrideRow = typeof vendorAttributeOverrides.$inferSelect;
export type VendorAttributeOverrideItemRow = typeof vendorAttributeOverrideItems.$inferSelect;

export type OverrideReset = (typeof overrideReset.enumValues)[number];
export type OverrideResetUnit = (typeof overrideResetUnit.enumValues)[number];
export type OverrideResetEvery = (typeof overrideResetEvery.enumValues)[number];
export type RadiusAttributeKind = (typeof radiusAttributeKind.enumValues)[number];

/** The reset arguments both overrides share (Jaze `bandwidth…` / `vendor…`). */
export interface ResetInput {
  customerId: number;
  /** Jaze `…Restriction = "on"`; only then do the other reset fields take effect. */
  restrictionOn?: boolean | null;
  reset?: OverrideReset | null;
  /** The FUP limit, a decimal number > 0, in `resetUnit`. */
  resetLimit?: string | number | null;
  resetUnit?: OverrideResetUnit | null;
  resetEvery?: OverrideResetEvery | null;
  /** Day of month (1..31) a `monthly` period starts on. */
  resetEveryValue?: number | null;
  /** Day of week (0 = Sunday .. 6) a `weekly` period starts on. */
  resetEveryDay?: number | null;
  /** Only `always` exists. */
  reset2?: OverrideReset | null;
}

export interface BandwidthOverrideInput extends ResetInput {
  bandwidthTemplateId: number;
  bandwidthTemplate2Id?: number | null;
  excludeUpload?: boolean | null;
  carryForwardPreviousData?: boolean | null;
}

export interface VendorAttributeItemInput {
  /** 1 = Jaze `vendorData` (the normal profile), 2 = `vendorData1` (after the reset). */
  set: number;
  kind: RadiusAttributeKind;
  vendor: string;
  attribute: string;
  /** Jaze `equals`: a FreeRADIUS operator. */
  op: string;
  value: string;
}

export interface VendorAttributeOverrideInput extends ResetInput {
  items: VendorAttributeItemInput[];
}

type ResetColumns = Pick<BandwidthOverrideRow, 'restrictionOn' | 'reset' | 'resetLimit' | 'resetUnit' | 'resetEvery' | 'resetEveryValue' | 'resetEveryDay' | 'reset2'>;

const LIMIT = /^\d{1,12}(\.\d{1,4})?$/;
const EMPTY_RESET: ResetColumns = {
  restrictionOn: false,
  reset: null,
  resetLimit: null,
  resetUnit: null,
  resetEvery: null,
  resetEveryValue: null,
  resetEveryDay: null,
  reset2: null,
};

/**
 * Checks the shared reset arguments and returns the columns to store. `secondProfile` says
 * whether the second profile (template 2 / `vendorData1`) was given, and `secondField` where
 * to report its absence.
 */
function resetColumns(input: ResetInput, v: Validation, secondProfile: boolean, secondField: string): ResetColumns {
  if (!input.restrictionOn) return EMPTY_RESET;
  const { reset, resetUnit, resetEvery, resetEveryValue, resetEveryDay, reset2 } = input;
  const limit = input.resetLimit == null ? null : String(input.resetLimit).trim();
  if (reset == null) v.add('reset', 'reset is required when the restriction is on');
  else if (!overrideReset.enumValues.includes(reset)) v.add('reset', `reset must be one of ${overrideReset.enumValues.join(', ')}`);
  const mandatory = reset != null && reset !== 'always';
  if (limit != null && (!LIMIT.test(limit) || Number(limit) <= 0)) v.add('resetLimit', 'reset limit must be a number greater than 0');
  if (resetUnit != null && !overrideResetUnit.enumValues.includes(resetUnit)) v.add('resetUnit', `reset unit must be one of ${overrideResetUnit.enumValues.join(', ')}`);
  if (resetEvery != null && !overrideResetEvery.enumValues.includes(resetEvery)) v.add('resetEvery', `reset period must be one of ${overrideResetEvery.enumValues.join(', ')}`);
  if (resetEveryValue != null) {
    if (resetEvery !== 'monthly') v.add('resetEveryValue', 'a day of month is given only for a monthly reset period');
    else if (!Number.isInteger(resetEveryValue) || resetEveryValue < 1 || resetEveryValue > 31) v.add('resetEveryValue', 'the day of month must be from 1 to 31');
  }
  if (resetEveryDay != null) {
    if (resetEvery !== 'weekly') v.add('resetEveryDay', 'a day of week is given only for a weekly reset period');
    else if (!Number.isInteger(resetEveryDay) || resetEveryDay < 0 || resetEveryDay > 6) v.add('resetEveryDay', 'the day of week must be from 0 (Sunday) to 6 (Saturday)');
  }
  if (reset2 != null && reset2 !== 'always') v.add('reset2', 'reset2 can only be always');
  if (mandatory) {
    const why = `is required unless reset is always`;
    if (limit == null) v.add('resetLimit', `reset limit ${why}`);
    if (resetUnit == null) v.add('resetUnit', `reset unit ${why}`);
    if (resetEvery == null) v.add('resetEvery', `reset period ${why}`);
    else if (resetEvery === 'monthly' && resetEveryValue == null) v.add('resetEveryValue', 'a monthly reset period needs its day of month (1 to 31)');
    else if (resetEvery === 'weekly' && resetEveryDay == null) v.add('resetEveryDay', 'a weekly reset period needs its day of week (0 to 6)');
    if (reset2 == null) v.add('reset2', `reset2 ${why}`);
    if (!secondProfile) v.add(secondField, `the second profile ${why}`);
  }
  return {
    restrictionOn: true,
    reset: reset ?? null,
    resetLimit: limit,
    resetUnit: resetUnit ?? null,
    resetEvery: resetEvery ?? null,
    resetEveryValue: resetEveryValue ?? null,
    resetEveryDay: resetEveryDay ?? null,
    reset2: reset2 ?? null,
  };
}

async function templatesExist(db: Executor, operatorId: number, checks: [string, number | null | undefined][], v: Validation): Promise<void> {
  for (const [field, id] of checks) {
    if (id == null) continue;
    const [found] = await db
      .select({ id: bandwidthTemplates.id })
      .from(bandwidthTemplates)
      .where(and(eq(bandwidthTemplates.operatorId, operatorId), eq(bandwidthTemplates.id, id)));
    if (!found) v.add(field, `bandwidth template ${id} does not exist`, 'NOT_FOUND');
  }
}

// ---------------------------------------------------------------- reading

export async function bandwidthOverridesByCustomers(db: Executor, operatorId: number, customerIds: readonly number[]): Promise<BandwidthOverrideRow[]> {
  if (customerIds.length === 0) return [];
  return db
    .select()
    .from(bandwidthOverrides)
    .where(and(eq(bandwidthOverrides.operatorId, operatorId), inArray(bandwidthOverrides.customerId, [...customerIds])));
}

export async function vendorAttributeOverridesByCustomers(db: Executor, operatorId: number, customerIds: readonly number[]): Promise<VendorAttributeOverrideRow[]> {
  if (customerIds.length === 0) return [];
  return db
    .select()
    .from(vendorAttributeOverrides)
    .where(and(eq(vendorAttributeOverrides.operatorId, operatorId), inArray(vendorAttributeOverrides.customerId, [...customerIds])));
}

export async function vendorAttributeItemsByOverrides(db: Executor, operatorId: number, overrideIds: readonly number[]): Promise<VendorAttributeOverrideItemRow[]> {
  if (overrideIds.length === 0) return [];
  return db
    .select()
    .from(vendorAttributeOverrideItems)
    .where(and(eq(vendorAttributeOverrideItems.operatorId, operatorId), inArray(vendorAttributeOverrideItems.overrideId, [...overrideIds])))
    .orderBy(asc(vendorAttributeOverrideItems.set), asc(vendorAttributeOverrideItems.id));
}

// ---------------------------------------------------------------- bandwidth (E28)

/** Sets (replaces) the customer's bandwidth override. */
export async function setBandwidth(ctx: ServiceContext, input: BandwidthOverrideInput): Promise<BandwidthOverrideRow> {
  authorize(ctx.actor, 'network.write');
  const operatorId = ctx.actor.operatorId;
  await customerService.getById(ctx, input.customerId);
  const v = new Validation();
  const on = !!input.restrictionOn;
  const reset = resetColumns(input, v, input.bandwidthTemplate2Id != null, 'bandwidthTemplate2Id');
  if (input.bandwidthTemplateId == null) v.add('bandwidthTemplateId', 'bandwidth template is required');
  await templatesExist(ctx.db, operatorId, [['bandwidthTemplateId', input.bandwidthTemplateId], ['bandwidthTemplate2Id', on ? input.bandwidthTemplate2Id : null]], v);
  v.throwIfAny();
  const columns = {
    ...reset,
    bandwidthTemplateId: input.bandwidthTemplateId,
    bandwidthTemplate2Id: on ? (input.bandwidthTemplate2Id ?? null) : null,
    excludeUpload: on ? !!input.excludeUpload : false,
    carryForwardPreviousData: on ? !!input.carryForwardPreviousData : false,
  };
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(bandwidthOverrides)
      .values({ operatorId, customerId: input.customerId, ...columns })
      .onConflictDoUpdate({ target: bandwidthOverrides.customerId, set: { ...columns, updatedAt: sql`now()` } })
      .returning();
    await audit(tx, ctx.actor, 'customer.bandwidthOverride.set', 'customer', input.customerId, columns);
    return row!;
  });
}

/** Removes the customer's bandwidth override, if it has one (Jaze: "pass only userId"). */
export async function clearBandwidth(ctx: ServiceContext, customerId: number): Promise<{ removed: boolean }> {
  authorize(ctx.actor, 'network.write');
  const operatorId = ctx.actor.operatorId;
  await customerService.getById(ctx, customerId);
  return ctx.db.transaction(async (tx) => {
    const gone = await tx
      .delete(bandwidthOverrides)
      .where(and(eq(bandwidthOverrides.operatorId, operatorId), eq(bandwidthOverrides.customerId, customerId)))
      .returning({ id: bandwidthOverrides.id });
    if (gone.length) await audit(tx, ctx.actor, 'customer.bandwidthOverride.clear', 'customer', customerId);
    return { removed: gone.length > 0 };
  });
}

// ---------------------------------------------------------------- vendor attributes (E30)

function checkItems(items: VendorAttributeItemInput[], v: Validation): void {
  items.forEach((item, i) => {
    const at = (field: string) => ['items', String(i), field];
    if (item.set !== 1 && item.set !== 2) v.add(at('set'), 'set must be 1 (vendorData) or 2 (vendorData1)');
    if (!radiusAttributeKind.enumValues.includes(item.kind)) v.add(at('kind'), 'kind must be check or reply');
    if (!item.vendor?.trim()) v.add(at('vendor'), 'vendor is required');
    if (!item.attribute?.trim()) v.add(at('attribute'), 'attribute is required');
    if (!radiusOperators.includes(item.op as RadiusOperator)) v.add(at('op'), `op must be one of ${radiusOperators.join(' ')}`);
    if (item.value == null || item.value === '') v.add(at('value'), 'value is required');
  });
}

/** Sets (replaces) the customer's vendor-attribute override with its attribute items. */
export async function setVendorAttributes(ctx: ServiceContext, input: VendorAttributeOverrideInput): Promise<{ override: VendorAttributeOverrideRow; items: VendorAttributeOverrideItemRow[] }> {
  authorize(ctx.actor, 'network.write');
  const operatorId = ctx.actor.operatorId;
  await customerService.getById(ctx, input.customerId);
  const v = new Validation();
  const on = !!input.restrictionOn;
  const items = input.items ?? [];
  checkItems(items, v);
  if (!items.some((i) => i.set === 1)) v.add('items', 'at least one attribute of set 1 (vendorData) is required');
  const reset = resetColumns(input, v, items.some((i) => i.set === 2), 'items');
  v.throwIfAny();
  // the second set takes effect only with the restriction on
  const kept = items.filter((i) => on || i.set === 1).map((i) => ({ set: i.set, kind: i.kind, vendor: i.vendor.trim(), attribute: i.attribute.trim(), op: i.op as RadiusOperator, value: i.value }));
  return ctx.db.transaction(async (tx) => {
    const [override] = await tx
      .insert(vendorAttributeOverrides)
      .values({ operatorId, customerId: input.customerId, ...reset })
      .onConflictDoUpdate({ target: vendorAttributeOverrides.customerId, set: { ...reset, updatedAt: sql`now()` } })
      .returning();
    await tx.delete(vendorAttributeOverrideItems).where(eq(vendorAttributeOverrideItems.overrideId, override!.id));
    const rows = await tx
      .insert(vendorAttributeOverrideItems)
      .values(kept.map((i) => ({ operatorId, overrideId: override!.id, ...i })))
      .returning();
    await audit(tx, ctx.actor, 'customer.vendorAttributeOverride.set', 'customer', input.customerId, { ...reset, items: kept });
    return { override: override!, items: rows.sort((a, b) => a.set - b.set || a.id - b.id) };
  });
}

/** Removes the customer's vendor-attribute override and its items, if it has one. */
export async function clearVendorAttributes(ctx: ServiceContext, customerId: number): Promise<{ removed: boolean }> {
  authorize(ctx.actor, 'network.write');
  const operatorId = ctx.actor.operatorId;
  await customerService.getById(ctx, customerId);
  return ctx.db.transaction(async (tx) => {
    const gone = await tx
      .delete(vendorAttributeOverrides)
      .where(and(eq(vendorAttributeOverrides.operatorId, operatorId), eq(vendorAttributeOverrides.customerId, customerId)))
      .returning({ id: vendorAttributeOverrides.id });
    if (gone.length) await audit(tx, ctx.actor, 'customer.vendorAttributeOverride.clear', 'customer', customerId);
    return { removed: gone.length > 0 };
  });
}

/** The override writes, grouped as the surfaces call them. */
export const overrides = { setBandwidth, clearBandwidth, setVendorAttributes, clearVendorAttributes };
