/** The GraphQL resolvers of this area, gathered by src/graphql/schema.ts. */
import { CustomerResellerResolver, ResellerResolver, WalletTransactionResolver } from './reseller.resolver';

export const resellersResolvers: Function[] = [ResellerResolver, WalletTransactionResolver, CustomerResellerResolver];
