/** The GraphQL resolvers of this area, gathered by src/graphql/schema.ts. */
// The compiled read path's mappings of this area's types (side effect: they register).
import './reseller.sql';
import { CustomerResellerResolver, ResellerResolver, WalletTransactionResolver } from './reseller.resolver';

export const resellersResolvers: Function[] = [ResellerResolver, WalletTransactionResolver, CustomerResellerResolver];
