/** The GraphQL resolvers of this area, gathered by src/graphql/schema.ts. */
// The compiled read path's mappings of this area's types (side effect: they register).
import './customer.sql';
import './customer-records.sql';
import './customer-aggregates.sql';
import { CustomerAggregatesResolver } from './customer-aggregates.resolver';
import { CustomerRecordsResolver, CustomTableRowResolver, SubaccountLinkResolver } from './customer-records.resolver';
import { CustomerResolver } from './customer.resolver';
import { PortalResolver } from './portal.resolver';

export const customersResolvers: Function[] = [CustomerResolver, CustomerAggregatesResolver, CustomerRecordsResolver, SubaccountLinkResolver, CustomTableRowResolver, PortalResolver];
