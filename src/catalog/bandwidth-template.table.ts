import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, operatorColumn, updatedAt } from '../db/columns';

/**
 * A named rate limit. This is the Jaze "profile" behind a group (`Profile_id`, `Profile_Name`)
 * and the `bandwidthTemplateId/Name/Mikrotik` of a user's billing-cycle usage; Jaze's
 * override_user_bandwidth (E28) picks templates by id. Plans and buckets point at one.
 */
export const bandwidthTemplates = pgTable(
  'bandwidth_templates',
  {
    id: idColumn(),
    operatorId: operatorColumn(),
    name: text().notNull(),
    downloadKbps: integer().notNull(),
    uploadKbps: integer().notNull(),
    /** MikroTik `rate-limit` string as Jaze reports it (`rx/tx burst-rx/tx threshold time prio min`). */
    mikrotikRateLimit: text(),
    burstDownloadKbps: integer(),
    burstUploadKbps: integer(),
    burstThresholdDownloadKbps: integer(),
    burstThresholdUploadKbps: integer(),
    burstTimeSeconds: integer(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('bandwidth_templates_operator_name_idx').on(t.operatorId, t.name),
    check('bandwidth_templates_rates_check', sql`${t.downloadKbps} >= 0 and ${t.uploadKbps} >= 0`),
    check(
      'bandwidth_templates_burst_check',
      sql`coalesce(${t.burstDownloadKbps}, 0) >= 0 and coalesce(${t.burstUploadKbps}, 0) >= 0
        and coalesce(${t.burstThresholdDownloadKbps}, 0) >= 0 and coalesce(${t.burstThresholdUploadKbps}, 0) >= 0
        and coalesce(${t.burstTimeSeconds}, 0) >= 0`,
    ),
  ],
);
