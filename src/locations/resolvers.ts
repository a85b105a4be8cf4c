/** The GraphQL resolvers of this area, gathered by src/graphql/schema.ts. */
// The compiled read path's mappings of this area's types (side effect: they register).
import './location.sql';
import { LocationWritesResolver } from './location-writes.resolver';
import { AreaResolver, BuildingResolver, CustomerLocationFieldResolver, CustomerLocationResolver, StreetResolver } from './location.resolver';

export const locationsResolvers: Function[] = [AreaResolver, StreetResolver, BuildingResolver, CustomerLocationResolver, CustomerLocationFieldResolver, LocationWritesResolver];
