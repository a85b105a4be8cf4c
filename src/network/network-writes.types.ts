/**
 * GraphQL inputs and payloads of the network mutations: equipment and its login details, CPE,
 * basestations, and customer addresses (add, release, generate).
 */
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

import { payloadOf } from '../graphql/payload';
import { DateScalar, DateTimeScalar, DecimalScalar, EmailAddressScalar, IPScalar, IPv4Scalar, MACScalar } from '../graphql/scalars';
import { GeoPointInput } from '../graphql/geo-point';
import { Node, NumberedNode } from '../graphql/node';
import { UserError } from '../graphql/user-error';
import { CustomFieldValueInput } from '../customers/customer.types';
import { IpType, MonitorMode } from '../customers/customer.enums';
import { Equipment } from './equipment.types';
import { EquipmentStatus, InterfaceRole } from './network.enums';
import { Basestation, Cpe, CustomerIp, Gateway, NetworkInterface } from './network.types';

// ---------------------------------------------------------------- equipment

@InputType('EquipmentFieldsInput', { description: 'Equipment fields shared by create and update; omitted fields are left as they are, null clears one.' })
export class EquipmentFieldsInput {
  @Field(() => IPScalar, { nullable: true, description: 'A valid IPv4 or IPv6 address.' }) ipAddress?: string | null;
  @Field(() => String, { nullable: true, description: 'What the device is, as free text.' }) description?: string | null;
  @Field(() => String, { nullable: true, description: 'The manufacturer\'s serial number.' }) serialNumber?: string | null;
  @Field(() => MACScalar, { nullable: true, description: 'A MAC address (aa:bb:cc:dd:ee:ff, aa-bb-…, aabb.ccdd.eeff or 12 hex digits).' }) mac?: string | null;
  @Field(() => EquipmentStatus, { nullable: true, description: 'Whether the device is in stock or in use.' }) status?: EquipmentStatus;
  @Field(() => String, { nullable: true, description: 'Inventory details, as free text (SIMPLer invdetails).' }) invDetails?: string | null;
  @Field(() => ID, { nullable: true, description: 'The device this one hangs off (must not make a loop).' }) parentId?: string | null;
  @Field(() => String, { nullable: true, description: 'Instead of parentId: the parent by nickname.' }) parentNickname?: string | null;
  @Field(() => String, { nullable: true, description: 'One of the documented SIMPLer types, e.g. nanostationap, mikrotikrouter.' }) type?: string | null;
  @Field(() => String, { nullable: true, description: 'A readable name of the device type.' }) typeLabel?: string | null;
  @Field(() => String, { nullable: true, description: 'The SNMP community the device answers to; kept as a secret.' }) snmpCommunity?: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'What the device cost.' }) value?: string | null;
  @Field(() => ID, { nullable: true, description: 'The site the device is at.' }) siteId?: string | null;
  @Field(() => String, { nullable: true, description: 'Instead of siteId: the site by name.' }) siteName?: string | null;
  @Field(() => EmailAddressScalar, { nullable: true, description: 'Who to e-mail about maintenance of the device.' }) maintEmail?: string | null;
  @Field(() => String, { nullable: true, description: 'DHCP options handed to the device, as the server expects them.' }) dhcpOptions?: string | null;
  @Field(() => String, { nullable: true, description: 'Further device data, as free text (SIMPLer equipmentdata).' }) equipmentData?: string | null;
  @Field(() => String, { nullable: true, description: 'Who supplied the device.' }) supplier?: string | null;
  @Field(() => String, { nullable: true, description: 'The supplier\'s order number.' }) supplierOrderNo?: string | null;
  @Field(() => String, { nullable: true, description: 'Who received the device into stock.' }) receiveBy?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'When the device was received into stock.' }) receiveDate?: string | null;
  @Field(() => String, { nullable: true, description: 'The operator\'s own group or batch number.' }) internalGroupNo?: string | null;
  @Field(() => String, { nullable: true, description: 'The port the device is reached on or connected to, as free text.' }) port?: string | null;
  @Field(() => String, { nullable: true, description: 'Free-text note.' }) note?: string | null;
  @Field(() => String, { nullable: true, description: 'SIM IMSI (LTE CPE).' }) imsi?: string | null;
  @Field(() => String, { nullable: true, description: 'SIM secret: stored, never returned.' }) ki?: string | null;
  @Field(() => String, { nullable: true, description: 'SIM secret: stored, never returned.' }) opcode?: string | null;
  @Field(() => String, { nullable: true, description: 'The SIM\'s phone number (LTE CPE).' }) msisdn?: string | null;
  @Field(() => String, { nullable: true, description: 'SIM secret: stored, never returned.' }) sqn?: string | null;
  @Field(() => String, { nullable: true, description: 'SIM secret: stored, never returned.' }) pin1?: string | null;
  @Field(() => String, { nullable: true, description: 'SIM secret: stored, never returned.' }) pin2?: string | null;
  @Field(() => String, { nullable: true, description: 'SIM secret: stored, never returned.' }) puk1?: string | null;
  @Field(() => String, { nullable: true, description: 'SIM secret: stored, never returned.' }) adm1?: string | null;
  @Field(() => String, { nullable: true, description: 'The SIM card\'s serial number (LTE CPE).' }) iccid?: string | null;
  @Field(() => [CustomFieldValueInput], { nullable: true, description: 'Equipment custom field values (null value clears one).' }) customFields?: CustomFieldValueInput[] | null;
}

