/** GraphQL adapter for writing gateways (SIMPLer WIBs): parse, call the gateway service, format. */
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context';
import { DeleteTypes, deleteMutation } from '../graphql/delete';
import { idOf } from '../graphql/ids';
import { mutate } from '../graphql/user-error';
import * as gatewayService from './gateway.service';
import { gatewayById } from './network.loaders';
import { toGateway } from './network.mapping';
import { GatewayCreateInput, GatewayPayload, GatewayUpdateInput } from './network-writes.types';

const GatewayDelete = DeleteTypes('Gateway', 'gateway');

@Resolver()
export class GatewayWritesResolver {
  @Mutation(() => GatewayPayload, { description: 'Adds a gateway (SIMPLer WIB).' })
  async gatewayCreate(@Arg('input', () => GatewayCreateInput) input: GatewayCreateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => ({ gateway: toGateway(await gatewayService.createGateway(ctx, { ...input } as gatewayService.GatewayInput)) }), { gateway: null });
  }

  @Mutation(() => GatewayPayload, { description: 'Changes a gateway; the CoA secret can be set or cleared, never read.' })
  async gatewayUpdate(@Arg('input', () => GatewayUpdateInput) input: GatewayUpdateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const { id: globalId, ...fields } = input;
      const id = idOf(globalId, 'Gateway', ['id']);
      const row = await gatewayService.updateGateway(ctx, id, fields as gatewayService.GatewayInput);
      gatewayById(ctx).clear(id).prime(id, row);
      return { gateway: toGateway(row) };
    }, { gateway: null });
  }

  @Mutation(() => GatewayDelete.Payload, { description: 'Deletes a gateway nothing is routed through (no interfaces, customers, addresses or basestations).' })
  async gatewayDelete(@Arg('input', () => GatewayDelete.Input) input: InstanceType<typeof GatewayDelete.Input>, @Ctx() ctx: GraphQLContext) {
    return deleteMutation('Gateway', input, (id) => gatewayService.deleteGateway(ctx, id));
  }
}
