/**
 * Resellers and their wallets through GraphQL against the demo data, cross-checked with SQL:
 * the list and its filters, create/update/delete rules, the wallet ledger (exact decimals,
 * floors, concurrency) and the relations to customers.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enabledEngines } from '../helpers/engines';
import { startTestApp, type TestApp } from '../helpers/app';
import { rows } from '../helpers/sql';

type UserErrors = { field: string[]; message: string; code: string }[];
type ResellerOut = { id: string; legacyId: number; name: string; code: string; type: string; walletBalance: string; creditLimit: string | null; commissionPercent: string | null; paymentBy: string; invoiceBy: string; mobile: string; email: string; address: { state: string | null } };
const FIELDS = 'id legacyId name code type walletBalance creditLimit commissionPercent paymentBy invoiceBy mobile email address { state }';

describe.each(enabledEngines())('GraphQL resellers on %s', (engine) => {
  let t: TestApp;
  const one = async (query: ReturnType<typeof sql>) => Number((await rows<{ n: number }>(t.database.handle.db, query))[0]!.n);
  const text = async (query: ReturnType<typeof sql>) => (await rows<{ v: string }>(t.database.handle.db, query))[0]!.v;
  const ok = async <T>(query: string, variables?: Record<string, unknown>) => {
    const res = await t.gql<T>(query, variables);
    expect(res.errors).toBeUndefined();
    return res.data;
  };
  const create = (input: Record<string, unknown>) =>
    ok<{ resellerCreate: { reseller: ResellerOut | null; userErrors: UserErrors } }>(
      `mutation($input: ResellerCreateInput!) { resellerCreate(input: $input) { reseller { ${FIELDS} } userErrors { field message code } } }`,
      { input },
    ).then((d) => d.resellerCreate);
  const update = (input: Record<string, unknown>) =>
    ok<{ resellerUpdate: { reseller: ResellerOut | null; userErrors: UserErrors } }>(
      `mutation($input: ResellerUpdateInput!) { resellerUpdate(input: $input) { reseller { ${FIELDS} } userErrors { field message code } } }`,
      { input },
    ).then((d) => d.resellerUpdate);
  const wallet = (resellerId: string, action: string, amount: string, note?: string) =>
    ok<{ resellerWalletAdjust: { reseller: { walletBalance: string } | null; transaction: { legacyId: number; txnCode: string; amount: string; balanceAfter: string; note: string | null } | null; userErrors: UserErrors } }>(
      `mutation($input: ResellerWalletAdjustInput!) { resellerWalletAdjust(input: $input) {
        reseller { walletBalance } transaction { legacyId txnCode amount balanceAfter note } userErrors { field message code } } }`,
      { input: { resellerId, action, amount, note } },
    ).then((d) => d.resellerWalletAdjust);
  const ledgerSum = (legacyId: number) => text(sql`select coalesce(sum(amount), 0)::numeric(14,2)::text as v from reseller_wallet_transactions where reseller_id = ${legacyId}`);
  const balance = (legacyId: number) => text(sql`select wallet_balance::text as v from resellers where id = ${legacyId}`);
  const valid = { type: 'RESELLER', invoiceBy: 'ISP', paymentBy: 'ISP', name: 'Cobh Connect', code: 'C1', mobile: '+353 87 123 4567', email: 'accounts@cobh.example' };

  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('lists resellers with the CRM filters and orderings, matching SQL', async () => {
    const data = await ok<Record<string, { totalCount: number; nodes: { code: string; walletBalance: string; type: string }[] }>>(`{
      all: resellers { totalCount nodes { code walletBalance type } }
      franchisees: resellers(filter: { type: FRANCHISEE }) { totalCount nodes { code type } }
      named: resellers(filter: { name: "KERRY" }) { totalCount nodes { code } }
      coded: resellers(filter: { code: "r" }) { totalCount nodes { code } }
      state: resellers(filter: { state: "munster" }) { totalCount }
      nowhere: resellers(filter: { state: "Leinster" }) { totalCount }
      invoiced: resellers(filter: { invoiceBy: RESELLER }) { totalCount nodes { code } }
      paid: resellers(filter: { paymentBy: ISP_AND_RESELLER }) { totalCount nodes { code } }
      future: resellers(filter: { createdFrom: "2999-01-01T00:00:00Z" }) { totalCount }
      richest: resellers(orderBy: { field: WALLET_BALANCE, direction: DESC }) { nodes { code walletBalance } }
    }`);
    expect(data.all!.totalCount).toBe(await one(sql`select count(*)::int as n from resellers r join operators o on o.id = r.operator_id where o.code = 'demo' and r.deleted_at is null`));
    expect(data.all!.nodes.map((n) => [n.code, n.walletBalance])).toEqual([['R1', '750.00'], ['F1', '1000.00'], ['R2', '0.00']]);
    expect(data.franchisees!.nodes).toEqual([{ code: 'F1', type: 'FRANCHISEE' }]);
    expect(data.named!.nodes.map((n) => n.code)).toEqual(['F1']);
    expect(data.coded!.nodes.map((n) => n.code)).toEqual(['R1', 'R2']);
    expect(data.state!.totalCount).toBe(3);
    expect(data.nowhere!.totalCount).toBe(0);
    expect(data.invoiced!.nodes.map((n) => n.code)).toEqual(['F1']);
    expect(data.paid!.nodes.map((n) => n.code)).toEqual(['F1']);
    expect(data.future!.totalCount).toBe(0);
    expect(data.richest!.nodes.map((n) => n.code)).toEqual(['F1', 'R1', 'R2']);
  });

  it('pages by every ordering without repeating or skipping a reseller', async () => {
    for (const field of ['ID', 'NAME', 'CODE', 'WALLET_BALANCE', 'CREATED_AT']) {
      for (const direction of ['ASC', 'DESC']) {
        const seen: number[] = [];
        let after: string | null = null;
        for (let guard = 0; guard < 10; guard++) {
          const page: { resellers: { nodes: { legacyId: number }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } = await ok(
            `query($a: String) { resellers(first: 1, after: $a, orderBy: { field: ${field}, direction: ${direction} }) { nodes { legacyId } pageInfo { hasNextPage endCursor } } }`,
            { a: after },
          );
          seen.push(...page.resellers.nodes.map((n) => n.legacyId));
          if (!page.resellers.pageInfo.hasNextPage) break;
          after = page.resellers.pageInfo.endCursor;
        }
        expect({ field, direction, seen: [...seen].sort() }).toEqual({ field, direction, seen: [1, 2, 3] });
      }
    }
  });

  it('creates resellers and franchisees, refusing bad input with every problem and writing nothing', async () => {
    const made = await create(valid);
    expect(made.userErrors).toEqual([]);
    expect(made.reseller).toMatchObject({ name: 'Cobh Connect', code: 'C1', type: 'RESELLER', walletBalance: '0.00', creditLimit: null });
    const franchisee = await create({ ...valid, type: 'FRANCHISEE', code: 'F2', name: 'Youghal Net', commissionPercent: '12.5', creditLimit: '250.00' });
    expect(franchisee.userErrors).toEqual([]);
    expect(franchisee.reseller).toMatchObject({ type: 'FRANCHISEE', commissionPercent: '12.5000', creditLimit: '250.00' });

    const count = () => one(sql`select count(*)::int as n from resellers`);
    const audits = () => one(sql`select count(*)::int as n from audit_log where action like 'reseller.%'`);
    const before = [await count(), await audits()];
    const noTerms = await create({ ...valid, type: 'FRANCHISEE', code: 'F3' });
    expect(noTerms.reseller).toBeNull();
    expect(noTerms.userErrors.map((e) => e.field.join('.')).sort()).toEqual(['input.commissionPercent', 'input.creditLimit']);
    const bad = await create({ ...valid, name: ' ', code: 'C1', mobile: 'call me', commissionPercent: '150', creditLimit: '-1' });
    expect(Object.fromEntries(bad.userErrors.map((e) => [e.field.join('.'), e.code]))).toEqual({
      'input.name': 'INVALID',
      'input.code': 'CONFLICT',
      'input.mobile': 'INVALID',
      'input.commissionPercent': 'INVALID',
      'input.creditLimit': 'INVALID',
    });
    const cents = await create({ ...valid, code: 'C9', type: 'FRANCHISEE', commissionPercent: '10', creditLimit: '10.005' });
    expect(cents.userErrors.map((e) => e.field.join('.'))).toEqual(['input.creditLimit']);
    const badEmail = await t.gql(`mutation { resellerCreate(input: { type: RESELLER, invoiceBy: ISP, paymentBy: ISP, name: "x", code: "x", mobile: "12345", email: "nope" }) { reseller { id } } }`);
    expect(badEmail.errors?.[0]?.message).toMatch(/email/i);
    expect([await count(), await audits()]).toEqual(before);
  });

  it('updates only the fields given and keeps the rules on the result', async () => {
    const made = (await create({ ...valid, code: 'U1', name: 'Update Me' })).reseller!;
    const res = await update({ id: made.id, paymentBy: 'RESELLER' });
    expect(res.userErrors).toEqual([]);
    expect(res.reseller).toMatchObject({ name: 'Update Me', code: 'U1', paymentBy: 'RESELLER', invoiceBy: 'ISP', mobile: valid.mobile, email: valid.email });

    const taken = await update({ id: made.id, code: 'R1', name: 'Renamed' });
    expect(taken.userErrors).toEqual([expect.objectContaining({ field: ['input', 'code'], code: 'CONFLICT' })]);
    expect(await text(sql`select name as v from resellers where id = ${made.legacyId}`)).toBe('Update Me');

    const promote = await update({ id: made.id, type: 'FRANCHISEE' });
    expect(promote.userErrors.map((e) => e.field.join('.')).sort()).toEqual(['input.commissionPercent', 'input.creditLimit']);
    const promoted = await update({ id: made.id, type: 'FRANCHISEE', commissionPercent: '5', creditLimit: '100' });
    expect(promoted.reseller).toMatchObject({ type: 'FRANCHISEE', commissionPercent: '5.0000', creditLimit: '100.00' });
    const blank = await update({ id: made.id, name: '', mobile: null });
    expect(blank.userErrors.map((e) => e.field.join('.')).sort()).toEqual(['input.mobile', 'input.name']);

    // a franchisee in debt cannot have its credit limit cut below the debt, nor become a plain reseller
    expect((await wallet(made.id, 'SETTLEMENT', '60.00')).userErrors).toEqual([]);
    const cut = await update({ id: made.id, creditLimit: '50.00' });
    expect(cut.userErrors).toEqual([expect.objectContaining({ field: ['input', 'creditLimit'], code: 'PRECONDITION_FAILED' })]);
    const demote = await update({ id: made.id, type: 'RESELLER' });
    expect(demote.userErrors).toEqual([expect.objectContaining({ field: ['input', 'type'], code: 'PRECONDITION_FAILED' })]);
    expect(await text(sql`select type::text || ' ' || credit_limit::text as v from resellers where id = ${made.legacyId}`)).toBe('franchisee 100.00');
  });

  it('deletes only resellers without customers, softly, keeping the ledger and freeing the code', async () => {
    const [withCustomers] = await rows<{ id: number }>(t.database.handle.db, sql`select reseller_id as id from customers where reseller_id is not null group by reseller_id order by reseller_id limit 1`);
    const busy = await ok<{ reseller: { id: string } }>('query($id: Int!) { reseller(legacyId: $id) { id } }', { id: withCustomers!.id });
    const remove = (id: string) =>
      ok<{ resellerDelete: { deletedId: string | null; userErrors: UserErrors } }>('mutation($id: ID!) { resellerDelete(input: { id: $id }) { deletedId userErrors { field message code } } }', { id }).then(
        (d) => d.resellerDelete,
      );
    const refused = await remove(busy.reseller.id);
    expect(refused.deletedId).toBeNull();
    expect(refused.userErrors[0]).toMatchObject({ code: 'PRECONDITION_FAILED' });
    expect(refused.userErrors[0]!.message).toMatch(/customer/);
    expect(await one(sql`select count(*)::int as n from resellers where id = ${withCustomers!.id} and deleted_at is null`)).toBe(1);

    const made = (await create({ ...valid, code: 'D1', name: 'Doomed' })).reseller!;
    await wallet(made.id, 'TOP_UP', '5.00');
    const deleted = await remove(made.id);
    expect(deleted).toEqual({ deletedId: made.id, userErrors: [] });
    const after = await ok<{ node: null; reseller: null; resellers: { nodes: { code: string }[] } }>(
      'query($id: ID!) { node(id: $id) { id } reseller(id: $id) { id } resellers(first: 100) { nodes { code } } }',
      { id: made.id },
    );
    expect(after.node).toBeNull();
    expect(after.reseller).toBeNull();
    expect(after.resellers.nodes.map((n) => n.code)).not.toContain('D1');
    expect(await one(sql`select count(*)::int as n from resellers where id = ${made.legacyId} and deleted_at is not null`)).toBe(1);
    expect(await one(sql`select count(*)::int as n from reseller_wallet_transactions where reseller_id = ${made.legacyId}`)).toBe(1);
    expect((await remove(made.id)).userErrors[0]!.code).toBe('NOT_FOUND');
    expect((await wallet(made.id, 'TOP_UP', '1.00')).userErrors[0]!.code).toBe('NOT_FOUND');
    const again = await create({ ...valid, code: 'D1', name: 'Reborn' });
    expect(again.userErrors).toEqual([]);
  });

  it('keeps the wallet balance equal to the ledger, in exact decimals, with balanceAfter on each entry', async () => {
    const r = (await create({ ...valid, code: 'W1', name: 'Wallet Test' })).reseller!;
    const steps: [string, string, string][] = [
      ['TOP_UP', '0.10', '0.10'],
      ['TOP_UP', '0.20', '0.30'],
      ['ADJUSTMENT', '-0.05', '0.25'],
      ['TOP_UP', '999999.99', '1000000.24'],
      ['SETTLEMENT', '1000000.00', '0.24'],
      ['ADJUSTMENT', '1.76', '2.00'],
    ];
    for (const [action, amount, after] of steps) {
      const res = await wallet(r.id, action, amount, `${action} ${amount}`);
      expect(res.userErrors).toEqual([]);
      expect(res.reseller!.walletBalance).toBe(after);
      expect(res.transaction!.balanceAfter).toBe(after);
      expect(res.transaction!.amount).toBe(action === 'SETTLEMENT' ? `-${amount}` : amount);
    }
    expect(await balance(r.legacyId)).toBe('2.00');
    expect(await ledgerSum(r.legacyId)).toBe('2.00');

    const list = await ok<{ reseller: { walletTransactions: { totalCount: number; nodes: { txnCode: string; balanceAfter: string; note: string; reseller: { legacyId: number } }[] }; topups: { totalCount: number } } }>(
      `query($id: ID!) { reseller(id: $id) {
        walletTransactions(first: 100) { totalCount nodes { txnCode balanceAfter note reseller { legacyId } } }
        topups: walletTransactions(filter: { txnCode: [TOP_UP] }) { totalCount }
      } }`,
      { id: r.id },
    );
    expect(list.reseller.walletTransactions.nodes.map((n) => n.balanceAfter)).toEqual(steps.map((s) => s[2]));
    expect(list.reseller.walletTransactions.nodes.map((n) => n.txnCode)).toEqual(['TOP_UP', 'TOP_UP', 'ADJUSTMENT', 'TOP_UP', 'SETTLEMENT', 'ADJUSTMENT']);
    expect(list.reseller.walletTransactions.nodes.every((n) => n.reseller.legacyId === r.legacyId)).toBe(true);
    expect(list.reseller.topups.totalCount).toBe(3);
  });

  it('refuses wallet changes that break the floor or the amount rules, writing nothing', async () => {
    const plain = (await create({ ...valid, code: 'W2', name: 'Floor Plain' })).reseller!;
    const fr = (await create({ ...valid, type: 'FRANCHISEE', code: 'W3', name: 'Floor Franchisee', commissionPercent: '10', creditLimit: '100.00' })).reseller!;
    await wallet(plain.id, 'TOP_UP', '10.00');
    const entries = () => one(sql`select count(*)::int as n from reseller_wallet_transactions`);
    const before = await entries();

    const over = await wallet(plain.id, 'SETTLEMENT', '10.01');
    expect(over.userErrors).toEqual([expect.objectContaining({ field: ['input', 'amount'], code: 'PRECONDITION_FAILED' })]);
    expect(over.userErrors[0]!.message).toMatch(/cannot go below 0\.00/);
    expect((await wallet(plain.id, 'ADJUSTMENT', '-10.01')).userErrors[0]!.code).toBe('PRECONDITION_FAILED');
    expect((await wallet(fr.id, 'SETTLEMENT', '100.01')).userErrors[0]!.code).toBe('PRECONDITION_FAILED');
    for (const [action, amount] of [['TOP_UP', '-5.00'], ['TOP_UP', '0'], ['SETTLEMENT', '-1'], ['ADJUSTMENT', '0.00'], ['TOP_UP', '1.005']]) {
      const res = await wallet(plain.id, action!, amount!);
      expect({ action, amount, errors: res.userErrors.map((e) => [e.field.join('.'), e.code]) }).toEqual({ action, amount, errors: [['input.amount', 'INVALID']] });
    }
    expect(await entries()).toBe(before);
    expect(await balance(plain.legacyId)).toBe('10.00');

    // exactly down to the floor is allowed
    expect((await wallet(plain.id, 'SETTLEMENT', '10.00')).reseller!.walletBalance).toBe('0.00');
    expect((await wallet(fr.id, 'SETTLEMENT', '100.00')).reseller!.walletBalance).toBe('-100.00');
    expect((await wallet(fr.id, 'ADJUSTMENT', '-0.01')).userErrors[0]!.code).toBe('PRECONDITION_FAILED');
    expect((await wallet(fr.id, 'TOP_UP', '0.01')).reseller!.walletBalance).toBe('-99.99');
    expect(await ledgerSum(fr.legacyId)).toBe(await balance(fr.legacyId));
  });

  it('loses no top-up when many arrive at once', async () => {
    const r = (await create({ ...valid, code: 'W4', name: 'Concurrent' })).reseller!;
    await wallet(r.id, 'TOP_UP', '10.00');
    // 15 top-ups and 5 settlements of 1.01 at once; the opening 10.00 covers any order of them
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => wallet(r.id, i % 4 === 3 ? 'SETTLEMENT' : 'TOP_UP', '1.01')));
    expect(results.every((res) => res.userErrors.length === 0)).toBe(true);
    expect(await balance(r.legacyId)).toBe('20.10');
    expect(await ledgerSum(r.legacyId)).toBe('20.10');
    const afters = results.map((res) => res.transaction!.balanceAfter);
    expect(new Set(afters).size).toBeGreaterThan(1);
    const ledger = await rows<{ amount: string; balance_after: string }>(t.database.handle.db, sql`select amount::text, balance_after::text from reseller_wallet_transactions where reseller_id = ${r.legacyId} order by id`);
    let running = 0;
    for (const entry of ledger) {
      running += Math.round(Number(entry.amount) * 100);
      expect(Math.round(Number(entry.balance_after) * 100)).toBe(running);
    }
  });

  it('links resellers and their customers both ways', async () => {
    const counts = await rows<{ id: number; n: number }>(t.database.handle.db, sql`select reseller_id as id, count(*)::int as n from customers where reseller_id is not null group by reseller_id`);
    const data = await ok<{ resellers: { nodes: { legacyId: number; customers: { totalCount: number; nodes: { legacyId: number; reseller: { legacyId: number } }[] }; current: { nodes: { status: string }[] } }[] } }>(`{
      resellers(first: 10) { nodes { legacyId
        customers(first: 100, orderBy: { field: NAME }) { totalCount nodes { legacyId reseller { legacyId } } }
        current: customers(filter: { status: ["current"] }) { nodes { status } }
      } }
    }`);
    for (const r of data.resellers.nodes) {
      const expected = counts.find((c) => c.id === r.legacyId)?.n ?? 0;
      expect(r.customers.totalCount).toBe(expected);
      expect(r.customers.nodes).toHaveLength(Math.min(expected, 100));
      expect(r.customers.nodes.every((c) => c.reseller.legacyId === r.legacyId)).toBe(true);
      expect(r.current.nodes.every((c) => c.status === 'current')).toBe(true);
    }
    expect(data.resellers.nodes.some((r) => r.customers.totalCount > 0)).toBe(true);
  });
});
