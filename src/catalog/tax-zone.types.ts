/** The GraphQL shape of tax zones: the object, its inputs and payload. */
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Node } from '../graphql/node';
import { DateTimeScalar, DecimalScalar } from '../graphql/scalars';
import { UserError } from '../graphql/user-error';

@ObjectType('TaxZone', { implements: Node, description: 'A named default tax rate (SIMPLer `tax_zone`).' })
export class TaxZone extends Node {
  @Field(() => String) name!: string;
  @Field(() => DecimalScalar, { description: 'Percent, e.g. "23.0000".' }) rate!: string;
  @Field(() => DateTimeScalar) createdAt!: Date;
}

@InputType({ description: 'A new tax zone.' })
export class TaxZoneCreateInput {
  @Field(() => String, { description: 'Unique in the operator.' }) name!: string;
  @Field(() => DecimalScalar, { description: 'Percent, 0 to 100.' }) rate!: string;
}

@InputType({ description: "Changes a tax zone; fields left out stay. Rates already copied to customers' subscriptions and invoices do not change." })
export class TaxZoneUpdateInput {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => DecimalScalar, { nullable: true }) rate?: string | null;
}

@ObjectType()
export class TaxZonePayload {
  @Field(() => TaxZone, { nullable: true }) taxZone!: TaxZone | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}
