import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { DomainError } from '../shared/errors';
import type { GraphQLContext } from './context';
import { Node, resolveNode } from './node';

const MAX_NODES = 100;

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any object by its global id (null if it does not exist or is not yours).' })
  node(@Arg('id', () => ID, { description: 'The global id of the object.' }) id: string, @Ctx() ctx: GraphQLContext) {
    return resolveNode(ctx, id);
  }

  @Query(() => [Node], { nullable: 'items', description: `Objects by global id, in the order asked (at most ${MAX_NODES}).` })
  nodes(@Arg('ids', () => [ID], { description: 'The global ids to look up.' }) ids: string[], @Ctx() ctx: GraphQLContext) {
    if (ids.length > MAX_NODES) throw new DomainError('INVALID', `ask for at most ${MAX_NODES} ids at once`);
    return Promise.all(ids.map((id) => resolveNode(ctx, id)));
  }
}
