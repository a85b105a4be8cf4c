/** The GraphQL shape of invoices: the object, its lines, paying, filter and ordering. */
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PaymentMethod } from '../customers/customer.enums';
import { Node, NumberedNode } from '../graphql/node';
import { payloadOf } from '../graphql/payload';
import { DateScalar, DateTimeScalar, DecimalScalar } from '../graphql/scalars';
import { SortDirection } from '../graphql/sort-direction';
import { UserError } from '../graphql/user-error';
import { InvoiceKind, InvoiceStatus } from './billing.enums';
import { Payment } from './payment.types';
import { IDEMPOTENCY_KEY_DESCRIPTION } from '../idempotency/describe';
import { UPDATED_FROM_DESCRIPTION, UPDATED_TO_DESCRIPTION } from '../sync/updated-range';

@ObjectType('Invoice', { implements: Node, description: 'An issued invoice; its totals never change after issue, only what was paid.' })
export class Invoice extends NumberedNode {
  @Field(() => Int, { description: 'SIMPLer invoiceNo, unique per operator.' }) number!: number;
  @Field(() => InvoiceKind, { description: 'How the invoice was raised.' }) kind!: InvoiceKind;
  @Field(() => InvoiceStatus, { description: 'How far the invoice is paid.' }) status!: InvoiceStatus;
  @Field(() => DateScalar, { description: 'Date the invoice was issued.' }) issueDate!: string;
  @Field(() => DateScalar, { description: 'Date payment is due.' }) dueDate!: string;
  @Field(() => DateScalar, { nullable: true, description: 'First day of the service period billed; null when not for a period.' }) periodStart!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Last day of the service period billed; null when not for a period.' }) periodEnd!: string | null;
  @Field(() => DecimalScalar, { description: "Sum of the lines' net amounts, before tax." }) subtotal!: string;
  @Field(() => DecimalScalar, { description: "Sum of the lines' tax." }) taxTotal!: string;
  @Field(() => DecimalScalar, { description: 'Amount invoiced: subtotal plus tax.' }) total!: string;
  @Field(() => DecimalScalar, { description: 'Amount paid against the invoice so far.' }) amountPaid!: string;
  @Field(() => DecimalScalar, { description: 'total − amountPaid, exactly.' }) balanceDue!: string;
  @Field(() => DateTimeScalar, { description: 'When the invoice was recorded.' }) createdAt!: Date;

  /** Internal. */
  customerId!: number;
}

@ObjectType('InvoiceLine', { implements: Node, description: 'One billed item of an invoice: a copy of what was billed, kept when the subscription goes.' })
export class InvoiceLine extends NumberedNode {
  @Field(() => String, { description: 'What was billed, as printed on the invoice.' }) description!: string;
  @Field(() => DecimalScalar, { description: 'Number of units.' }) quantity!: string;
  @Field(() => DecimalScalar, { description: 'Price per unit, before discount and tax.' }) unitPrice!: string;
  @Field(() => DecimalScalar, { description: 'Percent off.' }) discount!: string;
  @Field(() => DecimalScalar, { description: 'Tax rate in percent.' }) taxRate!: string;
  @Field(() => DecimalScalar, { description: 'Amount after discount, before tax.' }) net!: string;
  @Field(() => DecimalScalar, { description: 'Tax on the net amount.' }) tax!: string;
  @Field(() => DecimalScalar, { description: 'Net plus tax.' }) total!: string;

  /** Internal. */
  subscriptionId!: number | null;
}

@InputType({ description: 'A payment against one invoice (SIMPLer payInvoice): give `invoiceId` or `number`.' })
export class InvoicePayInput {
  @Field(() => ID, { nullable: true, description: 'The invoice to pay; or give `number`.' }) invoiceId?: string | null;
  @Field(() => Int, { nullable: true, description: 'SIMPLer invoiceNo.' }) number?: number | null;
  @Field(() => DecimalScalar, { description: 'More than 0 and at most the balance due; overpayment is refused.' }) amount!: string;
  @Field(() => DateScalar, { nullable: true, description: 'Default today.' }) paymentDate?: string | null;
  @Field(() => PaymentMethod, { description: 'How the money was paid.' }) method!: PaymentMethod;
  @Field(() => String, { nullable: true, description: 'Free-text note about the payment.' }) narrative?: string | null;
  @Field(() => String, { nullable: true, description: 'Bank or gateway transaction id, cheque number.' }) reference?: string | null;
  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey?: string | null;
}

