/** GraphQL adapter for writing gateways (SIMPLer WIBs) and their interfaces: parse, call the gateway service, format. */
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context';
import { DeleteTypes, deleteMutation } from '../graphql/delete';
import { idOf } from '../graphql/ids';
import { mutate } from '../graphql/user-error';
import * as gatewayService from './gateway.service';
import { gatewayById, interfaceById, interfacesByGateway } from './network.loaders';
import { toGateway, toInterface } from './network.mapping';
import {
  GatewayCreateInput,
  GatewayCreatePayload,
  GatewayUpdateInput,
  GatewayUpdatePayload,
  NetworkInterfaceCreateInput,
  NetworkInterfaceCreatePayload,
  NetworkInterfaceUpdateInput,
  NetworkInterfaceUpdatePayload,
} from './network-writes.types';

const GatewayDelete = DeleteTypes('Gateway', 'gateway');
const NetworkInterfaceDelete = DeleteTypes('NetworkInterface', 'interface');

@Resolver()
export class GatewayWritesResolver {
  @Mutation(() => GatewayCreatePayload, { description: 'Adds a gateway (SIMPLer WIB).' })
  async gatewayCreate(@Arg('input', () => GatewayCreateInput, { description: 'The new gateway.' }) input: GatewayCreateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => ({ gateway: toGateway(await gatewayService.createGateway(ctx, { ...input } as gatewayService.GatewayInput)) }), { gateway: null });
  }

  @Mutation(() => GatewayUpdatePayload, { description: 'Changes a gateway; the CoA secret can be set or cleared, never read.' })
  async gatewayUpdate(@Arg('input', () => GatewayUpdateInput, { description: 'The gateway to change and its new values.' }) input: GatewayUpdateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const { id: globalId, ...fields } = input;
      const id = idOf(globalId, 'Gateway', ['id']);
      const row = await gatewayService.updateGateway(ctx, id, fields as gatewayService.GatewayInput);
      gatewayById(ctx).clear(id).prime(id, row);
      return { gateway: toGateway(row) };
    }, { gateway: null });
  }

  @Mutation(() => GatewayDelete.Payload, { description: 'Deletes a gateway nothing is routed through (no interfaces, customers, addresses or basestations).' })
  async gatewayDelete(@Arg('input', () => GatewayDelete.Input, { description: 'The gateway to delete.' }) input: InstanceType<typeof GatewayDelete.Input>, @Ctx() ctx: GraphQLContext) {
    return deleteMutation('Gateway', input, (id) => gatewayService.deleteGateway(ctx, id));
  }

  @Mutation(() => NetworkInterfaceCreatePayload, { description: 'Adds an address range on a gateway interface (a pool generateIP draws from).' })
  async networkInterfaceCreate(@Arg('input', () => NetworkInterfaceCreateInput, { description: 'The new network interface.' }) input: NetworkInterfaceCreateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const gatewayId = idOf(input.gatewayId, 'Gateway', ['gatewayId']);
      const row = await gatewayService.createInterface(ctx, { ...input, gatewayId } as gatewayService.InterfaceInput);
      interfacesByGateway(ctx).clear(gatewayId);
      return { networkInterface: toInterface(row) };
    }, { networkInterface: null });
  }

  @Mutation(() => NetworkInterfaceUpdatePayload, { description: 'Changes an interface; addresses already handed out stay.' })
  async networkInterfaceUpdate(@Arg('input', () => NetworkInterfaceUpdateInput, { description: 'The network interface to change and its new values.' }) input: NetworkInterfaceUpdateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const { id: globalId, ...fields } = input;
      const row = await gatewayService.updateInterface(ctx, idOf(globalId, 'NetworkInterface', ['id']), fields as gatewayService.InterfaceInput);
      interfaceById(ctx).clear(row.id).prime(row.id, row);
      interfacesByGateway(ctx).clear(row.gatewayId);
      return { networkInterface: toInterface(row) };
    }, { networkInterface: null });
  }

  @Mutation(() => NetworkInterfaceDelete.Payload, { description: 'Deletes an interface no customer address was drawn from.' })
  async networkInterfaceDelete(
    @Arg('input', () => NetworkInterfaceDelete.Input, { description: 'The network interface to delete.' }) input: InstanceType<typeof NetworkInterfaceDelete.Input>,
    @Ctx() ctx: GraphQLContext,
  ) {
    return deleteMutation('NetworkInterface', input, (id) => gatewayService.deleteInterface(ctx, id));
  }
}
