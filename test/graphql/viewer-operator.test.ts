/**
 * `viewer` and `Operator`: who the token is, what the role allows, and the operator's currency
 * and time zone, which every money-bearing type repeats as `currencyCode` (compiled path and
 * resolvers alike). Another operator's Operator node is never reachable. `operatorUpdate`: an
 * admin changes its own operator (the next read shows it, amounts name the new currency), by
 * the rules the admin CLI's `operator update` obeys; other roles are FORBIDDEN, bad values are
 * userErrors, and neither changes anything.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { generateOperator } from '../../src/db/seed/generator';
import { operators } from '../../src/tenancy/operator.table';
import * as operatorService from '../../src/tenancy/operator.service';
import { startCompiledPair, type CompiledPair } from '../helpers/compiled-pair';
import { enabledEngines } from '../helpers/engines';
import { makeRoleUser, operatorIdOf } from '../helpers/roles';
import { rows } from '../helpers/sql';
import { PERMISSIONS } from '../../src/tenancy/permissions';
import type { StaffRole } from '../../src/shared/context';

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
    // The CLI acts as the operator's system actor (role admin, surface cli).
    const cli = { db, actor: operatorService.systemActor(other.operatorId, 'cli') };
    await operatorService.update(cli, { currency: 'GBP', timezone: 'Europe/London' });
    const theirs = (await pair.send(pair.compiled, '{ viewer { operator { currencyCode timeZone } } }', {}, other.token)).body.data as any;
    expect(theirs.viewer.operator).toEqual({ currencyCode: 'GBP', timeZone: 'Europe/London' });
    await expect(operatorService.update(cli, { currency: 'ABC', timezone: 'Mars/Olympus' })).rejects.toMatchObject({
      problems: [expect.objectContaining({ field: ['currency'] }), expect.objectContaining({ field: ['timezone'] })],
    });
    await operatorService.update(cli, { currency: 'USD', timezone: 'America/New_York' });
    const [entry] = await rows<{ surface: string; changes: unknown }>(db, sql`select surface, changes from audit_log where action = 'operator.update' and operator_id = ${other.operatorId} order by id desc limit 1`);
    expect(entry).toEqual({ surface: 'cli', changes: { currency: 'USD', timezone: 'America/New_York' } });
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
  describe('operatorUpdate', () => {
    const UPDATE = `mutation($input: OperatorUpdateInput!) { operatorUpdate(input: $input) { operator { id legacyId code name currencyCode timeZone } userErrors { field message code } } }`;
    const MONEY = `{ customers(first: 5) { nodes { currencyCode servicePlan { currencyCode } invoices(first: 2) { nodes { currencyCode payments { currencyCode } } } } } }`;
    let mine: { operatorId: number; token: string };
    /** The operators' rows as stored (their settings and when they last changed). */
    const settings = (ids: number[]) =>
      pair.database.handle.db
        .select({ id: operators.id, code: operators.code, name: operators.name, currency: operators.currency, timezone: operators.timezone, updatedAt: operators.updatedAt })
        .from(operators)
        .where(inArray(operators.id, ids))
        .orderBy(asc(operators.id));
    const update = async (input: Record<string, unknown>, token = mine.token) => {
      const res = await pair.send(pair.compiled, UPDATE, { input }, token);
      expect(res.body.errors).toBeUndefined();
      return (res.body.data as any).operatorUpdate;
    };
    const currencies = (data: unknown) => new Set(JSON.stringify(data).match(/"currencyCode":"[A-Z]+"/g));

    beforeAll(async () => {
      const generated = await generateOperator(pair.database.handle.db, { operatorCode: 'viewer_mine', customers: 4, seed: 5 });
      mine = { operatorId: generated.operatorId, token: generated.token };
      await pair.database.handle.db.update(operators).set({ name: 'Mine ISP', currency: 'EUR', timezone: 'Europe/Dublin' }).where(eq(operators.id, mine.operatorId));
    });

    it("lets an admin change its own operator's name, currency and time zone: the next read shows them, amounts included", async () => {
      expect(currencies(await pair.expectSame(MONEY, {}, 1, mine.token))).toEqual(new Set(['"currencyCode":"EUR"']));
      const untouched = await settings([demoId, other.operatorId]);

      const res = await update({ name: '  Harbour Fibre  ', currencyCode: 'GBP', timeZone: 'Europe/London' });
      expect(res).toEqual({
        operator: { id: expect.any(String), legacyId: mine.operatorId, code: 'viewer_mine', name: 'Harbour Fibre', currencyCode: 'GBP', timeZone: 'Europe/London' },
        userErrors: [],
      });
      // the next request, on both paths, and every money-bearing object's currency
      const viewer = '{ viewer { operator { legacyId name currencyCode timeZone } } }';
      for (const app of [pair.compiled, pair.reference]) {
        expect(((await pair.send(app, viewer, {}, mine.token)).body.data as any).viewer.operator).toEqual({ legacyId: mine.operatorId, name: 'Harbour Fibre', currencyCode: 'GBP', timeZone: 'Europe/London' });
      }
      const money = await pair.expectSame(MONEY, {}, 1, mine.token);
      expect(currencies(money)).toEqual(new Set(['"currencyCode":"GBP"']));
      expect(JSON.stringify(money).match(/"currencyCode"/g)!.length).toBeGreaterThan(4);

      // audited on the graph's surface, by the admin
      const [entry] = await rows<{ surface: string; staff_user_id: number | null; entity_id: number; changes: unknown }>(
        pair.database.handle.db,
        sql`select surface, staff_user_id, entity_id, changes from audit_log where action = 'operator.update' and operator_id = ${mine.operatorId} order by id desc limit 1`,
      );
      expect(entry).toEqual({ surface: 'graphql', staff_user_id: expect.any(Number), entity_id: mine.operatorId, changes: { name: 'Harbour Fibre', currency: 'GBP', timezone: 'Europe/London' } });

      // fields left out (or null) stay; later fields of the same request see the change
      const partial = await update({ timeZone: 'Asia/Tokyo', name: null });
      expect(partial.operator).toMatchObject({ name: 'Harbour Fibre', currencyCode: 'GBP', timeZone: 'Asia/Tokyo' });
      const twice = await pair.send(
        pair.compiled,
        'mutation { a: operatorUpdate(input: { currencyCode: "USD" }) { operator { currencyCode } } b: operatorUpdate(input: { name: "Harbour Net" }) { operator { name currencyCode timeZone } } }',
        {},
        mine.token,
      );
      expect(twice.body).toEqual({ data: { a: { operator: { currencyCode: 'USD' } }, b: { operator: { name: 'Harbour Net', currencyCode: 'USD', timeZone: 'Asia/Tokyo' } } } });

      // no other operator changed
      expect(await settings([demoId, other.operatorId])).toEqual(untouched);
    });

    it('refuses a blank or long name, a currency or time zone that is not one, changing nothing', async () => {
      const before = await settings([mine.operatorId]);
      const audited = await rows(pair.database.handle.db, sql`select count(*)::int as n from audit_log where operator_id = ${mine.operatorId}`);

      expect(await update({ name: '   ', timeZone: 'Europe/Paris' })).toEqual({ operator: null, userErrors: [{ field: ['input', 'name'], message: 'name is required', code: 'INVALID' }] });
      expect((await update({ name: 'x'.repeat(201) })).userErrors).toEqual([{ field: ['input', 'name'], message: 'name must have at most 200 characters', code: 'INVALID' }]);
      // the CurrencyCode scalar takes a lower-case code; the operator's rules (the CLI's too) want it upper case
      expect(await update({ currencyCode: 'usd', name: '' })).toEqual({
        operator: null,
        userErrors: [
          { field: ['input', 'name'], message: 'name is required', code: 'INVALID' },
          { field: ['input', 'currencyCode'], message: 'currency must be an ISO 4217 code such as EUR', code: 'INVALID' },
        ],
      });
      // what the scalars refuse never reaches the service
      for (const input of [{ currencyCode: 'ABC' }, { timeZone: 'Mars/Olympus' }, { currencyCode: 'EURO', name: 'Valid' }]) {
        const res = await pair.send(pair.compiled, UPDATE, { input }, mine.token);
        expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      }

      expect(await settings([mine.operatorId])).toEqual(before);
      expect(await rows(pair.database.handle.db, sql`select count(*)::int as n from audit_log where operator_id = ${mine.operatorId}`)).toEqual(audited);
    });

    it('refuses every role but admin with FORBIDDEN, changing nothing; the input cannot name another operator', async () => {
      const before = await settings([mine.operatorId, demoId, other.operatorId]);
      for (const role of ['manager', 'staff', 'api', 'collector', 'installer', 'readonly'] as StaffRole[]) {
        const user = await makeRoleUser(pair.database.handle.db, mine.operatorId, role);
        expect(await update({ name: 'Taken Over', currencyCode: 'JPY' }, user.token)).toEqual({
          operator: null,
          userErrors: [{ field: [], message: `the ${role} role may not ${PERMISSIONS.admin}`, code: 'FORBIDDEN' }],
        });
      }
      expect(await settings([mine.operatorId, demoId, other.operatorId])).toEqual(before);
      // an admin's change is its own operator's: there is no field to name another
      const input = await pair.send(pair.compiled, '{ __type(name: "OperatorUpdateInput") { inputFields { name } } }', {}, mine.token);
      expect((input.body.data as any).__type.inputFields.map((f: { name: string }) => f.name).sort()).toEqual(['currencyCode', 'name', 'timeZone']);
      const theirs = await update({ name: 'Other Renamed' }, other.token);
      expect(theirs.operator).toMatchObject({ legacyId: other.operatorId, name: 'Other Renamed' });
      expect(await settings([mine.operatorId, demoId])).toEqual(before.filter((row) => row.id !== other.operatorId));
    });
  });
});
