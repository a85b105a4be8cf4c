import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bigintFields, compare, exceptionsFor, readExceptions, schemaFile } from '../../src/graphql/lint/exceptions';
import { lintSchemaText, RULES, type Violation } from '../../src/graphql/lint/schema-lint';

const fix = 'fix the schema, or run `npx tsx src/graphql/lint/cli.ts --write-exceptions` and give the rule a reason';

describe('the schema lint on schema/schema.graphql', () => {
  it('finds no violation the exceptions do not list, and every listed one still occurs (the list only shrinks)', async () => {
    const violations = lintSchemaText(readFileSync(schemaFile, 'utf8'), { bigintFields: await bigintFields() });
    const exceptions = readExceptions();
    const { unlisted, stale } = compare(violations, exceptions);
    expect(unlisted, `unlisted violations: ${fix}`).toEqual([]);
    expect(stale, 'fixed violations still listed in schema/lint-exceptions.json: remove them').toEqual([]);
    for (const [rule, group] of Object.entries(exceptions)) {
      expect(Object.keys(RULES), 'exception groups are rules').toContain(rule);
      expect(group.reason.length, `${rule} has a reason`).toBeGreaterThan(10);
    }
  });
});

/** A small schema following every convention, into which each case breaks one. */
const base = `
"""An object with a global id."""
interface Node {
  """Global id."""
  id: ID!
}
"""A problem with the input."""
type UserError {
  """What went wrong."""
  message: String!
}
"""Paging state."""
type PageInfo {
  """More after."""
  hasNextPage: Boolean!
}
"""A customer."""
type Customer implements Node {
  """Global id."""
  id: ID!
  """When created."""
  createdAt: DateTime!
  """When last changed."""
  updatedAt: DateTime!
  """Where to write."""
  email: EmailAddress
}
"""An edge."""
type CustomerEdge {
  """The customer."""
  node: Customer!
  """Cursor."""
  cursor: String!
}
"""A page of customers."""
type CustomerConnection {
  """Edges."""
  edges: [CustomerEdge!]!
  """Nodes."""
  nodes: [Customer!]!
  """Paging."""
  pageInfo: PageInfo!
  """How many."""
  totalCount: Int!
}
"""An e-mail address."""
scalar EmailAddress
"""An instant."""
scalar DateTime
"""What a customer is."""
enum CustomerKind {
  """A home."""
  HOME_USER
}
"""Entry points."""
type Query {
  """Customers."""
  customers(
    """N."""
    first: Int
    """Cursor."""
    after: String
    """N."""
    last: Int
    """Cursor."""
    before: String
    """How to sort."""
    orderBy: CustomerOrder
  ): CustomerConnection
}
"""How to sort customers."""
input CustomerOrder {
  """By what."""
  field: CustomerKind!
}
"""A new customer."""
input CustomerCreateInput {
  """Kind."""
  kind: CustomerKind!
}
"""The outcome."""
type CustomerCreatePayload {
  """The customer."""
  customer: Customer
  """Problems."""
  userErrors: [UserError!]!
}
"""Writes."""
type Mutation {
  """Creates a customer."""
  customerCreate(
    """What to create."""
    input: CustomerCreateInput!
  ): CustomerCreatePayload!
}
`;

const lint = (sdl: string, bigint: string[] = []): Violation[] => lintSchemaText(sdl, { bigintFields: new Set(bigint) });

