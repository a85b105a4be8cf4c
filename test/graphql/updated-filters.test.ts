/**
 * "What changed since T" on each root connection of a tracked type: `updatedFrom`/`updatedTo`
 * are inclusive bounds on `updatedAt` (kept by the database), a reversed range is refused, and
 * another operator's changes never show. The child connections the compiled read path serves
 * (a customer's invoices, payments and subscriptions) answer the same bytes as the resolvers.
 */
import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOperator } from '../../src/db/seed/generator';
import { toGlobalId } from '../../src/graphql/global-id';
import { startTestApp, type TestApp } from '../helpers/app';
import { startCompiledPair, type CompiledPair } from '../helpers/compiled-pair';
import { enabledEngines } from '../helpers/engines';
import { rows } from '../helpers/sql';

const pause = () => new Promise((resolve) => setTimeout(resolve, 5));

/**
 * Each root connection, its table and an edit of a row's own data (so the trigger moves
 * updated_at): the type's update mutation where there is one, SQL otherwise (and for the other
 * operator's rows, which the demo token may not write).
 */
const CONNECTIONS: { field: string; type: string; table: string; edit: SQL; mutation?: string; orderable?: boolean }[] = [
  { field: 'equipment', type: 'Equipment', table: 'equipment', edit: sql`nickname = nickname || ' (edited)'`, mutation: 'equipmentUpdate(input: { id: $id, description: "Edited" })' },
  { field: 'invoices', type: 'Invoice', table: 'invoices', edit: sql`due_date = due_date + 1` },
  { field: 'maintenanceTickets', type: 'MaintenanceTicket', table: 'maintenance_tickets', edit: sql`description = coalesce(description, '') || ' (edited)'`, mutation: 'maintenanceTicketUpdate(input: { id: $id, title: "Edited ticket" })' },
  { field: 'payments', type: 'Payment', table: 'payments', edit: sql`narrative = coalesce(narrative, '') || ' (edited)'` },
  { field: 'refunds', type: 'Refund', table: 'refunds', edit: sql`reason = coalesce(reason, '') || ' (edited)'` },
  { field: 'plans', type: 'Plan', table: 'plans', edit: sql`name = name || ' (edited)'`, orderable: true },
  { field: 'radiusAccounts', type: 'RadiusAccount', table: 'radius_accounts', edit: sql`password = coalesce(password, '') || 'x'` },
  { field: 'resellers', type: 'Reseller', table: 'resellers', edit: sql`name = name || ' (edited)'`, mutation: 'resellerUpdate(input: { id: $id, name: "Edited reseller" })', orderable: true },
  { field: 'sites', type: 'Site', table: 'sites', edit: sql`name = name || ' (edited)'`, mutation: 'siteUpdate(input: { id: $id, name: "Edited site" })', orderable: true },
  { field: 'subscriptions', type: 'Subscription', table: 'subscriptions', edit: sql`description = coalesce(description, '') || ' (edited)'`, orderable: true },
  { field: 'backgroundJobs', type: 'BackgroundJob', table: 'background_jobs', edit: sql`error = coalesce(error, '') || ' (edited)'` },
];

interface Page {
  totalCount: number;
  nodes: { id: string; updatedAt: string }[];
}

