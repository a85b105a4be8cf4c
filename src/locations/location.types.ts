/** The GraphQL shape of the operator's address book: areas, their streets, and buildings on them. */
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Customer } from '../customers/customer.types';
import { payloadOf } from '../graphql/payload';
import { UserError } from '../graphql/user-error';
import { Node, NumberedNode } from '../graphql/node';
import { DateTimeScalar } from '../graphql/scalars';
import { GeoPoint } from '../graphql/geo-point';
import { SortDirection } from '../graphql/sort-direction';

export enum StreetOrderField {
  ID = 'ID',
  NAME = 'NAME',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(StreetOrderField, {
  name: 'StreetOrderField',
  description: 'What streets can be ordered by; ties in the order they were recorded.',
  valuesConfig: {
    ID: { description: 'The order they were recorded in.' },
    NAME: { description: 'The street name.' },
    CREATED_AT: { description: 'When they were recorded.' },
  },
});

@InputType({ description: 'How to sort a list of street objects.' })
export class StreetOrder {
  @Field(() => StreetOrderField, { description: 'What to order by.' }) field!: StreetOrderField;
  @Field(() => SortDirection, { nullable: true, description: 'ASC when omitted (A to Z by name).' }) direction?: SortDirection;
}

export enum BuildingOrderField {
  ID = 'ID',
  NAME = 'NAME',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(BuildingOrderField, {
  name: 'BuildingOrderField',
  description: 'What buildings can be ordered by; ties in the order they were recorded.',
  valuesConfig: {
    ID: { description: 'The order they were recorded in.' },
    NAME: { description: 'The building name.' },
    CREATED_AT: { description: 'When they were recorded.' },
  },
});

@InputType({ description: 'How to sort a list of building objects.' })
export class BuildingOrder {
  @Field(() => BuildingOrderField, { description: 'What to order by.' }) field!: BuildingOrderField;
  @Field(() => SortDirection, { nullable: true, description: 'ASC when omitted (A to Z by name).' }) direction?: SortDirection;
}

@ObjectType('Area', { implements: Node, description: 'Top level of the address book (Jaze collection area).' })
export class Area extends NumberedNode {
  @Field(() => String, { description: 'The area name.' }) name!: string;
  @Field(() => String, { nullable: true, description: 'An operator-side code or note.' }) internal!: string | null;
  @Field(() => DateTimeScalar, { description: 'When the area was recorded.' }) createdAt!: Date;
}

@ObjectType('Street', { implements: Node, description: 'A street within an area.' })
export class Street extends NumberedNode {
  @Field(() => String, { description: 'The street name.' }) name!: string;
  @Field(() => String, { nullable: true, description: 'An operator-side code or note.' }) internal!: string | null;
  @Field(() => DateTimeScalar, { description: 'When the street was recorded.' }) createdAt!: Date;

  areaId!: number;
}

@ObjectType('Building', { implements: Node, description: 'A building (block) on a street.' })
export class Building extends NumberedNode {
  @Field(() => String, { description: 'The building name.' }) name!: string;
  @Field(() => String, { nullable: true, description: 'An operator-side code or note.' }) internal!: string | null;
  @Field(() => DateTimeScalar, { description: 'When the building was recorded.' }) createdAt!: Date;

