/**
 * Per-customer profile overrides through GraphQL against the demo data, cross-checked with
 * SQL: Jaze E28 override_user_bandwidth and E30 override_user_vendor_attributes reset rules,
 * templates inside the operator, replace-on-set, "pass only userId" clears, nothing written on
 * bad input.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enabledEngines } from '../helpers/engines';
import { startTestApp, type TestApp } from '../helpers/app';
import { rows } from '../helpers/sql';

type UserErrors = { field: string[]; message: string; code: string }[];
const gid = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64url');
const RESET = 'restrictionOn reset resetLimit resetUnit resetEvery resetEveryValue resetEveryDay reset2';
const BW = `${RESET} excludeUpload carryForwardPreviousData bandwidthTemplate { legacyId } bandwidthTemplate2 { legacyId }`;
const VA = `${RESET} items { set kind vendor attribute op value }`;

describe.each(enabledEngines())('GraphQL profile overrides on %s', (engine) => {
  let t: TestApp;
  let templates: number[];
  const q = <T>(query: ReturnType<typeof sql>) => rows<T>(t.database.handle.db, query);
  const one = async (query: ReturnType<typeof sql>) => Number((await q<{ n: number }>(query))[0]!.n);
  const ok = async <T>(query: string, variables?: Record<string, unknown>, token?: string) => {
    const res = await t.gql<T>(query, variables, token);
    expect(res.errors).toBeUndefined();
    return res.data;
  };
  const call = <T>(mutation: string, inputType: string, selection: string, input: Record<string, unknown>, token?: string) =>
    ok<Record<string, T & { userErrors: UserErrors }>>(`mutation($input: ${inputType}!) { ${mutation}(input: $input) { ${selection} userErrors { field message code } } }`, { input }, token).then(
      (d) => d[mutation]!,
    );
  type Bw = Record<string, unknown> & { bandwidthTemplate: { legacyId: number } | null; bandwidthTemplate2: { legacyId: number } | null };
  const setBw = (input: Record<string, unknown>, token?: string) =>
    call<{ bandwidthOverride: Bw | null; customer: { bandwidthOverride: Bw | null } | null }>(
      'customerBandwidthOverrideUpdate',
      'CustomerBandwidthOverrideUpdateInput',
      `bandwidthOverride { ${BW} } customer { bandwidthOverride { ${BW} } }`,
      input,
      token,
    );
  type Va = Record<string, unknown> & { items: Record<string, unknown>[] };
  const setVa = (input: Record<string, unknown>) =>
    call<{ vendorAttributeOverride: Va | null; customer: { vendorAttributeOverride: Va | null } | null }>(
      'customerVendorAttributeOverrideUpdate',
      'CustomerVendorAttributeOverrideUpdateInput',
      `vendorAttributeOverride { ${VA} } customer { vendorAttributeOverride { ${VA} } }`,
      input,
    );
  const clear = (mutation: string, customerId: string, token?: string) =>
    call<{ removed: boolean | null; customer: { bandwidthOverride: unknown; vendorAttributeOverride: unknown } | null }>(
      mutation,
      `${mutation.charAt(0).toUpperCase()}${mutation.slice(1)}Input`,
      'removed customer { bandwidthOverride { restrictionOn } vendorAttributeOverride { restrictionOn } }',
      { customerId },
      token,
    );
  const fields = (errors: UserErrors) => errors.map((e) => e.field.join('.')).sort();
  const bwRow = (customerId: number) =>
    q(sql`select restriction_on, reset::text as reset, reset_limit::text as reset_limit, reset_unit::text as reset_unit, reset_every::text as reset_every,
      reset_every_value, reset_every_day, bandwidth_template_id, reset2::text as reset2, bandwidth_template2_id, exclude_upload, carry_forward_previous_data
      from bandwidth_overrides where customer_id = ${customerId}`);
  const writes = async () => [
    await one(sql`select count(*)::int as n from bandwidth_overrides`),
    await one(sql`select count(*)::int as n from vendor_attribute_overrides`),
    await one(sql`select count(*)::int as n from vendor_attribute_override_items`),
    await one(sql`select count(*)::int as n from audit_log where action like 'customer.%Override%'`),
  ];

  beforeAll(async () => {
    t = await startTestApp(engine);
    templates = (await q<{ id: number }>(sql`select b.id from bandwidth_templates b join operators o on o.id = b.operator_id where o.code = 'demo' order by b.id`)).map((r) => r.id);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it("serves the demo customer's existing bandwidth override as SQL has it", async () => {
    const [seeded] = await q<{ customer_id: number; bandwidth_template_id: number }>(sql`select customer_id, bandwidth_template_id from bandwidth_overrides order by id limit 1`);
    const data = await ok<{ a: { bandwidthOverride: Bw | null; vendorAttributeOverride: unknown }; b: { bandwidthOverride: unknown } }>(
      `query($a: Int!) { a: customer(legacyId: $a) { bandwidthOverride { ${BW} } vendorAttributeOverride { restrictionOn } } b: customer(legacyId: 1) { bandwidthOverride { restrictionOn } } }`,
      { a: seeded!.customer_id },
    );
    expect(data.a.bandwidthOverride).toMatchObject({ restrictionOn: true, reset: 'ALWAYS', resetLimit: null, bandwidthTemplate: { legacyId: seeded!.bandwidth_template_id }, bandwidthTemplate2: null });
    expect(data.a.vendorAttributeOverride).toBeNull();
    expect(data.b.bandwidthOverride).toBeNull();
  });

  it('sets a bandwidth override with a monthly FUP reset and replaces it on the next set', async () => {
    const customer = gid('Customer', 3);
    const res = await setBw({
      customerId: customer,
      restrictionOn: true,
      reset: 'DATA',
      resetLimit: '50',
      resetUnit: 'GB',
      resetEvery: 'MONTHLY',
      resetEveryValue: 15,
      bandwidthTemplateId: gid('BandwidthTemplate', templates[0]!),
      reset2: 'ALWAYS',
      bandwidthTemplate2Id: gid('BandwidthTemplate', templates[1]!),
      excludeUpload: true,
    });
    expect(res.userErrors).toEqual([]);
    const expected = {
      restrictionOn: true,
      reset: 'DATA',
      resetLimit: '50',
      resetUnit: 'GB',
      resetEvery: 'MONTHLY',
      resetEveryValue: 15,
      resetEveryDay: null,
      reset2: 'ALWAYS',
      excludeUpload: true,
      carryForwardPreviousData: false,
      bandwidthTemplate: { legacyId: templates[0] },
      bandwidthTemplate2: { legacyId: templates[1] },
    };
    expect(res.bandwidthOverride).toEqual(expected);
    expect(res.customer!.bandwidthOverride).toEqual(expected);
    expect(await bwRow(3)).toEqual([
      {
        restriction_on: true,
        reset: 'data',
        reset_limit: '50',
        reset_unit: 'gb',
        reset_every: 'monthly',
        reset_every_value: 15,
        reset_every_day: null,
        bandwidth_template_id: templates[0],
        reset2: 'always',
        bandwidth_template2_id: templates[1],
        exclude_upload: true,
        carry_forward_previous_data: false,
      },
    ]);

    // a weekly upload/download reset replaces it (still one override per customer)
    const weekly = await setBw({
      customerId: customer,
      restrictionOn: true,
      reset: 'UPLOAD_DOWNLOAD',
      resetLimit: '512.5',
      resetUnit: 'MB',
      resetEvery: 'WEEKLY',
      resetEveryDay: 0,
      reset2: 'ALWAYS',
      bandwidthTemplateId: gid('BandwidthTemplate', templates[1]!),
      bandwidthTemplate2Id: gid('BandwidthTemplate', templates[0]!),
      carryForwardPreviousData: true,
    });
    expect(weekly.userErrors).toEqual([]);
    expect(weekly.bandwidthOverride).toMatchObject({ reset: 'UPLOAD_DOWNLOAD', resetLimit: '512.5', resetEvery: 'WEEKLY', resetEveryValue: null, resetEveryDay: 0, excludeUpload: false, carryForwardPreviousData: true });
    expect(await one(sql`select count(*)::int as n from bandwidth_overrides where customer_id = 3`)).toBe(1);
  });

  it('refuses every broken reset rule at once and writes nothing', async () => {
    const customer = gid('Customer', 4);
    const tpl = gid('BandwidthTemplate', templates[0]!);
    const before = await writes();
    // reset other than always: limit, unit, period, reset2 and the second template are mandatory
    expect(fields((await setBw({ customerId: customer, restrictionOn: true, reset: 'DATA', bandwidthTemplateId: tpl })).userErrors)).toEqual([
      'input.bandwidthTemplate2Id',
      'input.reset2',
      'input.resetEvery',
      'input.resetLimit',
      'input.resetUnit',
    ]);
    const full = { customerId: customer, restrictionOn: true, reset: 'DATA', resetLimit: '10', resetUnit: 'GB', reset2: 'ALWAYS', bandwidthTemplateId: tpl, bandwidthTemplate2Id: tpl };
    // monthly needs its day of month, weekly its day of week
    expect(fields((await setBw({ ...full, resetEvery: 'MONTHLY' })).userErrors)).toEqual(['input.resetEveryValue']);
    expect(fields((await setBw({ ...full, resetEvery: 'WEEKLY' })).userErrors)).toEqual(['input.resetEveryDay']);
    // ranges, and each day only with its period
    expect(fields((await setBw({ ...full, resetEvery: 'MONTHLY', resetEveryValue: 32 })).userErrors)).toEqual(['input.resetEveryValue']);
    expect(fields((await setBw({ ...full, resetEvery: 'MONTHLY', resetEveryValue: 0 })).userErrors)).toEqual(['input.resetEveryValue']);
    expect(fields((await setBw({ ...full, resetEvery: 'DAILY', resetEveryValue: 5 })).userErrors)).toEqual(['input.resetEveryValue']);
    expect(fields((await setBw({ ...full, resetEvery: 'WEEKLY', resetEveryDay: 7 })).userErrors)).toEqual(['input.resetEveryDay']);
    expect(fields((await setBw({ ...full, resetEvery: 'BILLING', resetEveryDay: 3 })).userErrors)).toEqual(['input.resetEveryDay']);
    // limit > 0, reset2 only ALWAYS, a reset mode with the restriction on
    expect(fields((await setBw({ ...full, resetEvery: 'DAILY', resetLimit: '0' })).userErrors)).toEqual(['input.resetLimit']);
    expect(fields((await setBw({ ...full, resetEvery: 'DAILY', reset2: 'DATA' })).userErrors)).toEqual(['input.reset2']);
    expect(fields((await setBw({ customerId: customer, restrictionOn: true, bandwidthTemplateId: tpl })).userErrors)).toEqual(['input.reset']);
    // templates must exist in the operator; the customer too
    const missing = await setBw({ ...full, resetEvery: 'NEVER', bandwidthTemplateId: gid('BandwidthTemplate', 999999), bandwidthTemplate2Id: gid('BandwidthTemplate', 999998) });
    expect(missing.userErrors.map((e) => [e.field.join('.'), e.code])).toEqual([
      ['input.bandwidthTemplateId', 'NOT_FOUND'],
      ['input.bandwidthTemplate2Id', 'NOT_FOUND'],
    ]);
    expect((await setBw({ ...full, resetEvery: 'NEVER', customerId: gid('Customer', 999999) })).userErrors).toEqual([
      expect.objectContaining({ field: ['input', 'customerId'], code: 'NOT_FOUND' }),
    ]);
    expect(fields((await setBw({ ...full, resetEvery: 'NEVER', bandwidthTemplateId: gid('Plan', 1) })).userErrors)).toEqual(['input.bandwidthTemplateId']);
    expect(await writes()).toEqual(before);
    expect(await bwRow(4)).toEqual([]);

    // the same input with every rule met is accepted (so the refusals above were the rules)
    expect((await setBw({ ...full, resetEvery: 'MONTHLY', resetEveryValue: 31 })).userErrors).toEqual([]);
  });

  it('with reset ALWAYS needs only the template; with the restriction off the reset fields are ignored', async () => {
    const tpl = gid('BandwidthTemplate', templates[0]!);
    const always = await setBw({ customerId: gid('Customer', 5), restrictionOn: true, reset: 'ALWAYS', bandwidthTemplateId: tpl });
    expect(always.userErrors).toEqual([]);
    expect(always.bandwidthOverride).toMatchObject({ restrictionOn: true, reset: 'ALWAYS', resetLimit: null, reset2: null, bandwidthTemplate2: null });

    const off = await setBw({ customerId: gid('Customer', 6), reset: 'DATA', resetEvery: 'WEEKLY', resetEveryDay: 9, excludeUpload: true, bandwidthTemplateId: tpl, bandwidthTemplate2Id: tpl });
    expect(off.userErrors).toEqual([]);
    expect(off.bandwidthOverride).toEqual({
      restrictionOn: false,
      reset: null,
      resetLimit: null,
      resetUnit: null,
      resetEvery: null,
      resetEveryValue: null,
      resetEveryDay: null,
      reset2: null,
      excludeUpload: false,
      carryForwardPreviousData: false,
      bandwidthTemplate: { legacyId: templates[0] },
      bandwidthTemplate2: null,
    });
    expect(await bwRow(6)).toEqual([expect.objectContaining({ restriction_on: false, reset: null, reset_every_day: null, bandwidth_template2_id: null, exclude_upload: false })]);
  });

  it('clears a bandwidth override when given only the customer', async () => {
    const customer = gid('Customer', 9);
    expect((await setBw({ customerId: customer, restrictionOn: true, reset: 'ALWAYS', bandwidthTemplateId: gid('BandwidthTemplate', templates[0]!) })).userErrors).toEqual([]);
    const cleared = await clear('customerBandwidthOverrideClear', customer);
    expect(cleared).toEqual({ removed: true, customer: { bandwidthOverride: null, vendorAttributeOverride: null }, userErrors: [] });
    expect(await bwRow(9)).toEqual([]);
    expect((await clear('customerBandwidthOverrideClear', customer)).removed).toBe(false);
    expect((await clear('customerBandwidthOverrideClear', gid('Customer', 999999))).userErrors).toEqual([expect.objectContaining({ field: ['input', 'customerId'], code: 'NOT_FOUND' })]);
  });

  it('sets vendor-attribute overrides with both attribute sets, validates them, and clears them', async () => {
    const customer = gid('Customer', 10);
    const rate = { set: 1, kind: 'REPLY', vendor: 'Mikrotik', attribute: 'Mikrotik-Rate-Limit', op: 'ADD', value: '10M/10M' };
    const slow = { set: 2, kind: 'REPLY', vendor: 'Mikrotik', attribute: 'Mikrotik-Rate-Limit', op: 'SET', value: '1M/1M' };
    const check = { set: 1, kind: 'CHECK', vendor: 'Mikrotik', attribute: 'Mikrotik-Group', op: 'EQUAL', value: 'full' };
    const stored: Record<string, string> = { ADD: '=', SET: ':=', EQUAL: '==' };
    const base = { customerId: customer, restrictionOn: true, reset: 'DATA', resetLimit: '100', resetUnit: 'GB', resetEvery: 'BILLING', reset2: 'ALWAYS' };
    const before = await writes();
    // the second set is mandatory unless reset is always; each item is checked
    expect(fields((await setVa({ ...base, items: [rate] })).userErrors)).toEqual(['input.items']);
    const bad = await setVa({ ...base, items: [rate, { ...slow, set: 3, vendor: ' ' }] });
    // (a set-3 item is no second set, so the second set is missing too)
    expect(fields(bad.userErrors)).toEqual(['input.items', 'input.items.1.set', 'input.items.1.vendor']);
    expect(fields((await setVa({ ...base, items: [slow] })).userErrors)).toEqual(['input.items']);
    expect(fields((await setVa({ ...base, resetEvery: 'MONTHLY', items: [rate, slow] })).userErrors)).toEqual(['input.resetEveryValue']);
    expect(await writes()).toEqual(before);

    const set = await setVa({ ...base, items: [slow, rate, check] });
    expect(set.userErrors).toEqual([]);
    const items = [
      { set: 1, kind: 'REPLY', vendor: 'Mikrotik', attribute: 'Mikrotik-Rate-Limit', op: 'ADD', value: '10M/10M' },
      { set: 1, kind: 'CHECK', vendor: 'Mikrotik', attribute: 'Mikrotik-Group', op: 'EQUAL', value: 'full' },
      { set: 2, kind: 'REPLY', vendor: 'Mikrotik', attribute: 'Mikrotik-Rate-Limit', op: 'SET', value: '1M/1M' },
    ];
    expect(set.vendorAttributeOverride).toMatchObject({ restrictionOn: true, reset: 'DATA', resetLimit: '100', resetUnit: 'GB', resetEvery: 'BILLING', reset2: 'ALWAYS', items });
    expect(set.customer!.vendorAttributeOverride).toMatchObject({ items });
    expect(await q(sql`select i.set, i.kind::text as kind, i.op, i.value from vendor_attribute_override_items i join vendor_attribute_overrides o on o.id = i.override_id where o.customer_id = 10 order by i.set, i.id`)).toEqual(
      items.map((i) => ({ set: i.set, kind: i.kind.toLowerCase(), op: stored[i.op], value: i.value })),
    );

    // a new set replaces the items; with the restriction off the second set does not apply
    const off = await setVa({ customerId: customer, items: [check, slow] });
    expect(off.userErrors).toEqual([]);
    expect(off.vendorAttributeOverride).toMatchObject({ restrictionOn: false, reset: null, resetLimit: null, items: [items[1]] });
    expect(await one(sql`select count(*)::int as n from vendor_attribute_override_items i join vendor_attribute_overrides o on o.id = i.override_id where o.customer_id = 10`)).toBe(1);

    const cleared = await clear('customerVendorAttributeOverrideClear', customer);
    expect(cleared).toMatchObject({ removed: true, customer: { vendorAttributeOverride: null }, userErrors: [] });
    expect(await one(sql`select count(*)::int as n from vendor_attribute_overrides where customer_id = 10`)).toBe(0);
    expect(await one(sql`select count(*)::int as n from vendor_attribute_override_items i where not exists (select 1 from vendor_attribute_overrides o where o.id = i.override_id)`)).toBe(0);
  });

  it("keeps operators apart: no overrides on another operator's customers or with its templates", async () => {
    const { generateOperator } = await import('../../src/db/seed/generator');
    const { token } = await generateOperator(t.database.handle.db, { operatorCode: 'ovr-other', customers: 2 });
    const [theirTemplate] = await q<{ id: number }>(sql`select b.id from bandwidth_templates b join operators o on o.id = b.operator_id where o.code = 'ovr-other' order by b.id limit 1`);
    const before = await writes();
    const onOurs = await setBw({ customerId: gid('Customer', 12), restrictionOn: true, reset: 'ALWAYS', bandwidthTemplateId: gid('BandwidthTemplate', theirTemplate!.id) }, token);
    expect(onOurs.userErrors).toEqual([expect.objectContaining({ field: ['input', 'customerId'], code: 'NOT_FOUND' })]);
    const withTheirs = await setBw({ customerId: gid('Customer', 12), restrictionOn: true, reset: 'ALWAYS', bandwidthTemplateId: gid('BandwidthTemplate', theirTemplate!.id) });
    expect(withTheirs.userErrors).toEqual([expect.objectContaining({ field: ['input', 'bandwidthTemplateId'], code: 'NOT_FOUND' })]);
    const [seeded] = await q<{ customer_id: number }>(sql`select customer_id from bandwidth_overrides order by id limit 1`);
    expect((await clear('customerBandwidthOverrideClear', gid('Customer', seeded!.customer_id), token)).userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND' })]);
    expect(await writes()).toEqual(before);
  });
});
