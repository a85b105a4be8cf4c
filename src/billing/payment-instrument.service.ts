/**
 * A customer's stored credit cards and bank accounts. Reads never select the gateway `token`:
 * it stays in the database for the payment modules, and no surface can leak it by accident.
 */
import { and, asc, desc, eq, getTableColumns, inArray } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { audit } from '../shared/audit';
import type { ServiceContext } from '../shared/context';
import { NotFoundError, Validation } from '../shared/errors';
import { customers } from '../customers/customer.table';
import { isCalendarDate } from './dates';
import { bankTokenizer } from './tokenizer';
import { bankAccounts } from './bank-account.table';
import { creditCards } from './credit-card.table';
import { canonicalUsState, isFullCountryName } from '../shared/address-rules';
import { authorize } from '../tenancy/permissions';

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

/** One customer's cards, the preferred first (SIMPLer getCreditCardData); an unknown customer is an error. */
export async function cardsOfCustomer(ctx: ServiceContext, customerId: number): Promise<CreditCardRow[]> {
  if (!(await customerExists(ctx.db, ctx.actor.operatorId, customerId))) throw new NotFoundError('customer', customerId, ['customerId']);
  return cardsOfCustomers(ctx.db, ctx.actor.operatorId, [customerId]);
}

/** One customer's bank accounts, the preferred first (SIMPLer getEFTData); an unknown customer is an error. */
export async function bankAccountsOfCustomer(ctx: ServiceContext, customerId: number): Promise<BankAccountRow[]> {
  if (!(await customerExists(ctx.db, ctx.actor.operatorId, customerId))) throw new NotFoundError('customer', customerId, ['customerId']);
  return bankAccountsOfCustomers(ctx.db, ctx.actor.operatorId, [customerId]);
}

// ---------------------------------------------------------------- writing

const LAST4 = /^[0-9]{4}$/;
const MAX_TEXT = 500;

async function customerExists(db: Executor, operatorId: number, customerId: number): Promise<boolean> {
  const [row] = await db.select({ id: customers.id }).from(customers).where(and(eq(customers.operatorId, operatorId), eq(customers.id, customerId)));
  return row != null;
}

function checkTexts(v: Validation, input: Record<string, unknown>, keys: string[]): void {
  for (const key of keys) {
    const value = input[key];
    if (typeof value === 'string' && value.length > MAX_TEXT) v.add(key, `${key} is longer than ${MAX_TEXT} characters`);
  }
}

/** SIMPLer addCreditCardToken. */
export interface CardInput {
  customerId: number;
  /** Exactly four digits (`cc_last4`). */
  last4: string;
  /** The gateway's token (`cc_token`), never a card number. */
  token: string;
  moduleId: number;
  expMonth?: number | null;
  expYear?: number | null;
  cardType?: NonNullable<CreditCardRow['cardType']> | null;
  autoPayment?: boolean | null;
  preferred?: boolean | null;
  holderName?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  street1?: string | null;
  street2?: string | null;
  city?: string | null;
  county?: string | null;
  zip?: string | null;
  /** A full US state name, e.g. "New York". */
  state?: string | null;
  country?: string | null;
}

