/** The GraphQL shape of the operator's address book: areas, their streets, and buildings on them. */
import { Field, ObjectType } from 'type-graphql';
import { Node } from '../graphql/node';
import { DateTimeScalar, LatitudeScalar, LongitudeScalar } from '../graphql/scalars';

@ObjectType('Area', { implements: Node, description: 'Top level of the address book (Jaze collection area).' })
export class Area extends Node {
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true, description: 'An operator-side code or note.' }) internal!: string | null;
  @Field(() => DateTimeScalar) createdAt!: Date;
}

@ObjectType('Street', { implements: Node, description: 'A street within an area.' })
export class Street extends Node {
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) internal!: string | null;
  @Field(() => DateTimeScalar) createdAt!: Date;

  areaId!: number;
}

@ObjectType('Building', { implements: Node, description: 'A building (block) on a street.' })
export class Building extends Node {
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) internal!: string | null;
  @Field(() => DateTimeScalar) createdAt!: Date;

  streetId!: number;
}

@ObjectType({ description: "Where a customer is: their place in the address book and their coordinates." })
export class CustomerLocation {
  @Field(() => Area, { nullable: true }) area!: Area | null;
  @Field(() => Street, { nullable: true }) street!: Street | null;
  @Field(() => Building, { nullable: true }) building!: Building | null;
  @Field(() => LatitudeScalar, { nullable: true }) latitude!: string | null;
  @Field(() => LongitudeScalar, { nullable: true }) longitude!: string | null;
}
