/**
 * Catalogue writes through the graph on both engines: tax zones (create, update, delete). Each
 * is read back through `node`, refuses bad input with userErrors and changes nothing then,
 * refuses a delete while the row is in use, is refused to a read-only role and cannot reach
 * another operator's rows.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enabledEngines } from '../helpers/engines';
import { startTestApp, type TestApp } from '../helpers/app';
import { makeRoleUser, operatorIdOf } from '../helpers/roles';
import { rows } from '../helpers/sql';

type UserErrors = { field: string[]; message: string; code: string }[];
const gid = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64url');

describe.each(enabledEngines())('GraphQL catalogue writes on %s', (engine) => {
  let t: TestApp;
  let demo: number;
  let readonlyToken: string;
  let otherToken: string;
  const q = <T>(query: ReturnType<typeof sql>) => rows<T>(t.database.handle.db, query);
  const count = async (query: ReturnType<typeof sql>) => Number((await q<{ n: number }>(query))[0]!.n);
  const run = async <T>(mutation: string, inputType: string, selection: string, input: Record<string, unknown>, token?: string) => {
    const res = await t.gql<Record<string, T & { userErrors: UserErrors }>>(
      `mutation($input: ${inputType}!) { ${mutation}(input: $input) { ${selection} userErrors { field message code } } }`,
      { input },
      token,
    );
    expect(res.errors).toBeUndefined();
    return res.data[mutation]!;
  };
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
});
