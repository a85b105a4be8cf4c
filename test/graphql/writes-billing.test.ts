/**
 * Manual billing through the graph on both engines: invoiceCreate (lines priced like the
 * invoicing run, numbered in the same sequence), invoiceVoid (refused while anything is paid),
 * paymentCreate (on account) and paymentReverse (an invoice it paid owes the amount again).
 * Each is read back through `node`, refuses bad input with userErrors and changes nothing then,
 * is refused to a read-only role and cannot reach another operator's rows.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enabledEngines } from '../helpers/engines';
import { runMutation, type UserErrors } from '../helpers/mutation';
import { startTestApp, type TestApp } from '../helpers/app';
import { makeRoleUser, operatorIdOf } from '../helpers/roles';
import { rows } from '../helpers/sql';

type Inv = { id: string; number: number; kind: string; status: string; subtotal: string; taxTotal: string; total: string; amountPaid: string; issueDate: string; dueDate: string; lines: { description: string; net: string; tax: string }[] };
const INVOICE = 'id number kind status subtotal taxTotal total amountPaid issueDate dueDate lines { description net tax }';
const gid = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64url');

describe.each(enabledEngines())('GraphQL manual billing on %s', (engine) => {
  let t: TestApp;
  let demo: number;
  let customer: string;
  const q = <T>(query: ReturnType<typeof sql>) => rows<T>(t.database.handle.db, query);
  const count = async (query: ReturnType<typeof sql>) => Number((await q<{ n: number }>(query))[0]!.n);
  const run = <T>(mutation: string, inputType: string, selection: string, input: Record<string, unknown>, token?: string) => runMutation<T>(t, mutation, inputType, selection, input, token);
  const create = (input: Record<string, unknown>, token?: string) => run<{ invoice: Inv | null }>('invoiceCreate', 'InvoiceCreateInput', `invoice { ${INVOICE} }`, input, token);
  const voidIt = (id: string, token?: string) => run<{ invoice: Inv | null }>('invoiceVoid', 'InvoiceVoidInput', 'invoice { id status }', { id }, token);
  const reverse = (id: string, token?: string) =>
    run<{ reversedPaymentId: string | null; invoice: Inv | null }>('paymentReverse', 'PaymentReverseInput', 'reversedPaymentId invoice { id status amountPaid }', { id }, token);
  const payOnAccount = (input: Record<string, unknown>, token?: string) =>
    run<{ payment: { id: string; amount: string; invoice: unknown } | null }>('paymentCreate', 'PaymentCreateInput', 'payment { id amount invoice { id } }', input, token);
  const node = async <T>(id: string, selection: string) => (await t.gql<{ node: T | null }>(`query($id: ID!) { node(id: $id) { ${selection} } }`, { id })).data.node;
  const state = async () => [
    await count(sql`select count(*)::int as n from invoices`),
    await count(sql`select count(*)::int as n from invoice_lines`),
    await count(sql`select count(*)::int as n from payments`),
    await count(sql`select count(*)::int as n from audit_log`),
  ];
  const LINES = [
    { description: 'Installation', quantity: 2, unitPrice: '50.00', taxRate: '10' },
    { description: 'Goodwill credit', unitPrice: '-10.00', taxRate: '0' },
  ];

  beforeAll(async () => {
    t = await startTestApp(engine);
    demo = await operatorIdOf(t.database.handle.db, 'demo');
    customer = gid('Customer', (await q<{ id: number }>(sql`select id from customers where operator_id = ${demo} order by id limit 1`))[0]!.id);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('raises a manual invoice with priced lines, next in the number sequence', async () => {
    const last = await count(sql`select max(number)::int as n from invoices where operator_id = ${demo}`);
    const made = await create({ customerId: customer, issueDate: '2026-01-10', dueDate: '2026-01-24', lines: LINES });
    expect(made.userErrors).toEqual([]);
    expect(made.invoice).toMatchObject({ number: last + 1, kind: 'MANUAL', status: 'OPEN', subtotal: '90.00', taxTotal: '10.00', total: '100.00', amountPaid: '0.00', issueDate: '2026-01-10', dueDate: '2026-01-24' });
    expect(await node<Inv>(made.invoice!.id, `... on Invoice { ${INVOICE} }`)).toEqual(made.invoice);
    expect(made.invoice!.lines).toEqual([
      { description: 'Installation', net: '100.00', tax: '10.00' },
      { description: 'Goodwill credit', net: '-10.00', tax: '0.00' },
    ]);
  });

  it('refuses bad invoices, every problem at once, and writes nothing', async () => {
    const before = await state();
    const bad = await create({ customerId: customer, issueDate: '2026-02-10', dueDate: '2026-02-01', lines: [{ description: ' ', unitPrice: '1.234', quantity: 0, discount: '120' }] });
    expect(bad.invoice).toBeNull();
    expect(bad.userErrors.map((e) => e.field.join('.')).sort()).toEqual([
      'input.dueDate',
      'input.lines.0.description',
      'input.lines.0.discount',
      'input.lines.0.quantity',
      'input.lines.0.unitPrice',
    ]);
    expect((await create({ customerId: customer, lines: [] })).userErrors).toEqual([expect.objectContaining({ field: ['input', 'lines'], code: 'INVALID' })]);
    expect((await create({ customerId: customer, lines: [{ description: 'Credit only', unitPrice: '-5.00' }] })).userErrors).toEqual([
      expect.objectContaining({ field: ['input', 'lines'], message: expect.stringMatching(/cannot be negative/) }),
    ]);
    expect((await create({ customerId: gid('Customer', 999999), lines: LINES })).userErrors).toEqual([expect.objectContaining({ field: ['input', 'customerId'], code: 'NOT_FOUND' })]);
    expect(await state()).toEqual(before);
  });

  it('voids only an invoice with nothing paid; reversing its payment makes it owed again', async () => {
    const invoice = (await create({ customerId: customer, issueDate: '2026-03-01', dueDate: '2026-03-15', lines: [{ description: 'Router', unitPrice: '80.00', taxRate: '0' }] })).invoice!;
    const paid = await run<{ payment: { id: string } }>('invoicePay', 'InvoicePayInput', 'payment { id }', { invoiceId: invoice.id, amount: '30.00', method: 'CASH', paymentDate: '2026-03-02' });
    expect(paid.userErrors).toEqual([]);

    const before = await state();
    expect((await voidIt(invoice.id)).userErrors).toEqual([expect.objectContaining({ field: ['input', 'id'], code: 'PRECONDITION_FAILED', message: expect.stringMatching(/30.00 paid on it/) })]);
    expect(await state()).toEqual(before);

    const reversed = await reverse(paid.payment.id);
    expect(reversed).toEqual({ reversedPaymentId: paid.payment.id, invoice: { id: invoice.id, status: 'OPEN', amountPaid: '0.00' }, userErrors: [] });
    expect(await node(paid.payment.id, 'id')).toBeNull();
    expect((await reverse(paid.payment.id)).userErrors).toEqual([expect.objectContaining({ field: ['input', 'id'], code: 'NOT_FOUND' })]);

    expect(await voidIt(invoice.id)).toEqual({ invoice: { id: invoice.id, status: 'VOID' }, userErrors: [] });
    expect(await node<{ status: string; total: string }>(invoice.id, '... on Invoice { status total }')).toEqual({ status: 'VOID', total: '80.00' });
    expect((await voidIt(invoice.id)).userErrors).toEqual([expect.objectContaining({ code: 'PRECONDITION_FAILED', message: expect.stringMatching(/already void/) })]);
  });

  it('records a payment on account and reverses it', async () => {
    const made = await payOnAccount({ customerId: customer, amount: '25.00', method: 'ONLINE_TRANSFER', paymentDate: '2026-04-01', reference: 'TX-1' });
    expect(made.userErrors).toEqual([]);
    expect(made.payment).toMatchObject({ amount: '25.00', invoice: null });
    expect(await node(made.payment!.id, '... on Payment { amount paymentDate reference customer { id } }')).toEqual({ amount: '25.00', paymentDate: '2026-04-01', reference: 'TX-1', customer: { id: customer } });

    const before = await state();
    const bad = await payOnAccount({ customerId: customer, amount: '0', method: 'CASH', narrative: 'x'.repeat(501) });
    expect(bad.userErrors.map((e) => e.field.join('.')).sort()).toEqual(['input.amount', 'input.narrative']);
    expect(await state()).toEqual(before);

    expect(await reverse(made.payment!.id)).toEqual({ reversedPaymentId: made.payment!.id, invoice: null, userErrors: [] });
    expect(await node(made.payment!.id, 'id')).toBeNull();
  });

  it('is refused to a read-only role and to another operator, changing nothing', async () => {
    const invoice = (await create({ customerId: customer, issueDate: '2026-05-01', dueDate: '2026-05-01', lines: [{ description: 'Fee', unitPrice: '5.00' }] })).invoice!;
    const payment = (await payOnAccount({ customerId: customer, amount: '5.00', method: 'CASH', paymentDate: '2026-05-01' })).payment!;
    const { token: readonlyToken } = await makeRoleUser(t.database.handle.db, demo, 'readonly');
    const { generateOperator } = await import('../../src/db/seed/generator');
    const { token: otherToken } = await generateOperator(t.database.handle.db, { operatorCode: 'bill-other', customers: 2 });
    const before = await state();
    for (const [token, code] of [[readonlyToken, 'FORBIDDEN'], [otherToken, 'NOT_FOUND']] as const) {
      expect((await create({ customerId: customer, lines: LINES }, token)).userErrors.map((e) => e.code)).toEqual([code]);
      expect((await voidIt(invoice.id, token)).userErrors.map((e) => e.code)).toEqual([code]);
      expect((await payOnAccount({ customerId: customer, amount: '1.00', method: 'CASH' }, token)).userErrors.map((e) => e.code)).toEqual([code]);
      expect((await reverse(payment.id, token)).userErrors.map((e) => e.code)).toEqual([code]);
    }
    expect(await state()).toEqual(before);
    expect(await node<{ status: string }>(invoice.id, '... on Invoice { status }')).toEqual({ status: 'OPEN' });
  });
});
