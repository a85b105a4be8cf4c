/**
 * `createdAt` and `updatedAt` on every Node type (src/sync/stamps.ts), beyond the change-tracked
 * ones sync.test.ts covers: credentials, configuration, invoice lines, device logins, the
 * operator, RADIUS rows and sessions, and the two append-only types. Each is read through
 * `node(id:)` as stored; edits move `updatedAt` whichever path writes them (the database keeps
 * it), bookkeeping does not. Instants are fixed, never the clock's.
 */
import { sql } from 'drizzle-orm';
import { isObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSchema } from '../../src/graphql/schema';
import { isAppendOnly, SELF_STAMPED, STAMP_SOURCES, stampColumns } from '../../src/sync/stamps';
import { enabledEngines } from '../helpers/engines';
import { startTestApp, type TestApp } from '../helpers/app';
import { rows } from '../helpers/sql';

const gid = (type: string, id: number | string) => Buffer.from(`${type}:${id}`).toString('base64url');
const PAST = '2020-01-02T03:04:05.000Z';

it('gives every Node type a source for both stamps, once', async () => {
  const schema = await getSchema();
  const nodeTypes = Object.values(schema.getTypeMap())
    .filter((t) => isObjectType(t) && t.getInterfaces().some((i) => i.name === 'Node'))
    .map((t) => t.name)
    .sort();
  expect([...STAMP_SOURCES.map((s) => s.typename), ...SELF_STAMPED].sort()).toEqual(nodeTypes);
  for (const source of STAMP_SOURCES) expect(() => stampColumns(source), source.typename).not.toThrow();
});

