/** The GraphQL shape of payments: the object, filter and ordering. */
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { payloadOf } from '../graphql/payload';
import { UserError } from '../graphql/user-error';
import { PaymentMethod } from '../customers/customer.enums';
import { Node, NumberedNode } from '../graphql/node';
import { DateScalar, DateTimeScalar, DecimalScalar } from '../graphql/scalars';
import { SortDirection } from '../graphql/sort-direction';
import { UPDATED_FROM_DESCRIPTION, UPDATED_TO_DESCRIPTION } from '../sync/updated-range';

@ObjectType('Payment', { implements: Node, description: 'Money received from a customer, against an invoice or on account.' })
export class Payment extends NumberedNode {
  @Field(() => DecimalScalar, { description: 'Amount received.' }) amount!: string;
  @Field(() => DateScalar, { description: 'Day the money was paid.' }) paymentDate!: string;
  @Field(() => PaymentMethod, { description: 'How the money was paid.' }) method!: PaymentMethod;
  @Field(() => String, { nullable: true, description: 'Free-text note about the payment.' }) narrative!: string | null;
  @Field(() => String, { nullable: true, description: 'Bank or gateway transaction id, cheque number.' }) reference!: string | null;
  @Field(() => DateTimeScalar, { description: 'When the payment was recorded.' }) createdAt!: Date;

  /** Internal: foreign keys the relation resolvers follow. */
  customerId!: number;
  invoiceId!: number | null;
}

@InputType({ description: "Filters for payments. On a nested list they narrow the parent's payments further." })
export class PaymentFilterInput {
  @Field(() => ID, { nullable: true, description: "Only this customer's payments." }) customerId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Only payments against this invoice.' }) invoiceId?: string | null;
  @Field(() => PaymentMethod, { nullable: true, description: 'Only payments made this way.' }) method?: PaymentMethod | null;
  @Field(() => DateScalar, { nullable: true, description: 'Paid on or after.' }) paidFrom?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Paid on or before.' }) paidTo?: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: UPDATED_FROM_DESCRIPTION }) updatedFrom?: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: UPDATED_TO_DESCRIPTION }) updatedTo?: Date | null;
}

export enum PaymentOrderField {
  ID = 'ID',
  PAYMENT_DATE = 'PAYMENT_DATE',
  AMOUNT = 'AMOUNT',
}
registerEnumType(PaymentOrderField, {
  name: 'PaymentOrderField',
  description: 'What payments can be ordered by.',
  valuesConfig: {
    ID: { description: 'The order they were recorded in.' },
    PAYMENT_DATE: { description: 'The day the money was paid.' },
    AMOUNT: { description: 'How much was paid.' },
  },
});

@InputType({ description: 'How to order payments.' })
export class PaymentOrder {
  @Field(() => PaymentOrderField, { description: 'What to order by.' }) field!: PaymentOrderField;
  @Field(() => SortDirection, { nullable: true, description: 'Ascending or descending.' }) direction?: SortDirection;
}

@InputType({ description: 'Money received on account, not against an invoice (pay an invoice with invoicePay).' })
export class PaymentCreateInput {
  @Field(() => ID, { description: 'The customer who paid.' }) customerId!: string;
  @Field(() => DecimalScalar, { description: 'More than 0.' }) amount!: string;
  @Field(() => DateScalar, { nullable: true, description: 'Default today.' }) paymentDate?: string | null;
  @Field(() => PaymentMethod, { description: 'How the money was paid.' }) method!: PaymentMethod;
  @Field(() => String, { nullable: true, description: 'Free-text note about the payment.' }) narrative?: string | null;
  @Field(() => String, { nullable: true, description: 'Bank or gateway transaction id, cheque number.' }) reference?: string | null;
}

/** The fields of the payload of paymentCreate: payloadOf below. */
@ObjectType()
export class PaymentPayload {
  @Field(() => Payment, { nullable: true, description: 'The payment as saved; null when refused.' }) payment!: Payment | null;
  @Field(() => [UserError], { description: 'Why the payment was refused; empty on success.' }) userErrors!: UserError[];
}
export const PaymentCreatePayload = payloadOf(PaymentPayload, 'paymentCreate', 'the recorded payment, or why it was refused');

@InputType({ description: 'Which payment to reverse.' })
export class PaymentReverseInput {
  @Field(() => ID, { description: 'A payment recorded in error; not one a field collection recorded.' }) id!: string;
}