describe('the schema lint rules', () => {
  it('accepts a schema following the conventions', () => {
    expect(lint(base)).toEqual([]);
  });

  const cases: [string, string, string, Violation][] = [
    ['naming of fields', '  email: EmailAddress\n}', '  e_mail: EmailAddress\n}', { rule: 'naming', coordinate: 'Customer.e_mail' }],
    ['naming of enum values', 'HOME_USER', 'homeUser', { rule: 'naming', coordinate: 'CustomerKind.homeUser' }],
    ['an identity not a Node', 'type Customer implements Node {', 'type Customer {', { rule: 'node-interface', coordinate: 'Customer' }],
    ['a Node without updatedAt', '  """When last changed."""\n  updatedAt: DateTime!\n', '', { rule: 'node-timestamps', coordinate: 'Customer' }],
    ['a Node whose createdAt may be null', 'createdAt: DateTime!', 'createdAt: DateTime', { rule: 'node-timestamps', coordinate: 'Customer' }],
    ['connection arguments', '    """Cursor."""\n    before: String\n', '', { rule: 'connection-arguments', coordinate: 'Query.customers' }],
    ['a connection without orderBy', '    """How to sort."""\n    orderBy: CustomerOrder\n', '', { rule: 'connection-order', coordinate: 'Query.customers' }],
    ['connection shape', '  """How many."""\n  totalCount: Int!\n', '', { rule: 'connection-shape', coordinate: 'CustomerConnection' }],
    ['a non-null root connection', '): CustomerConnection\n', '): CustomerConnection!\n', { rule: 'root-connection-nullable', coordinate: 'Query.customers' }],
    ['a mutation without input', 'input: CustomerCreateInput!', 'data: CustomerCreateInput!', { rule: 'mutation-input', coordinate: 'Mutation.customerCreate' }],
    ['a payload without userErrors', '  """Problems."""\n  userErrors: [UserError!]!\n', '', { rule: 'mutation-payload', coordinate: 'Mutation.customerCreate' }],
    ['e-mail as String', 'email: EmailAddress', 'email: String', { rule: 'email-scalar', coordinate: 'Customer.email' }],
    ['a missing description', '  """Where to write."""\n', '', { rule: 'description', coordinate: 'Customer.email' }],
    ['an undescribed enum value', '  """A home."""\n', '', { rule: 'description', coordinate: 'CustomerKind.HOME_USER' }],
  ];
  it.each(cases)('reports %s', (_name, from, to, expected) => {
    expect(base).toContain(from);
    expect(lint(base.replace(from, to))).toEqual([expected]);
  });

  it('reports IP and MAC addresses taken as strings', () => {
    const sdl = base.replace('  kind: CustomerKind!', '  kind: CustomerKind!\n  """Address."""\n  ipAddress: String\n  """Device."""\n  mac: String');
    expect(lint(sdl)).toEqual([
      { rule: 'ip-scalar', coordinate: 'CustomerCreateInput.ipAddress' },
      { rule: 'mac-scalar', coordinate: 'CustomerCreateInput.mac' },
    ]);
  });

  it('reports a mutation whose payload or input is not its own type, named after it', () => {
    const renamed = base.replaceAll('CustomerCreatePayload', 'CustomerPayload').replaceAll('CustomerCreateInput', 'NewCustomerInput');
    expect(lint(renamed)).toEqual([
      { rule: 'mutation-own-payload', coordinate: 'Mutation.customerCreate' },
      { rule: 'mutation-own-input', coordinate: 'Mutation.customerCreate' },
    ]);
    // customerUpdate borrows customerCreate's types: both mutations are reported, each for both.
    const update = '  """Changes a customer."""\n  customerUpdate(\n    """What to change."""\n    input: CustomerCreateInput!\n  ): CustomerCreatePayload!\n';
    const shared = base.replace('  ): CustomerCreatePayload!\n', `  ): CustomerCreatePayload!\n${update}`);
    expect(lint(shared)).toEqual([
      { rule: 'mutation-own-payload', coordinate: 'Mutation.customerCreate' },
      { rule: 'mutation-own-input', coordinate: 'Mutation.customerCreate' },
      { rule: 'mutation-own-payload', coordinate: 'Mutation.customerUpdate' },
      { rule: 'mutation-own-input', coordinate: 'Mutation.customerUpdate' },
    ]);
    // Rightly named, but also the type of another field.
    const reused = base.replace('  email: EmailAddress\n}', '  email: EmailAddress\n  """The last change."""\n  lastChange: CustomerCreatePayload\n}');
    expect(lint(reused)).toEqual([{ rule: 'mutation-own-payload', coordinate: 'Mutation.customerCreate' }]);
  });

  it('reports an Int over a bigint column, and only there', () => {
    expect(lint(base, ['CustomerConnection.totalCount'])).toEqual([{ rule: 'int-over-bigint', coordinate: 'CustomerConnection.totalCount' }]);
  });

  it('rewrites the exceptions to exactly the violations, keeping reasons', () => {
    const violations: Violation[] = [{ rule: 'description', coordinate: 'A.b' }, { rule: 'naming', coordinate: 'A.c_d' }];
    const rewritten = exceptionsFor(violations, { description: { reason: 'kept reason', entries: ['Gone.x'] } });
    expect(rewritten.description).toEqual({ reason: 'kept reason', entries: ['A.b'] });
    expect(rewritten.naming?.entries).toEqual(['A.c_d']);
    expect(compare(violations, rewritten)).toEqual({ unlisted: [], stale: [] });
  });
});
