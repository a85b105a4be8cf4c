/** The GraphQL shape of sites: the object, its inputs, filter and ordering. */
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Address, AddressInput } from '../graphql/address';
import { GeoPoint, GeoPointInput } from '../graphql/geo-point';
import { Node, NumberedNode } from '../graphql/node';
import { payloadOf } from '../graphql/payload';
import { DateScalar, DateTimeScalar, DecimalScalar, EmailAddressScalar } from '../graphql/scalars';
import { SortDirection } from '../graphql/sort-direction';
import { UserError } from '../graphql/user-error';
import { MaintenanceInterval, SiteStatus, SiteType, TowerType } from './network.enums';
import { UPDATED_FROM_DESCRIPTION, UPDATED_TO_DESCRIPTION } from '../sync/updated-range';

@ObjectType('Site', { implements: Node, description: 'A tower, rooftop, warehouse or installer base (SIMPLer site).' })
export class Site extends NumberedNode {
  @Field(() => String, { description: 'The site name, unique within the operator (SIMPLer sitename).' }) name!: string;
  @Field(() => Int, { nullable: true, description: "WIB number of the gateway serving the site (SIMPLer wibid)." }) wibNumber!: number | null;
  @Field(() => String, { nullable: true, description: 'Who to call about access to the site.' }) contactName!: string | null;
  @Field(() => String, { nullable: true, description: 'How to get in: gate codes, keys, escorts.' }) accessInfo!: string | null;
  @Field(() => GeoPoint, { nullable: true, description: 'Where the site is; null when unknown.' }) coordinates!: GeoPoint | null;
  @Field(() => String, { nullable: true, description: 'The site contact\'s phone number.' }) phone!: string | null;
  @Field(() => EmailAddressScalar, { nullable: true, description: 'The site contact\'s e-mail address.' }) email!: string | null;
  @Field(() => String, { nullable: true, description: 'When the site may be visited, as free text.' }) accessHours!: string | null;
  @Field(() => MaintenanceInterval, { description: 'How often the site is due for maintenance (SIMPLer interval).' }) maintenanceInterval!: MaintenanceInterval;
  @Field(() => SiteStatus, { description: 'Where the site is in its life, from potential to decommissioned.' }) status!: SiteStatus;
  @Field(() => SiteType, { nullable: true, description: 'Whether the site is a network site, a warehouse or an installer base; null when not set.' }) siteType!: SiteType | null;
  @Field(() => Boolean, { description: 'Whether scheduled maintenance is tracked for the site (SIMPLer maintenanceOption).' }) maintenanceEnabled!: boolean;
  @Field(() => DecimalScalar, { nullable: true, description: 'The radio frequency used at the site, as recorded (SIMPLer frequency).' }) frequency!: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Height of the mounting point, as recorded (SIMPLer height).' }) height!: string | null;
  @Field(() => String, { nullable: true, description: 'Minimum stock to keep at the site, as free text (SIMPLer min_stock_level).' }) minStockLevel!: string | null;
  @Field(() => String, { nullable: true, description: 'Free-text note (SIMPLer common).' }) common!: string | null;
  @Field(() => String, { nullable: true, description: 'Who owns the structure or land.' }) owner!: string | null;
  @Field(() => String, { nullable: true, description: 'The owner\'s or landlord\'s reference for the site.' }) reference!: string | null;
  @Field(() => String, { nullable: true, description: 'Length of the site lease, as free text (SIMPLer mlduration).' }) mlDuration!: string | null;
  @Field(() => TowerType, { nullable: true, description: 'The kind of structure: building, pole, lattice tower and so on.' }) towerType!: TowerType | null;
  @Field(() => String, { nullable: true, description: 'A finer status in the operator\'s own words.' }) subStatus!: string | null;
  @Field(() => String, { nullable: true, description: 'Purchase order number for the site.' }) poNumber!: string | null;
  @Field(() => String, { nullable: true, description: 'Compliance or permit number for the site.' }) complianceNumber!: string | null;
  @Field(() => String, { nullable: true, description: 'The heights allotted to the operator on the structure, as free text.' }) heightAllocation!: string | null;
  @Field(() => GeoPoint, { nullable: true, description: 'Where to enter the site from; null when unknown.' }) accessCoordinates!: GeoPoint | null;
  @Field(() => DateScalar, { nullable: true, description: 'When the next maintenance visit is due; null when none is planned.' }) nextMaintenanceDate!: string | null;
  @Field(() => Address, { description: 'The postal address of the site; state and country are full names.' }) address!: Address;
  @Field(() => DateTimeScalar, { description: 'When the site was recorded.' }) createdAt!: Date;
}

// ---------------------------------------------------------------- inputs

