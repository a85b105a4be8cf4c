/** GraphQL adapter for the change feed: arguments to the service, rows to `Change` objects. */
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { ConnectionType } from '../graphql/connection';
import type { GraphQLContext } from '../graphql/context';
import { toGlobalId } from '../graphql/global-id';
import { resolveNode } from '../graphql/node';
import { DateTimeScalar } from '../graphql/scalars';
import { listChanges } from './changes.service';
import { Change, ChangedType, ChangeKind } from './changes.types';

const ChangeConnection = ConnectionType('Change', Change);

@Resolver(() => Change)
export class ChangesResolver {
  @Query(() => ChangeConnection, {
    nullable: true,
    description:
      'What changed in the operator\'s data since a moment, for a client that keeps a copy: every object of the followed types created or changed (`UPSERTED`, with the object as it is now) or deleted (`DELETED`), each once with its latest change, oldest first. Page with `first`/`after` until `hasNextPage` is false, then ask again later with `since` set to the last `changedAt` seen: a change is timed at the start of the write that made it, so step `since` back by your longest write (a minute is ample) and apply changes idempotently.',
  })
  async changes(
    @Ctx() ctx: GraphQLContext,
    @Arg('since', () => DateTimeScalar, { description: 'Changes at or after this moment.' }) since: Date,
    @Arg('types', () => [ChangedType], { nullable: true, description: 'Only these types (all when absent).' }) types?: string[] | null,
    @Arg('first', () => Int, { nullable: true, description: 'How many changes (1..100; default 20).' }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Continue after this cursor.' }) after?: string | null,
  ) {
    const page = await listChanges(ctx, { since, types, first, after });
    // Loaded here (batched per type by the node loaders) rather than when selected: an object
    // its type's own rules hide (a deleted reseller) is gone for this client, so it is DELETED.
    const loaded = await Promise.all(page.rows.map((row) => (row.deleted ? null : resolveNode(ctx, toGlobalId(row.typename, row.id)))));
    const nodes: Change[] = page.rows.map((row, i) => ({
      kind: loaded[i] ? ChangeKind.UPSERTED : ChangeKind.DELETED,
      type: row.typename,
      nodeId: toGlobalId(row.typename, row.id),
      legacyId: row.id,
      changedAt: row.changedAt,
      node: loaded[i] ?? null,
    }));
    return {
      edges: nodes.map((node, i) => ({ cursor: page.rows[i]!.cursor, node })),
      nodes,
      pageInfo: {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: Boolean(after),
        startCursor: page.rows[0]?.cursor ?? null,
        endCursor: page.rows.at(-1)?.cursor ?? null,
      },
      totalCount: page.count,
    };
  }

}
