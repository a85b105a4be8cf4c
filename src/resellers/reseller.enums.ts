/**
 * GraphQL enums for resellers and their wallets. Each TypeScript value is the stored database
 * value; the CRM dialect maps its wire words ("ISP+Reseller", "TopUp", "Adj") in its adapter.
 */
import { registerEnumType } from 'type-graphql';

export enum ResellerType {
  RESELLER = 'reseller',
  FRANCHISEE = 'franchisee',
}
registerEnumType(ResellerType, {
  name: 'ResellerType',
  description: 'A franchisee earns commission and may overdraw its wallet up to its credit limit.',
  valuesConfig: {
    RESELLER: { description: 'A plain reseller, without commission or overdraft.' },
    FRANCHISEE: { description: 'A franchisee: earns commission, may overdraw its wallet up to its credit limit.' },
  },
});

export enum ResellerInvoiceBy {
  ISP = 'isp',
  RESELLER = 'reseller',
}
registerEnumType(ResellerInvoiceBy, {
  name: 'ResellerInvoiceBy',
  description: "Who invoices the reseller's customers.",
  valuesConfig: {
    RESELLER: { description: 'The reseller invoices them.' },
    ISP: { description: 'The operator invoices them.' },
  },
});

export enum ResellerPaymentBy {
  ISP = 'isp',
  RESELLER = 'reseller',
  ISP_AND_RESELLER = 'isp_and_reseller',
}
registerEnumType(ResellerPaymentBy, {
  name: 'ResellerPaymentBy',
  description: "Who collects the customers' payments.",
  valuesConfig: {
    RESELLER: { description: 'The reseller collects.' },
    ISP_AND_RESELLER: { description: 'Both the operator and the reseller collect (CRM "ISP+Reseller").' },
    ISP: { description: 'The operator collects.' },
  },
});

export enum WalletTxnCode {
  INVOICE = 'invoice',
  PAYMENT = 'payment',
  TOP_UP = 'topup',
  SETTLEMENT = 'settlement',
  ADJUSTMENT = 'adj',
}
registerEnumType(WalletTxnCode, {
  name: 'WalletTxnCode',
  description: 'What a wallet ledger entry records.',
  valuesConfig: {
    TOP_UP: { description: 'Money added to the wallet (CRM "TopUp").' },
    SETTLEMENT: { description: 'A settlement with the operator.' },
    PAYMENT: { description: 'A payment of one of the reseller\'s customers.' },
    INVOICE: { description: 'An invoice of one of the reseller\'s customers.' },
    ADJUSTMENT: { description: 'A correction by hand, either sign (CRM "Adj").' },
  },
});

/** The changes an operator makes to a wallet by hand (CRM wallet_update `action`). */
export enum WalletAction {
  TOP_UP = 'topup',
  SETTLEMENT = 'settlement',
  ADJUSTMENT = 'adj',
}
registerEnumType(WalletAction, {
  name: 'WalletAction',
  description: 'TOP_UP adds a positive amount; SETTLEMENT takes a positive amount off; ADJUSTMENT adds a signed amount.',
  valuesConfig: {
    TOP_UP: { description: 'Adds a positive amount to the wallet (CRM "TopUp").' },
    SETTLEMENT: { description: 'Takes a positive amount off the wallet.' },
    ADJUSTMENT: { description: 'A signed correction (CRM "Adj").' },
  },
});
