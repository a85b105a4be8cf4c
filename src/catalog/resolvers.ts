/** The GraphQL resolvers of this area, gathered by src/graphql/schema.ts. */
// The compiled read path's mappings of this area's types (side effect: they register).
import './plan.sql';
import './tax-zone.sql';
import { CatalogWritesResolver } from './catalog-writes.resolver';
import { CustomerPlanResolver } from './customer-plan.resolver';
import { PlanResolver, SubPlanResolver } from './plan.resolver';
import { CustomerTaxZoneResolver, TaxZoneResolver } from './tax-zone.resolver';

export const catalogResolvers: Function[] = [PlanResolver, SubPlanResolver, TaxZoneResolver, CustomerTaxZoneResolver, CustomerPlanResolver, CatalogWritesResolver];
