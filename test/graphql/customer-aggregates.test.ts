/**
 * Customer aggregates: balance, outstanding and overdue amounts (the rule SIMPLer getCustomerData
 * shows, on both read paths), `online` and its filter, counts per status, and the status filter
 * ignoring case. Another operator's customers never count or appear.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { invoices } from '../../src/billing/invoice.table';
import { payments } from '../../src/billing/payment.table';
import { generateOperator } from '../../src/db/seed/generator';
import { customerStatuses } from '../../src/customers/status.table';
import { radacct } from '../../src/radius/radacct.table';
import { startCompiledPair, type CompiledPair } from '../helpers/compiled-pair';
import { enabledEngines } from '../helpers/engines';
import { makeCustomer } from '../helpers/fixtures';
import { operatorIdOf } from '../helpers/roles';
import { child, leaves, soap, xmlResult } from '../helpers/simpler';
import { rows } from '../helpers/sql';
import { jaze } from '../helpers/jaze';

describe.each(enabledEngines())('customer aggregates on %s', (engine) => {
  let pair: CompiledPair;
  let other: { operatorId: number; token: string };
  let demoId: number;
  let customerId: number;

  beforeAll(async () => {
    pair = await startCompiledPair(engine);
    const db = pair.database.handle.db;
    const generated = await generateOperator(db, { operatorCode: 'aggregates_other', customers: 8, seed: 5 });
    other = { operatorId: generated.operatorId, token: generated.token };
    demoId = await operatorIdOf(db, 'demo');
    // Fixed dates far from any "today": one invoice long overdue, one due in the far future, one void.
    customerId = await makeCustomer(db, demoId, 'aggregates_one', { status: 'current' });
    const [last] = await rows<{ max: number }>(db, sql`select coalesce(max(number), 0)::int as max from invoices where operator_id = ${demoId}`);
    const max = last!.max;
    const base = { operatorId: demoId, customerId, kind: 'manual' as const, taxTotal: '0' };
    const [overdue] = await db
      .insert(invoices)
      .values({ ...base, number: max + 1, status: 'partially_paid', issueDate: '2020-01-01', dueDate: '2020-01-15', subtotal: '100.00', total: '100.00', amountPaid: '40.00' })
      .returning({ id: invoices.id });
    await db.insert(invoices).values([
      { ...base, number: max + 2, status: 'open', issueDate: '2020-02-01', dueDate: '2999-01-01', subtotal: '50.00', total: '50.00' },
      { ...base, number: max + 3, status: 'void', issueDate: '2020-03-01', dueDate: '2020-03-15', subtotal: '30.00', total: '30.00' },
    ]);
    await db.insert(payments).values([
      { operatorId: demoId, customerId, invoiceId: overdue!.id, amount: '40.00', paymentDate: '2020-01-10', method: 'cash' },
      { operatorId: demoId, customerId, amount: '25.00', paymentDate: '2020-01-20', method: 'cash' },
    ]);
    await db.insert(radacct).values({ operatorId: demoId, customerId, acctsessionid: 'agg-1', acctuniqueid: 'agg-open-1', nasipaddress: '192.0.2.1', acctstarttime: new Date('2020-01-01T00:00:00Z') });
  });

  afterAll(async () => {
    await pair?.stop();
  });

  const ONE = 'query($id: Int!) { customer(legacyId: $id) { balance outstandingAmount overdueAmount online currencyCode } }';

  it('computes balance, outstanding and overdue amounts by the statement rule, on both paths', async () => {
    const data = await pair.expectSame(ONE, { id: customerId });
    // invoiced 150 (void excluded) - paid 65; unpaid 60 + 50; of that, 60 past due
    expect(data.customer).toEqual({ balance: '85.00', outstandingAmount: '110.00', overdueAmount: '60.00', online: true, currencyCode: 'EUR' });
  });

  it('shows the same amounts as SOAP getCustomerData, customer by customer', async () => {
    const list = await pair.expectSame('{ customers(first: 40, orderBy: { field: ID, direction: DESC }) { nodes { legacyId balance outstandingAmount overdueAmount } } }');
    const nodes = list.customers.nodes as { legacyId: number; balance: string; outstandingAmount: string; overdueAmount: string }[];
    expect(nodes.some((n) => n.balance !== '0.00')).toBe(true);
    for (const n of nodes.slice(0, 12)) {
      const reply = await soap(pair.compiled.url, 'getCustomerData', { customerid: n.legacyId, statement: 1 });
      const statement = leaves(child(xmlResult(reply.result!), 'statement')!);
      expect({ legacyId: n.legacyId, balance: statement.balance, outstanding: statement.outstanding, overdue: statement.overdue }).toEqual({
        legacyId: n.legacyId,
        balance: n.balance,
        outstanding: n.outstandingAmount,
        overdue: n.overdueAmount,
      });
    }
  });

  it('filters customers by online, agreeing with each customer’s online field', async () => {
    const q = 'query($online: Boolean) { customers(first: 100, filter: { online: $online }) { totalCount nodes { legacyId online } } }';
    const on = (await pair.expectSame(q, { online: true })).customers;
    const off = (await pair.expectSame(q, { online: false })).customers;
    const all = (await pair.expectSame('{ customers { totalCount } }')).customers;
    const mine = 'query($online: Boolean) { customers(filter: { online: $online, nickname: "aggregates_one" }) { nodes { legacyId } } }';
    expect((await pair.expectSame(mine, { online: true })).customers.nodes).toEqual([{ legacyId: customerId }]);
    expect((await pair.expectSame(mine, { online: false })).customers.nodes).toEqual([]);
    expect(on.nodes.every((n: any) => n.online === true)).toBe(true);
    expect(off.nodes.every((n: any) => n.online === false)).toBe(true);
    expect(on.totalCount + off.totalCount).toBe(all.totalCount);
    // The other operator's open sessions belong to its own customers only.
    const theirs = (await pair.expectSame(q, { online: true }, 1, other.token)).customers;
    const [open] = await rows<{ count: number }>(
      pair.database.handle.db,
      sql`select count(distinct customer_id)::int as count from radacct where operator_id = ${other.operatorId} and acctstoptime is null`,
    );
    expect(theirs.totalCount).toBe(open!.count);
    expect((await pair.expectSame(mine, { online: true }, 1, other.token)).customers.nodes).toEqual([]);
  });

  it('counts customers per status, each operator its own', async () => {
    const q = '{ customerCountsByStatus { status label count } }';
    const mine = (await pair.send(pair.compiled, q)).body.data as any;
    const expected = await rows<{ status: string; count: number }>(
      pair.database.handle.db,
      sql`select s.name as status, (select count(*)::int from customers c where c.operator_id = s.operator_id and c.status = s.name) as count
            from customer_statuses s where s.operator_id = ${demoId} order by s.position, s.name`,
    );
    expect(mine.customerCountsByStatus.map((c: any) => ({ status: c.status, count: c.count }))).toEqual(expected);
    const total = (await pair.send(pair.compiled, '{ customers { totalCount } }')).body.data as any;
    expect(mine.customerCountsByStatus.reduce((sum: number, c: any) => sum + c.count, 0)).toBe(total.customers.totalCount);
    const theirs = (await pair.send(pair.compiled, q, {}, other.token)).body.data as any;
    expect(theirs.customerCountsByStatus.reduce((sum: number, c: any) => sum + c.count, 0)).toBe(8);
  });

  it('matches statuses whatever their case, unless asked to be case-sensitive', async () => {
    const q = 'query($s: [String!], $cs: Boolean) { customers(filter: { status: $s, caseSensitive: $cs }) { totalCount } }';
    const lower = (await pair.expectSame(q, { s: ['current'] })).customers.totalCount;
    expect(lower).toBeGreaterThan(0);
    expect((await pair.expectSame(q, { s: ['Current'] })).customers.totalCount).toBe(lower);
    expect((await pair.expectSame(q, { s: ['CURRENT'], cs: true })).customers.totalCount).toBe(0);
    // a status the operator configured with capitals, and one stored before it was configured
    const db = pair.database.handle.db;
    const [configured] = await rows<{ n: number }>(db, sql`select count(*)::int as n from customer_statuses where operator_id = ${demoId} and name = 'Web Request'`);
    expect(configured!.n).toBe(1);
    await makeCustomer(db, demoId, 'aggregates_web', { status: 'Web Request' });
    await makeCustomer(db, demoId, 'aggregates_imported', { status: 'Imported-Status' });
    for (const s of ['web request', 'WEB REQUEST', 'Web Request']) expect((await pair.expectSame(q, { s: [s] })).customers.totalCount, s).toBe(1);
    expect((await pair.expectSame(q, { s: ['web request'], cs: true })).customers.totalCount).toBe(0);
    expect((await pair.expectSame(q, { s: ['Imported-Status'] })).customers.totalCount).toBe(1);
    expect((await pair.expectSame(q, { s: ['web request', 'current'] })).customers.totalCount).toBe(lower + 1);
    // only the caller's own statuses widen the match: another operator's 'Partner Lead' does not
    await db.insert(customerStatuses).values({ operatorId: other.operatorId, name: 'Partner Lead', label: 'Partner lead' });
    await makeCustomer(db, demoId, 'aggregates_partner', { status: 'PARTNER LEAD' });
    expect((await pair.expectSame(q, { s: ['partner lead'] })).customers.totalCount).toBe(0);
    expect((await pair.expectSame(q, { s: ['PARTNER LEAD'] })).customers.totalCount).toBe(1);
  });
});

describe.each(enabledEngines())('current billing cycle usage on %s', (engine) => {
  let pair: CompiledPair;
  beforeAll(async () => {
    pair = await startCompiledPair(engine);
  });
  afterAll(async () => {
    await pair?.stop();
  });

  it('reports the cycle and its traffic as Jaze get_details does, and null where it has no cycle', async () => {
    const list = await pair.send(pair.compiled, '{ customers(first: 30) { nodes { legacyId currentCycleUsage { start end uploadBytes downloadBytes sessionSeconds } } } }');
    const nodes = (list.body.data as any).customers.nodes as { legacyId: number; currentCycleUsage: Record<string, any> | null }[];
    const withCycle = nodes.filter((n) => n.currentCycleUsage);
    expect(withCycle.length).toBeGreaterThan(0);
    for (const n of nodes.slice(0, 10)) {
      const reply = await jaze(pair.compiled.url, 'GET', `/api/v1/get_details/${n.legacyId}`);
      const usage = reply.body.data.find((part: any) => part.currentBillingCycleUsage).currentBillingCycleUsage;
      const cycle = n.currentCycleUsage;
      expect({ id: n.legacyId, start: cycle && `${cycle.start} 00:00:00`, end: cycle && `${cycle.end} 00:00:00`, up: cycle?.uploadBytes ?? null, down: cycle?.downloadBytes ?? null }).toEqual({
        id: n.legacyId,
        start: usage.billingStartDate,
        end: usage.billingEndDate,
        up: usage.uploadDataUsage,
        down: usage.downloadDataUsage,
      });
    }
    // Seconds online: the sessions counted for the bytes, summed from radacct.
    const first = withCycle[0]!;
    const [row] = await rows<{ seconds: number }>(
      pair.database.handle.db,
      sql`select coalesce(sum(acctsessiontime), 0)::int as seconds from radacct r join customers c on c.id = r.customer_id
            where r.customer_id = ${first.legacyId} and r.acctstarttime >= greatest(${`${first.currentCycleUsage!.start}T00:00:00Z`}::timestamptz, c.usage_reset_at)`,
    );
    expect(first.currentCycleUsage!.sessionSeconds).toBe(row!.seconds);
  });
});
