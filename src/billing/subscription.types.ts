/** The GraphQL shape of subscriptions: the object, its inputs and payloads, filter and ordering. */
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { TaxMode } from '../customers/customer.enums';
import { Node } from '../graphql/node';
import { DateScalar, DateTimeScalar, DecimalScalar } from '../graphql/scalars';
import { SortDirection } from '../graphql/sort-direction';
import { UserError } from '../graphql/user-error';
import { SubscriptionRounding, SubscriptionType } from './billing.enums';
import { UPDATED_FROM_DESCRIPTION, UPDATED_TO_DESCRIPTION } from '../sync/updated-range';

@ObjectType('Subscription', { implements: Node, description: 'A plan a customer is billed for (SIMPLer subscription).' })
export class Subscription extends Node {
  @Field(() => SubscriptionType) type!: SubscriptionType;
  @Field(() => Int) quantity!: number;
  @Field(() => DecimalScalar, { description: 'Percent off.' }) discount!: string;
  @Field(() => SubscriptionRounding) rounding!: SubscriptionRounding;
  @Field(() => DecimalScalar) premium!: string;
  @Field(() => DecimalScalar, { nullable: true, description: "Price per billing period; null = the plan's price." }) price!: string | null;
  @Field(() => Boolean, { description: "Whether `price` overrides the plan's (SIMPLer price_changed)." }) priceOverridden!: boolean;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => Boolean, { description: 'SIMPLer description_changed.' }) descriptionOverridden!: boolean;
  @Field(() => DateScalar) validFrom!: string;
  @Field(() => DateScalar, { nullable: true }) validTo!: string | null;
  @Field(() => Int, { nullable: true, description: 'Billing cycles to bill; null = unlimited.' }) cycles!: number | null;
  @Field(() => Int) cyclesBilled!: number;
  @Field(() => Int) frequencyMonths!: number;
  @Field(() => TaxMode) taxMode!: TaxMode;
  @Field(() => DecimalScalar, { nullable: true }) taxRate!: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Price per overage unit.' }) overage!: string | null;
  @Field(() => String, { nullable: true }) formula!: string | null;
  @Field(() => Int, { nullable: true }) overageId!: number | null;
  @Field(() => Boolean) freeService!: boolean;
  @Field(() => DateScalar, { nullable: true, description: 'Next date the recurring invoicing run bills this.' }) nextBillingDate!: string | null;
  @Field(() => DateTimeScalar) createdAt!: Date;
  @Field(() => DateTimeScalar, { nullable: true }) endedAt!: Date | null;
  @Field(() => Boolean, { description: 'Not ended, and `validTo` is empty or not before today (UTC).' }) active!: boolean;

  /** Internal: foreign keys the relation resolvers follow. */
  customerId!: number;
  planId!: number;
  subPlanId!: number | null;
  taxZoneId!: number | null;
}

@InputType({ description: 'A new subscription (SIMPLer addSubscription). Omitted fields take the defaults described.' })
export class SubscriptionCreateInput {
  @Field(() => ID) customerId!: string;
  @Field(() => ID, { description: 'The plan (SIMPLer productid); it must be enabled.' }) planId!: string;
  @Field(() => ID, { nullable: true, description: 'A price point of the plan.' }) subPlanId?: string | null;
  @Field(() => SubscriptionType, { nullable: true, description: 'Default RECURRING.' }) type?: SubscriptionType | null;
  @Field(() => Int, { nullable: true, description: 'At least 1; default 1.' }) quantity?: number | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Percent off, 0 to 100; default 0.' }) discount?: string | null;
  @Field(() => SubscriptionRounding, { nullable: true }) rounding?: SubscriptionRounding | null;
  @Field(() => DecimalScalar, { nullable: true }) premium?: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: "Overrides the plan's price (marks it overridden)." }) price?: string | null;
  @Field(() => String, { nullable: true, description: "Overrides the plan's name (marks it overridden)." }) description?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Default today; also the first billing date.' }) validFrom?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Not before validFrom.' }) validTo?: string | null;
  @Field(() => Int, { nullable: true }) cycles?: number | null;
  @Field(() => Int, { nullable: true, description: "Default: the plan's frequency, else 1." }) frequencyMonths?: number | null;
  @Field(() => ID, { nullable: true, description: "Default: the customer's tax zone." }) taxZoneId?: string | null;
  @Field(() => TaxMode, { nullable: true, description: "Default: the customer's tax mode." }) taxMode?: TaxMode | null;
  @Field(() => DecimalScalar, { nullable: true, description: "Default: the tax zone's rate, else the plan's, else the customer's." }) taxRate?: string | null;
  @Field(() => DecimalScalar, { nullable: true }) overage?: string | null;
  @Field(() => String, { nullable: true }) formula?: string | null;
  @Field(() => Int, { nullable: true }) overageId?: number | null;
  @Field(() => Boolean, { nullable: true }) freeService?: boolean | null;
}

