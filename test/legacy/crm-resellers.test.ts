/**
 * CRM reseller API (document 002): reseller/list, create, update, wallet_txn (and its
 * `/api/reseller/credits_usage` alias), wallet_update and delete. Effects are checked through
 * the GraphQL `reseller`/`resellers` graph, and every refused call must change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app';
import { enabledEngines } from '../helpers/engines';
import { dublinDay } from '../helpers/dates';

const AUTH = { userid: '5', api_key: '0f9895fb407c83e5ea128082098b47681aa75d6944576423c4' };

interface GqlWalletTransaction {
  legacyId: number;
  txnCode: string;
  amount: string;
  balanceAfter: string;
}
interface GqlReseller {
  legacyId: number;
  type: string;
  name: string;
  code: string;
  address: string | null;
  mobile: string;
  email: string;
  state: string | null;
  country: string | null;
  invoiceBy: string;
  paymentBy: string;
  commissionPercent: string | null;
  creditLimit: string | null;
  walletBalance: string;
  customers: { totalCount: number };
  walletTransactions: { totalCount: number; nodes: GqlWalletTransaction[] };
}
const RESELLER_FIELDS = `legacyId type name code address { street1 state country } mobile email invoiceBy paymentBy commissionPercent creditLimit walletBalance
  customers(first: 1) { totalCount } walletTransactions(first: 40) { totalCount nodes { legacyId txnCode amount balanceAfter } }`;

type GraphReseller = Omit<GqlReseller, 'address' | 'state' | 'country'> & { address: { street1: string | null; state: string | null; country: string | null } };

/** The graph's reseller in CRM's terms: its one-line address is the Address's street1. */
function crmView({ address, ...rest }: GraphReseller): GqlReseller {
  return { ...rest, address: address.street1, state: address.state, country: address.country };
}

interface CrmReply {
  status: number;
  body: { result: any; error: string | null }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

async function crmCall(baseUrl: string, path: string, params: Record<string, string | number>, options: { json?: boolean } = {}): Promise<CrmReply> {
  const entries = Object.entries({ ...AUTH, ...params }).map(([k, v]) => [k, String(v)] as [string, string]);
  const res = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': options.json ? 'application/json' : 'application/x-www-form-urlencoded' },
    body: options.json ? JSON.stringify(Object.fromEntries(entries)) : new URLSearchParams(entries).toString(),
  });
  return { status: res.status, body: (await res.json()) as CrmReply['body'] };
}