@InputType({ description: 'A new piece of equipment; its nickname must be unused.' })
export class EquipmentCreateInput extends EquipmentFieldsInput {
  @Field(() => String, { description: 'Unique per operator.' }) nickname!: string;
}

@InputType({ description: 'Changes to a piece of equipment.' })
export class EquipmentUpdateInput extends EquipmentFieldsInput {
  @Field(() => ID, { description: 'The equipment to change.' }) id!: string;
  @Field(() => String, { nullable: true, description: 'Unique per operator.' }) nickname?: string;
}

@InputType({ description: 'Names the equipment to delete.' })
export class EquipmentDeleteInput {
  @Field(() => ID, { description: 'The equipment to delete.' }) id!: string;
}

/** The fields of the payload of equipmentCreate and equipmentUpdate (each its own type): payloadOf below. */
@ObjectType()
export class EquipmentPayload {
  @Field(() => Equipment, { nullable: true, description: 'The equipment as it now is; null when the change was refused.' }) equipment!: Equipment | null;
  @Field(() => [UserError], { description: 'Why the change was refused; empty on success.' }) userErrors!: UserError[];
}
export const EquipmentCreatePayload = payloadOf(EquipmentPayload, 'equipmentCreate', 'the new equipment, or why it was refused');
export const EquipmentUpdatePayload = payloadOf(EquipmentPayload, 'equipmentUpdate', 'the equipment as changed, or why it was refused');

@ObjectType({ description: 'The result of deleting the equipment.' })
export class EquipmentDeletePayload {
  @Field(() => ID, { nullable: true, description: 'The id of the deleted equipment; null when nothing was deleted.' }) deletedId!: string | null;
  @Field(() => [UserError], { description: 'Why the delete was refused; empty on success.' }) userErrors!: UserError[];
}

@ObjectType('EquipmentLogin', { implements: Node, description: "Login details of a device. The password is kept for technicians but not served here." })
export class EquipmentLogin extends NumberedNode {
  @Field(() => String, { description: 'The username to log in to the device with.' }) username!: string;
  @Field(() => Boolean, { description: 'Whether a password is stored (it is not served here).' }) hasPassword!: boolean;
  @Field(() => String, { nullable: true, description: 'Free-text notes.' }) notes!: string | null;
  @Field(() => DateTimeScalar, { description: 'When the login details were recorded.' }) createdAt!: Date;
}

@InputType({ description: 'Login details to add to a device.' })
export class EquipmentLoginCreateInput {
  @Field(() => ID, { description: 'The device.' }) equipmentId!: string;
  @Field(() => String, { description: 'Unique per device.' }) username!: string;
  @Field(() => String, { nullable: true, description: 'The password to log in with.' }) password?: string | null;
  @Field(() => String, { nullable: true, description: 'Free-text notes.' }) notes?: string | null;
}

@InputType({ description: "Changes to a device's login details; fields left out stay as they are." })
export class EquipmentLoginUpdateInput {
  @Field(() => ID, { description: 'The login details to change.' }) id!: string;
  @Field(() => String, { nullable: true, description: 'The new username; not blank, and unique per device.' }) username?: string | null;
  @Field(() => String, { nullable: true, description: 'The new password to log in with; null removes it.' }) password?: string | null;
  @Field(() => String, { nullable: true, description: 'Free-text notes; null removes them.' }) notes?: string | null;
}

