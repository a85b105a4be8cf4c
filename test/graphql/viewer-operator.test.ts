/**
 * `viewer` and `Operator`: who the token is, what the role allows, and the operator's currency
 * and time zone, which every money-bearing type repeats as `currencyCode` (compiled path and
 * resolvers alike). Another operator's Operator node is never reachable.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { generateOperator } from '../../src/db/seed/generator';
import { operators } from '../../src/tenancy/operator.table';
import * as operatorService from '../../src/tenancy/operator.service';
import { startCompiledPair, type CompiledPair } from '../helpers/compiled-pair';
import { enabledEngines } from '../helpers/engines';
import { makeRoleUser, operatorIdOf } from '../helpers/roles';

const VIEWER = '{ viewer { username displayName role permissions staffUser { username } operator { id legacyId code name currencyCode timeZone } } }';

describe.each(enabledEngines())('viewer and operator on %s', (engine) => {
  let pair: CompiledPair;
  let other: { operatorId: number; token: string };
  let demoId: number;

  beforeAll(async () => {
    pair = await startCompiledPair(engine);
    const db = pair.database.handle.db;
    const generated = await generateOperator(db, { operatorCode: 'viewer_other', customers: 6, seed: 3 });
    other = { operatorId: generated.operatorId, token: generated.token };
    await db.update(operators).set({ currency: 'USD', timezone: 'America/New_York' }).where(eq(operators.id, other.operatorId));
    demoId = await operatorIdOf(db, 'demo');
  });

  afterAll(async () => {
    await pair?.stop();
  });

  it('names the demo admin, its role, every permission and its operator', async () => {
    const res = await pair.send(pair.compiled, VIEWER);
    expect(res.body.errors).toBeUndefined();
    const viewer = (res.body.data as any).viewer;
    expect(viewer).toMatchObject({ username: 'admin', displayName: 'Administrator', role: 'ADMIN', staffUser: { username: 'admin' } });
    expect(viewer.permissions).toEqual(['READ', 'CUSTOMERS_WRITE', 'PAYMENTS_COLLECT', 'BILLING_WRITE', 'CATALOG_WRITE', 'NETWORK_WRITE', 'SUPPORT_WRITE', 'AUDIT_READ', 'SECRETS_READ', 'ADMIN']);
    expect(viewer.operator).toMatchObject({ legacyId: demoId, code: 'demo', currencyCode: 'EUR', timeZone: 'Europe/Dublin' });
  });

  it("lists only a read-only user's one permission", async () => {
    const user = await makeRoleUser(pair.database.handle.db, demoId, 'readonly');
    const res = await pair.send(pair.compiled, '{ viewer { username role permissions } }', {}, user.token);
    expect((res.body.data as any).viewer).toEqual({ username: user.username, role: 'READONLY', permissions: ['READ'] });
  });

  it("reads each operator's own currency and time zone, and never another operator's node", async () => {
    const theirs = (await pair.send(pair.compiled, VIEWER, {}, other.token)).body.data as any;
    expect(theirs.viewer.operator).toMatchObject({ legacyId: other.operatorId, currencyCode: 'USD', timeZone: 'America/New_York' });
    const demoOperator = ((await pair.send(pair.compiled, VIEWER)).body.data as any).viewer.operator;
    const q = 'query($id: ID!) { node(id: $id) { id ... on Operator { code currencyCode } } }';
    expect(((await pair.send(pair.compiled, q, { id: demoOperator.id })).body.data as any).node).toEqual({ id: demoOperator.id, code: 'demo', currencyCode: 'EUR' });
    expect(((await pair.send(pair.compiled, q, { id: demoOperator.id }, other.token)).body.data as any).node).toBeNull();
  });

  it('shows what the admin CLI sets (operator update), and refuses codes and zones the scalars would not serve', async () => {
    const db = pair.database.handle.db;
    await operatorService.update(db, 'viewer_other', { currency: 'GBP', timezone: 'Europe/London' });
    const theirs = (await pair.send(pair.compiled, '{ viewer { operator { currencyCode timeZone } } }', {}, other.token)).body.data as any;
    expect(theirs.viewer.operator).toEqual({ currencyCode: 'GBP', timeZone: 'Europe/London' });
    await expect(operatorService.update(db, 'viewer_other', { currency: 'ABC', timezone: 'Mars/Olympus' })).rejects.toMatchObject({
      problems: [expect.objectContaining({ field: ['currency'] }), expect.objectContaining({ field: ['timezone'] })],
    });
    await operatorService.update(db, 'viewer_other', { currency: 'USD', timezone: 'America/New_York' });
  });

  it('gives money-bearing objects the operator currency, the same on the compiled path', async () => {
    const q = `{ customers(first: 5) { nodes { currencyCode servicePlan { currencyCode } subscriptions(first: 2) { nodes { currencyCode } }
      invoices(first: 2) { nodes { currencyCode payments { currencyCode } } } reseller { currencyCode } } } }`;
    const currencies = (data: any) => JSON.stringify(data).match(/"currencyCode":"[A-Z]+"/g);
    const mine = await pair.expectSame(q);
    expect(new Set(currencies(mine))).toEqual(new Set(['"currencyCode":"EUR"']));
    expect(currencies(mine)!.length).toBeGreaterThan(5);
    const theirs = await pair.expectSame(q, {}, 1, other.token);
    expect(new Set(currencies(theirs))).toEqual(new Set(['"currencyCode":"USD"']));
  });
});
