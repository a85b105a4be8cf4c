import { index, integer, jsonb, pgEnum, pgTable, text } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAt, idColumn, operatorColumn, timestamptz, updatedAt } from '../db/columns';
import { staffUsers } from '../tenancy/staff-user.table';

export const backgroundJobStatus = pgEnum('background_job_status', ['queued', 'running', 'succeeded', 'failed']);

/**
 * Work on outside systems that an API call requests but does not do inline: SIMPLer
 * updateWibFiles (`wibnumber`, `force`), updateGPSdetails, synchronizeCustomerAttachments /
 * synchronizeMaintenanceAttachments, updateBucketsFromSubscription (`customerid`, `force`),
 * generateIP's `updateWIB`/`syncRADIUS`, CoA requests. The call records a job and answers 'OK';
 * a worker claims queued jobs and records the outcome.
 */
export const backgroundJobs = pgTable(
  'background_jobs',
  {
    id: idColumn(),
    operatorId: operatorColumn(),
    /** e.g. `wib.update`, `gps.update`, `attachments.sync_customer`, `buckets.update`. */
    kind: text().notNull(),
    /** The operation's arguments, as validated by the API. */
    params: jsonb().notNull().default(sql`'{}'::jsonb`),
    status: backgroundJobStatus().notNull().default('queued'),
    attempts: integer().notNull().default(0),
    result: jsonb(),
    error: text(),
    requestedByStaffId: integer().references(() => staffUsers.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    startedAt: timestamptz(),
    finishedAt: timestamptz(),
  },
  (t) => [
    index('background_jobs_status_created_idx').on(t.status, t.createdAt),
    index('background_jobs_operator_kind_idx').on(t.operatorId, t.kind),
    index('background_jobs_requested_by_staff_idx').on(t.requestedByStaffId),
  ],
);
