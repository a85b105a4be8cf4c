/**
 * The CRM documents' own curl examples (shared/spec/001_… plan API, 002_… reseller API), run
 * VERBATIM with the real curl binary against a test server: every `curl …` line is taken from
 * the document, only `$BASE_URL` is replaced, and the shell runs it as a user would paste it.
 * The state the examples assume (plan 12 with price points, reseller code R2 free for the new
 * reseller 4, reseller 3 without customers) is set up first; the examples are not edited.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app';
import { enabledEngines } from '../helpers/engines';

const run = promisify(execFile);
const SPEC_DIR = path.resolve(import.meta.dirname, '../../../shared/spec');

/** Every line of the document that is a curl command, in document order. */
function curlExamples(file: string): string[] {
  return readFileSync(path.join(SPEC_DIR, file), 'utf8')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.startsWith('curl '));
}

const EXAMPLES = [...curlExamples('001_80a3f9cc3d2b87ba.txt'), ...curlExamples('002_d3928436b18cedf2.txt')];
const pathOf = (example: string) => /\$BASE_URL(\/\S+)/.exec(example)![1]!;

interface GqlReseller {
  legacyId: number;
  name: string;
  code: string;
  type: string;
  paymentBy: string;
  invoiceBy: string;
  mobile: string;
  email: string;
  address: { country: string | null };
  commissionPercent: string | null;
  creditLimit: string | null;
  walletBalance: string;
  walletTransactions: { nodes: { legacyId: number; txnCode: string; amount: string }[] };
}
const RESELLER_FIELDS = 'legacyId name code type paymentBy invoiceBy mobile email address { country } commissionPercent creditLimit walletBalance walletTransactions(first: 50) { nodes { legacyId txnCode amount } }';

