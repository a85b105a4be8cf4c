/** The GraphQL shape of tax zones. */
import { Field, ObjectType } from 'type-graphql';
import { Node } from '../graphql/node';
import { DateTimeScalar, DecimalScalar } from '../graphql/scalars';

@ObjectType('TaxZone', { implements: Node, description: 'A named default tax rate (SIMPLer `tax_zone`).' })
export class TaxZone extends Node {
  @Field(() => String) name!: string;
  @Field(() => DecimalScalar, { description: 'Percent, e.g. "23.0000".' }) rate!: string;
  @Field(() => DateTimeScalar) createdAt!: Date;
}
