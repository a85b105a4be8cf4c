/** The GraphQL shape of tax zones: the object, its inputs and payload. */
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Node, NumberedNode } from '../graphql/node';
import { payloadOf } from '../graphql/payload';
import { DateTimeScalar, DecimalScalar } from '../graphql/scalars';
import { UserError } from '../graphql/user-error';

@ObjectType('TaxZone', { implements: Node, description: 'A named default tax rate (SIMPLer `tax_zone`).' })
export class TaxZone extends NumberedNode {
  @Field(() => String, { description: 'Name of the zone, unique in the operator.' }) name!: string;
  @Field(() => DecimalScalar, { description: 'Percent, e.g. "23.0000".' }) rate!: string;
  @Field(() => DateTimeScalar, { description: 'When the zone was added.' }) createdAt!: Date;
}

@InputType({ description: 'A new tax zone.' })
export class TaxZoneCreateInput {
  @Field(() => String, { description: 'Unique in the operator.' }) name!: string;
  @Field(() => DecimalScalar, { description: 'Percent, 0 to 100.' }) rate!: string;
}

@InputType({ description: "Changes a tax zone; fields left out stay. Rates already copied to customers' subscriptions and invoices do not change." })
export class TaxZoneUpdateInput {
  @Field(() => ID, { description: 'The tax zone to change.' }) id!: string;
  @Field(() => String, { nullable: true, description: 'Unique in the operator.' }) name?: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Percent, 0 to 100.' }) rate?: string | null;
}

/** The fields of the payload of taxZoneCreate and taxZoneUpdate (each its own type): payloadOf below. */
@ObjectType()
export class TaxZonePayload {
  @Field(() => TaxZone, { nullable: true, description: 'The tax zone as saved; null when refused.' }) taxZone!: TaxZone | null;
  @Field(() => [UserError], { description: 'Why the change was refused; empty on success.' }) userErrors!: UserError[];
}
export const TaxZoneCreatePayload = payloadOf(TaxZonePayload, 'taxZoneCreate', 'the new tax zone, or why it was refused');
export const TaxZoneUpdatePayload = payloadOf(TaxZonePayload, 'taxZoneUpdate', 'the tax zone as changed, or why it was refused');
