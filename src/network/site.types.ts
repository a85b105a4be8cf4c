/** The GraphQL shape of sites: the object, its inputs, filter and ordering. */
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../graphql/node';
import { DateScalar, DateTimeScalar, DecimalScalar, EmailAddressScalar, LatitudeScalar, LongitudeScalar } from '../graphql/scalars';
import { SortDirection } from '../graphql/sort-direction';
import { UserError } from '../graphql/user-error';
import { MaintenanceInterval, SiteStatus, SiteType, TowerType } from './network.enums';
import { UPDATED_FROM_DESCRIPTION, UPDATED_TO_DESCRIPTION } from '../sync/updated-range';

@ObjectType('Site', { implements: Node, description: 'A tower, rooftop, warehouse or installer base (SIMPLer site).' })
export class Site extends Node {
  @Field(() => String) name!: string;
  @Field(() => Int, { nullable: true, description: "WIB number of the gateway serving the site (SIMPLer wibid)." }) wibNumber!: number | null;
  @Field(() => String, { nullable: true }) contactName!: string | null;
  @Field(() => String, { nullable: true }) accessInfo!: string | null;
  @Field(() => LatitudeScalar, { nullable: true }) latitude!: string | null;
  @Field(() => LongitudeScalar, { nullable: true }) longitude!: string | null;
  @Field(() => String, { nullable: true }) phone!: string | null;
  @Field(() => EmailAddressScalar, { nullable: true }) email!: string | null;
  @Field(() => String, { nullable: true }) accessHours!: string | null;
  @Field(() => MaintenanceInterval) maintenanceInterval!: MaintenanceInterval;
  @Field(() => SiteStatus) status!: SiteStatus;
  @Field(() => SiteType, { nullable: true }) siteType!: SiteType | null;
  @Field(() => Boolean) maintenanceEnabled!: boolean;
  @Field(() => DecimalScalar, { nullable: true }) frequency!: string | null;
  @Field(() => DecimalScalar, { nullable: true }) height!: string | null;
  @Field(() => String, { nullable: true }) minStockLevel!: string | null;
  @Field(() => String, { nullable: true }) common!: string | null;
  @Field(() => String, { nullable: true }) owner!: string | null;
  @Field(() => String, { nullable: true }) reference!: string | null;
  @Field(() => String, { nullable: true }) mlDuration!: string | null;
  @Field(() => TowerType, { nullable: true }) towerType!: TowerType | null;
  @Field(() => String, { nullable: true }) subStatus!: string | null;
  @Field(() => String, { nullable: true }) poNumber!: string | null;
  @Field(() => String, { nullable: true }) complianceNumber!: string | null;
  @Field(() => String, { nullable: true }) heightAllocation!: string | null;
  @Field(() => LatitudeScalar, { nullable: true, description: 'Where to enter the site from.' }) accessLatitude!: string | null;
  @Field(() => LongitudeScalar, { nullable: true }) accessLongitude!: string | null;
  @Field(() => DateScalar, { nullable: true }) nextMaintenanceDate!: string | null;
  @Field(() => String, { nullable: true }) street1!: string | null;
  @Field(() => String, { nullable: true }) street2!: string | null;
  @Field(() => String, { nullable: true }) city!: string | null;
  @Field(() => String, { nullable: true }) county!: string | null;
  @Field(() => String, { nullable: true }) zip!: string | null;
  @Field(() => String, { nullable: true, description: 'Full US state name.' }) state!: string | null;
  @Field(() => String, { nullable: true, description: 'Full country name.' }) country!: string | null;
  @Field(() => DateTimeScalar) createdAt!: Date;
}

// ---------------------------------------------------------------- inputs

