/** The GraphQL shape of payments: the object, filter and ordering. */
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { UserError } from '../graphql/user-error';
import { PaymentMethod } from '../customers/customer.enums';
import { Node } from '../graphql/node';
import { DateScalar, DateTimeScalar, DecimalScalar } from '../graphql/scalars';
import { SortDirection } from '../graphql/sort-direction';
import { UPDATED_FROM_DESCRIPTION, UPDATED_TO_DESCRIPTION } from '../sync/updated-range';

@ObjectType('Payment', { implements: Node, description: 'Money received from a customer, against an invoice or on account.' })
export class Payment extends Node {
  @Field(() => DecimalScalar) amount!: string;
  @Field(() => DateScalar) paymentDate!: string;
  @Field(() => PaymentMethod) method!: PaymentMethod;
  @Field(() => String, { nullable: true }) narrative!: string | null;
  @Field(() => String, { nullable: true, description: 'Bank or gateway transaction id, cheque number.' }) reference!: string | null;
  @Field(() => DateTimeScalar) createdAt!: Date;

  /** Internal: foreign keys the relation resolvers follow. */
  customerId!: number;
  invoiceId!: number | null;
}

@InputType({ description: "Filters for payments. On a nested list they narrow the parent's payments further." })
export class PaymentFilterInput {
  @Field(() => ID, { nullable: true }) customerId?: string | null;
  @Field(() => ID, { nullable: true }) invoiceId?: string | null;
  @Field(() => PaymentMethod, { nullable: true }) method?: PaymentMethod | null;
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

@InputType()
export class PaymentOrder {
  @Field(() => PaymentOrderField) field!: PaymentOrderField;
  @Field(() => SortDirection, { nullable: true }) direction?: SortDirection;
}

@InputType({ description: 'Money received on account, not against an invoice (pay an invoice with invoicePay).' })
export class PaymentCreateInput {
  @Field(() => ID) customerId!: string;
  @Field(() => DecimalScalar, { description: 'More than 0.' }) amount!: string;
  @Field(() => DateScalar, { nullable: true, description: 'Default today.' }) paymentDate?: string | null;
  @Field(() => PaymentMethod) method!: PaymentMethod;
  @Field(() => String, { nullable: true }) narrative?: string | null;
  @Field(() => String, { nullable: true, description: 'Bank or gateway transaction id, cheque number.' }) reference?: string | null;
}

@ObjectType()
export class PaymentPayload {
  @Field(() => Payment, { nullable: true }) payment!: Payment | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@InputType()
export class PaymentReverseInput {
  @Field(() => ID, { description: 'A payment recorded in error; not one a field collection recorded.' }) id!: string;
}