/** The fields of the payload of equipmentLoginCreate and equipmentLoginUpdate (each its own type): payloadOf below. */
@ObjectType()
export class EquipmentLoginPayload {
  @Field(() => EquipmentLogin, { nullable: true, description: 'The login details as they now are; null when refused.' }) equipmentLogin!: EquipmentLogin | null;
  @Field(() => Equipment, { nullable: true, description: 'The device; null when refused.' }) equipment!: Equipment | null;
  @Field(() => [UserError], { description: 'Why the change was refused; empty on success.' }) userErrors!: UserError[];
}
export const EquipmentLoginCreatePayload = payloadOf(EquipmentLoginPayload, 'equipmentLoginCreate', "the equipment's new login, or why it was refused");
export const EquipmentLoginUpdatePayload = payloadOf(EquipmentLoginPayload, 'equipmentLoginUpdate', "the equipment's login as changed, or why it was refused");

// ---------------------------------------------------------------- CPE

@InputType('CpeFieldsInput')
export class CpeFieldsInput {
  @Field(() => GeoPointInput, { nullable: true, description: 'Where the device is installed; null clears it.' }) coordinates?: GeoPointInput | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Distance to the access point.' }) distance?: string | null;
  @Field(() => String, { nullable: true, description: 'Colour code of the cable or device, as the installer noted it.' }) colour?: string | null;
  @Field(() => String, { nullable: true, description: 'The radio frequency the device uses, as recorded.' }) frequency?: string | null;
  @Field(() => String, { nullable: true, description: 'Who installed the device.' }) installedBy?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Whether a dish was installed.' }) dishInstalled?: boolean;
  @Field(() => Boolean, { nullable: true, description: 'Whether the installation is grounded.' }) groundingCompleted?: boolean;
  @Field(() => [String], { nullable: true, description: 'Further notes of the installer, one per line.' }) additionalInfo?: string[] | null;
}

@InputType({ description: 'Installs a device (not already a CPE or basestation) at a customer.' })
export class CpeCreateInput extends CpeFieldsInput {
  @Field(() => ID, { description: 'The device installed.' }) equipmentId!: string;
  @Field(() => ID, { description: 'The customer it is installed at.' }) customerId!: string;
}

@InputType({ description: 'Changes to a CPE.' })
export class CpeUpdateInput extends CpeFieldsInput {
  @Field(() => ID, { description: 'The CPE to change.' }) id!: string;
  @Field(() => ID, { nullable: true, description: 'Another device.' }) equipmentId?: string;
  @Field(() => ID, { nullable: true, description: 'Moves it to this customer.' }) customerId?: string;
}

@InputType({ description: 'Names the CPE to delete.' })
export class CpeDeleteInput {
  @Field(() => ID, { description: 'The CPE to delete.' }) id!: string;
}

/** The fields of the payload of cpeCreate and cpeUpdate (each its own type): payloadOf below. */
@ObjectType()
export class CpePayload {
  @Field(() => Cpe, { nullable: true, description: 'The CPE as it now is; null when the change was refused.' }) cpe!: Cpe | null;
  @Field(() => [UserError], { description: 'Why the change was refused; empty on success.' }) userErrors!: UserError[];
}
export const CpeCreatePayload = payloadOf(CpePayload, 'cpeCreate', 'the new CPE, or why it was refused');
export const CpeUpdatePayload = payloadOf(CpePayload, 'cpeUpdate', 'the CPE as changed, or why it was refused');

@ObjectType({ description: 'The result of deleting the CPE.' })
export class CpeDeletePayload {
  @Field(() => ID, { nullable: true, description: 'The id of the deleted CPE; null when nothing was deleted.' }) deletedId!: string | null;
  @Field(() => [UserError], { description: 'Why the delete was refused; empty on success.' }) userErrors!: UserError[];
}

// ---------------------------------------------------------------- basestations

@InputType('BasestationFieldsInput')
export class BasestationFieldsInput {
  @Field(() => String, { nullable: true, description: 'The sector the device covers, as free text.' }) sector?: string | null;
  @Field(() => String, { nullable: true, description: 'Where the device points, as free text (e.g. a bearing).' }) direction?: string | null;
  @Field(() => String, { nullable: true, description: 'Colour code of the cable or device, as the installer noted it.' }) colour?: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'The radio frequency the device uses.' }) frequency?: string | null;
  @Field(() => String, { nullable: true, description: 'Free text: an install date or note.' }) installed?: string | null;
  @Field(() => String, { nullable: true, description: 'Free-text note.' }) note?: string | null;
  @Field(() => ID, { nullable: true, description: 'The gateway its customers are routed through.' }) gatewayId?: string | null;
  @Field(() => MonitorMode, { nullable: true, description: 'Whether the basestation is monitored, and whether alerts go out.' }) monitor?: MonitorMode;
}