@InputType('SiteFieldsInput', { description: 'Site fields shared by create and update; omitted fields are left as they are, null clears one.' })
export class SiteFieldsInput {
  @Field(() => Int, { nullable: true, description: 'WIB number of an existing gateway.' }) wibNumber?: number | null;
  @Field(() => String, { nullable: true }) contactName?: string | null;
  @Field(() => String, { nullable: true }) accessInfo?: string | null;
  @Field(() => LatitudeScalar, { nullable: true }) latitude?: number | null;
  @Field(() => LongitudeScalar, { nullable: true }) longitude?: number | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => EmailAddressScalar, { nullable: true }) email?: string | null;
  @Field(() => String, { nullable: true }) accessHours?: string | null;
  @Field(() => MaintenanceInterval, { nullable: true }) maintenanceInterval?: MaintenanceInterval;
  @Field(() => SiteStatus, { nullable: true }) status?: SiteStatus;
  @Field(() => SiteType, { nullable: true }) siteType?: SiteType | null;
  @Field(() => Boolean, { nullable: true }) maintenanceEnabled?: boolean;
  @Field(() => DecimalScalar, { nullable: true }) frequency?: string | null;
  @Field(() => DecimalScalar, { nullable: true }) height?: string | null;
  @Field(() => String, { nullable: true }) minStockLevel?: string | null;
  @Field(() => String, { nullable: true }) common?: string | null;
  @Field(() => String, { nullable: true }) owner?: string | null;
  @Field(() => String, { nullable: true }) reference?: string | null;
  @Field(() => String, { nullable: true }) mlDuration?: string | null;
  @Field(() => TowerType, { nullable: true }) towerType?: TowerType | null;
  @Field(() => String, { nullable: true }) subStatus?: string | null;
  @Field(() => String, { nullable: true }) poNumber?: string | null;
  @Field(() => String, { nullable: true }) complianceNumber?: string | null;
  @Field(() => String, { nullable: true }) heightAllocation?: string | null;
  @Field(() => LatitudeScalar, { nullable: true }) accessLatitude?: number | null;
  @Field(() => LongitudeScalar, { nullable: true }) accessLongitude?: number | null;
  @Field(() => DateScalar, { nullable: true }) nextMaintenanceDate?: string | null;
  @Field(() => String, { nullable: true }) street1?: string | null;
  @Field(() => String, { nullable: true }) street2?: string | null;
  @Field(() => String, { nullable: true }) city?: string | null;
  @Field(() => String, { nullable: true }) county?: string | null;
  @Field(() => String, { nullable: true }) zip?: string | null;
  @Field(() => String, { nullable: true, description: 'A full US state name, e.g. "New York" (not "NY").' }) state?: string | null;
  @Field(() => String, { nullable: true, description: 'A full country name, e.g. "Ireland" (not "IE").' }) country?: string | null;
}

@InputType({ description: 'A new site; its name must be unused.' })
export class SiteCreateInput extends SiteFieldsInput {
  @Field(() => String) name!: string;
}

@InputType({ description: 'Changes to a site.' })
export class SiteUpdateInput extends SiteFieldsInput {
  @Field(() => ID, { description: 'The site to change.' }) id!: string;
  @Field(() => String, { nullable: true }) name?: string;
}

@InputType({ description: 'Names the site to delete.' })
export class SiteDeleteInput {
  @Field(() => ID, { description: 'The site to delete.' }) id!: string;
}

@ObjectType({ description: 'The site after the change, or why it was refused.' })
export class SitePayload {
  @Field(() => Site, { nullable: true, description: 'The site as it now is; null when the change was refused.' }) site!: Site | null;
  @Field(() => [UserError], { description: 'Why the change was refused; empty on success.' }) userErrors!: UserError[];
}

@ObjectType({ description: 'The result of deleting the site.' })
export class SiteDeletePayload {
  @Field(() => ID, { nullable: true, description: 'The id of the deleted site; null when nothing was deleted.' }) deletedId!: string | null;
  @Field(() => [UserError], { description: 'Why the delete was refused; empty on success.' }) userErrors!: UserError[];
}

// ---------------------------------------------------------------- listing

@InputType({ description: 'Conditions on the site objects to list; all given ones must hold.' })
export class SiteFilterInput {
  @Field(() => String, { nullable: true, description: 'Part of the name, any case.' }) name?: string | null;
  @Field(() => [SiteStatus], { nullable: true }) status?: SiteStatus[] | null;
  @Field(() => [SiteType], { nullable: true }) siteType?: SiteType[] | null;
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
  @Field(() => SortDirection, { nullable: true }) direction?: SortDirection;
}
