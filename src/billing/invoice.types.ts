/** The GraphQL shape of invoices: the object, its lines, paying, filter and ordering. */
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PaymentMethod } from '../customers/customer.enums';
import { Node } from '../graphql/node';
import { DateScalar, DateTimeScalar, DecimalScalar } from '../graphql/scalars';
import { SortDirection } from '../graphql/sort-direction';
import { UserError } from '../graphql/user-error';
import { InvoiceKind, InvoiceStatus } from './billing.enums';
import { Payment } from './payment.types';
import { IDEMPOTENCY_KEY_DESCRIPTION } from '../idempotency/describe';
import { UPDATED_FROM_DESCRIPTION, UPDATED_TO_DESCRIPTION } from '../sync/updated-range';

@ObjectType('Invoice', { implements: Node, description: 'An issued invoice; its totals never change after issue, only what was paid.' })
export class Invoice extends Node {
  @Field(() => Int, { description: 'SIMPLer invoiceNo, unique per operator.' }) number!: number;
  @Field(() => InvoiceKind) kind!: InvoiceKind;
  @Field(() => InvoiceStatus) status!: InvoiceStatus;
  @Field(() => DateScalar) issueDate!: string;
  @Field(() => DateScalar) dueDate!: string;
  @Field(() => DateScalar, { nullable: true }) periodStart!: string | null;
  @Field(() => DateScalar, { nullable: true }) periodEnd!: string | null;
  @Field(() => DecimalScalar) subtotal!: string;
  @Field(() => DecimalScalar) taxTotal!: string;
  @Field(() => DecimalScalar) total!: string;
  @Field(() => DecimalScalar) amountPaid!: string;
  @Field(() => DecimalScalar, { description: 'total − amountPaid, exactly.' }) balanceDue!: string;
  @Field(() => DateTimeScalar) createdAt!: Date;

  /** Internal. */
  customerId!: number;
}

@ObjectType('InvoiceLine', { implements: Node, description: 'One billed item of an invoice: a copy of what was billed, kept when the subscription goes.' })
export class InvoiceLine extends Node {
  @Field(() => String) description!: string;
  @Field(() => DecimalScalar) quantity!: string;
  @Field(() => DecimalScalar) unitPrice!: string;
  @Field(() => DecimalScalar, { description: 'Percent off.' }) discount!: string;
  @Field(() => DecimalScalar) taxRate!: string;
  @Field(() => DecimalScalar) net!: string;
  @Field(() => DecimalScalar) tax!: string;
  @Field(() => DecimalScalar) total!: string;

  /** Internal. */
  subscriptionId!: number | null;
}

@InputType({ description: 'A payment against one invoice (SIMPLer payInvoice): give `invoiceId` or `number`.' })
export class InvoicePayInput {
  @Field(() => ID, { nullable: true }) invoiceId?: string | null;
  @Field(() => Int, { nullable: true, description: 'SIMPLer invoiceNo.' }) number?: number | null;
  @Field(() => DecimalScalar, { description: 'More than 0 and at most the balance due; overpayment is refused.' }) amount!: string;
  @Field(() => DateScalar, { nullable: true, description: 'Default today.' }) paymentDate?: string | null;
  @Field(() => PaymentMethod) method!: PaymentMethod;
  @Field(() => String, { nullable: true }) narrative?: string | null;
  @Field(() => String, { nullable: true, description: 'Bank or gateway transaction id, cheque number.' }) reference?: string | null;
  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey?: string | null;
}

@ObjectType()
export class InvoicePayPayload {
  @Field(() => Invoice, { nullable: true, description: 'The invoice after the payment.' }) invoice!: Invoice | null;
  @Field(() => Payment, { nullable: true }) payment!: Payment | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@InputType({ description: "Filters for invoices. On a nested list they narrow the parent's invoices further." })
export class InvoiceFilterInput {
  @Field(() => ID, { nullable: true }) customerId?: string | null;
  @Field(() => [InvoiceStatus], { nullable: true, description: 'Any of these statuses.' }) status?: InvoiceStatus[] | null;
  @Field(() => InvoiceKind, { nullable: true }) kind?: InvoiceKind | null;
  @Field(() => Int, { nullable: true }) number?: number | null;
  @Field(() => DateScalar, { nullable: true, description: 'Issued on or after.' }) issuedFrom?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Issued on or before.' }) issuedTo?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Due on or after.' }) dueFrom?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Due on or before.' }) dueTo?: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: UPDATED_FROM_DESCRIPTION }) updatedFrom?: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: UPDATED_TO_DESCRIPTION }) updatedTo?: Date | null;
}

