/**
 * The GraphQL shape of equipment. The SIM secrets (ki, opcode, sqn, PINs, PUK, ADM1) are stored
 * for provisioning but never exposed; only imsi, msisdn and iccid are. Nor are login passwords.
 */
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Node, NumberedNode } from '../graphql/node';
import { DateScalar, DateTimeScalar, DecimalScalar, EmailAddressScalar, IPScalar, MACScalar } from '../graphql/scalars';
import { SortDirection } from '../graphql/sort-direction';
import { EquipmentStatus } from './network.enums';
import { UPDATED_FROM_DESCRIPTION, UPDATED_TO_DESCRIPTION } from '../sync/updated-range';

@ObjectType('Equipment', { implements: Node, description: 'A device the operator owns, in stock or in use (SIMPLer equipment).' })
export class Equipment extends NumberedNode {
  @Field(() => String, { description: 'Unique per operator.' }) nickname!: string;
  @Field(() => IPScalar, { nullable: true, description: 'The device\'s management address.' }) ipAddress!: string | null;
  @Field(() => String, { nullable: true, description: 'What the device is, as free text.' }) description!: string | null;
  @Field(() => String, { nullable: true, description: 'The manufacturer\'s serial number.' }) serialNumber!: string | null;
  @Field(() => MACScalar, { nullable: true, description: 'The device\'s MAC address.' }) mac!: string | null;
  @Field(() => EquipmentStatus, { description: 'Whether the device is in stock or in use.' }) status!: EquipmentStatus;
  @Field(() => String, { nullable: true, description: 'Inventory details, as free text (SIMPLer invdetails).' }) invDetails!: string | null;
  @Field(() => String, { nullable: true, description: 'Device type, e.g. nanostationap, mikrotikrouter.' }) type!: string | null;
  @Field(() => String, { nullable: true, description: 'A readable name of the device type.' }) typeLabel!: string | null;
  /** Served by EquipmentResolver.snmpCommunity (masked unless asked for in clear). */
  snmpCommunity!: string | null;
  @Field(() => Boolean, { description: 'Whether an SNMP community is stored (`snmpCommunity(reveal: true)` serves it).' }) hasSnmpCommunity!: boolean;
  @Field(() => DecimalScalar, { nullable: true, description: 'What the device cost.' }) value!: string | null;
  @Field(() => EmailAddressScalar, { nullable: true, description: 'Who to e-mail about maintenance of the device.' }) maintEmail!: string | null;
  @Field(() => String, { nullable: true, description: 'DHCP options handed to the device, as the server expects them.' }) dhcpOptions!: string | null;
  @Field(() => String, { nullable: true, description: 'Further device data, as free text (SIMPLer equipmentdata).' }) equipmentData!: string | null;
  @Field(() => String, { nullable: true, description: 'Who supplied the device.' }) supplier!: string | null;
  @Field(() => String, { nullable: true, description: 'The supplier\'s order number.' }) supplierOrderNo!: string | null;
  @Field(() => String, { nullable: true, description: 'Who received the device into stock.' }) receiveBy!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'When the device was received into stock.' }) receiveDate!: string | null;
  @Field(() => String, { nullable: true, description: 'The operator\'s own group or batch number.' }) internalGroupNo!: string | null;
  @Field(() => String, { nullable: true, description: 'The port the device is reached on or connected to, as free text.' }) port!: string | null;
  @Field(() => String, { nullable: true, description: 'Free-text note.' }) note!: string | null;
  @Field(() => String, { nullable: true, description: 'SIM IMSI (LTE CPE).' }) imsi!: string | null;
  @Field(() => String, { nullable: true, description: 'The SIM\'s phone number (LTE CPE).' }) msisdn!: string | null;
  @Field(() => String, { nullable: true, description: 'The SIM card\'s serial number (LTE CPE).' }) iccid!: string | null;
  @Field(() => DateTimeScalar, { name: 'createdAt', description: 'When the device was recorded.' }) dateAdded!: Date;

  /** Internal: foreign keys the relation resolvers follow. */
  siteId!: number | null;
  parentId!: number | null;
}

@InputType({ description: 'Conditions on the equipment objects to list; all given ones must hold.' })
export class EquipmentFilterInput {
  @Field(() => String, { nullable: true, description: 'Exact device type.' }) type?: string | null;
  @Field(() => EquipmentStatus, { nullable: true, description: 'Only devices in this status.' }) status?: EquipmentStatus | null;
  @Field(() => String, { nullable: true, description: 'Part of the nickname, any case.' }) nickname?: string | null;
  @Field(() => IPScalar, { nullable: true, description: 'Exact management address.' }) ipAddress?: string | null;
  @Field(() => String, { nullable: true, description: 'Part of the MAC address, separators ignored.' }) mac?: string | null;
  @Field(() => ID, { nullable: true, description: 'Only devices at this site.' }) siteId?: string | null;
  @Field(() => String, { nullable: true, description: 'Exact serial number.' }) serialNumber?: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: UPDATED_FROM_DESCRIPTION }) updatedFrom?: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: UPDATED_TO_DESCRIPTION }) updatedTo?: Date | null;
}

export enum EquipmentOrderField {
  ID = 'ID',
  NICKNAME = 'NICKNAME',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(EquipmentOrderField, {
  name: 'EquipmentOrderField',
  description: 'What equipment can be ordered by.',
  valuesConfig: {
    ID: { description: 'The order they were recorded in.' },
    NICKNAME: { description: 'Nickname, alphabetically.' },
    CREATED_AT: { description: 'When the device was recorded.' },
  },
});

@InputType({ description: 'How to sort a list of equipment objects.' })
export class EquipmentOrder {
  @Field(() => EquipmentOrderField, { description: 'What to order by.' }) field!: EquipmentOrderField;
  @Field(() => SortDirection, { nullable: true, description: 'Ascending or descending.' }) direction?: SortDirection;
}
