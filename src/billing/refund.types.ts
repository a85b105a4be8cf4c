/** The GraphQL shape of refunds: the object, filter, ordering and the paymentRefund action. */
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { PaymentMethod } from '../customers/customer.enums';
import { IDEMPOTENCY_KEY_DESCRIPTION } from '../idempotency/describe';
import { Node, NumberedNode } from '../graphql/node';
import { DateScalar, DateTimeScalar, DecimalScalar } from '../graphql/scalars';
import { SortDirection } from '../graphql/sort-direction';
import { UserError } from '../graphql/user-error';
import { UPDATED_FROM_DESCRIPTION, UPDATED_TO_DESCRIPTION } from '../sync/updated-range';
import { Payment } from './payment.types';

@ObjectType('Refund', { implements: Node, description: 'Money given back to a customer against a payment received, in part or in full.' })
export class Refund extends NumberedNode {
  @Field(() => DecimalScalar, { description: 'Amount given back.' }) amount!: string;
  @Field(() => DateScalar, { description: 'Day the money was given back.' }) refundDate!: string;
  @Field(() => PaymentMethod, { description: 'How the money was given back.' }) method!: PaymentMethod;
  @Field(() => String, { nullable: true, description: 'Why the money was given back.' }) reason!: string | null;
  @Field(() => DateTimeScalar, { description: 'When the refund was recorded.' }) createdAt!: Date;

  /** Internal: foreign keys the relation resolvers follow. */
  customerId!: number;
  paymentId!: number;
  createdByStaffId!: number | null;
}

@InputType({ description: "Filters for refunds. On a nested list they narrow the parent's refunds further." })
export class RefundFilterInput {
  @Field(() => ID, { nullable: true, description: "Only this customer's refunds." }) customerId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Only refunds of this payment.' }) paymentId?: string | null;
  @Field(() => PaymentMethod, { nullable: true, description: 'Only refunds given back this way.' }) method?: PaymentMethod | null;
  @Field(() => DateScalar, { nullable: true, description: 'Refunded on or after.' }) refundedFrom?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Refunded on or before.' }) refundedTo?: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: UPDATED_FROM_DESCRIPTION }) updatedFrom?: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: UPDATED_TO_DESCRIPTION }) updatedTo?: Date | null;
}

export enum RefundOrderField {
  ID = 'ID',
  REFUND_DATE = 'REFUND_DATE',
  AMOUNT = 'AMOUNT',
}
registerEnumType(RefundOrderField, {
  name: 'RefundOrderField',
  description: 'What refunds can be ordered by.',
  valuesConfig: {
    ID: { description: 'The order they were recorded in.' },
    REFUND_DATE: { description: 'The day the money was given back.' },
    AMOUNT: { description: 'How much was given back.' },
  },
});

@InputType({ description: 'How to order refunds.' })
export class RefundOrder {
  @Field(() => RefundOrderField, { description: 'What to order by.' }) field!: RefundOrderField;
  @Field(() => SortDirection, { nullable: true, description: 'Ascending or descending.' }) direction?: SortDirection;
}

@InputType({ description: 'Money to give back against a payment.' })
export class PaymentRefundInput {
  @Field(() => ID, { description: 'The payment the money is given back from.' }) paymentId!: string;
  @Field(() => DecimalScalar, { description: 'More than 0 and at most what is left to refund of the payment (its amount minus earlier refunds).' })
  amount!: string;
  @Field(() => DateScalar, { nullable: true, description: 'Default today.' }) refundDate?: string | null;
  @Field(() => PaymentMethod, { description: 'How the money is given back.' }) method!: PaymentMethod;
  @Field(() => String, { nullable: true, description: 'Why the money is given back; 500 characters at most.' }) reason?: string | null;
  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey?: string | null;
}

@ObjectType({ description: 'The result of refunding a payment.' })
export class PaymentRefundPayload {
  @Field(() => Refund, { nullable: true, description: 'The refund as saved; null when refused.' }) refund!: Refund | null;
  @Field(() => Payment, { nullable: true, description: 'The payment refunded (its `refunds` include the new one); null when refused.' }) payment!: Payment | null;
  @Field(() => [UserError], { description: 'Why the refund was refused; empty on success.' }) userErrors!: UserError[];
}
