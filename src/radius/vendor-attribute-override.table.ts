import { boolean, check, index, integer, numeric, pgEnum, pgTable, smallint, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAt, idColumn, operatorColumn, updatedAt } from '../db/columns';
import { customers } from '../customers/customer.table';
import { overrideReset, overrideResetEvery, overrideResetUnit } from './bandwidth-override.table';
import { radiusOpCheck, radiusOperators } from './radius-op';

/** Whether an attribute is a check item (radcheck) or a reply item (radreply). */
export const radiusAttributeKind = pgEnum('radius_attribute_kind', ['check', 'reply']);

/**
 * A per-customer override of vendor-specific RADIUS attributes (Jaze E30
 * override_user_vendor_attributes: `vendorRestriction`, `vendorReset`, `vendorResetLimit`,
 * `vendorResetUnitData`, `vendorResetEvery`, `vendorResetEveryValue`,
 * `vendorResetEveryValueDay`, `vendorReset2`; the attribute lists `vendorData` and
 * `vendorData1` are the items below). Same reset rules as bandwidth overrides.
 */
export const vendorAttributeOverrides = pgTable(
  'vendor_attribute_overrides',
  {
    id: idColumn(),
    operatorId: operatorColumn(),
    customerId: integer()
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    restrictionOn: boolean().notNull().default(false),
    reset: overrideReset(),
    resetLimit: numeric(),
    resetUnit: overrideResetUnit(),
    resetEvery: overrideResetEvery(),
    resetEveryValue: smallint(),
    resetEveryDay: smallint(),
    reset2: overrideReset(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('vendor_attribute_overrides_customer_key').on(t.customerId),
    index('vendor_attribute_overrides_operator_idx').on(t.operatorId),
    check('vendor_attribute_overrides_reset_every_value_check', sql`${t.resetEveryValue} between 1 and 31`),
    check('vendor_attribute_overrides_reset_every_day_check', sql`${t.resetEveryDay} between 0 and 6`),
    check('vendor_attribute_overrides_reset2_check', sql`${t.reset2} = 'always'`),
    check('vendor_attribute_overrides_reset_limit_check', sql`${t.resetLimit} > 0`),
    check(
      'vendor_attribute_overrides_reset_complete_check',
      sql`${t.reset} is null or ${t.reset} = 'always' or (${t.resetLimit} is not null and ${t.resetUnit} is not null and ${t.resetEvery} is not null)`,
    ),
  ],
);

/**
 * One attribute of a vendor override: Jaze `vendorData[]` (set 1, the normal profile) or
 * `vendorData1[]` (set 2, the profile after the reset), each `{type, vendor, attribute, equals,
 * value}`.
 */
export const vendorAttributeOverrideItems = pgTable(
  'vendor_attribute_override_items',
  {
    id: idColumn(),
    operatorId: operatorColumn(),
    overrideId: integer()
      .notNull()
      .references(() => vendorAttributeOverrides.id, { onDelete: 'cascade' }),
    /** 1 = `vendorData`, 2 = `vendorData1`. */
    set: smallint().notNull().default(1),
    /** Jaze `type`. */
    kind: radiusAttributeKind().notNull(),
    vendor: text().notNull(),
    attribute: text().notNull(),
    /** Jaze `equals`. */
    op: text({ enum: radiusOperators }).notNull(),
    value: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('vendor_attribute_override_items_override_idx').on(t.overrideId, t.set),
    index('vendor_attribute_override_items_operator_idx').on(t.operatorId),
    check('vendor_attribute_override_items_set_check', sql`${t.set} in (1, 2)`),
    radiusOpCheck('vendor_attribute_override_items_op_check', t.op),
  ],
);
