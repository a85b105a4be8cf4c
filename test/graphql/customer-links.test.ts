/**
 * The customer inputs that link an account to the rest of the business (gateway, tax zone,
 * bucket, sales hierarchy, groups) and its sand settings, written through GraphQL — the same
 * service SIMPLer addCustomer/modifyCustomer use — and read back.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enabledEngines } from '../helpers/engines';
import { startTestApp, type TestApp } from '../helpers/app';
import { rows } from '../helpers/sql';

const CREATE = `mutation($input: CustomerCreateInput!) { customerCreate(input: $input) {
  customer { legacyId gateway { id } taxZone { id } } userErrors { field message code } } }`;
const UPDATE = `mutation($input: CustomerUpdateInput!) { customerUpdate(input: $input) {
  customer { legacyId gateway { id } taxZone { id } } userErrors { field message code } } }`;

type Result = { customer: { legacyId: number; gateway: { id: string } | null; taxZone: { id: string } | null } | null; userErrors: { field: string[]; message: string; code: string }[] };

describe.each(enabledEngines())('customer links and sand settings through GraphQL on %s', (engine) => {
  let t: TestApp;
  let gateway: string;
  let taxZone: string;
  let ref: { bucket: number; salesman: number; group1: number; group2: number };
  const db = () => t.database.handle.db;

  beforeAll(async () => {
    t = await startTestApp(engine);
    gateway = (await t.gql<{ gateways: { id: string }[] }>(`{ gateways { id } }`)).data.gateways[0]!.id;
    taxZone = (await t.gql<{ taxZones: { id: string }[] }>(`{ taxZones { id } }`)).data.taxZones[0]!.id;
    const [bucket] = await rows<{ id: number }>(db(), sql`select id from buckets order by id limit 1`);
    const [salesman] = await rows<{ id: number }>(db(), sql`select id from sales_people order by id limit 1`);
    const groups = await rows<{ id: number }>(db(), sql`select id from customer_groups order by id limit 2`);
    ref = { bucket: bucket!.id, salesman: salesman!.id, group1: groups[0]!.id, group2: groups[1]!.id };
  });
  afterAll(() => t.stop());

  it('creates a customer linked to gateway, tax zone, bucket, salesman and groups, with sand settings', async () => {
    const res = await t.gql<{ customerCreate: Result }>(CREATE, {
      input: {
        name: 'Linked Account',
        nickname: 'linked_account',
        invoicingId: 'LINK-1',
        gatewayId: gateway,
        taxZoneId: taxZone,
        bucketId: ref.bucket,
        salesmanId: ref.salesman,
        groupIds: [ref.group1, ref.group2],
        sand: { invoiceStatus: 'OVERRIDE', invoiceEmailDate1: '20 days', invoiceEmailTo: 'accounts@linked.example', trafficLimitGb: 50, trafficEmailThreshold1: 60, trafficEmailThreshold2: 80 },
      },
    });
    const { customer, userErrors } = res.data.customerCreate;
    expect(userErrors).toEqual([]);
    expect(customer).toMatchObject({ gateway: { id: gateway }, taxZone: { id: taxZone } });
    const [row] = await rows<Record<string, unknown>>(db(), sql`select bucket_id, salesman_id from customers where id = ${customer!.legacyId}`);
    expect(row).toEqual({ bucket_id: ref.bucket, salesman_id: ref.salesman });
    const groups = await rows<{ group_id: number }>(db(), sql`select group_id from customer_group_members where customer_id = ${customer!.legacyId} order by group_id`);
    expect(groups.map((g) => g.group_id)).toEqual([ref.group1, ref.group2].sort((a, b) => a - b));
    const [sand] = await rows<Record<string, unknown>>(
      db(),
      sql`select invoice_status, invoice_email_date1, invoice_email_to, traffic_limit_gb from customer_sand_settings where customer_id = ${customer!.legacyId}`,
    );
    expect(sand).toEqual({ invoice_status: 'override', invoice_email_date1: '20 days', invoice_email_to: 'accounts@linked.example', traffic_limit_gb: 50 });
  });

  it('clears links with null and refuses bad links and sand settings, changing nothing', async () => {
    const created = (await t.gql<{ customerCreate: Result }>(CREATE, { input: { name: 'Second', nickname: 'second_link', invoicingId: 'LINK-2', gatewayId: gateway } })).data.customerCreate.customer!;
    const id = (await t.gql<{ customer: { id: string } }>(`query($l: Int!) { customer(legacyId: $l) { id } }`, { l: created.legacyId })).data.customer.id;
    const refused = (await t.gql<{ customerUpdate: Result }>(UPDATE, {
      input: { id, bucketId: 999999, sand: { invoiceEmailDate1: 'soon', trafficEmailThreshold1: 90, trafficEmailThreshold2: 10 } },
    })).data.customerUpdate;
    expect(refused.customer).toBeNull();
    expect(refused.userErrors.map((e) => e.field.join('.'))).toEqual(expect.arrayContaining(['input.bucketId', 'input.sand.invoiceEmailDate1', 'input.sand.trafficEmailThreshold2']));
    expect(await rows(db(), sql`select 1 from customer_sand_settings where customer_id = ${created.legacyId}`)).toEqual([]);
    const cleared = (await t.gql<{ customerUpdate: Result }>(UPDATE, { input: { id, gatewayId: null } })).data.customerUpdate;
    expect(cleared).toMatchObject({ customer: { gateway: null }, userErrors: [] });
  });
});