@InputType('SiteFieldsInput', { description: 'Site fields shared by create and update; omitted fields are left as they are, null clears one.' })
export class SiteFieldsInput {
  @Field(() => Int, { nullable: true, description: 'WIB number of an existing gateway.' }) wibNumber?: number | null;
  @Field(() => String, { nullable: true, description: 'Who to call about access to the site.' }) contactName?: string | null;
  @Field(() => String, { nullable: true, description: 'How to get in: gate codes, keys, escorts.' }) accessInfo?: string | null;
  @Field(() => GeoPointInput, { nullable: true, description: 'Where the site is; null clears it.' }) coordinates?: GeoPointInput | null;
  @Field(() => String, { nullable: true, description: 'The site contact\'s phone number.' }) phone?: string | null;
  @Field(() => EmailAddressScalar, { nullable: true, description: 'The site contact\'s e-mail address.' }) email?: string | null;
  @Field(() => String, { nullable: true, description: 'When the site may be visited, as free text.' }) accessHours?: string | null;
  @Field(() => MaintenanceInterval, { nullable: true, description: 'How often the site is due for maintenance (SIMPLer interval).' }) maintenanceInterval?: MaintenanceInterval;
  @Field(() => SiteStatus, { nullable: true, description: 'Where the site is in its life, from potential to decommissioned.' }) status?: SiteStatus;
  @Field(() => SiteType, { nullable: true, description: 'Whether the site is a network site, a warehouse or an installer base.' }) siteType?: SiteType | null;
  @Field(() => Boolean, { nullable: true, description: 'Whether scheduled maintenance is tracked for the site (SIMPLer maintenanceOption).' }) maintenanceEnabled?: boolean;
  @Field(() => DecimalScalar, { nullable: true, description: 'The radio frequency used at the site, as recorded (SIMPLer frequency).' }) frequency?: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Height of the mounting point, as recorded (SIMPLer height).' }) height?: string | null;
  @Field(() => String, { nullable: true, description: 'Minimum stock to keep at the site, as free text (SIMPLer min_stock_level).' }) minStockLevel?: string | null;
  @Field(() => String, { nullable: true, description: 'Free-text note (SIMPLer common).' }) common?: string | null;
  @Field(() => String, { nullable: true, description: 'Who owns the structure or land.' }) owner?: string | null;
  @Field(() => String, { nullable: true, description: 'The owner\'s or landlord\'s reference for the site.' }) reference?: string | null;
  @Field(() => String, { nullable: true, description: 'Length of the site lease, as free text (SIMPLer mlduration).' }) mlDuration?: string | null;
  @Field(() => TowerType, { nullable: true, description: 'The kind of structure: building, pole, lattice tower and so on.' }) towerType?: TowerType | null;
  @Field(() => String, { nullable: true, description: 'A finer status in the operator\'s own words.' }) subStatus?: string | null;
  @Field(() => String, { nullable: true, description: 'Purchase order number for the site.' }) poNumber?: string | null;
  @Field(() => String, { nullable: true, description: 'Compliance or permit number for the site.' }) complianceNumber?: string | null;
  @Field(() => String, { nullable: true, description: 'The heights allotted to the operator on the structure, as free text.' }) heightAllocation?: string | null;
  @Field(() => GeoPointInput, { nullable: true, description: 'Where to enter the site from; null clears it.' }) accessCoordinates?: GeoPointInput | null;
  @Field(() => DateScalar, { nullable: true, description: 'When the next maintenance visit is due.' }) nextMaintenanceDate?: string | null;
  @Field(() => AddressInput, { nullable: true, description: 'The postal address: state a full US state name ("New York", not "NY"), country a full country name ("Ireland", not "IE").' }) address?: AddressInput | null;
}

@InputType({ description: 'A new site; its name must be unused.' })
export class SiteCreateInput extends SiteFieldsInput {
  @Field(() => String, { description: 'The site name, unused by other sites.' }) name!: string;
}

@InputType({ description: 'Changes to a site.' })
export class SiteUpdateInput extends SiteFieldsInput {
  @Field(() => ID, { description: 'The site to change.' }) id!: string;
  @Field(() => String, { nullable: true, description: 'A new name, unused by other sites.' }) name?: string;
}

@InputType({ description: 'Names the site to delete.' })
export class SiteDeleteInput {
  @Field(() => ID, { description: 'The site to delete.' }) id!: string;
}

/** The fields of the payload of siteCreate and siteUpdate (each its own type): payloadOf below. */
@ObjectType()
export class SitePayload {
  @Field(() => Site, { nullable: true, description: 'The site as it now is; null when the change was refused.' }) site!: Site | null;
  @Field(() => [UserError], { description: 'Why the change was refused; empty on success.' }) userErrors!: UserError[];
}
export const SiteCreatePayload = payloadOf(SitePayload, 'siteCreate', 'the new site, or why it was refused');
export const SiteUpdatePayload = payloadOf(SitePayload, 'siteUpdate', 'the site as changed, or why it was refused');

@ObjectType({ description: 'The result of deleting the site.' })
export class SiteDeletePayload {
  @Field(() => ID, { nullable: true, description: 'The id of the deleted site; null when nothing was deleted.' }) deletedId!: string | null;
  @Field(() => [UserError], { description: 'Why the delete was refused; empty on success.' }) userErrors!: UserError[];
}

// ---------------------------------------------------------------- listing

@InputType({ description: 'Conditions on the site objects to list; all given ones must hold.' })
export class SiteFilterInput {
  @Field(() => String, { nullable: true, description: 'Part of the name, any case.' }) name?: string | null;
  @Field(() => [SiteStatus], { nullable: true, description: 'Only sites in one of these statuses.' }) status?: SiteStatus[] | null;
  @Field(() => [SiteType], { nullable: true, description: 'Only sites of one of these types.' }) siteType?: SiteType[] | null;
  @Field(() => DateTimeScalar, { nullable: true, description: UPDATED_FROM_DESCRIPTION }) updatedFrom?: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: UPDATED_TO_DESCRIPTION }) updatedTo?: Date | null;
}

export enum SiteOrderField {
  ID = 'ID',
  NAME = 'NAME',
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
}
registerEnumType(SiteOrderField, {
  name: 'SiteOrderField',
  description: 'What sites can be ordered by.',
  valuesConfig: {
    UPDATED_AT: { description: 'When they were last changed.' },
    ID: { description: 'The order they were recorded in.' },
    NAME: { description: 'Name, alphabetically.' },
    CREATED_AT: { description: 'When they were added.' },
  },
});

@InputType({ description: 'How to sort a list of site objects.' })
export class SiteOrder {
  @Field(() => SiteOrderField, { description: 'What to order by.' }) field!: SiteOrderField;
  @Field(() => SortDirection, { nullable: true, description: 'Ascending or descending.' }) direction?: SortDirection;
}