@InputType({ description: 'Mounts a device (not already a CPE or basestation) on a site.' })
export class BasestationCreateInput extends BasestationFieldsInput {
  @Field(() => ID, { description: 'The access point device.' }) equipmentId!: string;
  @Field(() => ID, { description: 'The site it is mounted on.' }) siteId!: string;
}

@InputType({ description: 'Changes to a basestation.' })
export class BasestationUpdateInput extends BasestationFieldsInput {
  @Field(() => ID, { description: 'The basestation to change.' }) id!: string;
  @Field(() => ID, { nullable: true, description: 'Another access point device.' }) equipmentId?: string;
  @Field(() => ID, { nullable: true, description: 'Moves it to this site.' }) siteId?: string;
}

@InputType({ description: 'Names the basestation to delete.' })
export class BasestationDeleteInput {
  @Field(() => ID, { description: 'The basestation to delete.' }) id!: string;
}

/** The fields of the payload of basestationCreate and basestationUpdate (each its own type): payloadOf below. */
@ObjectType()
export class BasestationPayload {
  @Field(() => Basestation, { nullable: true, description: 'The basestation as it now is; null when the change was refused.' }) basestation!: Basestation | null;
  @Field(() => [UserError], { description: 'Why the change was refused; empty on success.' }) userErrors!: UserError[];
}
export const BasestationCreatePayload = payloadOf(BasestationPayload, 'basestationCreate', 'the new basestation, or why it was refused');
export const BasestationUpdatePayload = payloadOf(BasestationPayload, 'basestationUpdate', 'the basestation as changed, or why it was refused');

@ObjectType({ description: 'The result of deleting the basestation.' })
export class BasestationDeletePayload {
  @Field(() => ID, { nullable: true, description: 'The id of the deleted basestation; null when nothing was deleted.' }) deletedId!: string | null;
  @Field(() => [UserError], { description: 'Why the delete was refused; empty on success.' }) userErrors!: UserError[];
}

// ---------------------------------------------------------------- customer IPs

@InputType({ description: 'Binds an address and/or MAC to a customer (SIMPLer addIP).' })
export class CustomerIpCreateInput {
  @Field(() => ID, { description: 'The customer to bind the address to.' }) customerId!: string;
  @Field(() => IPv4Scalar, { nullable: true, description: 'An IPv4 address, unused in the operator.' }) ip?: string | null;
  @Field(() => MACScalar, { nullable: true, description: 'The MAC to bind.' }) mac?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Only this MAC may use the address.' }) macRestrict?: boolean | null;
  @Field(() => String, { nullable: true, description: 'A readable name of the binding.' }) label?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Whether the address is public (routable on the internet).' }) isPublic?: boolean | null;
  @Field(() => String, { nullable: true, description: 'DHCP options handed out with the address.' }) dhcpOptions?: string | null;
  @Field(() => String, { nullable: true, description: "One of the customer's RADIUS usernames." }) radiusUsername?: string | null;
  @Field(() => ID, { nullable: true, description: "Defaults to the customer's gateway." }) gatewayId?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'End-user-portal login overwrites the MAC with the device used.' }) updateMacOnPortalLogin?: boolean | null;
}

export enum IpRelease {
  IP = 'ip',
  MAC = 'mac',
  BOTH = 'both',
}
registerEnumType(IpRelease, {
  name: 'IpRelease',
  description: 'What to release of a binding (Jaze release_ip_mac).',
  valuesConfig: {
    MAC: { description: 'The MAC only.' },
    IP: { description: 'The address only.' },
    BOTH: { description: 'Both the address and the MAC.' },
  },
});

@InputType({ description: 'A binding and what to release from it.' })
export class CustomerIpReleaseInput {
  @Field(() => ID, { description: 'The binding.' }) id!: string;
  @Field(() => IpRelease, { description: 'The IP, the MAC or both.' }) release!: IpRelease;
}

