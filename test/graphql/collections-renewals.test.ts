/**
 * Read sides the legacy dialects had first: Customer.renewals (Jaze get_renewal_details),
 * Customer.overageAllowances (SIMPLer getOverageAllowances), collectionRound (Jaze
 * get_collection_users_areawise) and paymentCollectionsAwaitingApproval (Jaze
 * get_collection_approval_users), checked against the rows in the database and batched.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enabledEngines } from '../helpers/engines';
import { startTestApp, type TestApp } from '../helpers/app';
import { rows } from '../helpers/sql';
import { countQueries } from '../../src/db/query-counter';
import { toGlobalId } from '../../src/graphql/global-id';

describe.each(enabledEngines())('renewals, overage allowances and collection queues in GraphQL on %s', (engine) => {
  let t: TestApp;
  const db = () => t.database.handle.db;
  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(() => t.stop());

  it('lists a customer’s renewals newest first with their plans, leaving deleted ones out', async () => {
    const [c] = await rows<{ customer_id: number; n: number }>(db(), sql`select customer_id, count(*)::int as n from renewals where not deleted group by customer_id order by n desc, customer_id limit 1`);
    const expected = await rows<{ id: number; amount: string; present_plan_id: number }>(
      db(),
      sql`select id, amount::text, present_plan_id from renewals where customer_id = ${c!.customer_id} and not deleted order by created_at desc, id desc`,
    );
    const res = await t.gql<{ customer: { renewals: { totalCount: number; nodes: { legacyId: number; amount: string; presentPlan: { legacyId: number } }[] } } }>(
      `query($id: Int!) { customer(legacyId: $id) { renewals(first: 100) { totalCount nodes { legacyId amount presentPlan { legacyId } } } } }`,
      { id: c!.customer_id },
    );
    expect(res.data.customer.renewals.totalCount).toBe(expected.length);
    expect(res.data.customer.renewals.nodes).toEqual(expected.map((r) => ({ legacyId: r.id, amount: r.amount, presentPlan: { legacyId: r.present_plan_id } })));
    await db().execute(sql`update renewals set deleted = true where id = ${expected[0]!.id}`);
    const after = await t.gql<{ customer: { renewals: { totalCount: number; nodes: unknown[] } } }>(
      `query($id: Int!) { customer(legacyId: $id) { renewals(first: 100) { totalCount nodes { legacyId } } } }`,
      { id: c!.customer_id },
    );
    expect(after.data.customer.renewals.nodes).toHaveLength(expected.length - 1);
    expect(after.data.customer.renewals.totalCount).toBe(expected.length - 1);
  });

  it('lists overage allowances, and batches both lists over a page of customers', async () => {
    const [a] = await rows<{ customer_id: number; traffic: string }>(db(), sql`select customer_id, traffic_limit_gb::text as traffic from overage_allowances order by id limit 1`);
    const res = await t.gql<{ customer: { overageAllowances: { nodes: { trafficLimitGb: string }[] } } }>(
      `query($id: Int!) { customer(legacyId: $id) { overageAllowances(first: 100) { nodes { trafficLimitGb } } } }`,
      { id: a!.customer_id },
    );
    expect(res.data.customer.overageAllowances.nodes.map((o) => o.trafficLimitGb)).toContain(a!.traffic);
    const page = (n: number) => countQueries(() => t.gql(`{ customers(first: ${n}) { nodes { renewals(first: 5) { totalCount nodes { presentPlan { name } } } overageAllowances(first: 5) { totalCount nodes { usedGb } } } } }`));
    expect((await page(80)).queries).toBe((await page(4)).queries);
  });

  it('answers a collector’s round and the approval queue, and refuses a reversed date range', async () => {
    await t.gql(`mutation($i: CustomerCollectorAssignInput!) { customerCollectorAssign(input: $i) { userErrors { message } } }`, {
      i: { customerId: toGlobalId('Customer', 7), collectorId: toGlobalId('StaffUser', 3) },
    });
    const round = await t.gql<{ collectionRound: { customer: { legacyId: number }; balance: string | null }[] }>(
      `query($s: ID!) { collectionRound(collectorId: $s) { customer { legacyId } balance } }`,
      { s: toGlobalId('StaffUser', 3) },
    );
    expect(round.errors).toBeUndefined();
    expect(round.data.collectionRound.map((e) => e.customer.legacyId)).toContain(7);

    const waiting = await rows<{ id: number }>(db(), sql`select id from payment_collections where status = 'cash_collected' order by id`);
    const queue = await t.gql<{ paymentCollectionsAwaitingApproval: { legacyId: number }[] }>(`{ paymentCollectionsAwaitingApproval { legacyId } }`);
    expect(queue.errors).toBeUndefined();
    expect(queue.data.paymentCollectionsAwaitingApproval.map((c) => c.legacyId).sort((x, y) => x - y)).toEqual(waiting.map((w) => w.id));
    const reversed = await t.gql(`{ paymentCollectionsAwaitingApproval(from: "2026-05-02", to: "2026-05-01") { legacyId } }`);
    expect(reversed.errors?.[0]?.extensions?.code).toBe('INVALID');
  });
});