export enum InvoiceOrderField {
  ID = 'ID',
  NUMBER = 'NUMBER',
  ISSUE_DATE = 'ISSUE_DATE',
  DUE_DATE = 'DUE_DATE',
}
registerEnumType(InvoiceOrderField, {
  name: 'InvoiceOrderField',
  description: 'What invoices can be ordered by.',
  valuesConfig: {
    ID: { description: 'The order they were recorded in.' },
    NUMBER: { description: 'Invoice number.' },
    ISSUE_DATE: { description: 'The day it was issued.' },
    DUE_DATE: { description: 'The day payment is due.' },
  },
});

@InputType()
export class InvoiceOrder {
  @Field(() => InvoiceOrderField) field!: InvoiceOrderField;
  @Field(() => SortDirection, { nullable: true }) direction?: SortDirection;
}

@InputType({ description: 'An invoicing run (SIMPLer generateInvoices).' })
export class InvoicesGenerateInput {
  @Field(() => InvoiceKind, {
    nullable: true,
    description: 'RECURRING (default): bill every subscription whose next billing date has come; NEW: bill subscriptions never billed yet. MANUAL is refused.',
  })
  kind?: InvoiceKind | null;
  @Field(() => ID, { nullable: true, description: 'Bill only this customer.' }) customerId?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Bill what is due on this date and issue invoices on it; default today (UTC).' }) asOf?: string | null;
  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey?: string | null;
}

@ObjectType()
export class InvoicesGeneratePayload {
  @Field(() => [Invoice], { nullable: true, description: 'The invoices created (empty when nothing was due).' }) invoices!: Invoice[] | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@InputType({ description: 'One line of an invoice raised by hand, priced as the invoicing run prices lines.' })
export class InvoiceLineInput {
  @Field(() => String) description!: string;
  @Field(() => Int, { nullable: true, description: 'Whole units, at least 1; default 1.' }) quantity?: number | null;
  @Field(() => DecimalScalar, { description: 'Per unit; negative for a credit line.' }) unitPrice!: string;
  @Field(() => DecimalScalar, { nullable: true, description: 'Percent off, 0 to 100; default 0.' }) discount?: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: "Percent; default the customer's (0 when VAT-exempt)." }) taxRate?: string | null;
}

@InputType({ description: 'An invoice raised by hand (kind MANUAL), numbered in the same sequence as generated ones.' })
export class InvoiceCreateInput {
  @Field(() => ID) customerId!: string;
  @Field(() => DateScalar, { nullable: true, description: 'Default today.' }) issueDate?: string | null;
  @Field(() => DateScalar, { nullable: true, description: "Not before issueDate; default issueDate plus the customer's credit days." }) dueDate?: string | null;
  @Field(() => DateScalar, { nullable: true }) periodStart?: string | null;
  @Field(() => DateScalar, { nullable: true }) periodEnd?: string | null;
  @Field(() => [InvoiceLineInput], { description: 'At least one; the total cannot be negative.' }) lines!: InvoiceLineInput[];
}

@InputType()
export class InvoiceVoidInput {
  @Field(() => ID, { description: 'An invoice with nothing paid on it.' }) id!: string;
}

@ObjectType()
export class InvoicePayload {
  @Field(() => Invoice, { nullable: true }) invoice!: Invoice | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@ObjectType({ description: 'A reversed payment: its id, and the invoice it had paid, which owes the amount again.' })
export class PaymentReversePayload {
  @Field(() => ID, { nullable: true }) reversedPaymentId!: string | null;
  @Field(() => Invoice, { nullable: true, description: 'The invoice after the reversal; null for an on-account payment.' }) invoice!: Invoice | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}
