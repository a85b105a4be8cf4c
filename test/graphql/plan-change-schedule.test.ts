/**
 * Plan moves recorded for later are applied without anyone asking: the worker queues an
 * apply_plan_changes job for an operator once one of its moves comes due, and only one.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enabledEngines } from '../helpers/engines';
import { startTestApp, type TestApp } from '../helpers/app';
import { rows } from '../helpers/sql';
import { toGlobalId } from '../../src/graphql/global-id';
import { scheduleDuePlanChanges } from '../../src/jobs/schedule';
import { startWorker } from '../../src/jobs/worker';

describe.each(enabledEngines())('scheduled plan moves on %s', (engine) => {
  let t: TestApp;
  const db = () => t.database.handle.db;
  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(() => t.stop());

  it('queues one job per operator with a due move, and the worker applies the move', async () => {
    const [customer] = await rows<{ id: number; plan: number }>(db(), sql`select id, service_plan_id as plan from customers where service_plan_id is not null order by id limit 1`);
    const [target] = await rows<{ id: number }>(db(), sql`select id from plans where kind = 'service' and enabled and id <> ${customer!.plan} order by id limit 1`);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const res = await t.gql<{ customerPlanChange: { planChange: { id: string } | null; userErrors: unknown[] } }>(
      `mutation($input: CustomerPlanChangeInput!) { customerPlanChange(input: $input) { planChange { id } userErrors { message } } }`,
      { input: { customerId: toGlobalId('Customer', customer!.id), planId: toGlobalId('Plan', target!.id), timing: 'CUSTOM_DATE', customDate: tomorrow } },
    );
    expect(res.data.customerPlanChange.userErrors).toEqual([]);
    // not due yet: nothing to queue
    expect(await scheduleDuePlanChanges(db())).toEqual([]);
    // a day later it is due; a second pass does not queue it twice
    const later = new Date(Date.now() + 2 * 86_400_000);
    const queued = await scheduleDuePlanChanges(db(), later);
    expect(queued.map((j) => j.kind)).toEqual(['apply_plan_changes']);
    expect(await scheduleDuePlanChanges(db(), later)).toEqual([]);
    await db().execute(sql`update background_jobs set status = 'succeeded' where id = ${queued[0]!.id}`);

    // the worker queues and runs it by itself once the move's time has come
    await db().execute(sql`update plan_changes set effective_at = now() - interval '1 minute' where customer_id = ${customer!.id} and applied_at is null`);
    const worker = startWorker(db(), { intervalMs: 20, scheduleEveryMs: 20, staleAfterMs: 0 });
    try {
      for (let i = 0; i < 200; i++) {
        const [row] = await rows<{ plan: number }>(db(), sql`select service_plan_id as plan from customers where id = ${customer!.id}`);
        if (row!.plan === target!.id) break;
        await new Promise((r) => setTimeout(r, 50));
      }
    } finally {
      await worker.stop();
    }
    const [after] = await rows<{ plan: number }>(db(), sql`select service_plan_id as plan from customers where id = ${customer!.id}`);
    expect(after!.plan).toBe(target!.id);
  });
});
