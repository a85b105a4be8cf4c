/** The GraphQL shape of plan changes (Jaze move_group) and grace periods (add_grace_period). */
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { SortDirection } from '../graphql/sort-direction';
import { Customer } from '../customers/customer.types';
import { Node, NumberedNode } from '../graphql/node';
import { DateScalar, DateTimeScalar } from '../graphql/scalars';
import { UserError } from '../graphql/user-error';
import { PlanChangeTiming } from './billing.enums';

@ObjectType('PlanChange', { implements: Node, description: 'A move of a customer to another plan, applied or waiting for its time.' })
export class PlanChange extends NumberedNode {
  @Field(() => PlanChangeTiming, { description: 'When the change takes effect.' }) timing!: PlanChangeTiming;
  @Field(() => DateTimeScalar, { description: 'When the change takes (or took) effect.' }) effectiveAt!: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was applied; null while pending.' }) appliedAt!: Date | null;
  @Field(() => Boolean, { description: 'Usage counting starts afresh at the change; session history stays.' }) clearDataUsage!: boolean;
  @Field(() => Boolean, { description: "The customer's bandwidth and vendor-attribute overrides are removed, so the new plan's policy applies." }) clearPolicies!: boolean;
  @Field(() => Boolean, { description: 'The active recurring subscription moves to the new plan too.' }) moveBilling!: boolean;
  @Field(() => DateTimeScalar, { description: 'When the change was requested.' }) createdAt!: Date;

  /** Internal. */
  customerId!: number;
  fromPlanId!: number | null;
  toPlanId!: number;
}

@InputType({ description: 'Move a customer to another plan (Jaze move_group).' })
export class CustomerPlanChangeInput {
  @Field(() => ID, { description: 'The customer to move.' }) customerId!: string;
  @Field(() => ID, { description: 'An enabled service plan (Jaze groupId).' }) planId!: string;
  @Field(() => PlanChangeTiming, { description: 'When the change takes effect.' }) timing!: PlanChangeTiming;
  @Field(() => DateScalar, { nullable: true, description: 'Required for CUSTOM_DATE; today or later.' }) customDate?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Start usage counting afresh at the change (default false).' }) clearDataUsage?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: "Remove the customer's bandwidth and vendor-attribute overrides (default false)." }) clearPolicies?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'Switch the active recurring subscription to the new plan too.' }) moveBilling?: boolean | null;
}

@ObjectType({ description: 'The result of moving a customer to another plan.' })
export class CustomerPlanChangePayload {
  @Field(() => PlanChange, { nullable: true, description: 'The change as recorded; null when refused.' }) planChange!: PlanChange | null;
  @Field(() => Customer, { nullable: true, description: 'The customer after the change.' }) customer!: Customer | null;
  @Field(() => [UserError], { description: 'Why the action was refused; empty on success.' }) userErrors!: UserError[];
}

@ObjectType('GracePeriod', { implements: Node, description: 'Extra days of service given past expiry.' })
export class GracePeriod extends NumberedNode {
  @Field(() => Int, { description: 'Days of service added.' }) days!: number;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Expiry before the grace period; null when there was none.' }) previousExpiresAt!: Date | null;
  @Field(() => DateTimeScalar, { description: 'Expiry after the grace period.' }) newExpiresAt!: Date;
  @Field(() => DateTimeScalar, { description: 'When the grace period was given.' }) createdAt!: Date;
}

@InputType({ description: 'Extend a customer’s service (Jaze add_grace_period).' })
export class CustomerGracePeriodCreateInput {
  @Field(() => ID, { description: 'The customer to extend.' }) customerId!: string;
  @Field(() => Int, { description: 'Days added to the later of now and the current expiry.' }) days!: number;
  @Field(() => DateScalar, { nullable: true, description: 'Instead: extend to the end of this day (UTC).' }) expiryDate?: string | null;
}

@ObjectType({ description: 'The result of giving a grace period.' })
export class CustomerGracePeriodCreatePayload {
  @Field(() => GracePeriod, { nullable: true, description: 'The grace period given; null when refused.' }) gracePeriod!: GracePeriod | null;
  @Field(() => Customer, { nullable: true, description: 'The customer after the extension.' }) customer!: Customer | null;
  @Field(() => [UserError], { description: 'Why the action was refused; empty on success.' }) userErrors!: UserError[];
}

export enum PlanChangeOrderField {
  ID = 'ID',
  EFFECTIVE_AT = 'EFFECTIVE_AT',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(PlanChangeOrderField, {
  name: 'PlanChangeOrderField',
  description: 'What plan changes can be ordered by; ties in the order they were requested.',
  valuesConfig: {
    ID: { description: 'The order they were requested in.' },
    EFFECTIVE_AT: { description: 'When they take effect.' },
    CREATED_AT: { description: 'When they were requested.' },
  },
});

@InputType({ description: 'How to sort a list of plan change objects.' })
export class PlanChangeOrder {
  @Field(() => PlanChangeOrderField, { description: 'What to order by.' }) field!: PlanChangeOrderField;
  @Field(() => SortDirection, { nullable: true, description: 'ASC when omitted (soonest first).' }) direction?: SortDirection;
}

export enum GracePeriodOrderField {
  ID = 'ID',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(GracePeriodOrderField, {
  name: 'GracePeriodOrderField',
  description: 'What grace periods can be ordered by; ties in the order they were recorded.',
  valuesConfig: {
    ID: { description: 'The order they were recorded in.' },
    CREATED_AT: { description: 'When they were recorded.' },
  },
});

@InputType({ description: 'How to sort a list of grace period objects.' })
export class GracePeriodOrder {
  @Field(() => GracePeriodOrderField, { description: 'What to order by.' }) field!: GracePeriodOrderField;
  @Field(() => SortDirection, { nullable: true, description: 'ASC when omitted (oldest first).' }) direction?: SortDirection;
}
