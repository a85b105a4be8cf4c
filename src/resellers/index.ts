export * from './reseller.table';
export * from './wallet-transaction.table';
