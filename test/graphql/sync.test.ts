/**
 * Change tracking for sync clients (src/sync): `createdAt`/`updatedAt` on every tracked Node
 * type, kept by the database; `changes(since:)` lists what was created, changed or deleted since
 * a moment — each object once, oldest change first, paged by cursor, inside the caller's
 * operator — and a deleted object as a tombstone. The database, not the services, keeps both,
 * so the list of tracked types is checked against the schema and the triggers.
 */
import { sql } from 'drizzle-orm';
import { isObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOperator } from '../../src/db/seed/generator';
import { getSchema } from '../../src/graphql/schema';
import { TRACKED, UNTRACKED } from '../../src/sync/tracked';
import { startTestApp, type TestApp } from '../helpers/app';
import { startCompiledPair, type CompiledPair } from '../helpers/compiled-pair';
import { enabledEngines } from '../helpers/engines';
import { rows } from '../helpers/sql';

interface Change {
  kind: 'UPSERTED' | 'DELETED';
  type: string;
  nodeId: string;
  legacyId: number;
  changedAt: string;
  node: { __typename: string; name?: string; updatedAt?: string } | null;
}
interface Feed {
  changes: { totalCount: number; edges: { cursor: string; node: Change }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

const FEED = `query($since: DateTime!, $types: [ChangedType!], $first: Int, $after: String) {
  changes(since: $since, types: $types, first: $first, after: $after) {
    totalCount
    edges { cursor node { kind type nodeId legacyId changedAt node { __typename ... on Customer { name updatedAt } ... on Plan { name updatedAt } } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

it('follows every Node type or says why not', async () => {
  const schema = await getSchema();
  const nodeTypes = Object.values(schema.getTypeMap())
    .filter((t) => isObjectType(t) && t.getInterfaces().some((i) => i.name === 'Node'))
    .map((t) => t.name)
    .sort();
  const covered = [...TRACKED.map((t) => t.typename), ...Object.keys(UNTRACKED)].sort();
  expect(covered).toEqual(nodeTypes);
  for (const { typename } of TRACKED) {
    const fields = (schema.getType(typename) as import('graphql').GraphQLObjectType).getFields();
    expect(fields.createdAt?.type.toString(), typename).toBe('DateTime!');
    expect(fields.updatedAt?.type.toString(), typename).toBe('DateTime!');
  }
});

describe.each(enabledEngines())('change tracking on %s', (engine) => {
  let t: TestApp;
  let other: { token: string };
  const q = <T>(query: ReturnType<typeof sql>) => rows<T>(t.database.handle.db, query);
  const dbNow = async () => (await q<{ now: string }>(sql`select to_json(clock_timestamp())#>>'{}' as now`))[0]!.now;
  const feed = async (variables: Record<string, unknown>, token?: string) => {
    const res = await t.gql<Feed>(FEED, variables, token);
    expect(res.errors).toBeUndefined();
    return res.data!.changes;
  };

  beforeAll(async () => {
    t = await startTestApp(engine);
    other = await generateOperator(t.database.handle.db, { operatorCode: 'sync_other', customers: 3, seed: 5 });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('has both triggers on every tracked table', async () => {
    const found = await q<{ name: string }>(sql`select tgname as name from pg_trigger where not tgisinternal and (tgname like '%_touch_updated_at' or tgname like '%_record_deletion')`);
    const names = new Set(found.map((r) => r.name));
    for (const { table } of TRACKED) {
      expect(names.has(`${table}_touch_updated_at`), table).toBe(true);
      expect(names.has(`${table}_record_deletion`), table).toBe(true);
    }
  });

  it('lists a created, changed and deleted customer once each, as it is now, inside the operator only', async () => {
    const since = await dbNow();
    const created = await t.gql<{ customerCreate: { customer: { id: string; legacyId: number; createdAt: string; updatedAt: string }; userErrors: unknown[] } }>(
      'mutation($n: String!) { customerCreate(input: { name: $n, nickname: $n, invoicingId: $n, status: "potential" }) { customer { id legacyId createdAt updatedAt } userErrors { message } } }',
      { n: 'sync_kept' },
    );
    expect(created.errors).toBeUndefined();
    expect(created.data!.customerCreate.userErrors).toEqual([]);
    const kept = created.data!.customerCreate.customer;
    expect(kept.updatedAt).toBe(kept.createdAt);
    const doomed = (
      await t.gql<{ customerCreate: { customer: { id: string; legacyId: number } } }>(
        'mutation($n: String!) { customerCreate(input: { name: $n, nickname: $n, invoicingId: $n, status: "potential" }) { customer { id legacyId } } }',
        { n: 'sync_doomed' },
      )
    ).data!.customerCreate.customer;
    // A later write in its own transaction: the feed shows the customer once, with its new name.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const renamed = await t.gql<{ customerUpdate: { customer: { name: string; createdAt: string; updatedAt: string } } }>(
      'mutation($id: ID!) { customerUpdate(input: { id: $id, name: "Sync Renamed" }) { customer { name createdAt updatedAt } userErrors { message } } }',
      { id: kept.id },
    );
    const after = renamed.data!.customerUpdate.customer;
    expect(after.createdAt).toBe(kept.createdAt);
    expect(Date.parse(after.updatedAt)).toBeGreaterThan(Date.parse(kept.updatedAt));
    const deleted = await t.gql<{ customerDelete: { userErrors: unknown[] } }>('mutation($id: ID!) { customerDelete(input: { id: $id }) { userErrors { message } } }', { id: doomed.id });
    expect(deleted.data!.customerDelete.userErrors).toEqual([]);

    const changes = await feed({ since, types: ['CUSTOMER'], first: 100 });
    const mine = changes.edges.map((e) => e.node).filter((c) => c.legacyId === kept.legacyId || c.legacyId === doomed.legacyId);
    expect(mine.map((c) => [c.kind, c.legacyId, c.node?.name ?? null])).toEqual([
      ['UPSERTED', kept.legacyId, 'Sync Renamed'],
      ['DELETED', doomed.legacyId, null],
    ]);
    expect(mine[0]!.nodeId).toBe(kept.id);
    expect(mine[0]!.changedAt).toBe(after.updatedAt);
    expect(mine[1]!.nodeId).toBe(doomed.id);
    expect(changes.totalCount).toBe(changes.edges.length);

    // Another operator's token sees none of it, and its own changes are not the demo's.
    const foreign = await feed({ since, first: 100 }, other.token);
    expect(foreign.edges.map((e) => e.node.nodeId)).not.toContain(kept.id);
    expect(foreign.edges.map((e) => e.node.nodeId)).not.toContain(doomed.id);
    // A later moment leaves the earlier changes out.
    const later = await feed({ since: await dbNow(), types: ['CUSTOMER'] });
    expect(later.edges).toEqual([]);
  });

  it('reports an object its type hides once deleted (a reseller) as DELETED', async () => {
    const since = await dbNow();
    const created = await t.gql<{ resellerCreate: { reseller: { id: string; legacyId: number } } }>(
      'mutation { resellerCreate(input: { type: RESELLER, invoiceBy: ISP, paymentBy: ISP, name: "Sync Reseller", code: "syncres", mobile: "12345", email: "sync@example.com" }) { reseller { id legacyId } userErrors { message } } }',
    );
    const reseller = created.data!.resellerCreate.reseller;
    const listed = await feed({ since, types: ['RESELLER'] });
    expect(listed.edges.map((e) => [e.node.kind, e.node.nodeId])).toEqual([['UPSERTED', reseller.id]]);
    const gone = await t.gql<{ resellerDelete: { userErrors: unknown[] } }>('mutation($id: ID!) { resellerDelete(input: { id: $id }) { userErrors { message } } }', { id: reseller.id });
    expect(gone.data!.resellerDelete.userErrors).toEqual([]);
    const after = await feed({ since, types: ['RESELLER'] });
    expect(after.edges.map((e) => [e.node.kind, e.node.nodeId, e.node.node])).toEqual([['DELETED', reseller.id, null]]);
  });

  it('pages one change at a time through the same sequence, and refuses a foreign cursor', async () => {
    const since = '2000-01-01T00:00:00Z';
    const whole = await feed({ since, types: ['PLAN', 'TAX_ZONE', 'BANDWIDTH_TEMPLATE'], first: 100 });
    expect(whole.edges.length).toBeGreaterThan(3);
    const walked: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < whole.edges.length + 1; i++) {
      const page: Feed['changes'] = await feed({ since, types: ['PLAN', 'TAX_ZONE', 'BANDWIDTH_TEMPLATE'], first: 1, after });
      walked.push(...page.edges.map((e) => e.node.nodeId));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(walked).toEqual(whole.edges.map((e) => e.node.nodeId));
    const bad = await t.gql(FEED, { since, after: 'bm90LWEtY3Vyc29y' });
    expect(bad.errors?.[0]?.extensions?.code).toBe('INVALID');
  });

  it('moves updatedAt only when the row itself changed', async () => {
    const [plan] = await q<{ id: number; updated_at: string }>(sql`select p.id, p.updated_at::text from plans p join operators o on o.id = p.operator_id where o.code = 'demo' order by p.id limit 1`);
    await t.database.handle.db.execute(sql`update plans set name = name where id = ${plan!.id}`);
    const [same] = await q<{ updated_at: string }>(sql`select updated_at::text from plans where id = ${plan!.id}`);
    expect(same!.updated_at).toBe(plan!.updated_at);
    await t.database.handle.db.execute(sql`update staff_users set last_login_at = now() where operator_id = (select id from operators where code = 'demo')`);
    const since = await dbNow();
    await t.database.handle.db.execute(sql`update plans set name = name || ' (renamed)' where id = ${plan!.id}`);
    const changes = await feed({ since, types: ['PLAN', 'STAFF_USER'] });
    expect(changes.edges.map((e) => [e.node.type, e.node.legacyId])).toEqual([['PLAN', plan!.id]]);
    expect(changes.edges[0]!.node.node?.name).toMatch(/\(renamed\)$/);
    // A writer that sets updated_at itself (an import keeping the old system's times) keeps it.
    await t.database.handle.db.execute(sql`update plans set name = name || '.', updated_at = timestamptz '2019-05-01 12:00:00+00' where id = ${plan!.id}`);
    const [imported] = await q<{ updated_at: string }>(sql`select to_json(updated_at)#>>'{}' as updated_at from plans where id = ${plan!.id}`);
    expect(new Date(imported!.updated_at).toISOString()).toBe('2019-05-01T12:00:00.000Z');
  });
});

describe.each(enabledEngines())('timestamps through the compiled read path on %s', (engine) => {
  let pair: CompiledPair;
  beforeAll(async () => {
    pair = await startCompiledPair(engine);
  });
  afterAll(async () => {
    await pair?.stop();
  });

  it('answers createdAt and updatedAt with the resolvers\' bytes in one statement', async () => {
    const data = await pair.expectSame(`{
      customers(first: 3) { nodes { legacyId createdAt updatedAt servicePlan { createdAt updatedAt } subscriptions(first: 2) { nodes { createdAt updatedAt } } invoices(first: 2) { nodes { createdAt updatedAt payments { createdAt updatedAt refunds { createdAt updatedAt } } } } gracePeriods(first: 2) { nodes { createdAt updatedAt } } subaccounts(first: 2) { nodes { createdAt updatedAt } } refunds(first: 2) { nodes { createdAt updatedAt } } } }
    }`, undefined, 1);
    expect(data.customers.nodes[0].servicePlan.updatedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });
});
