/** The customer's side of the network: their addresses and premises equipment. */
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context';
import { Customer } from '../customers/customer.types';
import { loadCustomer } from '../customers/customer.resolver';
import { loadGateway } from './devices.resolver';
import { cpesByCustomer, interfaceById, ipsByCustomer } from './network.loaders';
import { toCpe, toCustomerIp, toInterface } from './network.mapping';
import { Cpe, CustomerIp, Gateway, NetworkInterface } from './network.types';

@Resolver(() => Customer)
export class CustomerNetworkResolver {
  @FieldResolver(() => Gateway, { nullable: true, description: 'The gateway (NAS/router, SIMPLer gwid) serving the customer.' })
  gateway(@Root() customer: Customer, @Ctx() ctx: GraphQLContext) {
    return loadGateway(ctx, (customer as unknown as { gatewayId: number | null }).gatewayId);
  }

  @FieldResolver(() => [CustomerIp], { description: 'Addresses and MAC bindings of the customer, in the order they were added.' })
  async ips(@Root() customer: Customer, @Ctx() ctx: GraphQLContext) {
    return (await ipsByCustomer(ctx).load(customer.legacyId)).map(toCustomerIp);
  }

  @FieldResolver(() => [Cpe], { description: 'Equipment installed at the customer.' })
  async cpes(@Root() customer: Customer, @Ctx() ctx: GraphQLContext) {
    return (await cpesByCustomer(ctx).load(customer.legacyId)).map(toCpe);
  }
}

@Resolver(() => CustomerIp)
export class CustomerIpResolver {
  @FieldResolver(() => Customer, { nullable: true, description: 'The customer the address is bound to.' })
  customer(@Root() ip: CustomerIp, @Ctx() ctx: GraphQLContext) {
    return loadCustomer(ctx, ip.customerId);
  }

  @FieldResolver(() => Gateway, { nullable: true, description: 'The gateway the address belongs to; null when none.' })
  gateway(@Root() ip: CustomerIp, @Ctx() ctx: GraphQLContext) {
    return loadGateway(ctx, ip.gatewayId);
  }

  @FieldResolver(() => NetworkInterface, { nullable: true, description: 'The range the address was drawn from.' })
  async interface(@Root() ip: CustomerIp, @Ctx() ctx: GraphQLContext) {
    if (ip.interfaceId == null) return null;
    const row = await interfaceById(ctx).load(ip.interfaceId);
    return row ? toInterface(row) : null;
  }
}
