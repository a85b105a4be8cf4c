import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enabledEngines } from '../helpers/engines';
import { startTestApp, type TestApp } from '../helpers/app';

describe.each(enabledEngines())('GraphQL customers on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('refuses requests without a valid token', async () => {
    const none = await t.gql('{ customers(first: 1) { totalCount } }', undefined, null);
    expect(none.status).toBe(401);
    expect(none.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const wrong = await t.gql('{ customers(first: 1) { totalCount } }', undefined, 'not-a-token');
    expect(wrong.status).toBe(401);
  });

  it('pages through every customer exactly once, forwards with after and backwards with before', async () => {
    const seen: number[] = [];
    let after: string | null = null;
    for (;;) {
      const res: Awaited<ReturnType<typeof t.gql<{ customers: { nodes: { legacyId: number }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }>>> =
        await t.gql('query($after: String) { customers(first: 100, after: $after) { nodes { legacyId } pageInfo { hasNextPage endCursor } } }', { after });
      seen.push(...res.data.customers.nodes.map((n) => n.legacyId));
      if (!res.data.customers.pageInfo.hasNextPage) break;
      after = res.data.customers.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(300);
    expect(new Set(seen).size).toBe(300);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));

    const last = await t.gql<{ customers: { nodes: { legacyId: number }[]; pageInfo: { startCursor: string; hasPreviousPage: boolean } } }>(
      '{ customers(last: 3) { nodes { legacyId } pageInfo { startCursor hasPreviousPage } } }',
    );
    expect(last.data.customers.nodes.map((n) => n.legacyId)).toEqual(seen.slice(-3));
    expect(last.data.customers.pageInfo.hasPreviousPage).toBe(true);
    const before = await t.gql<{ customers: { nodes: { legacyId: number }[] } }>('query($b: String) { customers(last: 2, before: $b) { nodes { legacyId } } }', {
      b: last.data.customers.pageInfo.startCursor,
    });
    expect(before.data.customers.nodes.map((n) => n.legacyId)).toEqual(seen.slice(-5, -3));
  });

  it('orders by name and filters like searchCustomer, with totalCount of the filtered list', async () => {
    const res = await t.gql<{ customers: { totalCount: number; nodes: { name: string; status: string; billingAddress: { town: string } }[] } }>(
      '{ customers(first: 100, filter: { town: "cork", status: ["current"] }, orderBy: { field: NAME, direction: DESC }) { totalCount nodes { name status billingAddress { town } } } }',
    );
    const nodes = res.data.customers.nodes;
    expect(nodes.length).toBeGreaterThan(0);
    expect(nodes.every((n) => n.status === 'current' && n.billingAddress.town.toLowerCase().includes('cork'))).toBe(true);
    const names = nodes.map((n) => n.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)));
    expect(res.data.customers.totalCount).toBeGreaterThanOrEqual(nodes.length);
    const sensitive = await t.gql<{ customers: { totalCount: number } }>('{ customers(filter: { town: "cork", caseSensitive: true }) { totalCount } }');
    expect(sensitive.data.customers.totalCount).toBe(0);
  });

  it('rejects page sizes outside 1..100 and cursors of another ordering', async () => {
    const big = await t.gql('{ customers(first: 101) { totalCount } }');
    expect(big.errors?.[0]?.extensions?.code).toBe('INVALID');
    const page = await t.gql<{ customers: { pageInfo: { endCursor: string } } }>('{ customers(first: 1, orderBy: { field: NAME }) { pageInfo { endCursor } } }');
    const mixed = await t.gql('query($a: String) { customers(first: 1, after: $a) { totalCount } }', { a: page.data.customers.pageInfo.endCursor });
    expect(mixed.errors?.[0]?.message).toMatch(/cursor for ordering by NAME_ASC/);
  });

  it('answers the other root fields when one refuses its page size (root connections are nullable)', async () => {
    const res = await t.gql<{ customers: null; invoices: { totalCount: number }; plans: { totalCount: number } }>(
      '{ customers(first: 101) { totalCount } invoices(first: 1) { totalCount } plans(first: 1) { totalCount } }',
    );
    expect(res.errors?.map((e) => [e.path?.join('.'), e.extensions?.code])).toEqual([['customers', 'INVALID']]);
    expect(res.data.customers).toBeNull();
    expect(res.data.invoices.totalCount).toBeGreaterThan(0);
    expect(res.data.plans.totalCount).toBeGreaterThan(0);
  });

  it('creates a customer, making a taken nickname unique, and finds it through node()', async () => {
    const res = await t.gql<{ customerCreate: { customer: { id: string; legacyId: number; nickname: string; name: string }; userErrors: unknown[] } }>(
      `mutation($input: CustomerCreateInput!) { customerCreate(input: $input) { customer { id legacyId nickname name } userErrors { field message code } } }`,
      { input: { name: 'Zoë Ó Súilleabháin', nickname: 'zoe', invoicingId: 'ZOE-1', email: 'zoe@example.ie', status: 'potential', contacts: [{ name: 'Liam', phone: '+353861234567' }] } },
    );
    expect(res.data.customerCreate.userErrors).toEqual([]);
    expect(res.data.customerCreate.customer.name).toBe('Zoë Ó Súilleabháin');
    const again = await t.gql<{ customerCreate: { customer: { nickname: string } } }>(
      `mutation { customerCreate(input: { name: "Second Zoe", nickname: "zoe", invoicingId: "ZOE-1" }) { customer { nickname } } }`,
    );
    expect(again.data.customerCreate.customer.nickname).toBe('zoe2');
    const node = await t.gql<{ node: { name: string; contacts: { name: string }[] } }>('query($id: ID!) { node(id: $id) { ... on Customer { name contacts { name } } } }', {
      id: res.data.customerCreate.customer.id,
    });
    expect(node.data.node).toEqual({ name: 'Zoë Ó Súilleabháin', contacts: [{ name: 'Liam' }] });
  });

  it('returns every problem with a bad input as userErrors and writes nothing', async () => {
    const before = await t.gql<{ customers: { totalCount: number } }>('{ customers { totalCount } }');
    const res = await t.gql<{ customerCreate: { customer: null; userErrors: { field: string[]; code: string }[] } }>(
      `mutation { customerCreate(input: { name: " ", nickname: "bad nick", invoicingId: "x", status: "nope", importance: 9 }) { customer { id } userErrors { field message code } } }`,
    );
    expect(res.data.customerCreate.customer).toBeNull();
    expect(res.data.customerCreate.userErrors.map((e) => e.field.join('.')).sort()).toEqual(['input.importance', 'input.name', 'input.nickname', 'input.status']);
    const after = await t.gql<{ customers: { totalCount: number } }>('{ customers { totalCount } }');
    expect(after.data.customers.totalCount).toBe(before.data.customers.totalCount);
  });

  it('refuses to delete a current customer, naming the conditions, and deletes one that qualifies', async () => {
    const current = await t.gql<{ customer: { id: string } }>('{ customer(legacyId: 1) { id } }');
    const refused = await t.gql<{ customerDelete: { deletedId: string | null; userErrors: { message: string; code: string }[] } }>(
      'mutation($id: ID!) { customerDelete(input: { id: $id }) { deletedId userErrors { message code } } }',
      { id: current.data.customer.id },
    );
    expect(refused.data.customerDelete.deletedId).toBeNull();
    expect(refused.data.customerDelete.userErrors[0]!.code).toBe('PRECONDITION_FAILED');
    expect(refused.data.customerDelete.userErrors[0]!.message).toMatch(/1\. its status is 'current'.*2\. it has subscriptions/);

    const created = await t.gql<{ customerCreate: { customer: { id: string } } }>(
      'mutation { customerCreate(input: { name: "Short Lived", nickname: "short_lived", invoicingId: "SL1", status: "enquiry" }) { customer { id } } }',
    );
    const id = created.data.customerCreate.customer.id;
    const deleted = await t.gql<{ customerDelete: { deletedId: string; userErrors: unknown[] } }>(
      'mutation($id: ID!) { customerDelete(input: { id: $id }) { deletedId userErrors { message } } }',
      { id },
    );
    expect(deleted.data.customerDelete).toEqual({ deletedId: id, userErrors: [] });
    const gone = await t.gql<{ node: null }>('query($id: ID!) { node(id: $id) { id } }', { id });
    expect(gone.data.node).toBeNull();
  });

  it("keeps operators apart: another operator's token sees none of these customers", async () => {
    const { generateOperator } = await import('../../src/db/seed/generator');
    const { token: otherToken } = await generateOperator(t.database.handle.db, { operatorCode: 'other', customers: 5 });
    const mine = await t.gql<{ customer: { id: string } }>('{ customer(legacyId: 5) { id } }');
    const theirs = await t.gql<{ customers: { totalCount: number }; node: unknown; customer: unknown }>(
      'query($id: ID!) { customers { totalCount } node(id: $id) { id } customer(legacyId: 5) { id } }',
      { id: mine.data.customer.id },
      otherToken,
    );
    expect(theirs.data.customers.totalCount).toBe(5);
    expect(theirs.data.node).toBeNull();
    expect(theirs.data.customer).toBeNull();
  });
});
