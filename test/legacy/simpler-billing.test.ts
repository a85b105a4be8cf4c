/**
 * SIMPLer billing operations over SOAP and REST/JSON: addSubscription, deleteSubscription,
 * getActiveSubscriptionData, getProducts, getOverageAllowances, generateInvoices, payInvoice
 * and getInvoicesData. Effects are read back through the GraphQL graph (else SQL); refused
 * calls must leave everything as it was.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enabledEngines } from '../helpers/engines';
import { startTestApp, type TestApp } from '../helpers/app';
import { rows } from '../helpers/sql';
import { callText, child, children, DIALECTS, leaves, rest, soap, xmlResult, type Dialect, type Params } from '../helpers/simpler';
import type { ParsedElement } from '../../src/legacy/xml/parse';
import { yearFromNow } from '../helpers/dates';

interface GqlSubscription {
  legacyId: number;
  type: string;
  quantity: number;
  price: string | null;
  priceOverridden: boolean;
  description: string | null;
  descriptionOverridden: boolean;
  validFrom: string;
  validTo: string | null;
  rounding: string;
  taxRate: string | null;
  plan: { legacyId: number; name: string };
}

const SUBSCRIPTION_FIELDS = 'legacyId type quantity price priceOverridden description descriptionOverridden validFrom validTo rounding taxRate plan { legacyId name }';

function attr(element: ParsedElement, name: string): string | undefined {
  return element.attributes.find((a) => a.local === name)?.value;
}

/** A document operation's records through either dialect, as `{ id, …leaf fields }`. */
async function documentRecords(t: TestApp, dialect: Dialect, operation: string, params: Params, root: string, item: string, key: string): Promise<Record<string, string>[]> {
  if (dialect === 'soap') {
    const reply = await soap(t.url, operation, params);
    expect(reply.result, reply.body).not.toMatch(/^ERROR/);
    const doc = xmlResult(reply.result!);
    expect(doc.local).toBe(root);
    return children(doc, item).map((e) => ({ id: attr(e, 'id')!, ...leaves(e) }));
  }
  const reply = await rest(t.url, operation, params);
  expect(typeof reply.result, JSON.stringify(reply.result)).toBe('object');
  return ((reply.result as Record<string, Record<string, unknown>[]>)[key] ?? []).map((r) =>
    Object.fromEntries(Object.entries(r).filter(([, v]) => typeof v === 'string')) as Record<string, string>,
  );
}

