/**
 * Relay connections (edges, nodes, pageInfo, totalCount) for any node type. `totalCount` is
 * computed only when asked for: the count is a function the field calls.
 */
import { Field, Int, ObjectType, type ClassType } from 'type-graphql';
import type { Page } from '../db/pagination';

@ObjectType({ description: 'Where a page sits in its list, and the cursors to move from it.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'Whether more objects follow this page (with `first`; false when paging back with `last`).' })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'Whether objects come before this page (with `last`; false when paging forward with `first`).' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first object of the page, for `before`; null when the page is empty.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last object of the page, for `after`; null when the page is empty.' })
  endCursor!: string | null;
}

export interface ConnectionValue<TNode> {
  edges: { cursor: string; node: TNode }[];
  nodes: TNode[];
  pageInfo: PageInfo;
  totalCount: () => Promise<number>;
}

const connections = new Map<string, ClassType>();

/** Declares (once per name) `<Name>Connection` and `<Name>Edge` for a node type. */
export function ConnectionType<TNode extends object>(name: string, nodeType: ClassType<TNode>): ClassType<ConnectionValue<TNode>> {
  const existing = connections.get(name);
  if (existing) return existing as ClassType<ConnectionValue<TNode>>;

  @ObjectType(`${name}Edge`, { description: `A ${name} and its cursor.` })
  class Edge {
    @Field(() => String, { description: 'Opaque position of this edge, for `after` or `before`.' })
    cursor!: string;

    @Field(() => nodeType, { description: `The ${name}.` })
    node!: TNode;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} objects.` })
  class Connection {
    @Field(() => [Edge], { description: 'The objects of the page, each with its cursor.' })
    edges!: Edge[];

    @Field(() => [nodeType], { description: 'The nodes of the edges, for clients that do not need cursors.' })
    nodes!: TNode[];

    @Field(() => PageInfo, { description: 'Whether more pages exist, and the cursors to reach them.' })
    pageInfo!: PageInfo;

    /** Replaced per value by toConnection; declared as a method so GraphQL calls it. */
    @Field(() => Int, { description: 'How many objects the list holds in all, across every page.' })
    totalCount(): Promise<number> {
      throw new Error('connection built without toConnection');
    }
  }

  connections.set(name, Connection);
  return Connection as unknown as ClassType<ConnectionValue<TNode>>;
}

export function toConnection<TRow, TNode>(page: Page<TRow>, toNode: (row: TRow) => TNode, count: () => Promise<number>): ConnectionValue<TNode> {
  const nodes = page.nodes.map(toNode);
  return {
    edges: nodes.map((node, i) => ({ cursor: page.cursors[i]!, node })),
    nodes,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: page.cursors[0] ?? null,
      endCursor: page.cursors[page.cursors.length - 1] ?? null,
    },
    totalCount: count,
  };
}
