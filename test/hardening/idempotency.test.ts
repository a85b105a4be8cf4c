/**
 * Retries never pay twice: every money mutation takes an optional idempotency key. A retry with
 * the same key and input gets the first payload back and writes nothing, whether it comes after
 * the first call or races it; the same key with other input (or on another mutation) is a
 * CONFLICT; keys are per operator and forgotten after their retention. Rows are counted in the
 * tables a user would see move: payments, invoices, the wallet ledger.
 */
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoices } from '../../src/billing/invoice.table';
import { paymentCollections } from '../../src/billing/payment-collection.table';
import { payments } from '../../src/billing/payment.table';
import { subscriptions } from '../../src/billing/subscription.table';
import { plans } from '../../src/catalog/plan.table';
import { customers } from '../../src/customers/customer.table';
import { toGlobalId } from '../../src/graphql/global-id';
import { forgetExpiredIdempotencyKeys } from '../../src/idempotency/expiry';
import { writeOnce, type OnceSpec } from '../../src/idempotency/write-once';
import { idempotencyKeys } from '../../src/idempotency/idempotency-key.table';
import { resellers } from '../../src/resellers/reseller.table';
import { resellerWalletTransactions } from '../../src/resellers/wallet-transaction.table';
import type { ServiceContext } from '../../src/shared/context';
import { PreconditionFailedError } from '../../src/shared/errors';
import { sha256Hex } from '../../src/shared/secrets';
import { apiTokens } from '../../src/tenancy/api-token.table';
import { operators } from '../../src/tenancy/operator.table';
import { staffUsers } from '../../src/tenancy/staff-user.table';
import { startTestApp, type TestApp } from '../helpers/app';
import { enabledEngines } from '../helpers/engines';

type UserErrors = { field: string[]; message: string; code: string }[];
const OTHER_TOKEN = 'idempotency-other-operator-token';
const CONCURRENT_CALLS = 8;
/** The demo operator's CRM API key (the CRM documents' own example). */
const CRM_API_KEY = '0f9895fb407c83e5ea128082098b47681aa75d6944576423c4';

const PAY = `mutation($input: InvoicePayInput!) { invoicePay(input: $input) {
  invoice { id amountPaid status } payment { id amount method narrative } userErrors { field message code } } }`;
const GENERATE = `mutation($input: InvoicesGenerateInput!) { invoicesGenerate(input: $input) {
  invoices { id number total } userErrors { field message code } } }`;
const APPROVE = `mutation($input: PaymentCollectionApproveInput!) { paymentCollectionApprove(input: $input) {
  paymentCollection { id status amount } payments { id amount invoice { id } } userErrors { field message code } } }`;
const COLLECT = `mutation($input: PaymentCollectionCollectInput!) { paymentCollectionCollect(input: $input) {
  paymentCollection { id status amount method } userErrors { field message code } } }`;
const WALLET = `mutation($input: ResellerWalletAdjustInput!) { resellerWalletAdjust(input: $input) {
  reseller { id walletBalance } transaction { id amount balanceAfter } userErrors { field message code } } }`;

type Payload = { userErrors: UserErrors } & Record<string, unknown>;

/** A day relative to today (UTC), so no test depends on the calendar date. */
function daysFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

