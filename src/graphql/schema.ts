/**
 * Builds the executable schema from every area's resolvers. `schema/schema.graphql` is this
 * schema printed (npm run schema:emit); a test fails when the file is stale.
 */
import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { CustomerResolver } from '../customers/customer.resolver';
import { NodeResolver } from './node.resolver';

let built: Promise<GraphQLSchema> | undefined;

export function getSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers: [NodeResolver, CustomerResolver],
    validate: false,
    emitSchemaFile: false,
  });
  return built;
}

export async function printedSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await getSchema()))}\n`;
}
