/**
 * Jobs the system queues by itself. Plan moves recorded for a later date (Jaze move_group with
 * next_billing_cycle or custom_date) must happen without anyone asking: each operator with a
 * move that has come due, and no plan-change job already waiting, gets an `apply_plan_changes` job.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { planChanges } from '../billing/plan-change.table';
import { backgroundJobs } from '../support/background-job.table';
import { enqueue, type BackgroundJobRow } from './job.service';

export async function scheduleDuePlanChanges(db: Database, now: Date = new Date()): Promise<BackgroundJobRow[]> {
  const due = await db
    .selectDistinct({ operatorId: planChanges.operatorId })
    .from(planChanges)
    .where(
      sql`${planChanges.appliedAt} is null and ${planChanges.effectiveAt} <= ${now.toISOString()}::timestamptz
        and not exists (select 1 from ${backgroundJobs} where ${backgroundJobs.operatorId} = ${planChanges.operatorId}
          and ${backgroundJobs.kind} = 'apply_plan_changes' and ${backgroundJobs.status} in ('queued', 'running'))`,
    );
  const queued: BackgroundJobRow[] = [];
  for (const { operatorId } of due) {
    queued.push(await enqueue({ db, actor: { operatorId, staffUserId: null, role: 'api', surface: 'worker' } }, 'apply_plan_changes', { asOf: null }));
  }
  return queued;
}
