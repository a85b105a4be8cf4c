/**
 * Gateway and interface writes through the graph on both engines: create, update (the CoA secret is
 * write-only) and delete, read back through `node`; bad input refused with userErrors and
 * nothing written; a gateway with interfaces or customers is not deleted; a read-only role and
 * another operator are refused.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enabledEngines } from '../helpers/engines';
import { runMutation, type UserErrors } from '../helpers/mutation';
import { startTestApp, type TestApp } from '../helpers/app';
import { makeRoleUser, operatorIdOf } from '../helpers/roles';
import { rows } from '../helpers/sql';

type Gw = { id: string; name: string; wibNumber: number; nasIpAddress: string | null; coaPort: number; hasCoaSecret: boolean; description: string | null };
const GW = 'id name wibNumber nasIpAddress coaPort hasCoaSecret description';
const gid = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64url');

describe.each(enabledEngines())('GraphQL gateway writes on %s', (engine) => {
  let t: TestApp;
  let demo: number;
  const q = <T>(query: ReturnType<typeof sql>) => rows<T>(t.database.handle.db, query);
  const count = async (query: ReturnType<typeof sql>) => Number((await q<{ n: number }>(query))[0]!.n);
  const run = <T>(mutation: string, inputType: string, selection: string, input: Record<string, unknown>, token?: string) => runMutation<T>(t, mutation, inputType, selection, input, token);
  const create = (input: Record<string, unknown>, token?: string) => run<{ gateway: Gw | null }>('gatewayCreate', 'GatewayCreateInput', `gateway { ${GW} }`, input, token);
  const update = (input: Record<string, unknown>, token?: string) => run<{ gateway: Gw | null }>('gatewayUpdate', 'GatewayUpdateInput', `gateway { ${GW} }`, input, token);
  const remove = (id: string, token?: string) => run<{ deletedId: string | null }>('gatewayDelete', 'GatewayDeleteInput', 'deletedId', { id }, token);
  const node = async (id: string) => (await t.gql<{ node: Gw | null }>(`query($id: ID!) { node(id: $id) { ... on Gateway { ${GW} } } }`, { id })).data.node;
  const state = async () => [await count(sql`select count(*)::int as n from gateways`), await count(sql`select count(*)::int as n from audit_log`)];

  beforeAll(async () => {
    t = await startTestApp(engine);
    demo = await operatorIdOf(t.database.handle.db, 'demo');
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('creates, changes and deletes a gateway; the CoA secret is stored, never returned', async () => {
    const made = await create({ name: ' Edge 9 ', wibNumber: 9009, nasIpAddress: '192.0.2.99', coaSecret: 's3cret-value' });
    expect(made.userErrors).toEqual([]);
    expect(made.gateway).toMatchObject({ name: 'Edge 9', wibNumber: 9009, nasIpAddress: '192.0.2.99', coaPort: 3799, hasCoaSecret: true });
    const id = made.gateway!.id;
    const changed = await update({ id, coaPort: 1700, coaSecret: null, description: 'rack 4' });
    expect(changed.userErrors).toEqual([]);
    expect(await node(id)).toEqual({ ...made.gateway, coaPort: 1700, hasCoaSecret: false, description: 'rack 4' });
    const audited = await q<{ changes: unknown }>(sql`select changes from audit_log where action = 'gateway.create' and entity_id = ${Number(Buffer.from(id, 'base64url').toString().split(':')[1])}`);
    expect(JSON.stringify(audited)).not.toContain('s3cret-value');
    expect(await remove(id)).toEqual({ deletedId: id, userErrors: [] });
    expect(await node(id)).toBeNull();
  });

  it('refuses bad input and deleting a gateway in use, changing nothing', async () => {
    const [used] = await q<{ id: number; wib: number }>(sql`select g.id, g.wib_number as wib from gateways g where g.operator_id = ${demo}
      and exists (select 1 from interfaces i where i.gateway_id = g.id) order by g.id limit 1`);
    const before = await state();
    const bad = await create({ name: '', wibNumber: used!.wib, coaPort: 70000 });
    expect(bad.userErrors.map((e) => `${e.field.join('.')}:${e.code}`).sort()).toEqual(['input.coaPort:INVALID', 'input.name:INVALID', 'input.wibNumber:CONFLICT']);
    expect((await update({ id: gid('Gateway', used!.id), wibNumber: null })).userErrors).toEqual([expect.objectContaining({ field: ['input', 'wibNumber'] })]);
    expect((await remove(gid('Gateway', used!.id))).userErrors).toEqual([
      expect.objectContaining({ field: ['input', 'id'], code: 'PRECONDITION_FAILED', message: expect.stringMatching(/it has interfaces/) }),
    ]);
    expect((await remove(gid('Gateway', 999999))).userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND' })]);
    expect(await state()).toEqual(before);
  });

  it('is refused to a read-only role and to another operator', async () => {
    const id = gid('Gateway', (await q<{ id: number }>(sql`select id from gateways where operator_id = ${demo} order by id limit 1`))[0]!.id);
    const seen = await node(id);
    const { token: readonlyToken } = await makeRoleUser(t.database.handle.db, demo, 'readonly');
    const { generateOperator } = await import('../../src/db/seed/generator');
    const { token: otherToken } = await generateOperator(t.database.handle.db, { operatorCode: 'gw-other', customers: 2 });
    const before = await state();
    expect((await create({ name: 'x', wibNumber: 8888 }, readonlyToken)).userErrors.map((e) => e.code)).toEqual(['FORBIDDEN']);
    for (const [token, code] of [[readonlyToken, 'FORBIDDEN'], [otherToken, 'NOT_FOUND']] as const) {
      expect((await update({ id, name: 'Hijack' }, token)).userErrors.map((e) => e.code)).toEqual([code]);
      expect((await remove(id, token)).userErrors.map((e) => e.code)).toEqual([code]);
    }
    expect(await state()).toEqual(before);
    expect(await node(id)).toEqual(seen);
  });

  it('adds, changes and deletes an interface range; bad ranges and ranges in use are refused', async () => {
    type Nif = { id: string; name: string; network: string; startIp: string | null; numberOfIps: number | null; broadcast: string | null };
    const NIF = 'id name network startIp numberOfIps broadcast';
    const nif = (mutation: string, input: Record<string, unknown>, token?: string) =>
      run<{ networkInterface: Nif | null }>(mutation, mutation === 'networkInterfaceCreate' ? 'NetworkInterfaceCreateInput' : 'NetworkInterfaceUpdateInput', `networkInterface { ${NIF} }`, input, token);
    const gw = (await create({ name: 'Edge 10', wibNumber: 9010 })).gateway!.id;
    const made = await nif('networkInterfaceCreate', { gatewayId: gw, name: 'eth1', role: 'CUSTOMER', network: '198.51.100.0/24', startIp: '198.51.100.10', numberOfIps: 50 });
    expect(made.userErrors).toEqual([]);
    expect(made.networkInterface).toMatchObject({ name: 'eth1', network: '198.51.100.0/24', startIp: '198.51.100.10', numberOfIps: 50, broadcast: '198.51.100.255' });
    const id = made.networkInterface!.id;
    const changed = await nif('networkInterfaceUpdate', { id, numberOfIps: 20 });
    expect(changed.networkInterface).toMatchObject({ numberOfIps: 20, startIp: '198.51.100.10' });
    expect((await t.gql<{ node: { numberOfIps: number } }>(`query($id: ID!) { node(id: $id) { ... on NetworkInterface { numberOfIps } } }`, { id })).data.node).toEqual({ numberOfIps: 20 });

    const before = await state();
    const fields = (r: { userErrors: UserErrors }) => r.userErrors.map((e) => e.field.join('.')).sort();
    expect(fields(await nif('networkInterfaceCreate', { gatewayId: gw, name: 'eth2', role: 'CUSTOMER', network: '198.51.100.7/24' }))).toEqual(['input.network']);
    expect(fields(await nif('networkInterfaceCreate', { gatewayId: gw, name: ' ', role: 'PUBLIC', network: '203.0.113.0/28', startIp: '203.0.113.99', numberOfIps: 0 }))).toEqual([
      'input.name', 'input.numberOfIps', 'input.startIp',
    ]);
    expect(fields(await nif('networkInterfaceUpdate', { id, network: '192.0.2.0/24' }))).toEqual(['input.startIp']);
    expect((await remove(gw)).userErrors).toEqual([expect.objectContaining({ code: 'PRECONDITION_FAILED', message: expect.stringMatching(/it has interfaces/) })]);
    expect(await state()).toEqual(before);

    const { token: readonlyToken } = await makeRoleUser(t.database.handle.db, demo, 'readonly');
    expect((await nif('networkInterfaceUpdate', { id, numberOfIps: 5 }, readonlyToken)).userErrors.map((e) => e.code)).toEqual(['FORBIDDEN']);
    expect((await run<{ deletedId: string | null }>('networkInterfaceDelete', 'NetworkInterfaceDeleteInput', 'deletedId', { id }, readonlyToken)).userErrors.map((e) => e.code)).toEqual(['FORBIDDEN']);
    expect(await run('networkInterfaceDelete', 'NetworkInterfaceDeleteInput', 'deletedId', { id })).toEqual({ deletedId: id, userErrors: [] });
    expect(await remove(gw)).toEqual({ deletedId: gw, userErrors: [] });
  });
});
