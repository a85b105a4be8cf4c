/** The GraphQL shape of subscriptions: the object, its inputs and payloads, filter and ordering. */
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { TaxMode } from '../customers/customer.enums';
import { Node, NumberedNode } from '../graphql/node';
import { payloadOf } from '../graphql/payload';
import { DateScalar, DateTimeScalar, DecimalScalar } from '../graphql/scalars';
import { SortDirection } from '../graphql/sort-direction';
import { UserError } from '../graphql/user-error';
import { SubscriptionRounding, SubscriptionType } from './billing.enums';
import { UPDATED_FROM_DESCRIPTION, UPDATED_TO_DESCRIPTION } from '../sync/updated-range';

@ObjectType('Subscription', { implements: Node, description: 'A plan a customer is billed for (SIMPLer subscription).' })
export class Subscription extends NumberedNode {
  @Field(() => SubscriptionType, { description: 'What the subscription bills for.' }) type!: SubscriptionType;
  @Field(() => Int, { description: 'Number of units billed.' }) quantity!: number;
  @Field(() => DecimalScalar, { description: 'Percent off.' }) discount!: string;
  @Field(() => SubscriptionRounding, { description: 'How the line amount is rounded to cents.' }) rounding!: SubscriptionRounding;
  @Field(() => DecimalScalar, { description: 'SIMPLer premium amount, kept as given.' }) premium!: string;
  @Field(() => DecimalScalar, { nullable: true, description: "Price per billing period; null = the plan's price." }) price!: string | null;
  @Field(() => Boolean, { description: "Whether `price` overrides the plan's (SIMPLer price_changed)." }) priceOverridden!: boolean;
  @Field(() => String, { nullable: true, description: "Name printed on its invoice lines; the plan's name unless overridden." }) description!: string | null;
  @Field(() => Boolean, { description: 'SIMPLer description_changed.' }) descriptionOverridden!: boolean;
  @Field(() => DateScalar, { description: 'Day the subscription starts; also its first billing date.' }) validFrom!: string;
  @Field(() => DateScalar, { nullable: true, description: 'Last day of the subscription; null when open-ended.' }) validTo!: string | null;
  @Field(() => Int, { nullable: true, description: 'Billing cycles to bill; null = unlimited.' }) cycles!: number | null;
  @Field(() => Int, { description: 'Billing cycles invoiced so far.' }) cyclesBilled!: number;
  @Field(() => Int, { description: 'Months billed per cycle.' }) frequencyMonths!: number;
  @Field(() => TaxMode, { description: 'How tax is applied to the subscription.' }) taxMode!: TaxMode;
  @Field(() => DecimalScalar, { nullable: true, description: "Tax rate in percent; null means the customer's rate." }) taxRate!: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Price per overage unit.' }) overage!: string | null;
  @Field(() => String, { nullable: true, description: 'SIMPLer overage formula, kept as given.' }) formula!: string | null;
  @Field(() => Int, { nullable: true, description: 'SIMPLer overage id, kept as given.' }) overageId!: number | null;
  @Field(() => Boolean, { description: 'Whether the subscription is given free; the invoicing run skips it.' }) freeService!: boolean;
  @Field(() => DateScalar, { nullable: true, description: 'Next date the recurring invoicing run bills this.' }) nextBillingDate!: string | null;
  @Field(() => DateTimeScalar, { description: 'When the subscription was recorded.' }) createdAt!: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the subscription was ended; null while it runs.' }) endedAt!: Date | null;
  @Field(() => Boolean, { description: 'Not ended, and `validTo` is empty or not before today (UTC).' }) active!: boolean;

  /** Internal: foreign keys the relation resolvers follow. */
  customerId!: number;
  planId!: number;
  subPlanId!: number | null;
  taxZoneId!: number | null;
}

@InputType({ description: 'A new subscription (SIMPLer addSubscription). Omitted fields take the defaults described.' })
export class SubscriptionCreateInput {
  @Field(() => ID, { description: 'The customer to subscribe.' }) customerId!: string;
  @Field(() => ID, { description: 'The plan (SIMPLer productid); it must be enabled.' }) planId!: string;
  @Field(() => ID, { nullable: true, description: 'A price point of the plan.' }) subPlanId?: string | null;
  @Field(() => SubscriptionType, { nullable: true, description: 'Default RECURRING.' }) type?: SubscriptionType | null;
  @Field(() => Int, { nullable: true, description: 'At least 1; default 1.' }) quantity?: number | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Percent off, 0 to 100; default 0.' }) discount?: string | null;
  @Field(() => SubscriptionRounding, { nullable: true, description: 'How the line amount is rounded; default DEFAULT (half-up).' }) rounding?: SubscriptionRounding | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'SIMPLer premium amount; default 0.' }) premium?: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: "Overrides the plan's price (marks it overridden)." }) price?: string | null;
  @Field(() => String, { nullable: true, description: "Overrides the plan's name (marks it overridden)." }) description?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Default today; also the first billing date.' }) validFrom?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Not before validFrom.' }) validTo?: string | null;
  @Field(() => Int, { nullable: true, description: 'Billing cycles to bill; omit for unlimited.' }) cycles?: number | null;
  @Field(() => Int, { nullable: true, description: "Default: the plan's frequency, else 1." }) frequencyMonths?: number | null;
  @Field(() => ID, { nullable: true, description: "Default: the customer's tax zone." }) taxZoneId?: string | null;
  @Field(() => TaxMode, { nullable: true, description: "Default: the customer's tax mode." }) taxMode?: TaxMode | null;
  @Field(() => DecimalScalar, { nullable: true, description: "Default: the tax zone's rate, else the plan's, else the customer's." }) taxRate?: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Price per overage unit.' }) overage?: string | null;
  @Field(() => String, { nullable: true, description: 'SIMPLer overage formula, kept as given.' }) formula?: string | null;
  @Field(() => Int, { nullable: true, description: 'SIMPLer overage id, kept as given.' }) overageId?: number | null;
  @Field(() => Boolean, { nullable: true, description: 'Give the subscription free; the invoicing run skips it.' }) freeService?: boolean | null;
}

