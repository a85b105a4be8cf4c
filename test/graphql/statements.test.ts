import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enabledEngines } from '../helpers/engines';
import { startTestApp, type TestApp } from '../helpers/app';

/**
 * A four-level query: customers → subscriptions → plan → sub-plans (and → bandwidth template),
 * customers → invoices → lines and payments. Each loader appears at one level only: a loader
 * reused at two depths may be answered from its cache for some pages and not others, which
 * would make the count depend on the data rather than on the shape.
 */
const NESTED = `query Nested($n: Int!) {
  customers(first: $n) {
    totalCount
    nodes {
      name
      contacts { name }
      subscriptions(first: 2) { nodes { description plan { name bandwidthTemplate { name } subPlans { name price } } } }
      invoices(first: 3) {
        totalCount
        nodes { number total lines { description total } payments { amount method } }
      }
      payments(first: 2) { nodes { amount } }
    }
  }
}`;

async function statements(t: TestApp, query: string, variables: Record<string, unknown>): Promise<{ count: number; data: unknown }> {
  const read = async () => {
    const text = await (await fetch(`${t.url}/metrics`)).text();
    return Number(/^db_queries_total (\d+)$/m.exec(text)![1]);
  };
  const before = await read();
  const res = await t.gql(query, variables);
  expect(res.errors).toBeUndefined();
  return { count: (await read()) - before, data: res.data };
}

describe.each(enabledEngines())('SQL statements per GraphQL request on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('depend on the shape of a query, not on how many rows it returns', async () => {
    const small = await statements(t, NESTED, { n: 5 });
    const large = await statements(t, NESTED, { n: 100 });
    expect((small.data as { customers: { nodes: unknown[] } }).customers.nodes).toHaveLength(5);
    expect((large.data as { customers: { nodes: unknown[] } }).customers.nodes).toHaveLength(100);
    expect(large.count).toBe(small.count);
    // one statement per list level and relation, plus authentication: a fixed, small number
    expect(small.count).toBeLessThanOrEqual(16);
  });

  it('refuses a query whose nested page sizes could return too much', async () => {
    const res = await t.gql('{ customers(first: 100) { nodes { invoices(first: 100) { nodes { lines { total } payments { amount } } } } } }');
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    // The schema tells clients the rule, with the limit they were refused at.
    const doc = await t.gql<{ __schema: { queryType: { description: string } } }>('{ __schema { queryType { description } } }');
    expect(doc.data.__schema.queryType.description).toContain(`more than ${res.errors?.[0]?.extensions?.limit} is refused`);
    expect(doc.data.__schema.queryType.description).toMatch(/multiplies the cost of the selection below it by that page size \(20 when omitted/);
  });

  it('costs an unpaged list as ten items, so its cost can be worked out from the query alone', async () => {
    // customers: 1 + 100 × (nodes: 1 + invoices: (1 + 50 × (nodes: 1 + lines: (1 + 10 × 2)))) = 110 201,
    // where counting the lines once would have let it through (20 201).
    const res = await t.gql('{ customers(first: 100) { nodes { invoices(first: 50) { nodes { lines { description total } } } } } }');
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', cost: 110_201, limit: 50_000 });
    const doc = await t.gql<{ __schema: { queryType: { description: string } } }>('{ __schema { queryType { description } } }');
    expect(doc.data.__schema.queryType.description).toMatch(/a list of objects without `first` or `last` .* multiplies it by 10/);
    // nodes(ids:) costs as many as the ids given (at most 100): 1 + 100 × invoices (1 + 100 × (1 + 2 + lines (1 + 10 × 1))).
    const ids = Array.from({ length: 100 }, (_, i) => Buffer.from(`Customer:${i + 1}`).toString('base64url'));
    const many = await t.gql('query($ids: [ID!]!) { nodes(ids: $ids) { ... on Customer { invoices(first: 100) { nodes { number total lines { description } } } } } }', { ids });
    expect(many.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', cost: 1 + 100 * (1 + 100 * (1 + 2 + (1 + 10 * 1))) });
    // A customer's few contacts and lines on a page of 20 stay well inside the limit.
    const fine = await t.gql('{ customers(first: 20) { nodes { contacts { name } invoices(first: 5) { nodes { lines { description total } } } } } }');
    expect(fine.errors).toBeUndefined();
  });
});
