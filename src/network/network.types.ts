/**
 * GraphQL shapes of the devices around equipment: CPE, basestations, gateways with their
 * interfaces, and customer addresses. Gateways never expose their CoA secret.
 */
import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from '../graphql/node';
import { DateTimeScalar, DecimalScalar, IPScalar, LatitudeScalar, LongitudeScalar, MACScalar } from '../graphql/scalars';
import { MonitorMode } from '../customers/customer.enums';
import { InterfaceRole } from './network.enums';

@ObjectType('Cpe', { implements: Node, description: 'Customer premises equipment: a device installed at a customer.' })
export class Cpe extends Node {
  @Field(() => LatitudeScalar, { nullable: true }) latitude!: string | null;
  @Field(() => LongitudeScalar, { nullable: true }) longitude!: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Distance to the access point.' }) distance!: string | null;
  @Field(() => String, { nullable: true }) colour!: string | null;
  @Field(() => String, { nullable: true }) frequency!: string | null;
  @Field(() => String, { nullable: true }) installedBy!: string | null;
  @Field(() => Boolean) dishInstalled!: boolean;
  @Field(() => Boolean) groundingCompleted!: boolean;
  @Field(() => [String]) additionalInfo!: string[];
  @Field(() => DateTimeScalar) createdAt!: Date;

  /** Internal: foreign keys the relation resolvers follow. */
  equipmentId!: number;
  customerId!: number;
}

@ObjectType('Basestation', { implements: Node, description: 'An access point or sector mounted on a site.' })
export class Basestation extends Node {
  @Field(() => String, { nullable: true }) sector!: string | null;
  @Field(() => String, { nullable: true }) direction!: string | null;
  @Field(() => String, { nullable: true }) colour!: string | null;
  @Field(() => DecimalScalar, { nullable: true }) frequency!: string | null;
  @Field(() => String, { nullable: true, description: 'Free text: an install date or note.' }) installed!: string | null;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => MonitorMode) monitor!: MonitorMode;
  @Field(() => DateTimeScalar) createdAt!: Date;

  equipmentId!: number;
  siteId!: number;
  gatewayId!: number | null;
}

@ObjectType('Gateway', { implements: Node, description: 'A gateway (SIMPLer WIB): routes customers and reports their sessions as the NAS.' })
export class Gateway extends Node {
  @Field(() => String) name!: string;
  @Field(() => Int, { description: 'SIMPLer wibnumber.' }) wibNumber!: number;
  @Field(() => IPScalar, { nullable: true }) ipAddress!: string | null;
  @Field(() => IPScalar, { nullable: true, description: 'The NAS-IP-Address its accounting carries.' }) nasIpAddress!: string | null;
  @Field(() => Int) coaPort!: number;
  @Field(() => Boolean, { description: 'Whether a CoA secret is set (it is never returned).' }) hasCoaSecret!: boolean;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => DateTimeScalar) createdAt!: Date;
}

@ObjectType('NetworkInterface', { implements: Node, description: 'An address range on a gateway interface, the pool addresses are drawn from.' })
export class NetworkInterface extends Node {
  @Field(() => String, { description: 'Device interface name, e.g. eth1.' }) name!: string;
  @Field(() => InterfaceRole) role!: InterfaceRole;
  @Field(() => String, { nullable: true }) label!: string | null;
  @Field(() => String, { description: 'The network in CIDR notation, e.g. 192.0.2.0/24.' }) network!: string;
  @Field(() => String, { nullable: true, description: 'Netmask derived from the network (dotted for IPv4, /prefix for IPv6).' }) mask!: string | null;
  @Field(() => String, { nullable: true, description: 'Broadcast address derived from the network (IPv4 only).' }) broadcast!: string | null;
  @Field(() => IPScalar, { nullable: true }) gatewayAddress!: string | null;
  @Field(() => IPScalar, { nullable: true, description: 'First address handed out.' }) startIp!: string | null;
  @Field(() => Int, { nullable: true, description: 'How many addresses may be handed out from startIp.' }) numberOfIps!: number | null;
  @Field(() => DateTimeScalar) createdAt!: Date;

  gatewayId!: number;
}

@ObjectType('CustomerIp', { implements: Node, description: 'An address (and/or MAC) bound to a customer.' })
export class CustomerIp extends Node {
  @Field(() => IPScalar, { nullable: true }) ip!: string | null;
  @Field(() => MACScalar, { nullable: true }) mac!: string | null;
  @Field(() => Boolean, { description: 'Only this MAC may use the address.' }) macRestrict!: boolean;
  @Field(() => String, { nullable: true }) label!: string | null;
  @Field(() => Boolean) isPublic!: boolean;
  @Field(() => String, { nullable: true }) dhcpOptions!: string | null;
  @Field(() => String, { nullable: true }) radiusUsername!: string | null;
  @Field(() => Boolean, { description: 'End-user-portal login overwrites the MAC with the device used.' }) updateMacOnPortalLogin!: boolean;
  @Field(() => DateTimeScalar) createdAt!: Date;

  customerId!: number;
  gatewayId!: number | null;
  interfaceId!: number | null;
}
