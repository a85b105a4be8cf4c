/**
 * Jaze field payment collection and renewals: E39 payment_collection_request, E25
 * collect_user_payment, E22 get_collection_approval_users, E23 collection_approval, E24
 * collection_disapproval, E27 assign_users_to_admin, E21 get_collection_users_areawise and E35
 * get_renewal_details. Effects are read back through the GraphQL graph (a customer's
 * paymentCollections and payments); refused calls must leave everything as it was.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app';
import { enabledEngines } from '../helpers/engines';
import { jaze } from '../helpers/jaze';
import { rows } from '../helpers/sql';
import { dayFromNow } from '../helpers/dates';

interface GqlCollection {
  legacyId: number;
  status: string;
  amount: string | null;
  method: string | null;
  bank: string | null;
  chequeNumber: string | null;
  chequeDate: string | null;
  cardLast4: string | null;
  cardExpiration: string | null;
  notes: string | null;
  bringChangeFor: string | null;
}
interface GqlCustomerMoney {
  paymentCollections: GqlCollection[];
  payments: { totalCount: number; nodes: { amount: string; method: string; narrative: string | null }[] };
}

type Body = { status: string; errorCode: number; message: string };
const ADMIN = 1;
const MANAGER = 2;
const COLLECTOR = 3;
const INSTALLER = 4;

// Jaze collection and renewal filters read days in UTC; computed per call, never at file load.
const today = () => dayFromNow(0);
const tomorrow = () => dayFromNow(1);

describe.each(enabledEngines())('Jaze payment collection and renewals on %s', (engine) => {
  let t: TestApp;
  const db = () => t.database.handle.db;
  const post = (path: string, params: Record<string, string | number | undefined>) => jaze(t.url, 'POST', path, params);
  const get = (path: string, params: Record<string, string | number | undefined> = {}) => jaze(t.url, 'GET', path, params);

  async function moneyOf(customerId: number): Promise<GqlCustomerMoney> {
    const res = await t.gql<{ customer: Omit<GqlCustomerMoney, 'paymentCollections'> & { paymentCollections: { nodes: GqlCollection[] } } }>(
      `query($id: Int!) { customer(legacyId: $id) {
        paymentCollections(first: 100) { nodes { legacyId status amount method bank chequeNumber chequeDate cardLast4 cardExpiration notes bringChangeFor } }
        payments(first: 100) { totalCount nodes { amount method narrative } } } }`,
      { id: customerId },
    );
    expect(res.errors).toBeUndefined();
    return { ...res.data.customer, paymentCollections: res.data.customer.paymentCollections.nodes };
  }

  function expectFailure(body: Body, errorCode: number, message?: RegExp) {
    expect(body.status).toBe('failure');
    expect(body.errorCode).toBe(errorCode);
    if (message) expect(body.message).toMatch(message);
  }

  /** Customers the seed gave no collection, so each test starts from a clean slate. */
  let fresh: number[] = [];
  const takeCustomer = () => fresh.shift()!;

  beforeAll(async () => {
    t = await startTestApp(engine);
    const busy = await rows<{ customer_id: number }>(db(), sql`select distinct customer_id from payment_collections`);
    const taken = new Set(busy.map((r) => Number(r.customer_id)));
    fresh = Array.from({ length: 120 }, (_, i) => 150 + i).filter((id) => !taken.has(id));
  }, 120_000);
  afterAll(async () => t?.stop());

  async function requested(customerId: number, change = 'none'): Promise<number> {
    const res = await get(`/api/v1/payment_collection_request/${customerId}/${change}`);
    expect(res.body).toEqual({ status: 'success', errorCode: 200, message: 'We will collect your payment' });
    return (await moneyOf(customerId)).paymentCollections.find((c) => c.status === 'REQUESTED')!.legacyId;
  }

  async function collectedCash(customerId: number, amount = '40.00'): Promise<number> {
    const id = await requested(customerId);
    const res = await post('/api/v1/collect_user_payment', { userId: customerId, amount, statusOfCollection: 'cashCollected', method: 'cash', notes: 'paid at door' });
    expect(res.body.status).toBe('success');
    return id;
  }

  describe('E39 payment_collection_request', () => {
    it('records a request, with the banknote to bring change for', async () => {
      const customer = takeCustomer();
      const res = await get(`/api/v1/payment_collection_request/${customer}/500`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ status: 'success', errorCode: 200, message: 'We will collect your payment' });
      const { paymentCollections } = await moneyOf(customer);
      expect(paymentCollections).toHaveLength(1);
      expect(paymentCollections[0]).toMatchObject({ status: 'REQUESTED', bringChangeFor: '500', amount: null });
    });

    it('defaults bringChangeFor to none when the path leaves it out', async () => {
      const customer = takeCustomer();
      expect((await get(`/api/v1/payment_collection_request/${customer}`)).body.status).toBe('success');
      expect((await moneyOf(customer)).paymentCollections[0]).toMatchObject({ status: 'REQUESTED', bringChangeFor: 'none' });
    });

    it('refuses a second waiting request, an unknown user and a bad banknote; nothing is added', async () => {
      const customer = takeCustomer();
      await requested(customer);
      const before = await moneyOf(customer);
      expectFailure((await get(`/api/v1/payment_collection_request/${customer}/none`)).body, 409, /already has collection request/);
      expectFailure((await get(`/api/v1/payment_collection_request/${customer}/lots`)).body, 400, /bringChangeFor/);
      expect(await moneyOf(customer)).toEqual(before);
      expectFailure((await get('/api/v1/payment_collection_request/999999/none')).body, 404, /customer 999999/);
      expectFailure((await get('/api/v1/payment_collection_request/abc/none')).body, 400, /userId/);
      const count = await rows<{ n: number }>(db(), sql`select count(*)::int as n from payment_collections where customer_id = 999999`);
      expect(Number(count[0]!.n)).toBe(0);
    });
  });

  describe('E25 collect_user_payment', () => {
    it('records cash collected on the waiting request', async () => {
      const customer = takeCustomer();
      const id = await requested(customer);
      const res = await post('/api/v1/collect_user_payment', { userId: customer, amount: '25.50', statusOfCollection: 'cashCollected', method: 'cash', notes: 'Paid in full' });
      expect(res.body).toEqual({ status: 'success', errorCode: 200, message: 'Payment Collected Successfully' });
      const { paymentCollections } = await moneyOf(customer);
      expect(paymentCollections).toHaveLength(1);
      expect(paymentCollections[0]).toMatchObject({ legacyId: id, status: 'CASH_COLLECTED', method: 'CASH', notes: 'Paid in full' });
      expect(Number(paymentCollections[0]!.amount)).toBe(25.5);
    });

    it('records a cheque and a card (last four digits only) as new collections', async () => {
      const customer = takeCustomer();
      const cheque = await post('/api/v1/collect_user_payment', {
        userId: customer, amount: '60', statusOfCollection: 'cashCollected', method: 'cheque', bank: 'AIB', chequeNumber: '000123', chequeDate: today(),
      });
      expect(cheque.body.status).toBe('success');
      const card = await post('/api/v1/collect_user_payment', {
        userId: customer, amount: '15', statusOfCollection: 'CASHCOLLECTED', method: 'creditCard', cardNumber: '4242', cardExpiration: '09/29',
      });
      expect(card.body.status).toBe('success');
      const byMethod = Object.fromEntries((await moneyOf(customer)).paymentCollections.map((c) => [c.method, c]));
      expect(byMethod.CHEQUE).toMatchObject({ status: 'CASH_COLLECTED', bank: 'AIB', chequeNumber: '000123', chequeDate: today(), cardLast4: null });
      expect(byMethod.CREDIT_CARD).toMatchObject({ status: 'CASH_COLLECTED', cardLast4: '4242', cardExpiration: '09/29', bank: null });
    });

    it('records "not available" without an amount or method', async () => {
      const customer = takeCustomer();
      const id = await requested(customer);
      expect((await post('/api/v1/collect_user_payment', { userId: customer, statusOfCollection: 'notAvailable' })).body.status).toBe('success');
      expect((await moneyOf(customer)).paymentCollections[0]).toMatchObject({ legacyId: id, status: 'NOT_AVAILABLE', amount: null, method: null });
    });

    it('refuses incomplete or invalid reports and full card numbers; nothing changes', async () => {
      const customer = takeCustomer();
      await requested(customer);
      const before = await moneyOf(customer);
      const cash = { userId: customer, amount: '10', statusOfCollection: 'cashCollected', method: 'cash' };
      expectFailure((await post('/api/v1/collect_user_payment', { ...cash, amount: undefined })).body, 400, /amount must be more than 0/);
      expectFailure((await post('/api/v1/collect_user_payment', { ...cash, method: undefined })).body, 400, /method is required/);
      expectFailure((await post('/api/v1/collect_user_payment', { ...cash, statusOfCollection: 'maybe' })).body, 400, /statusOfCollection: must be one of/);
      expectFailure((await post('/api/v1/collect_user_payment', { ...cash, method: 'bitcoin' })).body, 400, /method: must be one of/);
      expectFailure((await post('/api/v1/collect_user_payment', { ...cash, amount: 'ten' })).body, 400, /amount/);
      expectFailure((await post('/api/v1/collect_user_payment', { ...cash, statusOfCollection: undefined })).body, 400, /statusOfCollection is required/);
      expectFailure((await post('/api/v1/collect_user_payment', { ...cash, method: 'cheque', chequeNumber: '12', chequeDate: today() })).body, 400, /bank is required/);
      expectFailure((await post('/api/v1/collect_user_payment', { ...cash, method: 'cheque', bank: 'AIB', chequeNumber: '12', chequeDate: '31-12-2024' })).body, 400, /chequeDate/);
      const full = await post('/api/v1/collect_user_payment', { ...cash, method: 'debitCard', cardNumber: '4111111111111111', cardExpiration: '01/30' });
      expectFailure(full.body, 400, /last four digits/);
      expect(full.body.message).not.toContain('4111111111111111');
      expectFailure((await post('/api/v1/collect_user_payment', { ...cash, cardNumber: '4242', cardExpiration: '01/30' })).body, 400, /only for creditCard or debitCard/);
      expect(await moneyOf(customer)).toEqual(before);
      expectFailure((await post('/api/v1/collect_user_payment', { ...cash, userId: 999999 })).body, 404, /customer 999999/);
    });
  });

  describe('E22 get_collection_approval_users', () => {
    it('lists collected payments waiting for approval, by collector and date', async () => {
      const customer = takeCustomer();
      const id = await collectedCash(customer, '33.00');
      const entryOf = (body: { data: { PaymentCollectionMode: { paymentcollectionId: string } }[][] }) =>
        body.data[0]!.find((e) => e.PaymentCollectionMode.paymentcollectionId === String(id));

      const all = await post('/api/v1/get_collection_approval_users', {});
      expect(all.body.status).toBe('success');
      expect(all.body.errorCode).toBe(200);
      expect(Array.isArray(all.body.data[0])).toBe(true);
      const entry = entryOf(all.body);
      expect(entry).toMatchObject({
        UserLocation: { user_id: String(customer), account_id: 'demo' },
        PaymentCollectionMode: { amount: '33.00', paymentcollectionId: String(id) },
      });
      expect(entry!.PaymentCollectionMode).toHaveProperty('create_datetime', expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/));

      // the place and contact are the customer's as GraphQL shows them
      const res = await t.gql<{ customer: { name: string; phone: string | null; location: { area: { name: string } | null; street: { name: string } | null; building: { name: string } | null } } }>(
        'query($id: Int!) { customer(legacyId: $id) { name phone location { area { name } street { name } building { name } } } }',
        { id: customer },
      );
      const gql = res.data.customer;
      expect(entry).toMatchObject({
        Contact: { last_name: gql.name.split(' ').at(-1), phone_phone_number: gql.phone ?? '' },
        CollectionArea: { area: gql.location.area?.name ?? null },
        CollectionStreet: { street: gql.location.street?.name ?? null },
        CollectionBlock: { block: gql.location.building?.name ?? null },
      });

      // every entry waits for approval (GraphQL: CASH_COLLECTED)
      const statuses = await rows<{ id: number; status: string }>(db(), sql`select id, status from payment_collections where status = 'cash_collected'`);
      expect(all.body.data[0].length).toBe(statuses.length);

      // collected by the token's staff user (admin), not the seed's collector
      expect(entryOf((await post('/api/v1/get_collection_approval_users', { adminId: ADMIN })).body)).toBeDefined();
      const byCollector = (await post('/api/v1/get_collection_approval_users', { adminId: COLLECTOR })).body;
      expect(entryOf(byCollector)).toBeUndefined();
      expect(byCollector.data[0].length).toBeGreaterThan(0);

      expect(entryOf((await post('/api/v1/get_collection_approval_users', { fromDate: today(), toDate: today() })).body)).toBeDefined();
      expect((await post('/api/v1/get_collection_approval_users', { fromDate: tomorrow() })).body.data).toEqual([[]]);
    });

    it('refuses an unknown admin, bad dates and a reversed range', async () => {
      expectFailure((await post('/api/v1/get_collection_approval_users', { adminId: 999 })).body, 404, /staff user 999/);
      expectFailure((await post('/api/v1/get_collection_approval_users', { fromDate: '2024-02-30' })).body, 400, /fromDate/);
      expectFailure((await post('/api/v1/get_collection_approval_users', { fromDate: tomorrow(), toDate: today() })).body, 400, /is after/);
    });
  });

  describe('E23 collection_approval and E24 collection_disapproval', () => {
    it('approves a collected payment: the money becomes payments', async () => {
      const customer = takeCustomer();
      const id = await collectedCash(customer, '40.00');
      const before = await moneyOf(customer);
      const res = await post('/api/v1/collection_approval', { userId: customer, amount: '40.00', modelId: id });
      expect(res.body).toEqual({ status: 'success', errorCode: 200, message: 'Payment Approved' });
      const after = await moneyOf(customer);
      expect(after.paymentCollections.find((c) => c.legacyId === id)!.status).toBe('APPROVED');
      const added = after.payments.nodes.filter((p) => p.narrative === `Field collection ${id}`);
      expect(added.reduce((sum, p) => sum + Number(p.amount), 0)).toBeCloseTo(40);
      expect(after.payments.totalCount).toBe(before.payments.totalCount + added.length);
    });

    it('refuses approving twice, approving what was not collected, and bad input; nothing changes', async () => {
      const customer = takeCustomer();
      const id = await collectedCash(customer, '20.00');
      expect((await post('/api/v1/collection_approval', { userId: customer, amount: '20', modelId: id })).body.status).toBe('success');
      const other = takeCustomer();
      const waiting = await requested(other);
      const snapshot = async () => [await moneyOf(customer), await moneyOf(other)];
      const before = await snapshot();

      expectFailure((await post('/api/v1/collection_approval', { userId: customer, amount: '20', modelId: id })).body, 412, /approved/);
      expectFailure((await post('/api/v1/collection_approval', { userId: other, amount: '20', modelId: waiting })).body, 412, /requested/);
      expectFailure((await post('/api/v1/collection_approval', { userId: other, amount: '20', modelId: id })).body, 400, /is not customer/);
      expectFailure((await post('/api/v1/collection_approval', { userId: customer, amount: '20', modelId: 999999 })).body, 404, /payment collection 999999/);
      expectFailure((await post('/api/v1/collection_approval', { userId: 999999, amount: '20', modelId: id })).body, 404, /customer 999999/);
      expectFailure((await post('/api/v1/collection_approval', { userId: customer, modelId: id })).body, 400, /amount is required/);
      expectFailure((await post('/api/v1/collection_approval', { userId: customer, amount: '0', modelId: id })).body, 400, /more than 0/);
      expectFailure((await post('/api/v1/collection_approval', { userId: customer, amount: '20' })).body, 400, /modelId is required/);
      expect(await snapshot()).toEqual(before);
    });

    it('disapproves a collection; a decided one cannot be disapproved or approved again', async () => {
      const customer = takeCustomer();
      const id = await collectedCash(customer, '12.00');
      const res = await post('/api/v1/collection_disapproval', { userId: customer, modelId: id });
      expect(res.body).toEqual({ status: 'success', errorCode: 200, message: 'Payment Disapproved' });
      const after = await moneyOf(customer);
      expect(after.paymentCollections.find((c) => c.legacyId === id)!.status).toBe('DISAPPROVED');

      expectFailure((await post('/api/v1/collection_disapproval', { userId: customer, modelId: id })).body, 412, /already disapproved/);
      expectFailure((await post('/api/v1/collection_approval', { userId: customer, amount: '12', modelId: id })).body, 412, /disapproved/);
      expectFailure((await post('/api/v1/collection_disapproval', { userId: customer, modelId: 999999 })).body, 404);
      expectFailure((await post('/api/v1/collection_disapproval', { modelId: id })).body, 400, /userId is required/);
      expect(await moneyOf(customer)).toEqual(after);
    });
  });

  describe('E27 assign_users_to_admin and E21 get_collection_users_areawise', () => {
    const collectionAssignees = async (customerId: number) =>
      (await rows<{ staff_user_id: number }>(db(), sql`select staff_user_id from staff_customer_assignments where customer_id = ${customerId} and purpose = 'collection'`)).map((r) => Number(r.staff_user_id));
    const round = async (adminId: number, extra: Record<string, string | number> = {}) => {
      const res = await post('/api/v1/get_collection_users_areawise', { adminId, ...extra });
      expect(res.body.status).toBe('success');
      return res.body.data[0] as { 0: { balance: string | null }; UserLocation: { user_id: string }; CollectionArea: { area: string | null } }[];
    };
    const userIds = (entries: { UserLocation: { user_id: string } }[]) => entries.map((e) => Number(e.UserLocation.user_id));

    it('lists the collector’s round, matching the customers GraphQL shows', async () => {
      const entries = await round(COLLECTOR);
      const assigned = await rows<{ customer_id: number }>(db(), sql`select customer_id from staff_customer_assignments where staff_user_id = ${COLLECTOR} and purpose = 'collection'`);
      expect(userIds(entries).sort((a, b) => a - b)).toEqual(assigned.map((r) => Number(r.customer_id)).sort((a, b) => a - b));
      const first = entries[0]!;
      const res = await t.gql<{ customer: { coordinates: { latitude: number } | null; email: string | null; location: { area: { name: string } | null } } }>(
        'query($id: Int!) { customer(legacyId: $id) { coordinates { latitude } email location { area { name } } } }',
        { id: Number(first.UserLocation.user_id) },
      );
      expect(first).toMatchObject({
        UserLocation: { account_id: 'demo', latitude: res.data.customer.coordinates == null ? null : String(res.data.customer.coordinates.latitude) },
        Contact: { email: res.data.customer.email ?? '' },
        CollectionArea: { area: res.data.customer.location.area?.name ?? null },
      });
    });

    it('filters the round by area and by balance owed', async () => {
      const entries = await round(COLLECTOR);
      const areas = await t.gql<{ areas: { legacyId: number; name: string }[] }>('{ areas { legacyId name } }');
      const area = areas.data.areas.find((a) => entries.some((e) => e.CollectionArea.area === a.name))!;
      const inArea = await round(COLLECTOR, { areaId: area.legacyId });
      expect(inArea.length).toBeGreaterThan(0);
      expect(inArea.every((e) => e.CollectionArea.area === area.name)).toBe(true);
      expect(inArea.length).toBe(entries.filter((e) => e.CollectionArea.area === area.name).length);

      const owing = await round(COLLECTOR, { userWithBalance: 1 });
      expect(owing.every((e) => Number(e[0].balance) > 0)).toBe(true);
      expect(owing.length).toBe(entries.filter((e) => Number(e[0].balance ?? 0) > 0).length);
    });

    it('reads the balance filter under every spelling the document uses: "Userwith balance", %20, + and _', async () => {
      const entries = await round(COLLECTOR);
      const owing = userIds(await round(COLLECTOR, { userWithBalance: 1 }));
      // the filter must be visible: the round holds customers who owe and customers who do not
      expect(owing.length).toBeGreaterThan(0);
      expect(owing.length).toBeLessThan(entries.length);
      const send = async (body: string | undefined, query = '', type = 'application/x-www-form-urlencoded') => {
        const res = await fetch(`${t.url}/api/v1/get_collection_users_areawise${query}`, {
          method: 'POST',
          headers: { authorization: 'Bearer demo-token', ...(body === undefined ? {} : { 'content-type': type }) },
          body,
        });
        const reply = (await res.json()) as { status: string; message?: string; data: [{ UserLocation: { user_id: string } }[]] };
        expect(reply.status, reply.message).toBe('success');
        return userIds(reply.data[0]);
      };
      const spellings: [string, string | undefined, string?, string?][] = [
        ['JSON, as printed', JSON.stringify({ adminId: COLLECTOR, 'Userwith balance': 1 }), '', 'application/json'],
        ['JSON, underscore', JSON.stringify({ adminId: COLLECTOR, Userwith_balance: '1' }), '', 'application/json'],
        ['form, %20', `adminId=${COLLECTOR}&Userwith%20balance=1`],
        ['form, +', `adminId=${COLLECTOR}&Userwith+balance=1`],
        ['form, _', `adminId=${COLLECTOR}&Userwith_balance=1`],
        ['query string, %20', undefined, `?adminId=${COLLECTOR}&Userwith%20balance=1`],
        ['query string, +', undefined, `?adminId=${COLLECTOR}&Userwith+balance=1`],
      ];
      for (const [label, body, query, type] of spellings) expect(await send(body, query, type), label).toEqual(owing);
      // and 0 under the document's spelling is "everyone"
      expect(await send(`adminId=${COLLECTOR}&Userwith%20balance=0`)).toEqual(userIds(entries));
    });

    it('assigns a customer to a collector, and moves them to another admin’s round', async () => {
      const customer = takeCustomer();
      const res = await post('/api/v1/assign_users_to_admin', { userId: customer, accountId: 'demo', adminId: COLLECTOR });
      expect(res.body).toEqual({ status: 'success', errorCode: 200, message: 'User assigned to admin successfully' });
      expect(userIds(await round(COLLECTOR))).toContain(customer);
      // again: nothing changes
      expect((await post('/api/v1/assign_users_to_admin', { userId: customer, accountId: 'demo', adminId: COLLECTOR })).body.status).toBe('success');
      expect(await collectionAssignees(customer)).toEqual([COLLECTOR]);

      expect((await post('/api/v1/assign_users_to_admin', { userId: customer, accountId: 'demo', adminId: MANAGER })).body.status).toBe('success');
      expect(userIds(await round(COLLECTOR))).not.toContain(customer);
      expect(userIds(await round(MANAGER))).toContain(customer);
      expect(await collectionAssignees(customer)).toEqual([MANAGER]);
    });

    it('refuses unknown users, admins and accounts, and staff who cannot collect; nothing changes', async () => {
      const customer = takeCustomer();
      const before = await rows(db(), sql`select staff_user_id, customer_id, purpose from staff_customer_assignments order by 1, 2, 3`);
      expectFailure((await post('/api/v1/assign_users_to_admin', { userId: customer, accountId: 'elsewhere', adminId: COLLECTOR })).body, 404, /account elsewhere/);
      expectFailure((await post('/api/v1/assign_users_to_admin', { userId: customer, accountId: 'demo', adminId: INSTALLER })).body, 400, /cannot collect/);
      expectFailure((await post('/api/v1/assign_users_to_admin', { userId: customer, accountId: 'demo', adminId: 999 })).body, 404, /staff user 999/);
      expectFailure((await post('/api/v1/assign_users_to_admin', { userId: 999999, accountId: 'demo', adminId: COLLECTOR })).body, 404, /customer 999999/);
      expectFailure((await post('/api/v1/assign_users_to_admin', { userId: customer, adminId: COLLECTOR })).body, 400, /accountId is required/);
      expect(await rows(db(), sql`select staff_user_id, customer_id, purpose from staff_customer_assignments order by 1, 2, 3`)).toEqual(before);
    });

    it('E21 refuses a missing or unknown admin and an unknown area', async () => {
      expectFailure((await post('/api/v1/get_collection_users_areawise', {})).body, 400, /adminId is required/);
      expectFailure((await post('/api/v1/get_collection_users_areawise', { adminId: 999 })).body, 404, /staff user 999/);
      expectFailure((await post('/api/v1/get_collection_users_areawise', { adminId: COLLECTOR, areaId: 999999 })).body, 404, /area 999999/);
      expectFailure((await post('/api/v1/get_collection_users_areawise', { adminId: COLLECTOR, userWithBalance: 'perhaps' })).body, 400, /userWithBalance/);
    });
  });

  describe('E35 get_renewal_details', () => {
    it('lists the renewals recorded, for the account or one user, in the documented shape', async () => {
      const recorded = await rows<{ id: number; customer_id: number }>(db(), sql`select id, customer_id from renewals where not deleted order by id`);
      expect(recorded.length).toBeGreaterThan(0);
      const all = await post('/api/v1/get_renewal_details', {});
      expect(all.body.status).toBe('success');
      expect(all.body.errorCode).toBe(200);
      expect(all.body.message.map((r: { RenewalDetails: { id: string } }) => Number(r.RenewalDetails.id)).sort((a: number, b: number) => a - b)).toEqual(recorded.map((r) => Number(r.id)));

      const customer = Number(recorded[0]!.customer_id);
      const mine = await post('/api/v1/get_renewal_details', { userId: customer });
      expect(mine.body.message.length).toBeGreaterThan(0);
      const plan = await t.gql<{ customer: { servicePlan: { legacyId: number } | null } }>('query($id: Int!) { customer(legacyId: $id) { servicePlan { legacyId } } }', { id: customer });
      for (const entry of mine.body.message) {
        expect(entry.RenewalDetails).toMatchObject({
          user_id: String(customer),
          account_id: 'demo',
          admin_username: 'User Addition',
          renewal_days: '1 months',
          present_group_id: String(plan.data.customer.servicePlan!.legacyId),
          previous_plan_id: null,
          present_plan_id: null,
          deleted: '0',
          type: '1',
        });
        expect(entry.RenewalDetails.renewal_amount).toMatch(/^\d+\.\d\d$/);
        expect(entry.RenewalDetails.date_created).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
        expect(entry.RenewalDetails.active_since).toMatch(/^\d{4}-\d\d-\d\d$/);
      }
      expect((await post('/api/v1/get_renewal_details', { userId: customer, fromDate: today(), toDate: today() })).body.message).toEqual(mine.body.message);
      expect((await post('/api/v1/get_renewal_details', { fromDate: tomorrow() })).body.message).toEqual([]);
    });

    it('refuses an unknown user, bad dates and a reversed range', async () => {
      expectFailure((await post('/api/v1/get_renewal_details', { userId: 999999 })).body, 404, /customer 999999/);
      expectFailure((await post('/api/v1/get_renewal_details', { fromDate: 'yesterday' })).body, 400, /fromDate/);
      expectFailure((await post('/api/v1/get_renewal_details', { fromDate: tomorrow(), toDate: today() })).body, 400, /is after/);
    });
  });
});
