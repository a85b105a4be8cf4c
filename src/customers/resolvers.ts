/** The GraphQL resolvers of this area, gathered by src/graphql/schema.ts. */
// The compiled read path's mappings of this area's types (side effect: they register).
import './customer.sql';
import './customer-records.sql';
import './customer-aggregates.sql';
import './customer-settings.sql';
import { CustomerAggregatesResolver } from './customer-aggregates.resolver';
import { CustomerNoteResolver, CustomerRecordsResolver, CustomTableRowResolver, SubaccountLinkResolver } from './customer-records.resolver';
import { CustomerResolver } from './customer.resolver';
import { CustomerSettingsResolver } from './customer-settings.resolver';
import { PortalResolver } from './portal.resolver';

export const customersResolvers: Function[] = [CustomerResolver, CustomerAggregatesResolver, CustomerSettingsResolver, CustomerRecordsResolver, CustomerNoteResolver, SubaccountLinkResolver, CustomTableRowResolver, PortalResolver];