describe.each(enabledEngines())('Node timestamps on %s', (engine) => {
  let t: TestApp;
  let operatorId: number;
  const q = <T>(query: ReturnType<typeof sql>) => rows<T>(t.database.handle.db, query);
  const iso = (value: string | Date) => new Date(value).toISOString();
  const ok = async <T>(query: string, variables?: Record<string, unknown>) => {
    const res = await t.gql<T>(query, variables);
    expect(res.errors).toBeUndefined();
    return res.data!;
  };

  beforeAll(async () => {
    t = await startTestApp(engine);
    operatorId = (await q<{ id: number }>(sql`select id from operators where code = 'demo'`))[0]!.id;
    // Objects the demo has none of.
    await q(sql`insert into equipment_logins (operator_id, equipment_id, username) select operator_id, id, 'stamps' from equipment where operator_id = ${operatorId} order by id limit 1`);
    await q(sql`insert into refunds (operator_id, customer_id, payment_id, amount, method) select operator_id, customer_id, id, 1, method from payments where operator_id = ${operatorId} order by id limit 1`);
    await q(sql`insert into attachments (operator_id, customer_id, filename, storage_path) select operator_id, id, 'contract.pdf', 'stamps/contract.pdf' from customers where operator_id = ${operatorId} order by id limit 1`);
    await q(sql`insert into background_jobs (operator_id, kind) values (${operatorId}, 'apply_plan_changes')`);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('keeps updated_at by trigger on every table whose rows change', async () => {
    const found = new Set((await q<{ name: string }>(sql`select tgname as name from pg_trigger where not tgisinternal and tgname like '%_touch_updated_at'`)).map((r) => r.name));
    const tables = [...STAMP_SOURCES.filter((s) => !isAppendOnly(s)).map((s) => s.table), 'radcheck', 'radreply', 'radusergroup'];
    for (const table of tables) expect(found.has(`${table}_touch_updated_at`), table).toBe(true);
  });

  // Every Node type but RadiusAttribute (below): node(id:) finds one, with its stamps as stored.
  it.each(STAMP_SOURCES.map((s) => [s.typename, s] as const))('serves a %s, with createdAt and updatedAt as stored, through node(id:)', async (typename, source) => {
    const { table, id, operatorId: operatorColumn, createdAt, updatedAt } = stampColumns(source);
    const [row] = await q<{ id: number; created: string; updated: string }>(
      sql`select ${id} as id, to_json(${createdAt})#>>'{}' as created, to_json(${updatedAt})#>>'{}' as updated from ${table} where ${operatorColumn} = ${operatorId} order by ${id} limit 1`,
    );
    expect(row, `the demo has a ${typename}`).toBeDefined();
    const data = await ok<{ node: { createdAt: string; updatedAt: string } }>(`query($id: ID!) { node(id: $id) { ... on ${typename} { createdAt updatedAt } } }`, { id: gid(typename, row!.id) });
    expect(data.node).toEqual({ createdAt: iso(row!.created), updatedAt: iso(row!.updated) });
    if (isAppendOnly(source)) expect(data.node.updatedAt).toBe(data.node.createdAt);
  });

  it('moves a RADIUS attribute\'s updatedAt when the graph edits it, and serves both stamps', async () => {
    const [row] = await q<{ id: number }>(sql`select id from radreply where operator_id = ${operatorId} order by id limit 1`);
    await q(sql`update radreply set created_at = ${PAST}, updated_at = ${PAST} where id = ${row!.id}`);
    const read = `query($id: ID!) { node(id: $id) { ... on RadiusAttribute { value createdAt updatedAt } } }`;
    const before = await ok<{ node: { value: string; createdAt: string; updatedAt: string } }>(read, { id: gid('RadiusReply', row!.id) });
    expect(before.node).toMatchObject({ createdAt: PAST, updatedAt: PAST });
    const res = await ok<{ radiusAttributeUpdate: { radiusAttribute: { createdAt: string; updatedAt: string }; userErrors: unknown[] } }>(
      `mutation($id: ID!) { radiusAttributeUpdate(input: { table: REPLY, id: $id, value: "stamped" }) { radiusAttribute { createdAt updatedAt } userErrors { message } } }`,
      { id: gid('RadiusReply', row!.id) },
    );
    expect(res.radiusAttributeUpdate.userErrors).toEqual([]);
    expect(res.radiusAttributeUpdate.radiusAttribute.createdAt).toBe(PAST);
    expect(res.radiusAttributeUpdate.radiusAttribute.updatedAt > PAST).toBe(true);
  });

  it('moves updatedAt on an edit by any writer, not on bookkeeping (a credential\'s use, the next invoice serial)', async () => {
    const stamp = async (table: string, id: number) =>
      iso((await q<{ at: string }>(sql`select to_json(updated_at)#>>'{}' as at from ${sql.identifier(table)} where id = ${id}`))[0]!.at);
    const reset = (table: string, id: number) => q(sql`update ${sql.identifier(table)} set updated_at = ${PAST} where id = ${id}`);

    const [token] = await q<{ id: number }>(sql`select id from api_tokens where operator_id = ${operatorId} order by id limit 1`);
    await reset('api_tokens', token!.id);
    await q(sql`update api_tokens set last_used_at = timestamptz '2021-05-05 00:00:00+00' where id = ${token!.id}`);
    expect(await stamp('api_tokens', token!.id)).toBe(PAST);
    await q(sql`update api_tokens set label = 'renamed by a script' where id = ${token!.id}`);
    expect((await stamp('api_tokens', token!.id)) > PAST).toBe(true);

    await reset('operators', operatorId);
    await q(sql`update operators set invoicing_id_next = invoicing_id_next + 1 where id = ${operatorId}`);
    expect(await stamp('operators', operatorId)).toBe(PAST);
    await q(sql`update operators set name = 'Renamed by a script' where id = ${operatorId}`);
    const data = await ok<{ viewer: { operator: { name: string; updatedAt: string } } }>('{ viewer { operator { name updatedAt } } }');
    expect(data.viewer.operator.name).toBe('Renamed by a script');
    expect(data.viewer.operator.updatedAt > PAST).toBe(true);

    const [session] = await q<{ id: number }>(sql`select radacctid as id from radacct where operator_id = ${operatorId} order by radacctid limit 1`);
    await q(sql`update radacct set updated_at = ${PAST} where radacctid = ${session!.id}`);
    // FreeRADIUS's interim update.
    await q(sql`update radacct set acctinputoctets = coalesce(acctinputoctets, 0) + 1000 where radacctid = ${session!.id}`);
    const moved = iso((await q<{ at: string }>(sql`select to_json(updated_at)#>>'{}' as at from radacct where radacctid = ${session!.id}`))[0]!.at);
    expect(moved > PAST).toBe(true);
  });

  it('finds the RADIUS sessions changed within a range, and refuses a reversed one', async () => {
    const sessions = await q<{ id: number }>(sql`select radacctid as id from radacct where operator_id = ${operatorId} order by radacctid limit 2`);
    expect(sessions).toHaveLength(2);
    await q(sql`update radacct set updated_at = ${PAST} where operator_id = ${operatorId}`);
    await q(sql`update radacct set updated_at = timestamptz '2024-06-01 12:00:00+00' where radacctid = ${sessions[1]!.id}`);
    const list = `query($from: DateTime, $to: DateTime) { radiusSessions(first: 100, filter: { updatedFrom: $from, updatedTo: $to }) { totalCount nodes { legacyId updatedAt } } }`;
    const recent = await ok<{ radiusSessions: { totalCount: number; nodes: { legacyId: string; updatedAt: string }[] } }>(list, { from: '2024-01-01T00:00:00Z' });
    expect(recent.radiusSessions.nodes).toEqual([{ legacyId: String(sessions[1]!.id), updatedAt: '2024-06-01T12:00:00.000Z' }]);
    const older = await ok<{ radiusSessions: { totalCount: number } }>(list, { to: '2023-12-31T00:00:00Z' });
    const all = (await q<{ n: number }>(sql`select count(*)::int as n from radacct where operator_id = ${operatorId}`))[0]!.n;
    expect(older.radiusSessions.totalCount).toBe(all - 1);
    const reversed = await t.gql(list, { from: '2024-01-01T00:00:00Z', to: '2023-01-01T00:00:00Z' });
    expect(reversed.errors?.[0]?.extensions?.code).toBe('INVALID');
    expect(reversed.errors?.[0]?.message).toMatch(/updatedFrom .* is after updatedTo/);
  });
});
