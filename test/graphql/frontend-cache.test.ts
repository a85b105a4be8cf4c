/**
 * A frontend's flows through Apollo Client's normalized cache, as a React app would run them:
 * infinite scrolling with `fetchMore` (Relay-style merging), a mutation payload updating every
 * cached copy of the object, a delete evicting it, and `node(id:)` refetches of every Node type
 * landing on entries of their own (global ids never collide across types). The cache is keyed
 * by `__typename` and `id`, as Apollo's default is.
 */
import { ApolloClient, gql, HttpLink, InMemoryCache } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';
import { sql } from 'drizzle-orm';
import { buildSchema, isAbstractType } from 'graphql';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAMP_SOURCES, stampColumns } from '../../src/sync/stamps';
import { enabledEngines } from '../helpers/engines';
import { startTestApp, type TestApp } from '../helpers/app';
import { rows } from '../helpers/sql';

/** What Apollo needs to match fragments on the schema's interfaces and unions. */
function possibleTypes(): Record<string, string[]> {
  const schema = buildSchema(readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8'));
  const out: Record<string, string[]> = {};
  for (const type of Object.values(schema.getTypeMap())) if (isAbstractType(type)) out[type.name] = schema.getPossibleTypes(type).map((t) => t.name);
  return out;
}

const PAGE = gql`
  query Customers($first: Int!, $after: String) {
    customers(first: $first, after: $after, filter: { status: ["current"] }, orderBy: { field: NAME, direction: ASC }) {
      totalCount
      edges { cursor node { id name status } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

describe.each(enabledEngines())('Apollo Client over the graph on %s', (engine) => {
  let t: TestApp;
  let requests = 0;
  const client = () =>
    new ApolloClient({
      link: new HttpLink({
        uri: `${t.url}/graphql`,
        headers: { authorization: 'Bearer demo-token' },
        fetch: (input, init) => {
          requests += 1;
          return fetch(input, init);
        },
      }),
      cache: new InMemoryCache({ possibleTypes: possibleTypes(), typePolicies: { Query: { fields: { customers: relayStylePagination(['filter', 'orderBy']) } } } }),
    });

  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('scrolls a filtered, ordered list to its end page by page: every row once, as many as totalCount', async () => {
    const apollo = client();
    const first = await apollo.query({ query: PAGE, variables: { first: 25 } });
    let data = first.data as { customers: { totalCount: number; edges: { node: { id: string; name: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };
    while (data.customers.pageInfo.hasNextPage) {
      // As fetchMore does: ask the server, and let the field's policy append the page.
      await apollo.query({ query: PAGE, variables: { first: 25, after: data.customers.pageInfo.endCursor }, fetchPolicy: 'network-only' });
      data = apollo.readQuery({ query: PAGE, variables: { first: 25 } })!;
    }
    const ids = data.customers.edges.map((e) => e.node.id);
    expect(data.customers.totalCount).toBeGreaterThan(25);
    expect(ids).toHaveLength(data.customers.totalCount);
    expect(new Set(ids).size).toBe(ids.length);
    // NAME order as PostgreSQL sorts: compare adjacent names the way the page boundaries do.
    const [{ n }] = (await rows<{ n: number }>(t.database.handle.db, sql`select count(*)::int as n from customers c join operators o on o.id = c.operator_id where o.code = 'demo' and c.status = 'current'`)) as [{ n: number }];
    expect(ids).toHaveLength(n);
  });

  it('updates every cached copy of a customer from a mutation payload, without asking again', async () => {
    const apollo = client();
    const list = gql`
      query List {
        customers(first: 3, orderBy: { field: ID, direction: ASC }) { nodes { id name invoices(first: 1) { nodes { id customer { id name } } } } }
      }
    `;
    const before = (await apollo.query({ query: list })).data as { customers: { nodes: { id: string; name: string; invoices: { nodes: { customer: { id: string; name: string } }[] } }[] } };
    const target = before.customers.nodes.find((c) => c.invoices.nodes.length > 0)!;
    expect(target).toBeDefined();
    const update = await apollo.mutate({
      mutation: gql`
        mutation Rename($input: CustomerUpdateInput!) { customerUpdate(input: $input) { customer { id name updatedAt } userErrors { message } } }
      `,
      variables: { input: { id: target.id, name: 'Renamed In The Cache' } },
    });
    expect((update.data as { customerUpdate: { userErrors: unknown[] } }).customerUpdate.userErrors).toEqual([]);
    const sent = requests;
    const after = apollo.readQuery({ query: list }) as typeof before;
    const again = after.customers.nodes.find((c) => c.id === target.id)!;
    expect(again.name).toBe('Renamed In The Cache');
    // The same customer reached through its invoice is the same cache entry.
    expect(again.invoices.nodes[0]!.customer.name).toBe('Renamed In The Cache');
    expect(requests).toBe(sent);
  });

  it('evicts what a delete payload names, and a refetch agrees it is gone', async () => {
    const apollo = client();
    const [customer] = await rows<{ id: number }>(t.database.handle.db, sql`select c.id from customers c join operators o on o.id = c.operator_id where o.code = 'demo' order by c.id limit 1`);
    const customerId = Buffer.from(`Customer:${customer!.id}`).toString('base64url');
    const created = await apollo.mutate({
      mutation: gql`
        mutation Note($input: CustomerNoteCreateInput!) { customerNoteCreate(input: $input) { customerNote { id title body } userErrors { message } } }
      `,
      variables: { input: { customerId, title: 'Temporary', text: 'to be deleted' } },
    });
    const note = (created.data as { customerNoteCreate: { customerNote: { id: string } } }).customerNoteCreate.customerNote;
    const cached = () => apollo.cache.extract() as Record<string, unknown>;
    expect(apollo.cache.identify({ __typename: 'CustomerNote', id: note.id })! in cached()).toBe(true);
    const deleted = await apollo.mutate({
      mutation: gql`
        mutation Delete($input: CustomerNoteDeleteInput!) { customerNoteDelete(input: $input) { deletedId userErrors { message } } }
      `,
      variables: { input: { id: note.id } },
      update: (cache, { data }) => {
        const id = (data as { customerNoteDelete: { deletedId: string | null } }).customerNoteDelete.deletedId;
        if (id) cache.evict({ id: cache.identify({ __typename: 'CustomerNote', id }) });
      },
    });
    expect((deleted.data as { customerNoteDelete: { deletedId: string } }).customerNoteDelete.deletedId).toBe(note.id);
    expect(apollo.cache.identify({ __typename: 'CustomerNote', id: note.id })! in cached()).toBe(false);
    const refetch = await apollo.query({ query: gql`query N($id: ID!) { node(id: $id) { id } }`, variables: { id: note.id }, fetchPolicy: 'network-only' });
    expect((refetch.data as { node: unknown }).node).toBeNull();
  });

  it('refetches one object of every Node type by node(id:) into a cache entry of its own', async () => {
    const apollo = client();
    const db = t.database.handle.db;
    const [{ operator }] = (await rows<{ operator: number }>(db, sql`select id as operator from operators where code = 'demo'`)) as [{ operator: number }];
    const found: { typename: string; id: string }[] = [];
    for (const source of STAMP_SOURCES) {
      const { table, id, operatorId } = stampColumns(source);
      const [row] = await rows<{ id: number }>(db, sql`select ${id} as id from ${table} where ${operatorId} = ${operator} order by ${id} limit 1`);
      if (row) found.push({ typename: source.typename, id: Buffer.from(`${source.typename}:${row.id}`).toString('base64url') });
    }
    // Most of the 50 types; the few the demo has none of are covered by node-timestamps.test.ts.
    expect(found.length).toBeGreaterThan(40);
    for (const { typename, id } of found) {
      const res = await apollo.query({ query: gql`query Node($id: ID!) { node(id: $id) { id ... on ${typename} { createdAt updatedAt } } }`, variables: { id } });
      expect((res.data as { node: { __typename: string; id: string } | null }).node, typename).toMatchObject({ __typename: typename, id });
    }
    const cached = Object.keys(apollo.cache.extract() as Record<string, unknown>).filter((key) => key !== 'ROOT_QUERY');
    expect(cached.sort()).toEqual(found.map(({ typename, id }) => `${typename}:${id}`).sort());
  });
});
