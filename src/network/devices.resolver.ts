/** Relations of CPE, basestations, gateways and interfaces, and the gateway list. */
import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context';
import { Customer } from '../customers/customer.types';
import { loadCustomer } from '../customers/customer.resolver';
import { loadEquipment } from './equipment.resolver';
import { Equipment } from './equipment.types';
import { listGateways } from './gateway.service';
import { gatewayById, interfacesByGateway } from './network.loaders';
import { toGateway, toInterface } from './network.mapping';
import { Basestation, Cpe, Gateway, NetworkInterface } from './network.types';
import { loadSite } from './site.resolver';
import { Site } from './site.types';

export async function loadGateway(ctx: GraphQLContext, id: number | null): Promise<Gateway | null> {
  if (id == null) return null;
  const row = await gatewayById(ctx).load(id);
  return row ? toGateway(row) : null;
}

@Resolver(() => Cpe)
export class CpeResolver {
  @FieldResolver(() => Customer, { nullable: true, description: 'The customer it is installed at.' })
  customer(@Root() cpe: Cpe, @Ctx() ctx: GraphQLContext) {
    return loadCustomer(ctx, cpe.customerId);
  }

  @FieldResolver(() => Equipment, { nullable: true, description: 'The device itself.' })
  equipment(@Root() cpe: Cpe, @Ctx() ctx: GraphQLContext) {
    return loadEquipment(ctx, cpe.equipmentId);
  }
}

@Resolver(() => Basestation)
export class BasestationResolver {
  @FieldResolver(() => Equipment, { nullable: true, description: 'The access point device.' })
  equipment(@Root() basestation: Basestation, @Ctx() ctx: GraphQLContext) {
    return loadEquipment(ctx, basestation.equipmentId);
  }

  @FieldResolver(() => Site, { nullable: true, description: 'The site the basestation is mounted on.' })
  site(@Root() basestation: Basestation, @Ctx() ctx: GraphQLContext) {
    return loadSite(ctx, basestation.siteId);
  }

  @FieldResolver(() => Gateway, { nullable: true, description: 'The gateway its customers are routed through.' })
  gateway(@Root() basestation: Basestation, @Ctx() ctx: GraphQLContext) {
    return loadGateway(ctx, basestation.gatewayId);
  }
}

@Resolver(() => Gateway)
export class GatewayResolver {
  @Query(() => [Gateway], { description: "The operator's gateways (a handful per operator, so not paged)." })
  async gateways(@Ctx() ctx: GraphQLContext) {
    const rows = await listGateways(ctx);
    for (const row of rows) gatewayById(ctx).prime(row.id, row);
    return rows.map(toGateway);
  }

  @FieldResolver(() => [NetworkInterface], { description: 'Address ranges on its interfaces.' })
  async interfaces(@Root() gateway: Gateway, @Ctx() ctx: GraphQLContext) {
    return (await interfacesByGateway(ctx).load(gateway.legacyId)).map(toInterface);
  }
}

@Resolver(() => NetworkInterface)
export class NetworkInterfaceResolver {
  @FieldResolver(() => Gateway, { nullable: true, description: 'The gateway the interface is on.' })
  gateway(@Root() networkInterface: NetworkInterface, @Ctx() ctx: GraphQLContext) {
    return loadGateway(ctx, networkInterface.gatewayId);
  }
}
