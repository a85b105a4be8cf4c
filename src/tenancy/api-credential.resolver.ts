/**
 * GraphQL adapter for legacy API credentials, their access lists and the M4 settings (admins
 * only): parse, call the services, format. Secrets appear in a payload once, when generated.
 */
import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context';
import { idOf, optionalIdOf } from '../graphql/ids';
import { registerNodeType } from '../graphql/node';
import { mutate } from '../graphql/user-error';
import { DomainError, NotFoundError } from '../shared/errors';
import { toApiCredential, toIpAccessRule } from './administration.mapping';
import * as apiCredentialService from './api-credential.service';
import {
  ApiCredential,
  ApiCredentialKind,
  ApiCredentialRevokeInput,
  ApiCredentialUpdateInput,
  ApiCredentialUpdatePayload,
  CrmKeyCreateInput,
  CrmKeyCreatePayload,
  CrmKeyRevokeInput,
  CrmKeyRevokePayload,
  IpAccessRuleCreateInput,
  IpAccessRuleCreatePayload,
  IpAccessRuleDeleteInput,
  IpAccessRuleDeletePayload,
  M4Settings,
  M4SettingsUpdateInput,
  M4SettingsUpdatePayload,
  SimplerCredentialCreateInput,
  SimplerCredentialCreatePayload,
  SimplerCredentialRevokeInput,
  SimplerCredentialRevokePayload,
} from './api-credential.types';
import * as m4SettingsService from './m4-settings.service';
import { staffUserById, toStaffUser } from './staff-user.resolver';
import { StaffUser } from './staff-user.types';

