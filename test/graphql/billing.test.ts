import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plans } from '../../src/catalog/plan.table';
import { subPlans } from '../../src/catalog/sub-plan.table';
import { invoiceLines, invoices } from '../../src/billing/invoice.table';
import { payments } from '../../src/billing/payment.table';
import { subscriptions } from '../../src/billing/subscription.table';
import { creditCards } from '../../src/billing/credit-card.table';
import { bankAccounts } from '../../src/billing/bank-account.table';
import { customers } from '../../src/customers/customer.table';
import { operators } from '../../src/tenancy/operator.table';
import { auditLog } from '../../src/tenancy/audit-log.table';
import { totalQueries } from '../../src/db/query-counter';
import { toGlobalId } from '../../src/graphql/global-id';
import { enabledEngines } from '../helpers/engines';
import { startTestApp, type TestApp } from '../helpers/app';

type UserErrors = { field: string[]; message: string; code: string }[];

/** Integer cents of a decimal string, so the test never does money in floats either. */
const cents = (s: string) => {
  const [whole, frac = ''] = s.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0').slice(0, 2));
};
const money = (c: number) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;

describe.each(enabledEngines())('GraphQL catalog and billing on %s', (engine) => {
  let t: TestApp;
  let demoId: number;
  const db = () => t.database.handle.db;

  beforeAll(async () => {
    t = await startTestApp(engine);
    [{ id: demoId }] = (await db().select({ id: operators.id }).from(operators).where(eq(operators.code, 'demo'))) as [{ id: number }];
  });
  afterAll(async () => {
    await t?.stop();
  });

  // ------------------------------------------------------------------ catalogue

  it('pages through every plan once and filters the catalogue like the database does', async () => {
    const seen: number[] = [];
    let after: string | null = null;
    for (;;) {
      const res: { data: { plans: { totalCount: number; nodes: { legacyId: number }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } } = await t.gql(
        'query($after: String) { plans(first: 4, after: $after) { totalCount nodes { legacyId } pageInfo { hasNextPage endCursor } } }',
        { after },
      );
      seen.push(...res.data.plans.nodes.map((n) => n.legacyId));
      if (!res.data.plans.pageInfo.hasNextPage) break;
      after = res.data.plans.pageInfo.endCursor;
    }
    const expected = (await db().select({ id: plans.id }).from(plans).where(eq(plans.operatorId, demoId)).orderBy(asc(plans.id))).map((r) => r.id);
    expect(expected).toHaveLength(11);
    expect(seen).toEqual(expected);

    const filtered = await t.gql<{
      services: { totalCount: number; nodes: { kind: string }[] };
      disabled: { nodes: { name: string; enabled: boolean }[] };
      cork: { totalCount: number };
      byName: { nodes: { name: string }[] };
      sorted: { nodes: { name: string }[] };
    }>(`{
      services: plans(first: 100, filter: { kind: SERVICE }) { totalCount nodes { kind } }
      disabled: plans(filter: { enabled: false }) { nodes { name enabled } }
      cork: plans(filter: { locationCode: "CORK", protocol: PPPOE }) { totalCount }
      byName: plans(filter: { name: "FEE" }) { nodes { name } }
      sorted: plans(first: 100, orderBy: { field: NAME, direction: DESC }) { nodes { name } }
    }`);
    expect(filtered.errors).toBeUndefined();
    const d = filtered.data;
    expect(d.services.totalCount).toBe(8);
    expect(d.services.nodes.every((n) => n.kind === 'SERVICE')).toBe(true);
    const disabled = await db().select({ name: plans.name }).from(plans).where(and(eq(plans.operatorId, demoId), eq(plans.enabled, false)));
    expect(d.disabled.nodes).toEqual(disabled.map((p) => ({ name: p.name, enabled: false })));
    expect(d.cork.totalCount).toBe(await db().$count(plans, and(eq(plans.operatorId, demoId), eq(plans.locationCode, 'CORK'), eq(plans.protocol, 'pppoe'))));
    expect(d.byName.nodes.map((n) => n.name).sort()).toEqual(['Installation fee', 'Reconnection fee']);
    const names = d.sorted.nodes.map((n) => n.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)));
  });

  it('resolves plan relations: sub-plans, bandwidth template, subscriptions, and back', async () => {
    const [plan] = await db().select().from(plans).where(and(eq(plans.operatorId, demoId), eq(plans.kind, 'service'))).orderBy(asc(plans.id)).limit(1);
    const res = await t.gql<{
      plan: {
        name: string;
        price: string;
        subPlans: { units: number; price: string; plan: { legacyId: number } }[];
        bandwidthTemplate: { legacyId: number; downloadKbps: number };
        subscriptions: { totalCount: number; nodes: { plan: { legacyId: number } }[] };
      };
    }>(
      `query($id: Int!) { plan(legacyId: $id) { name price subPlans { units price plan { legacyId } } bandwidthTemplate { legacyId downloadKbps }
        subscriptions(first: 5) { totalCount nodes { plan { legacyId } } } } }`,
      { id: plan!.id },
    );
    expect(res.errors).toBeUndefined();
    const p = res.data.plan;
    expect(p.name).toBe(plan!.name);
    expect(p.price).toBe(plan!.price);
    expect(p.subPlans.map((s) => s.units)).toEqual([1, 3, 6, 12]);
    expect(p.subPlans.every((s) => s.plan.legacyId === plan!.id)).toBe(true);
    expect(p.subPlans[0]!.price).toBe((await db().select().from(subPlans).where(and(eq(subPlans.planId, plan!.id), eq(subPlans.units, 1))))[0]!.price);
    expect(p.bandwidthTemplate).toEqual({ legacyId: plan!.bandwidthTemplateId, downloadKbps: plan!.bw1DownloadKbps });
    expect(p.subscriptions.totalCount).toBe(await db().$count(subscriptions, eq(subscriptions.planId, plan!.id)));
    expect(p.subscriptions.totalCount).toBeGreaterThan(0);
    expect(p.subscriptions.nodes.every((s) => s.plan.legacyId === plan!.id)).toBe(true);

    const zones = await t.gql<{ taxZones: { name: string; rate: string }[] }>('{ taxZones { name rate } }');
    expect(zones.data.taxZones).toEqual([
      { name: 'Exempt', rate: '0.0000' },
      { name: 'Reduced', rate: '13.5000' },
      { name: 'Standard', rate: '23.0000' },
    ]);
    const both = await t.gql('{ plan(id: "x", legacyId: 1) { id } }');
    expect(both.errors?.[0]?.extensions?.code).toBe('INVALID');
  });

  // ------------------------------------------------------------------ invoices and payments

  it('pages invoices by due date with keyset cursors and filters them like SQL', async () => {
    const expected = (
      await db()
        .select({ id: invoices.id })
        .from(invoices)
        .where(eq(invoices.operatorId, demoId))
        .orderBy(sql`${invoices.dueDate} desc`, sql`${invoices.id} desc`)
        .limit(150)
    ).map((r) => r.id);
    const first = await t.gql<{ invoices: { nodes: { legacyId: number }[]; pageInfo: { endCursor: string; hasNextPage: boolean } } }>(
      '{ invoices(first: 100, orderBy: { field: DUE_DATE, direction: DESC }) { nodes { legacyId } pageInfo { endCursor hasNextPage } } }',
    );
    expect(first.data.invoices.pageInfo.hasNextPage).toBe(true);
    const second = await t.gql<{ invoices: { nodes: { legacyId: number }[] } }>(
      'query($a: String) { invoices(first: 50, after: $a, orderBy: { field: DUE_DATE, direction: DESC }) { nodes { legacyId } } }',
      { a: first.data.invoices.pageInfo.endCursor },
    );
    expect([...first.data.invoices.nodes, ...second.data.invoices.nodes].map((n) => n.legacyId)).toEqual(expected);

    const from = '2000-01-01';
    const [{ month }] = (await db().select({ month: sql<string>`to_char(max(${invoices.issueDate}), 'YYYY-MM-01')` }).from(invoices).where(eq(invoices.operatorId, demoId))) as [
      { month: string },
    ];
    const res = await t.gql<{ unpaid: { totalCount: number; nodes: { status: string; balanceDue: string; total: string; amountPaid: string }[] }; latest: { totalCount: number } }>(
      `query($from: Date!, $to: Date!) {
        unpaid: invoices(first: 100, filter: { status: [OPEN, PARTIALLY_PAID] }) { totalCount nodes { status balanceDue total amountPaid } }
        latest: invoices(filter: { issuedFrom: $to, issuedTo: $to, dueFrom: $from }) { totalCount }
      }`,
      { from, to: month },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.unpaid.totalCount).toBe(await db().$count(invoices, and(eq(invoices.operatorId, demoId), inArray(invoices.status, ['open', 'partially_paid']))));
    expect(res.data.unpaid.nodes.every((n) => n.status === 'OPEN' || n.status === 'PARTIALLY_PAID')).toBe(true);
    for (const n of res.data.unpaid.nodes) expect(cents(n.balanceDue)).toBe(cents(n.total) - cents(n.amountPaid));
    expect(res.data.unpaid.nodes.some((n) => n.status === 'PARTIALLY_PAID' && n.balanceDue !== n.total)).toBe(true);
    expect(res.data.latest.totalCount).toBe(await db().$count(invoices, and(eq(invoices.operatorId, demoId), eq(invoices.issueDate, month))));
    expect(res.data.latest.totalCount).toBeGreaterThan(0);

    const [someInvoice] = await db().select().from(invoices).where(eq(invoices.operatorId, demoId)).limit(1);
    const byNumber = await t.gql<{ invoice: { legacyId: number; number: number } }>('query($n: Int!) { invoice(number: $n) { legacyId number } }', { n: someInvoice!.number });
    expect(byNumber.data.invoice).toEqual({ legacyId: someInvoice!.id, number: someInvoice!.number });
  });

  it("resolves a customer's billing: invoices with lines and payments, subscriptions, cards, accounts, plan", async () => {
    const query = `query($n: Int!) { customers(first: $n) { nodes { legacyId
      servicePlan { legacyId }
      subscriptions(first: 5) { totalCount nodes { customer { legacyId } plan { legacyId } subPlan { legacyId plan { legacyId } } taxZone { name } active } }
      invoices(first: 3, orderBy: { field: ISSUE_DATE, direction: DESC }) { totalCount nodes { legacyId total status customer { legacyId }
        lines { description total subscription { legacyId } } payments { amount method invoice { legacyId } customer { legacyId } } } }
      payments(first: 2) { totalCount nodes { amount } }
      creditCards { last4 preferred customer { legacyId } }
      bankAccounts { last4 ibanLast4 }
    } } }`;
    type Res = {
      customers: {
        nodes: {
          legacyId: number;
          servicePlan: { legacyId: number } | null;
          subscriptions: { totalCount: number; nodes: { customer: { legacyId: number }; plan: { legacyId: number }; subPlan: { legacyId: number; plan: { legacyId: number } } | null; taxZone: { name: string } | null; active: boolean }[] };
          invoices: {
            totalCount: number;
            nodes: { legacyId: number; total: string; status: string; customer: { legacyId: number }; lines: { description: string; total: string }[]; payments: { amount: string; invoice: { legacyId: number }; customer: { legacyId: number } }[] }[];
          };
          payments: { totalCount: number; nodes: { amount: string }[] };
          creditCards: { last4: string; preferred: boolean; customer: { legacyId: number } }[];
          bankAccounts: { last4: string; ibanLast4: string }[];
        }[];
      };
    };
    const before = totalQueries();
    const small = await t.gql<Res>(query, { n: 5 });
    const smallQueries = totalQueries() - before;
    const start = totalQueries();
    const res = await t.gql<Res>(query, { n: 60 });
    const bigQueries = totalQueries() - start;
    expect(res.errors).toBeUndefined();
    expect(small.errors).toBeUndefined();
    // batched: 12 times the customers costs no more statements
    expect(bigQueries).toBeLessThanOrEqual(smallQueries);

    const nodes = res.data.customers.nodes;
    const ids = nodes.map((c) => c.legacyId);
    const invoiceCounts = await db().select({ id: invoices.customerId, n: sql<number>`count(*)::int` }).from(invoices).where(inArray(invoices.customerId, ids)).groupBy(invoices.customerId);
    const paymentCounts = await db().select({ id: payments.customerId, n: sql<number>`count(*)::int` }).from(payments).where(inArray(payments.customerId, ids)).groupBy(payments.customerId);
    const subscriptionCounts = await db().select({ id: subscriptions.customerId, n: sql<number>`count(*)::int` }).from(subscriptions).where(inArray(subscriptions.customerId, ids)).groupBy(subscriptions.customerId);
    const cards = await db().select().from(creditCards).where(inArray(creditCards.customerId, ids));
    const banks = await db().select().from(bankAccounts).where(inArray(bankAccounts.customerId, ids));
    const rows = await db().select({ id: customers.id, servicePlanId: customers.servicePlanId }).from(customers).where(inArray(customers.id, ids));
    const countOf = (list: { id: number; n: number }[], id: number) => Number(list.find((r) => r.id === id)?.n ?? 0);

    let withLines = 0;
    for (const c of nodes) {
      expect(c.invoices.totalCount).toBe(countOf(invoiceCounts, c.legacyId));
      expect(c.payments.totalCount).toBe(countOf(paymentCounts, c.legacyId));
      expect(c.subscriptions.totalCount).toBe(countOf(subscriptionCounts, c.legacyId));
      expect(c.invoices.nodes.length).toBe(Math.min(3, c.invoices.totalCount));
      expect(c.servicePlan?.legacyId ?? null).toBe(rows.find((r) => r.id === c.legacyId)!.servicePlanId);
      for (const s of c.subscriptions.nodes) {
        expect(s.customer.legacyId).toBe(c.legacyId);
        if (s.subPlan) expect(s.subPlan.plan.legacyId).toBe(s.plan.legacyId);
      }
      for (const inv of c.invoices.nodes) {
        expect(inv.customer.legacyId).toBe(c.legacyId);
        expect(inv.lines.length).toBeGreaterThan(0);
        withLines++;
        expect(inv.lines.reduce((sum, l) => sum + cents(l.total), 0)).toBe(cents(inv.total));
        if (inv.status === 'PAID') expect(inv.payments.reduce((sum, p) => sum + cents(p.amount), 0)).toBe(cents(inv.total));
        for (const p of inv.payments) expect([p.invoice.legacyId, p.customer.legacyId]).toEqual([inv.legacyId, c.legacyId]);
      }
      expect(c.creditCards.map((k) => k.last4).sort()).toEqual(cards.filter((k) => k.customerId === c.legacyId).map((k) => k.last4.trim()).sort());
      expect(c.bankAccounts.map((b) => b.last4).sort()).toEqual(banks.filter((b) => b.customerId === c.legacyId).map((b) => b.last4.trim()).sort());
    }
    expect(withLines).toBeGreaterThan(0);
    expect(nodes.some((c) => c.creditCards.length > 0)).toBe(true);
  });

  it("pages a customer's invoices with cursors, and each page of customers gets its own children", async () => {
    const [{ id: customerId }] = (await db()
      .select({ id: invoices.customerId })
      .from(invoices)
      .where(eq(invoices.operatorId, demoId))
      .groupBy(invoices.customerId)
      .having(sql`count(*) >= 5`)
      .orderBy(invoices.customerId)
      .limit(1)) as [{ id: number }];
    const expected = (await db().select({ id: invoices.id }).from(invoices).where(eq(invoices.customerId, customerId)).orderBy(asc(invoices.issueDate), asc(invoices.id))).map((r) => r.id);
    const query = `query($c: Int!, $after: String) { customer(legacyId: $c) { invoices(first: 2, after: $after, orderBy: { field: ISSUE_DATE }) {
      nodes { legacyId } pageInfo { hasNextPage hasPreviousPage endCursor } } } }`;
    type Res = { customer: { invoices: { nodes: { legacyId: number }[]; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string } } } };
    const one = await t.gql<Res>(query, { c: customerId });
    const two = await t.gql<Res>(query, { c: customerId, after: one.data.customer.invoices.pageInfo.endCursor });
    expect([...one.data.customer.invoices.nodes, ...two.data.customer.invoices.nodes].map((n) => n.legacyId)).toEqual(expected.slice(0, 4));
    expect(one.data.customer.invoices.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(two.data.customer.invoices.pageInfo).toMatchObject({ hasNextPage: expected.length > 4, hasPreviousPage: true });

    // two aliases with different arguments in one request must not share a loader
    const both = await t.gql<{ customer: { paid: { totalCount: number }; open: { totalCount: number } } }>(
      'query($c: Int!) { customer(legacyId: $c) { paid: invoices(filter: { status: [PAID] }) { totalCount } open: invoices(filter: { status: [OPEN] }) { totalCount } } }',
      { c: customerId },
    );
    expect(both.data.customer.paid.totalCount).toBe(await db().$count(invoices, and(eq(invoices.customerId, customerId), eq(invoices.status, 'paid'))));
    expect(both.data.customer.open.totalCount).toBe(await db().$count(invoices, and(eq(invoices.customerId, customerId), eq(invoices.status, 'open'))));
    expect(both.data.customer.paid.totalCount + both.data.customer.open.totalCount).toBeGreaterThan(0);
  });

  it('never exposes card or bank tokens, and resolves every new type through node()', async () => {
    const intro = await t.gql<{ card: { fields: { name: string }[] }; bank: { fields: { name: string }[] } }>(
      '{ card: __type(name: "CreditCard") { fields { name } } bank: __type(name: "BankAccount") { fields { name } } }',
    );
    for (const type of [intro.data.card, intro.data.bank]) {
      expect(type.fields.map((f) => f.name)).toContain('last4');
      expect(type.fields.map((f) => f.name).filter((n) => /token/i.test(n))).toEqual([]);
    }

    const [card] = await db().select().from(creditCards).where(eq(creditCards.operatorId, demoId)).limit(1);
    const [bank] = await db().select().from(bankAccounts).where(eq(bankAccounts.operatorId, demoId)).limit(1);
    const [sub] = await db().select().from(subscriptions).where(eq(subscriptions.operatorId, demoId)).limit(1);
    const [inv] = await db().select().from(invoices).where(eq(invoices.operatorId, demoId)).limit(1);
    const [pay] = await db().select().from(payments).where(eq(payments.operatorId, demoId)).limit(1);
    const [plan] = await db().select().from(plans).where(eq(plans.operatorId, demoId)).limit(1);
    const [subPlan] = await db().select().from(subPlans).where(eq(subPlans.operatorId, demoId)).limit(1);
    const ids: [string, number][] = [
      ['CreditCard', card!.id],
      ['BankAccount', bank!.id],
      ['Subscription', sub!.id],
      ['Invoice', inv!.id],
      ['Payment', pay!.id],
      ['Plan', plan!.id],
      ['SubPlan', subPlan!.id],
      ['BandwidthTemplate', plan!.bandwidthTemplateId ?? 1],
      ['TaxZone', sub!.taxZoneId!],
    ];
    const res = await t.gql<{ nodes: ({ __typename: string; legacyId: number } | null)[] }>(
      `query($ids: [ID!]!) { nodes(ids: $ids) { __typename ${ids.map(([type]) => `... on ${type} { legacyId }`).join(' ')} ... on CreditCard { last4 } ... on BankAccount { last4 sortCode } } }`,
      { ids: ids.map(([type, id]) => toGlobalId(type, id)) },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.nodes.map((n) => n && [n.__typename, n.legacyId])).toEqual(ids);
    const raw = JSON.stringify(res.data);
    expect(raw).not.toContain(card!.token);
    expect(raw).not.toContain(bank!.token);
  });

  it('pays an invoice in two parts: partially paid, then paid, with both payments visible', async () => {
    const open = await t.gql<{ invoices: { nodes: { id: string; number: number; total: string; customer: { id: string } }[] } }>(
      '{ invoices(first: 1, filter: { status: [OPEN] }, orderBy: { field: NUMBER }) { nodes { id number total customer { id } } } }',
    );
    const invoice = open.data.invoices.nodes[0]!;
    const total = cents(invoice.total);
    const part = Math.floor(total / 3);
    const auditBefore = await db().$count(auditLog, eq(auditLog.action, 'invoice.pay'));

    const mutation = `mutation($input: InvoicePayInput!) { invoicePay(input: $input) {
      invoice { status amountPaid balanceDue } payment { amount method paymentDate narrative invoice { id } } userErrors { field message code } } }`;
    const first = await t.gql<{ invoicePay: { invoice: { status: string; amountPaid: string; balanceDue: string }; payment: { amount: string; method: string; paymentDate: string; narrative: string; invoice: { id: string } }; userErrors: UserErrors } }>(
      mutation,
      { input: { invoiceId: invoice.id, amount: money(part), method: 'CASH', paymentDate: '2025-01-15', narrative: 'first half' } },
    );
    expect(first.data.invoicePay.userErrors).toEqual([]);
    expect(first.data.invoicePay.invoice).toEqual({ status: 'PARTIALLY_PAID', amountPaid: money(part), balanceDue: money(total - part) });
    expect(first.data.invoicePay.payment).toEqual({ amount: money(part), method: 'CASH', paymentDate: '2025-01-15', narrative: 'first half', invoice: { id: invoice.id } });

    const second = await t.gql<{ invoicePay: { invoice: { status: string; amountPaid: string; balanceDue: string }; userErrors: UserErrors } }>(mutation, {
      input: { number: invoice.number, amount: money(total - part), method: 'ONLINE_TRANSFER' },
    });
    expect(second.data.invoicePay.userErrors).toEqual([]);
    expect(second.data.invoicePay.invoice).toEqual({ status: 'PAID', amountPaid: invoice.total, balanceDue: '0.00' });

    const seen = await t.gql<{ node: { status: string; payments: { amount: string }[]; customer: { payments: { totalCount: number; nodes: { amount: string }[] } } } }>(
      `query($id: ID!) { node(id: $id) { ... on Invoice { status payments { amount } customer { payments(filter: { invoiceId: $id }, orderBy: { field: AMOUNT }) { totalCount nodes { amount } } } } } }`,
      { id: invoice.id },
    );
    expect(seen.data.node.status).toBe('PAID');
    expect(seen.data.node.payments.map((p) => p.amount).sort()).toEqual([money(part), money(total - part)].sort());
    expect(seen.data.node.customer.payments.totalCount).toBe(2);
    expect(await db().$count(auditLog, eq(auditLog.action, 'invoice.pay'))).toBe(auditBefore + 2);

    const again = await t.gql<{ invoicePay: { userErrors: UserErrors } }>(mutation, { input: { invoiceId: invoice.id, amount: '1.00', method: 'CASH' } });
    expect(again.data.invoicePay.userErrors[0]!.code).toBe('PRECONDITION_FAILED');
  });

  it('refuses overpayment, bad amounts and void invoices, writing nothing', async () => {
    const [inv] = await db()
      .select()
      .from(invoices)
      .where(and(eq(invoices.operatorId, demoId), eq(invoices.status, 'partially_paid')))
      .limit(1);
    const id = toGlobalId('Invoice', inv!.id);
    const due = cents(inv!.total) - cents(inv!.amountPaid);
    const paymentsBefore = await db().$count(payments);
    const mutation = 'mutation($input: InvoicePayInput!) { invoicePay(input: $input) { invoice { id } payment { id } userErrors { field message code } } }';
    type Res = { invoicePay: { invoice: null; payment: null; userErrors: UserErrors } };

    const over = await t.gql<Res>(mutation, { input: { invoiceId: id, amount: money(due + 1), method: 'CASH' } });
    expect(over.data.invoicePay).toMatchObject({ invoice: null, payment: null });
    expect(over.data.invoicePay.userErrors).toEqual([
      { field: ['input', 'amount'], code: 'INVALID', message: expect.stringContaining(`balance due of invoice ${inv!.number} (${money(due)})`) },
    ]);
    const bad = await t.gql<Res>(mutation, { input: { invoiceId: id, number: inv!.number, amount: '1.234', method: 'CASH' } });
    expect(bad.data.invoicePay.userErrors.map((e) => e.field.join('.')).sort()).toEqual(['', 'input.amount']);
    const zero = await t.gql<Res>(mutation, { input: { invoiceId: id, amount: '0', method: 'CASH' } });
    expect(zero.data.invoicePay.userErrors[0]!.message).toMatch(/more than 0/);
    const missing = await t.gql<Res>(mutation, { input: { number: 999999, amount: '1.00', method: 'CASH' } });
    expect(missing.data.invoicePay.userErrors[0]).toMatchObject({ field: ['input', 'number'], code: 'NOT_FOUND' });

    await db().update(invoices).set({ status: 'void' }).where(eq(invoices.id, inv!.id));
    const voided = await t.gql<Res>(mutation, { input: { invoiceId: id, amount: '1.00', method: 'CASH' } });
    expect(voided.data.invoicePay.userErrors[0]).toMatchObject({ code: 'PRECONDITION_FAILED', message: expect.stringMatching(/void/) });
    await db().update(invoices).set({ status: inv!.status }).where(eq(invoices.id, inv!.id));

    expect(await db().$count(payments)).toBe(paymentsBefore);
    const [after] = await db().select().from(invoices).where(eq(invoices.id, inv!.id));
    expect(after!.amountPaid).toBe(inv!.amountPaid);
  });

  // ------------------------------------------------------------------ subscriptions

  it('creates a subscription with the plan defaults and the customer tax zone, and lists it', async () => {
    const [plan] = await db().select().from(plans).where(and(eq(plans.operatorId, demoId), eq(plans.kind, 'service'), eq(plans.enabled, true))).limit(1);
    const [subPlan] = await db().select().from(subPlans).where(eq(subPlans.planId, plan!.id)).limit(1);
    const mutation = `mutation($input: SubscriptionCreateInput!) { subscriptionCreate(input: $input) { subscription { id legacyId
      price priceOverridden description descriptionOverridden quantity discount taxRate validFrom validTo nextBillingDate active type
      customer { legacyId } plan { legacyId } subPlan { legacyId } taxZone { name } } userErrors { field message code } } }`;
    type Sub = { id: string; legacyId: number; price: string; priceOverridden: boolean; description: string; descriptionOverridden: boolean; quantity: number; discount: string; taxRate: string; validFrom: string; validTo: string | null; nextBillingDate: string; active: boolean; type: string; customer: { legacyId: number }; plan: { legacyId: number }; subPlan: { legacyId: number } | null; taxZone: { name: string } | null };
    const res = await t.gql<{ subscriptionCreate: { subscription: Sub; userErrors: UserErrors } }>(mutation, {
      input: { customerId: toGlobalId('Customer', 1), planId: toGlobalId('Plan', plan!.id), subPlanId: toGlobalId('SubPlan', subPlan!.id), validFrom: '2025-03-01', quantity: 2 },
    });
    expect(res.data.subscriptionCreate.userErrors).toEqual([]);
    const s = res.data.subscriptionCreate.subscription;
    expect(s).toMatchObject({
      price: plan!.price,
      priceOverridden: false,
      description: plan!.name,
      descriptionOverridden: false,
      quantity: 2,
      discount: '0.0000',
      taxRate: '23.0000',
      validFrom: '2025-03-01',
      validTo: null,
      nextBillingDate: '2025-03-01',
      active: true,
      type: 'RECURRING',
      customer: { legacyId: 1 },
      plan: { legacyId: plan!.id },
      subPlan: { legacyId: subPlan!.id },
      taxZone: { name: 'Standard' },
    });
    expect(await db().$count(auditLog, and(eq(auditLog.action, 'subscription.create'), eq(auditLog.entityId, s.legacyId)))).toBe(1);

    const overridden = await t.gql<{ subscriptionCreate: { subscription: Sub; userErrors: UserErrors } }>(mutation, {
      input: { customerId: toGlobalId('Customer', 1), planId: toGlobalId('Plan', plan!.id), price: '10.50', description: 'Staff rate', taxRate: '0', validFrom: '2020-01-01', validTo: '2020-12-31' },
    });
    expect(overridden.data.subscriptionCreate.subscription).toMatchObject({ price: '10.50', priceOverridden: true, description: 'Staff rate', descriptionOverridden: true, taxRate: '0.0000', active: false, subPlan: null });

    const listed = await t.gql<{ customer: { active: { nodes: { legacyId: number }[] }; ended: { nodes: { legacyId: number }[] } } }>(
      `{ customer(legacyId: 1) { active: subscriptions(first: 100, filter: { active: true }) { nodes { legacyId } } ended: subscriptions(first: 100, filter: { active: false }) { nodes { legacyId } } } }`,
    );
    expect(listed.data.customer.active.nodes.map((n) => n.legacyId)).toContain(s.legacyId);
    expect(listed.data.customer.ended.nodes.map((n) => n.legacyId)).toContain(overridden.data.subscriptionCreate.subscription.legacyId);
    expect(listed.data.customer.active.nodes.map((n) => n.legacyId)).not.toContain(overridden.data.subscriptionCreate.subscription.legacyId);
    const root = await t.gql<{ subscriptions: { totalCount: number } }>('query($c: ID!, $p: ID!) { subscriptions(filter: { customerId: $c, planId: $p, active: true, type: RECURRING }) { totalCount } }', {
      c: toGlobalId('Customer', 1),
      p: toGlobalId('Plan', plan!.id),
    });
    const today = new Date().toISOString().slice(0, 10);
    const expected = await db().$count(
      subscriptions,
      and(eq(subscriptions.customerId, 1), eq(subscriptions.planId, plan!.id), isNull(subscriptions.endedAt), sql`(${subscriptions.validTo} is null or ${subscriptions.validTo} >= ${today})`),
    );
    expect(root.data.subscriptions.totalCount).toBe(expected);
  });

  it('returns every problem with a bad subscription as userErrors and writes nothing', async () => {
    const [disabled] = await db().select().from(plans).where(and(eq(plans.operatorId, demoId), eq(plans.enabled, false))).limit(1);
    const [otherPlanSub] = await db().select().from(subPlans).where(and(eq(subPlans.operatorId, demoId), sql`${subPlans.planId} <> ${disabled!.id}`)).limit(1);
    const before = await db().$count(subscriptions);
    const res = await t.gql<{ subscriptionCreate: { subscription: null; userErrors: UserErrors } }>(
      `mutation($input: SubscriptionCreateInput!) { subscriptionCreate(input: $input) { subscription { id } userErrors { field message code } } }`,
      {
        input: {
          customerId: toGlobalId('Customer', 1),
          planId: toGlobalId('Plan', disabled!.id),
          subPlanId: toGlobalId('SubPlan', otherPlanSub!.id),
          quantity: 0,
          discount: '150',
          price: '-1.00',
          validFrom: '2025-05-01',
          validTo: '2025-04-30',
        },
      },
    );
    expect(res.data.subscriptionCreate.subscription).toBeNull();
    expect(res.data.subscriptionCreate.userErrors.map((e) => e.field.join('.')).sort()).toEqual([
      'input.discount',
      'input.planId',
      'input.price',
      'input.quantity',
      'input.subPlanId',
      'input.validTo',
    ]);
    expect(res.data.subscriptionCreate.userErrors.find((e) => e.field[1] === 'planId')!.message).toMatch(/disabled/);

    const missing = await t.gql<{ subscriptionCreate: { userErrors: UserErrors } }>(
      `mutation($input: SubscriptionCreateInput!) { subscriptionCreate(input: $input) { userErrors { field code } } }`,
      { input: { customerId: toGlobalId('Customer', 999999), planId: toGlobalId('Plan', 999999) } },
    );
    expect(missing.data.subscriptionCreate.userErrors).toEqual([
      { field: ['input', 'customerId'], code: 'NOT_FOUND' },
      { field: ['input', 'planId'], code: 'NOT_FOUND' },
    ]);
    const wrongType = await t.gql<{ subscriptionCreate: { userErrors: UserErrors } }>(
      `mutation($input: SubscriptionCreateInput!) { subscriptionCreate(input: $input) { userErrors { field code } } }`,
      { input: { customerId: toGlobalId('Plan', 1), planId: toGlobalId('Plan', 1) } },
    );
    expect(wrongType.data.subscriptionCreate.userErrors).toEqual([{ field: ['input', 'customerId'], code: 'INVALID' }]);
    expect(await db().$count(subscriptions)).toBe(before);
  });

  it('deletes a billed subscription, keeping the invoice line that billed it', async () => {
    const [plan] = await db().select().from(plans).where(and(eq(plans.operatorId, demoId), eq(plans.enabled, true))).limit(1);
    const created = await t.gql<{ subscriptionCreate: { subscription: { id: string; legacyId: number } } }>(
      'mutation($c: ID!, $p: ID!) { subscriptionCreate(input: { customerId: $c, planId: $p }) { subscription { id legacyId } } }',
      { c: toGlobalId('Customer', 2), p: toGlobalId('Plan', plan!.id) },
    );
    const sub = created.data.subscriptionCreate.subscription;
    const [line] = await db().select().from(invoiceLines).where(eq(invoiceLines.operatorId, demoId)).limit(1);
    await db().update(invoiceLines).set({ subscriptionId: sub.legacyId }).where(eq(invoiceLines.id, line!.id));
    const linked = await t.gql<{ invoice: { lines: { legacyId: number; subscription: { id: string } | null }[] } }>('query($id: Int!) { invoice(legacyId: $id) { lines { legacyId subscription { id } } } }', {
      id: line!.invoiceId,
    });
    expect(linked.data.invoice.lines.find((l) => l.legacyId === line!.id)!.subscription).toEqual({ id: sub.id });

    const mutation = 'mutation($id: ID!) { subscriptionDelete(input: { id: $id }) { deletedId userErrors { field message code } } }';
    const deleted = await t.gql<{ subscriptionDelete: { deletedId: string; userErrors: UserErrors } }>(mutation, { id: sub.id });
    expect(deleted.data.subscriptionDelete).toEqual({ deletedId: sub.id, userErrors: [] });
    const [kept] = await db().select().from(invoiceLines).where(eq(invoiceLines.id, line!.id));
    expect(kept).toMatchObject({ id: line!.id, subscriptionId: null, total: line!.total });
    const gone = await t.gql<{ node: null }>('query($id: ID!) { node(id: $id) { id } }', { id: sub.id });
    expect(gone.data.node).toBeNull();
    const again = await t.gql<{ subscriptionDelete: { deletedId: null; userErrors: UserErrors } }>(mutation, { id: sub.id });
    expect(again.data.subscriptionDelete).toEqual({ deletedId: null, userErrors: [{ field: ['input', 'id'], message: expect.any(String), code: 'NOT_FOUND' }] });
  });

  // ------------------------------------------------------------------ tenancy

  it("keeps operators apart: another operator sees none of the demo catalogue or billing, and cannot write to it", async () => {
    const { generateOperator } = await import('../../src/db/seed/generator');
    const other = await generateOperator(db(), { operatorCode: 'billingother', customers: 4 });
    const [demoPlan] = await db().select().from(plans).where(and(eq(plans.operatorId, demoId), eq(plans.enabled, true))).limit(1);
    const [demoInvoice] = await db().select().from(invoices).where(and(eq(invoices.operatorId, demoId), eq(invoices.status, 'open'))).limit(1);
    const [demoCard] = await db().select().from(creditCards).where(eq(creditCards.operatorId, demoId)).limit(1);
    const [demoSub] = await db().select().from(subscriptions).where(eq(subscriptions.operatorId, demoId)).limit(1);

    const res = await t.gql<{
      plans: { totalCount: number };
      invoices: { totalCount: number };
      payments: { totalCount: number };
      subscriptions: { totalCount: number };
      taxZones: { legacyId: number }[];
      plan: null;
      invoice: null;
      nodes: null[];
    }>(
      `query($ids: [ID!]!, $plan: Int!, $inv: Int!) { plans { totalCount } invoices { totalCount } payments { totalCount } subscriptions { totalCount }
        taxZones { legacyId } plan(legacyId: $plan) { id } invoice(legacyId: $inv) { id } nodes(ids: $ids) { id } }`,
      {
        plan: demoPlan!.id,
        inv: demoInvoice!.id,
        ids: [toGlobalId('Plan', demoPlan!.id), toGlobalId('Invoice', demoInvoice!.id), toGlobalId('CreditCard', demoCard!.id), toGlobalId('Subscription', demoSub!.id)],
      },
      other.token,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.plans.totalCount).toBe(await db().$count(plans, eq(plans.operatorId, other.operatorId)));
    expect(res.data.invoices.totalCount).toBe(await db().$count(invoices, eq(invoices.operatorId, other.operatorId)));
    expect(res.data.payments.totalCount).toBe(await db().$count(payments, eq(payments.operatorId, other.operatorId)));
    expect(res.data.subscriptions.totalCount).toBe(await db().$count(subscriptions, eq(subscriptions.operatorId, other.operatorId)));
    expect(res.data.invoices.totalCount).toBeLessThan(await db().$count(invoices));
    expect(res.data.taxZones).toHaveLength(3);
    expect(res.data.plan).toBeNull();
    expect(res.data.invoice).toBeNull();
    expect(res.data.nodes).toEqual([null, null, null, null]);

    const paymentsBefore = await db().$count(payments);
    const subsBefore = await db().$count(subscriptions);
    const pay = await t.gql<{ invoicePay: { userErrors: UserErrors } }>(
      'mutation($id: ID!) { invoicePay(input: { invoiceId: $id, amount: "1.00", method: CASH }) { userErrors { field message code } } }',
      { id: toGlobalId('Invoice', demoInvoice!.id) },
      other.token,
    );
    expect(pay.data.invoicePay.userErrors[0]).toMatchObject({ field: ['input', 'invoiceId'], code: 'NOT_FOUND' });
    const [otherCustomer] = await db().select().from(customers).where(eq(customers.operatorId, other.operatorId)).limit(1);
    const sub = await t.gql<{ subscriptionCreate: { userErrors: UserErrors } }>(
      'mutation($c: ID!, $p: ID!) { subscriptionCreate(input: { customerId: $c, planId: $p }) { userErrors { field code } } }',
      { c: toGlobalId('Customer', otherCustomer!.id), p: toGlobalId('Plan', demoPlan!.id) },
      other.token,
    );
    expect(sub.data.subscriptionCreate.userErrors).toEqual([{ field: ['input', 'planId'], code: 'NOT_FOUND' }]);
    const del = await t.gql<{ subscriptionDelete: { userErrors: UserErrors } }>(
      'mutation($id: ID!) { subscriptionDelete(input: { id: $id }) { userErrors { code } } }',
      { id: toGlobalId('Subscription', demoSub!.id) },
      other.token,
    );
    expect(del.data.subscriptionDelete.userErrors).toEqual([{ code: 'NOT_FOUND' }]);
    expect(await db().$count(payments)).toBe(paymentsBefore);
    expect(await db().$count(subscriptions)).toBe(subsBefore);
    const [unchanged] = await db().select().from(invoices).where(eq(invoices.id, demoInvoice!.id));
    expect(unchanged!.amountPaid).toBe(demoInvoice!.amountPaid);
  });
});
