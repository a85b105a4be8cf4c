/** The GraphQL resolvers of this area, gathered by src/graphql/schema.ts. */
export const catalogResolvers: Function[] = [];
