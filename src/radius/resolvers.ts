/** The GraphQL resolvers of this area, gathered by src/graphql/schema.ts. */
// The compiled read path's mappings of this area's types (side effect: they register).
import './radius.sql';
import './override.sql';
import { CustomerRadiusResolver, RadiusAccountResolver, RadiusSessionResolver } from './radius.resolver';
import { BandwidthOverrideResolver, CustomerOverridesResolver, VendorAttributeOverrideResolver } from './override.resolver';
import { CustomerRadiusAttributesResolver, RadiusWritesResolver } from './radius-writes.resolver';
import { CoaResolver } from './coa.resolver';
import { RadiusStatisticsResolver } from './radius-stats.resolver';

export const radiusResolvers: Function[] = [RadiusSessionResolver, RadiusAccountResolver, CustomerRadiusResolver, CustomerRadiusAttributesResolver, RadiusWritesResolver, BandwidthOverrideResolver, VendorAttributeOverrideResolver, CustomerOverridesResolver, CoaResolver, RadiusStatisticsResolver];
