import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customers } from '../../src/customers/customer.table';
import { plans } from '../../src/catalog/plan.table';
import { subscriptions } from '../../src/billing/subscription.table';
import { invoices } from '../../src/billing/invoice.table';
import { payments } from '../../src/billing/payment.table';
import { creditCards } from '../../src/billing/credit-card.table';
import { resellers } from '../../src/resellers/reseller.table';
import { resellerWalletTransactions } from '../../src/resellers/wallet-transaction.table';
import { radiusAccounts } from '../../src/radius/radius-account.table';
import { radacct } from '../../src/radius/radacct.table';
import type { Database } from '../../src/db/client';
import { createTestDatabase, enabledEngines, type TestDatabase } from '../helpers/engines';
import { makeCustomer, makeOperator, sqlState } from '../helpers/fixtures';

const FOREIGN_KEY_VIOLATION = '23503';
const UNIQUE_VIOLATION = '23505';
const CHECK_VIOLATION = '23514';
const RESTRICT_VIOLATION = '23001';
const STRING_TOO_LONG = '22001';

describe.each(enabledEngines())('constraints on %s', (engine) => {
  let database: TestDatabase;
  let db: Database;
  let opA: number;
  let opB: number;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await database.handle.migrate();
    db = database.handle.db;
    opA = await makeOperator(db, 'alpha');
    opB = await makeOperator(db, 'bravo');
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('refuse a row that points at a customer that does not exist', async () => {
    const [plan] = await db.insert(plans).values({ operatorId: opA, name: 'Plan', price: '10.00' }).returning({ id: plans.id });
    const code = await sqlState(db.insert(subscriptions).values({ operatorId: opA, customerId: 999_999, planId: plan!.id, validFrom: '2026-01-01' }));
    expect(code).toBe(FOREIGN_KEY_VIOLATION);
  });

  it('make nicknames and invoicing ids unique per operator, not globally', async () => {
    await makeCustomer(db, opA, 'same_name');
    expect(await sqlState(makeCustomer(db, opA, 'same_name'))).toBe(UNIQUE_VIOLATION);
    // another operator may use the same nickname and invoicing id
    await expect(makeCustomer(db, opB, 'same_name')).resolves.toBeGreaterThan(0);
  });

  it('keep nicknames to letters, digits and underscores', async () => {
    expect(await sqlState(makeCustomer(db, opA, 'has space'))).toBe(CHECK_VIOLATION);
    expect(await sqlState(makeCustomer(db, opA, 'semi;colon'))).toBe(CHECK_VIOLATION);
  });

  it('store money exactly', async () => {
    const customerId = await makeCustomer(db, opA, 'money_holder');
    const amounts = ['0.10', '0.20', '12345678901.23'];
    for (const amount of amounts) {
      await db.insert(payments).values({ operatorId: opA, customerId, amount, paymentDate: '2026-01-01', method: 'cash' });
    }
    const stored = await db.select({ amount: payments.amount }).from(payments).where(eq(payments.customerId, customerId)).orderBy(payments.id);
    expect(stored.map((p) => p.amount)).toEqual(amounts);
    const [sum] = await db.select({ total: sql<string>`sum(${payments.amount})::text` }).from(payments).where(eq(payments.customerId, customerId));
    // 0.1 + 0.2 is 0.30000000000000004 in floating point; here it is exact
    expect(sum!.total).toBe('12345678901.53');
    expect(await sqlState(db.insert(payments).values({ operatorId: opA, customerId, amount: '0.00', paymentDate: '2026-01-01', method: 'cash' }))).toBe(CHECK_VIOLATION);
  });

  it('keep an invoice total equal to subtotal plus tax, and payments within it', async () => {
    const customerId = await makeCustomer(db, opA, 'invoiced');
    const base = { operatorId: opA, customerId, issueDate: '2026-01-01', dueDate: '2026-01-15', kind: 'manual' as const };
    expect(await sqlState(db.insert(invoices).values({ ...base, number: 9001, subtotal: '10.00', taxTotal: '2.30', total: '12.31' }))).toBe(CHECK_VIOLATION);
    expect(await sqlState(db.insert(invoices).values({ ...base, number: 9002, subtotal: '10.00', taxTotal: '2.30', total: '12.30', amountPaid: '13.00' }))).toBe(CHECK_VIOLATION);
    await db.insert(invoices).values({ ...base, number: 9003, subtotal: '10.00', taxTotal: '2.30', total: '12.30' });
    expect(await sqlState(db.insert(invoices).values({ ...base, number: 9003, subtotal: '1.00', taxTotal: '0.00', total: '1.00' }))).toBe(UNIQUE_VIOLATION);
  });

  it('store only the last four digits of a card', async () => {
    const customerId = await makeCustomer(db, opA, 'card_holder');
    const card = { operatorId: opA, customerId, token: 'tok_1', moduleId: 1 };
    // a full number does not fit: refused as too long for char(4) or by the digits check
    expect([CHECK_VIOLATION, STRING_TOO_LONG]).toContain(await sqlState(db.insert(creditCards).values({ ...card, last4: '4111111111111111' })));
    expect(await sqlState(db.insert(creditCards).values({ ...card, last4: '41a1' }))).toBe(CHECK_VIOLATION);
    await expect(db.insert(creditCards).values({ ...card, last4: '1111' })).resolves.toBeDefined();
  });

  it('refuse to delete a customer that still has subscriptions', async () => {
    const customerId = await makeCustomer(db, opA, 'subscribed');
    const [plan] = await db.insert(plans).values({ operatorId: opA, name: 'Plan 2', price: '10.00' }).returning({ id: plans.id });
    await db.insert(subscriptions).values({ operatorId: opA, customerId, planId: plan!.id, validFrom: '2026-01-01' });
    const code = await sqlState(db.delete(customers).where(eq(customers.id, customerId)));
    expect([FOREIGN_KEY_VIOLATION, RESTRICT_VIOLATION]).toContain(code);
  });

  it('require commission and credit limit of a franchisee', async () => {
    const base = { operatorId: opA, type: 'franchisee' as const, name: 'F', code: 'F-1', mobile: '+35312345', email: 'f@example.com', invoiceBy: 'isp' as const, paymentBy: 'isp' as const };
    expect(await sqlState(db.insert(resellers).values(base))).toBe(CHECK_VIOLATION);
    expect(await sqlState(db.insert(resellers).values({ ...base, commissionPercent: '101', creditLimit: '0' }))).toBe(CHECK_VIOLATION);
    await expect(db.insert(resellers).values({ ...base, commissionPercent: '50', creditLimit: '0' })).resolves.toBeDefined();
  });

  it('keep the reseller wallet ledger append-only', async () => {
    const [reseller] = await db
      .insert(resellers)
      .values({ operatorId: opA, type: 'reseller', name: 'R', code: 'R-ledger', mobile: '+35312345', email: 'r@example.com', invoiceBy: 'isp', paymentBy: 'isp' })
      .returning({ id: resellers.id });
    const [entry] = await db
      .insert(resellerWalletTransactions)
      .values({ operatorId: opA, resellerId: reseller!.id, txnCode: 'topup', amount: '10.00', balanceAfter: '10.00' })
      .returning({ id: resellerWalletTransactions.id });
    const updated = await sqlState(db.update(resellerWalletTransactions).set({ amount: '99.00' }).where(eq(resellerWalletTransactions.id, entry!.id)));
    expect(updated).toBe(RESTRICT_VIOLATION);
    const deleted = await sqlState(db.delete(resellerWalletTransactions).where(eq(resellerWalletTransactions.id, entry!.id)));
    expect(deleted).toBe(RESTRICT_VIOLATION);
    const [still] = await db.select({ amount: resellerWalletTransactions.amount }).from(resellerWalletTransactions).where(eq(resellerWalletTransactions.id, entry!.id));
    expect(still!.amount).toBe('10.00');
  });

  it('attribute a FreeRADIUS accounting row to the customer owning the username', async () => {
    const customerId = await makeCustomer(db, opB, 'radius_owner');
    await db.insert(radiusAccounts).values({ operatorId: opB, customerId, username: 'owner@example', password: 'x' });
    // what FreeRADIUS's stock accounting query inserts: no tenant, no customer
    await db.insert(radacct).values({ acctsessionid: 's1', acctuniqueid: 'u-owner-1', username: 'owner@example', nasipaddress: '10.0.0.1', acctstarttime: new Date() });
    const [row] = await db.select({ operatorId: radacct.operatorId, customerId: radacct.customerId }).from(radacct).where(eq(radacct.acctuniqueid, 'u-owner-1'));
    expect(row).toEqual({ operatorId: opB, customerId });
  });

  it('make RADIUS usernames unique across operators', async () => {
    const a = await makeCustomer(db, opA, 'radius_a');
    const b = await makeCustomer(db, opB, 'radius_b');
    await db.insert(radiusAccounts).values({ operatorId: opA, customerId: a, username: 'shared-name', password: 'x' });
    expect(await sqlState(db.insert(radiusAccounts).values({ operatorId: opB, customerId: b, username: 'shared-name', password: 'y' }))).toBe(UNIQUE_VIOLATION);
  });
});
