import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, numeric, pgEnum, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, money, operatorColumn, rate, updatedAt } from '../db/columns';
import { resellers } from '../resellers/reseller.table';
import { bandwidthTemplates } from './bandwidth-template.table';

/** SIMPLer products are not only services: one-off fees and hardware are products too. */
export const planKind = pgEnum('plan_kind', ['service', 'fee', 'hardware']);
/** CRM `protocol`: PPPoE, IPoE, LeasedLine. */
export const planProtocol = pgEnum('plan_protocol', ['pppoe', 'ipoe', 'leased_line']);
/** CRM `connectivity`: Wireless, Fibre, Hotspot. */
export const planConnectivity = pgEnum('plan_connectivity', ['wireless', 'fibre', 'hotspot']);
/** CRM `plan_period_unit`: Day, Month, Year. */
export const planPeriodUnit = pgEnum('plan_period_unit', ['day', 'month', 'year']);

/**
 * The one plan catalogue. A CRM plan (plan/list), a SIMPLer product (getProducts, the `productid`
 * of addSubscription) and a Jaze group (`Group_id`/`Group_name`, get_group_details,
 * get_allowed_groups, move_group) are the same row; the Jaze profile is `bandwidthTemplateId`.
 * Plans in use are disabled, not deleted (subscriptions refer to them with restrict).
 */
export const plans = pgTable(
  'plans',
  {
    id: idColumn(),
    operatorId: operatorColumn(),
    /** CRM `resellerid`: a plan a reseller sells; set null keeps the plan when the reseller goes. */
    resellerId: integer().references(() => resellers.id, { onDelete: 'set null' }),
    kind: planKind().notNull().default('service'),
    name: text().notNull(),
    description: text(),
    /** Null for fees and hardware. */
    protocol: planProtocol(),
    connectivity: planConnectivity(),
    /** CRM `plan_period` + `plan_period_unit`. */
    period: integer(),
    periodUnit: planPeriodUnit(),
    /** CRM `location_code` / `sub_location_code` (sort keys `lc`, `slc`). */
    locationCode: text(),
    subLocationCode: text(),
    enabled: boolean().notNull().default(true),
    dataCarryover: boolean().notNull().default(false),
    /** CRM `hide_bw_limit`. */
    hideBandwidthLimit: boolean().notNull().default(false),
    /** CRM `limit1_gb`: usage limit at bandwidth level 1; null = unlimited. */
    limit1Gb: numeric({ precision: 12, scale: 3 }),
    /** CRM `bw1_dl`/`bw1_ul` (level 1, before the limit) and level 2 (after it). */
    bw1DownloadKbps: integer(),
    bw1UploadKbps: integer(),
    bw2DownloadKbps: integer(),
    bw2UploadKbps: integer(),
    /** The Jaze profile. Restrict: a rate limit plans still use cannot vanish from under them. */
    bandwidthTemplateId: integer().references(() => bandwidthTemplates.id, { onDelete: 'restrict' }),
    /** FreeRADIUS group name subscribers of this plan are put in. */
    radiusGroup: text(),
    /** SIMPLer product list price; CRM price points live on sub_plans. */
    price: money(),
    /** SIMPLer billing frequency in months. */
    frequencyMonths: integer(),
    /** Percent; null = use the subscription's / tax zone's rate. */
    taxRate: rate(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('plans_operator_name_idx').on(t.operatorId, t.name),
    index('plans_operator_kind_idx').on(t.operatorId, t.kind),
    index('plans_operator_protocol_idx').on(t.operatorId, t.protocol),
    index('plans_operator_connectivity_idx').on(t.operatorId, t.connectivity),
    index('plans_operator_period_idx').on(t.operatorId, t.periodUnit, t.period),
    index('plans_operator_location_code_idx').on(t.operatorId, t.locationCode),
    index('plans_operator_sub_location_code_idx').on(t.operatorId, t.subLocationCode),
    index('plans_operator_limit1_gb_idx').on(t.operatorId, t.limit1Gb),
    index('plans_operator_bw1_download_idx').on(t.operatorId, t.bw1DownloadKbps),
    index('plans_operator_bw1_upload_idx').on(t.operatorId, t.bw1UploadKbps),
    index('plans_operator_created_idx').on(t.operatorId, t.createdAt),
    index('plans_operator_radius_group_idx').on(t.operatorId, t.radiusGroup),
    index('plans_reseller_idx').on(t.resellerId),
    index('plans_bandwidth_template_idx').on(t.bandwidthTemplateId),
    check('plans_period_check', sql`${t.period} is null or ${t.period} > 0`),
    check('plans_frequency_months_check', sql`${t.frequencyMonths} is null or ${t.frequencyMonths} > 0`),
    check('plans_limit1_gb_check', sql`${t.limit1Gb} is null or ${t.limit1Gb} >= 0`),
    check(
      'plans_bandwidth_check',
      sql`coalesce(${t.bw1DownloadKbps}, 0) >= 0 and coalesce(${t.bw1UploadKbps}, 0) >= 0
        and coalesce(${t.bw2DownloadKbps}, 0) >= 0 and coalesce(${t.bw2UploadKbps}, 0) >= 0`,
    ),
    check('plans_tax_rate_check', sql`${t.taxRate} is null or (${t.taxRate} >= 0 and ${t.taxRate} <= 100)`),
  ],
);
