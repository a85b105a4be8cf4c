/** The GraphQL resolvers of this area, gathered by src/graphql/schema.ts. */
import { StaffUserResolver } from './staff-user.resolver';

export const tenancyResolvers: Function[] = [StaffUserResolver];