describe.each(enabledEngines())('updatedFrom/updatedTo on root connections on %s', (engine) => {
  let t: TestApp;
  let other: { token: string };
  const q = <T>(query: SQL) => rows<T>(t.database.handle.db, query);
  const dbNow = async () => (await q<{ now: string }>(sql`select to_json(clock_timestamp())#>>'{}' as now`))[0]!.now;
  const operatorId = async (code: string) => (await q<{ id: number }>(sql`select id from operators where code = ${code}`))[0]!.id;

  beforeAll(async () => {
    t = await startTestApp(engine);
    other = await generateOperator(t.database.handle.db, { operatorCode: 'upd_other', customers: 3, seed: 7 });
    // Neither operator's seed has background jobs: two queued ones each (no worker runs here).
    await t.database.handle.db.execute(sql`insert into background_jobs (operator_id, kind) select o.id, k.kind from operators o, (values ('test.one'), ('test.two')) k(kind) where o.code in ('demo', 'upd_other')`);
    // Nor refunds: one against each of the first two payments of each operator.
    await t.database.handle.db.execute(sql`insert into refunds (operator_id, customer_id, payment_id, amount, method)
      select p.operator_id, p.customer_id, p.id, least(p.amount, 1.00), p.method from payments p join operators o on o.id = p.operator_id
      where o.code in ('demo', 'upd_other') and p.id in (select id from payments q where q.operator_id = o.id order by id limit 2)`);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it.each(CONNECTIONS)('$field: finds what changed since a moment, inclusive, inside the operator only', async ({ field, type, table, edit, mutation, orderable }) => {
    const list = async (filter: Record<string, unknown>, token?: string) => {
      const res = await t.gql<Record<string, Page>>(`query($filter: ${type}FilterInput) { ${field}(first: 100, filter: $filter) { totalCount nodes { id updatedAt } } }`, { filter }, token);
      expect(res.errors).toBeUndefined();
      return res.data![field]!;
    };
    const demo = await operatorId('demo');
    const foreign = await operatorId('upd_other');
    const [row] = await q<{ id: number }>(sql`select id from ${sql.identifier(table)} where operator_id = ${demo} order by id limit 1`);
    expect(row, `the demo operator has ${table}`).toBeDefined();
    const changed = toGlobalId(type, row!.id);

    // DateTime carries milliseconds: a few between the moment and the change keep them apart.
    const since = await dbNow();
    await pause();
    if (mutation) {
      const res = await t.gql<Record<string, { userErrors: unknown[] }>>(`mutation($id: ID!) { ${mutation} { userErrors { message } } }`, { id: changed });
      expect(res.errors).toBeUndefined();
      expect(Object.values(res.data!)[0]!.userErrors).toEqual([]);
    } else {
      await t.database.handle.db.execute(sql`update ${sql.identifier(table)} set ${edit} where id = ${row!.id}`);
    }
    // Every foreign row changes too: none of them may answer the demo operator.
    await t.database.handle.db.execute(sql`update ${sql.identifier(table)} set ${edit} where operator_id = ${foreign}`);

    const recent = await list({ updatedFrom: since });
    expect(recent.nodes.map((n) => n.id)).toEqual([changed]);
    expect(recent.totalCount).toBe(1);
    const at = recent.nodes[0]!.updatedAt;
    expect(Date.parse(at)).toBeGreaterThanOrEqual(Date.parse(since));

    const earlier = await list({ updatedTo: since });
    expect(earlier.nodes.map((n) => n.id)).not.toContain(changed);
    expect(earlier.nodes.every((n) => Date.parse(n.updatedAt) <= Date.parse(since))).toBe(true);

    const reversed = await t.gql(`query($filter: ${type}FilterInput) { ${field}(filter: $filter) { totalCount } }`, { filter: { updatedFrom: at, updatedTo: '2000-01-01T00:00:00Z' } });
    expect(reversed.errors?.[0]?.extensions?.code).toBe('INVALID');
    expect(reversed.errors?.[0]?.message).toMatch(/updatedFrom .* is after updatedTo/);

    // The other operator's token sees its own changes and never the demo's.
    const theirs = await list({ updatedFrom: since }, other.token);
    const foreignIds = await q<{ id: number }>(sql`select id from ${sql.identifier(table)} where operator_id = ${foreign} order by id`);
    expect(theirs.nodes.map((n) => n.id).sort()).toEqual(foreignIds.map((r) => toGlobalId(type, r.id)).sort());
    expect(theirs.nodes.map((n) => n.id)).not.toContain(changed);

    if (orderable) {
      const latest = await t.gql<Record<string, Page>>(`{ ${field}(first: 1, orderBy: { field: UPDATED_AT, direction: DESC }) { nodes { id updatedAt } } }`);
      expect(latest.errors).toBeUndefined();
      expect(latest.data![field]!.nodes.map((n) => n.id)).toEqual([changed]);
    }

    // Both bounds inclusive: a row changed at exactly one moment is found by that moment alone
    // (set here to a whole millisecond, the precision DateTime carries).
    const moment = '2001-02-03T04:05:06.789Z';
    await t.database.handle.db.execute(sql`update ${sql.identifier(table)} set updated_at = ${moment}::timestamptz where id = ${row!.id}`);
    expect((await list({ updatedFrom: moment, updatedTo: moment })).nodes.map((n) => [n.id, n.updatedAt])).toEqual([[changed, moment]]);
  });
});

describe.each(enabledEngines())('updatedFrom on a customer\'s connections through the compiled read path on %s', (engine) => {
  let pair: CompiledPair;
  const q = <T>(query: SQL) => rows<T>(pair.database.handle.db, query);
  beforeAll(async () => {
    pair = await startCompiledPair(engine);
  });
  afterAll(async () => {
    await pair?.stop();
  });

  const QUERY = `query($filter: CustomerFilterInput, $invoices: InvoiceFilterInput, $payments: PaymentFilterInput, $subscriptions: SubscriptionFilterInput) {
    customers(first: 100, filter: $filter) { nodes { legacyId
      invoices(first: 10, filter: $invoices) { totalCount nodes { id updatedAt } }
      payments(first: 10, filter: $payments) { totalCount nodes { id updatedAt } }
      subscriptions(first: 10, filter: $subscriptions) { totalCount nodes { id updatedAt } }
    } }
  }`;

  it('answers the resolvers\' bytes in one statement, with only what changed', async () => {
    const [since] = await q<{ now: string }>(sql`select to_json(clock_timestamp())#>>'{}' as now`);
    await pause();
    const demo = sql`(select id from operators where code = 'demo')`;
    const changed: Record<string, string> = {};
    for (const [table, type, edit] of [
      ['invoices', 'Invoice', sql`due_date = due_date + 1`],
      ['payments', 'Payment', sql`narrative = coalesce(narrative, '') || ' (edited)'`],
      ['subscriptions', 'Subscription', sql`description = coalesce(description, '') || ' (edited)'`],
    ] as const) {
      const [row] = await q<{ id: number }>(sql`select id from ${sql.identifier(table)} where operator_id = ${demo} order by id limit 1`);
      await pair.database.handle.db.execute(sql`update ${sql.identifier(table)} set ${edit} where id = ${row!.id}`);
      changed[table] = toGlobalId(type, row!.id);
    }
    const range = { updatedFrom: since!.now };
    const data = await pair.expectSame(QUERY, { invoices: range, payments: range, subscriptions: range }, 1);
    const found = (key: 'invoices' | 'payments' | 'subscriptions') => data.customers.nodes.flatMap((c: any) => c[key].nodes.map((n: { id: string }) => n.id));
    expect(found('invoices')).toEqual([changed.invoices]);
    expect(found('payments')).toEqual([changed.payments]);
    expect(found('subscriptions')).toEqual([changed.subscriptions]);

    // Bounded on both sides, and the customers' own updatedTo, through the same mapping.
    const before = { updatedTo: since!.now };
    await pair.expectSame(QUERY, { filter: before, invoices: before, payments: before, subscriptions: before }, 1);

    // A reversed range: the same refusal from both paths.
    const reversed = { updatedFrom: since!.now, updatedTo: '2000-01-01T00:00:00Z' };
    const { fast, slow } = await pair.both(QUERY, { invoices: reversed });
    expect(slow.body.errors?.[0]?.extensions?.code).toBe('INVALID');
    expect(fast.body).toEqual(slow.body);
  });
});
