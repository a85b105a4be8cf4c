import { boolean, check, index, integer, numeric, pgEnum, pgTable, smallint, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { idColumn, operatorColumn, updatedAt } from '../db/columns';
import { bandwidthTemplates } from '../catalog/bandwidth-template.table';
import { customers } from '../customers/customer.table';

/**
 * When the second profile takes over (Jaze `bandwidthReset`/`vendorReset`): `always`;
 * `data` = while the FUP limit is not exceeded; `upload_download` (wire `uploadDownload`) =
 * while neither upload nor download exceeds it.
 */
export const overrideReset = pgEnum('override_reset', ['always', 'data', 'upload_download']);
/** Jaze `…ResetUnitData`. */
export const overrideResetUnit = pgEnum('override_reset_unit', ['mb', 'gb']);
/** Jaze `…ResetEvery`: when the usage counted against the limit starts again. */
export const overrideResetEvery = pgEnum('override_reset_every', ['daily', 'weekly', 'monthly', 'never', 'billing']);

/**
 * A per-customer bandwidth (FUP) override of the group's profile (Jaze E28
 * override_user_bandwidth: `bandwidthRestriction`, `bandwidthReset`, `bandwidthResetLimit`,
 * `bandwidthResetUnitData`, `bandwidthResetEvery`, `bandwidthResetEveryValue`,
 * `bandwidthResetEveryValueDay`, `bandwidthTemplate`, `bandwidthReset2`, `bandwidthTemplate2`,
 * `excludeUpload`, `carryForwardPreviousData`). One per customer; "pass only userId" deletes it.
 */
export const bandwidthOverrides = pgTable(
  'bandwidth_overrides',
  {
    id: idColumn(),
    operatorId: operatorColumn(),
    customerId: integer()
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    /** `bandwidthRestriction = "on"`: only then do the reset fields take effect. */
    restrictionOn: boolean().notNull().default(false),
    reset: overrideReset(),
    resetLimit: numeric(),
    resetUnit: overrideResetUnit(),
    resetEvery: overrideResetEvery(),
    /** Day of month the period starts on, for `monthly`. */
    resetEveryValue: smallint(),
    /** 0 = Sunday … 6 = Saturday, for `weekly`. */
    resetEveryDay: smallint(),
    bandwidthTemplateId: integer()
      .notNull()
      .references(() => bandwidthTemplates.id, { onDelete: 'restrict' }),
    /** Jaze documents `always` as the only value of `bandwidthReset2`. */
    reset2: overrideReset(),
    bandwidthTemplate2Id: integer().references(() => bandwidthTemplates.id, { onDelete: 'restrict' }),
    /** Upload does not count toward the FUP limit. */
    excludeUpload: boolean().notNull().default(false),
    carryForwardPreviousData: boolean().notNull().default(false),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('bandwidth_overrides_customer_key').on(t.customerId),
    index('bandwidth_overrides_operator_idx').on(t.operatorId),
    index('bandwidth_overrides_bandwidth_template_idx').on(t.bandwidthTemplateId),
    index('bandwidth_overrides_bandwidth_template2_idx').on(t.bandwidthTemplate2Id),
    check('bandwidth_overrides_reset_every_value_check', sql`${t.resetEveryValue} between 1 and 31`),
    check('bandwidth_overrides_reset_every_day_check', sql`${t.resetEveryDay} between 0 and 6`),
    check('bandwidth_overrides_reset2_check', sql`${t.reset2} = 'always'`),
    check('bandwidth_overrides_reset_limit_check', sql`${t.resetLimit} > 0`),
    /** Unless the reset is `always`, it needs a limit, a unit and a period (E28). */
    check(
      'bandwidth_overrides_reset_complete_check',
      sql`${t.reset} is null or ${t.reset} = 'always' or (${t.resetLimit} is not null and ${t.resetUnit} is not null and ${t.resetEvery} is not null)`,
    ),
  ],
);
