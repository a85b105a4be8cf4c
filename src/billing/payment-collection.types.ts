/** The GraphQL shape of field payment collections (Jaze E21–E25, E39). */
import { Customer } from '../customers/customer.types';
import { payloadOf } from '../graphql/payload';
import { StaffUser } from '../tenancy/staff-user.types';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { SortDirection } from '../graphql/sort-direction';
import { Node, NumberedNode } from '../graphql/node';
import { DateScalar, DateTimeScalar, DecimalScalar } from '../graphql/scalars';
import { UserError } from '../graphql/user-error';
import { CollectionOutcome, PaymentCollectionMethod, PaymentCollectionStatus } from './billing.enums';
import { Payment } from './payment.types';
import { IDEMPOTENCY_KEY_DESCRIPTION } from '../idempotency/describe';

@ObjectType('PaymentCollection', { implements: Node, description: "A payment collected at the customer's door, and its approval." })
export class PaymentCollection extends NumberedNode {
  @Field(() => PaymentCollectionStatus, { description: 'Where the collection stands.' }) status!: PaymentCollectionStatus;
  @Field(() => DecimalScalar, { nullable: true, description: 'Amount the collector reported; null when nothing was collected.' }) amount!: string | null;
  @Field(() => PaymentCollectionMethod, { nullable: true, description: 'How the money was taken; null when nothing was collected.' }) method!: PaymentCollectionMethod | null;
  @Field(() => String, { nullable: true, description: 'Bank of the cheque.' }) bank!: string | null;
  @Field(() => String, { nullable: true, description: 'Cheque number.' }) chequeNumber!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Date on the cheque.' }) chequeDate!: string | null;
  @Field(() => String, { nullable: true, description: 'Only the last four digits of a card are ever kept.' }) cardLast4!: string | null;
  @Field(() => String, { nullable: true, description: 'Card expiry, MM/YY or MM/YYYY.' }) cardExpiration!: string | null;
  @Field(() => String, { nullable: true, description: "Notes on the collection, with a refusal's reason." }) notes!: string | null;
  @Field(() => String, { nullable: true, description: '"none" or a banknote value.' }) bringChangeFor!: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the collection was approved or refused; null until then.' }) decidedAt!: Date | null;
  @Field(() => DateTimeScalar, { description: 'When the collection was requested.' }) createdAt!: Date;

  /** Internal. */
  customerId!: number;
  paymentId!: number | null;
}

@InputType({ description: 'Ask for a collector to come (Jaze payment_collection_request).' })
export class PaymentCollectionRequestInput {
  @Field(() => ID, { description: 'The customer to collect from.' }) customerId!: string;
  @Field(() => String, { nullable: true, description: '"none" (default) or a banknote value such as "500".' }) bringChangeFor?: string | null;
}

@InputType({ description: "The collector's report (Jaze collect_user_payment). Cards: the last four digits only." })
export class PaymentCollectionCollectInput {
  @Field(() => ID, { description: 'The customer collected from.' }) customerId!: string;
  @Field(() => DecimalScalar, { nullable: true, description: 'Required when the payment was collected.' }) amount?: string | null;
  @Field(() => CollectionOutcome, { description: 'What the collector found (Jaze statusOfCollection).' }) statusOfCollection!: CollectionOutcome;
  @Field(() => PaymentCollectionMethod, { nullable: true, description: 'Required when the payment was collected.' }) method?: PaymentCollectionMethod | null;
  @Field(() => String, { nullable: true, description: 'Required for a cheque.' }) bank?: string | null;
  @Field(() => String, { nullable: true, description: 'Required for a cheque.' }) chequeNumber?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Required for a cheque.' }) chequeDate?: string | null;
  @Field(() => String, { nullable: true, description: 'Required for cards: exactly four digits.' }) cardLast4?: string | null;
  @Field(() => String, { nullable: true, description: 'Required for cards: MM/YY or MM/YYYY.' }) cardExpiration?: string | null;
  @Field(() => String, { nullable: true, description: "The collector's notes." }) notes?: string | null;
  @Field(() => ID, { nullable: true, description: 'The staff user who collected; default: the acting staff user.' }) collectorId?: string | null;
  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey?: string | null;
}