describe.each(enabledEngines())('CRM reseller API on %s', (engine) => {
  let t: TestApp;
  const crm = (path: string, params: Record<string, string | number> = {}, options?: { json?: boolean }) => crmCall(t.url, path, params, options);

  async function ok(path: string, params: Record<string, string | number> = {}, options?: { json?: boolean }) {
    const res = await crm(path, params, options);
    expect(res.status).toBe(200);
    expect(res.body, JSON.stringify(params)).toMatchObject({ error: null });
    return res.body.result;
  }
  async function refused(path: string, params: Record<string, string | number>, message: RegExp) {
    const res = await crm(path, params);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ result: null, error: expect.stringMatching(message) });
  }
  async function reseller(id: number): Promise<GqlReseller | null> {
    const res = await t.gql<{ reseller: GraphReseller | null }>(`query($id: Int!) { reseller(legacyId: $id) { ${RESELLER_FIELDS} } }`, { id });
    expect(res.errors).toBeUndefined();
    return res.data.reseller && crmView(res.data.reseller);
  }
  async function allResellers(): Promise<GqlReseller[]> {
    const res = await t.gql<{ resellers: { nodes: GraphReseller[] } }>(`{ resellers(first: 20) { nodes { ${RESELLER_FIELDS} } } }`);
    expect(res.errors).toBeUndefined();
    return res.data.resellers.nodes.map(crmView);
  }
  /** Runs `refusal` and checks the reseller graph is exactly as before. */
  async function changesNothing(refusal: () => Promise<void>) {
    const before = await allResellers();
    await refusal();
    expect(await allResellers()).toEqual(before);
  }
  const ids = (records: { id: number }[]) => records.map((r) => r.id);

  const franchisee = { invoice_by: 'Reseller', payment_by: 'ISP+Reseller', type: 'Franchisee', name: 'Cork Franchise', code: 'CF1', mobile: '+353 87 1234567', email: 'ops@corkfranchise.example', state: 'Munster', commission_percent: '12.5', credit_limit: '200' };

  beforeAll(async () => {
    t = await startTestApp(engine);
  }, 120_000);
  afterAll(async () => t?.stop());

  describe('reseller/list', () => {
    it('lists the live resellers as CRM records', async () => {
      const graph = await allResellers();
      const result = await ok('/api/reseller/list');
      expect(ids(result)).toEqual(graph.map((r) => r.legacyId));
      const kerry = graph.find((r) => r.type === 'FRANCHISEE')!;
      expect(result.find((r: { id: number }) => r.id === kerry.legacyId)).toMatchObject({
        ispid: 1,
        type: 'Franchisee',
        name: kerry.name,
        code: kerry.code,
        invoice_by: 'Reseller',
        payment_by: 'ISP+Reseller',
        commission_percent: kerry.commissionPercent,
        credit_limit: kerry.creditLimit,
        wallet: kerry.walletBalance,
        state: 'Munster',
        country: 'Ireland',
      });
    });

    it('filters on every documented field', async () => {
      const graph = await allResellers();
      const expectIds = async (params: Record<string, string | number>, predicate: (r: GqlReseller) => boolean) => {
        const expected = graph.filter(predicate).map((r) => r.legacyId);
        expect(expected.length, JSON.stringify(params)).toBeGreaterThan(0);
        expect(ids(await ok('/api/reseller/list', params)), JSON.stringify(params)).toEqual(expected);
      };
      await expectIds({ type: 'Franchisee' }, (r) => r.type === 'FRANCHISEE');
      await expectIds({ type: 'reseller' }, (r) => r.type === 'RESELLER');
      await expectIds({ invoice_by: 'ISP' }, (r) => r.invoiceBy === 'ISP');
      await expectIds({ payment_by: 'ISP+Reseller' }, (r) => r.paymentBy === 'ISP_AND_RESELLER');
      await expectIds({ payment_by: 'Reseller' }, (r) => r.paymentBy === 'RESELLER');
      await expectIds({ name: 'LINKS' }, (r) => r.name.toLowerCase().includes('links'));
      await expectIds({ code: 'r' }, (r) => r.code.toLowerCase().includes('r'));
      await expectIds({ state: 'munster' }, (r) => r.state === 'Munster');
      await expectIds({ resellerid: 2 }, (r) => r.legacyId === 2);
      await expectIds({ ispid: 1 }, () => true);
      const today = dublinDay(); // the CRM reads days in the operator's time zone (Europe/Dublin)
      await expectIds({ created_from: today, created_upto: today }, () => true);
      expect(await ok('/api/reseller/list', { created_from: dublinDay(1) })).toEqual([]);
      expect(await ok('/api/reseller/list', { ispid: 7 })).toEqual([]);
      expect(await ok('/api/reseller/list', { state: 'Leinster' })).toEqual([]);
    });

    it('a payment_by of ISP+Reseller sent unescaped in a form body (read as "ISP Reseller") means the same', async () => {
      const res = await fetch(`${t.url}/api/reseller/list`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `userid=5&api_key=${AUTH.api_key}&payment_by=ISP+Reseller`,
      });
      const body = (await res.json()) as { result: { payment_by: string }[]; error: string | null };
      expect(body.error).toBeNull();
      expect(body.result.map((r) => r.payment_by)).toEqual(['ISP+Reseller']);
    });

    it('sorts on each documented field, pages, counts and refuses what the document does not allow', async () => {
      const graph = await allResellers();
      const byWallet = [...graph].sort((a, b) => Number(b.walletBalance) - Number(a.walletBalance) || b.legacyId - a.legacyId);
      expect(ids(await ok('/api/reseller/list', { sort_field: 'wallet', sort_order: 'desc' }))).toEqual(byWallet.map((r) => r.legacyId));
      const byName = [...graph].sort((a, b) => a.name.localeCompare(b.name));
      expect(ids(await ok('/api/reseller/list', { sort_field: 'name', rows_limit: 1, rows_offset: 1 }))).toEqual([byName[1]!.legacyId]);
      for (const field of ['id', 'ispid', 'type', 'name', 'code', 'state', 'wallet']) {
        expect(await ok('/api/reseller/list', { sort_field: field }), field).toHaveLength(graph.length);
      }
      expect(await ok('/api/reseller/list', { show_count: 1, rows_limit: 1 })).toBe(graph.length);
      await refused('/api/reseller/list', { sort_field: 'mobile' }, /sort_field: must be one of id, ispid, type, name, code, state, wallet/);
      await refused('/api/reseller/list', { rows_limit: 101 }, /rows_limit must be from 1 to 100/);
      await refused('/api/reseller/list', { type: 'Agent' }, /type: must be one of Reseller, Franchisee/);
      await refused('/api/reseller/list', { created_from: '2024-13-01' }, /created_from: not a real date/);
    });
  });

  describe('reseller/create', () => {
    it('creates a franchisee and answers its id; GraphQL shows it', async () => {
      const id = await ok('/api/reseller/create', { ...franchisee, address: '1 Main St', country: 'Ireland' });
      expect(typeof id).toBe('number');
      expect(await reseller(id)).toMatchObject({
        type: 'FRANCHISEE',
        name: 'Cork Franchise',
        code: 'CF1',
        address: '1 Main St',
        mobile: '+353 87 1234567',
        email: 'ops@corkfranchise.example',
        state: 'Munster',
        country: 'Ireland',
        invoiceBy: 'RESELLER',
        paymentBy: 'ISP_AND_RESELLER',
        commissionPercent: '12.5000',
        creditLimit: '200.00',
        walletBalance: '0.00',
      });
      expect(ids(await ok('/api/reseller/list', { code: 'CF1' }))).toEqual([id]);
    });

    it('creates a plain reseller from JSON without franchisee terms', async () => {
      const id = await ok(
        '/api/reseller/create',
        { invoice_by: 'ISP', payment_by: 'ISP', type: 'Reseller', name: 'Plain Reseller', code: 'PR1', mobile: '0871234567', email: 'plain@example.com' },
        { json: true },
      );
      expect(await reseller(id)).toMatchObject({ type: 'RESELLER', commissionPercent: null, creditLimit: null, state: null });
    });

    it('refuses bad input and creates nothing', async () => {
      await changesNothing(async () => {
        const { commission_percent: _c, credit_limit: _l, ...withoutTerms } = franchisee;
        await refused('/api/reseller/create', { ...withoutTerms, code: 'X1' }, /a franchisee needs a commission percentage; a franchisee needs a credit limit/);
        await refused('/api/reseller/create', { ...franchisee, code: 'X2', commission_percent: '150' }, /commission must be a percentage from 0 to 100/);
        await refused('/api/reseller/create', { ...franchisee, code: 'X3', credit_limit: '-5' }, /credit limit must be an amount of 0 or more/);
        await refused('/api/reseller/create', { ...franchisee, code: 'R1' }, /reseller code "R1" is already used by reseller 1/);
        await refused('/api/reseller/create', { ...franchisee, code: 'X4', email: 'not-an-address' }, /"not-an-address" is not an e-mail address/);
        await refused('/api/reseller/create', { ...franchisee, code: 'X5', mobile: 'call me' }, /"call me" is not a phone number/);
        const { name: _n, mobile: _m, ...withoutName } = franchisee;
        await refused('/api/reseller/create', { ...withoutName, code: 'X6' }, /name is required; mobile is required/);
        await refused('/api/reseller/create', { ...franchisee, code: 'X7', type: 'Partner' }, /type: must be one of Reseller, Franchisee/);
        await refused('/api/reseller/create', { ...franchisee, code: 'X8', ispid: 2 }, /ispid 2 is not the ISP of this userid/);
        await refused('/api/reseller/create', { ...franchisee, code: 'X9', type: 'Partner', colour: 'red' }, /^type: must be one of Reseller, Franchisee/);
      });
    });
  });

  describe('reseller/update', () => {
    it('changes only the fields sent; GraphQL shows the change', async () => {
      const before = (await reseller(3))!;
      expect(await ok('/api/reseller/update', { resellerid: 3, payment_by: 'ISP', address: '5 Quay St', name: 'Limerick Links Ltd' })).toBe('done');
      const after = (await reseller(3))!;
      expect(after).toEqual({ ...before, paymentBy: 'ISP', address: '5 Quay St', name: 'Limerick Links Ltd' });
      expect(await ok('/api/reseller/update', { resellerid: 3, address: '' })).toBe('done');
      expect((await reseller(3))!.address).toBeNull();
    });

    it('turns a reseller into a franchisee only with its terms', async () => {
      const id = await ok('/api/reseller/create', { invoice_by: 'ISP', payment_by: 'ISP', type: 'Reseller', name: 'Grows Up', code: 'GU1', mobile: '0871111111', email: 'gu@example.com' });
      await changesNothing(() => refused('/api/reseller/update', { resellerid: id, type: 'Franchisee' }, /a franchisee needs a commission percentage; a franchisee needs a credit limit/));
      expect(await ok('/api/reseller/update', { resellerid: id, type: 'Franchisee', commission_percent: 100, credit_limit: '0' })).toBe('done');
      expect(await reseller(id)).toMatchObject({ type: 'FRANCHISEE', commissionPercent: '100.0000', creditLimit: '0.00' });
    });

    it('refuses bad changes and changes nothing', async () => {
      await changesNothing(async () => {
        await refused('/api/reseller/update', { resellerid: 2, commission_percent: '100.5' }, /commission must be a percentage from 0 to 100/);
        await refused('/api/reseller/update', { resellerid: 2, credit_limit: '' }, /a franchisee needs a credit limit/);
        await refused('/api/reseller/update', { resellerid: 2, code: 'R1' }, /reseller code "R1" is already used/);
        await refused('/api/reseller/update', { resellerid: 2, name: '' }, /name is required/);
        await refused('/api/reseller/update', { resellerid: 999, name: 'Nobody' }, /reseller 999 does not exist/);
        await refused('/api/reseller/update', { name: 'Nobody' }, /resellerid is required/);
        await refused('/api/reseller/update', { resellerid: 2, payment_by: 'Bank' }, /payment_by: must be one of ISP, Reseller, ISP\+Reseller/);
        await refused('/api/reseller/update', { resellerid: 2, ispid: 3, name: 'Other ISP' }, /ispid 3 is not the ISP of this userid/);
      });
    });
  });

  describe('reseller/wallet_update and reseller/wallet_txn', () => {
    it('tops up, settles and adjusts as ledger entries; GraphQL shows balance and ledger', async () => {
      const before = (await reseller(1))!;
      expect(await ok('/api/reseller/wallet_update', { resellerid: 1, action: 'TopUp', amt: 10 })).toBe('done');
      expect(await ok('/api/reseller/wallet_update', { resellerid: 1, action: 'Settlement', amt: '2.50' })).toBe('done');
      expect(await ok('/api/reseller/wallet_update', { resellerid: 1, action: 'Adj', amt: '-0.25' })).toBe('done');
      const after = (await reseller(1))!;
      expect(Number(after.walletBalance)).toBeCloseTo(Number(before.walletBalance) + 7.25, 2);
      const added = after.walletTransactions.nodes.slice(-3);
      expect(added.map((e) => [e.txnCode, e.amount])).toEqual([
        ['TOP_UP', '10.00'],
        ['SETTLEMENT', '-2.50'],
        ['ADJUSTMENT', '-0.25'],
      ]);
      expect(added[2]!.balanceAfter).toBe(after.walletBalance);

      const ledger = await ok('/api/reseller/wallet_txn', { resellerid: 1, rows_limit: 100 });
      expect(ids(ledger)).toEqual(after.walletTransactions.nodes.map((e) => e.legacyId));
      expect(ledger.slice(-3).map((e: { txn_code: string; amt: string }) => [e.txn_code, e.amt])).toEqual([
        ['Topup', '10.00'],
        ['Settlement', '-2.50'],
        ['Adj', '-0.25'],
      ]);
      expect(ledger.at(-1)).toMatchObject({ resellerid: 1, ispid: 1, balance: after.walletBalance, serviceid: null });
    });

    it('lets a franchisee go down to minus its credit limit, a reseller to zero, no further', async () => {
      const kerry = (await reseller(2))!;
      const toFloor = (Number(kerry.walletBalance) + Number(kerry.creditLimit)).toFixed(2);
      await changesNothing(() => refused('/api/reseller/wallet_update', { resellerid: 2, action: 'Settlement', amt: (Number(toFloor) + 0.01).toFixed(2) }, /cannot go down to .*credit limit of 1000.00/));
      expect(await ok('/api/reseller/wallet_update', { resellerid: 2, action: 'Settlement', amt: toFloor })).toBe('done');
      expect((await reseller(2))!.walletBalance).toBe('-1000.00');
      // The credit limit cannot drop below what the franchisee already owes.
      await changesNothing(() => refused('/api/reseller/update', { resellerid: 2, credit_limit: '500' }, /would be below what a franchisee may owe/));

      const plain = (await reseller(3))!;
      await changesNothing(() => refused('/api/reseller/wallet_update', { resellerid: 3, action: 'Adj', amt: (-Number(plain.walletBalance) - 1).toFixed(2) }, /a reseller cannot go below 0.00/));
    });

    it('refuses bad wallet changes and appends nothing', async () => {
      await changesNothing(async () => {
        await refused('/api/reseller/wallet_update', { resellerid: 1, action: 'TopUp', amt: '-5' }, /a top-up needs a positive amount/);
        await refused('/api/reseller/wallet_update', { resellerid: 1, action: 'Adj', amt: '0' }, /an adjustment must not be zero/);
        await refused('/api/reseller/wallet_update', { resellerid: 1, action: 'TopUp', amt: '1.005' }, /at most 12 digits and 2 decimals/);
        await refused('/api/reseller/wallet_update', { resellerid: 1, action: 'TopUp', amt: 'ten' }, /amt: expected an amount like 25.00/);
        await refused('/api/reseller/wallet_update', { resellerid: 1, action: 'Refund', amt: '5' }, /action: must be one of TopUp, Settlement, Adj/);
        await refused('/api/reseller/wallet_update', { resellerid: 1, action: 'TopUp' }, /amt is required/);
        await refused('/api/reseller/wallet_update', { resellerid: 999, action: 'TopUp', amt: '5' }, /reseller 999 does not exist/);
      });
    });

    it('filters the ledger by id, reseller, txn code, service and dates, pages and counts, at both documented paths', async () => {
      const graph = await allResellers();
      const entries = graph.flatMap((r) => r.walletTransactions.nodes.map((e) => ({ ...e, resellerId: r.legacyId }))).sort((a, b) => a.legacyId - b.legacyId);
      for (const path of ['/api/reseller/wallet_txn', '/api/reseller/credits_usage']) {
        expect(ids(await ok(path, { rows_limit: 100 }))).toEqual(entries.map((e) => e.legacyId));
        expect(await ok(path, { show_count: 1, rows_limit: 1 })).toBe(entries.length);
        expect(ids(await ok(path, { txn_code: 'Topup', rows_limit: 100 }))).toEqual(entries.filter((e) => e.txnCode === 'TOP_UP').map((e) => e.legacyId));
        expect(ids(await ok(path, { txn_code: 'Settlement', resellerid: 2 }))).toEqual(entries.filter((e) => e.txnCode === 'SETTLEMENT' && e.resellerId === 2).map((e) => e.legacyId));
        expect(ids(await ok(path, { id: entries[1]!.legacyId }))).toEqual([entries[1]!.legacyId]);
        expect(ids(await ok(path, { rows_limit: 2, rows_offset: 1 }))).toEqual(entries.slice(1, 3).map((e) => e.legacyId));
      }
      expect(await ok('/api/reseller/wallet_txn', { serviceid: 1 })).toEqual([]);
      expect(await ok('/api/reseller/wallet_txn', { created_from: '2999-01-01', show_count: 1 })).toBe(0);
      expect(await ok('/api/reseller/wallet_txn', { ispid: 4, show_count: 1 })).toBe(0);
      await refused('/api/reseller/wallet_txn', { txn_code: 'Refund' }, /txn_code: must be one of Invoice, Payment, Topup, Settlement, Adj/);
      await refused('/api/reseller/wallet_txn', { sort_field: 'id', txn_code: 'Refund' }, /^txn_code: must be one of/);
      await refused('/api/reseller/wallet_txn', { rows_limit: 500 }, /rows_limit must be from 1 to 100/);
    });
  });

  describe('reseller/delete', () => {
    it('refuses while the reseller has customers, and changes nothing', async () => {
      const withCustomers = (await allResellers()).find((r) => r.customers.totalCount > 0)!;
      expect(withCustomers).toBeDefined();
      await changesNothing(() =>
        refused('/api/reseller/delete', { resellerid: withCustomers.legacyId }, new RegExp(`reseller ${withCustomers.legacyId} cannot be deleted: it has ${withCustomers.customers.totalCount} customer`)),
      );
    });

    it('deletes a reseller without customers; GraphQL no longer shows it, its ledger stays', async () => {
      const id = await ok('/api/reseller/create', { invoice_by: 'ISP', payment_by: 'ISP', type: 'Reseller', name: 'Short Lived', code: 'SL1', mobile: '0872222222', email: 'sl@example.com' });
      await ok('/api/reseller/wallet_update', { resellerid: id, action: 'TopUp', amt: 5 });
      expect(await ok('/api/reseller/delete', { resellerid: id })).toBe('done');
      expect(await reseller(id)).toBeNull();
      expect((await allResellers()).map((r) => r.legacyId)).not.toContain(id);
      expect(await ok('/api/reseller/list', { resellerid: id })).toEqual([]);
      expect(await ok('/api/reseller/wallet_txn', { resellerid: id })).toMatchObject([{ resellerid: id, txn_code: 'Topup', amt: '5.00' }]);
      await refused('/api/reseller/delete', { resellerid: id }, new RegExp(`reseller ${id} does not exist`));
      // its code is free again
      expect(typeof (await ok('/api/reseller/create', { invoice_by: 'ISP', payment_by: 'ISP', type: 'Reseller', name: 'Reborn', code: 'SL1', mobile: '0872222222', email: 'sl@example.com' }))).toBe('number');
    });

    it('refuses another ISP and a missing id', async () => {
      await changesNothing(async () => {
        await refused('/api/reseller/delete', { resellerid: 1, ispid: 9 }, /ispid 9 is not the ISP of this userid/);
        await refused('/api/reseller/delete', {}, /resellerid is required/);
        await refused('/api/reseller/delete', { resellerid: 'one' }, /resellerid: expected a whole number/);
      });
    });
  });
});
