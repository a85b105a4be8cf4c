/**
 * A customer's stored credit cards and bank accounts. Reads never select the gateway `token`:
 * it stays in the database for the payment modules, and no surface can leak it by accident.
 */
import { and, asc, desc, eq, getTableColumns, inArray } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { bankAccounts } from './bank-account.table';
import { creditCards } from './credit-card.table';

const { token: _cardToken, ...cardColumns } = getTableColumns(creditCards);
const { token: _bankToken, ...bankColumns } = getTableColumns(bankAccounts);

export type CreditCardRow = Omit<typeof creditCards.$inferSelect, 'token'>;
export type BankAccountRow = Omit<typeof bankAccounts.$inferSelect, 'token'>;

export async function cardsByIds(db: Executor, operatorId: number, ids: readonly number[]): Promise<CreditCardRow[]> {
  if (ids.length === 0) return [];
  return db.select(cardColumns).from(creditCards).where(and(eq(creditCards.operatorId, operatorId), inArray(creditCards.id, [...ids])));
}

/** Cards of many customers, the preferred one first. */
export async function cardsOfCustomers(db: Executor, operatorId: number, customerIds: readonly number[]): Promise<CreditCardRow[]> {
  if (customerIds.length === 0) return [];
  return db
    .select(cardColumns)
    .from(creditCards)
    .where(and(eq(creditCards.operatorId, operatorId), inArray(creditCards.customerId, [...customerIds])))
    .orderBy(asc(creditCards.customerId), desc(creditCards.preferred), asc(creditCards.id));
}

export async function bankAccountsByIds(db: Executor, operatorId: number, ids: readonly number[]): Promise<BankAccountRow[]> {
  if (ids.length === 0) return [];
  return db.select(bankColumns).from(bankAccounts).where(and(eq(bankAccounts.operatorId, operatorId), inArray(bankAccounts.id, [...ids])));
}

/** Bank accounts of many customers, the preferred one first. */
export async function bankAccountsOfCustomers(db: Executor, operatorId: number, customerIds: readonly number[]): Promise<BankAccountRow[]> {
  if (customerIds.length === 0) return [];
  return db
    .select(bankColumns)
    .from(bankAccounts)
    .where(and(eq(bankAccounts.operatorId, operatorId), inArray(bankAccounts.customerId, [...customerIds])))
    .orderBy(asc(bankAccounts.customerId), desc(bankAccounts.preferred), asc(bankAccounts.id));
}
