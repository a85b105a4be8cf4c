import { sql } from 'drizzle-orm';
import { check, index, integer, numeric, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, operatorColumn } from '../db/columns';
import { bandwidthTemplates } from './bandwidth-template.table';

/**
 * SIMPLer buckets (`bucketid` on addCustomer/modifyCustomer, updateBucketsFromSubscription): a
 * traffic allowance whose settings decide which RADIUS group, and so which rate limit, an account gets.
 */
export const buckets = pgTable(
  'buckets',
  {
    id: idColumn(),
    operatorId: operatorColumn(),
    name: text().notNull(),
    /** Null means unlimited. */
    trafficLimitGb: numeric({ precision: 12, scale: 3 }),
    /** FreeRADIUS group assigned to accounts in this bucket. */
    radiusGroup: text(),
    /** Restrict: removing a rate limit that accounts still get must be refused, not silently dropped. */
    bandwidthTemplateId: integer().references(() => bandwidthTemplates.id, { onDelete: 'restrict' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('buckets_operator_name_idx').on(t.operatorId, t.name),
    index('buckets_bandwidth_template_idx').on(t.bandwidthTemplateId),
    check('buckets_traffic_limit_gb_check', sql`${t.trafficLimitGb} is null or ${t.trafficLimitGb} >= 0`),
  ],
);
