/**
 * GraphQL enums for billing fields. Each TypeScript value is the stored database value, so
 * rows pass through unchanged. PaymentMethod and TaxMode are the customer's (one DB enum each).
 */
import { registerEnumType } from 'type-graphql';

export enum SubscriptionType {
  RECURRING = 'recurring',
  OVERAGE = 'overage',
  RECONNECTION = 'reconnection',
}
registerEnumType(SubscriptionType, { name: 'SubscriptionType' });

export enum SubscriptionRounding {
  DEFAULT = 'default',
  UP = 'up',
  DOWN = 'down',
  ARITHMETIC = 'arithmetic',
}
registerEnumType(SubscriptionRounding, { name: 'SubscriptionRounding', description: 'How the line amount of a subscription is rounded.' });

export enum InvoiceKind {
  NEW = 'new',
  RECURRING = 'recurring',
  MANUAL = 'manual',
}
registerEnumType(InvoiceKind, { name: 'InvoiceKind' });

export enum InvoiceStatus {
  OPEN = 'open',
  PARTIALLY_PAID = 'partially_paid',
  PAID = 'paid',
  VOID = 'void',
}
registerEnumType(InvoiceStatus, {
  name: 'InvoiceStatus',
  description: 'How far an invoice is paid.',
  valuesConfig: {
    OPEN: { description: 'Nothing paid yet.' },
    PARTIALLY_PAID: { description: 'Some paid; a balance is due.' },
    PAID: { description: 'Paid in full.' },
    VOID: { description: 'Cancelled; nothing is due.' },
  },
});

export enum CreditCardType {
  VISA = 'visa',
  MASTERCARD = 'mastercard',
  AMERICAN_EXPRESS = 'american_express',
  DISCOVER = 'discover',
  OTHER = 'other',
}
registerEnumType(CreditCardType, { name: 'CreditCardType' });

export enum BankAccountType {
  CHECKING = 'checking',
  SAVINGS = 'savings',
  DEFAULT = 'default',
}
registerEnumType(BankAccountType, { name: 'BankAccountType' });

export enum SepaSequenceType {
  FRST = 'frst',
  RCUR = 'rcur',
  OOFF = 'ooff',
  FNAL = 'fnal',
  NA = 'na',
}
registerEnumType(SepaSequenceType, { name: 'SepaSequenceType', description: 'SEPA direct-debit sequence type (NA: not available / used up).' });

/** Jaze move_group `type`. */
export enum PlanChangeTiming {
  IMMEDIATELY = 'immediately',
  PREVIOUS_BILLING_CYCLE = 'previous_billing_cycle',
  NEXT_BILLING_CYCLE = 'next_billing_cycle',
  CUSTOM_DATE = 'custom_date',
}
registerEnumType(PlanChangeTiming, {
  name: 'PlanChangeTiming',
  description: 'When a plan change takes effect (Jaze moveImmediately, previousBillingCycle, nextbillingCycle, customDate).',
});

export enum PaymentCollectionStatus {
  REQUESTED = 'requested',
  CASH_COLLECTED = 'cash_collected',
  NOT_AVAILABLE = 'not_available',
  ALREADY_PAID = 'already_paid',
  APPROVED = 'approved',
  DISAPPROVED = 'disapproved',
}
registerEnumType(PaymentCollectionStatus, { name: 'PaymentCollectionStatus' });

/** The collector's outcome (Jaze statusOfCollection). */
export enum CollectionOutcome {
  CASH_COLLECTED = 'cash_collected',
  NOT_AVAILABLE = 'not_available',
  ALREADY_PAID = 'already_paid',
}
registerEnumType(CollectionOutcome, { name: 'CollectionOutcome', description: 'What the collector found (Jaze statusOfCollection).' });

export enum PaymentCollectionMethod {
  CASH = 'cash',
  CHEQUE = 'cheque',
  CREDIT_CARD = 'credit_card',
  DEBIT_CARD = 'debit_card',
}
registerEnumType(PaymentCollectionMethod, { name: 'PaymentCollectionMethod' });
