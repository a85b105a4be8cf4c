/** Rows to GraphQL objects for resellers and wallet entries. */
import { asNode } from '../graphql/node';
import type { ResellerRow } from './reseller.service';
import type { Reseller, WalletTransaction } from './reseller.types';
import type { WalletTransactionRow } from './wallet.service';

export function toReseller(row: ResellerRow): Reseller {
  const { deletedAt: _deletedAt, ...visible } = row;
  return asNode('Reseller', visible) as unknown as Reseller;
}

export function toWalletTransaction(row: WalletTransactionRow): WalletTransaction {
  return asNode('WalletTransaction', row) as unknown as WalletTransaction;
}
