/** The GraphQL shape of renewals (Jaze get_renewal_details) and overage allowances (SIMPLer getOverageAllowances). */
import { Field, ObjectType } from 'type-graphql';
import { Customer } from '../customers/customer.types';
import { Node } from '../graphql/node';
import { DateScalar, DateTimeScalar, DecimalScalar } from '../graphql/scalars';

@ObjectType('Renewal', { implements: Node, description: "One renewal of a customer's service: the period bought, the plan and the amount." })
export class Renewal extends Node {
  @Field(() => String, { nullable: true, description: 'e.g. "30 days", as recorded.' }) renewalPeriod!: string | null;
  @Field(() => DecimalScalar) amount!: string;
  @Field(() => DecimalScalar, { nullable: true }) planRate!: string | null;
  @Field(() => DecimalScalar, { nullable: true }) taxAmount!: string | null;
  @Field(() => DateScalar, { nullable: true }) activeSince!: string | null;
  @Field(() => DateScalar, { nullable: true }) activeUntil!: string | null;
  @Field(() => String, { nullable: true }) notes!: string | null;
  @Field(() => String, { nullable: true, description: 'Who renewed it, as recorded.' }) performedBy!: string | null;
  @Field(() => DateTimeScalar) createdAt!: Date;

  previousPlanId!: number | null;
  presentPlanId!: number | null;
}

@ObjectType('OverageAllowance', { implements: Node, description: 'Extra traffic granted to a customer beyond the plan.' })
export class OverageAllowance extends Node {
  @Field(() => DecimalScalar, { description: 'Traffic granted, GB.' }) trafficLimitGb!: string;
  @Field(() => DecimalScalar, { nullable: true, description: 'Traffic used of it, GB.' }) usedGb!: string | null;
  @Field(() => String, { nullable: true }) method!: string | null;
  @Field(() => DateTimeScalar) createdAt!: Date;
}

@ObjectType({ description: "A customer on a collector's round, with what it owes." })
export class CollectionRoundEntry {
  @Field(() => Customer) customer!: Customer;
  @Field(() => DecimalScalar, { nullable: true, description: 'Unpaid part of open invoices; null when none is open.' }) balance!: string | null;
}

