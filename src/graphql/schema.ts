/**
 * Builds the executable schema from every area's resolvers. `schema/schema.graphql` is this
 * schema printed (npm run schema:emit); a test fails when the file is stale.
 */
import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { customersResolvers } from '../customers/resolvers';
import { catalogResolvers } from '../catalog/resolvers';
import { billingResolvers } from '../billing/resolvers';
import { networkResolvers } from '../network/resolvers';
import { radiusResolvers } from '../radius/resolvers';
import { resellersResolvers } from '../resellers/resolvers';
import { supportResolvers } from '../support/resolvers';
import { locationsResolvers } from '../locations/resolvers';
import { tenancyResolvers } from '../tenancy/resolvers';
import { jobsResolvers } from '../jobs/resolvers';
import { searchResolvers } from '../search/resolvers';
import { syncResolvers } from '../sync/resolvers';
import { COST_RULE } from './limits/cost';
import { NodeResolver } from './node.resolver';

let built: Promise<GraphQLSchema> | undefined;

export function getSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers: [
      NodeResolver,
      ...customersResolvers,
      ...catalogResolvers,
      ...billingResolvers,
      ...networkResolvers,
      ...radiusResolvers,
      ...resellersResolvers,
      ...supportResolvers,
      ...locationsResolvers,
      ...tenancyResolvers,
      ...jobsResolvers,
      ...searchResolvers,
      // After every area: it adds the timestamps the areas' types do not declare.
      ...syncResolvers(),
    ],
    validate: false,
    emitSchemaFile: false,
  }).then((schema) => {
    // type-graphql has no option for the root type's description; the cost rule belongs there.
    schema.getQueryType()!.description = `The operator's data. ${COST_RULE}`;
    return schema;
  });
  return built;
}

export async function printedSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await getSchema()))}\n`;
}