/** The fields of the payload of customerIpCreate: payloadOf below. */
@ObjectType()
export class CustomerIpPayload {
  @Field(() => CustomerIp, { nullable: true, description: 'The customer IP as it now is; null when the change was refused.' }) customerIp!: CustomerIp | null;
  @Field(() => [UserError], { description: 'Why the change was refused; empty on success.' }) userErrors!: UserError[];
}
export const CustomerIpCreatePayload = payloadOf(CustomerIpPayload, 'customerIpCreate', "the customer's new IP address, or why it was refused");

@ObjectType({ description: 'The binding after the release, or why it was refused.' })
export class CustomerIpReleasePayload {
  @Field(() => CustomerIp, { nullable: true, description: 'The binding as it is now; null when nothing is left of it.' }) customerIp!: CustomerIp | null;
  @Field(() => ID, { nullable: true, description: 'Set when the binding was deleted (nothing left).' }) deletedCustomerIpId!: string | null;
  @Field(() => [UserError], { description: 'Why the change was refused; empty on success.' }) userErrors!: UserError[];
}

// IpType is the customers' enum (customer.enums.ts): one GraphQL enum, declared once.
export { IpType };

@InputType({ description: 'SIMPLer generateIP.' })
export class CustomerIpGenerateInput {
  @Field(() => ID, { description: 'The customer to pick addresses for.' }) customerId!: string;
  @Field(() => Int, { nullable: true, description: 'How many addresses (default 1).' }) quantity?: number | null;
  @Field(() => IpType, { nullable: true, description: "Overrides the customer's IP type." }) ipType?: IpType | null;
  @Field(() => ID, { nullable: true, description: "Draw from this interface instead of the customer's gateway's first matching one." }) interfaceId?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Save the addresses as the customer\'s (saveInDb).' }) save?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: "Set them as Framed-IP-Address of the customer's RADIUS logins (needs save)." }) syncRadius?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'End-user-portal login overwrites the MAC with the device used.' }) updateMacOnPortalLogin?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: "Queue a WIB files update for the interface's gateway (needs save; updateWIB)." }) updateWib?: boolean | null;
}

@ObjectType('IpGeneration', { description: 'The result of generateIP.' })
export class IpGeneration {
  // The gateway and interface drawn from, as objects (IpGenerationResolver loads them).
  gatewayLegacyId!: number;
  interfaceLegacyId!: number;
  @Field(() => Int, { description: "The gateway's WIB number." }) wibNumber!: number;
  @Field(() => IpType, { description: 'Public or private addresses.' }) ipType!: IpType;
  @Field(() => Int, { description: 'How many were requested.' }) quantity!: number;
  @Field(() => Int, { description: 'How many were generated.' }) generated!: number;
  @Field(() => [IPScalar], { description: 'The addresses picked.' }) ips!: string[];
  @Field(() => Boolean, { description: "Whether they were saved as the customer's." }) saved!: boolean;
}

@ObjectType({ description: 'The addresses picked, or why it was refused.' })
export class CustomerIpGeneratePayload {
  @Field(() => IpGeneration, { nullable: true, description: 'The addresses picked; null when refused.' }) generation!: IpGeneration | null;
  @Field(() => [UserError], { description: 'Why the change was refused; empty on success.' }) userErrors!: UserError[];
}


@InputType({ description: 'A new gateway (SIMPLer WIB).' })
export class GatewayCreateInput {
  @Field(() => String, { description: 'The gateway name.' }) name!: string;
  @Field(() => Int, { description: 'SIMPLer wibnumber, unique in the operator.' }) wibNumber!: number;
  @Field(() => IPScalar, { nullable: true, description: 'The gateway\'s management address.' }) ipAddress?: string | null;
  @Field(() => IPScalar, { nullable: true, description: 'The NAS-IP-Address its accounting carries.' }) nasIpAddress?: string | null;
  @Field(() => Int, { nullable: true, description: '1 to 65535; default 3799.' }) coaPort?: number | null;
  @Field(() => String, { nullable: true, description: 'Write-only: the CoA shared secret, never returned.' }) coaSecret?: string | null;
  @Field(() => String, { nullable: true, description: 'What the gateway is, as free text.' }) description?: string | null;
}

