/**
 * SIMPLer stored payment instruments over SOAP and REST/JSON: addCreditCardToken, addEFTToken,
 * addEFT, getCreditCardData and getEFTData. Cards and accounts are read back through the
 * GraphQL graph; the get documents must be masked (last four only, never a token or number).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enabledEngines } from '../helpers/engines';
import { startTestApp, type TestApp } from '../helpers/app';
import { rows } from '../helpers/sql';
import { callText, children, DIALECTS, leaves, rest, soap, xmlResult, type Dialect, type Params } from '../helpers/simpler';
import { dayFromNow, yearFromNow } from '../helpers/dates';

interface GqlCard {
  legacyId: number;
  last4: string;
  cardType: string | null;
  expMonth: number | null;
  expYear: number | null;
  moduleId: number;
  autoPayment: boolean;
  preferred: boolean;
  holderName: string | null;
  address: { state: string | null; country: string | null };
}

interface GqlBankAccount {
  legacyId: number;
  last4: string;
  sortCode: string | null;
  accountType: string;
  preferred: boolean;
  autoPayment: boolean;
  moduleId: number | null;
  sepaSequenceType: string | null;
  sepaBic: string | null;
  ibanLast4: string | null;
  ibanCountry: string | null;
  sepaSignatureDate: string | null;
}

/** A valid Irish IBAN (check digits 29). */
const IBAN = 'IE29 AIBK 9311 5212 3456 78';