@InputType({ description: "Changes a subscription's terms. Fields left out stay as they are; null clears where said. Customer, plan and start are fixed." })
export class SubscriptionUpdateInput {
  @Field(() => ID) id!: string;
  @Field(() => Int, { nullable: true, description: 'At least 1.' }) quantity?: number | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Percent off, 0 to 100.' }) discount?: string | null;
  @Field(() => SubscriptionRounding, { nullable: true }) rounding?: SubscriptionRounding | null;
  @Field(() => DecimalScalar, { nullable: true }) premium?: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: "Overrides the plan's price; null goes back to the plan's." }) price?: string | null;
  @Field(() => String, { nullable: true, description: "Overrides the plan's name; null goes back to the plan's." }) description?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Not before validFrom; null: open-ended.' }) validTo?: string | null;
  @Field(() => Int, { nullable: true, description: 'Not fewer than already billed; null: unlimited.' }) cycles?: number | null;
  @Field(() => Int, { nullable: true, description: '1 to 120.' }) frequencyMonths?: number | null;
  @Field(() => ID, { nullable: true, description: 'null clears.' }) taxZoneId?: string | null;
  @Field(() => TaxMode, { nullable: true }) taxMode?: TaxMode | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'null clears.' }) taxRate?: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'null clears.' }) overage?: string | null;
  @Field(() => String, { nullable: true, description: 'null clears.' }) formula?: string | null;
  @Field(() => Int, { nullable: true, description: 'null clears.' }) overageId?: number | null;
  @Field(() => Boolean, { nullable: true }) freeService?: boolean | null;
}

@InputType()
export class SubscriptionDeleteInput {
  @Field(() => ID) id!: string;
}

@ObjectType()
export class SubscriptionPayload {
  @Field(() => Subscription, { nullable: true }) subscription!: Subscription | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@ObjectType()
export class SubscriptionDeletePayload {
  @Field(() => ID, { nullable: true }) deletedId!: string | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@InputType({ description: 'Filters for subscriptions. On a nested list they narrow the parent\'s subscriptions further.' })
export class SubscriptionFilterInput {
  @Field(() => ID, { nullable: true }) customerId?: string | null;
  @Field(() => ID, { nullable: true }) planId?: string | null;
  @Field(() => SubscriptionType, { nullable: true }) type?: SubscriptionType | null;
  @Field(() => Boolean, { nullable: true, description: 'true: active only; false: ended or expired only.' }) active?: boolean | null;
  @Field(() => DateTimeScalar, { nullable: true, description: UPDATED_FROM_DESCRIPTION }) updatedFrom?: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: UPDATED_TO_DESCRIPTION }) updatedTo?: Date | null;
}

export enum SubscriptionOrderField {
  ID = 'ID',
  VALID_FROM = 'VALID_FROM',
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
}
registerEnumType(SubscriptionOrderField, {
  name: 'SubscriptionOrderField',
  description: 'What subscriptions can be ordered by.',
  valuesConfig: {
    ID: { description: 'The order they were recorded in.' },
    VALID_FROM: { description: 'The day the subscription starts.' },
    CREATED_AT: { description: 'When they were added.' },
  },
});

@InputType()
export class SubscriptionOrder {
  @Field(() => SubscriptionOrderField) field!: SubscriptionOrderField;
  @Field(() => SortDirection, { nullable: true }) direction?: SortDirection;
}
