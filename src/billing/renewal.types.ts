/** The GraphQL shape of renewals (Jaze get_renewal_details) and overage allowances (SIMPLer getOverageAllowances). */
import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { SortDirection } from '../graphql/sort-direction';
import { Customer } from '../customers/customer.types';
import { Node, NumberedNode } from '../graphql/node';
import { DateScalar, DateTimeScalar, DecimalScalar } from '../graphql/scalars';

@ObjectType('Renewal', { implements: Node, description: "One renewal of a customer's service: the period bought, the plan and the amount." })
export class Renewal extends NumberedNode {
  @Field(() => String, { nullable: true, description: 'e.g. "30 days", as recorded.' }) renewalPeriod!: string | null;
  @Field(() => DecimalScalar, { description: 'Amount charged for the renewal.' }) amount!: string;
  @Field(() => DecimalScalar, { nullable: true, description: 'Price of the plan at renewal.' }) planRate!: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Tax charged on the renewal.' }) taxAmount!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Start of the period renewed.' }) activeSince!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'End of the period renewed.' }) activeUntil!: string | null;
  @Field(() => String, { nullable: true, description: 'Notes recorded with the renewal.' }) notes!: string | null;
  @Field(() => String, { nullable: true, description: 'Who renewed it, as recorded.' }) performedBy!: string | null;
  @Field(() => DateTimeScalar, { description: 'When the renewal was recorded.' }) createdAt!: Date;

  previousPlanId!: number | null;
  presentPlanId!: number | null;
}

@ObjectType('OverageAllowance', { implements: Node, description: 'Extra traffic granted to a customer beyond the plan.' })
export class OverageAllowance extends NumberedNode {
  @Field(() => DecimalScalar, { description: 'Traffic granted, GB.' }) trafficLimitGb!: string;
  @Field(() => DecimalScalar, { nullable: true, description: 'Traffic used of it, GB.' }) usedGb!: string | null;
  @Field(() => String, { nullable: true, description: 'How the allowance was given, as recorded (SIMPLer method).' }) method!: string | null;
  @Field(() => DateTimeScalar, { description: 'When the allowance was granted.' }) createdAt!: Date;
}

@ObjectType({ description: "A customer on a collector's round, with what it owes." })
export class CollectionRoundEntry {
  @Field(() => Customer, { description: 'The customer to visit.' }) customer!: Customer;
  @Field(() => DecimalScalar, { nullable: true, description: 'Unpaid part of open invoices; null when none is open.' }) balance!: string | null;
}


export enum RenewalOrderField {
  ID = 'ID',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(RenewalOrderField, {
  name: 'RenewalOrderField',
  description: 'What renewals can be ordered by; ties in the order they were recorded.',
  valuesConfig: {
    ID: { description: 'The order they were recorded in.' },
    CREATED_AT: { description: 'When they were recorded.' },
  },
});

@InputType({ description: 'How to sort a list of renewal objects.' })
export class RenewalOrder {
  @Field(() => RenewalOrderField, { description: 'What to order by.' }) field!: RenewalOrderField;
  @Field(() => SortDirection, { nullable: true, description: 'DESC when omitted (newest first).' }) direction?: SortDirection;
}

export enum OverageAllowanceOrderField {
  ID = 'ID',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(OverageAllowanceOrderField, {
  name: 'OverageAllowanceOrderField',
  description: 'What overage allowances can be ordered by; ties in the order they were recorded.',
  valuesConfig: {
    ID: { description: 'The order they were recorded in.' },
    CREATED_AT: { description: 'When they were recorded.' },
  },
});

@InputType({ description: 'How to sort a list of overage allowance objects.' })
export class OverageAllowanceOrder {
  @Field(() => OverageAllowanceOrderField, { description: 'What to order by.' }) field!: OverageAllowanceOrderField;
  @Field(() => SortDirection, { nullable: true, description: 'ASC when omitted (oldest first).' }) direction?: SortDirection;
}
