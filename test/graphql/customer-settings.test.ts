/**
 * What customerCreate/customerUpdate write is readable on Customer: bucket, the sales hierarchy,
 * referrer, groups, custom field values and sand settings, the plain relations also on the
 * compiled path.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { generateOperator } from '../../src/db/seed/generator';
import { startCompiledPair, type CompiledPair } from '../helpers/compiled-pair';
import { enabledEngines } from '../helpers/engines';
import { operatorIdOf } from '../helpers/roles';
import { rows } from '../helpers/sql';

describe.each(enabledEngines())('customer settings read back on %s', (engine) => {
  let pair: CompiledPair;
  let otherToken: string;
  let demoId: number;

  beforeAll(async () => {
    pair = await startCompiledPair(engine);
    otherToken = (await generateOperator(pair.database.handle.db, { operatorCode: 'settings_other', customers: 3, seed: 2 })).token;
    demoId = await operatorIdOf(pair.database.handle.db, 'demo');
  });

  afterAll(async () => {
    await pair?.stop();
  });

  it('reads back every write-only input of customerCreate', async () => {
    const db = pair.database.handle.db;
    const [bucket] = await rows<{ id: number; name: string }>(db, sql`select id, name from buckets where operator_id = ${demoId} order by id limit 1`);
    const people = await rows<{ id: number; role: string; name: string }>(db, sql`select distinct on (role) id, role::text as role, name from sales_people where operator_id = ${demoId} order by role, id`);
    const groups = await rows<{ id: number; name: string }>(db, sql`select id, name from customer_groups where operator_id = ${demoId} order by name, id limit 2`);
    const fields = await rows<{ id: number; type: string }>(db, sql`select id, type::text from custom_fields where operator_id = ${demoId} and scope = 'customer' order by position, id`);
    const [referrer] = await rows<{ id: number }>(db, sql`select id from customers where operator_id = ${demoId} order by id limit 1`);
    expect(bucket && groups.length && fields.length && people.length === 4 && referrer).toBeTruthy();
    const person = (role: string) => people.find((p) => p.role === role)!;
    const created = await pair.send(
      pair.compiled,
      `mutation($input: CustomerCreateInput!) { customerCreate(input: $input) { customer { legacyId } userErrors { field message } } }`,
      {
        input: {
          name: 'Settings Reader', nickname: 'settings_reader', invoicingId: 'SET-1',
          bucketId: bucket!.id,
          salesmanId: person('salesman').id, valueAddedResellerId: person('value_added_reseller').id,
          masterAgentId: person('master_agent').id, regionalSalesManagerId: person('regional_sales_manager').id,
          groupIds: groups.map((g) => g.id),
          customFields: [{ fieldId: fields[0]!.id, value: 'router-42' }],
          referrerCustomerId: Buffer.from(`Customer:${referrer!.id}`).toString('base64url'),
          sand: { invoiceStatus: 'OVERRIDE', invoiceEmailDate1: '15 days', trafficLimitGb: 100, trafficEmailThreshold1: 80, trafficDeferredTo: '2030-01-31' },
        },
      },
    );
    const payload = (created.body.data as any).customerCreate;
    expect(payload.userErrors).toEqual([]);
    const id = payload.customer.legacyId as number;

    const plain = `query($id: Int!) { customer(legacyId: $id) { bucket { legacyId name } salesman { legacyId role name } valueAddedReseller { legacyId role }
      masterAgent { legacyId role } regionalSalesManager { legacyId role } referrer { legacyId }
      sand { invoiceStatus invoiceEmailDate1 trafficLimitGb trafficEmailThreshold1 trafficDeferredTo trafficStatus } } }`;
    const data = (await pair.expectSame(plain, { id })).customer;
    expect(data).toEqual({
      bucket: { legacyId: bucket!.id, name: bucket!.name },
      salesman: { legacyId: person('salesman').id, role: 'SALESMAN', name: person('salesman').name },
      valueAddedReseller: { legacyId: person('value_added_reseller').id, role: 'VALUE_ADDED_RESELLER' },
      masterAgent: { legacyId: person('master_agent').id, role: 'MASTER_AGENT' },
      regionalSalesManager: { legacyId: person('regional_sales_manager').id, role: 'REGIONAL_SALES_MANAGER' },
      referrer: { legacyId: referrer!.id },
      sand: { invoiceStatus: 'OVERRIDE', invoiceEmailDate1: '15 days', trafficLimitGb: 100, trafficEmailThreshold1: 80, trafficDeferredTo: '2030-01-31', trafficStatus: null },
    });

    const linked = await pair.send(pair.compiled, 'query($id: Int!) { customer(legacyId: $id) { groups { legacyId name } customFields { fieldId type value } } }', { id });
    const customer = (linked.body.data as any).customer;
    expect(customer.groups).toEqual(groups.map((g) => ({ legacyId: g.id, name: g.name })));
    expect(customer.customFields.map((f: any) => f.fieldId)).toEqual(fields.map((f) => f.id));
    // the closed set of kinds as the enum custom-table columns use (textfield → TEXT_FIELD)
    const kind: Record<string, string> = { textfield: 'TEXT_FIELD', textarea: 'TEXT_AREA', number: 'NUMBER', date: 'DATE', checkbox: 'CHECKBOX', select: 'SELECT' };
    expect(customer.customFields.map((f: any) => f.type)).toEqual(fields.map((f) => kind[f.type]));
    expect(customer.customFields.find((f: any) => f.fieldId === fields[0]!.id).value).toBe('router-42');
    expect(customer.customFields.filter((f: any) => f.fieldId !== fields[0]!.id).every((f: any) => f.value === null)).toBe(true);

    // A customer following the defaults has no sand settings; another operator sees none of it.
    expect((await pair.expectSame('query($id: Int!) { customer(legacyId: $id) { sand { invoiceStatus } } }', { id: referrer!.id })).customer.sand).toBeNull();
    expect(((await pair.send(pair.compiled, plain, { id }, otherToken)).body.data as any).customer).toBeNull();
  });
});
