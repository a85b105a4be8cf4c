import { sql } from 'drizzle-orm';
import { boolean, char, check, index, integer, pgEnum, pgTable, smallint, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, operatorColumn, updatedAt } from '../db/columns';
import { customers } from '../customers/customer.table';

/** SIMPLer `cc_type`: visa, mastercard, american express, discover, other. */
export const creditCardType = pgEnum('credit_card_type', ['visa', 'mastercard', 'american_express', 'discover', 'other']);

/**
 * A customer's card as a payment-gateway TOKEN plus the last four digits (SIMPLer
 * addCreditCardToken, getCreditCardData). No column here may ever hold a full card number or
 * a CVV: the number lives only at the gateway (`moduleId`) behind `token`.
 */
export const creditCards = pgTable(
  'credit_cards',
  {
    id: idColumn(),
    operatorId: operatorColumn(),
    /** Restrict: SIMPLer refuses to delete a customer with credit cards (deleteCustomer rule 12). */
    customerId: integer()
      .notNull()
      .references(() => customers.id, { onDelete: 'restrict' }),
    /** SIMPLer `cc_token`: the gateway's token, never the card number. */
    token: text().notNull(),
    last4: char({ length: 4 }).notNull(),
    /** SIMPLer `module_id`: the payment gateway module that issued the token. */
    moduleId: integer().notNull(),
    expMonth: smallint(),
    expYear: smallint(),
    cardType: creditCardType(),
    autoPayment: boolean().notNull().default(false),
    preferred: boolean().notNull().default(false),
    /** Billing address and holder as sent with the token (`cc_holder`, firstname, lastname, street1…country). */
    holderName: text(),
    firstName: text(),
    lastName: text(),
    street1: text(),
    street2: text(),
    city: text(),
    county: text(),
    zip: text(),
    state: text(),
    country: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('credit_cards_operator_idx').on(t.operatorId),
    index('credit_cards_customer_idx').on(t.customerId),
    /** At most one preferred card per customer. */
    uniqueIndex('credit_cards_customer_preferred_key').on(t.customerId).where(sql`${t.preferred}`),
    check('credit_cards_last4_check', sql`${t.last4} ~ '^[0-9]{4}$'`),
    check('credit_cards_exp_month_check', sql`${t.expMonth} is null or ${t.expMonth} between 1 and 12`),
    check('credit_cards_exp_year_check', sql`${t.expYear} is null or ${t.expYear} between 2000 and 2999`),
  ],
);
