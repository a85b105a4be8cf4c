/** GraphQL adapter for bearer tokens (admins only): parse, call the token service, format. */
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context';
import { idOf, optionalIdOf } from '../graphql/ids';
import { registerNodeType } from '../graphql/node';
import { mutate } from '../graphql/user-error';
import { toApiToken } from './administration.mapping';
import * as apiTokenService from './api-token.service';
import { ApiToken, ApiTokenCreateInput, ApiTokenCreatePayload, ApiTokenRevokeInput, ApiTokenRevokePayload } from './api-token.types';
import { authorize } from './permissions';
import { staffUserById, toStaffUser } from './staff-user.resolver';
import { StaffUser } from './staff-user.types';

registerNodeType('ApiToken', async (ctx, id) => {
  authorize(ctx.actor, 'admin');
  const [row] = await apiTokenService.findByIds(ctx.db, ctx.actor.operatorId, [id]);
  return row ? toApiToken(row) : null;
});

@Resolver(() => ApiToken)
export class ApiTokenResolver {
  @Query(() => [ApiToken], { description: "The operator's bearer tokens, newest first (admins only). Tokens themselves are never shown again after creation." })
  async apiTokens(
    @Ctx() ctx: GraphQLContext,
    @Arg('staffUserId', () => ID, { nullable: true, description: "Only this staff user's tokens." }) staffUserId?: string | null,
    @Arg('includeRevoked', () => Boolean, { nullable: true, defaultValue: false, description: "Also list revoked ones." }) includeRevoked?: boolean,
  ) {
    const rows = await apiTokenService.list(ctx, { staffUserId: optionalIdOf(staffUserId, 'StaffUser', ['staffUserId']), includeRevoked });
    return rows.map(toApiToken);
  }

  @FieldResolver(() => StaffUser, { nullable: true, description: 'The staff user the token acts as.' })
  async staffUser(@Root() token: ApiToken, @Ctx() ctx: GraphQLContext) {
    const row = await staffUserById(ctx).load(token.staffUserId);
    return row ? toStaffUser(row) : null;
  }

  @Mutation(() => ApiTokenCreatePayload, { description: 'Issues a bearer token for a staff user (admins only); the token is in the payload this once.' })
  async apiTokenCreate(@Arg('input', () => ApiTokenCreateInput, { description: 'The new API token.' }) input: ApiTokenCreateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const issued = await apiTokenService.create(ctx, { staffUserId: idOf(input.staffUserId, 'StaffUser', ['staffUserId']), label: input.label, expiresAt: input.expiresAt });
      return { token: issued.token, apiToken: toApiToken(issued.apiToken) };
    }, { token: null, apiToken: null });
  }

  @Mutation(() => ApiTokenRevokePayload, { description: 'Revokes a bearer token (admins only): refused from the next request on, on every server process.' })
  async apiTokenRevoke(@Arg('input', () => ApiTokenRevokeInput, { description: 'The API token to revoke.' }) input: ApiTokenRevokeInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => ({ apiToken: toApiToken(await apiTokenService.revoke(ctx, idOf(input.id, 'ApiToken', ['id']))) }), { apiToken: null });
  }
}
