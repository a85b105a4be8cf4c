/**
 * A plan move's clearDataUsage and clearPolicies (Jaze move_group flags) act when the move is
 * applied: usage counts afresh from then on (history kept), and the customer's bandwidth and
 * vendor-attribute overrides go, so the new plan's own policy applies.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enabledEngines } from '../helpers/engines';
import { startTestApp, type TestApp } from '../helpers/app';
import { jaze } from '../helpers/jaze';
import { rows } from '../helpers/sql';
import { toGlobalId } from '../../src/graphql/global-id';

const MOVE = `mutation($input: CustomerPlanChangeInput!) { customerPlanChange(input: $input) { planChange { id } userErrors { message } } }`;

describe.each(enabledEngines())('plan moves that clear usage and policies on %s', (engine) => {
  let t: TestApp;
  const db = () => t.database.handle.db;
  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(() => t.stop());

  /** A customer with traffic in the current billing cycle, and both kinds of override. */
  async function customerWithUsageAndOverrides() {
    const candidates = await rows<{ id: number; plan: number }>(
      db(),
      sql`select c.id, c.service_plan_id as plan from customers c where c.service_plan_id is not null order by c.id`,
    );
    for (const c of candidates) {
      const cycle = (await jaze(t.url, 'GET', `/api/v1/get_details/${c.id}`)).body.data?.[1]?.currentBillingCycleUsage;
      if (!cycle) continue;
      // A session starting now: traffic in the current cycle whatever the day and hour (at 00:30
      // on the 1st no demo session has started in the new cycle yet).
      await db().execute(sql`insert into radacct (operator_id, customer_id, acctsessionid, acctuniqueid, username, nasipaddress, acctstarttime, acctupdatetime, acctinputoctets, acctoutputoctets)
        select operator_id, customer_id, 'cycle-test', ${`cycle-test-${c.id}-${randomUUID()}`}, username, '10.0.0.1', now(), now(), 1000000, 5000000
        from radius_accounts where customer_id = ${c.id} order by id limit 1`);
      const usage = (await jaze(t.url, 'GET', `/api/v1/get_details/${c.id}`)).body.data[1].currentBillingCycleUsage;
      if (Number(usage.totalDataUsage) > 0) return { ...c, usage };
    }
    throw new Error('no demo customer has a current billing cycle and a RADIUS account');
  }

  it('applies the move immediately, restarting usage and removing overrides', async () => {
    const customer = await customerWithUsageAndOverrides();
    const [template] = await rows<{ id: number }>(db(), sql`select id from bandwidth_templates order by id limit 1`);
    await db().execute(sql`insert into bandwidth_overrides (operator_id, customer_id, bandwidth_template_id) select operator_id, id, ${template!.id} from customers where id = ${customer.id} on conflict do nothing`);
    const [target] = await rows<{ id: number }>(db(), sql`select id from plans where kind = 'service' and enabled and id <> ${customer.plan} order by id limit 1`);
    const res = await t.gql<{ customerPlanChange: { userErrors: unknown[] } }>(MOVE, {
      input: { customerId: toGlobalId('Customer', customer.id), planId: toGlobalId('Plan', target!.id), timing: 'IMMEDIATELY', clearDataUsage: true, clearPolicies: true },
    });
    expect(res.data.customerPlanChange.userErrors).toEqual([]);
    expect(await rows(db(), sql`select 1 from bandwidth_overrides where customer_id = ${customer.id}`)).toEqual([]);
    expect(await rows(db(), sql`select 1 from vendor_attribute_overrides where customer_id = ${customer.id}`)).toEqual([]);
    const after = (await jaze(t.url, 'GET', `/api/v1/get_details/${customer.id}`)).body.data[1].currentBillingCycleUsage;
    expect(Number(after.totalDataUsage)).toBe(0);
    const [{ sessions }] = (await rows<{ sessions: number }>(db(), sql`select count(*)::int as sessions from radacct where customer_id = ${customer.id}`)) as [{ sessions: number }];
    expect(sessions).toBeGreaterThan(0);
  });

  it('leaves usage and overrides alone without the flags', async () => {
    const customer = await customerWithUsageAndOverrides();
    const [target] = await rows<{ id: number }>(db(), sql`select id from plans where kind = 'service' and enabled and id <> ${customer.plan} order by id limit 1`);
    await t.gql(MOVE, { input: { customerId: toGlobalId('Customer', customer.id), planId: toGlobalId('Plan', target!.id), timing: 'IMMEDIATELY' } });
    const after = (await jaze(t.url, 'GET', `/api/v1/get_details/${customer.id}`)).body.data[1].currentBillingCycleUsage;
    expect(after.totalDataUsage).toBe(customer.usage.totalDataUsage);
  });
});