@ObjectType({ description: 'The result of paying an invoice.' })
export class InvoicePayPayload {
  @Field(() => Invoice, { nullable: true, description: 'The invoice after the payment.' }) invoice!: Invoice | null;
  @Field(() => Payment, { nullable: true, description: 'The payment recorded; null when refused.' }) payment!: Payment | null;
  @Field(() => [UserError], { description: 'Why the payment was refused; empty on success.' }) userErrors!: UserError[];
}

@InputType({ description: "Filters for invoices. On a nested list they narrow the parent's invoices further." })
export class InvoiceFilterInput {
  @Field(() => ID, { nullable: true, description: "Only this customer's invoices." }) customerId?: string | null;
  @Field(() => [InvoiceStatus], { nullable: true, description: 'Any of these statuses.' }) status?: InvoiceStatus[] | null;
  @Field(() => InvoiceKind, { nullable: true, description: 'Only invoices raised this way.' }) kind?: InvoiceKind | null;
  @Field(() => Int, { nullable: true, description: 'Only the invoice with this number.' }) number?: number | null;
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

@InputType({ description: 'How to order invoices.' })
export class InvoiceOrder {
  @Field(() => InvoiceOrderField, { description: 'What to order by.' }) field!: InvoiceOrderField;
  @Field(() => SortDirection, { nullable: true, description: 'Ascending or descending.' }) direction?: SortDirection;
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

@ObjectType({ description: 'The result of an invoicing run.' })
export class InvoicesGeneratePayload {
  @Field(() => [Invoice], { nullable: true, description: 'The invoices created (empty when nothing was due).' }) invoices!: Invoice[] | null;
  @Field(() => [UserError], { description: 'Why the run was refused; empty on success.' }) userErrors!: UserError[];
}

@InputType({ description: 'One line of an invoice raised by hand, priced as the invoicing run prices lines.' })
export class InvoiceLineInput {
  @Field(() => String, { description: 'What is billed, as printed on the invoice.' }) description!: string;
  @Field(() => Int, { nullable: true, description: 'Whole units, at least 1; default 1.' }) quantity?: number | null;
  @Field(() => DecimalScalar, { description: 'Per unit; negative for a credit line.' }) unitPrice!: string;
  @Field(() => DecimalScalar, { nullable: true, description: 'Percent off, 0 to 100; default 0.' }) discount?: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: "Percent; default the customer's (0 when VAT-exempt)." }) taxRate?: string | null;
}

@InputType({ description: 'An invoice raised by hand (kind MANUAL), numbered in the same sequence as generated ones.' })
export class InvoiceCreateInput {
  @Field(() => ID, { description: 'The customer to invoice.' }) customerId!: string;
  @Field(() => DateScalar, { nullable: true, description: 'Default today.' }) issueDate?: string | null;
  @Field(() => DateScalar, { nullable: true, description: "Not before issueDate; default issueDate plus the customer's credit days." }) dueDate?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'First day of the service period billed, if any.' }) periodStart?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Last day of the service period billed, if any.' }) periodEnd?: string | null;
  @Field(() => [InvoiceLineInput], { description: 'At least one; the total cannot be negative.' }) lines!: InvoiceLineInput[];
}

@InputType({ description: 'Which invoice to void.' })
export class InvoiceVoidInput {
  @Field(() => ID, { description: 'An invoice with nothing paid on it.' }) id!: string;
}

/** The fields of the payload of invoiceCreate and invoiceVoid (each its own type): payloadOf below. */
@ObjectType()
export class InvoicePayload {
  @Field(() => Invoice, { nullable: true, description: 'The invoice as saved; null when refused.' }) invoice!: Invoice | null;
  @Field(() => [UserError], { description: 'Why the change was refused; empty on success.' }) userErrors!: UserError[];
}
export const InvoiceCreatePayload = payloadOf(InvoicePayload, 'invoiceCreate', 'the new invoice, or why it was refused');
export const InvoiceVoidPayload = payloadOf(InvoicePayload, 'invoiceVoid', 'the voided invoice, or why it was refused');

@ObjectType({ description: 'A reversed payment: its id, and the invoice it had paid, which owes the amount again.' })
export class PaymentReversePayload {
  @Field(() => ID, { nullable: true, description: 'Id of the reversed payment; null when refused.' }) reversedPaymentId!: string | null;
  @Field(() => Invoice, { nullable: true, description: 'The invoice after the reversal; null for an on-account payment.' }) invoice!: Invoice | null;
  @Field(() => [UserError], { description: 'Why the reversal was refused; empty on success.' }) userErrors!: UserError[];
}
