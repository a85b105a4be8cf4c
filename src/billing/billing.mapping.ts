/** Between the GraphQL shapes and the services': ids are global. */
import { addressOf, fromAddressInput, type AddressColumns } from '../graphql/address';
import { asNode } from '../graphql/node';
import { optionalIdOf, idOf } from '../graphql/ids';
import type { InvoiceFilter, InvoiceLineRow, InvoiceRow, PayInvoiceInput } from './invoice.service';
import { balanceDue } from './invoice.service';
import type { Invoice, InvoiceFilterInput, InvoiceLine, InvoicePayInput } from './invoice.types';
import type { BankAccountRow, BankDetailsInput, BankTokenInput, CardInput, CreditCardRow } from './payment-instrument.service';
import type { BankAccount, BankAccountCreateFromDetailsInput, BankAccountCreateInput, CreditCard, CreditCardCreateInput } from './payment-instrument.types';
import type { PlanChangeRow } from './plan-change.service';
import type { GracePeriodRow } from './grace-period.service';
import type { PaymentCollectionRow } from './collection.service';
import type { GracePeriod, PlanChange } from './plan-change.types';
import type { PaymentCollection } from './payment-collection.types';
import type { PaymentFilter, PaymentRow } from './payment.service';
import type { Payment, PaymentFilterInput } from './payment.types';
import type { RefundFilter, RefundRow } from './refund.service';
import type { Refund, RefundFilterInput } from './refund.types';
import type { SubscriptionFilter, SubscriptionInput, SubscriptionRow } from './subscription.service';
import { isActive } from './subscription.service';
import type { Subscription, SubscriptionCreateInput, SubscriptionFilterInput } from './subscription.types';

// ---------------------------------------------------------------- rows to objects

export const toSubscription = (row: SubscriptionRow): Subscription => ({ ...asNode('Subscription', row), active: isActive(row) }) as unknown as Subscription;
export const toInvoice = (row: InvoiceRow): Invoice => ({ ...asNode('Invoice', row), balanceDue: balanceDue(row) }) as unknown as Invoice;
export const toInvoiceLine = (row: InvoiceLineRow): InvoiceLine => asNode('InvoiceLine', row) as unknown as InvoiceLine;
export const toPayment = (row: PaymentRow): Payment => asNode('Payment', row) as unknown as Payment;

/** The token is never selected; dropping it here too keeps it out even if a caller passes a full row. */
export function toCreditCard(row: CreditCardRow): CreditCard {
  const { token: _token, ...rest } = row as CreditCardRow & { token?: string };
  return { ...asNode('CreditCard', rest), address: addressOf(row, CARD_ADDRESS) } as unknown as CreditCard;
}

/** Which credit_cards column holds each address part (SIMPLer's names: city, zip). */
export const CARD_ADDRESS: AddressColumns = { street1: 'street1', street2: 'street2', town: 'city', county: 'county', postcode: 'zip', state: 'state', country: 'country' };

export function toBankAccount(row: BankAccountRow): BankAccount {
  const { token: _token, ...rest } = row as BankAccountRow & { token?: string };
  return asNode('BankAccount', rest) as unknown as BankAccount;
}

// ---------------------------------------------------------------- inputs to service shapes

export function fromSubscriptionCreateInput(input: SubscriptionCreateInput): SubscriptionInput {
  return {
    ...input,
    customerId: idOf(input.customerId, 'Customer', ['customerId']),
    planId: idOf(input.planId, 'Plan', ['planId']),
    subPlanId: optionalIdOf(input.subPlanId, 'SubPlan', ['subPlanId']),
    taxZoneId: optionalIdOf(input.taxZoneId, 'TaxZone', ['taxZoneId']),
    validFrom: input.validFrom,
    validTo: input.validTo,
  };
}

export function fromInvoicePayInput(input: InvoicePayInput): PayInvoiceInput {
  return {
    ...input,
    invoiceId: optionalIdOf(input.invoiceId, 'Invoice', ['invoiceId']),
    paymentDate: input.paymentDate,
  };
}

export function subscriptionFilter(filter: SubscriptionFilterInput | null | undefined): SubscriptionFilter {
  return {
    ...filter,
    customerId: optionalIdOf(filter?.customerId, 'Customer', ['filter', 'customerId']),
    planId: optionalIdOf(filter?.planId, 'Plan', ['filter', 'planId']),
  };
}

export function invoiceFilter(filter: InvoiceFilterInput | null | undefined): InvoiceFilter {
  return {
    ...filter,
    customerId: optionalIdOf(filter?.customerId, 'Customer', ['filter', 'customerId']),
    issuedFrom: filter?.issuedFrom,
    issuedTo: filter?.issuedTo,
    dueFrom: filter?.dueFrom,
    dueTo: filter?.dueTo,
  };
}

export function paymentFilter(filter: PaymentFilterInput | null | undefined): PaymentFilter {
  return {
    ...filter,
    customerId: optionalIdOf(filter?.customerId, 'Customer', ['filter', 'customerId']),
    invoiceId: optionalIdOf(filter?.invoiceId, 'Invoice', ['filter', 'invoiceId']),
    paidFrom: filter?.paidFrom,
    paidTo: filter?.paidTo,
  };
}

export const toPlanChange = (row: PlanChangeRow): PlanChange => asNode('PlanChange', row) as unknown as PlanChange;
export const toGracePeriod = (row: GracePeriodRow): GracePeriod => asNode('GracePeriod', row) as unknown as GracePeriod;
export const toPaymentCollection = (row: PaymentCollectionRow): PaymentCollection => asNode('PaymentCollection', row) as unknown as PaymentCollection;

export function fromCreditCardCreateInput(input: CreditCardCreateInput): CardInput {
  const { address, ...rest } = input;
  return { ...rest, ...fromAddressInput(address, CARD_ADDRESS, 'address'), customerId: idOf(input.customerId, 'Customer', ['customerId']) };
}

export function fromBankAccountCreateInput(input: BankAccountCreateInput): BankTokenInput {
  return { ...input, customerId: idOf(input.customerId, 'Customer', ['customerId']), accountType: input.accountType as BankTokenInput['accountType'] };
}

export function fromBankAccountCreateFromDetailsInput(input: BankAccountCreateFromDetailsInput): BankDetailsInput {
  return { ...input, customerId: idOf(input.customerId, 'Customer', ['customerId']) };
}

export const toRefund = (row: RefundRow): Refund => asNode('Refund', row) as unknown as Refund;

export function refundFilter(filter: RefundFilterInput | null | undefined): RefundFilter {
  return {
    ...filter,
    customerId: optionalIdOf(filter?.customerId, 'Customer', ['filter', 'customerId']),
    paymentId: optionalIdOf(filter?.paymentId, 'Payment', ['filter', 'paymentId']),
    refundedFrom: filter?.refundedFrom,
    refundedTo: filter?.refundedTo,
  };
}
