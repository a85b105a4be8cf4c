/** The GraphQL resolvers of change tracking, gathered by src/graphql/schema.ts while it builds. */
import { ChangesResolver } from './changes.resolver';
import { timestampsResolvers } from './timestamps.resolver';

export function syncResolvers(): Function[] {
  return [ChangesResolver, ...timestampsResolvers()];
}
