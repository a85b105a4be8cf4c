/**
 * GraphQL enums for resellers and their wallets. Each TypeScript value is the stored database
 * value; the CRM dialect maps its wire words ("ISP+Reseller", "TopUp", "Adj") in its adapter.
 */
import { registerEnumType } from 'type-graphql';

export enum ResellerType {
  RESELLER = 'reseller',
  FRANCHISEE = 'franchisee',
}
registerEnumType(ResellerType, { name: 'ResellerType', description: 'A franchisee earns commission and may overdraw its wallet up to its credit limit.' });

export enum ResellerInvoiceBy {
  ISP = 'isp',
  RESELLER = 'reseller',
}
registerEnumType(ResellerInvoiceBy, { name: 'ResellerInvoiceBy', description: "Who invoices the reseller's customers." });

export enum ResellerPaymentBy {
  ISP = 'isp',
  RESELLER = 'reseller',
  ISP_AND_RESELLER = 'isp_and_reseller',
}
registerEnumType(ResellerPaymentBy, { name: 'ResellerPaymentBy', description: "Who collects the customers' payments." });

export enum WalletTxnCode {
  INVOICE = 'invoice',
  PAYMENT = 'payment',
  TOP_UP = 'topup',
  SETTLEMENT = 'settlement',
  ADJUSTMENT = 'adj',
}
registerEnumType(WalletTxnCode, { name: 'WalletTxnCode', description: 'What a wallet ledger entry records.' });

/** The changes an operator makes to a wallet by hand (CRM wallet_update `action`). */
export enum WalletAction {
  TOP_UP = 'topup',
  SETTLEMENT = 'settlement',
  ADJUSTMENT = 'adj',
}
registerEnumType(WalletAction, {
  name: 'WalletAction',
  description: 'TOP_UP adds a positive amount; SETTLEMENT takes a positive amount off; ADJUSTMENT adds a signed amount.',
});