registerNodeType('ApiCredential', async (ctx, id) => {
  try {
    return toApiCredential(await apiCredentialService.getById(ctx, id));
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
});

registerNodeType('IpAccessRule', async (ctx, id) => {
  try {
    return toIpAccessRule(await apiCredentialService.getIpAccessRule(ctx, id));
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
});

@Resolver(() => ApiCredential)
export class ApiCredentialResolver {
  @Query(() => [ApiCredential], { description: "The operator's SIMPLer credentials and CRM keys with their access lists (admins only); secrets are never shown again after creation." })
  async apiCredentials(
    @Ctx() ctx: GraphQLContext,
    @Arg('kind', () => ApiCredentialKind, { nullable: true, description: "Only credentials of this kind." }) kind?: ApiCredentialKind | null,
    @Arg('includeRevoked', () => Boolean, { nullable: true, defaultValue: false, description: "Also list revoked ones." }) includeRevoked?: boolean,
  ) {
    return (await apiCredentialService.list(ctx, { kind, includeRevoked })).map(toApiCredential);
  }

  @Query(() => M4Settings, { description: "The operator's M4 API settings (admins only); the secret itself is never returned." })
  async m4Settings(@Ctx() ctx: GraphQLContext) {
    return m4SettingsService.get(ctx);
  }

  @FieldResolver(() => StaffUser, { nullable: true, description: 'The staff user the credential acts as.' })
  async staffUser(@Root() credential: ApiCredential, @Ctx() ctx: GraphQLContext) {
    const row = await staffUserById(ctx).load(credential.staffUserId);
    return row ? toStaffUser(row) : null;
  }

  @Mutation(() => SimplerCredentialCreatePayload, {
    description: 'Creates a SIMPLer OperatorAPI credential (admins only), accepted only from `allowedNetworks`; a generated password is in the payload this once.',
  })
  async simplerCredentialCreate(@Arg('input', () => SimplerCredentialCreateInput, { description: 'The new SIMPLer credential.' }) input: SimplerCredentialCreateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const issued = await apiCredentialService.createSimpler(ctx, {
        apiUsername: input.apiUsername,
        staffUserId: idOf(input.staffUserId, 'StaffUser', ['staffUserId']),
        password: input.password,
        allowedNetworks: input.allowedNetworks,
        note: input.note,
        strictParameters: input.strictParameters,
      });
      return { apiCredential: toApiCredential(issued.credential), password: issued.generatedPassword, reachable: issued.reachable };
    }, { apiCredential: null, password: null, reachable: null });
  }

  @Mutation(() => SimplerCredentialRevokePayload, { description: 'Revokes a SIMPLer credential (admins only): refused from the next call on.' })
  async simplerCredentialRevoke(@Arg('input', () => SimplerCredentialRevokeInput, { description: 'The SIMPLer credential to revoke.' }) input: ApiCredentialRevokeInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => ({ apiCredential: toApiCredential(await apiCredentialService.revoke(ctx, idOf(input.id, 'ApiCredential', ['id']), 'simpler')) }), { apiCredential: null });
  }

  @Mutation(() => CrmKeyCreatePayload, { description: 'Creates the CRM api key of a staff user (admins only); the key is in the payload this once.' })
  async crmKeyCreate(@Arg('input', () => CrmKeyCreateInput, { description: 'The new CRM key.' }) input: CrmKeyCreateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const issued = await apiCredentialService.createCrmKey(ctx, {
        staffUserId: idOf(input.staffUserId, 'StaffUser', ['staffUserId']),
        note: input.note,
        strictParameters: input.strictParameters,
      });
      return { apiCredential: toApiCredential(issued.credential), userId: issued.userId, apiKey: issued.apiKey };
    }, { apiCredential: null, userId: null, apiKey: null });
  }

  @Mutation(() => ApiCredentialUpdatePayload, {
    description: 'Changes the settings of a SIMPLer credential or CRM key (admins only): its strict mode (refuse unknown parameters instead of ignoring them), from the next call on.',
  })
  async apiCredentialUpdate(@Arg('input', () => ApiCredentialUpdateInput, { description: 'The API credential to change and its new values.' }) input: ApiCredentialUpdateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => ({
      apiCredential: toApiCredential(await apiCredentialService.update(ctx, idOf(input.id, 'ApiCredential', ['id']), { strictParameters: input.strictParameters })),
    }), { apiCredential: null });
  }

  @Mutation(() => CrmKeyRevokePayload, { description: 'Revokes a CRM api key (admins only): refused from the next call on.' })
  async crmKeyRevoke(@Arg('input', () => CrmKeyRevokeInput, { description: 'The CRM key to revoke.' }) input: ApiCredentialRevokeInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => ({ apiCredential: toApiCredential(await apiCredentialService.revoke(ctx, idOf(input.id, 'ApiCredential', ['id']), 'crm')) }), { apiCredential: null });
  }

  @Mutation(() => IpAccessRuleCreatePayload, { description: 'Adds a network to the access list of a SIMPLer credential, or of all of them (admins only).' })
  async ipAccessRuleCreate(@Arg('input', () => IpAccessRuleCreateInput, { description: 'The new IP access rule.' }) input: IpAccessRuleCreateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const row = await apiCredentialService.addIpAccessRule(ctx, {
        apiCredentialId: optionalIdOf(input.apiCredentialId, 'ApiCredential', ['apiCredentialId']),
        network: input.network,
        note: input.note,
      });
      return { ipAccessRule: toIpAccessRule(row) };
    }, { ipAccessRule: null });
  }

  @Mutation(() => IpAccessRuleDeletePayload, { description: 'Removes a network from an access list (admins only).' })
  async ipAccessRuleDelete(@Arg('input', () => IpAccessRuleDeleteInput, { description: 'The IP access rule to delete.' }) input: IpAccessRuleDeleteInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      await apiCredentialService.removeIpAccessRule(ctx, idOf(input.id, 'IpAccessRule', ['id']));
      return { deletedId: input.id };
    }, { deletedId: null });
  }

  @Mutation(() => M4SettingsUpdatePayload, { description: "Changes the operator's M4 API settings (admins only). The secret is write-only: the payload says whether one is set." })
  async m4SettingsUpdate(@Arg('input', () => M4SettingsUpdateInput, { description: "The M4 settings to change." }) input: M4SettingsUpdateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      if (input.clearSecret && input.secret != null) throw new DomainError('INVALID', 'give a secret or clearSecret, not both', [{ field: ['clearSecret'], message: 'give a secret or clearSecret, not both', code: 'INVALID' }]);
      const secret = input.clearSecret ? null : (input.secret ?? undefined);
      const { settings } = await m4SettingsService.update(ctx, { secret, apiEnabled: input.apiEnabled, apiGetEnabled: input.apiGetEnabled });
      return { m4Settings: settings };
    }, { m4Settings: null });
  }
}