describe.each(enabledEngines())('SIMPLer billing operations on %s', (engine) => {
  let t: TestApp;
  let plans: { legacyId: number; name: string; price: string | null; enabled: boolean; kind: string }[];
  let homePlan: { legacyId: number; name: string; price: string | null };

  const db = () => t.database.handle.db;
  const count = async (table: string, where = 'true') => Number((await rows<{ n: number }>(db(), sql.raw(`select count(*)::int as n from ${table} where ${where}`)))[0]!.n);

  async function subscriptionsOf(customerId: number, active?: boolean): Promise<GqlSubscription[]> {
    const filter = active == null ? '' : `, filter: { active: ${active} }`;
    const res = await t.gql<{ customer: { subscriptions: { nodes: GqlSubscription[] } } }>(
      `query($id: Int!) { customer(legacyId: $id) { subscriptions(first: 100${filter}) { nodes { ${SUBSCRIPTION_FIELDS} } } } }`,
      { id: customerId },
    );
    expect(res.errors).toBeUndefined();
    return res.data.customer.subscriptions.nodes;
  }

  beforeAll(async () => {
    t = await startTestApp(engine);
    const res = await t.gql<{ plans: { nodes: typeof plans } }>(`{ plans(first: 100) { nodes { legacyId name price enabled kind } } }`);
    plans = res.data.plans.nodes;
    homePlan = plans.find((p) => p.name === 'Wireless Home 10')!;
  });
  afterAll(() => t.stop());

  describe.each(DIALECTS)('over %s', (dialect) => {
    // each dialect works on its own customers, so the two runs cannot see each other's writes
    const offset = dialect === 'soap' ? 0 : 1;
    const call = (operation: string, params: Params = {}) => callText(dialect, t.url, operation, params);

    describe('addSubscription', () => {
      const customerId = 2 + offset;

      it('adds a subscription with US dates, overrides and closed-set values', async () => {
        const description = `Static IP (${dialect})`;
        const year = yearFromNow(5); // a subscription ahead of today, whatever today is
        const reply = await call('addSubscription', {
          customerid: customerId,
          productid: homePlan.legacyId,
          quantity: 2,
          discount: '10',
          round: 'UP',
          type: 'Recurring',
          valid_from: `01/15/${year}`,
          valid_to: `12/31/${year}`,
          price: '12.50',
          description,
          tax_rate: '23',
        });
        expect(reply).toBe('OK');
        const sub = (await subscriptionsOf(customerId)).find((s) => s.description === description)!;
        expect(sub).toMatchObject({
          type: 'RECURRING',
          quantity: 2,
          price: '12.50',
          priceOverridden: true,
          descriptionOverridden: true,
          validFrom: `${year}-01-15`,
          validTo: `${year}-12-31`,
          rounding: 'UP',
          plan: { legacyId: homePlan.legacyId },
        });
        expect(Number(sub.taxRate)).toBe(23);
      });

      it("takes price_changed 0 as 'bill the product's price' and defaults the rest from the product", async () => {
        const before = (await subscriptionsOf(customerId)).length;
        expect(await call('addSubscription', { customerid: customerId, productid: homePlan.legacyId, price: '1.00', price_changed: 0 })).toBe('OK');
        const subs = await subscriptionsOf(customerId);
        expect(subs).toHaveLength(before + 1);
        const added = subs.at(-1)!;
        expect(added).toMatchObject({ priceOverridden: false, descriptionOverridden: false, description: homePlan.name, type: 'RECURRING', quantity: 1 });
      });

      it('revert_customer puts a suspended customer back to active access', async () => {
        const [suspended] = await rows<{ id: number }>(db(), sql`select id from customers where access_state = 'suspended' order by id offset ${offset} limit 1`);
        expect(await call('addSubscription', { customerid: suspended!.id, productid: homePlan.legacyId, revert_customer: 1 })).toBe('OK');
        const res = await t.gql<{ customer: { accessState: string } }>(`query($id: Int!) { customer(legacyId: $id) { accessState } }`, { id: suspended!.id });
        expect(res.data.customer.accessState).toBe('ACTIVE');
      });

      it('refuses bad input with the documented ERROR text and adds nothing', async () => {
        const before = await count('subscriptions');
        expect(await call('addSubscription', { customerid: customerId })).toBe('ERROR: productid is required');
        expect(await call('addSubscription', { customerid: customerId, productid: homePlan.legacyId, valid_from: '2031-01-15' })).toBe(
          'ERROR: valid_from: expected a date as MM/DD/YYYY (got "2031-01-15")',
        );
        expect(await call('addSubscription', { customerid: customerId, productid: homePlan.legacyId, valid_from: '02/30/2031' })).toMatch(/^ERROR: valid_from: not a real date/);
        expect(await call('addSubscription', { customerid: customerId, productid: homePlan.legacyId, round: 'sideways' })).toMatch(/^ERROR: round: must be one of default, up, down, arithmetic/);
        expect(await call('addSubscription', { customerid: customerId, productid: homePlan.legacyId, type: 'Monthly' })).toMatch(/^ERROR: type: must be one of Recurring, Overage, Reconnection/);
        expect(await call('addSubscription', { customerid: 999_999, productid: homePlan.legacyId })).toBe('ERROR: customer 999999 does not exist');
        expect(await call('addSubscription', { customerid: customerId, productid: 999_999 })).toBe('ERROR: plan 999999 does not exist');
        expect(await call('addSubscription', { customerid: customerId, productid: homePlan.legacyId, price_changed: 1 })).toMatch(/^ERROR: a price is required when the price is marked overridden/);
        expect(await call('addSubscription', { customerid: customerId, productid: homePlan.legacyId, discount: '150' })).toBe('ERROR: discount must be a percentage from 0 to 100');
        expect(await call('addSubscription', { customerid: customerId, productid: homePlan.legacyId, valid_from: '06/01/2031', valid_to: '05/01/2031' })).toMatch(
          /^ERROR: validTo 2031-05-01 is before validFrom 2031-06-01/,
        );
        expect(await count('subscriptions')).toBe(before);
      });
    });

    describe('deleteSubscription', () => {
      const customerId = 4 + offset;

      async function addAndFind(description: string): Promise<number> {
        expect(await call('addSubscription', { customerid: customerId, productid: homePlan.legacyId, description })).toBe('OK');
        return (await subscriptionsOf(customerId)).find((s) => s.description === description)!.legacyId;
      }

      it('deletes the subscription', async () => {
        const id = await addAndFind(`to delete (${dialect})`);
        expect(await call('deleteSubscription', { subscriptionid: id })).toBe('OK');
        expect((await subscriptionsOf(customerId)).map((s) => s.legacyId)).not.toContain(id);
      });

      it("update_wib_files queues the buckets update for the subscription's customer", async () => {
        const id = await addAndFind(`wib (${dialect})`);
        const jobsBefore = await count('background_jobs', `kind = 'update_buckets_from_subscription' and (params->>'customerId')::int = ${customerId}`);
        expect(await call('deleteSubscription', { subscriptionid: id, update_wib_files: 1 })).toBe('OK');
        expect(await count('background_jobs', `kind = 'update_buckets_from_subscription' and (params->>'customerId')::int = ${customerId}`)).toBe(jobsBefore + 1);
      });

      it("deleteActiveProductId deletes the customer's other active subscriptions to that product too", async () => {
        const fee = plans.find((p) => p.name === 'Reconnection fee')!;
        const first = await addAndFind(`home A (${dialect})`);
        for (const n of [1, 2]) expect(await call('addSubscription', { customerid: customerId, productid: fee.legacyId, description: `fee ${n} (${dialect})` })).toBe('OK');
        const feeIds = (await subscriptionsOf(customerId)).filter((s) => s.plan.legacyId === fee.legacyId).map((s) => s.legacyId);
        expect(feeIds.length).toBeGreaterThanOrEqual(2);
        expect(await call('deleteSubscription', { subscriptionid: first, deleteActiveProductId: fee.legacyId })).toBe('OK');
        const left = (await subscriptionsOf(customerId)).map((s) => s.legacyId);
        expect(left).not.toContain(first);
        for (const id of feeIds) expect(left).not.toContain(id);
      });

      it('refuses unknown ids and products the customer does not have, deleting nothing', async () => {
        const id = await addAndFind(`kept (${dialect})`);
        const before = await count('subscriptions');
        expect(await call('deleteSubscription', { subscriptionid: 999_999 })).toBe('ERROR: subscription 999999 does not exist');
        expect(await call('deleteSubscription', {})).toBe('ERROR: subscriptionid is required');
        expect(await call('deleteSubscription', { subscriptionid: 'x' })).toBe('ERROR: subscriptionid: expected a whole number (got "x")');
        const unused = plans.find((p) => p.name === 'Wi-Fi router')!;
        expect(await call('deleteSubscription', { subscriptionid: id, deleteActiveProductId: unused.legacyId })).toBe(
          `ERROR: customer ${customerId} has no active subscription to product ${unused.legacyId}`,
        );
        expect(await count('subscriptions')).toBe(before);
      });
    });

    describe('getActiveSubscriptionData', () => {
      it("lists the customer's active subscriptions with their product", async () => {
        const customerId = 1;
        const expected = await subscriptionsOf(customerId, true);
        expect(expected.length).toBeGreaterThan(0);
        const records = await documentRecords(t, dialect, 'getActiveSubscriptionData', { customerid: customerId }, 'activeSubscriptionsRoot', 'subscription', 'subscriptions');
        expect(records.map((r) => Number(r.id)).sort()).toEqual(expected.map((s) => s.legacyId).sort());
        for (const r of records) {
          const s = expected.find((e) => e.legacyId === Number(r.id))!;
          expect(r).toMatchObject({ customerid: '1', productid: String(s.plan.legacyId), product_name: s.plan.name, valid_from: s.validFrom, quantity: String(s.quantity) });
          expect(r.price_changed).toBe(s.priceOverridden ? 't' : 'f');
        }
      });

      it('leaves out ended subscriptions', async () => {
        const [ended] = await rows<{ customer_id: number; id: number }>(db(), sql`select customer_id, id from subscriptions where ended_at is not null order by id limit 1`);
        const records = await documentRecords(t, dialect, 'getActiveSubscriptionData', { customerid: ended!.customer_id }, 'activeSubscriptionsRoot', 'subscription', 'subscriptions');
        expect(records.map((r) => Number(r.id))).not.toContain(ended!.id);
      });

      it('refuses an unknown or missing customer', async () => {
        expect(await call('getActiveSubscriptionData', { customerid: 999_999 })).toBe('ERROR: customer 999999 does not exist');
        expect(await call('getActiveSubscriptionData', {})).toBe('ERROR: customerid is required');
      });
    });

    describe('getProducts', () => {
      it('lists every product', async () => {
        const records = await documentRecords(t, dialect, 'getProducts', {}, 'productsRoot', 'product', 'products');
        expect(records.map((r) => Number(r.id))).toEqual(plans.map((p) => p.legacyId).sort((a, b) => a - b));
        const home = records.find((r) => Number(r.id) === homePlan.legacyId)!;
        expect(home).toMatchObject({ name: 'Wireless Home 10', price: homePlan.price, kind: 'service', enabled: 't' });
      });

      it('lists only the products asked for, as one id, an array or a comma-separated list', async () => {
        const [a, b] = [plans[0]!.legacyId, plans[2]!.legacyId];
        const one = await documentRecords(t, dialect, 'getProducts', { productid: a }, 'productsRoot', 'product', 'products');
        expect(one.map((r) => Number(r.id))).toEqual([a]);
        const array = await documentRecords(t, dialect, 'getProducts', { productid: [b, a] }, 'productsRoot', 'product', 'products');
        expect(array.map((r) => Number(r.id))).toEqual([a, b]);
        const list = await documentRecords(t, dialect, 'getProducts', { productid: `${a},${b}` }, 'productsRoot', 'product', 'products');
        expect(list.map((r) => Number(r.id))).toEqual([a, b]);
      });

      it('refuses unknown products and malformed ids', async () => {
        expect(await call('getProducts', { productid: 999_999 })).toBe('ERROR: product 999999 does not exist');
        expect(await call('getProducts', { productid: 'abc' })).toMatch(/^ERROR: productid: expected whole numbers/);
      });
    });

    describe('getOverageAllowances', () => {
      const customerId = 6 + offset;

      beforeAll(async () => {
        await db().execute(sql`delete from overage_allowances where customer_id = ${customerId}`);
        await db().execute(sql`
          insert into overage_allowances (operator_id, customer_id, traffic_limit_gb, used_gb, method, created_at)
          select operator_id, id, v.lim, v.used, v.method, v.at from customers,
            (values (6::numeric, null::numeric, 'top-up', timestamptz '2024-03-10 12:00:00+00'),
                    (10, 2.5, '', timestamptz '2024-03-31 23:59:00+00'),
                    (20, null, 'manual', timestamptz '2024-04-01 00:00:00+00')) as v(lim, used, method, at)
          where id = ${customerId}`);
      });

      it("lists a customer's allowances in a date range, both ends inclusive", async () => {
        const records = await documentRecords(t, dialect, 'getOverageAllowances', { cutomerid: customerId, date_from: '2024-03-10', date_to: '2024-03-31' }, 'overageAllowancesRoot', 'interfaces', 'interfaces');
        expect(records).toHaveLength(2);
        expect(records[0]).toMatchObject({ customerid: String(customerId), traffic_limit: '6', used: '', method: 'top-up', invoiceid: '', timestamp: '2024-03-10 12:00:00.000' });
        expect(records[1]).toMatchObject({ traffic_limit: '10', used: '2.5' });
      });

      it('accepts the corrected customerid spelling and open-ended ranges', async () => {
        const all = await documentRecords(t, dialect, 'getOverageAllowances', { customerid: customerId }, 'overageAllowancesRoot', 'interfaces', 'interfaces');
        expect(all.map((r) => r.traffic_limit)).toEqual(['6', '10', '20']);
        const from = await documentRecords(t, dialect, 'getOverageAllowances', { customerid: customerId, date_from: '2024-04-01' }, 'overageAllowancesRoot', 'interfaces', 'interfaces');
        expect(from.map((r) => r.traffic_limit)).toEqual(['20']);
      });

      it('refuses an unknown customer, malformed dates and a reversed range', async () => {
        expect(await call('getOverageAllowances', { cutomerid: 999_999 })).toBe('ERROR: customer 999999 does not exist');
        expect(await call('getOverageAllowances', { date_from: '03/10/2024' })).toBe('ERROR: date_from: expected a date as YYYY-MM-DD (got "03/10/2024")');
        expect(await call('getOverageAllowances', { date_from: '2024-04-01', date_to: '2024-03-01' })).toBe('ERROR: the date range ends (2024-03-01) before it starts (2024-04-01)');
      });
    });

    describe('generateInvoices', () => {
      it('type new bills a never-billed subscription once, with tax; a second run bills nothing', async () => {
        const [customer] = await rows<{ id: number }>(
          db(),
          sql`select c.id from customers c where not c.free_service and c.vat_exempt = false
              and not exists (select 1 from subscriptions s where s.customer_id = c.id) order by c.id offset ${offset} limit 1`,
        );
        await db().execute(sql`update customers set invoicing_enabled = true where id = ${customer!.id}`);
        // a customer without subscriptions yet (invoicing switched on): the run bills exactly what this test adds
        const customerId = customer!.id;
        expect(await call('addSubscription', { customerid: customerId, productid: homePlan.legacyId, price: '10.00', tax_rate: '23', quantity: 3, description: 'Extra line' })).toBe('OK');
        const invoicesBefore = await count('invoices');
        expect(await call('generateInvoices', { type: 'new', customerid: customerId })).toBe('OK');
        expect(await count('invoices')).toBe(invoicesBefore + 1);
        const res = await t.gql<{ customer: { invoices: { nodes: { kind: string; subtotal: string; taxTotal: string; total: string; status: string; lines: { description: string; net: string; tax: string }[] }[] } } }>(
          `query($id: Int!) { customer(legacyId: $id) { invoices(first: 10) { nodes { kind subtotal taxTotal total status lines { description net tax } } } } }`,
          { id: customerId },
        );
        const [invoice] = res.data.customer.invoices.nodes;
        expect(invoice).toMatchObject({ kind: 'NEW', subtotal: '30.00', taxTotal: '6.90', total: '36.90', status: 'OPEN' });
        expect(invoice!.lines[0]!.description).toMatch(/^Extra line \(/);
        expect(await call('generateInvoices', { type: 'new', customerid: customerId })).toBe('OK');
        expect(await call('generateInvoices', { customerid: customerId })).toBe('OK');
        expect(await count('invoices')).toBe(invoicesBefore + 1);
      });

      it('recurring (the default) bills every cycle due, within the cycles asked for', async () => {
        const [customer] = await rows<{ id: number }>(
          db(),
          sql`select c.id from customers c where not c.free_service and c.vat_exempt = false
              and not exists (select 1 from subscriptions s where s.customer_id = c.id) order by c.id offset ${2 + offset} limit 1`,
        );
        await db().execute(sql`update customers set invoicing_enabled = true where id = ${customer!.id}`);
        const customerId = customer!.id;
        const start = new Date(Date.UTC(new Date().getUTCFullYear() - 1, 0, 1));
        const usStart = `01/01/${start.getUTCFullYear()}`;
        expect(await call('addSubscription', { customerid: customerId, productid: homePlan.legacyId, price: '20.00', tax_rate: '0', valid_from: usStart, cycles: 3 })).toBe('OK');
        expect(await call('generateInvoices', { customerid: customerId })).toBe('OK');
        const res = await t.gql<{ customer: { invoices: { nodes: { kind: string; total: string; lines: unknown[] }[] } } }>(
          `query($id: Int!) { customer(legacyId: $id) { invoices(first: 10) { nodes { kind total lines { net } } } } }`,
          { id: customerId },
        );
        expect(res.data.customer.invoices.nodes).toEqual([{ kind: 'RECURRING', total: '60.00', lines: [{ net: '20.00' }, { net: '20.00' }, { net: '20.00' }] }]);
      });

      it('refuses an unknown type or customer and bills nothing', async () => {
        const before = await count('invoices');
        expect(await call('generateInvoices', { type: 'monthly' })).toBe('ERROR: type: must be one of new, recurring (got "monthly")');
        expect(await call('generateInvoices', { customerid: 999_999 })).toBe('ERROR: customer 999999 does not exist');
        expect(await count('invoices')).toBe(before);
      });
    });

    describe('payInvoice', () => {
      async function openInvoice(n: number): Promise<{ number: number; total: string; amount_paid: string }> {
        const [row] = await rows<{ number: number; total: string; amount_paid: string }>(
          db(),
          sql`select number, total::text, amount_paid::text from invoices where status = 'open' and total > 10 order by id offset ${n * 2 + offset} limit 1`,
        );
        return row!;
      }

      async function invoiceByNumber(number: number) {
        const res = await t.gql<{ invoices: { nodes: { status: string; amountPaid: string; balanceDue: string; payments: { amount: string; method: string; paymentDate: string; narrative: string | null }[] }[] } }>(
          `query($n: Int!) { invoices(first: 1, filter: { number: $n }) { nodes { status amountPaid balanceDue payments { amount method paymentDate narrative } } } }`,
          { n: number },
        );
        return res.data.invoices.nodes[0]!;
      }

      it('records a part payment, then settles the rest', async () => {
        const invoice = await openInvoice(0);
        expect(await call('payInvoice', { invoiceNo: invoice.number, amount: '5', paymentDate: '2024-05-01', paymentType: 'online transfer', narrative: 'part' })).toBe('OK');
        let after = await invoiceByNumber(invoice.number);
        expect(after.status).toBe('PARTIALLY_PAID');
        expect(after.amountPaid).toBe('5.00');
        expect(after.payments).toEqual([{ amount: '5.00', method: 'ONLINE_TRANSFER', paymentDate: '2024-05-01', narrative: 'part' }]);
        expect(await call('payInvoice', { invoiceNo: invoice.number, amount: after.balanceDue, paymentType: 'Cash' })).toBe('OK');
        after = await invoiceByNumber(invoice.number);
        expect(after).toMatchObject({ status: 'PAID', amountPaid: invoice.total, balanceDue: '0.00' });
      });

      it('refuses overpayment, paid invoices, unknown numbers and bad input, recording nothing', async () => {
        const invoice = await openInvoice(1);
        const before = await count('payments');
        expect(await call('payInvoice', { invoiceNo: invoice.number, amount: '100000', paymentType: 'cash' })).toMatch(/^ERROR: amount 100000.00 is more than the balance due of invoice \d+/);
        expect(await call('payInvoice', { invoiceNo: 999_999, amount: '1', paymentType: 'cash' })).toBe('ERROR: invoice number 999999 does not exist');
        expect(await call('payInvoice', { invoiceNo: invoice.number, amount: '1', paymentType: 'bitcoin' })).toMatch(/^ERROR: paymentType: must be one of direct debit, cash/);
        expect(await call('payInvoice', { invoiceNo: invoice.number, paymentType: 'cash' })).toBe('ERROR: amount is required');
        expect(await call('payInvoice', { invoiceNo: invoice.number, amount: '0', paymentType: 'cash' })).toBe('ERROR: amount must be more than 0');
        expect(await call('payInvoice', { invoiceNo: invoice.number, amount: '1', paymentType: 'cash', paymentDate: '05/01/2024' })).toMatch(/^ERROR: paymentDate: expected a date as YYYY-MM-DD/);
        const [paid] = await rows<{ number: number }>(db(), sql`select number from invoices where status = 'paid' order by id offset ${offset} limit 1`);
        expect(await call('payInvoice', { invoiceNo: paid!.number, amount: '1', paymentType: 'cash' })).toBe(`ERROR: invoice ${paid!.number} is already paid`);
        expect(await count('payments')).toBe(before);
        expect((await invoiceByNumber(invoice.number)).status).toBe('OPEN');
      });
    });

    describe('getInvoicesData', () => {
      it("lists the customer's invoices with lines, payments and paid/outstanding amounts", async () => {
        const customerId = 8 + offset;
        const res = await t.gql<{ customer: { invoices: { nodes: { legacyId: number; number: number; total: string; amountPaid: string; balanceDue: string; issueDate: string; lines: { net: string }[]; payments: { amount: string }[] }[] } } }>(
          `query($id: Int!) { customer(legacyId: $id) { invoices(first: 100) { nodes { legacyId number total amountPaid balanceDue issueDate lines { net } payments { amount } } } } }`,
          { id: customerId },
        );
        const expected = res.data.customer.invoices.nodes;
        expect(expected.length).toBeGreaterThan(0);

        if (dialect === 'soap') {
          const doc = xmlResult((await soap(t.url, 'getInvoicesData', { customerid: customerId })).result!);
          expect(doc.local).toBe('invoicesRoot');
          const invoices = children(doc, 'invoice');
          expect(invoices.map((i) => Number(attr(i, 'id'))).sort()).toEqual(expected.map((e) => e.legacyId).sort());
          for (const element of invoices) {
            const e = expected.find((x) => x.legacyId === Number(attr(element, 'id')))!;
            expect(leaves(element)).toMatchObject({ invoice_number: String(e.number), customerid: String(customerId), issue_date: e.issueDate, total: e.total, paid: e.amountPaid, outstanding: e.balanceDue });
            expect(children(child(element, 'lines')!, 'line').map((l) => leaves(l).net)).toEqual(e.lines.map((l) => l.net));
            expect(children(child(element, 'payments')!, 'payment').map((p) => leaves(p).amount)).toEqual(e.payments.map((p) => p.amount));
          }
        } else {
          const reply = await rest(t.url, 'getInvoicesData', { customerid: customerId });
          const invoices = (reply.result as { invoices: { id: string; invoice_number: string; total: string; paid: string; outstanding: string; lines: { net: string }[]; payments: { amount: string }[] }[] }).invoices;
          expect(invoices.map((i) => Number(i.id)).sort()).toEqual(expected.map((e) => e.legacyId).sort());
          for (const i of invoices) {
            const e = expected.find((x) => x.legacyId === Number(i.id))!;
            expect(i).toMatchObject({ invoice_number: String(e.number), total: e.total, paid: e.amountPaid, outstanding: e.balanceDue });
            expect(i.lines.map((l) => l.net)).toEqual(e.lines.map((l) => l.net));
            expect(i.payments.map((p) => p.amount)).toEqual(e.payments.map((p) => p.amount));
          }
        }
      });

      it('answers an empty document for a customer without invoices', async () => {
        const [customer] = await rows<{ id: number }>(db(), sql`select id from customers c where not exists (select 1 from invoices i where i.customer_id = c.id) order by id desc limit 1`);
        expect(await documentRecords(t, dialect, 'getInvoicesData', { customerid: customer!.id }, 'invoicesRoot', 'invoice', 'invoices')).toEqual([]);
      });

      it('refuses an unknown customer', async () => {
        expect(await call('getInvoicesData', { customerid: 999_999 })).toBe('ERROR: customer 999999 does not exist');
      });
    });
  });

  it('serves the resource routes: POST /restapi/subscription, GET /restapi/products?…', async () => {
    const created = await rest(t.url, 'addSubscription', { customerid: 9, productid: homePlan.legacyId, description: 'via resource route' }, { path: '/restapi/subscription' });
    expect(created.result).toBe('OK');
    const res = await fetch(`${t.url}/restapi/products?api_username=demo&api_password=demo&productid=${homePlan.legacyId}`);
    const products = (await res.json()) as { result: { products: { id: string }[] } };
    expect(products.result.products.map((p) => p.id)).toEqual([String(homePlan.legacyId)]);
  });
});
