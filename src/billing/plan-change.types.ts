/** The GraphQL shape of plan changes (Jaze move_group) and grace periods (add_grace_period). */
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Customer } from '../customers/customer.types';
import { Node } from '../graphql/node';
import { DateScalar, DateTimeScalar } from '../graphql/scalars';
import { UserError } from '../graphql/user-error';
import { PlanChangeTiming } from './billing.enums';

@ObjectType('PlanChange', { implements: Node, description: 'A move of a customer to another plan, applied or waiting for its time.' })
export class PlanChange extends Node {
  @Field(() => PlanChangeTiming) timing!: PlanChangeTiming;
  @Field(() => DateTimeScalar, { description: 'When the change takes (or took) effect.' }) effectiveAt!: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was applied; null while pending.' }) appliedAt!: Date | null;
  @Field(() => Boolean) clearDataUsage!: boolean;
  @Field(() => Boolean) clearPolicies!: boolean;
  @Field(() => Boolean) moveBilling!: boolean;
  @Field(() => DateTimeScalar) createdAt!: Date;

  /** Internal. */
  customerId!: number;
  fromPlanId!: number | null;
  toPlanId!: number;
}

@InputType({ description: 'Move a customer to another plan (Jaze move_group).' })
export class CustomerPlanChangeInput {
  @Field(() => ID) customerId!: string;
  @Field(() => ID, { description: 'An enabled service plan (Jaze groupId).' }) planId!: string;
  @Field(() => PlanChangeTiming) timing!: PlanChangeTiming;
  @Field(() => DateScalar, { nullable: true, description: 'Required for CUSTOM_DATE; today or later.' }) customDate?: string | null;
  @Field(() => Boolean, { nullable: true }) clearDataUsage?: boolean | null;
  @Field(() => Boolean, { nullable: true }) clearPolicies?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'Switch the active recurring subscription to the new plan too.' }) moveBilling?: boolean | null;
}

@ObjectType()
export class CustomerPlanChangePayload {
  @Field(() => PlanChange, { nullable: true }) planChange!: PlanChange | null;
  @Field(() => Customer, { nullable: true, description: 'The customer after the change.' }) customer!: Customer | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@ObjectType('GracePeriod', { implements: Node, description: 'Extra days of service given past expiry.' })
export class GracePeriod extends Node {
  @Field(() => Int) days!: number;
  @Field(() => DateTimeScalar, { nullable: true }) previousExpiresAt!: Date | null;
  @Field(() => DateTimeScalar) newExpiresAt!: Date;
  @Field(() => DateTimeScalar) createdAt!: Date;
}

@InputType({ description: 'Extend a customer’s service (Jaze add_grace_period).' })
export class CustomerGracePeriodCreateInput {
  @Field(() => ID) customerId!: string;
  @Field(() => Int, { description: 'Days added to the later of now and the current expiry.' }) days!: number;
  @Field(() => DateScalar, { nullable: true, description: 'Instead: extend to the end of this day (UTC).' }) expiryDate?: string | null;
}

@ObjectType()
export class CustomerGracePeriodCreatePayload {
  @Field(() => GracePeriod, { nullable: true }) gracePeriod!: GracePeriod | null;
  @Field(() => Customer, { nullable: true }) customer!: Customer | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}
