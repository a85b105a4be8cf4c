/**
 * GraphQL enums for customer fields. Each TypeScript value is the stored database value, so
 * rows pass through unchanged; GraphQL shows the conventional UPPER_CASE names.
 */
import { registerEnumType } from 'type-graphql';

export enum AccessState {
  ACTIVE = 'active',
  PENDING = 'pending',
  PENDING_APPROVAL = 'pending_approval',
  REJECTED = 'rejected',
  EXPIRED = 'expired',
  BLOCKED = 'blocked',
  BLACKLISTED = 'blacklisted',
  SUSPENDED = 'suspended',
  TERMINATED = 'terminated',
  DELETED = 'deleted',
}
registerEnumType(AccessState, {
  name: 'AccessState',
  description: 'Whether the subscriber may use the service now.',
  valuesConfig: {
    ACTIVE: { description: 'May use the service.' },
    PENDING: { description: 'Signed up; service not started yet.' },
    PENDING_APPROVAL: { description: 'Waiting for approval.' },
    REJECTED: { description: 'Refused at approval.' },
    EXPIRED: { description: 'The paid period has ended.' },
    BLOCKED: { description: 'Blocked by the operator.' },
    BLACKLISTED: { description: 'Barred for good.' },
    SUSPENDED: { description: 'Paused, e.g. for non-payment.' },
    TERMINATED: { description: 'Service ended.' },
    DELETED: { description: 'Removed.' },
  },
});

export enum AccountType {
  CUSTOMER_BUSINESS = 'customer_business',
  CUSTOMER_HOME = 'customer_home',
  RESELLER = 'reseller',
  PARTNER = 'partner',
  SUPPLIER = 'supplier',
  COMPETITOR = 'competitor',
  GOV = 'gov',
}
registerEnumType(AccountType, {
  name: 'AccountType',
  description: 'What kind of party an account is.',
  valuesConfig: {
    CUSTOMER_BUSINESS: { description: 'A business customer.' },
    CUSTOMER_HOME: { description: 'A home customer.' },
    RESELLER: { description: 'A reseller.' },
    PARTNER: { description: 'A partner.' },
    SUPPLIER: { description: 'A supplier.' },
    COMPETITOR: { description: 'A competitor.' },
    GOV: { description: 'A government body.' },
  },
});

export enum PaymentMethod {
  CASH = 'cash',
  CHEQUE = 'cheque',
  CREDIT_CARD = 'credit_card',
  DEBIT_CARD = 'debit_card',
  DIRECT_DEBIT = 'direct_debit',
  ONLINE_TRANSFER = 'online_transfer',
  STANDING_ORDER = 'standing_order',
}
registerEnumType(PaymentMethod, {
  name: 'PaymentMethod',
  description: 'How a customer pays.',
  valuesConfig: {
    CASH: { description: 'Cash.' },
    CHEQUE: { description: 'Cheque.' },
    CREDIT_CARD: { description: 'Credit card.' },
    DEBIT_CARD: { description: 'Debit card.' },
    DIRECT_DEBIT: { description: 'Direct debit from a bank account.' },
    ONLINE_TRANSFER: { description: 'A transfer the customer makes online.' },
    STANDING_ORDER: { description: 'A standing order at the customer’s bank.' },
  },
});

export enum InvoiceSendMethod {
  MAIL = 'mail',
  PDF = 'pdf',
  BOTH = 'both',
  NONE = 'none',
}
registerEnumType(InvoiceSendMethod, {
  name: 'InvoiceSendMethod',
  description: 'How invoices reach the customer.',
  valuesConfig: {
    MAIL: { description: 'By post.' },
    PDF: { description: 'As a PDF by email.' },
    BOTH: { description: 'By post and as a PDF by email.' },
    NONE: { description: 'Not sent.' },
  },
});

export enum ReferralFeeStatus {
  NO_FEE = 'no_fee',
  DUE = 'due',
  PRE_PAID = 'pre_paid',
  PAID = 'paid',
}
registerEnumType(ReferralFeeStatus, {
  name: 'ReferralFeeStatus',
  description: 'Whether a referral fee is owed to whoever referred the customer.',
  valuesConfig: {
    NO_FEE: { description: 'No fee.' },
    DUE: { description: 'A fee is due.' },
    PRE_PAID: { description: 'The fee was paid in advance.' },
    PAID: { description: 'The fee has been paid.' },
  },
});

export enum MonitorMode {
  MONITOR = 'monitor',
  NO_MONITOR = 'no_monitor',
  MONITOR_SMS = 'monitor_sms',
  MONITOR_NO_ALERT = 'monitor_no_alert',
}
registerEnumType(MonitorMode, {
  name: 'MonitorMode',
  description: "Whether the customer's connection is monitored, and how alerts go out.",
  valuesConfig: {
    MONITOR: { description: 'Monitored, with alerts.' },
    NO_MONITOR: { description: 'Not monitored.' },
    MONITOR_SMS: { description: 'Monitored, with alerts by SMS.' },
    MONITOR_NO_ALERT: { description: 'Monitored, without alerts.' },
  },
});

export enum IpType {
  PUBLIC = 'public',
  PRIVATE = 'private',
}
registerEnumType(IpType, {
  name: 'IpType',
  description: 'Whether an IP address is reachable from the internet.',
  valuesConfig: {
    PUBLIC: { description: 'A public, internet-routable address.' },
    PRIVATE: { description: 'A private (internal) address.' },
  },
});

export enum TaxMode {
  DEFAULT = 'default',
  FIXED = 'fixed',
  MULTI = 'multi',
}
registerEnumType(TaxMode, {
  name: 'TaxMode',
  description: 'How tax is worked out (SIMPLer tax_mode).',
  valuesConfig: {
    DEFAULT: { description: "The operator's default tax." },
    FIXED: { description: 'A fixed rate, given as `taxRate`.' },
    MULTI: { description: 'Several taxes combined (SIMPLer multi).' },
  },
});

export enum SandStatus {
  OVERRIDE = 'override',
  DEFAULT = 'default',
  OFF = 'off',
  DEFERRED = 'deferred',
}
registerEnumType(SandStatus, {
  name: 'SandStatus',
  description: 'Whether automatic enforcement follows the operator default (SIMPLer sand status).',
  valuesConfig: {
    OVERRIDE: { description: "This customer's own settings apply." },
    DEFAULT: { description: "The operator's default settings apply." },
    OFF: { description: 'No automatic enforcement.' },
    DEFERRED: { description: 'Suspended until the deferral date.' },
  },
});

export enum CustomFieldType {
  TEXT_FIELD = 'textfield',
  TEXT_AREA = 'textarea',
  NUMBER = 'number',
  DATE = 'date',
  CHECKBOX = 'checkbox',
  SELECT = 'select',
}
registerEnumType(CustomFieldType, {
  name: 'CustomFieldType',
  description: 'What a custom field (or custom-table column) holds, and so how it is entered.',
  valuesConfig: {
    TEXT_FIELD: { description: 'One line of text.' },
    TEXT_AREA: { description: 'Several lines of text.' },
    NUMBER: { description: 'A number.' },
    DATE: { description: 'A calendar date, YYYY-MM-DD.' },
    CHECKBOX: { description: 'Yes or no.' },
    SELECT: { description: 'One of the field’s options.' },
  },
});
