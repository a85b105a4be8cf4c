/**
 * GraphQL shapes of the devices around equipment: CPE, basestations, gateways with their
 * interfaces, and customer addresses. Gateways never expose their CoA secret.
 */
import { Field, Int, ObjectType } from 'type-graphql';
import { GeoPoint } from '../graphql/geo-point';
import { Node, NumberedNode } from '../graphql/node';
import { DateTimeScalar, DecimalScalar, IPScalar, MACScalar } from '../graphql/scalars';
import { MonitorMode } from '../customers/customer.enums';
import { InterfaceRole } from './network.enums';

@ObjectType('Cpe', { implements: Node, description: 'Customer premises equipment: a device installed at a customer.' })
export class Cpe extends NumberedNode {
  @Field(() => GeoPoint, { nullable: true, description: 'Where the device is installed; null when unknown.' }) coordinates!: GeoPoint | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Distance to the access point.' }) distance!: string | null;
  @Field(() => String, { nullable: true, description: 'Colour code of the cable or device, as the installer noted it.' }) colour!: string | null;
  @Field(() => String, { nullable: true, description: 'The radio frequency the device uses, as recorded.' }) frequency!: string | null;
  @Field(() => String, { nullable: true, description: 'Who installed the device.' }) installedBy!: string | null;
  @Field(() => Boolean, { description: 'Whether a dish was installed.' }) dishInstalled!: boolean;
  @Field(() => Boolean, { description: 'Whether the installation is grounded.' }) groundingCompleted!: boolean;
  @Field(() => [String], { description: 'Further notes of the installer, one per line.' }) additionalInfo!: string[];
  @Field(() => DateTimeScalar, { description: 'When the CPE was recorded.' }) createdAt!: Date;

  /** Internal: foreign keys the relation resolvers follow. */
  equipmentId!: number;
  customerId!: number;
}

@ObjectType('Basestation', { implements: Node, description: 'An access point or sector mounted on a site.' })
export class Basestation extends NumberedNode {
  @Field(() => String, { nullable: true, description: 'The sector the device covers, as free text.' }) sector!: string | null;
  @Field(() => String, { nullable: true, description: 'Where the device points, as free text (e.g. a bearing).' }) direction!: string | null;
  @Field(() => String, { nullable: true, description: 'Colour code of the cable or device, as the installer noted it.' }) colour!: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'The radio frequency the device uses.' }) frequency!: string | null;
  @Field(() => String, { nullable: true, description: 'Free text: an install date or note.' }) installed!: string | null;
  @Field(() => String, { nullable: true, description: 'Free-text note.' }) note!: string | null;
  @Field(() => MonitorMode, { description: 'Whether the basestation is monitored, and whether alerts go out.' }) monitor!: MonitorMode;
  @Field(() => DateTimeScalar, { description: 'When the basestation was recorded.' }) createdAt!: Date;

  equipmentId!: number;
  siteId!: number;
  gatewayId!: number | null;
}

@ObjectType('Gateway', { implements: Node, description: 'A gateway (SIMPLer WIB): routes customers and reports their sessions as the NAS.' })
export class Gateway extends NumberedNode {
  @Field(() => String, { description: 'The gateway name.' }) name!: string;
  @Field(() => Int, { description: 'SIMPLer wibnumber.' }) wibNumber!: number;
  @Field(() => IPScalar, { nullable: true, description: 'The gateway\'s management address.' }) ipAddress!: string | null;
  @Field(() => IPScalar, { nullable: true, description: 'The NAS-IP-Address its accounting carries.' }) nasIpAddress!: string | null;
  @Field(() => Int, { description: 'UDP port the gateway takes RADIUS CoA requests on.' }) coaPort!: number;
  @Field(() => Boolean, { description: 'Whether a CoA secret is set (it is never returned).' }) hasCoaSecret!: boolean;
  @Field(() => String, { nullable: true, description: 'What the gateway is, as free text.' }) description!: string | null;
  @Field(() => DateTimeScalar, { description: 'When the gateway was recorded.' }) createdAt!: Date;
}

@ObjectType('NetworkInterface', { implements: Node, description: 'An address range on a gateway interface, the pool addresses are drawn from.' })
export class NetworkInterface extends NumberedNode {
  @Field(() => String, { description: 'Device interface name, e.g. eth1.' }) name!: string;
  @Field(() => InterfaceRole, { description: 'What the interface serves.' }) role!: InterfaceRole;
  @Field(() => String, { nullable: true, description: 'A readable name of the range.' }) label!: string | null;
  @Field(() => String, { description: 'The network in CIDR notation, e.g. 192.0.2.0/24.' }) network!: string;
  @Field(() => String, { nullable: true, description: 'Netmask derived from the network (dotted for IPv4, /prefix for IPv6).' }) mask!: string | null;
  @Field(() => String, { nullable: true, description: 'Broadcast address derived from the network (IPv4 only).' }) broadcast!: string | null;
  @Field(() => IPScalar, { nullable: true, description: 'The default gateway of the range.' }) gatewayAddress!: string | null;
  @Field(() => IPScalar, { nullable: true, description: 'First address handed out.' }) startIp!: string | null;
  @Field(() => Int, { nullable: true, description: 'How many addresses may be handed out from startIp.' }) numberOfIps!: number | null;
  @Field(() => DateTimeScalar, { description: 'When the interface was recorded.' }) createdAt!: Date;

  gatewayId!: number;
}

@ObjectType('CustomerIp', { implements: Node, description: 'An address (and/or MAC) bound to a customer.' })
export class CustomerIp extends NumberedNode {
  @Field(() => IPScalar, { nullable: true, description: 'The bound address; null when only a MAC is bound.' }) ip!: string | null;
  @Field(() => MACScalar, { nullable: true, description: 'The bound MAC; null when only an address is bound.' }) mac!: string | null;
  @Field(() => Boolean, { description: 'Only this MAC may use the address.' }) macRestrict!: boolean;
  @Field(() => String, { nullable: true, description: 'A readable name of the binding.' }) label!: string | null;
  @Field(() => Boolean, { description: 'Whether the address is public (routable on the internet).' }) isPublic!: boolean;
  @Field(() => String, { nullable: true, description: 'DHCP options handed out with the address.' }) dhcpOptions!: string | null;
  @Field(() => String, { nullable: true, description: 'The RADIUS login the address is bound to; null when bound to the customer as a whole.' }) radiusUsername!: string | null;
  @Field(() => Boolean, { description: 'End-user-portal login overwrites the MAC with the device used.' }) updateMacOnPortalLogin!: boolean;
  @Field(() => DateTimeScalar, { description: 'When the binding was recorded.' }) createdAt!: Date;

  customerId!: number;
  gatewayId!: number | null;
  interfaceId!: number | null;
}