@InputType({ description: 'Approve a collected payment (Jaze collection_approval).' })
export class PaymentCollectionApproveInput {
  @Field(() => ID, { description: 'The customer the collection is for.' }) customerId!: string;
  @Field(() => ID, { description: 'The collection to approve; it must be collected.' }) collectionId!: string;
  @Field(() => DecimalScalar, { description: 'The approved amount (Jaze amount), more than 0.' }) amount!: string;
  @Field(() => Boolean, { nullable: true, description: "Settle the customer's oldest open invoices first (default true); the rest is on account." })
  applyToInvoices?: boolean | null;
  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey?: string | null;
}

@InputType({ description: 'Refuse a collection (Jaze collection_disapproval).' })
export class PaymentCollectionDisapproveInput {
  @Field(() => ID, { description: 'The customer the collection is for.' }) customerId!: string;
  @Field(() => ID, { description: 'The collection to refuse.' }) collectionId!: string;
  @Field(() => String, { nullable: true, description: 'Why it was refused; added to the notes.' }) reason?: string | null;
}

/** The fields of the payload of paymentCollectionCollect, paymentCollectionDisapprove and paymentCollectionRequest (each its own type): payloadOf below. */
@ObjectType()
export class PaymentCollectionPayload {
  @Field(() => PaymentCollection, { nullable: true, description: 'The collection as saved; null when refused.' }) paymentCollection!: PaymentCollection | null;
  @Field(() => [UserError], { description: 'Why the action was refused; empty on success.' }) userErrors!: UserError[];
}
export const PaymentCollectionCollectPayload = payloadOf(PaymentCollectionPayload, 'paymentCollectionCollect', 'the payment collection marked collected, or why it was refused');
export const PaymentCollectionDisapprovePayload = payloadOf(PaymentCollectionPayload, 'paymentCollectionDisapprove', 'the disapproved payment collection, or why it was refused');
export const PaymentCollectionRequestPayload = payloadOf(PaymentCollectionPayload, 'paymentCollectionRequest', 'the new payment collection request, or why it was refused');

@ObjectType({ description: 'The result of approving a collection.' })
export class PaymentCollectionApprovePayload {
  @Field(() => PaymentCollection, { nullable: true, description: 'The collection as saved; null when refused.' }) paymentCollection!: PaymentCollection | null;
  @Field(() => [Payment], { nullable: true, description: 'The payments recorded, one per invoice settled plus any amount on account.' }) payments!: Payment[] | null;
  @Field(() => [UserError], { description: 'Why the action was refused; empty on success.' }) userErrors!: UserError[];
}

@InputType({ description: 'Puts a customer on a staff member\'s collection round (Jaze assign_users_to_admin); replaces any other collector.' })
export class CustomerCollectorAssignInput {
  @Field(() => ID, { description: 'The customer to put on the round.' }) customerId!: string;
  @Field(() => ID, { description: 'The collector: a staff user with role collector, manager or admin.' }) collectorId!: string;
}

@ObjectType({ description: 'The result of assigning a collector.' })
export class CustomerCollectorAssignPayload {
  @Field(() => Customer, { nullable: true, description: 'The customer; null when refused.' }) customer!: Customer | null;
  @Field(() => StaffUser, { nullable: true, description: 'The collector now assigned.' }) collector!: StaffUser | null;
  @Field(() => [StaffUser], { nullable: true, description: 'Collectors the customer was taken from.' }) previousCollectors!: StaffUser[] | null;
  @Field(() => [UserError], { description: 'Why the assignment was refused; empty on success.' }) userErrors!: UserError[];
}

export enum PaymentCollectionOrderField {
  ID = 'ID',
  CREATED_AT = 'CREATED_AT',
  DECIDED_AT = 'DECIDED_AT',
}
registerEnumType(PaymentCollectionOrderField, {
  name: 'PaymentCollectionOrderField',
  description: 'What field collections can be ordered by; ties in the order they were requested.',
  valuesConfig: {
    ID: { description: 'The order they were requested in.' },
    CREATED_AT: { description: 'When they were requested.' },
    DECIDED_AT: { description: 'When they were approved or disapproved; those not decided yet come first descending, last ascending.' },
  },
});

@InputType({ description: 'How to sort a list of payment collection objects.' })
export class PaymentCollectionOrder {
  @Field(() => PaymentCollectionOrderField, { description: 'What to order by.' }) field!: PaymentCollectionOrderField;
  @Field(() => SortDirection, { nullable: true, description: 'DESC when omitted (newest first).' }) direction?: SortDirection;
}