describe.each(enabledEngines())('SIMPLer card and EFT operations on %s', (engine) => {
  let t: TestApp;
  const db = () => t.database.handle.db;
  const count = async (table: string) => Number((await rows<{ n: number }>(db(), sql.raw(`select count(*)::int as n from ${table}`)))[0]!.n);

  async function cardsOf(customerId: number): Promise<GqlCard[]> {
    const res = await t.gql<{ customer: { creditCards: GqlCard[] } }>(
      `query($id: Int!) { customer(legacyId: $id) { creditCards { legacyId last4 cardType expMonth expYear moduleId autoPayment preferred holderName address { state country } } } }`,
      { id: customerId },
    );
    expect(res.errors).toBeUndefined();
    return res.data.customer.creditCards;
  }

  async function bankAccountsOf(customerId: number): Promise<GqlBankAccount[]> {
    const res = await t.gql<{ customer: { bankAccounts: GqlBankAccount[] } }>(
      `query($id: Int!) { customer(legacyId: $id) { bankAccounts { legacyId last4 sortCode accountType preferred autoPayment moduleId sepaSequenceType sepaBic ibanLast4 ibanCountry sepaSignatureDate } } }`,
      { id: customerId },
    );
    expect(res.errors).toBeUndefined();
    return res.data.customer.bankAccounts;
  }

  /** The raw reply text (SOAP body or REST JSON), to prove secrets never appear anywhere in it. */
  async function rawDocument(dialect: Dialect, operation: string, params: Params): Promise<{ text: string; records: Record<string, string>[] }> {
    if (dialect === 'soap') {
      const reply = await soap(t.url, operation, params);
      const doc = xmlResult(reply.result!);
      const item = operation === 'getCreditCardData' ? 'creditcard' : 'eft';
      expect(doc.local).toBe(operation === 'getCreditCardData' ? 'creditCardsRoot' : 'eftAccountsRoot');
      return { text: reply.body, records: children(doc, item).map((e) => ({ id: e.attributes.find((a) => a.local === 'id')!.value, ...leaves(e) })) };
    }
    const reply = await rest(t.url, operation, params);
    const key = operation === 'getCreditCardData' ? 'creditcards' : 'eft_accounts';
    return { text: JSON.stringify(reply.result), records: (reply.result as Record<string, Record<string, string>[]>)[key]! };
  }

  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(() => t.stop());

  describe.each(DIALECTS)('over %s', (dialect) => {
    const offset = dialect === 'soap' ? 0 : 1;
    const call = (operation: string, params: Params = {}) => callText(dialect, t.url, operation, params);
    const cardCustomer = 2 + offset;
    const bankCustomer = 4 + offset;
    const token = `tok_${dialect}_a1b2c3d4e5`;

    describe('addCreditCardToken', () => {
      const card: Params = {
        customerid: cardCustomer,
        cc_last4: '0042',
        module_id: 3,
        cc_token: token,
        cc_month: 7,
        cc_year: yearFromNow() + 2,
        cc_type: 'American Express',
        cc_auto_payment: 't',
        cc_preferred: 't',
        cc_holder: 'Mary Murphy',
        state: 'new york',
        country: 'ireland',
        street1: '1 Main Street',
      };

      it('adds the card and answers OK: <creditcard id>', async () => {
        const reply = await call('addCreditCardToken', card);
        const id = Number(/^OK: (\d+)$/.exec(reply)?.[1]);
        expect(id, reply).toBeGreaterThan(0);
        const cards = await cardsOf(cardCustomer);
        expect(cards[0]).toMatchObject({
          legacyId: id,
          last4: '0042',
          cardType: 'AMERICAN_EXPRESS',
          expMonth: 7,
          expYear: yearFromNow() + 2,
          moduleId: 3,
          autoPayment: true,
          preferred: true,
          holderName: 'Mary Murphy',
          address: { state: 'New York', country: 'Ireland' },
        });
        // the card added as preferred is the only preferred one
        expect(cards.filter((c) => c.preferred)).toHaveLength(1);
      });

      it('refuses every documented rule violation and stores nothing', async () => {
        const before = await count('credit_cards');
        const refused = async (change: Params, message: string | RegExp) => {
          const reply = await call('addCreditCardToken', { ...card, ...change });
          if (typeof message === 'string') expect(reply).toBe(message);
          else expect(reply).toMatch(message);
        };
        await refused({ cc_last4: '123' }, 'ERROR: cc_last4 must be exactly 4 digits');
        await refused({ cc_last4: '12a4' }, 'ERROR: cc_last4 must be exactly 4 digits');
        await refused({ cc_month: 13 }, 'ERROR: cc_month must be from 1 to 12');
        await refused({ cc_year: yearFromNow() - 1 }, `ERROR: cc_year must be ${yearFromNow()} or later`);
        await refused({ cc_type: 'diners' }, /^ERROR: cc_type: must be one of visa, mastercard, american express, discover, other/);
        await refused({ cc_auto_payment: 'maybe' }, 'ERROR: cc_auto_payment: expected 1 or 0 (got "maybe")');
        await refused({ state: 'NY' }, /^ERROR: state: must be one of Alabama, Alaska/);
        await refused({ country: 'IE' }, /^ERROR: country: must be one of Afghanistan/);
        await refused({ cc_token: '4111 1111 1111 1111' }, 'ERROR: cc_token looks like a card number; send the gateway token, never the number');
        await refused({ customerid: 999_999 }, 'ERROR: customer 999999 does not exist');
        await refused({ cc_token: undefined }, 'ERROR: cc_token is required');
        await refused({ module_id: undefined, cc_last4: undefined }, 'ERROR: cc_last4 is required; module_id is required');
        expect(await count('credit_cards')).toBe(before);
      });
    });

    describe('addEFTToken', () => {
      const account: Params = {
        customerid: bankCustomer,
        eft_last4: '0077',
        eft_token: `eft_${dialect}_tok_998877`,
        eft_banksortcode: '012345',
        eft_bankonlineref: 'REF-1',
        eft_bankaccountname: 'Mary Murphy',
        eft_bankaccounttype: 'Savings',
        eft_auto_payment: 'f',
        eft_preferred: 't',
        module_id: 2,
      };

      it('adds the account and answers OK: <EFT id>', async () => {
        const reply = await call('addEFTToken', account);
        const id = Number(/^OK: (\d+)$/.exec(reply)?.[1]);
        expect(id, reply).toBeGreaterThan(0);
        const stored = (await bankAccountsOf(bankCustomer)).find((b) => b.legacyId === id)!;
        expect(stored).toMatchObject({ last4: '0077', sortCode: '012345', accountType: 'SAVINGS', autoPayment: false, preferred: true, moduleId: 2 });
      });

      it('refuses missing fields and values outside the closed sets, storing nothing', async () => {
        const before = await count('bank_accounts');
        expect(await call('addEFTToken', { ...account, eft_bankaccounttype: 'current' })).toBe('ERROR: eft_bankaccounttype: must be one of checking, savings (got "current")');
        expect(await call('addEFTToken', { ...account, eft_token: undefined, eft_bankonlineref: undefined })).toBe('ERROR: eft_token is required; eft_bankonlineref is required');
        expect(await call('addEFTToken', { ...account, eft_last4: '77' })).toBe('ERROR: eft_last4 must be exactly 4 digits');
        expect(await call('addEFTToken', { ...account, eft_banksortcode: 'ABC' })).toBe('ERROR: sort code must be digits');
        expect(await call('addEFTToken', { ...account, customerid: 999_999 })).toBe('ERROR: customer 999999 does not exist');
        expect(await count('bank_accounts')).toBe(before);
      });
    });

    describe('addEFT', () => {
      const accountNumber = `1234567${offset}`;
      const details: Params = {
        customerid: bankCustomer,
        bankaccountnumber: accountNumber,
        banksortcode: '931152',
        bankaccountname: 'Mary Murphy',
        bankaccounttype: 'DEFAULT',
        autopayment: 1,
        eft_sepa_sequencetype: 'FRST',
        eft_sepa_bic: 'aibkie2d',
        eft_sepa_iban: IBAN,
        eft_sepa_debtorname: 'Mary Murphy',
        eft_sepa_country: 'Ireland',
        eft_sepa_signaturedate: '2024-02-01',
      };

      it('tokenises the details and stores only the last digits', async () => {
        const before = (await bankAccountsOf(bankCustomer)).map((b) => b.legacyId);
        expect(await call('addEFT', details)).toBe('OK');
        const added = (await bankAccountsOf(bankCustomer)).filter((b) => !before.includes(b.legacyId));
        expect(added).toHaveLength(1);
        expect(added[0]).toMatchObject({
          last4: accountNumber.slice(-4),
          sortCode: '931152',
          accountType: 'DEFAULT',
          autoPayment: true,
          sepaSequenceType: 'FRST',
          sepaBic: 'AIBKIE2D',
          ibanLast4: '5678',
          ibanCountry: 'IE',
          sepaSignatureDate: '2024-02-01',
        });
        // neither the full account number nor the IBAN is in any column of the row
        const [row] = await rows<Record<string, unknown>>(db(), sql`select * from bank_accounts where id = ${added[0]!.legacyId}`);
        const stored = JSON.stringify(row);
        expect(stored).not.toContain(accountNumber);
        expect(stored).not.toContain(IBAN.replace(/\s/g, ''));
        expect(stored).not.toContain('93115212345678');
      });

      it('refuses a bad IBAN, BIC, sequence type or future signature date, storing nothing', async () => {
        const before = await count('bank_accounts');
        expect(await call('addEFT', { ...details, eft_sepa_iban: 'IE00 AIBK 9311 5212 3456 78' })).toBe('ERROR: IBAN is not valid (wrong format or check digits)');
        expect(await call('addEFT', { ...details, eft_sepa_bic: '1234' })).toBe('ERROR: BIC must be 8 or 11 letters/digits (e.g. AIBKIE2D)');
        expect(await call('addEFT', { ...details, eft_sepa_sequencetype: 'ONCE' })).toMatch(/^ERROR: eft_sepa_sequencetype: must be one of FRST, RCUR, OOFF, FNAL, NA/);
        expect(await call('addEFT', { ...details, eft_sepa_signaturedate: dayFromNow(1) })).toBe('ERROR: the mandate signature date cannot be in the future');
        expect(await call('addEFT', { ...details, bankaccountnumber: '12' })).toBe('ERROR: account number must be 4 to 34 digits');
        expect(await call('addEFT', { ...details, bankaccountnumber: undefined })).toBe('ERROR: bankaccountnumber is required');
        expect(await call('addEFT', { ...details, customerid: undefined })).toBe('ERROR: customerid is required');
        expect(await count('bank_accounts')).toBe(before);
      });
    });

    describe('getCreditCardData and getEFTData', () => {
      it('lists the cards masked, never with the token', async () => {
        const expected = await cardsOf(cardCustomer);
        expect(expected.length).toBeGreaterThan(0);
        const { text, records } = await rawDocument(dialect, 'getCreditCardData', { customerid: cardCustomer });
        expect(records.map((r) => Number(r.id))).toEqual(expected.map((c) => c.legacyId));
        const ours = records.find((r) => r.cc_last4 === '0042')!;
        expect(ours).toMatchObject({ customerid: String(cardCustomer), cc_number: '************0042', cc_type: 'american express', cc_auto_payment: 't', cc_preferred: 't', state: 'New York', country: 'Ireland', module_id: '3' });
        const tokens = await rows<{ token: string }>(db(), sql`select token from credit_cards where customer_id = ${cardCustomer}`);
        expect(tokens.length).toBe(expected.length);
        for (const { token: stored } of tokens) expect(text).not.toContain(stored);
      });

      it('lists the bank accounts masked, never with the token, account number or IBAN', async () => {
        const expected = await bankAccountsOf(bankCustomer);
        expect(expected.length).toBeGreaterThanOrEqual(2);
        const { text, records } = await rawDocument(dialect, 'getEFTData', { customerid: bankCustomer });
        expect(records.map((r) => Number(r.id))).toEqual(expected.map((b) => b.legacyId));
        const fromDetails = records.find((r) => r.eft_sepa_bic === 'AIBKIE2D' && r.eft_last4 === `567${offset}`)!;
        expect(fromDetails).toMatchObject({ eft_accountnumber: `****567${offset}`, eft_sepa_iban: 'IE**************5678', eft_sepa_sequencetype: 'FRST', eft_bankaccounttype: 'default' });
        const tokens = await rows<{ token: string }>(db(), sql`select token from bank_accounts where customer_id = ${bankCustomer}`);
        expect(tokens.length).toBe(expected.length);
        for (const { token: stored } of tokens) expect(text).not.toContain(stored);
        expect(text).not.toContain('93115212345678');
        expect(text).not.toContain(`1234567${offset}`);
      });

      it('answers empty documents for a customer with neither', async () => {
        const [customer] = await rows<{ id: number }>(
          db(),
          sql`select id from customers c where not exists (select 1 from credit_cards x where x.customer_id = c.id)
              and not exists (select 1 from bank_accounts x where x.customer_id = c.id) order by id offset ${offset} limit 1`,
        );
        expect((await rawDocument(dialect, 'getCreditCardData', { customerid: customer!.id })).records).toEqual([]);
        expect((await rawDocument(dialect, 'getEFTData', { customerid: customer!.id })).records).toEqual([]);
      });

      it('refuses an unknown or missing customer', async () => {
        expect(await call('getCreditCardData', { customerid: 999_999 })).toBe('ERROR: customer 999999 does not exist');
        expect(await call('getEFTData', { customerid: 999_999 })).toBe('ERROR: customer 999999 does not exist');
        expect(await call('getEFTData', {})).toBe('ERROR: customerid is required');
      });
    });
  });
});
