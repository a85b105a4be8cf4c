/**
 * The Node interface: every object with an identity has an opaque global `id`, and its type a
 * `legacyId` (the number the legacy APIs use). `node(id:)` and `nodes(ids:)` resolve any of
 * them, always inside the caller's operator: each type registers how to load itself.
 */
import { Field, ID, Int, InterfaceType, ObjectType } from 'type-graphql';

import type { GraphQLContext } from './context';
import { fromGlobalId, MAX_INT_ID, toGlobalId } from './global-id';

export const LEGACY_ID_DESCRIPTION = 'The number the legacy APIs (SOAP, REST) use for this object.';

@InterfaceType('Node', {
  description: 'An object with a global id.',
  resolveType: (value: { __typename?: string }) => value.__typename,
})
export abstract class Node {
  @Field(() => ID, { description: 'Opaque global id; use it with `node(id:)`.' })
  id!: string;
}

/**
 * The base of every Node type whose table counts in 32 bits: its `legacyId` is an `Int`. The
 * one type counted in 64 bits (RadiusSession) declares `legacyId: BigInt!` itself, which is why
 * `legacyId` is not a field of the Node interface (as GitHub keeps `databaseId` per type).
 */
@ObjectType('NumberedNode')
export abstract class NumberedNode extends Node {
  @Field(() => Int, { description: LEGACY_ID_DESCRIPTION })
  legacyId!: number;
}

export interface NodeShape {
  __typename: string;
  id: string;
  legacyId: number;
}

/** Adds the Node fields to a database row. */
export function asNode<T extends { id: number }, N extends string>(typename: N, row: T): Omit<T, 'id'> & { __typename: N; id: string; legacyId: number } {
  return { ...row, __typename: typename, id: toGlobalId(typename, row.id), legacyId: row.id };
}

type NodeLoader = (ctx: GraphQLContext, id: number) => Promise<Node | null>;
const registry = new Map<string, { load: NodeLoader; maxId: number }>();

/**
 * Each node type says how to load one of its objects (through the request's loaders), and how
 * large its ids grow: `bigint` for the types whose table counts beyond 2^31 (RADIUS sessions).
 */
export function registerNodeType(typename: string, load: NodeLoader, options: { ids?: 'integer' | 'bigint' } = {}): void {
  registry.set(typename, { load, maxId: options.ids === 'bigint' ? Number.MAX_SAFE_INTEGER : MAX_INT_ID });
}

/** Whether objects of this type have global ids (the audit trail names changed objects by them). */
export function isNodeType(typename: string): boolean {
  return registry.has(typename);
}

export async function resolveNode(ctx: GraphQLContext, globalId: string): Promise<Node | null> {
  const parsed = fromGlobalId(globalId, Number.MAX_SAFE_INTEGER);
  const entry = parsed && registry.get(parsed.type);
  return entry && parsed.id <= entry.maxId ? entry.load(ctx, parsed.id) : null;
}
