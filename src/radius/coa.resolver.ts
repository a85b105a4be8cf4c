/** GraphQL adapter for CoA requests: parse, call the service, format. */
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context';
import { idOf } from '../graphql/ids';
import { mutate } from '../graphql/user-error';
import * as coaService from './coa.service';
import { CustomerCoaRequestInput, CustomerCoaRequestPayload } from './coa.types';

@Resolver()
export class CoaResolver {
  @Mutation(() => CustomerCoaRequestPayload, { description: "Changes a customer's open session on its NAS with a RADIUS CoA-Request (RFC 5176; Jaze coa_request)." })
  async customerCoaRequest(@Arg('input', () => CustomerCoaRequestInput, { description: "The customer and the attributes to change on their session." }) input: CustomerCoaRequestInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const acknowledgement = await coaService.requestCoa(ctx, {
        customerId: idOf(input.customerId, 'Customer', ['customerId']),
        attributes: input.attributes.map((a) => ({ attribute: a.attribute, value: a.value })),
      });
      return { acknowledgement };
    }, { acknowledgement: null });
  }
}
