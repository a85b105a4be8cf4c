/**
 * Refunds: money given back against a payment, in part or in full, never more than is left of
 * it; refused for a read-only role and for another operator's payment, with nothing written on
 * refusal. The customer's balance counts them, in GraphQL and in SOAP getCustomerData alike; the
 * change feed reports them (and grace periods and sub-account links); the compiled read path
 * answers refund queries with the resolvers' bytes.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { payments } from '../../src/billing/payment.table';
import { generateOperator } from '../../src/db/seed/generator';
import { toGlobalId } from '../../src/graphql/global-id';
import { startCompiledPair, type CompiledPair } from '../helpers/compiled-pair';
import { enabledEngines } from '../helpers/engines';
import { makeCustomer } from '../helpers/fixtures';
import type { UserErrors } from '../helpers/mutation';
import { makeRoleUser, operatorIdOf } from '../helpers/roles';
import { child, leaves, soap, xmlResult } from '../helpers/simpler';
import { rows } from '../helpers/sql';

interface RefundResult {
  paymentRefund: {
    refund: { id: string; legacyId: number; amount: string; refundDate: string; method: string; reason: string | null; customer: { id: string }; createdBy: { username: string } | null } | null;
    payment: { id: string; amount: string; refundableAmount: string; refunds: { amount: string }[] } | null;
    userErrors: UserErrors;
  };
}

const REFUND = `mutation($input: PaymentRefundInput!) { paymentRefund(input: $input) {
  refund { id legacyId amount refundDate method reason customer { id } createdBy { username } }
  payment { id amount refundableAmount refunds { amount } }
  userErrors { field message code }
} }`;

describe.each(enabledEngines())('refunds on %s', (engine) => {
  let pair: CompiledPair;
  let demoId: number;
  let customerId: number;
  let paymentId: number;
  let foreignPaymentId: number;
  let otherToken: string;
  const db = () => pair.database.handle.db;
  const gql = async <T>(query: string, variables: Record<string, unknown> = {}, token?: string) => {
    const reply = await pair.send(pair.reference, query, variables, token);
    expect(reply.body.errors).toBeUndefined();
    return reply.body.data as T;
  };
  const refund = (input: Record<string, unknown>, token?: string) => gql<RefundResult>(REFUND, { input }, token).then((d) => d.paymentRefund);
  const written = async () => {
    const [counts] = await rows<{ refunds: number; audits: number }>(
      db(),
      sql`select (select count(*) from refunds)::int as refunds, (select count(*) from audit_log where action = 'payment.refund')::int as audits`,
    );
    return counts!;
  };
  const balance = async () => {
    const data = await pair.expectSame('query($id: Int!) { customer(legacyId: $id) { balance outstandingAmount } }', { id: customerId });
    const reply = await soap(pair.compiled.url, 'getCustomerData', { customerid: customerId, statement: 1 });
    const statement = leaves(child(xmlResult(reply.result!), 'statement')!);
    expect({ balance: statement.balance, outstanding: statement.outstanding }).toEqual({ balance: data.customer.balance, outstanding: data.customer.outstandingAmount });
    return data.customer.balance as string;
  };

  beforeAll(async () => {
    pair = await startCompiledPair(engine);
    demoId = await operatorIdOf(db(), 'demo');
    customerId = await makeCustomer(db(), demoId, 'refunds_one', { status: 'current' });
    const [paid] = await db()
      .insert(payments)
      .values({ operatorId: demoId, customerId, amount: '100.00', paymentDate: '2021-02-01', method: 'cash' })
      .returning({ id: payments.id });
    paymentId = paid!.id;
    const other = await generateOperator(db(), { operatorCode: 'refunds_other', customers: 2, seed: 3 });
    otherToken = other.token;
    const foreignCustomer = await makeCustomer(db(), other.operatorId, 'refunds_foreign');
    const [foreign] = await db()
      .insert(payments)
      .values({ operatorId: other.operatorId, customerId: foreignCustomer, amount: '50.00', paymentDate: '2021-02-01', method: 'cash' })
      .returning({ id: payments.id });
    foreignPaymentId = foreign!.id;
  });

  afterAll(async () => {
    await pair?.stop();
  });

  it('refunds part of a payment, then the rest, then refuses more without writing anything', async () => {
    expect(await balance()).toBe('-100.00');
    const first = await refund({ paymentId: toGlobalId('Payment', paymentId), amount: '30.00', refundDate: '2021-03-01', method: 'ONLINE_TRANSFER', reason: 'overpaid' });
    expect(first.userErrors).toEqual([]);
    expect(first.refund).toMatchObject({ amount: '30.00', refundDate: '2021-03-01', method: 'ONLINE_TRANSFER', reason: 'overpaid', customer: { id: toGlobalId('Customer', customerId) } });
    expect(first.refund!.createdBy).not.toBeNull();
    expect(first.payment).toEqual({ id: toGlobalId('Payment', paymentId), amount: '100.00', refundableAmount: '70.00', refunds: [{ amount: '30.00' }] });
    // Money given back is credit the customer no longer has; no invoice owes anything more.
    expect(await balance()).toBe('-70.00');

    const rest = await refund({ paymentId: toGlobalId('Payment', paymentId), amount: '70', refundDate: '2021-03-02', method: 'CASH' });
    expect(rest.userErrors).toEqual([]);
    expect(rest.payment!.refunds).toEqual([{ amount: '30.00' }, { amount: '70.00' }]);
    expect(rest.payment!.refundableAmount).toBe('0.00');
    expect(await balance()).toBe('0.00');

    const before = await written();
    expect(before).toMatchObject({ audits: 2 });
    const over = await refund({ paymentId: toGlobalId('Payment', paymentId), amount: '0.01', refundDate: '2021-03-03', method: 'CASH' });
    expect(over.refund).toBeNull();
    expect(over.userErrors).toEqual([{ field: ['input', 'amount'], code: 'INVALID', message: expect.stringContaining('0.00 left to refund') }]);
    for (const amount of ['0', '-5.00']) {
      const bad = await refund({ paymentId: toGlobalId('Payment', paymentId), amount, method: 'CASH' });
      expect(bad.userErrors.map((e) => [e.field, e.code])).toEqual([[['input', 'amount'], 'INVALID']]);
    }
    expect(await written()).toEqual(before);
    expect(await balance()).toBe('0.00');

    // A payment partly given back can no longer be reversed as if it had never been received.
    const reversed = await gql<{ paymentReverse: { userErrors: UserErrors } }>('mutation($id: ID!) { paymentReverse(input: { id: $id }) { userErrors { field message code } } }', {
      id: toGlobalId('Payment', paymentId),
    });
    expect(reversed.paymentReverse.userErrors.map((e) => [e.field, e.code])).toEqual([[['input', 'id'], 'PRECONDITION_FAILED']]);
  });

  it('refuses a read-only role and another operator’s payment, writing nothing', async () => {
    const before = await written();
    const readonly = await makeRoleUser(db(), demoId, 'readonly');
    const refused = await refund({ paymentId: toGlobalId('Payment', paymentId), amount: '1.00', method: 'CASH' }, readonly.token);
    expect(refused.refund).toBeNull();
    expect(refused.userErrors.map((e) => e.code)).toEqual(['FORBIDDEN']);

    const foreign = await refund({ paymentId: toGlobalId('Payment', foreignPaymentId), amount: '1.00', method: 'CASH' });
    expect(foreign.refund).toBeNull();
    expect(foreign.userErrors.map((e) => [e.field, e.code])).toEqual([[['input', 'paymentId'], 'NOT_FOUND']]);
    expect(await written()).toEqual(before);

    // Nor does the other operator see the demo's refunds.
    const theirs = await gql<{ refunds: { totalCount: number } }>('{ refunds { totalCount } }', {}, otherToken);
    expect(theirs.refunds.totalCount).toBe(0);
  });

  it('lists refunds with their filters, the same on the compiled path as through the resolvers', async () => {
    const query = `query($customer: ID!, $id: Int!) {
      refunds(first: 10, filter: { customerId: $customer, refundedFrom: "2021-03-02" }, orderBy: { field: AMOUNT, direction: DESC }) {
        totalCount nodes { id legacyId amount currencyCode refundDate method reason createdAt updatedAt customer { legacyId } payment { legacyId amount } }
      }
      customer(legacyId: $id) {
        balance
        refunds(first: 5) { totalCount nodes { id amount updatedAt } }
        payments(first: 5) { nodes { legacyId amount refundableAmount refunds { id amount refundDate } } }
      }
    }`;
    const data = await pair.expectSame(query, { customer: toGlobalId('Customer', customerId), id: customerId }, 2);
    expect(data.refunds.nodes.map((n: { amount: string }) => n.amount)).toEqual(['70.00']);
    expect(data.refunds.nodes[0]).toMatchObject({ currencyCode: 'EUR', payment: { legacyId: paymentId, amount: '100.00' }, customer: { legacyId: customerId } });
    expect(data.customer.refunds.totalCount).toBe(2);
    expect(data.customer.payments.nodes[0].refunds.map((r: { amount: string }) => r.amount)).toEqual(['30.00', '70.00']);
    expect(data.customer.payments.nodes[0].refundableAmount).toBe('0.00');

    // updatedFrom past every refund leaves them out; a reversed range is refused.
    const future = await pair.send(pair.reference, '{ refunds(filter: { updatedFrom: "2999-01-01T00:00:00Z" }) { totalCount } }');
    expect(future.body.data).toEqual({ refunds: { totalCount: 0 } });
    const reversed = await pair.send(pair.reference, '{ refunds(filter: { updatedFrom: "2021-01-02T00:00:00Z", updatedTo: "2021-01-01T00:00:00Z" }) { totalCount } }');
    expect(reversed.body.errors?.[0]?.extensions?.code).toBe('INVALID');
  });

  it('gives money back once when retried under an idempotency key', async () => {
    const [paid] = await db()
      .insert(payments)
      .values({ operatorId: demoId, customerId, amount: '40.00', paymentDate: '2021-05-01', method: 'cash' })
      .returning({ id: payments.id });
    const input = { paymentId: toGlobalId('Payment', paid!.id), amount: '15.00', refundDate: '2021-05-02', method: 'CASH', idempotencyKey: 'refund-retry-1' };
    const first = await refund(input);
    expect(first.userErrors).toEqual([]);
    const before = await written();
    const again = await refund(input);
    expect(again.userErrors).toEqual([]);
    expect(again.refund!.id).toBe(first.refund!.id);
    expect(again.payment!.refunds).toEqual([{ amount: '15.00' }]);
    expect(await written()).toEqual(before);
    const other = await refund({ ...input, amount: '10.00' });
    expect(other.userErrors.map((e) => [e.field, e.code])).toEqual([[['input', 'idempotencyKey'], 'CONFLICT']]);
    expect(await written()).toEqual(before);
  });

  it('reports a new refund, a grace period and a sub-account link in the change feed', async () => {
    const [{ now: since }] = (await rows<{ now: string }>(db(), sql`select to_json(clock_timestamp())#>>'{}' as now`)) as [{ now: string }];
    const [paid] = await db()
      .insert(payments)
      .values({ operatorId: demoId, customerId, amount: '20.00', paymentDate: '2021-04-01', method: 'cash' })
      .returning({ id: payments.id });
    const made = await refund({ paymentId: toGlobalId('Payment', paid!.id), amount: '5.00', refundDate: '2021-04-02', method: 'CASH' });
    expect(made.userErrors).toEqual([]);
    const grace = await gql<{ customerGracePeriodCreate: { gracePeriod: { id: string; createdAt: string; updatedAt: string }; userErrors: UserErrors } }>(
      'mutation($id: ID!) { customerGracePeriodCreate(input: { customerId: $id, days: 3 }) { gracePeriod { id createdAt updatedAt } userErrors { field message code } } }',
      { id: toGlobalId('Customer', customerId) },
    );
    expect(grace.customerGracePeriodCreate.userErrors).toEqual([]);
    const sub = await makeCustomer(db(), demoId, 'refunds_sub');
    const link = await gql<{ subaccountLinkCreate: { subaccountLink: { id: string }; userErrors: UserErrors } }>(
      'mutation($m: ID!, $s: ID!) { subaccountLinkCreate(input: { masterCustomerId: $m, subCustomerId: $s }) { subaccountLink { id } userErrors { field message code } } }',
      { m: toGlobalId('Customer', customerId), s: toGlobalId('Customer', sub) },
    );
    expect(link.subaccountLinkCreate.userErrors).toEqual([]);

    const FEED = `query($since: DateTime!) { changes(since: $since, types: [REFUND, GRACE_PERIOD, SUBACCOUNT_LINK], first: 50) {
      edges { node { kind type nodeId changedAt node { ... on Refund { amount updatedAt } ... on GracePeriod { days updatedAt } ... on SubaccountLink { updatedAt } } } }
    } }`;
    type Edge = { node: { kind: string; type: string; nodeId: string; changedAt: string; node: { amount?: string; days?: number; updatedAt: string } | null } };
    const feed = await gql<{ changes: { edges: Edge[] } }>(FEED, { since });
    const changes = feed.changes.edges.map((e) => e.node);
    expect(changes.map((c) => [c.kind, c.type, c.nodeId])).toEqual([
      ['UPSERTED', 'REFUND', made.refund!.id],
      ['UPSERTED', 'GRACE_PERIOD', grace.customerGracePeriodCreate.gracePeriod.id],
      ['UPSERTED', 'SUBACCOUNT_LINK', link.subaccountLinkCreate.subaccountLink.id],
    ]);
    expect(changes[0]!.node).toMatchObject({ amount: '5.00' });
    expect(changes[1]!.node).toMatchObject({ days: 3, updatedAt: grace.customerGracePeriodCreate.gracePeriod.createdAt });
    for (const c of changes) expect(c.changedAt).toBe(c.node!.updatedAt);

    // Changed later, the link is listed once, as it is now; removed, it is a tombstone.
    const later = await gql<{ changes: { edges: Edge[] } }>(FEED, { since: changes[2]!.changedAt });
    expect(later.changes.edges.map((e) => e.node.type)).toEqual(['SUBACCOUNT_LINK']);
    const gone = await gql<{ subaccountLinkDelete: { deletedId: string | null; userErrors: UserErrors } }>(
      'mutation($id: ID!) { subaccountLinkDelete(input: { id: $id }) { deletedId userErrors { field message code } } }',
      { id: link.subaccountLinkCreate.subaccountLink.id },
    );
    expect(gone.subaccountLinkDelete).toEqual({ deletedId: link.subaccountLinkCreate.subaccountLink.id, userErrors: [] });
    const after = await gql<{ changes: { edges: Edge[] } }>(FEED, { since });
    expect(after.changes.edges.map((e) => [e.node.kind, e.node.type])).toEqual([
      ['UPSERTED', 'REFUND'],
      ['UPSERTED', 'GRACE_PERIOD'],
      ['DELETED', 'SUBACCOUNT_LINK'],
    ]);
  });
});
