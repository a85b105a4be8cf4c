/** The GraphQL resolvers of this area, gathered by src/graphql/schema.ts. */
import { SearchResolver } from './search.resolver';

export const searchResolvers: Function[] = [SearchResolver];
