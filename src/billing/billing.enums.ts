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
registerEnumType(SubscriptionType, {
  name: 'SubscriptionType',
  description: 'What a subscription bills for.',
  valuesConfig: {
    RECURRING: { description: 'A charge every billing cycle.' },
    OVERAGE: { description: 'Usage beyond the allowance, billed from usage rather than per cycle.' },
    RECONNECTION: { description: 'A reconnection charge.' },
  },
});

export enum SubscriptionRounding {
  DEFAULT = 'default',
  UP = 'up',
  DOWN = 'down',
  ARITHMETIC = 'arithmetic',
}
registerEnumType(SubscriptionRounding, {
  name: 'SubscriptionRounding',
  description: 'How the line amount of a subscription is rounded.',
  valuesConfig: {
    DEFAULT: { description: 'To the nearest cent, halves up.' },
    UP: { description: 'Up to the next cent.' },
    DOWN: { description: 'Down to the cent.' },
    ARITHMETIC: { description: 'To the nearest cent, halves up.' },
  },
});

export enum InvoiceKind {
  NEW = 'new',
  RECURRING = 'recurring',
  MANUAL = 'manual',
}
registerEnumType(InvoiceKind, {
  name: 'InvoiceKind',
  description: 'How an invoice was raised (SIMPLer invoice type).',
  valuesConfig: {
    NEW: { description: 'First invoice for subscriptions never billed before.' },
    RECURRING: { description: 'Raised by the recurring invoicing run.' },
    MANUAL: { description: 'Raised by hand.' },
  },
});

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
registerEnumType(CreditCardType, {
  name: 'CreditCardType',
  description: 'The card scheme of a credit card.',
  valuesConfig: {
    VISA: { description: 'Visa.' },
    MASTERCARD: { description: 'Mastercard.' },
    AMERICAN_EXPRESS: { description: 'American Express.' },
    DISCOVER: { description: 'Discover.' },
    OTHER: { description: 'Any other scheme.' },
  },
});

export enum BankAccountType {
  CHECKING = 'checking',
  SAVINGS = 'savings',
  DEFAULT = 'default',
}
registerEnumType(BankAccountType, {
  name: 'BankAccountType',
  description: 'The kind of bank account.',
  valuesConfig: {
    CHECKING: { description: 'A checking (current) account.' },
    SAVINGS: { description: 'A savings account.' },
    DEFAULT: { description: 'Not specified.' },
  },
});

export enum SepaSequenceType {
  FRST = 'frst',
  RCUR = 'rcur',
  OOFF = 'ooff',
  FNAL = 'fnal',
  NA = 'na',
}
registerEnumType(SepaSequenceType, {
  name: 'SepaSequenceType',
  description: 'SEPA direct-debit sequence type (NA: not available / used up).',
  valuesConfig: {
    FRST: { description: 'First debit of a recurring mandate.' },
    RCUR: { description: 'A later debit of a recurring mandate.' },
    OOFF: { description: 'A one-off debit.' },
    FNAL: { description: 'Last debit of a recurring mandate.' },
    NA: { description: 'Not available, or the mandate is used up.' },
  },
});

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
  valuesConfig: {
    IMMEDIATELY: { description: 'Now (Jaze moveImmediately).' },
    PREVIOUS_BILLING_CYCLE: { description: 'From the start of the current billing cycle (Jaze previousBillingCycle).' },
    NEXT_BILLING_CYCLE: { description: 'At the start of the next billing cycle (Jaze nextbillingCycle).' },
    CUSTOM_DATE: { description: 'On a date given with the change (Jaze customDate).' },
  },
});

export enum PaymentCollectionStatus {
  REQUESTED = 'requested',
  CASH_COLLECTED = 'cash_collected',
  NOT_AVAILABLE = 'not_available',
  ALREADY_PAID = 'already_paid',
  APPROVED = 'approved',
  DISAPPROVED = 'disapproved',
}
registerEnumType(PaymentCollectionStatus, {
  name: 'PaymentCollectionStatus',
  description: 'Where a field payment collection stands.',
  valuesConfig: {
    REQUESTED: { description: 'Asked for; the collector has not reported yet.' },
    CASH_COLLECTED: { description: 'The collector took the money; awaiting approval.' },
    NOT_AVAILABLE: { description: 'The collector found nobody to pay.' },
    ALREADY_PAID: { description: 'The customer said it was already paid.' },
    APPROVED: { description: 'Approved; the payment is recorded.' },
    DISAPPROVED: { description: 'Rejected at approval.' },
  },
});

/** The collector's outcome (Jaze statusOfCollection). */
export enum CollectionOutcome {
  CASH_COLLECTED = 'cash_collected',
  NOT_AVAILABLE = 'not_available',
  ALREADY_PAID = 'already_paid',
}
registerEnumType(CollectionOutcome, {
  name: 'CollectionOutcome',
  description: 'What the collector found (Jaze statusOfCollection).',
  valuesConfig: {
    CASH_COLLECTED: { description: 'The money was collected.' },
    NOT_AVAILABLE: { description: 'Nobody was available to pay.' },
    ALREADY_PAID: { description: 'The customer said it was already paid.' },
  },
});

export enum PaymentCollectionMethod {
  CASH = 'cash',
  CHEQUE = 'cheque',
  CREDIT_CARD = 'credit_card',
  DEBIT_CARD = 'debit_card',
}
registerEnumType(PaymentCollectionMethod, {
  name: 'PaymentCollectionMethod',
  description: 'How a collector took the money.',
  valuesConfig: {
    CASH: { description: 'Cash.' },
    CHEQUE: { description: 'Cheque.' },
    CREDIT_CARD: { description: 'Credit card.' },
    DEBIT_CARD: { description: 'Debit card.' },
  },
});
