/**
 * subscriptionUpdate on both engines: changes the terms it is given and no others (read back
 * through `node`), a null price or description goes back to the plan's, bad input is refused
 * with every problem and changes nothing, and neither a read-only role nor another operator
 * can change a subscription.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enabledEngines } from '../helpers/engines';
import { startTestApp, type TestApp } from '../helpers/app';
import { makeRoleUser, operatorIdOf } from '../helpers/roles';
import { rows } from '../helpers/sql';

type UserErrors = { field: string[]; message: string; code: string }[];
type Sub = { quantity: number; price: string | null; priceOverridden: boolean; description: string | null; descriptionOverridden: boolean; validFrom: string; validTo: string | null; cycles: number | null; discount: string };
const FIELDS = 'quantity price priceOverridden description descriptionOverridden validFrom validTo cycles discount';
const gid = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64url');

describe.each(enabledEngines())('GraphQL subscriptionUpdate on %s', (engine) => {
  let t: TestApp;
  let demo: number;
  let id: string;
  let plan: { price: string; name: string };
  const q = <T>(query: ReturnType<typeof sql>) => rows<T>(t.database.handle.db, query);
  const update = async (input: Record<string, unknown>, token?: string) => {
    const res = await t.gql<{ subscriptionUpdate: { subscription: Sub | null; userErrors: UserErrors } }>(
      `mutation($input: SubscriptionUpdateInput!) { subscriptionUpdate(input: $input) { subscription { ${FIELDS} } userErrors { field message code } } }`,
      { input },
      token,
    );
    expect(res.errors).toBeUndefined();
    return res.data.subscriptionUpdate;
  };
  const read = async () => (await t.gql<{ node: Sub }>(`query($id: ID!) { node(id: $id) { ... on Subscription { ${FIELDS} } } }`, { id })).data.node;

  beforeAll(async () => {
    t = await startTestApp(engine);
    demo = await operatorIdOf(t.database.handle.db, 'demo');
    const [row] = await q<{ id: number; price: string; name: string }>(
      sql`select s.id, p.price::text as price, p.name from subscriptions s join plans p on p.id = s.plan_id where s.operator_id = ${demo} order by s.id limit 1`,
    );
    id = gid('Subscription', row!.id);
    plan = { price: row!.price, name: row!.name };
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('changes the given terms and leaves the rest; null price and description go back to the plan', async () => {
    const before = await read();
    const changed = await update({ id, quantity: 3, price: '12.50', description: 'Special deal', validTo: '2099-12-31' });
    expect(changed.userErrors).toEqual([]);
    expect(changed.subscription).toMatchObject({ quantity: 3, price: '12.50', priceOverridden: true, description: 'Special deal', descriptionOverridden: true, validTo: '2099-12-31' });
    expect(await read()).toEqual({ ...before, ...changed.subscription });
    expect((await read()).discount).toBe(before.discount);

    const reverted = await update({ id, price: null, description: null, validTo: null });
    expect(reverted.userErrors).toEqual([]);
    expect(Number(reverted.subscription!.price)).toBe(Number(plan.price));
    expect(reverted.subscription).toMatchObject({ priceOverridden: false, description: plan.name, descriptionOverridden: false, validTo: null, quantity: 3 });
  });

  it('refuses bad terms, every one at once, and changes nothing', async () => {
    const before = await read();
    const audits = async () => (await q<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'subscription.update'`))[0]!.n;
    const n = await audits();
    const refused = await update({ id, quantity: 0, discount: '101', validTo: '1999-01-01', price: '1.234', rounding: null });
    expect(refused.subscription).toBeNull();
    expect(refused.userErrors.map((e) => e.field.join('.')).sort()).toEqual(['input.discount', 'input.price', 'input.quantity', 'input.rounding', 'input.validTo']);
    expect((await update({ id: gid('Subscription', 999999), quantity: 2 })).userErrors).toEqual([expect.objectContaining({ field: ['input', 'id'], code: 'NOT_FOUND' })]);
    expect((await update({ id, taxZoneId: gid('TaxZone', 999999) })).userErrors).toEqual([expect.objectContaining({ field: ['input', 'taxZoneId'], code: 'NOT_FOUND' })]);
    expect(await read()).toEqual(before);
    expect(await audits()).toBe(n);
  });

  it('is refused to a read-only role and to another operator', async () => {
    const before = await read();
    const { token: readonlyToken } = await makeRoleUser(t.database.handle.db, demo, 'readonly');
    expect((await update({ id, quantity: 7 }, readonlyToken)).userErrors.map((e) => e.code)).toEqual(['FORBIDDEN']);
    const { generateOperator } = await import('../../src/db/seed/generator');
    const { token: otherToken } = await generateOperator(t.database.handle.db, { operatorCode: 'sub-other', customers: 2 });
    expect((await update({ id, quantity: 7 }, otherToken)).userErrors.map((e) => e.code)).toEqual(['NOT_FOUND']);
    expect(await read()).toEqual(before);
  });
});
