/**
 * Catalogue writes through the graph on both engines: tax zones, bandwidth templates, plans and
 * sub-plans (create, update, delete). Each
 * is read back through `node`, refuses bad input with userErrors and changes nothing then,
 * refuses a delete while the row is in use, is refused to a read-only role and cannot reach
 * another operator's rows.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enabledEngines } from '../helpers/engines';
import { runMutation, type UserErrors } from '../helpers/mutation';
import { startTestApp, type TestApp } from '../helpers/app';
import { makeRoleUser, operatorIdOf } from '../helpers/roles';
import { rows } from '../helpers/sql';

const gid = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64url');

describe.each(enabledEngines())('GraphQL catalogue writes on %s', (engine) => {
  let t: TestApp;
  let demo: number;
  let readonlyToken: string;
  let otherToken: string;
  const q = <T>(query: ReturnType<typeof sql>) => rows<T>(t.database.handle.db, query);
  const count = async (query: ReturnType<typeof sql>) => Number((await q<{ n: number }>(query))[0]!.n);
  const run = <T>(mutation: string, inputType: string, selection: string, input: Record<string, unknown>, token?: string) => runMutation<T>(t, mutation, inputType, selection, input, token);
  const node = async <T>(id: string, selection: string) => (await t.gql<{ node: T | null }>(`query($id: ID!) { node(id: $id) { ${selection} } }`, { id })).data.node;
  const audits = () => count(sql`select count(*)::int as n from audit_log`);
  const codes = (r: { userErrors: UserErrors }) => r.userErrors.map((e) => e.code);

  beforeAll(async () => {
    t = await startTestApp(engine);
    demo = await operatorIdOf(t.database.handle.db, 'demo');
    readonlyToken = (await makeRoleUser(t.database.handle.db, demo, 'readonly')).token;
    const { generateOperator } = await import('../../src/db/seed/generator');
    otherToken = (await generateOperator(t.database.handle.db, { operatorCode: 'cat-other', customers: 2 })).token;
  });
  afterAll(async () => {
    await t?.stop();
  });

  describe('tax zones', () => {
    type Zone = { id: string; name: string; rate: string };
    const zone = (mutation: 'taxZoneCreate' | 'taxZoneUpdate', input: Record<string, unknown>, token?: string) =>
      run<{ taxZone: Zone | null }>(mutation, mutation === 'taxZoneCreate' ? 'TaxZoneCreateInput' : 'TaxZoneUpdateInput', 'taxZone { id name rate }', input, token);
    const remove = (id: string, token?: string) => run<{ deletedId: string | null }>('taxZoneDelete', 'TaxZoneDeleteInput', 'deletedId', { id }, token);

    it('creates, changes and deletes a zone, read back through node', async () => {
      const made = await zone('taxZoneCreate', { name: ' Islands ', rate: '7.5' });
      expect(made.userErrors).toEqual([]);
      expect(made.taxZone).toMatchObject({ name: 'Islands' });
      expect(Number(made.taxZone!.rate)).toBe(7.5);
      const id = made.taxZone!.id;
      const changed = await zone('taxZoneUpdate', { id, rate: '9' });
      expect(changed.userErrors).toEqual([]);
      expect(await node<Zone>(id, '... on TaxZone { id name rate }')).toEqual(changed.taxZone);
      expect(Number(changed.taxZone!.rate)).toBe(9);
      expect(changed.taxZone!.name).toBe('Islands');
      expect(await remove(id)).toEqual({ deletedId: id, userErrors: [] });
      expect(await node(id, 'id')).toBeNull();
    });

    it('refuses bad input and deleting a zone in use, changing nothing', async () => {
      const [used] = await q<{ id: number; name: string }>(sql`select z.id, z.name from tax_zones z where z.operator_id = ${demo}
        and exists (select 1 from customers c where c.tax_zone_id = z.id) order by z.id limit 1`);
      const other = await zone('taxZoneCreate', { name: 'Spare zone', rate: '1' });
      const before = [await audits(), await count(sql`select count(*)::int as n from tax_zones`)];
      expect((await zone('taxZoneCreate', { name: ' ', rate: '101' })).userErrors.map((e) => e.field.join('.')).sort()).toEqual(['input.name', 'input.rate']);
      expect((await zone('taxZoneCreate', { name: used!.name, rate: '1' })).userErrors).toEqual([expect.objectContaining({ field: ['input', 'name'], code: 'CONFLICT' })]);
      expect((await zone('taxZoneUpdate', { id: other.taxZone!.id, name: used!.name })).userErrors).toEqual([expect.objectContaining({ field: ['input', 'name'], code: 'CONFLICT' })]);
      expect((await zone('taxZoneUpdate', { id: gid('TaxZone', 999999), rate: '1' })).userErrors).toEqual([expect.objectContaining({ field: ['input', 'id'], code: 'NOT_FOUND' })]);
      expect((await remove(gid('TaxZone', used!.id))).userErrors).toEqual([
        expect.objectContaining({ field: ['input', 'id'], code: 'PRECONDITION_FAILED', message: expect.stringMatching(/customers use it/) }),
      ]);
      expect([await audits(), await count(sql`select count(*)::int as n from tax_zones`)]).toEqual(before);
    });

    it('is refused to a read-only role and to another operator', async () => {
      const id = gid('TaxZone', (await q<{ id: number }>(sql`select id from tax_zones where operator_id = ${demo} order by id limit 1`))[0]!.id);
      const before = await node(id, '... on TaxZone { name rate }');
      const n = await audits();
      expect(codes(await zone('taxZoneCreate', { name: 'Sneaky', rate: '1' }, readonlyToken))).toEqual(['FORBIDDEN']);
      expect(codes(await zone('taxZoneUpdate', { id, rate: '1' }, readonlyToken))).toEqual(['FORBIDDEN']);
      expect(codes(await remove(id, readonlyToken))).toEqual(['FORBIDDEN']);
      expect(codes(await zone('taxZoneUpdate', { id, rate: '1' }, otherToken))).toEqual(['NOT_FOUND']);
      expect(codes(await remove(id, otherToken))).toEqual(['NOT_FOUND']);
      expect(await node(id, '... on TaxZone { name rate }')).toEqual(before);
      expect(await audits()).toBe(n);
    });
  });

  describe('bandwidth templates, plans and sub-plans', () => {
    type Plan = { id: string; name: string; price: string | null; enabled: boolean; frequencyMonths: number | null; bandwidthTemplate: { id: string } | null; subPlans: { id: string; name: string; units: number; price: string }[] };
    const PLAN = 'id name price enabled frequencyMonths bandwidthTemplate { id } subPlans { id name units price }';
    const template = (mutation: string, input: Record<string, unknown>, token?: string) =>
      run<{ bandwidthTemplate: { id: string; name: string; downloadKbps: number; uploadKbps: number; burstTimeSeconds: number | null } | null }>(
        mutation,
        mutation === 'bandwidthTemplateCreate' ? 'BandwidthTemplateCreateInput' : 'BandwidthTemplateUpdateInput',
        'bandwidthTemplate { id name downloadKbps uploadKbps burstTimeSeconds }',
        input,
        token,
      );
    const plan = (mutation: 'planCreate' | 'planUpdate', input: Record<string, unknown>, token?: string) =>
      run<{ plan: Plan | null }>(mutation, mutation === 'planCreate' ? 'PlanCreateInput' : 'PlanUpdateInput', `plan { ${PLAN} }`, input, token);
    const subPlan = (mutation: 'subPlanCreate' | 'subPlanUpdate', input: Record<string, unknown>, token?: string) =>
      run<{ subPlan: { id: string; name: string; units: number; price: string } | null }>(mutation, mutation === 'subPlanCreate' ? 'SubPlanCreateInput' : 'SubPlanUpdateInput', 'subPlan { id name units price }', input, token);
    const remove = (mutation: string, type: string, id: string, token?: string) => run<{ deletedId: string | null }>(mutation, `${type}DeleteInput`, 'deletedId', { id }, token);

    it('builds a plan with a template and a price point, refuses deleting what is in use, then takes it all down', async () => {
      const bt = await template('bandwidthTemplateCreate', { name: 'Fibre 500', downloadKbps: 500000, uploadKbps: 100000, burstTimeSeconds: 8 });
      expect(bt.userErrors).toEqual([]);
      const btId = bt.bandwidthTemplate!.id;
      const changedBt = await template('bandwidthTemplateUpdate', { id: btId, uploadKbps: 200000, burstTimeSeconds: null });
      expect(changedBt.bandwidthTemplate).toEqual({ id: btId, name: 'Fibre 500', downloadKbps: 500000, uploadKbps: 200000, burstTimeSeconds: null });

      const made = await plan('planCreate', { name: 'Fibre 500 Home', price: '49.99', frequencyMonths: 1, bandwidthTemplateId: btId, protocol: 'PPPOE' });
      expect(made.userErrors).toEqual([]);
      const planId = made.plan!.id;
      const sp = await subPlan('subPlanCreate', { planId, name: 'Annual', units: 12, price: '499.00' });
      expect(sp.userErrors).toEqual([]);
      const spId = sp.subPlan!.id;
      expect((await subPlan('subPlanUpdate', { id: spId, price: '479.00' })).subPlan).toEqual({ id: spId, name: 'Annual', units: 12, price: '479.00' });
      const changed = await plan('planUpdate', { id: planId, price: '44.99', enabled: true });
      expect(changed.userErrors).toEqual([]);
      expect(await node<Plan>(planId, `... on Plan { ${PLAN} }`)).toEqual({
        id: planId, name: 'Fibre 500 Home', price: '44.99', enabled: true, frequencyMonths: 1, bandwidthTemplate: { id: btId },
        subPlans: [{ id: spId, name: 'Annual', units: 12, price: '479.00' }],
      });

      const customer = gid('Customer', (await q<{ id: number }>(sql`select id from customers where operator_id = ${demo} order by id limit 1`))[0]!.id);
      const sub = await run<{ subscription: { id: string } }>('subscriptionCreate', 'SubscriptionCreateInput', 'subscription { id }', { customerId: customer, planId, subPlanId: spId, validFrom: '2026-01-01' });
      expect(sub.userErrors).toEqual([]);
      const before = await audits();
      const refusal = async (mutation: string, type: string, id: string, reason: RegExp) =>
        expect((await remove(mutation, type, id)).userErrors).toEqual([expect.objectContaining({ field: ['input', 'id'], code: 'PRECONDITION_FAILED', message: expect.stringMatching(reason) })]);
      await refusal('bandwidthTemplateDelete', 'BandwidthTemplate', btId, /plans use it/);
      await refusal('planDelete', 'Plan', planId, /subscriptions bill it/);
      await refusal('subPlanDelete', 'SubPlan', spId, /subscriptions were bought at it/);
      expect(await audits()).toBe(before);
      expect(await node(planId, 'id')).not.toBeNull();

      expect((await run('subscriptionDelete', 'SubscriptionDeleteInput', '__typename', { id: sub.subscription.id })).userErrors).toEqual([]);
      expect(await remove('subPlanDelete', 'SubPlan', spId)).toEqual({ deletedId: spId, userErrors: [] });
      expect(await remove('planDelete', 'Plan', planId)).toEqual({ deletedId: planId, userErrors: [] });
      expect(await remove('bandwidthTemplateDelete', 'BandwidthTemplate', btId)).toEqual({ deletedId: btId, userErrors: [] });
      expect([await node(spId, 'id'), await node(planId, 'id'), await node(btId, 'id')]).toEqual([null, null, null]);
    });

    it('refuses bad input, every problem at once, and writes nothing', async () => {
      const planId = gid('Plan', (await q<{ id: number }>(sql`select id from plans where operator_id = ${demo} order by id limit 1`))[0]!.id);
      const before = [await audits(), await count(sql`select count(*)::int as n from plans`), await count(sql`select count(*)::int as n from sub_plans`)];
      const fields = (r: { userErrors: UserErrors }) => r.userErrors.map((e) => e.field.join('.')).sort();
      expect(fields(await plan('planCreate', { name: ' ', price: '-1.00', frequencyMonths: 0, taxRate: '150', bandwidthTemplateId: gid('BandwidthTemplate', 999999) }))).toEqual([
        'input.bandwidthTemplateId', 'input.frequencyMonths', 'input.name', 'input.price', 'input.taxRate',
      ]);
      expect(fields(await plan('planUpdate', { id: planId, name: null, enabled: null, bw1DownloadKbps: -5 }))).toEqual(['input.bw1DownloadKbps', 'input.enabled', 'input.name']);
      expect(fields(await subPlan('subPlanCreate', { planId, name: 'x', units: 0, price: '1.001' }))).toEqual(['input.price', 'input.units']);
      expect(fields(await template('bandwidthTemplateCreate', { name: '', downloadKbps: -1, uploadKbps: 1 }))).toEqual(['input.downloadKbps', 'input.name']);
      expect(fields(await template('bandwidthTemplateUpdate', { id: gid('BandwidthTemplate', 999999), uploadKbps: 1 }))).toEqual(['input.id']);
      expect([await audits(), await count(sql`select count(*)::int as n from plans`), await count(sql`select count(*)::int as n from sub_plans`)]).toEqual(before);
    });

    it('is refused to a read-only role and to another operator', async () => {
      const pick = async (query: ReturnType<typeof sql>) => (await q<{ id: number }>(query))[0]!.id;
      const planId = gid('Plan', await pick(sql`select id from plans where operator_id = ${demo} order by id limit 1`));
      const spId = gid('SubPlan', await pick(sql`select id from sub_plans where operator_id = ${demo} order by id limit 1`));
      const btId = gid('BandwidthTemplate', await pick(sql`select id from bandwidth_templates where operator_id = ${demo} order by id limit 1`));
      const n = await audits();
      expect(codes(await plan('planCreate', { name: 'Sneaky' }, readonlyToken))).toEqual(['FORBIDDEN']);
      expect(codes(await subPlan('subPlanCreate', { planId, name: 'Sneaky', price: '1.00' }, readonlyToken))).toEqual(['FORBIDDEN']);
      expect(codes(await template('bandwidthTemplateCreate', { name: 'Sneaky', downloadKbps: 1, uploadKbps: 1 }, readonlyToken))).toEqual(['FORBIDDEN']);
      for (const token of [readonlyToken, otherToken]) {
        const code = token === readonlyToken ? 'FORBIDDEN' : 'NOT_FOUND';
        expect(codes(await plan('planUpdate', { id: planId, name: 'Hijack' }, token))).toEqual([code]);
        expect(codes(await subPlan('subPlanUpdate', { id: spId, price: '0.00' }, token))).toEqual([code]);
        expect(codes(await template('bandwidthTemplateUpdate', { id: btId, downloadKbps: 1 }, token))).toEqual([code]);
        expect(codes(await remove('planDelete', 'Plan', planId, token))).toEqual([code]);
        expect(codes(await remove('subPlanDelete', 'SubPlan', spId, token))).toEqual([code]);
        expect(codes(await remove('bandwidthTemplateDelete', 'BandwidthTemplate', btId, token))).toEqual([code]);
      }
      expect(codes(await subPlan('subPlanCreate', { planId, name: 'Theirs', price: '1.00' }, otherToken))).toEqual(['NOT_FOUND']);
      expect(await audits()).toBe(n);
    });
  });
});
