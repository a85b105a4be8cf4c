/** Rows to GraphQL objects for resellers and wallet entries, and reseller inputs to the service's. */
import { addressOf, addressRename, fromAddressInput, type AddressColumns } from '../graphql/address';
import { asNode } from '../graphql/node';
import type { ResellerInput, ResellerRow } from './reseller.service';
import type { Reseller, ResellerFieldsInput, WalletTransaction } from './reseller.types';
import type { WalletTransactionRow } from './wallet.service';

export function toReseller(row: ResellerRow): Reseller {
  const { deletedAt: _deletedAt, ...visible } = row;
  return { ...asNode('Reseller', visible), address: addressOf(row, RESELLER_ADDRESS) } as unknown as Reseller;
}

/** A reseller stores its address as one free-text line plus state and country (CRM's fields). */
export const RESELLER_ADDRESS: AddressColumns = { street1: 'address', state: 'state', country: 'country' };

/** For `mutate`: the service's address fields → where the input nests them. */
export const RESELLER_INPUT_RENAME = addressRename(RESELLER_ADDRESS, 'address');

export function fromResellerInput<T extends ResellerFieldsInput>(input: T): Omit<T, 'address'> & Partial<ResellerInput> {
  const { address, ...rest } = input;
  return { ...rest, ...fromAddressInput(address, RESELLER_ADDRESS, 'address') };
}

export function toWalletTransaction(row: WalletTransactionRow): WalletTransaction {
  return asNode('WalletTransaction', row) as unknown as WalletTransaction;
}
