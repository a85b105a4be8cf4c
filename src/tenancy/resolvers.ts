/** The GraphQL resolvers of this area, gathered by src/graphql/schema.ts. */
import { ApiCredentialResolver } from './api-credential.resolver';
import { ApiTokenResolver } from './api-token.resolver';
import { AuditEventResolver } from './audit-event.resolver';
import { StaffSessionResolver } from './staff-session.resolver';
import { StaffUserResolver } from './staff-user.resolver';

export const tenancyResolvers: Function[] = [StaffUserResolver, StaffSessionResolver, ApiTokenResolver, ApiCredentialResolver, AuditEventResolver];
