/** The GraphQL resolvers of this area, gathered by src/graphql/schema.ts. */
import { AuditEventResolver } from './audit-event.resolver';
import { StaffUserResolver } from './staff-user.resolver';

export const tenancyResolvers: Function[] = [StaffUserResolver, AuditEventResolver];
