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
registerEnumType(InvoiceStatus, { name: 'InvoiceStatus' });

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
