/**
 * Plan moves recorded for later are applied without anyone asking: the worker queues an
 * apply_plan_changes job for an operator once one of its moves comes due, and only one. Until
 * then a move can be cancelled; once applied it is history.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enabledEngines } from '../helpers/engines';
import { startTestApp, type TestApp } from '../helpers/app';
import { rows } from '../helpers/sql';
import { toGlobalId } from '../../src/graphql/global-id';
import { scheduleDuePlanChanges } from '../../src/jobs/schedule';
import { startWorker } from '../../src/jobs/worker';
import { makeRoleUser } from '../helpers/roles';

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

  it('cancels a move not yet applied, and refuses an applied one, another role or an unknown one, changing nothing', async () => {
    const [customer] = await rows<{ id: number; plan: number; operator: number }>(
      db(),
      sql`select id, service_plan_id as plan, operator_id as operator from customers where service_plan_id is not null order by id desc limit 1`,
    );
    const [target] = await rows<{ id: number }>(db(), sql`select id from plans where kind = 'service' and enabled and id <> ${customer!.plan} order by id limit 1`);
    const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    const move = async () =>
      (
        await t.gql<{ customerPlanChange: { planChange: { id: string } } }>(
          `mutation($input: CustomerPlanChangeInput!) { customerPlanChange(input: $input) { planChange { id } userErrors { message } } }`,
          { input: { customerId: toGlobalId('Customer', customer!.id), planId: toGlobalId('Plan', target!.id), timing: 'CUSTOM_DATE', customDate: inAWeek } },
        )
      ).data.customerPlanChange.planChange.id;
    const cancel = (id: string, token?: string) =>
      t.gql<{ planChangeDelete: { deletedId: string | null; userErrors: { code: string; field: string[] }[] } }>(
        `mutation($id: ID!) { planChangeDelete(input: { id: $id }) { deletedId userErrors { code field } } }`,
        { id },
        token,
      );
    const pending = async () =>
      (await t.gql<{ customer: { pendingPlanChanges: { nodes: { id: string }[] } } }>(`query($id: Int!) { customer(legacyId: $id) { pendingPlanChanges(first: 10) { nodes { id } } } }`, { id: customer!.id }))
        .data.customer.pendingPlanChanges.nodes.map((n) => n.id);

    const first = await move();
    expect(await pending()).toContain(first);
    const { token: readonly } = await makeRoleUser(db(), customer!.operator, 'readonly');
    expect((await cancel(first, readonly)).data.planChangeDelete).toEqual({ deletedId: null, userErrors: [{ code: 'FORBIDDEN', field: [] }] });
    expect((await cancel(toGlobalId('PlanChange', 2_000_000_000))).data.planChangeDelete).toMatchObject({ deletedId: null, userErrors: [{ code: 'NOT_FOUND' }] });
    expect(await pending()).toContain(first);

    expect((await cancel(first)).data.planChangeDelete).toEqual({ deletedId: first, userErrors: [] });
    expect(await pending()).not.toContain(first);
    const [still] = await rows<{ plan: number }>(db(), sql`select service_plan_id as plan from customers where id = ${customer!.id}`);
    expect(still!.plan).toBe(customer!.plan);

    // Applied: history, which a cancel would falsify.
    const second = await move();
    const secondId = Number(Buffer.from(second, 'base64url').toString().split(':')[1]);
    await db().execute(sql`update plan_changes set applied_at = timestamptz '2026-01-02 00:00:00+00' where id = ${secondId}`);
    expect((await cancel(second)).data.planChangeDelete).toMatchObject({ deletedId: null, userErrors: [{ code: 'PRECONDITION_FAILED', field: ['input', 'id'] }] });
    expect(await rows(db(), sql`select id from plan_changes where id = ${secondId}`)).toHaveLength(1);
  });
});
