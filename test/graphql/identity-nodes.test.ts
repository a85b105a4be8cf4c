import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as gracePeriods from '../../src/billing/grace-period.service';
import * as equipment from '../../src/network/equipment.service';
import type { ServiceContext } from '../../src/shared/context';
import { enabledEngines } from '../helpers/engines';
import { startTestApp, type TestApp } from '../helpers/app';
import { rows } from '../helpers/sql';

/** Types shown inside their owner that are Nodes too: each found through its owner, then by `node(id:)`. */
describe.each(enabledEngines())('identity types as Nodes on %s', (engine) => {
  let t: TestApp;
  const found: Record<string, { id: string; legacyId: number }> = {};
  const one = async <T>(query: ReturnType<typeof sql>) => (await rows<T>(t.database.handle.db, query))[0]!;

  beforeAll(async () => {
    t = await startTestApp(engine);
    const operatorId = (await one<{ id: number }>(sql`select id from operators where code = 'demo'`)).id;
    const ctx: ServiceContext = { db: t.database.handle.db, actor: { operatorId, staffUserId: null, role: 'api', surface: 'soap' } };
    // The demo has sub-accounts; the other objects are made here.
    const link = await one<{ master: number }>(sql`select master_customer_id as master from customer_subaccounts where operator_id = ${operatorId} order by id limit 1`);
    const master = { id: link.master };
    const device = await one<{ id: number }>(sql`select id from equipment where operator_id = ${operatorId} order by id limit 1`);
    await gracePeriods.add(ctx, { customerId: master.id, days: 3 });
    await equipment.addLogin(ctx, { equipmentId: device.id, username: 'node-test' });
    const radiusCustomer = await one<{ customer_id: number }>(sql`select customer_id from radcheck where operator_id = ${operatorId} order by id limit 1`);

    const res = await t.gql<any>(
      `query($m: Int!, $r: Int!) {
        master: customer(legacyId: $m) { subaccounts(first: 1) { nodes { id legacyId } } gracePeriods(first: 1) { nodes { id legacyId } } }
        radius: customer(legacyId: $r) { radiusAttributes(table: CHECK) { id legacyId } }
        device: node(id: "${Buffer.from(`Equipment:${device.id}`).toString('base64url')}") { ... on Equipment { logins { id legacyId } } }
        customTables { id legacyId }
        invoices(first: 1) { nodes { lines { id legacyId } } }
      }`,
      { m: master.id, r: radiusCustomer.customer_id },
    );
    expect(res.errors).toBeUndefined();
    found.SubaccountLink = res.data.master.subaccounts.nodes[0];
    found.GracePeriod = res.data.master.gracePeriods.nodes[0];
    found.RadiusAttribute = res.data.radius.radiusAttributes[0];
    found.EquipmentLogin = res.data.device.logins[0];
    found.CustomTable = res.data.customTables[0];
    found.InvoiceLine = res.data.invoices.nodes[0].lines[0];
  });
  afterAll(async () => {
    await t?.stop();
  });

  const types = ['SubaccountLink', 'GracePeriod', 'RadiusAttribute', 'EquipmentLogin', 'CustomTable', 'InvoiceLine'];

  it.each(types)('resolves a %s by its global id, and nodes(ids:) too', async (type) => {
    const { id, legacyId } = found[type]!;
    expect(typeof id).toBe('string');
    const res = await t.gql<any>(`query($id: ID!) { node(id: $id) { __typename id ... on ${type} { legacyId } } nodes(ids: [$id]) { id } }`, { id });
    expect(res.errors).toBeUndefined();
    expect(res.data.node).toEqual({ __typename: type, id, legacyId });
    expect(res.data.nodes).toEqual([{ id }]);
  });

  it('finds none of them with another operator’s token', async () => {
    const { generateOperator } = await import('../../src/db/seed/generator');
    const other = await generateOperator(t.database.handle.db, { operatorCode: 'nodesother', customers: 2 });
    for (const type of types) {
      const res = await t.gql<any>('query($id: ID!) { node(id: $id) { id } }', { id: found[type]!.id }, other.token);
      expect([type, res.data.node]).toEqual([type, null]);
    }
  });

  it('serves a RADIUS password found by node(id:) masked, as every read without reveal', async () => {
    const secret = await one<{ id: number }>(sql`select id from radcheck where attribute ilike '%password%' order by id limit 1`);
    const id = Buffer.from(`RadiusCheck:${secret.id}`).toString('base64url');
    const res = await t.gql<any>('query($id: ID!) { node(id: $id) { ... on RadiusAttribute { attribute value masked } } }', { id });
    expect(res.data.node).toMatchObject({ value: null, masked: true });
  });
});