@InputType({ description: "Changes a subscription's terms. Fields left out stay as they are; null clears where said. Customer, plan and start are fixed." })
export class SubscriptionUpdateInput {
  @Field(() => ID, { description: 'The subscription to change.' }) id!: string;
  @Field(() => Int, { nullable: true, description: 'At least 1.' }) quantity?: number | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Percent off, 0 to 100.' }) discount?: string | null;
  @Field(() => SubscriptionRounding, { nullable: true, description: 'How the line amount is rounded.' }) rounding?: SubscriptionRounding | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'SIMPLer premium amount.' }) premium?: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: "Overrides the plan's price; null goes back to the plan's." }) price?: string | null;
  @Field(() => String, { nullable: true, description: "Overrides the plan's name; null goes back to the plan's." }) description?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Not before validFrom; null: open-ended.' }) validTo?: string | null;
  @Field(() => Int, { nullable: true, description: 'Not fewer than already billed; null: unlimited.' }) cycles?: number | null;
  @Field(() => Int, { nullable: true, description: '1 to 120.' }) frequencyMonths?: number | null;
  @Field(() => ID, { nullable: true, description: 'null clears.' }) taxZoneId?: string | null;
  @Field(() => TaxMode, { nullable: true, description: 'How tax is applied.' }) taxMode?: TaxMode | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'null clears.' }) taxRate?: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'null clears.' }) overage?: string | null;
  @Field(() => String, { nullable: true, description: 'null clears.' }) formula?: string | null;
  @Field(() => Int, { nullable: true, description: 'null clears.' }) overageId?: number | null;
  @Field(() => Boolean, { nullable: true, description: 'Give the subscription free; the invoicing run skips it.' }) freeService?: boolean | null;
}

@InputType({ description: 'Which subscription to delete.' })
export class SubscriptionDeleteInput {
  @Field(() => ID, { description: 'The subscription to delete.' }) id!: string;
}

/** The fields of the payload of subscriptionCreate and subscriptionUpdate (each its own type): payloadOf below. */
@ObjectType()
export class SubscriptionPayload {
  @Field(() => Subscription, { nullable: true, description: 'The subscription as saved; null when refused.' }) subscription!: Subscription | null;
  @Field(() => [UserError], { description: 'Why the change was refused; empty on success.' }) userErrors!: UserError[];
}
export const SubscriptionCreatePayload = payloadOf(SubscriptionPayload, 'subscriptionCreate', 'the new subscription, or why it was refused');
export const SubscriptionUpdatePayload = payloadOf(SubscriptionPayload, 'subscriptionUpdate', 'the subscription as changed, or why it was refused');

@ObjectType({ description: 'The result of deleting a subscription.' })
export class SubscriptionDeletePayload {
  @Field(() => ID, { nullable: true, description: 'Id of the deleted subscription; null when refused.' }) deletedId!: string | null;
  @Field(() => [UserError], { description: 'Why the deletion was refused; empty on success.' }) userErrors!: UserError[];
}

@InputType({ description: 'Filters for subscriptions. On a nested list they narrow the parent\'s subscriptions further.' })
export class SubscriptionFilterInput {
  @Field(() => ID, { nullable: true, description: "Only this customer's subscriptions." }) customerId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Only subscriptions to this plan.' }) planId?: string | null;
  @Field(() => SubscriptionType, { nullable: true, description: 'Only subscriptions of this type.' }) type?: SubscriptionType | null;
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
    UPDATED_AT: { description: 'When they last changed.' },
  },
});

@InputType({ description: 'How to order subscriptions.' })
export class SubscriptionOrder {
  @Field(() => SubscriptionOrderField, { description: 'What to order by.' }) field!: SubscriptionOrderField;
  @Field(() => SortDirection, { nullable: true, description: 'Ascending or descending.' }) direction?: SortDirection;
}
