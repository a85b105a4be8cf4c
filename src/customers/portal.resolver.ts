/** GraphQL adapter for end-user-portal logins: parse, call the portal service, format. */
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context';
import { idOf } from '../graphql/ids';
import { mutate } from '../graphql/user-error';
import { toMessage } from '../support/message.mapping';
import { toCustomer } from './customer.mapping';
import { getById } from './customer.service';
import * as portalService from './portal.service';
import {
  CustomerPortalLoginCheckInput,
  CustomerPortalLoginCheckPayload,
  CustomerPortalPasswordRecoverInput,
  CustomerPortalPasswordRecoverPayload,
  CustomerPortalPasswordUpdateInput,
  CustomerPortalPasswordUpdatePayload,
} from './portal.types';

@Resolver()
export class PortalResolver {
  @Mutation(() => CustomerPortalLoginCheckPayload, {
    description: 'Checks an end-user-portal login (SIMPLer checkEUPLogin). A mutation because it verifies a secret; an unknown username and a wrong password give the same userError.',
  })
  async customerPortalLoginCheck(@Arg('input', () => CustomerPortalLoginCheckInput, { description: 'The credentials to check.' }) input: CustomerPortalLoginCheckInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const id = await portalService.checkLogin(ctx, { username: input.username, password: input.password, clientIp: ctx.clientIp });
      return { customer: toCustomer(await getById(ctx, id)) };
    }, { customer: null });
  }

  @Mutation(() => CustomerPortalPasswordUpdatePayload, { description: "Sets a customer's end-user-portal password." })
  async customerPortalPasswordUpdate(@Arg('input', () => CustomerPortalPasswordUpdateInput, { description: 'The customer and the new password.' }) input: CustomerPortalPasswordUpdateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => ({ customer: toCustomer(await portalService.setPassword(ctx, idOf(input.customerId, 'Customer', ['customerId']), input.password)) }), { customer: null });
  }

  @Mutation(() => CustomerPortalPasswordRecoverPayload, {
    description:
      'Jaze recover_password: finds the one customer with the phone or e-mail, gives it a new random portal password and sends it by SMS or e-mail (the old one cannot be sent: only its hash is stored).',
  })
  async customerPortalPasswordRecover(@Arg('input', () => CustomerPortalPasswordRecoverInput, { description: 'How to find the customer.' }) input: CustomerPortalPasswordRecoverInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const { customer, message } = await portalService.recoverPassword(ctx, { phone: input.phone, email: input.email });
      return { customer: toCustomer(customer), message: toMessage(message) };
    }, { customer: null, message: null });
  }
}
