/**
 * The compiled read path (src/graphql/compiled) against the resolvers: two servers on one
 * database, one compiling reads and one not (test/helpers/compiled-pair.ts), must answer every query
 * with the same data, the compiled one in one SQL statement per root field. Also: another
 * operator's rows are never reachable through it, and a revoked token is refused at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { generateOperator } from '../../src/db/seed/generator';
import { startCompiledPair, type CompiledPair } from '../helpers/compiled-pair';
import { enabledEngines, type TestDatabase } from '../helpers/engines';
import { rows } from '../helpers/sql';

const OVERVIEW = `query Overview {
  customers(first: 20, filter: { status: ["current"] }, orderBy: { field: NAME }) {
    nodes {
      legacyId name
      servicePlan { name price }
      subscriptions(first: 3) { nodes { description active plan { name } } }
      invoices(first: 2, orderBy: { field: ISSUE_DATE, direction: DESC }) { nodes { number issueDate total status payments { amount paymentDate method } } }
      reseller { name }
    }
  }
}`;

describe.each(enabledEngines())('compiled GraphQL reads on %s', (engine) => {
  let pair: CompiledPair;
  let database: TestDatabase;
  let other: { operatorId: number; token: string };
  const send: CompiledPair['send'] = (...args) => pair.send(...args);
  const both: CompiledPair['both'] = (...args) => pair.both(...args);
  const expectSame: CompiledPair['expectSame'] = (...args) => pair.expectSame(...args);

  beforeAll(async () => {
    pair = await startCompiledPair(engine);
    database = pair.database;
    const generated = await generateOperator(database.handle.db, { operatorCode: 'compiled_other', customers: 12, seed: 7 });
    other = { operatorId: generated.operatorId, token: generated.token };
  });

  afterAll(async () => {
    await pair?.stop();
  });

  it('answers the overview query with the same data in one statement', async () => {
    const data = await expectSame(OVERVIEW);
    expect(data.customers.nodes).toHaveLength(20);
    expect(data.customers.nodes.some((c: { invoices: { nodes: unknown[] } }) => c.invoices.nodes.length > 0)).toBe(true);
  });

  it('answers lookups, addresses, enums, dates and computed fields like the resolvers', async () => {
    await expectSame(`{ customer(legacyId: 1) { id legacyId __typename name accountType accessState initDate createdAt updatedAt hasPortalPassword
      billingAddress { street1 town country } installationAddress { town country } contacts { name phone role email }
      invoices(first: 5) { totalCount nodes { id number kind status issueDate dueDate total amountPaid balanceDue createdAt customer { legacyId } } }
      subscriptions(last: 2) { nodes { validFrom validTo active endedAt type rounding taxMode price } } } }`);
    const id = ((await send(pair.reference, '{ customer(legacyId: 2) { id } }')).body.data as { customer: { id: string } }).customer.id;
    await expectSame('query ($id: ID) { customer(id: $id) { legacyId name } }', { id });
    const missing = await expectSame('{ customer(legacyId: 999999) { name } }');
    expect(missing.customer).toBeNull();
  });

  it('pages forwards and backwards with the same cursors and pageInfo', async () => {
    const page = `query ($first: Int, $after: String, $last: Int, $before: String, $order: CustomerOrder) {
      customers(first: $first, after: $after, last: $last, before: $before, orderBy: $order) {
        totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor __typename }
        edges { cursor node { legacyId name } __typename } } }`;
    for (const order of [undefined, { field: 'NAME' }, { field: 'CREATED_AT', direction: 'DESC' }, { field: 'NICKNAME', direction: 'ASC' }]) {
      const first = await expectSame(page, { first: 7, order });
      const cursor = first.customers.pageInfo.endCursor as string;
      const second = await expectSame(page, { first: 7, after: cursor, order });
      expect(second.customers.pageInfo.hasPreviousPage).toBe(true);
      await expectSame(page, { last: 3, before: cursor, order });
      await expectSame(page, { last: 4, order });
    }
    for (const size of [1, 50, 100]) await expectSame(page, { first: size });
  });

  it('applies the services’ filters and orderings to root and nested lists', async () => {
    const filtered = `query ($filter: CustomerFilterInput, $inv: InvoiceFilterInput, $sub: SubscriptionFilterInput) {
      customers(first: 30, filter: $filter) { totalCount nodes { legacyId
        invoices(first: 3, filter: $inv, orderBy: { field: DUE_DATE, direction: DESC }) { totalCount pageInfo { hasNextPage endCursor } nodes { number total status } }
        subscriptions(first: 5, filter: $sub) { totalCount nodes { description active } }
        payments(first: 2, orderBy: { field: PAYMENT_DATE, direction: DESC }) { nodes { amount paymentDate invoice { number } } } } } }`;
    await expectSame(filtered, { filter: { status: ['current'] }, inv: { status: ['PAID'] }, sub: { active: true } });
    await expectSame(filtered, { filter: { town: 'cork', caseSensitive: false } });
    await expectSame(filtered, { filter: { lastName: 'a', accessState: ['ACTIVE', 'SUSPENDED'] }, sub: { active: false } });
    await expectSame(filtered, { filter: { createdFrom: '2000-01-01T00:00:00Z' }, inv: { issuedFrom: '2000-01-01' } });
  });

  it('follows aliases, fragments, __typename and several root fields (one statement each)', async () => {
    const data = await expectSame(
      `query Two { a: customers(first: 2) { ...Page } b: customers(first: 3, orderBy: { field: NAME, direction: DESC }) { ...Page } one: customer(legacyId: 3) { ... on Customer { n: name } ...Plan } __typename }
       fragment Page on CustomerConnection { nodes { __typename legacyId x: name ...Plan } count: totalCount }
       fragment Plan on Customer { servicePlan { __typename name p: price } plan2: servicePlan { kind } }`,
      {},
      3,
    );
    expect(data.__typename).toBe('Query');
    expect(Object.keys(data)).toEqual(['a', 'b', 'one', '__typename']);
  });

  it('keeps one statement per root field at any depth and page size', async () => {
    const levels = [
      'legacyId',
      'servicePlan { name }',
      'invoices(first: 3) { nodes { number payments { amount } } }',
      'invoices(first: 3) { nodes { number payments { amount invoice { number customer { name } } } } }',
      'subscriptions(first: 2) { nodes { plan { name } customer { invoices(first: 2) { nodes { payments { customer { servicePlan { name } } } } } } } }',
    ];
    for (const [depth, selection] of levels.entries()) {
      for (const n of [1, 10, 100]) {
        await expectSame(`query ($n: Int) { customers(first: $n) { totalCount nodes { ${selection} } } }`, { n });
      }
      expect(depth).toBeLessThan(levels.length);
    }
  });

  it('gives random selections the same data as the resolvers', async () => {
    let state = 20261202;
    const random = (n: number) => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state % n;
    };
    const pick = <T,>(items: T[], count: number) => items.filter(() => random(items.length) < count);
    const customerScalars = ['legacyId', 'name', 'nickname', 'status', 'accessState', 'email', 'phone', 'initDate', 'expiresAt', 'invoicingEnabled', 'billingFrequencyMonths', 'paymentMethod', 'taxRate', 'createdAt'];
    const invoice = () => `invoices(first: ${1 + random(4)}, orderBy: { field: ${['ID', 'ISSUE_DATE', 'NUMBER', 'DUE_DATE'][random(4)]}, direction: ${['ASC', 'DESC'][random(2)]} }) { ${random(2) ? 'totalCount' : ''} nodes { ${pick(['number', 'total', 'status', 'balanceDue', 'dueDate'], 3).join(' ') || 'number'} ${random(2) ? 'payments { amount method }' : ''} } }`;
    const subscription = () => `subscriptions(${random(2) ? 'first' : 'last'}: ${1 + random(3)}) { pageInfo { hasNextPage hasPreviousPage } nodes { ${pick(['description', 'active', 'price', 'validFrom', 'quantity'], 3).join(' ') || 'active'} ${random(2) ? 'plan { name price kind }' : ''} } }`;
    for (let i = 0; i < 12; i++) {
      const fields = [...pick(customerScalars, 5), ...(random(2) ? ['servicePlan { name enabled }'] : []), ...(random(2) ? [invoice()] : []), ...(random(2) ? [subscription()] : []), ...(random(2) ? ['reseller { name code }'] : []), ...(random(3) ? [] : ['contacts { name }'])];
      await expectSame(`{ customers(first: ${1 + random(25)}, orderBy: { field: ${['ID', 'NAME', 'UPDATED_AT'][random(3)]} }) { nodes { legacyId ${fields.join(' ')} } } }`);
    }
  });

  it('leaves what it cannot compile, and every error, to the resolvers unchanged', async () => {
    // Unmapped fields (custom-table cells), @include, a mutation: the resolvers answer, same data.
    for (const query of [
      '{ customers(first: 3) { nodes { name customTableRows { cells { label value } } } } }',
      'query ($x: Boolean!) { customers(first: 3) { nodes { name @include(if: $x) } } }',
    ]) {
      const { fast, slow } = await both(query, { x: true });
      expect(JSON.stringify(fast.body)).toBe(JSON.stringify(slow.body));
      expect(fast.statements).toBeGreaterThan(1);
    }
    // Errors keep their shape: a bad cursor, a page too large, both lookup arguments, a bad id.
    for (const [query, variables] of [
      ['{ customers(first: 2, after: "bm90LWEtY3Vyc29y") { nodes { name } } }', {}],
      ['{ customers(first: 500) { nodes { name } } }', {}],
      ['{ customer(legacyId: 1, id: "x") { name } }', {}],
      ['query ($id: ID) { customer(id: $id) { name } }', { id: 'not-a-global-id' }],
    ] as const) {
      const { fast, slow } = await both(query, variables);
      expect(slow.body.errors).toBeDefined();
      expect({ status: fast.status, body: fast.body }).toEqual({ status: slow.status, body: slow.body });
    }
  });

  it('never returns another operator’s rows, through any path', async () => {
    const theirs = new Set((await rows<{ id: number }>(database.handle.db, sql`select id from customers where operator_id = ${other.operatorId}`)).map((r) => r.id));
    expect(theirs.size).toBe(12);
    const everything = `{ customers(first: 50) { totalCount nodes { legacyId servicePlan { legacyId } reseller { legacyId }
      invoices(first: 10) { totalCount nodes { legacyId customer { legacyId } payments { legacyId customer { legacyId } } } }
      subscriptions(first: 5) { nodes { legacyId plan { legacyId } } } } } }`;
    const mine = await expectSame(everything, {}, 1, other.token);
    expect(mine.customers.totalCount).toBe(12);
    for (const c of mine.customers.nodes) expect(theirs.has(c.legacyId)).toBe(true);
    // A demo customer by its id, from the other operator: not there.
    const demoId = ((await send(pair.reference, '{ customers(first: 1) { nodes { legacyId } } }')).body.data as any).customers.nodes[0].legacyId;
    expect(theirs.has(demoId)).toBe(false);
    const lookup = await expectSame(`{ customer(legacyId: ${demoId}) { name } }`, {}, 1, other.token);
    expect(lookup.customer).toBeNull();
    // And the demo never sees theirs.
    const demo = await expectSame(everything.replace('first: 50) { totalCount', 'first: 50, orderBy: { field: ID, direction: DESC }) { totalCount'));
    for (const c of demo.customers.nodes) expect(theirs.has(c.legacyId)).toBe(false);
  });

  it('refuses a revoked token on the very next request', async () => {
    const generated = await generateOperator(database.handle.db, { operatorCode: 'compiled_revoked', customers: 2, seed: 9 });
    const query = '{ customers(first: 1) { nodes { name } } }';
    await send(pair.compiled, query, {}, generated.token);
    const ok = await send(pair.compiled, query, {}, generated.token);
    expect(ok.status).toBe(200);
    expect(ok.statements).toBe(1);
    await database.handle.db.execute(sql`update api_tokens set revoked_at = now() where operator_id = ${generated.operatorId}`);
    const refused = await send(pair.compiled, query, {}, generated.token);
    expect(refused.status).toBe(401);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