  streetId!: number;
}

@ObjectType({ description: "Where a customer is: their place in the address book and their coordinates." })
export class CustomerLocation {
  @Field(() => Area, { nullable: true, description: 'The customer\'s area; null when not set.' }) area!: Area | null;
  @Field(() => Street, { nullable: true, description: 'The customer\'s street; null when not set.' }) street!: Street | null;
  @Field(() => Building, { nullable: true, description: 'The customer\'s building; null when not set.' }) building!: Building | null;
  @Field(() => GeoPoint, { nullable: true, description: 'The customer\'s position (Customer.coordinates); null when unknown.' }) coordinates!: GeoPoint | null;
}

// ---------------------------------------------------------------- writes

@InputType({ description: 'A new area (Jaze add_area).' })
export class AreaCreateInput {
  @Field(() => String, { description: 'Unique within the operator.' }) name!: string;
  @Field(() => String, { nullable: true, description: 'An operator-side code or note.' }) internal?: string | null;
}

@InputType({ description: 'Changes to an area; omitted fields keep their value.' })
export class AreaUpdateInput {
  @Field(() => ID, { description: 'The area to change.' }) id!: string;
  @Field(() => String, { nullable: true, description: 'Unique within the operator.' }) name?: string;
  @Field(() => String, { nullable: true, description: 'null clears.' }) internal?: string | null;
}

@InputType({ description: 'A new street in an area (Jaze add_street).' })
export class StreetCreateInput {
  @Field(() => ID, { description: 'The area the street is in.' }) areaId!: string;
  @Field(() => String, { description: 'Unique within the area.' }) name!: string;
  @Field(() => String, { nullable: true, description: 'An operator-side code or note.' }) internal?: string | null;
}

@InputType({ description: 'Changes to a street; moving it to another area moves the customers on it along.' })
export class StreetUpdateInput {
  @Field(() => ID, { description: 'The street to change.' }) id!: string;
  @Field(() => ID, { nullable: true, description: 'Moves the street to this area.' }) areaId?: string;
  @Field(() => String, { nullable: true, description: 'Unique within the area.' }) name?: string;
  @Field(() => String, { nullable: true, description: 'null clears.' }) internal?: string | null;
}

@InputType({ description: 'A new building on a street (Jaze add_block).' })
export class BuildingCreateInput {
  @Field(() => ID, { description: 'The street the building is on.' }) streetId!: string;
  @Field(() => String, { description: 'Unique on the street.' }) name!: string;
  @Field(() => String, { nullable: true, description: 'An operator-side code or note.' }) internal?: string | null;
}

@InputType({ description: 'Changes to a building; moving it to another street moves the customers in it along.' })
export class BuildingUpdateInput {
  @Field(() => ID, { description: 'The building to change.' }) id!: string;
  @Field(() => ID, { nullable: true, description: 'Moves the building to this street.' }) streetId?: string;
  @Field(() => String, { nullable: true, description: 'Unique on the street.' }) name?: string;
  @Field(() => String, { nullable: true, description: 'null clears.' }) internal?: string | null;
}

@InputType({ description: "Sets a customer's place in the address book as a whole: parts left out are cleared. A street needs its area, a building its street." })
export class CustomerLocationUpdateInput {
  @Field(() => ID, { description: 'The customer to place.' }) customerId!: string;
  @Field(() => ID, { nullable: true, description: 'The customer\'s area; null or omitted clears it.' }) areaId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Must be in the area.' }) streetId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Must be on the street.' }) buildingId?: string | null;
}

/** The fields of the payload of areaCreate and areaUpdate (each its own type): payloadOf below. */
@ObjectType()
export class AreaPayload {
  @Field(() => Area, { nullable: true, description: 'The area as it now is; null when the change was refused.' }) area!: Area | null;
  @Field(() => [UserError], { description: 'Why the change was refused; empty on success.' }) userErrors!: UserError[];
}
export const AreaCreatePayload = payloadOf(AreaPayload, 'areaCreate', 'the new area, or why it was refused');
export const AreaUpdatePayload = payloadOf(AreaPayload, 'areaUpdate', 'the area as changed, or why it was refused');

/** The fields of the payload of streetCreate and streetUpdate (each its own type): payloadOf below. */
@ObjectType()
export class StreetPayload {
  @Field(() => Street, { nullable: true, description: 'The street as it now is; null when the change was refused.' }) street!: Street | null;
  @Field(() => [UserError], { description: 'Why the change was refused; empty on success.' }) userErrors!: UserError[];
}
export const StreetCreatePayload = payloadOf(StreetPayload, 'streetCreate', 'the new street, or why it was refused');
export const StreetUpdatePayload = payloadOf(StreetPayload, 'streetUpdate', 'the street as changed, or why it was refused');

/** The fields of the payload of buildingCreate and buildingUpdate (each its own type): payloadOf below. */
@ObjectType()
export class BuildingPayload {
  @Field(() => Building, { nullable: true, description: 'The building as it now is; null when the change was refused.' }) building!: Building | null;
  @Field(() => [UserError], { description: 'Why the change was refused; empty on success.' }) userErrors!: UserError[];
}
export const BuildingCreatePayload = payloadOf(BuildingPayload, 'buildingCreate', 'the new building, or why it was refused');
export const BuildingUpdatePayload = payloadOf(BuildingPayload, 'buildingUpdate', 'the building as changed, or why it was refused');

/** The fields of the payload of customerLocationUpdate: payloadOf below. */
@ObjectType()
export class CustomerLocationPayload {
  @Field(() => Customer, { nullable: true, description: 'The customer with its new location; null when the change was refused.' }) customer!: Customer | null;
  @Field(() => [UserError], { description: 'Why the change was refused; empty on success.' }) userErrors!: UserError[];
}
export const CustomerLocationUpdatePayload = payloadOf(CustomerLocationPayload, 'customerLocationUpdate', 'the customer with its new location, or why it was refused');
