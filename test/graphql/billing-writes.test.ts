/**
 * Billing writes through GraphQL (and the services the legacy adapters will call): invoicing
 * runs, cards and bank accounts, plan changes, grace periods and field payment collections.
 * Each test builds its own customers, so it does not depend on the demo data's billing state.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plans } from '../../src/catalog/plan.table';
import { bankAccounts } from '../../src/billing/bank-account.table';
import { creditCards } from '../../src/billing/credit-card.table';
import { gracePeriods } from '../../src/billing/grace-period.table';
import { invoiceLines, invoices } from '../../src/billing/invoice.table';
import { paymentCollections } from '../../src/billing/payment-collection.table';
import { payments } from '../../src/billing/payment.table';
import { planChanges } from '../../src/billing/plan-change.table';
import { subscriptions } from '../../src/billing/subscription.table';
import { lineAmounts } from '../../src/billing/invoicing.service';
import * as planChangeService from '../../src/billing/plan-change.service';
import { ibanValid } from '../../src/billing/payment-instrument.service';
import { setBankTokenizer } from '../../src/billing/tokenizer';
import { customers } from '../../src/customers/customer.table';
import { operators } from '../../src/tenancy/operator.table';
import { auditLog } from '../../src/tenancy/audit-log.table';
import { toGlobalId } from '../../src/graphql/global-id';
import type { ServiceContext } from '../../src/shared/context';
import { enabledEngines } from '../helpers/engines';
import { startTestApp, type TestApp } from '../helpers/app';
import { futureDay, yearFromNow } from '../helpers/dates';

type UserErrors = { field: string[]; message: string; code: string }[];

describe('exact line amounts', () => {
  it('rounds the net per the subscription and taxes it half-up, in integers', () => {
    // 10.00 × 3 × 87.5% = 26.25; 23% tax = 6.0375 → 6.04
    expect(lineAmounts('10.00', 3, '12.5', '23.0000', 'default')).toEqual({ net: '26.25', tax: '6.04', total: '32.29' });
    // 9.99 × 66.6667% = 6.66000333
    expect(lineAmounts('9.99', 1, '33.3333', '0', 'up').net).toBe('6.67');
    expect(lineAmounts('9.99', 1, '33.3333', '0', 'down').net).toBe('6.66');
    expect(lineAmounts('9.99', 1, '33.3333', '0', 'arithmetic').net).toBe('6.66');
    // exactly half a cent: half-up goes up, down stays
    expect(lineAmounts('0.01', 1, '50', '0', 'default').net).toBe('0.01');
    expect(lineAmounts('0.01', 1, '50', '0', 'down').net).toBe('0.00');
    // a float would make 0.1 + 0.2 style errors visible here: 0.70 × 3 × 10% tax
    expect(lineAmounts('0.70', 3, '0', '10', 'default')).toEqual({ net: '2.10', tax: '0.21', total: '2.31' });
  });

  it('checks IBANs with mod 97', () => {
    expect(ibanValid('GB82WEST12345698765432')).toBe(true);
    expect(ibanValid('GB83WEST12345698765432')).toBe(false);
    expect(ibanValid('DE89370400440532013000')).toBe(true);
  });
});

describe.each(enabledEngines())('GraphQL billing writes on %s', (engine) => {
  let t: TestApp;
  let demoId: number;
  let serial = 0;
  const db = () => t.database.handle.db;
  const ctx = (): ServiceContext => ({ db: db(), actor: { operatorId: demoId, staffUserId: null, role: 'admin', surface: 'cli' } });

  async function newCustomer(values: Partial<typeof customers.$inferInsert> = {}) {
    serial++;
    const [row] = await db()
      .insert(customers)
      .values({ operatorId: demoId, name: `Billing Test ${serial}`, nickname: `bw_test_${serial}`, invoicingId: `BW-${serial}`, ...values })
      .returning();
    return row!;
  }
  async function newPlan(values: Partial<typeof plans.$inferInsert> = {}) {
    serial++;
    const [row] = await db().insert(plans).values({ operatorId: demoId, name: `BW plan ${serial}`, kind: 'service', price: '10.00', frequencyMonths: 1, ...values }).returning();
    return row!;
  }
  async function newSubscription(customerId: number, planId: number, values: Partial<typeof subscriptions.$inferInsert> = {}) {
    const [row] = await db()
      .insert(subscriptions)
      .values({ operatorId: demoId, customerId, planId, description: 'Broadband', validFrom: '2026-01-31', nextBillingDate: '2026-01-31', ...values })
      .returning();
    return row!;
  }
  const cid = (id: number) => toGlobalId('Customer', id);

  beforeAll(async () => {
    t = await startTestApp(engine);
    [{ id: demoId }] = (await db().select({ id: operators.id }).from(operators).where(eq(operators.code, 'demo'))) as [{ id: number }];
  });
  afterAll(async () => {
    await t?.stop();
  });

  // ------------------------------------------------------------------ invoicing

  const GENERATE = `mutation($input: InvoicesGenerateInput!) { invoicesGenerate(input: $input) {
    invoices { legacyId number kind issueDate dueDate periodStart periodEnd subtotal taxTotal total status
      lines { description quantity unitPrice discount taxRate net tax total subscription { legacyId } } }
    userErrors { field message code } } }`;
  type Generated = {
    invoicesGenerate: {
      invoices: { legacyId: number; number: number; kind: string; issueDate: string; dueDate: string; periodStart: string; periodEnd: string; subtotal: string; taxTotal: string; total: string; status: string; lines: { net: string; tax: string; total: string; unitPrice: string; subscription: { legacyId: number } | null }[] }[] | null;
      userErrors: UserErrors;
    };
  };

  it('bills what is due once, per customer, with exact totals, and a second run bills nothing', async () => {
    const plan = await newPlan({ price: '10.00' });
    const customer = await newCustomer({ taxRate: '23.0000', creditDays: 14 });
    const s1 = await newSubscription(customer.id, plan.id, { quantity: 3, discount: '12.5000', taxRate: '23.0000' });
    const s2 = await newSubscription(customer.id, plan.id, { price: '9.99', priceOverridden: true, discount: '33.3333', rounding: 'up', validFrom: '2026-02-10', nextBillingDate: '2026-02-10' });
    const free = await newSubscription(customer.id, plan.id, { freeService: true });
    const later = await newSubscription(customer.id, plan.id, { nextBillingDate: '2026-03-01' });
    const exhausted = await newSubscription(customer.id, plan.id, { cycles: 1, cyclesBilled: 1 });
    const ended = await newSubscription(customer.id, plan.id, { endedAt: new Date('2026-01-01T00:00:00Z') });
    const [{ max }] = (await db().select({ max: sql<number>`coalesce(max(${invoices.number}), 0)` }).from(invoices).where(eq(invoices.operatorId, demoId))) as [{ max: number }];

    const res = await t.gql<Generated>(GENERATE, { input: { kind: 'RECURRING', customerId: cid(customer.id), asOf: '2026-02-15' } });
    expect(res.errors).toBeUndefined();
    expect(res.data.invoicesGenerate.userErrors).toEqual([]);
    const created = res.data.invoicesGenerate.invoices!;
    expect(created).toHaveLength(1);
    const inv = created[0]!;
    expect(inv).toMatchObject({ number: Number(max) + 1, kind: 'RECURRING', issueDate: '2026-02-15', dueDate: '2026-03-01', status: 'OPEN' });
    expect(inv.lines.map((l) => l.subscription?.legacyId)).toEqual([s1.id, s2.id]);
    expect(inv.lines[0]).toMatchObject({ unitPrice: '10.00', net: '26.25', tax: '6.04', total: '32.29' });
    // override price, ceiling rounding, the customer's tax rate
    expect(inv.lines[1]).toMatchObject({ unitPrice: '9.99', net: '6.67', tax: '1.53', total: '8.20' });
    expect(inv).toMatchObject({ subtotal: '32.92', taxTotal: '7.57', total: '40.49', periodStart: '2026-01-31', periodEnd: '2026-03-09' });

    const after = await db().select().from(subscriptions).where(eq(subscriptions.customerId, customer.id)).orderBy(asc(subscriptions.id));
    const byId = new Map(after.map((s) => [s.id, s]));
    // anchored on the 31st: February's cycle starts on the 28th, not the 3rd of March
    expect(byId.get(s1.id)).toMatchObject({ nextBillingDate: '2026-02-28', cyclesBilled: 1 });
    expect(byId.get(s2.id)).toMatchObject({ nextBillingDate: '2026-03-10', cyclesBilled: 1 });
    for (const s of [free, later, exhausted, ended]) expect(byId.get(s.id)).toMatchObject({ nextBillingDate: s.nextBillingDate, cyclesBilled: s.cyclesBilled });

    const again = await t.gql<Generated>(GENERATE, { input: { customerId: cid(customer.id), asOf: '2026-02-15' } });
    expect(again.data.invoicesGenerate).toEqual({ invoices: [], userErrors: [] });
    expect(await db().$count(invoices, eq(invoices.customerId, customer.id))).toBe(1);

    // a late run catches up every missed cycle of s1 (Feb 28, Mar 31) in one invoice
    const late = await t.gql<Generated>(GENERATE, { input: { customerId: cid(customer.id), asOf: '2026-03-31' } });
    const lateInv = late.data.invoicesGenerate.invoices!;
    expect(lateInv).toHaveLength(1);
    expect(lateInv[0]!.number).toBe(Number(max) + 2);
    expect(lateInv[0]!.lines.map((l) => l.subscription?.legacyId)).toEqual([s1.id, s1.id, s2.id, later.id]);
    const [s1After] = await db().select().from(subscriptions).where(eq(subscriptions.id, s1.id));
    expect(s1After).toMatchObject({ nextBillingDate: '2026-04-30', cyclesBilled: 3 });
    const [stored] = await db().select().from(invoices).where(eq(invoices.id, lateInv[0]!.legacyId));
    const lines = await db().select().from(invoiceLines).where(eq(invoiceLines.invoiceId, stored!.id));
    const cents = (s: string) => Math.round(Number(s) * 100);
    expect(cents(stored!.subtotal)).toBe(lines.reduce((a, l) => a + cents(l.net), 0));
    expect(cents(stored!.taxTotal)).toBe(lines.reduce((a, l) => a + cents(l.tax), 0));
  });

  it('skips customers with invoicing disabled and bills NEW subscriptions up front, once', async () => {
    const plan = await newPlan({ price: '15.00' });
    const off = await newCustomer({ invoicingEnabled: false });
    const offSub = await newSubscription(off.id, plan.id, { nextBillingDate: '2026-01-01', validFrom: '2026-01-01' });
    const res = await t.gql<Generated>(GENERATE, { input: { customerId: cid(off.id), asOf: '2026-02-15' } });
    expect(res.data.invoicesGenerate.invoices).toEqual([]);
    const [unchanged] = await db().select().from(subscriptions).where(eq(subscriptions.id, offSub.id));
    expect(unchanged!.cyclesBilled).toBe(0);

    const customer = await newCustomer();
    const fresh = await newSubscription(customer.id, plan.id, { validFrom: '2030-06-01', nextBillingDate: '2030-06-01' });
    const billedBefore = await newSubscription(customer.id, plan.id, { cyclesBilled: 2, nextBillingDate: '2026-01-01', validFrom: '2025-11-01' });
    const first = await t.gql<Generated>(GENERATE, { input: { kind: 'NEW', customerId: cid(customer.id), asOf: '2026-02-15' } });
    expect(first.data.invoicesGenerate.userErrors).toEqual([]);
    const created = first.data.invoicesGenerate.invoices!;
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ kind: 'NEW', total: '15.00', periodStart: '2030-06-01', periodEnd: '2030-06-30' });
    expect(created[0]!.lines.map((l) => l.subscription?.legacyId)).toEqual([fresh.id]);
    const [after] = await db().select().from(subscriptions).where(eq(subscriptions.id, fresh.id));
    expect(after).toMatchObject({ cyclesBilled: 1, nextBillingDate: '2030-07-01' });
    const [untouched] = await db().select().from(subscriptions).where(eq(subscriptions.id, billedBefore.id));
    expect(untouched).toMatchObject({ cyclesBilled: 2, nextBillingDate: '2026-01-01' });
    const second = await t.gql<Generated>(GENERATE, { input: { kind: 'NEW', customerId: cid(customer.id), asOf: '2026-02-15' } });
    expect(second.data.invoicesGenerate.invoices).toEqual([]);
  });

  it('refuses bad input with userErrors and writes nothing; concurrent runs never bill twice', async () => {
    const before = await db().$count(invoices);
    const manual = await t.gql<Generated>(GENERATE, { input: { kind: 'MANUAL' } });
    expect(manual.data.invoicesGenerate.invoices).toBeNull();
    expect(manual.data.invoicesGenerate.userErrors).toEqual([expect.objectContaining({ field: ['input', 'kind'], code: 'INVALID' })]);
    const missing = await t.gql<Generated>(GENERATE, { input: { customerId: cid(999_999) } });
    expect(missing.data.invoicesGenerate.userErrors).toEqual([expect.objectContaining({ field: ['input', 'customerId'], code: 'NOT_FOUND' })]);
    const wrongType = await t.gql<Generated>(GENERATE, { input: { customerId: toGlobalId('Plan', 1) } });
    expect(wrongType.data.invoicesGenerate.userErrors[0]!.code).toBe('INVALID');
    expect(await db().$count(invoices)).toBe(before);

    const plan = await newPlan({ price: '5.00' });
    const customer = await newCustomer();
    await newSubscription(customer.id, plan.id);
    const runs = await Promise.all(
      [1, 2, 3].map(() => t.gql<Generated>(GENERATE, { input: { customerId: cid(customer.id), asOf: '2026-02-15' } })),
    );
    for (const r of runs) expect(r.errors).toBeUndefined();
    expect(runs.reduce((n, r) => n + r.data.invoicesGenerate.invoices!.length, 0)).toBe(1);
    expect(await db().$count(invoices, eq(invoices.customerId, customer.id))).toBe(1);
  });

  // ------------------------------------------------------------------ cards

  const CARD_ADD = `mutation($input: CreditCardCreateInput!) { creditCardCreate(input: $input) {
    creditCard { id legacyId last4 preferred expMonth expYear cardType address { state } customer { legacyId } } userErrors { field message code } } }`;
  type CardResult = { creditCardCreate: { creditCard: { id: string; legacyId: number; last4: string; preferred: boolean; cardType: string | null; address: { state: string | null } } | null; userErrors: UserErrors } };

  it('adds tokenised cards, keeps one preferred, validates every field and deletes', async () => {
    const customer = await newCustomer();
    const year = new Date().getUTCFullYear();
    const base = { customerId: cid(customer.id), last4: '4242', token: 'gw_tok_1', moduleId: 3, expMonth: 12, expYear: year + 1, cardType: 'VISA', preferred: true, address: { state: 'New York' } };
    const first = await t.gql<CardResult>(CARD_ADD, { input: base });
    expect(first.data.creditCardCreate.userErrors).toEqual([]);
    expect(first.data.creditCardCreate.creditCard).toMatchObject({ last4: '4242', preferred: true, cardType: 'VISA', address: { state: 'New York' } });
    const second = await t.gql<CardResult>(CARD_ADD, { input: { ...base, token: 'gw_tok_2', last4: '0005' } });
    expect(second.data.creditCardCreate.creditCard!.preferred).toBe(true);
    const rows = await db().select().from(creditCards).where(eq(creditCards.customerId, customer.id)).orderBy(asc(creditCards.id));
    expect(rows.map((r) => [r.last4, r.preferred, r.token])).toEqual([['4242', false, 'gw_tok_1'], ['0005', true, 'gw_tok_2']]);

    const bad = await t.gql<CardResult>(CARD_ADD, {
      input: { ...base, last4: '42424', expMonth: 13, expYear: year - 1, address: { state: 'NY' }, token: ' ', preferred: true },
    });
    expect(bad.data.creditCardCreate.creditCard).toBeNull();
    expect(bad.data.creditCardCreate.userErrors.map((e) => e.field.slice(1).join('.')).sort()).toEqual(['address.state', 'expMonth', 'expYear', 'last4', 'token']);
    const cardNumberAsToken = await t.gql<CardResult>(CARD_ADD, { input: { ...base, token: '4111 1111 1111 1111' } });
    expect(cardNumberAsToken.data.creditCardCreate.userErrors).toEqual([expect.objectContaining({ field: ['input', 'token'], code: 'INVALID' })]);
    const noCustomer = await t.gql<CardResult>(CARD_ADD, { input: { ...base, customerId: cid(999_999) } });
    expect(noCustomer.data.creditCardCreate.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'customerId'] })]);
    const after = await db().select().from(creditCards).where(eq(creditCards.customerId, customer.id)).orderBy(asc(creditCards.id));
    expect(after.map((r) => r.preferred)).toEqual([false, true]);

    const del = await t.gql<{ creditCardDelete: { deletedId: string | null; userErrors: UserErrors } }>(
      'mutation($id: ID!) { creditCardDelete(input: { id: $id }) { deletedId userErrors { code } } }',
      { id: first.data.creditCardCreate.creditCard!.id },
    );
    expect(del.data.creditCardDelete).toEqual({ deletedId: first.data.creditCardCreate.creditCard!.id, userErrors: [] });
    expect(await db().$count(creditCards, eq(creditCards.customerId, customer.id))).toBe(1);
    const again = await t.gql<{ creditCardDelete: { deletedId: string | null; userErrors: UserErrors } }>(
      'mutation($id: ID!) { creditCardDelete(input: { id: $id }) { deletedId userErrors { code } } }',
      { id: first.data.creditCardCreate.creditCard!.id },
    );
    expect(again.data.creditCardDelete).toEqual({ deletedId: null, userErrors: [{ code: 'NOT_FOUND' }] });
  });

  // ------------------------------------------------------------------ bank accounts

  const FROM_DETAILS = `mutation($input: BankAccountCreateFromDetailsInput!) { bankAccountCreateFromDetails(input: $input) {
    bankAccount { id last4 ibanLast4 ibanCountry sepaSequenceType sepaBic accountType preferred sepaSignatureDate } userErrors { field message code } } }`;
  type BankResult = { bankAccountCreateFromDetails: { bankAccount: Record<string, unknown> | null; userErrors: UserErrors } };

  it('tokenises full bank details and never stores the account number or IBAN', async () => {
    const customer = await newCustomer();
    const seen: string[] = [];
    const previous = setBankTokenizer({ tokenize: async (d) => (seen.push(d.accountNumber), `vault-${seen.length}`) });
    try {
      const res = await t.gql<BankResult>(FROM_DETAILS, {
        input: {
          customerId: cid(customer.id),
          accountNumber: '3141 5926 5358',
          sortCode: '90-12-34',
          iban: 'GB82 WEST 1234 5698 7654 32',
          sepaBic: 'WESTGB2L',
          sepaSequenceType: 'FRST',
          sepaSignatureDate: '2026-01-05',
          preferred: true,
        },
      });
      expect(res.data.bankAccountCreateFromDetails.userErrors).toEqual([]);
      expect(res.data.bankAccountCreateFromDetails.bankAccount).toMatchObject({ last4: '5358', ibanLast4: '5432', ibanCountry: 'GB', sepaSequenceType: 'FRST', accountType: 'DEFAULT', preferred: true });
      expect(seen).toEqual(['314159265358']);
    } finally {
      setBankTokenizer(previous);
    }
    const [row] = await db().select().from(bankAccounts).where(eq(bankAccounts.customerId, customer.id));
    expect(row!.token).toBe('vault-1');
    const stored = JSON.stringify(row);
    expect(stored).not.toContain('314159265358');
    expect(stored).not.toContain('12345698765432');
    const audits = JSON.stringify(await db().select().from(auditLog).where(eq(auditLog.entityType, 'bank_account')));
    expect(audits).not.toContain('314159265358');
    expect(audits).not.toContain('WEST12345698765432');

    // the default tokenizer gives an opaque random token
    const plain = await t.gql<BankResult>(FROM_DETAILS, { input: { customerId: cid(customer.id), accountNumber: '00012345' } });
    expect(plain.data.bankAccountCreateFromDetails.userErrors).toEqual([]);
    const rows = await db().select().from(bankAccounts).where(eq(bankAccounts.customerId, customer.id)).orderBy(asc(bankAccounts.id));
    expect(rows[1]!.token).toMatch(/^tok_[A-Za-z0-9_-]{20,}$/);
    expect(rows[1]!.last4).toBe('2345');

    const count = await db().$count(bankAccounts);
    const bad = await t.gql<BankResult>(FROM_DETAILS, {
      input: { customerId: cid(customer.id), accountNumber: '12ab', iban: 'GB83WEST12345698765432', sepaBic: 'XX', sepaSignatureDate: '2999-01-01' },
    });
    expect(bad.data.bankAccountCreateFromDetails.bankAccount).toBeNull();
    expect(bad.data.bankAccountCreateFromDetails.userErrors.map((e) => e.field[1]).sort()).toEqual(['accountNumber', 'iban', 'sepaBic', 'sepaSignatureDate']);
    expect(bad.data.bankAccountCreateFromDetails.userErrors.map((e) => e.message).join(' ')).not.toContain('GB83');
    expect(await db().$count(bankAccounts)).toBe(count);
  });

  it('adds tokenised bank accounts (addEFTToken) with every required field, and deletes', async () => {
    const customer = await newCustomer();
    const ADD = `mutation($input: BankAccountCreateInput!) { bankAccountCreate(input: $input) { bankAccount { id last4 sortCode accountType moduleId preferred } userErrors { field code } } }`;
    const input = { customerId: cid(customer.id), last4: '0042', token: 'eft-tok', sortCode: '012345', onlineRef: 'REF1', accountName: 'J Doe', accountType: 'SAVINGS', moduleId: 7, preferred: true };
    const ok = await t.gql<{ bankAccountCreate: { bankAccount: { id: string; sortCode: string } | null; userErrors: UserErrors } }>(ADD, { input });
    expect(ok.data.bankAccountCreate.userErrors).toEqual([]);
    expect(ok.data.bankAccountCreate.bankAccount).toMatchObject({ last4: '0042', sortCode: '012345', accountType: 'SAVINGS', moduleId: 7, preferred: true });
    const bad = await t.gql<{ bankAccountCreate: { bankAccount: null; userErrors: UserErrors } }>(ADD, {
      input: { ...input, last4: '42', accountType: 'DEFAULT', onlineRef: '', moduleId: 0 },
    });
    expect(bad.data.bankAccountCreate.userErrors.map((e) => e.field[1]).sort()).toEqual(['accountType', 'last4', 'moduleId', 'onlineRef']);
    expect(await db().$count(bankAccounts, eq(bankAccounts.customerId, customer.id))).toBe(1);
    const del = await t.gql<{ bankAccountDelete: { deletedId: string | null } }>('mutation($id: ID!) { bankAccountDelete(input: { id: $id }) { deletedId } }', {
      id: ok.data.bankAccountCreate.bankAccount!.id,
    });
    expect(del.data.bankAccountDelete.deletedId).toBe(ok.data.bankAccountCreate.bankAccount!.id);
    expect(await db().$count(bankAccounts, eq(bankAccounts.customerId, customer.id))).toBe(0);
  });

  // ------------------------------------------------------------------ plan changes

  const MOVE = `mutation($input: CustomerPlanChangeInput!) { customerPlanChange(input: $input) {
    planChange { id timing effectiveAt appliedAt moveBilling fromPlan { legacyId } toPlan { legacyId } }
    customer { servicePlan { legacyId } pendingPlanChanges(first: 5) { totalCount nodes { id } } }
    userErrors { field message code } } }`;
  type MoveResult = {
    customerPlanChange: {
      planChange: { id: string; timing: string; effectiveAt: string; appliedAt: string | null; fromPlan: { legacyId: number } | null; toPlan: { legacyId: number } } | null;
      customer: { servicePlan: { legacyId: number } | null; pendingPlanChanges: { totalCount: number; nodes: { id: string }[] } } | null;
      userErrors: UserErrors;
    };
  };

  it('moves a customer now, back-dated, at the next cycle or on a date, and applies due moves', async () => {
    const p1 = await newPlan({ price: '10.00' });
    const p2 = await newPlan({ price: '20.00' });
    const disabled = await newPlan({ enabled: false });
    const fee = await newPlan({ kind: 'fee' });
    const customer = await newCustomer({ servicePlanId: p1.id });
    const cycleYear = yearFromNow(4); // the next billing date: some January ahead, whatever today is
    const sub = await newSubscription(customer.id, p1.id, { validFrom: '2026-01-15', nextBillingDate: `${cycleYear}-01-15`, price: '10.00', description: p1.name });
    const move = (input: Record<string, unknown>) => t.gql<MoveResult>(MOVE, { input: { customerId: cid(customer.id), ...input } });

    for (const [planId, timing] of [[disabled.id, 'IMMEDIATELY'], [fee.id, 'IMMEDIATELY'], [999_999, 'IMMEDIATELY'], [p1.id, 'IMMEDIATELY'], [p2.id, 'CUSTOM_DATE']] as const) {
      const res = await move({ planId: toGlobalId('Plan', planId), timing });
      expect(res.data.customerPlanChange.planChange).toBeNull();
      expect(res.data.customerPlanChange.userErrors.length).toBeGreaterThan(0);
    }
    expect(await db().$count(planChanges, eq(planChanges.customerId, customer.id))).toBe(0);

    const next = await move({ planId: toGlobalId('Plan', p2.id), timing: 'NEXT_BILLING_CYCLE', moveBilling: true });
    expect(next.data.customerPlanChange.userErrors).toEqual([]);
    expect(next.data.customerPlanChange.planChange).toMatchObject({ timing: 'NEXT_BILLING_CYCLE', effectiveAt: `${cycleYear}-01-15T00:00:00.000Z`, appliedAt: null, fromPlan: { legacyId: p1.id }, toPlan: { legacyId: p2.id } });
    expect(next.data.customerPlanChange.customer!.servicePlan).toEqual({ legacyId: p1.id });
    // the payload's customer shows the change just recorded
    expect(next.data.customerPlanChange.customer!.pendingPlanChanges).toEqual({ totalCount: 1, nodes: [{ id: next.data.customerPlanChange.planChange!.id }] });

    // (the demo data has pending moves of its own: only this customer's are looked at)
    const mine = <R extends { customerId: number }>(rows: R[]) => rows.filter((r) => r.customerId === customer.id);
    expect(mine(await planChangeService.applyDue(ctx(), new Date(`${cycleYear}-01-14T12:00:00Z`)))).toEqual([]);
    const applied = mine(await planChangeService.applyDue(ctx(), new Date(`${cycleYear}-01-15T00:00:01Z`)));
    expect(applied.map((a) => a.toPlanId)).toEqual([p2.id]);
    const [c1] = await db().select().from(customers).where(eq(customers.id, customer.id));
    expect(c1!.servicePlanId).toBe(p2.id);
    const [s1] = await db().select().from(subscriptions).where(eq(subscriptions.id, sub.id));
    expect(s1).toMatchObject({ planId: p2.id, price: '20.00', description: p2.name });
    expect(mine(await planChangeService.applyDue(ctx(), new Date(`${cycleYear}-02-01T00:00:00Z`)))).toEqual([]);

    // immediately, billing left alone
    const now = await move({ planId: toGlobalId('Plan', p1.id), timing: 'IMMEDIATELY' });
    expect(now.data.customerPlanChange.userErrors).toEqual([]);
    expect(now.data.customerPlanChange.planChange!.appliedAt).not.toBeNull();
    expect(now.data.customerPlanChange.customer).toMatchObject({ servicePlan: { legacyId: p1.id }, pendingPlanChanges: { totalCount: 0, nodes: [] } });
    const [s2] = await db().select().from(subscriptions).where(eq(subscriptions.id, sub.id));
    expect(s2!.planId).toBe(p2.id);

    // previous billing cycle: effective from the start of the current cycle, applied now
    const back = await move({ planId: toGlobalId('Plan', p2.id), timing: 'PREVIOUS_BILLING_CYCLE', moveBilling: true });
    expect(back.data.customerPlanChange.planChange).toMatchObject({ effectiveAt: `${cycleYear - 1}-12-15T00:00:00.000Z` });
    expect(back.data.customerPlanChange.planChange!.appliedAt).not.toBeNull();

    const custom = await move({ planId: toGlobalId('Plan', p1.id), timing: 'CUSTOM_DATE', customDate: futureDay(5) });
    expect(custom.data.customerPlanChange.planChange).toMatchObject({ effectiveAt: `${futureDay(5)}T00:00:00.000Z`, appliedAt: null });
    const past = await move({ planId: toGlobalId('Plan', p1.id), timing: 'CUSTOM_DATE', customDate: '2020-01-01' });
    expect(past.data.customerPlanChange.userErrors).toEqual([expect.objectContaining({ field: ['input', 'customDate'], code: 'INVALID' })]);

    // no billing cycle, no next-cycle move
    const bare = await newCustomer({ servicePlanId: p1.id });
    const noCycle = await t.gql<MoveResult>(MOVE, { input: { customerId: cid(bare.id), planId: toGlobalId('Plan', p2.id), timing: 'NEXT_BILLING_CYCLE' } });
    expect(noCycle.data.customerPlanChange.userErrors).toEqual([expect.objectContaining({ code: 'PRECONDITION_FAILED' })]);
  });

  // ------------------------------------------------------------------ grace periods

  it('extends expiry from the later of now and the current expiry, or to a date', async () => {
    const GRACE = `mutation($input: CustomerGracePeriodCreateInput!) { customerGracePeriodCreate(input: $input) {
      gracePeriod { days previousExpiresAt newExpiresAt } customer { expiresAt accessState } userErrors { field code } } }`;
    type GraceResult = { customerGracePeriodCreate: { gracePeriod: { days: number; previousExpiresAt: string | null; newExpiresAt: string } | null; customer: { expiresAt: string; accessState: string } | null; userErrors: UserErrors } };
    const future = new Date(Date.now() + 2 * 86_400_000);
    const active = await newCustomer({ expiresAt: future });
    const res = await t.gql<GraceResult>(GRACE, { input: { customerId: cid(active.id), days: 5 } });
    expect(res.data.customerGracePeriodCreate.userErrors).toEqual([]);
    expect(res.data.customerGracePeriodCreate.customer!.expiresAt).toBe(new Date(future.getTime() + 5 * 86_400_000).toISOString());
    expect(res.data.customerGracePeriodCreate.gracePeriod).toMatchObject({ days: 5, previousExpiresAt: future.toISOString() });

    const lapsed = await newCustomer({ expiresAt: new Date(Date.now() - 10 * 86_400_000), accessState: 'expired' });
    const start = Date.now();
    const res2 = await t.gql<GraceResult>(GRACE, { input: { customerId: cid(lapsed.id), days: 3 } });
    const newExpiry = new Date(res2.data.customerGracePeriodCreate.customer!.expiresAt).getTime();
    expect(newExpiry).toBeGreaterThanOrEqual(start + 3 * 86_400_000 - 1000);
    expect(newExpiry).toBeLessThanOrEqual(Date.now() + 3 * 86_400_000 + 1000);
    expect(res2.data.customerGracePeriodCreate.customer!.accessState).toBe('ACTIVE');

    const farExpiry = futureDay(5, 3, 4);
    const toDate = await t.gql<GraceResult>(GRACE, { input: { customerId: cid(active.id), days: 30, expiryDate: farExpiry } });
    expect(toDate.data.customerGracePeriodCreate.customer!.expiresAt).toBe(`${farExpiry}T23:59:59.000Z`);

    const before = await db().$count(gracePeriods);
    const bad = await t.gql<GraceResult>(GRACE, { input: { customerId: cid(active.id), days: 0 } });
    expect(bad.data.customerGracePeriodCreate.userErrors).toEqual([{ field: ['input', 'days'], code: 'INVALID' }]);
    const shorter = await t.gql<GraceResult>(GRACE, { input: { customerId: cid(active.id), days: 1, expiryDate: futureDay(4, 1, 1) } });
    expect(shorter.data.customerGracePeriodCreate.userErrors).toEqual([{ field: ['input', 'expiryDate'], code: 'INVALID' }]);
    expect(await db().$count(gracePeriods)).toBe(before);
    const [unchanged] = await db().select().from(customers).where(eq(customers.id, active.id));
    expect(unchanged!.expiresAt!.toISOString()).toBe(`${farExpiry}T23:59:59.000Z`);
    const listed = await t.gql<{ customer: { gracePeriods: { nodes: { days: number; newExpiresAt: string }[] } } }>(
      'query($id: ID!) { customer(id: $id) { gracePeriods(first: 10) { nodes { days newExpiresAt } } } }',
      { id: cid(active.id) },
    );
    expect(listed.data.customer.gracePeriods.nodes.map((g) => g.days)).toEqual([5, 30]);
    expect(listed.data.customer.gracePeriods.nodes[1]!.newExpiresAt).toBe(`${farExpiry}T23:59:59.000Z`);
  });

  // ------------------------------------------------------------------ field collections

  it('requests, collects, approves into payments settling the oldest invoices, and disapproves', async () => {
    const customer = await newCustomer();
    const [{ max }] = (await db().select({ max: sql<number>`coalesce(max(${invoices.number}), 0)` }).from(invoices).where(eq(invoices.operatorId, demoId))) as [{ max: number }];
    const [older, newer] = await db()
      .insert(invoices)
      .values([
        { operatorId: demoId, number: Number(max) + 1, customerId: customer.id, kind: 'manual', issueDate: '2026-01-01', dueDate: '2026-01-15', subtotal: '30.00', total: '30.00' },
        { operatorId: demoId, number: Number(max) + 2, customerId: customer.id, kind: 'manual', issueDate: '2026-02-01', dueDate: '2026-02-15', subtotal: '40.00', total: '40.00' },
      ])
      .returning();
    const c = cid(customer.id);
    const FIELDS = 'paymentCollection { id legacyId status amount method cardLast4 bringChangeFor payment { amount } } userErrors { field message code }';
    type Coll = { paymentCollection: { id: string; legacyId: number; status: string; amount: string | null } | null; userErrors: UserErrors };

    const req = await t.gql<{ paymentCollectionRequest: Coll }>(`mutation($c: ID!) { paymentCollectionRequest(input: { customerId: $c, bringChangeFor: "500" }) { ${FIELDS} } }`, { c });
    expect(req.data.paymentCollectionRequest.paymentCollection).toMatchObject({ status: 'REQUESTED', bringChangeFor: '500' });
    const dup = await t.gql<{ paymentCollectionRequest: Coll }>(`mutation($c: ID!) { paymentCollectionRequest(input: { customerId: $c }) { ${FIELDS} } }`, { c });
    expect(dup.data.paymentCollectionRequest.userErrors).toEqual([expect.objectContaining({ code: 'CONFLICT' })]);

    const COLLECT = `mutation($input: PaymentCollectionCollectInput!) { paymentCollectionCollect(input: $input) { ${FIELDS} } }`;
    const fullCard = await t.gql<{ paymentCollectionCollect: Coll }>(COLLECT, {
      input: { customerId: c, amount: '50.00', statusOfCollection: 'CASH_COLLECTED', method: 'CREDIT_CARD', cardLast4: '4111111111111111', cardExpiration: '12/30' },
    });
    expect(fullCard.data.paymentCollectionCollect.userErrors).toEqual([expect.objectContaining({ field: ['input', 'cardLast4'], code: 'INVALID' })]);
    expect(JSON.stringify(fullCard)).not.toContain('4111111111111111');
    const cheque = await t.gql<{ paymentCollectionCollect: Coll }>(COLLECT, { input: { customerId: c, amount: '50.00', statusOfCollection: 'CASH_COLLECTED', method: 'CHEQUE' } });
    expect(cheque.data.paymentCollectionCollect.userErrors.map((e) => e.field[1]).sort()).toEqual(['bank', 'chequeDate', 'chequeNumber']);
    const noAmount = await t.gql<{ paymentCollectionCollect: Coll }>(COLLECT, { input: { customerId: c, statusOfCollection: 'CASH_COLLECTED', method: 'CASH' } });
    expect(noAmount.data.paymentCollectionCollect.userErrors).toEqual([expect.objectContaining({ field: ['input', 'amount'] })]);
    const [stillRequested] = await db().select().from(paymentCollections).where(eq(paymentCollections.customerId, customer.id));
    expect(stillRequested!.status).toBe('requested');

    const collected = await t.gql<{ paymentCollectionCollect: Coll }>(COLLECT, {
      input: { customerId: c, amount: '50.00', statusOfCollection: 'CASH_COLLECTED', method: 'DEBIT_CARD', cardLast4: '0005', cardExpiration: `11/${yearFromNow(5)}`, notes: 'paid at door' },
    });
    expect(collected.data.paymentCollectionCollect.userErrors).toEqual([]);
    const collection = collected.data.paymentCollectionCollect.paymentCollection!;
    expect(collection).toMatchObject({ id: req.data.paymentCollectionRequest.paymentCollection!.id, status: 'CASH_COLLECTED', amount: '50.00', method: 'DEBIT_CARD', cardLast4: '0005' });

    const APPROVE = `mutation($input: PaymentCollectionApproveInput!) { paymentCollectionApprove(input: $input) {
      paymentCollection { status amount payment { amount } } payments { amount method invoiceId: reference } userErrors { field code } } }`;
    type Approve = { paymentCollectionApprove: { paymentCollection: { status: string; amount: string; payment: { amount: string } } | null; payments: { amount: string; method: string }[] | null; userErrors: UserErrors } };
    const wrongCustomer = await t.gql<Approve>(APPROVE, { input: { customerId: cid((await newCustomer()).id), collectionId: collection.id, amount: '50.00' } });
    expect(wrongCustomer.data.paymentCollectionApprove.userErrors[0]!.field).toEqual(['input', 'collectionId']);
    const approved = await t.gql<Approve>(APPROVE, { input: { customerId: c, collectionId: collection.id, amount: '50.00' } });
    expect(approved.data.paymentCollectionApprove.userErrors).toEqual([]);
    expect(approved.data.paymentCollectionApprove.paymentCollection).toMatchObject({ status: 'APPROVED', amount: '50.00', payment: { amount: '30.00' } });
    expect(approved.data.paymentCollectionApprove.payments!.map((p) => [p.amount, p.method])).toEqual([['30.00', 'DEBIT_CARD'], ['20.00', 'DEBIT_CARD']]);
    const invs = await db().select().from(invoices).where(eq(invoices.customerId, customer.id)).orderBy(asc(invoices.id));
    expect(invs.map((i) => [i.id, i.status, i.amountPaid])).toEqual([[older!.id, 'paid', '30.00'], [newer!.id, 'partially_paid', '20.00']]);
    const again = await t.gql<Approve>(APPROVE, { input: { customerId: c, collectionId: collection.id, amount: '50.00' } });
    expect(again.data.paymentCollectionApprove.userErrors).toEqual([{ field: ['input', 'collectionId'], code: 'PRECONDITION_FAILED' }]);
    expect(await db().$count(payments, eq(payments.customerId, customer.id))).toBe(2);

    // a second collection: more than is owed, the rest goes on account
    const cash = await t.gql<{ paymentCollectionCollect: Coll }>(COLLECT, { input: { customerId: c, amount: '100.00', statusOfCollection: 'CASH_COLLECTED', method: 'CASH' } });
    const big = await t.gql<Approve>(APPROVE, { input: { customerId: c, collectionId: cash.data.paymentCollectionCollect.paymentCollection!.id, amount: '100.00' } });
    expect(big.data.paymentCollectionApprove.payments!.map((p) => p.amount)).toEqual(['20.00', '80.00']);
    const rows = await db().select().from(payments).where(eq(payments.customerId, customer.id)).orderBy(asc(payments.id));
    expect(rows.map((p) => [p.invoiceId, p.amount, p.method])).toEqual([
      [older!.id, '30.00', 'debit_card'],
      [newer!.id, '20.00', 'debit_card'],
      [newer!.id, '20.00', 'cash'],
      [null, '80.00', 'cash'],
    ]);

    // not available → disapproved; a decided collection cannot be decided again
    const away = await t.gql<{ paymentCollectionCollect: Coll }>(COLLECT, { input: { customerId: c, statusOfCollection: 'NOT_AVAILABLE' } });
    const awayId = away.data.paymentCollectionCollect.paymentCollection!.id;
    const cannotApprove = await t.gql<Approve>(APPROVE, { input: { customerId: c, collectionId: awayId, amount: '10.00' } });
    expect(cannotApprove.data.paymentCollectionApprove.userErrors[0]!.code).toBe('PRECONDITION_FAILED');
    const DISAPPROVE = `mutation($input: PaymentCollectionDisapproveInput!) { paymentCollectionDisapprove(input: $input) { ${FIELDS} } }`;
    const no = await t.gql<{ paymentCollectionDisapprove: Coll }>(DISAPPROVE, { input: { customerId: c, collectionId: awayId, reason: 'not home' } });
    expect(no.data.paymentCollectionDisapprove.paymentCollection!.status).toBe('DISAPPROVED');
    const twice = await t.gql<{ paymentCollectionDisapprove: Coll }>(DISAPPROVE, { input: { customerId: c, collectionId: collection.id } });
    expect(twice.data.paymentCollectionDisapprove.userErrors[0]!.code).toBe('PRECONDITION_FAILED');
    const [decided] = await db().select().from(paymentCollections).where(and(eq(paymentCollections.customerId, customer.id), eq(paymentCollections.status, 'disapproved')));
    expect(decided!.decidedAt).not.toBeNull();
    const listed = await t.gql<{ customer: { paymentCollections: { nodes: { status: string; amount: string | null }[] } } }>(
      'query($id: ID!) { customer(id: $id) { paymentCollections(first: 10) { nodes { status amount } } } }',
      { id: c },
    );
    expect(listed.data.customer.paymentCollections.nodes).toEqual([
      { status: 'DISAPPROVED', amount: null },
      { status: 'APPROVED', amount: '100.00' },
      { status: 'APPROVED', amount: '50.00' },
    ]);
  });
});
