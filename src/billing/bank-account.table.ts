import { sql } from 'drizzle-orm';
import { boolean, char, check, date, index, integer, pgEnum, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, operatorColumn, updatedAt } from '../db/columns';
import { customers } from '../customers/customer.table';

/** SIMPLer `eft_bankaccounttype` / `bankaccounttype`: checking, savings, DEFAULT. */
export const bankAccountType = pgEnum('bank_account_type', ['checking', 'savings', 'default']);
/** SEPA direct-debit sequence type: FRST, RCUR, OOFF, FNAL, NA (not available / used up). */
export const sepaSequenceType = pgEnum('sepa_sequence_type', ['frst', 'rcur', 'ooff', 'fnal', 'na']);

/**
 * A customer's bank account for EFT / SEPA direct debit (SIMPLer addEFTToken, addEFT, getEFTData).
 * Stored as a TOKEN plus last four digits only: addEFT receives a full `bankaccountnumber` and
 * `eft_sepa_iban`, the service tokenises them, and neither the full account number nor the full
 * IBAN is ever written to any column (only `ibanLast4` and `ibanCountry` of the IBAN are kept).
 */
export const bankAccounts = pgTable(
  'bank_accounts',
  {
    id: idColumn(),
    operatorId: operatorColumn(),
    /** Restrict: SIMPLer refuses to delete a customer with bank/EFT accounts (deleteCustomer rule 13). */
    customerId: integer()
      .notNull()
      .references(() => customers.id, { onDelete: 'restrict' }),
    /** `eft_token`, or the token the service obtained for addEFT's account number. */
    token: text().notNull(),
    last4: char({ length: 4 }).notNull(),
    /** Text, not integer: sort codes have leading zeros. */
    sortCode: text(),
    onlineRef: text(),
    accountName: text(),
    accountType: bankAccountType().notNull().default('default'),
    autoPayment: boolean().notNull().default(false),
    preferred: boolean().notNull().default(false),
    /** addEFT `bankdetailschanged`. */
    detailsChanged: boolean().notNull().default(false),
    /** Payment module that holds the token; addEFT does not send one. */
    moduleId: integer(),
    sepaSequenceType: sepaSequenceType(),
    /** Text although the spec says INTEGER: a BIC/SWIFT code is alphanumeric. */
    sepaBic: text(),
    ibanLast4: char({ length: 4 }),
    ibanCountry: char({ length: 2 }),
    sepaDebtorName: text(),
    sepaCountry: text(),
    sepaRemittanceData: text(),
    sepaSignatureDate: date(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('bank_accounts_operator_idx').on(t.operatorId),
    index('bank_accounts_customer_idx').on(t.customerId),
    /** At most one preferred account per customer. */
    uniqueIndex('bank_accounts_customer_preferred_key').on(t.customerId).where(sql`${t.preferred}`),
    check('bank_accounts_last4_check', sql`${t.last4} ~ '^[0-9]{4}$'`),
    check('bank_accounts_iban_last4_check', sql`${t.ibanLast4} is null or ${t.ibanLast4} ~ '^[0-9A-Z]{4}$'`),
    check('bank_accounts_iban_country_check', sql`${t.ibanCountry} is null or ${t.ibanCountry} ~ '^[A-Z]{2}$'`),
  ],
);