/** 13–19 digits (spaces/dashes allowed) passing the Luhn check: a card number, not a token. */
export function looksLikeCardNumber(value: string): boolean {
  const digits = value.replace(/[\s-]/g, '');
  if (!/^[0-9]{13,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

const CARD_TYPES = ['visa', 'mastercard', 'american_express', 'discover', 'other'];

/**
 * Adds a tokenised card. Validates everything first; a preferred card makes the customer's other
 * cards not preferred in the same transaction. The returned row has no token.
 */
export async function addCard(ctx: ServiceContext, input: CardInput, now: Date = new Date()): Promise<CreditCardRow> {
  authorize(ctx.actor, 'billing.write');
  const operatorId = ctx.actor.operatorId;
  const v = new Validation();
  if (!(await customerExists(ctx.db, operatorId, input.customerId))) v.add('customerId', `customer ${input.customerId} does not exist`, 'NOT_FOUND');
  if (!LAST4.test(input.last4 ?? '')) v.add('last4', 'last4 must be exactly 4 digits');
  if (!input.token?.trim()) v.add('token', 'token is required');
  else if (looksLikeCardNumber(input.token)) v.add('token', 'token looks like a card number; send the gateway token, never the number');
  if (input.moduleId == null || !Number.isInteger(input.moduleId) || input.moduleId < 1) v.add('moduleId', 'moduleId (the payment gateway module) is required');
  if (input.expMonth != null && (!Number.isInteger(input.expMonth) || input.expMonth < 1 || input.expMonth > 12)) v.add('expMonth', 'expMonth must be from 1 to 12');
  const year = now.getUTCFullYear();
  if (input.expYear != null && (!Number.isInteger(input.expYear) || input.expYear < year || input.expYear > 2999)) {
    v.add('expYear', `expYear must be ${year} or later`);
  } else if (input.expYear === year && input.expMonth != null && input.expMonth < now.getUTCMonth() + 1) {
    v.add('expMonth', `the card expired in ${input.expMonth}/${input.expYear}`);
  }
  if (input.cardType != null && !CARD_TYPES.includes(input.cardType)) v.add('cardType', `cardType must be one of ${CARD_TYPES.join(', ')}`);
  const state = input.state != null ? canonicalUsState(input.state) : null;
  if (input.state != null && !state) v.add('state', `state "${input.state}" is not a US state name (e.g. "New York")`);
  if (input.country != null && !isFullCountryName(input.country)) v.add('country', `country "${input.country}" must be a full country name (e.g. "Ireland"), not a code`);
  checkTexts(v, input as unknown as Record<string, unknown>, ['token', 'holderName', 'firstName', 'lastName', 'street1', 'street2', 'city', 'county', 'zip', 'country']);
  v.throwIfAny();

  return ctx.db.transaction(async (tx) => {
    if (input.preferred) {
      await tx.update(creditCards).set({ preferred: false }).where(and(eq(creditCards.customerId, input.customerId), eq(creditCards.preferred, true)));
    }
    const [row] = await tx
      .insert(creditCards)
      .values({
        operatorId,
        customerId: input.customerId,
        token: input.token.trim(),
        last4: input.last4,
        moduleId: input.moduleId,
        expMonth: input.expMonth ?? null,
        expYear: input.expYear ?? null,
        cardType: input.cardType ?? null,
        autoPayment: input.autoPayment ?? false,
        preferred: input.preferred ?? false,
        holderName: input.holderName ?? null,
        firstName: input.firstName ?? null,
        lastName: input.lastName ?? null,
        street1: input.street1 ?? null,
        street2: input.street2 ?? null,
        city: input.city ?? null,
        county: input.county ?? null,
        zip: input.zip ?? null,
        state,
        country: input.country ?? null,
      })
      .returning(cardColumns);
    await audit(tx, ctx.actor, 'creditCard.add', 'credit_card', row!.id, { customerId: input.customerId, last4: input.last4, moduleId: input.moduleId, preferred: row!.preferred });
    return row!;
  });
}

export async function deleteCard(ctx: ServiceContext, id: number): Promise<{ id: number }> {
  authorize(ctx.actor, 'billing.write');
  const [existing] = await cardsByIds(ctx.db, ctx.actor.operatorId, [id]);
  if (!existing) throw new NotFoundError('credit card', id, ['id']);
  await ctx.db.transaction(async (tx) => {
    await tx.delete(creditCards).where(and(eq(creditCards.operatorId, ctx.actor.operatorId), eq(creditCards.id, id)));
    await audit(tx, ctx.actor, 'creditCard.delete', 'credit_card', id, { customerId: existing.customerId, last4: existing.last4 });
  });
  return { id };
}

/** SIMPLer addEFTToken: every field but autoPayment / preferred is required. */
export interface BankTokenInput {
  customerId: number;
  last4: string;
  token: string;
  sortCode: string;
  onlineRef: string;
  accountName: string;
  accountType: 'checking' | 'savings';
  autoPayment?: boolean | null;
  preferred?: boolean | null;
  moduleId: number;
}

/** SIMPLer addEFT: the FULL account number and IBAN come in; neither is ever stored. */
export interface BankDetailsInput {
  customerId: number;
  accountNumber: string;
  sortCode?: string | null;
  onlineRef?: string | null;
  accountName?: string | null;
  detailsChanged?: boolean | null;
  accountType?: BankAccountRow['accountType'] | null;
  autoPayment?: boolean | null;
  preferred?: boolean | null;
  sepaSequenceType?: NonNullable<BankAccountRow['sepaSequenceType']> | null;
  sepaBic?: string | null;
  iban?: string | null;
  sepaDebtorName?: string | null;
  sepaCountry?: string | null;
  sepaRemittanceData?: string | null;
  /** YYYY-MM-DD, not in the future. */
  sepaSignatureDate?: string | null;
}

const SORT_CODE = /^[0-9][0-9 -]{0,14}$/;
const BIC = /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/;
const SEPA_SEQUENCES = ['frst', 'rcur', 'ooff', 'fnal', 'na'];

/** ISO 13616 check: the IBAN (spaces removed, upper case) rearranged and read as a number is 1 mod 97. */
export function ibanValid(iban: string): boolean {
  if (!/^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const digits = /[A-Z]/.test(ch) ? String(ch.charCodeAt(0) - 55) : ch;
    for (const d of digits) remainder = (remainder * 10 + Number(d)) % 97;
  }
  return remainder === 1;
}

async function insertBankAccount(ctx: ServiceContext, values: typeof bankAccounts.$inferInsert, action: string): Promise<BankAccountRow> {
  return ctx.db.transaction(async (tx) => {
    if (values.preferred) {
      await tx.update(bankAccounts).set({ preferred: false }).where(and(eq(bankAccounts.customerId, values.customerId), eq(bankAccounts.preferred, true)));
    }
    const [row] = await tx.insert(bankAccounts).values(values).returning(bankColumns);
    const { token: _t, operatorId: _o, ...changes } = values;
    await audit(tx, ctx.actor, action, 'bank_account', row!.id, changes);
    return row!;
  });
}

/** SIMPLer addEFTToken: an already tokenised account. */
export async function addBankToken(ctx: ServiceContext, input: BankTokenInput): Promise<BankAccountRow> {
  authorize(ctx.actor, 'billing.write');
  const operatorId = ctx.actor.operatorId;
  const v = new Validation();
  if (!(await customerExists(ctx.db, operatorId, input.customerId))) v.add('customerId', `customer ${input.customerId} does not exist`, 'NOT_FOUND');
  if (!LAST4.test(input.last4 ?? '')) v.add('last4', 'last4 must be exactly 4 digits');
  if (!input.token?.trim()) v.add('token', 'token is required');
  if (!input.sortCode?.trim()) v.add('sortCode', 'sort code is required');
  else if (!SORT_CODE.test(input.sortCode.trim())) v.add('sortCode', 'sort code must be digits');
  if (!input.onlineRef?.trim()) v.add('onlineRef', 'online reference is required');
  if (!input.accountName?.trim()) v.add('accountName', 'account name is required');
  if (input.accountType !== 'checking' && input.accountType !== 'savings') v.add('accountType', 'account type must be checking or savings');
  if (input.moduleId == null || !Number.isInteger(input.moduleId) || input.moduleId < 1) v.add('moduleId', 'moduleId (the payment module) is required');
  checkTexts(v, input as unknown as Record<string, unknown>, ['token', 'onlineRef', 'accountName']);
  v.throwIfAny();
  return insertBankAccount(
    ctx,
    {
      operatorId,
      customerId: input.customerId,
      token: input.token.trim(),
      last4: input.last4,
      sortCode: input.sortCode.trim(),
      onlineRef: input.onlineRef.trim(),
      accountName: input.accountName.trim(),
      accountType: input.accountType,
      autoPayment: input.autoPayment ?? false,
      preferred: input.preferred ?? false,
      moduleId: input.moduleId,
    },
    'bankAccount.addToken',
  );
}

/**
 * SIMPLer addEFT: full bank details. The account number and IBAN go to the tokenizer and are
 * then dropped: only the token, the account's last four digits and the IBAN's last four
 * characters and country are stored. The IBAN's check digits (mod 97) are verified.
 */
export async function addBankDetails(ctx: ServiceContext, input: BankDetailsInput, now: Date = new Date()): Promise<BankAccountRow> {
  authorize(ctx.actor, 'billing.write');
  const operatorId = ctx.actor.operatorId;
  const v = new Validation();
  if (!(await customerExists(ctx.db, operatorId, input.customerId))) v.add('customerId', `customer ${input.customerId} does not exist`, 'NOT_FOUND');
  const accountNumber = (input.accountNumber ?? '').replace(/[\s-]/g, '');
  if (!accountNumber) v.add('accountNumber', 'account number is required');
  else if (!/^[0-9]{4,34}$/.test(accountNumber)) v.add('accountNumber', 'account number must be 4 to 34 digits');
  const iban = input.iban != null ? input.iban.replace(/\s/g, '').toUpperCase() : null;
  if (iban != null && !ibanValid(iban)) v.add('iban', 'IBAN is not valid (wrong format or check digits)');
  if (input.sortCode != null && !SORT_CODE.test(input.sortCode.trim())) v.add('sortCode', 'sort code must be digits');
  if (input.accountType != null && !['checking', 'savings', 'default'].includes(input.accountType)) v.add('accountType', 'account type must be checking, savings or default');
  if (input.sepaSequenceType != null && !SEPA_SEQUENCES.includes(input.sepaSequenceType)) v.add('sepaSequenceType', 'SEPA sequence type must be FRST, RCUR, OOFF, FNAL or NA');
  const bic = input.sepaBic != null ? input.sepaBic.replace(/\s/g, '').toUpperCase() : null;
  if (bic != null && !BIC.test(bic)) v.add('sepaBic', 'BIC must be 8 or 11 letters/digits (e.g. AIBKIE2D)');
  if (input.sepaSignatureDate != null) {
    if (!isCalendarDate(input.sepaSignatureDate)) v.add('sepaSignatureDate', `signature date "${input.sepaSignatureDate}" is not a date (YYYY-MM-DD)`);
    else if (input.sepaSignatureDate > now.toISOString().slice(0, 10)) v.add('sepaSignatureDate', 'the mandate signature date cannot be in the future');
  }
  checkTexts(v, input as unknown as Record<string, unknown>, ['onlineRef', 'accountName', 'sepaDebtorName', 'sepaCountry', 'sepaRemittanceData']);
  v.throwIfAny();

  const token = await bankTokenizer().tokenize({ accountNumber, sortCode: input.sortCode ?? null, iban, bic });
  return insertBankAccount(
    ctx,
    {
      operatorId,
      customerId: input.customerId,
      token,
      last4: accountNumber.slice(-4),
      sortCode: input.sortCode?.trim() ?? null,
      onlineRef: input.onlineRef ?? null,
      accountName: input.accountName ?? null,
      accountType: input.accountType ?? 'default',
      autoPayment: input.autoPayment ?? false,
      preferred: input.preferred ?? false,
      detailsChanged: input.detailsChanged ?? false,
      sepaSequenceType: input.sepaSequenceType ?? null,
      sepaBic: bic,
      ibanLast4: iban ? iban.slice(-4) : null,
      ibanCountry: iban ? iban.slice(0, 2) : null,
      sepaDebtorName: input.sepaDebtorName ?? null,
      sepaCountry: input.sepaCountry ?? null,
      sepaRemittanceData: input.sepaRemittanceData ?? null,
      sepaSignatureDate: input.sepaSignatureDate ?? null,
    },
    'bankAccount.addDetails',
  );
}

export async function deleteBankAccount(ctx: ServiceContext, id: number): Promise<{ id: number }> {
  authorize(ctx.actor, 'billing.write');
  const [existing] = await bankAccountsByIds(ctx.db, ctx.actor.operatorId, [id]);
  if (!existing) throw new NotFoundError('bank account', id, ['id']);
  await ctx.db.transaction(async (tx) => {
    await tx.delete(bankAccounts).where(and(eq(bankAccounts.operatorId, ctx.actor.operatorId), eq(bankAccounts.id, id)));
    await audit(tx, ctx.actor, 'bankAccount.delete', 'bank_account', id, { customerId: existing.customerId, last4: existing.last4 });
  });
  return { id };
}
