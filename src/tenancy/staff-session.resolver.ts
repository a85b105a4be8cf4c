/**
 * GraphQL adapter for staff logins. staffLogin is the one operation src/graphql/http.ts lets
 * through without a bearer token (its context then has no staff user: the resolver uses only
 * its input).
 */
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context';
import { mutate } from '../graphql/user-error';
import { toApiToken } from './administration.mapping';
import * as apiTokenService from './api-token.service';
import { StaffLogoutPayload } from './api-token.types';
import * as staffSessionService from './staff-session.service';
import { toStaffUser } from './staff-user.resolver';
import { StaffLoginInput, StaffLoginPayload } from './staff-user.types';

@Resolver()
export class StaffSessionResolver {
  @Mutation(() => StaffLoginPayload, {
    description:
      'Logs a staff user in: a bearer token valid for STAFF_SESSION_HOURS (default 12). Needs no Authorization header. A wrong password, an unknown operator or user and an inactive user give the same userError; repeated failures are throttled (TOO_MANY_REQUESTS).',
  })
  async staffLogin(@Arg('input', () => StaffLoginInput, { description: "The staff user's credentials." }) input: StaffLoginInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const session = await staffSessionService.login(ctx.db, { ...input, clientIp: ctx.clientIp, requestId: ctx.requestId });
      return { token: session.token, expiresAt: session.expiresAt, staffUser: toStaffUser(session.staffUser) };
    }, { token: null, expiresAt: null, staffUser: null });
  }

  @Mutation(() => StaffLogoutPayload, { description: 'Revokes the bearer token of this request (a staff login session, or any token): it is refused from the next request on.' })
  async staffLogout(@Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      if (!ctx.tokenDigest) throw new Error('staffLogout ran without a bearer token');
      return { apiToken: toApiToken(await apiTokenService.revokeOwn(ctx, ctx.tokenDigest)) };
    }, { apiToken: null });
  }
}