describe.each(enabledEngines())('the CRM documents’ curl examples, verbatim, on %s', (engine) => {
  let t: TestApp;

  async function gql<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const res = await t.gql<T>(query, variables);
    expect(res.errors).toBeUndefined();
    return res.data;
  }
  const reseller = async (id: number) => (await gql<{ reseller: GqlReseller | null }>(`query($id: Int!) { reseller(legacyId: $id) { ${RESELLER_FIELDS} } }`, { id })).reseller;

  /** Runs one documented example through the shell and curl; returns the parsed reply. */
  async function runExample(example: string): Promise<{ result: unknown; error: unknown }> {
    const command = example.replaceAll('$BASE_URL', t.url);
    const { stdout } = await run('/bin/sh', ['-c', command], { timeout: 30_000 });
    return JSON.parse(stdout) as { result: unknown; error: unknown };
  }

  beforeAll(async () => {
    t = await startTestApp(engine);
    const db = t.database.handle.db;

    // Plan 12 (subplan example): the demo catalogue has 11 plans; add a twelfth with three price points.
    await db.execute(sql`insert into plans (id, operator_id, kind, name, protocol, connectivity, period, period_unit, limit1_gb, bw1_download_kbps, bw1_upload_kbps)
      values (12, 1, 'service', 'Fibre 250', 'ipoe', 'fibre', 1, 'month', null, 250000, 50000)`);
    await db.execute(sql`select setval(pg_get_serial_sequence('plans', 'id'), (select max(id) from plans))`);
    await db.execute(sql`insert into sub_plans (operator_id, plan_id, name, units, price, portal)
      values (1, 12, 'Fibre 250 - 1 month', 1, 54.99, true), (1, 12, 'Fibre 250 - 3 months', 3, 164.97, true), (1, 12, 'Fibre 250 - 12 months', 12, 593.89, false)`);

    // The create example uses code R2, which the demo's reseller 3 holds: give reseller 3 another code.
    const third = await gql<{ reseller: { id: string } }>('{ reseller(legacyId: 3) { id } }');
    const renamed = await gql<{ resellerUpdate: { userErrors: unknown[] } }>('mutation($id: ID!) { resellerUpdate(input: { id: $id, code: "R3" }) { userErrors { message } } }', {
      id: third.reseller.id,
    });
    expect(renamed.resellerUpdate.userErrors).toEqual([]);

    // The delete example removes reseller 3, which must then have no customers: move them to reseller 1.
    const { first, customersOf3 } = await gql<{ first: { id: string }; customersOf3: { customers: { nodes: { id: string }[] } } }>(
      '{ first: reseller(legacyId: 1) { id } customersOf3: reseller(legacyId: 3) { customers(first: 100) { nodes { id } } } }',
    );
    for (const customer of customersOf3.customers.nodes) {
      const moved = await gql<{ customerUpdate: { userErrors: unknown[] } }>('mutation($id: ID!, $r: ID) { customerUpdate(input: { id: $id, resellerId: $r }) { userErrors { message } } }', {
        id: customer.id,
        r: first.id,
      });
      expect(moved.customerUpdate.userErrors).toEqual([]);
    }
  }, 120_000);
  afterAll(async () => t?.stop());

  it('finds the eight documented examples', () => {
    expect(EXAMPLES.map(pathOf)).toEqual([
      '/api/plan/list',
      '/api/plan/subplan',
      '/api/reseller/list',
      '/api/reseller/create',
      '/api/reseller/update',
      '/api/reseller/credits_usage',
      '/api/reseller/wallet_update',
      '/api/reseller/delete',
    ]);
  });

  /** What each example must have done, checked through the GraphQL graph; `before` runs first. */
  const effects: Record<string, { before?: () => Promise<unknown>; check: (result: unknown, before: unknown) => Promise<void> }> = {
    '/api/plan/list': {
      check: async (result) => {
        const { plans } = await gql<{ plans: { nodes: { legacyId: number }[] } }>('{ plans(first: 100, filter: { kind: SERVICE, period: 1, periodUnit: MONTH }) { nodes { legacyId } } }');
        expect((result as { id: number }[]).map((p) => p.id)).toEqual(plans.nodes.map((p) => p.legacyId).slice(0, 10));
      },
    },
    '/api/plan/subplan': {
      check: async (result) => {
        const { plan } = await gql<{ plan: { subPlans: unknown[] } }>('{ plan(legacyId: 12) { subPlans { legacyId } } }');
        expect(result).toBe(plan.subPlans.length);
        expect(result).toBe(3); // the document's "typical response"
      },
    },
    '/api/reseller/list': {
      check: async (result) => {
        const { resellers } = await gql<{ resellers: { nodes: { legacyId: number }[] } }>('{ resellers(first: 10) { nodes { legacyId } } }');
        expect((result as { id: number }[]).map((r) => r.id)).toEqual(resellers.nodes.map((r) => r.legacyId));
      },
    },
    '/api/reseller/create': {
      check: async (result) => {
        expect(result).toBe(4); // the document's expected response
        expect(await reseller(4)).toMatchObject({
          name: 'Reseller4',
          code: 'R2',
          mobile: '12344444',
          email: 'contact@reseller4.com',
          address: { country: 'India' },
          invoiceBy: 'ISP',
          paymentBy: 'ISP',
          type: 'FRANCHISEE',
          commissionPercent: '50.0000',
          creditLimit: '0.00',
          walletBalance: '0.00',
        });
      },
    },
    '/api/reseller/update': {
      check: async (result) => {
        expect(result).toBe('done');
        expect(await reseller(4)).toMatchObject({ name: 'Reseller4', paymentBy: 'RESELLER', invoiceBy: 'ISP' });
      },
    },
    '/api/reseller/credits_usage': {
      check: async (result) => {
        const ledger = (await reseller(1))!.walletTransactions.nodes;
        expect(ledger.length).toBeGreaterThan(0);
        expect((result as { id: number; resellerid: number }[]).map((e) => [e.id, e.resellerid])).toEqual(ledger.slice(0, 10).map((e) => [e.legacyId, 1]));
      },
    },
    '/api/reseller/wallet_update': {
      before: async () => (await reseller(3))!,
      check: async (result, before) => {
        expect(result).toBe('done');
        const after = (await reseller(3))!;
        expect(Number(after.walletBalance)).toBeCloseTo(Number((before as GqlReseller).walletBalance) + 10, 2);
        expect(after.walletTransactions.nodes.at(-1)).toMatchObject({ txnCode: 'TOP_UP', amount: '10.00' });
      },
    },
    '/api/reseller/delete': {
      check: async (result) => {
        expect(result).toBe('done');
        expect(await reseller(3)).toBeNull();
        const { resellers } = await gql<{ resellers: { nodes: { legacyId: number }[] } }>('{ resellers(first: 10) { nodes { legacyId } } }');
        expect(resellers.nodes.map((r) => r.legacyId)).toEqual([1, 2, 4]);
      },
    },
  };

  // In document order: each example relies on the ones before it (update and delete act on what create and setup left).
  for (const [index, example] of EXAMPLES.entries()) {
    it(`example ${index + 1}: ${pathOf(example)}`, async () => {
      const effect = effects[pathOf(example)];
      expect(effect, `no expectation written for ${pathOf(example)}`).toBeDefined();
      const before = await effect!.before?.();
      const reply = await runExample(example);
      expect(reply, example).toMatchObject({ error: null });
      expect(reply.result).not.toBeNull();
      await effect!.check(reply.result, before);
    });
  }
});