@InputType({ description: 'Changes a gateway; fields left out stay, null clears the optional ones (coaSecret too).' })
export class GatewayUpdateInput {
  @Field(() => ID, { description: 'The gateway to change.' }) id!: string;
  @Field(() => String, { nullable: true, description: 'The gateway name.' }) name?: string | null;
  @Field(() => Int, { nullable: true, description: 'SIMPLer wibnumber.' }) wibNumber?: number | null;
  @Field(() => IPScalar, { nullable: true, description: 'The gateway\'s management address.' }) ipAddress?: string | null;
  @Field(() => IPScalar, { nullable: true, description: 'The NAS-IP-Address its accounting carries.' }) nasIpAddress?: string | null;
  @Field(() => Int, { nullable: true, description: 'UDP port the gateway takes RADIUS CoA requests on.' }) coaPort?: number | null;
  @Field(() => String, { nullable: true, description: 'Write-only.' }) coaSecret?: string | null;
  @Field(() => String, { nullable: true, description: 'What the gateway is, as free text.' }) description?: string | null;
}

/** The fields of the payload of gatewayCreate and gatewayUpdate (each its own type): payloadOf below. */
@ObjectType()
export class GatewayPayload {
  @Field(() => Gateway, { nullable: true, description: 'The gateway as it now is; null when the change was refused.' }) gateway!: Gateway | null;
  @Field(() => [UserError], { description: 'Why the change was refused; empty on success.' }) userErrors!: UserError[];
}
export const GatewayCreatePayload = payloadOf(GatewayPayload, 'gatewayCreate', 'the new gateway, or why it was refused');
export const GatewayUpdatePayload = payloadOf(GatewayPayload, 'gatewayUpdate', 'the gateway as changed, or why it was refused');

@InputType({ description: 'A new address range on a gateway interface.' })
export class NetworkInterfaceCreateInput {
  @Field(() => ID, { description: 'The gateway the interface is on.' }) gatewayId!: string;
  @Field(() => String, { description: 'Device interface name, e.g. eth1.' }) name!: string;
  @Field(() => InterfaceRole, { description: 'What the interface serves.' }) role!: InterfaceRole;
  @Field(() => String, { nullable: true, description: 'A readable name of the range.' }) label?: string | null;
  @Field(() => String, { description: 'CIDR with no host bits set, e.g. 192.0.2.0/24.' }) network!: string;
  @Field(() => IPScalar, { nullable: true, description: 'Inside the network.' }) gatewayAddress?: string | null;
  @Field(() => IPScalar, { nullable: true, description: 'First address handed out; inside the network.' }) startIp?: string | null;
  @Field(() => Int, { nullable: true, description: 'At least 1; null: to the end of the network.' }) numberOfIps?: number | null;
}

@InputType({ description: 'Changes an interface; fields left out stay, null clears the optional ones. Its gateway cannot change.' })
export class NetworkInterfaceUpdateInput {
  @Field(() => ID, { description: 'The network interface to change.' }) id!: string;
  @Field(() => String, { nullable: true, description: 'Device interface name, e.g. eth1.' }) name?: string | null;
  @Field(() => InterfaceRole, { nullable: true, description: 'What the interface serves.' }) role?: InterfaceRole | null;
  @Field(() => String, { nullable: true, description: 'A readable name of the range.' }) label?: string | null;
  @Field(() => String, { nullable: true, description: 'The network in CIDR notation, e.g. 192.0.2.0/24.' }) network?: string | null;
  @Field(() => IPScalar, { nullable: true, description: 'The default gateway of the range.' }) gatewayAddress?: string | null;
  @Field(() => IPScalar, { nullable: true, description: 'First address handed out.' }) startIp?: string | null;
  @Field(() => Int, { nullable: true, description: 'How many addresses may be handed out from startIp.' }) numberOfIps?: number | null;
}

/** The fields of the payload of networkInterfaceCreate and networkInterfaceUpdate (each its own type): payloadOf below. */
@ObjectType()
export class NetworkInterfacePayload {
  @Field(() => NetworkInterface, { nullable: true, description: 'The network interface as it now is; null when the change was refused.' }) networkInterface!: NetworkInterface | null;
  @Field(() => [UserError], { description: 'Why the change was refused; empty on success.' }) userErrors!: UserError[];
}
export const NetworkInterfaceCreatePayload = payloadOf(NetworkInterfacePayload, 'networkInterfaceCreate', 'the new network interface, or why it was refused');
export const NetworkInterfaceUpdatePayload = payloadOf(NetworkInterfacePayload, 'networkInterfaceUpdate', 'the network interface as changed, or why it was refused');
