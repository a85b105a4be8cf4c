/** The GraphQL resolvers of this area, gathered by src/graphql/schema.ts. */
import { CustomerResolver } from './customer.resolver';

export const customersResolvers: Function[] = [CustomerResolver];
