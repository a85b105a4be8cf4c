/** The GraphQL resolvers of this area, gathered by src/graphql/schema.ts. */
import './network.nodes';
// The compiled read path's mappings of this area's types (side effect: they register).
import './network.sql';
import { CustomerIpResolver, CustomerNetworkResolver } from './customer-network.resolver';
import { BasestationResolver, CpeResolver, GatewayResolver, NetworkInterfaceResolver } from './devices.resolver';
import { EquipmentResolver } from './equipment.resolver';
import { SiteResolver } from './site.resolver';
import { EquipmentLoginsResolver, IpGenerationResolver, NetworkWritesResolver } from './network-writes.resolver';
import { GatewayWritesResolver } from './gateway-writes.resolver';

export const networkResolvers: Function[] = [
  SiteResolver,
  EquipmentResolver,
  CpeResolver,
  BasestationResolver,
  GatewayResolver,
  NetworkInterfaceResolver,
  CustomerNetworkResolver,
  CustomerIpResolver,
  EquipmentLoginsResolver,
  IpGenerationResolver,
  NetworkWritesResolver,
  GatewayWritesResolver,
];