describe.each(enabledEngines())('idempotency keys on %s', (engine) => {
  let t: TestApp;
  let demoId: number;
  let otherId: number;
  let serial = 0;
  const db = () => t.database.handle.db;

  /** Runs a mutation and returns its payload (the one root field). */
  async function call(query: string, input: Record<string, unknown>, token?: string): Promise<Payload> {
    const res = await t.gql<Record<string, Payload>>(query, { input }, token);
    expect(res.errors).toBeUndefined();
    return Object.values(res.data)[0]!;
  }
  async function ok(query: string, input: Record<string, unknown>, token?: string): Promise<Payload> {
    const payload = await call(query, input, token);
    expect(payload.userErrors).toEqual([]);
    return payload;
  }
  /** The same call `CONCURRENT_CALLS` times at once. */
  function race(query: string, input: Record<string, unknown>): Promise<Payload[]> {
    return Promise.all(Array.from({ length: CONCURRENT_CALLS }, () => call(query, input)));
  }
  const key = () => `key-${engine}-${++serial}-${Math.random().toString(36).slice(2)}`;

  async function newCustomer(operatorId = demoId) {
    serial++;
    const [row] = await db()
      .insert(customers)
      .values({ operatorId, name: `Idem ${serial}`, nickname: `idem_${serial}`, invoicingId: `IDEM-${serial}` })
      .returning();
    return row!;
  }
  async function newInvoice(customerId: number, total = '100.00') {
    serial++;
    const [row] = await db()
      .insert(invoices)
      .values({ operatorId: demoId, number: 700_000 + serial, customerId, kind: 'manual', issueDate: daysFromToday(-1), dueDate: daysFromToday(20), subtotal: total, total })
      .returning();
    return row!;
  }
  async function newCollection(customerId: number, amount: string) {
    const [row] = await db().insert(paymentCollections).values({ operatorId: demoId, customerId, status: 'cash_collected', amount, method: 'cash' }).returning();
    return row!;
  }
  async function newReseller(operatorId = demoId) {
    serial++;
    const [row] = await db()
      .insert(resellers)
      .values({ operatorId, type: 'reseller', name: `Idem reseller ${serial}`, code: `IDR${serial}`, mobile: '+353800000000', email: `idr${serial}@example.com`, invoiceBy: 'isp', paymentBy: 'isp' })
      .returning();
    return row!;
  }
  const paymentsOf = async (invoiceId: number) => (await db().select().from(payments).where(eq(payments.invoiceId, invoiceId))).length;
  const paymentsOfCustomer = async (customerId: number) => (await db().select().from(payments).where(eq(payments.customerId, customerId))).length;
  const invoicesOf = async (customerId: number) => (await db().select().from(invoices).where(eq(invoices.customerId, customerId))).length;
  const ledgerOf = async (resellerId: number) => (await db().select().from(resellerWalletTransactions).where(eq(resellerWalletTransactions.resellerId, resellerId))).length;
  const payInput = (invoiceId: number, amount: string, idempotencyKey?: string) => ({
    invoiceId: toGlobalId('Invoice', invoiceId),
    amount,
    method: 'CASH',
    narrative: 'counter',
    ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
  });
  const walletInput = (resellerId: number, amount: string, idempotencyKey?: string) => ({
    resellerId: toGlobalId('Reseller', resellerId),
    action: 'TOP_UP',
    amount,
    ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
  });

  beforeAll(async () => {
    t = await startTestApp(engine);
    [{ id: demoId }] = (await db().select({ id: operators.id }).from(operators).where(eq(operators.code, 'demo'))) as [{ id: number }];
    const [other] = await db().insert(operators).values({ code: 'idem_other', name: 'Other ISP', timezone: 'UTC' }).returning({ id: operators.id });
    otherId = other!.id;
    const [staff] = await db().insert(staffUsers).values({ operatorId: otherId, username: 'boss', displayName: 'Other boss', role: 'admin' }).returning({ id: staffUsers.id });
    await db().insert(apiTokens).values({ operatorId: otherId, staffUserId: staff!.id, label: 'other', tokenHash: sha256Hex(OTHER_TOKEN) });
  }, 120_000);
  afterAll(async () => {
    await t?.stop();
  });

  // ------------------------------------------------------------------ invoicePay

  describe('invoicePay', () => {
    it('answers a sequential retry with the first payload and pays once', async () => {
      const invoice = await newInvoice((await newCustomer()).id);
      const k = key();
      const first = await ok(PAY, payInput(invoice.id, '40.00', k));
      const retry = await ok(PAY, payInput(invoice.id, '40.00', k));
      expect(retry).toEqual(first);
      expect(first.invoice).toMatchObject({ amountPaid: '40.00', status: 'PARTIALLY_PAID' });
      expect(await paymentsOf(invoice.id)).toBe(1);
    });

    it(`pays once when ${CONCURRENT_CALLS} calls with one key race`, async () => {
      const invoice = await newInvoice((await newCustomer()).id);
      const results = await race(PAY, payInput(invoice.id, '25.00', key()));
      for (const r of results) expect(r).toEqual(results[0]);
      expect(results[0]!.userErrors).toEqual([]);
      expect(await paymentsOf(invoice.id)).toBe(1);
      const [row] = await db().select().from(invoices).where(eq(invoices.id, invoice.id));
      expect(row!.amountPaid).toBe('25.00');
    });

    it('refuses the same key with other input as a CONFLICT and writes nothing', async () => {
      const invoice = await newInvoice((await newCustomer()).id);
      const k = key();
      await ok(PAY, payInput(invoice.id, '10.00', k));
      const other = await call(PAY, payInput(invoice.id, '11.00', k));
      expect(other).toMatchObject({ invoice: null, payment: null });
      expect(other.userErrors).toEqual([{ field: ['input', 'idempotencyKey'], code: 'CONFLICT', message: expect.stringMatching(/different input/) }]);
      expect(await paymentsOf(invoice.id)).toBe(1);
    });

    it('without a key pays every time, as before', async () => {
      const invoice = await newInvoice((await newCustomer()).id);
      const a = await ok(PAY, payInput(invoice.id, '10.00'));
      const b = await ok(PAY, payInput(invoice.id, '10.00'));
      expect(b.payment).not.toEqual(a.payment);
      expect(await paymentsOf(invoice.id)).toBe(2);
    });

    it('stores nothing for a refused call, so the corrected call may use the same key', async () => {
      const invoice = await newInvoice((await newCustomer()).id, '50.00');
      const k = key();
      const refused = await call(PAY, payInput(invoice.id, '60.00', k));
      expect(refused.userErrors).toEqual([expect.objectContaining({ field: ['input', 'amount'], code: 'INVALID' })]);
      expect(await db().select().from(idempotencyKeys).where(and(eq(idempotencyKeys.operatorId, demoId), eq(idempotencyKeys.key, k)))).toEqual([]);
      const paid = await ok(PAY, payInput(invoice.id, '50.00', k));
      expect(paid.invoice).toMatchObject({ status: 'PAID' });
      expect(await paymentsOf(invoice.id)).toBe(1);
    });

    it('refuses malformed keys as INVALID', async () => {
      const invoice = await newInvoice((await newCustomer()).id);
      for (const bad of ['', 'x'.repeat(256), 'tab\there', ' padded', 'naïve']) {
        const res = await call(PAY, payInput(invoice.id, '1.00', bad));
        expect(res.userErrors, JSON.stringify(bad)).toEqual([expect.objectContaining({ field: ['input', 'idempotencyKey'], code: 'INVALID' })]);
      }
      expect(await ok(PAY, payInput(invoice.id, '1.00', 'x'.repeat(255)))).toMatchObject({ payment: { amount: '1.00' } });
      expect(await paymentsOf(invoice.id)).toBe(1);
    });
  });

  // ------------------------------------------------------------------ invoicesGenerate

  describe('invoicesGenerate', () => {
    async function billable() {
      const customer = await newCustomer();
      serial++;
      const [plan] = await db().insert(plans).values({ operatorId: demoId, name: `Idem plan ${serial}`, kind: 'service', price: '20.00', frequencyMonths: 1 }).returning();
      const validFrom = daysFromToday(-3);
      await db().insert(subscriptions).values({ operatorId: demoId, customerId: customer.id, planId: plan!.id, description: 'Broadband', validFrom, nextBillingDate: validFrom });
      return customer;
    }

    it('answers a sequential retry with the invoices of the first run, which a keyless rerun would not return', async () => {
      const customer = await billable();
      const input = { kind: 'NEW', customerId: toGlobalId('Customer', customer.id), idempotencyKey: key() };
      const first = await ok(GENERATE, input);
      expect(first.invoices).toHaveLength(1);
      expect(await ok(GENERATE, input)).toEqual(first);
      expect(await invoicesOf(customer.id)).toBe(1);
      // without the key the rerun bills nothing and says so: the key is what gives the first answer back
      const { idempotencyKey: _unused, ...keyless } = input;
      expect((await ok(GENERATE, keyless)).invoices).toEqual([]);
    });

    it(`bills once when ${CONCURRENT_CALLS} runs with one key race`, async () => {
      const customer = await billable();
      const results = await race(GENERATE, { kind: 'NEW', customerId: toGlobalId('Customer', customer.id), idempotencyKey: key() });
      for (const r of results) expect(r).toEqual(results[0]);
      expect(results[0]!.invoices).toHaveLength(1);
      expect(await invoicesOf(customer.id)).toBe(1);
    });

    it('refuses the key on another mutation as a CONFLICT', async () => {
      const customer = await billable();
      const k = key();
      await ok(GENERATE, { kind: 'NEW', customerId: toGlobalId('Customer', customer.id), idempotencyKey: k });
      const invoice = await newInvoice(customer.id);
      const res = await call(PAY, payInput(invoice.id, '5.00', k));
      expect(res.userErrors).toEqual([expect.objectContaining({ field: ['input', 'idempotencyKey'], code: 'CONFLICT', message: expect.stringMatching(/another operation/) })]);
      expect(await paymentsOf(invoice.id)).toBe(0);
    });
  });

  // ------------------------------------------------------------------ paymentCollectionApprove

  describe('paymentCollectionApprove', () => {
    async function collected(amount: string) {
      const customer = await newCustomer();
      await newInvoice(customer.id, '30.00');
      const collection = await newCollection(customer.id, amount);
      return {
        customer,
        input: (idempotencyKey?: string) => ({
          customerId: toGlobalId('Customer', customer.id),
          collectionId: toGlobalId('PaymentCollection', collection.id),
          amount,
          ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
        }),
      };
    }

    it('answers a sequential retry with the first payments instead of "already approved"', async () => {
      const { customer, input } = await collected('45.00');
      const k = key();
      const first = await ok(APPROVE, input(k));
      expect(first.payments).toHaveLength(2); // 30.00 on the invoice, 15.00 on account
      expect(await ok(APPROVE, input(k))).toEqual(first);
      expect(await paymentsOfCustomer(customer.id)).toBe(2);
      const keyless = await call(APPROVE, input());
      expect(keyless.userErrors).toEqual([expect.objectContaining({ code: 'PRECONDITION_FAILED' })]);
    });

    it(`records the payments once when ${CONCURRENT_CALLS} approvals with one key race`, async () => {
      const { customer, input } = await collected('30.00');
      const results = await race(APPROVE, input(key()));
      for (const r of results) expect(r).toEqual(results[0]);
      expect(results[0]!.payments).toHaveLength(1);
      expect(await paymentsOfCustomer(customer.id)).toBe(1);
    });

    it('refuses the same key with another amount as a CONFLICT', async () => {
      const { customer, input } = await collected('30.00');
      const k = key();
      await ok(APPROVE, input(k));
      const res = await call(APPROVE, { ...input(k), amount: '31.00' });
      expect(res.userErrors).toEqual([expect.objectContaining({ field: ['input', 'idempotencyKey'], code: 'CONFLICT' })]);
      expect(await paymentsOfCustomer(customer.id)).toBe(1);
    });
  });

  // ------------------------------------------------------------------ paymentCollectionCollect

  describe('paymentCollectionCollect', () => {
    const collectionsOf = async (customerId: number) => db().select().from(paymentCollections).where(eq(paymentCollections.customerId, customerId));
    const collectInput = (customerId: number, amount: string, idempotencyKey?: string) => ({
      customerId: toGlobalId('Customer', customerId),
      amount,
      statusOfCollection: 'CASH_COLLECTED',
      method: 'CASH',
      ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
    });

    it('answers a retried report with the first collection instead of recording a second one', async () => {
      const customer = await newCustomer();
      const k = key();
      const first = await ok(COLLECT, collectInput(customer.id, '40.00', k));
      expect(await ok(COLLECT, collectInput(customer.id, '40.00', k))).toEqual(first);
      expect(await collectionsOf(customer.id)).toHaveLength(1);
      // without a key a repeated report is a second collection (nothing was waiting), as before
      await ok(COLLECT, collectInput(customer.id, '40.00'));
      expect(await collectionsOf(customer.id)).toHaveLength(2);
    });

    it(`records one collection when ${CONCURRENT_CALLS} reports with one key race`, async () => {
      const customer = await newCustomer();
      const results = await race(COLLECT, collectInput(customer.id, '15.00', key()));
      for (const r of results) expect(r).toEqual(results[0]);
      expect(await collectionsOf(customer.id)).toHaveLength(1);
    });
  });

  // ------------------------------------------------------------------ resellerWalletAdjust

  describe('resellerWalletAdjust', () => {
    it('answers a sequential retry with the first ledger entry and tops up once', async () => {
      const reseller = await newReseller();
      const k = key();
      const first = await ok(WALLET, walletInput(reseller.id, '25.00', k));
      expect(await ok(WALLET, walletInput(reseller.id, '25.00', k))).toEqual(first);
      expect(first.reseller).toMatchObject({ walletBalance: '25.00' });
      expect(await ledgerOf(reseller.id)).toBe(1);
    });

    it(`tops up once when ${CONCURRENT_CALLS} calls with one key race`, async () => {
      const reseller = await newReseller();
      const results = await race(WALLET, walletInput(reseller.id, '12.50', key()));
      for (const r of results) expect(r).toEqual(results[0]);
      expect(results[0]!.transaction).toMatchObject({ amount: '12.50', balanceAfter: '12.50' });
      expect(await ledgerOf(reseller.id)).toBe(1);
      const [row] = await db().select().from(resellers).where(eq(resellers.id, reseller.id));
      expect(row!.walletBalance).toBe('12.50');
    });

    it('refuses the same key for another reseller as a CONFLICT', async () => {
      const a = await newReseller();
      const b = await newReseller();
      const k = key();
      await ok(WALLET, walletInput(a.id, '5.00', k));
      const res = await call(WALLET, walletInput(b.id, '5.00', k));
      expect(res.userErrors).toEqual([expect.objectContaining({ field: ['input', 'idempotencyKey'], code: 'CONFLICT' })]);
      expect(await ledgerOf(b.id)).toBe(0);
    });

    it('without a key tops up every time, as before', async () => {
      const reseller = await newReseller();
      await ok(WALLET, walletInput(reseller.id, '5.00'));
      await ok(WALLET, walletInput(reseller.id, '5.00'));
      expect(await ledgerOf(reseller.id)).toBe(2);
    });

    it('keeps keys per operator: another operator may use the same key for its own top-up', async () => {
      const mine = await newReseller();
      const theirs = await newReseller(otherId);
      const k = key();
      await ok(WALLET, walletInput(mine.id, '7.00', k));
      const other = await ok(WALLET, walletInput(theirs.id, '9.00', k), OTHER_TOKEN);
      expect(other.transaction).toMatchObject({ amount: '9.00' });
      expect(await ledgerOf(mine.id)).toBe(1);
      expect(await ledgerOf(theirs.id)).toBe(1);
    });
  });

  // ------------------------------------------------------------------ the mechanism itself

  describe('writeOnce', () => {
    const serviceCtx = (): ServiceContext => ({ db: db(), actor: { operatorId: demoId, staffUserId: null, role: 'admin', surface: 'cli' } });
    const spec = (k: string): OnceSpec<number> => ({
      operation: 'test.count',
      key: k,
      input: { what: 'count' },
      remember: (n) => ({ n }),
      recall: async (_tx, stored) => stored.n as number,
    });

    it('lets a retry that waited on a call which then failed do the write itself', async () => {
      const k = key();
      let claimed!: () => void;
      const firstHasKey = new Promise<void>((resolve) => (claimed = resolve));
      const first = writeOnce(serviceCtx(), spec(k), async () => {
        claimed();
        await new Promise((resolve) => setTimeout(resolve, 150));
        throw new PreconditionFailedError('refused after claiming the key');
      });
      await firstHasKey;
      const second = writeOnce(serviceCtx(), spec(k), async () => 2);
      await expect(first).rejects.toThrow('refused after claiming the key');
      expect(await second).toBe(2);
      expect(await writeOnce(serviceCtx(), spec(k), async () => 3)).toBe(2);
    });
  });

  // ------------------------------------------------------------------ retention

  describe('retention', () => {
    const age = (k: string, hours: number) =>
      db()
        .update(idempotencyKeys)
        .set({ createdAt: sql`now() - make_interval(hours => ${hours}::int)` })
        .where(and(eq(idempotencyKeys.operatorId, demoId), eq(idempotencyKeys.key, k)));

    it('honours a key for at least 24 hours, through the sweep', async () => {
      const reseller = await newReseller();
      const k = key();
      const first = await ok(WALLET, walletInput(reseller.id, '3.00', k));
      await age(k, 25);
      await forgetExpiredIdempotencyKeys(db());
      expect(await ok(WALLET, walletInput(reseller.id, '3.00', k))).toEqual(first);
      expect(await ledgerOf(reseller.id)).toBe(1);
    });

    it('forgets a key after 48 hours: the sweep deletes it and the key then writes anew', async () => {
      const reseller = await newReseller();
      const k = key();
      await ok(WALLET, walletInput(reseller.id, '3.00', k));
      await age(k, 49);
      expect(await forgetExpiredIdempotencyKeys(db())).toBeGreaterThanOrEqual(1);
      expect(await db().select().from(idempotencyKeys).where(and(eq(idempotencyKeys.operatorId, demoId), eq(idempotencyKeys.key, k)))).toEqual([]);
      const again = await ok(WALLET, walletInput(reseller.id, '3.00', k));
      expect(again.reseller).toMatchObject({ walletBalance: '6.00' });
      expect(await ledgerOf(reseller.id)).toBe(2);
    });

    it('treats a key past retention as new even before the sweep, also for other input', async () => {
      const reseller = await newReseller();
      const k = key();
      await ok(WALLET, walletInput(reseller.id, '3.00', k));
      await age(k, 49);
      const again = await ok(WALLET, walletInput(reseller.id, '4.00', k));
      expect(again.reseller).toMatchObject({ walletBalance: '7.00' });
      // and the key now stands for the new call
      expect(await ok(WALLET, walletInput(reseller.id, '4.00', k))).toEqual(again);
      expect(await ledgerOf(reseller.id)).toBe(2);
    });
  });

  // ------------------------------------------------------------------ legacy header

  describe('Idempotency-Key header on the legacy REST APIs', () => {
    const payInvoice = (number: number, amount: string, headers: Record<string, string>) =>
      fetch(`${t.url}/API/payInvoice`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ api_username: 'demo', api_password: 'demo', invoiceNo: String(number), amount, paymentType: 'cash' }),
      }).then(async (res) => ((await res.json()) as { result: unknown }).result);

    it('makes a SIMPLer payInvoice retry pay once, and refuses the key with another amount', async () => {
      const invoice = await newInvoice((await newCustomer()).id);
      const k = key();
      expect(await payInvoice(invoice.number, '20.00', { 'Idempotency-Key': k })).toBe('OK');
      expect(await payInvoice(invoice.number, '20.00', { 'Idempotency-Key': k })).toBe('OK');
      expect(await paymentsOf(invoice.id)).toBe(1);
      expect(await payInvoice(invoice.number, '21.00', { 'Idempotency-Key': k })).toMatch(/^ERROR: .*idempotency key .* different input/);
      expect(await paymentsOf(invoice.id)).toBe(1);
      // the same key through GraphQL with the same input is the same call
      const viaGraphql = await ok(PAY, { number: invoice.number, amount: '20.00', method: 'CASH', idempotencyKey: k });
      expect(viaGraphql.invoice).toMatchObject({ amountPaid: '20.00' });
      expect(await paymentsOf(invoice.id)).toBe(1);
      // without the header, as before
      expect(await payInvoice(invoice.number, '20.00', {})).toBe('OK');
      expect(await paymentsOf(invoice.id)).toBe(2);
    });

    it('makes a Jaze collection_approval retry record the payments once', async () => {
      const customer = await newCustomer();
      const collection = await newCollection(customer.id, '12.00');
      const k = key();
      const approve = () =>
        fetch(`${t.url}/api/v1/collection_approval`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: 'Bearer demo-token', 'Idempotency-Key': k },
          body: JSON.stringify({ userId: customer.id, modelId: collection.id, amount: '12.00' }),
        }).then((res) => res.json() as Promise<{ status: string; message: unknown }>);
      expect(await approve()).toMatchObject({ status: 'success', message: 'Payment Approved' });
      expect(await approve()).toMatchObject({ status: 'success', message: 'Payment Approved' });
      expect(await paymentsOfCustomer(customer.id)).toBe(1);
    });

    it('makes a CRM reseller/wallet_update retry top up once', async () => {
      const reseller = await newReseller();
      const k = key();
      const walletUpdate = (amt: string) =>
        fetch(`${t.url}/api/reseller/wallet_update`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'Idempotency-Key': k },
          body: JSON.stringify({ userid: '5', api_key: CRM_API_KEY, resellerid: reseller.id, action: 'TopUp', amt }),
        }).then((res) => res.json() as Promise<{ result: unknown; error: unknown }>);
      expect(await walletUpdate('8.00')).toEqual({ result: 'done', error: null });
      expect(await walletUpdate('8.00')).toEqual({ result: 'done', error: null });
      expect(await ledgerOf(reseller.id)).toBe(1);
      expect((await walletUpdate('9.00')).error).toMatch(/idempotency key .* different input/);
      expect(await ledgerOf(reseller.id)).toBe(1);
    });
  });
});
