/**
 * CRM plan API (document 001): plan/list and plan/subplan_list (and its `/api/plan/subplan`
 * alias). Every filter, comparison operator, sort field and paging rule is checked against the
 * catalogue as the GraphQL graph shows it; refused calls answer `{ result: null, error }`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { buildSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/legacy/cli/emit';
import { CRM_OPERATIONS } from '../../src/legacy/crm/catalogue';
import { startTestApp, type TestApp } from '../helpers/app';
import { enabledEngines } from '../helpers/engines';
import { dublinDay } from '../helpers/dates';

const AUTH = { userid: '5', api_key: '0f9895fb407c83e5ea128082098b47681aa75d6944576423c4' };

interface GqlSubPlan {
  legacyId: number;
  name: string;
  units: number;
  price: string;
  portal: boolean;
}
interface GqlPlan {
  legacyId: number;
  name: string;
  kind: string;
  protocol: string | null;
  connectivity: string | null;
  period: number | null;
  periodUnit: string | null;
  locationCode: string | null;
  subLocationCode: string | null;
  enabled: boolean;
  dataCarryover: boolean;
  hideBandwidthLimit: boolean;
  limit1Gb: string | null;
  bw1DownloadKbps: number | null;
  subPlans: GqlSubPlan[];
}

interface CrmReply {
  status: number;
  body: { result: any; error: string | null }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

async function crmCall(baseUrl: string, path: string, params: Record<string, string | number>, options: { json?: boolean; auth?: Record<string, string> | null } = {}): Promise<CrmReply> {
  const all = { ...(options.auth === null ? {} : (options.auth ?? AUTH)), ...params };
  const entries = Object.entries(all).map(([k, v]) => [k, String(v)] as [string, string]);
  const res = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': options.json ? 'application/json' : 'application/x-www-form-urlencoded' },
    body: options.json ? JSON.stringify(Object.fromEntries(entries)) : new URLSearchParams(entries).toString(),
  });
  return { status: res.status, body: (await res.json()) as CrmReply['body'] };
}

describe('the CRM catalogue', () => {
  /** Each documented endpoint with the parameter names of its table (the email rows lack their name: `email`). */
  function documentedEndpoints(file: string): Map<string, string[]> {
    const endpoints = new Map<string, string[]>();
    let current: string[] | undefined;
    for (const line of readFileSync(path.resolve(import.meta.dirname, '../../../shared/spec', file), 'utf8').split('\n')) {
      const heading = /^POST (\/api\/\S+)/.exec(line);
      if (heading) endpoints.set(heading[1]!, (current = []));
      const param = /^([a-z0-9_]+) \| (Y|N|Required)/.exec(line)?.[1] ?? (/^(Y|N) \| Reseller Email/.test(line) ? 'email' : undefined);
      if (param && current) current.push(param);
    }
    return endpoints;
  }

  it('declares every parameter of each documented table on that endpoint, and names GraphQL fields that exist', () => {
    const endpoints = new Map([...documentedEndpoints('001_80a3f9cc3d2b87ba.txt'), ...documentedEndpoints('002_d3928436b18cedf2.txt')]);
    expect(endpoints.size).toBe(8);
    expect(endpoints.get('/api/reseller/create')).toContain('email');
    for (const [route, params] of endpoints) {
      const op = CRM_OPERATIONS.find((o) => o.routes?.some((r) => r.path === route));
      expect(op, route).toBeDefined();
      const declared = op!.params.map((p) => p.name).concat(['userid', 'api_key']);
      for (const name of params) expect(declared, `${route} ${name}`).toContain(name);
    }
    const schema = buildSchema(readFileSync(path.join(projectRoot, 'schema/schema.graphql'), 'utf8'));
    const fields = { query: schema.getQueryType()!.getFields(), mutation: schema.getMutationType()!.getFields() };
    for (const op of CRM_OPERATIONS) {
      const match = /^(query|mutation) ([A-Za-z]+)/.exec(op.graphql);
      expect(match, op.name).not.toBeNull();
      expect(fields[match![1] as 'query'][match![2]!], `${op.name}: ${op.graphql}`).toBeDefined();
    }
  });

  it('routes every documented path, and the examples’ aliases, to exactly one entry', () => {
    const routes = CRM_OPERATIONS.flatMap((op) => (op.routes ?? []).map((r) => `${r.method} ${r.path}`));
    expect(new Set(routes).size).toBe(routes.length);
    expect(routes.sort()).toEqual(
      ['list', 'subplan_list', 'subplan'].map((p) => `POST /api/plan/${p}`)
        .concat(['list', 'create', 'update', 'wallet_txn', 'credits_usage', 'wallet_update', 'delete'].map((p) => `POST /api/reseller/${p}`))
        .sort(),
    );
  });
});

describe.each(enabledEngines())('CRM plan API on %s', (engine) => {
  let t: TestApp;
  let catalogue: GqlPlan[];
  const crm = (path: string, params: Record<string, string | number> = {}, options?: { json?: boolean; auth?: Record<string, string> | null }) =>
    crmCall(t.url, path, params, options);

  async function ok(path: string, params: Record<string, string | number> = {}) {
    const res = await crm(path, params);
    expect(res.status).toBe(200);
    expect(res.body.error).toBeNull();
    return res.body.result;
  }
  async function refused(path: string, params: Record<string, string | number>, message: RegExp) {
    const res = await crm(path, params);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ result: null, error: expect.stringMatching(message) });
  }
  const ids = (records: { id: number }[]) => records.map((r) => r.id);
  const services = () => catalogue.filter((p) => p.kind === 'SERVICE');

  beforeAll(async () => {
    t = await startTestApp(engine);
    // A reseller sells plan 2, so the resellerid filters have something to find.
    await t.database.handle.db.execute(sql`update plans set reseller_id = 1 where id = 2`);
    const res = await t.gql<{ plans: { nodes: GqlPlan[] } }>(
      `{ plans(first: 100) { nodes { legacyId name kind protocol connectivity period periodUnit locationCode subLocationCode enabled
          dataCarryover hideBandwidthLimit limit1Gb bw1DownloadKbps subPlans { legacyId name units price portal } } } }`,
    );
    expect(res.errors).toBeUndefined();
    catalogue = res.data.plans.nodes;
  }, 120_000);
  afterAll(async () => t?.stop());

  describe('plan/list', () => {
    it('lists the service plans, by id, as CRM records', async () => {
      const result = await ok('/api/plan/list');
      expect(ids(result)).toEqual(services().map((p) => p.legacyId));
      const first = services()[0]!;
      expect(result[0]).toMatchObject({
        id: first.legacyId,
        ispid: 1,
        name: first.name,
        protocol: 'PPPoE',
        connectivity: 'Wireless',
        plan_period: 1,
        plan_period_unit: 'Month',
        location_code: first.locationCode,
        enabled: 'Y',
        data_carryover: 'N',
        hide_bw_limit: 'N',
        limit1_gb: first.limit1Gb,
        bw1_dl: first.bw1DownloadKbps,
      });
      expect(result[0].created).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    });

    it('answers JSON bodies like form bodies', async () => {
      const res = await crm('/api/plan/list', { plan_period_unit: 'Day' }, { json: true });
      expect(res.body.error).toBeNull();
      expect(ids(res.body.result)).toEqual(services().filter((p) => p.periodUnit === 'DAY').map((p) => p.legacyId));
    });

    it('filters on every documented field', async () => {
      const expectIds = async (params: Record<string, string | number>, predicate: (p: GqlPlan) => boolean) => {
        const expected = services().filter(predicate).map((p) => p.legacyId);
        expect(ids(await ok('/api/plan/list', params)), JSON.stringify(params)).toEqual(expected);
        return expected;
      };
      expect(await expectIds({ plan_period: 1, plan_period_unit: 'Month' }, (p) => p.period === 1 && p.periodUnit === 'MONTH')).toHaveLength(7);
      expect(await expectIds({ name: 'fIbRe' }, (p) => p.name.toLowerCase().includes('fibre'))).toHaveLength(3);
      await expectIds({ protocol: 'IPoE' }, (p) => p.protocol === 'IPOE');
      await expectIds({ protocol: 'leasedline' }, (p) => p.protocol === 'LEASED_LINE');
      await expectIds({ connectivity: 'Hotspot' }, (p) => p.connectivity === 'HOTSPOT');
      expect(await expectIds({ enabled: 'N' }, (p) => !p.enabled)).toHaveLength(1);
      await expectIds({ enabled: 'Y' }, (p) => p.enabled);
      await expectIds({ data_carryover: 'Y' }, (p) => p.dataCarryover);
      await expectIds({ hide_bw_limit: 'N' }, (p) => !p.hideBandwidthLimit);
      await expectIds({ location_code: 'KERRY' }, (p) => p.locationCode === 'KERRY');
      await expectIds({ sub_location_code: 'NORTH', location_code: 'CORK' }, (p) => p.subLocationCode === 'NORTH' && p.locationCode === 'CORK');
      await expectIds({ planid: 3 }, (p) => p.legacyId === 3);
      await expectIds({ resellerid: 1 }, (p) => p.legacyId === 2);
      await expectIds({ ispid: 1 }, () => true);
    });

    it('compares limit1_gb with every operator (plans without a limit match none)', async () => {
      const limited = services().filter((p) => p.limit1Gb !== null);
      const cases: [string, (gb: number) => boolean][] = [
        ['<50', (gb) => gb < 50],
        ['>80', (gb) => gb > 80],
        ['≤100', (gb) => gb <= 100],
        ['<=100', (gb) => gb <= 100],
        ['≥100', (gb) => gb >= 100],
        ['>=300', (gb) => gb >= 300],
        ['=100', (gb) => gb === 100],
        ['300', (gb) => gb === 300],
        ['< 5.5', (gb) => gb < 5.5],
        [' >  0 ', (gb) => gb > 0],
      ];
      for (const [expression, predicate] of cases) {
        const expected = limited.filter((p) => predicate(Number(p.limit1Gb))).map((p) => p.legacyId);
        expect(ids(await ok('/api/plan/list', { limit1_gb: expression })), expression).toEqual(expected);
      }
      expect(ids(await ok('/api/plan/list', { limit1_gb: '≥80' })).length).toBeGreaterThan(0);
    });

    it('refuses a comparison it cannot read, naming the accepted forms', async () => {
      for (const bad of ['~5', '<<5', '>abc', '=', '5GB', '≤-1', '1e3']) {
        await refused('/api/plan/list', { limit1_gb: bad }, /^limit1_gb: ".*" is not a comparison; use a number, optionally preceded by <, <=, ≤, >, >=, ≥ or =/);
      }
    });

    it('pages with rows_limit and rows_offset, and sorts on every documented field', async () => {
      expect(ids(await ok('/api/plan/list', { rows_limit: 3, rows_offset: 2 }))).toEqual(services().slice(2, 5).map((p) => p.legacyId));
      expect(await ok('/api/plan/list', { rows_offset: 50 })).toEqual([]);
      const byName = [...services()].sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
      expect(ids(await ok('/api/plan/list', { sort_field: 'name', sort_order: 'desc' }))).toEqual(byName.map((p) => p.legacyId));
      // ascending puts plans without a limit last, then by id
      const byLimit = [...services()].sort((a, b) => (a.limit1Gb === null ? 1 : 0) - (b.limit1Gb === null ? 1 : 0) || Number(a.limit1Gb) - Number(b.limit1Gb) || a.legacyId - b.legacyId);
      expect(ids(await ok('/api/plan/list', { sort_field: 'limit1_gb' }))).toEqual(byLimit.map((p) => p.legacyId));
      const byDownload = [...services()].sort((a, b) => b.bw1DownloadKbps! - a.bw1DownloadKbps! || b.legacyId - a.legacyId);
      expect(ids(await ok('/api/plan/list', { sort_field: 'bw1_dl', sort_order: 'DESC', rows_limit: 2 }))).toEqual(byDownload.slice(0, 2).map((p) => p.legacyId));
      for (const field of ['id', 'name', 'protocol', 'connectivity', 'lc', 'slc', 'limit1_gb', 'bw1_dl', 'bw1_ul']) {
        expect((await ok('/api/plan/list', { sort_field: field })).length, field).toBe(services().length);
      }
    });

    it('defaults to 10 rows and allows at most 100; more is an error, not a silent cap', async () => {
      expect(services().length).toBeLessThan(10);
      expect(await ok('/api/plan/list', { rows_limit: 100 })).toHaveLength(services().length);
      await refused('/api/plan/list', { rows_limit: 101 }, /rows_limit must be from 1 to 100 \(got 101\)/);
      await refused('/api/plan/list', { rows_limit: 0 }, /rows_limit must be from 1 to 100/);
      await refused('/api/plan/list', { rows_offset: -1 }, /rows_offset must be 0 or more/);
      await refused('/api/plan/list', { rows_limit: 'ten' }, /rows_limit: expected a whole number/);
    });

    it('counts with show_count=1, ignoring rows_limit and rows_offset', async () => {
      expect(await ok('/api/plan/list', { show_count: 1, rows_limit: 1, rows_offset: 5 })).toBe(services().length);
      expect(await ok('/api/plan/list', { show_count: 1, connectivity: 'Fibre' })).toBe(services().filter((p) => p.connectivity === 'FIBRE').length);
      expect(await ok('/api/plan/list', { show_count: 0, rows_limit: 1 })).toHaveLength(1);
      await refused('/api/plan/list', { show_count: 2 }, /show_count: must be one of 0, 1/);
    });

    it('refuses sort fields and orders outside the documented lists, and unknown values', async () => {
      await refused('/api/plan/list', { sort_field: 'price' }, /sort_field: must be one of id, name, protocol, connectivity, lc, slc, limit1_gb, bw1_dl, bw1_ul/);
      await refused('/api/plan/list', { sort_field: 'created_at' }, /sort_field: must be one of/);
      await refused('/api/plan/list', { sort_order: 'up' }, /sort_order: must be one of asc, desc/);
      await refused('/api/plan/list', { protocol: 'DSL' }, /protocol: must be one of PPPoE, IPoE, LeasedLine/);
      await refused('/api/plan/list', { enabled: 'maybe' }, /enabled: must be one of Y, N/);
      await refused('/api/plan/list', { plan_period: 'one' }, /plan_period: expected a whole number/);
      await refused('/api/plan/list', { colour: 'red', enabled: 'maybe' }, /^enabled: must be one of Y, N/);
    });

    it('filters on created dates as whole days', async () => {
      // the CRM reads these as days in the operator's time zone (Europe/Dublin), not UTC
      const today = dublinDay();
      const tomorrow = dublinDay(1);
      expect(await ok('/api/plan/list', { created_from: today, created_upto: today, show_count: 1 })).toBe(services().length);
      expect(await ok('/api/plan/list', { created_from: tomorrow, show_count: 1 })).toBe(0);
      expect(await ok('/api/plan/list', { created_upto: '2000-01-01', show_count: 1 })).toBe(0);
      await refused('/api/plan/list', { created_from: '2024-02-30' }, /created_from: not a real date/);
      await refused('/api/plan/list', { created_upto: '01/02/2024' }, /created_upto: expected a date as YYYY-MM-DD/);
    });

    it("shows nothing of another ISP's catalogue", async () => {
      expect(await ok('/api/plan/list', { ispid: 999 })).toEqual([]);
      expect(await ok('/api/plan/list', { ispid: 999, show_count: 1 })).toBe(0);
    });
  });

  describe('plan/subplan_list', () => {
    const allSubPlans = () => services().flatMap((p) => p.subPlans.map((s) => ({ ...s, planId: p.legacyId })));

    it('lists the price points of a plan, at both documented paths', async () => {
      const plan = services()[1]!;
      const expected = plan.subPlans.map((s) => s.legacyId).sort((a, b) => a - b);
      for (const path of ['/api/plan/subplan_list', '/api/plan/subplan']) {
        const result = await ok(path, { planid: plan.legacyId });
        expect(ids(result)).toEqual(expected);
        expect(result[0]).toMatchObject({ planid: plan.legacyId, name: plan.subPlans[0]!.name, units: 1, price: plan.subPlans[0]!.price, portal: 'Y', enabled: 'Y' });
        expect(await ok(path, { planid: plan.legacyId, show_count: 1 })).toBe(expected.length);
      }
    });

    it('filters on sub-plan id, name, portal, reseller and price comparisons', async () => {
      const expectIds = async (params: Record<string, string | number>, predicate: (s: ReturnType<typeof allSubPlans>[number]) => boolean) => {
        const expected = allSubPlans().filter(predicate).map((s) => s.legacyId).sort((a, b) => a - b);
        expect(ids(await ok('/api/plan/subplan_list', { ...params, rows_limit: 100 })), JSON.stringify(params)).toEqual(expected);
      };
      const some = allSubPlans()[5]!;
      await expectIds({ subplanid: some.legacyId }, (s) => s.legacyId === some.legacyId);
      await expectIds({ name: '12 MONTHS' }, (s) => s.name.toLowerCase().includes('12 months'));
      await expectIds({ portal: 'N' }, (s) => !s.portal);
      await expectIds({ resellerid: 1 }, (s) => s.planId === 2);
      await expectIds({ resellerid: 2 }, () => false);
      for (const [expression, predicate] of [
        ['<50', (p: number) => p < 50],
        ['≤39.99', (p: number) => p <= 39.99],
        ['>=500', (p: number) => p >= 500],
        ['≥80', (p: number) => p >= 80],
        ['=29.99', (p: number) => p === 29.99],
        ['49.99', (p: number) => p === 49.99],
      ] as const) {
        await expectIds({ price: expression }, (s) => predicate(Number(s.price)));
      }
      await refused('/api/plan/subplan_list', { price: '≈50' }, /price: "≈50" is not a comparison/);
    });

    it('sorts on its documented fields only and pages', async () => {
      const byPrice = [...allSubPlans()].sort((a, b) => Number(b.price) - Number(a.price) || b.legacyId - a.legacyId);
      expect(ids(await ok('/api/plan/subplan_list', { sort_field: 'price', sort_order: 'desc', rows_limit: 5 }))).toEqual(byPrice.slice(0, 5).map((s) => s.legacyId));
      const byUnits = [...allSubPlans()].sort((a, b) => a.units - b.units || a.legacyId - b.legacyId);
      expect(ids(await ok('/api/plan/subplan_list', { sort_field: 'units', rows_limit: 4, rows_offset: 8 }))).toEqual(byUnits.slice(8, 12).map((s) => s.legacyId));
      for (const field of ['id', 'name', 'planid', 'units', 'price']) expect(await ok('/api/plan/subplan_list', { sort_field: field })).toHaveLength(10);
      await refused('/api/plan/subplan_list', { sort_field: 'limit1_gb' }, /sort_field: must be one of id, name, planid, units, price/);
      await refused('/api/plan/subplan_list', { rows_limit: 1000 }, /rows_limit must be from 1 to 100 \(got 1000\)/);
      expect(await ok('/api/plan/subplan_list', { show_count: 1, rows_limit: 1 })).toBe(allSubPlans().length);
    });
  });

  describe('authentication and envelopes', () => {
    it('refuses a wrong api_key, an unknown userid and a user without a CRM key alike', async () => {
      for (const auth of [
        { userid: '5', api_key: 'wrong' },
        { userid: '999', api_key: AUTH.api_key },
        { userid: '1', api_key: AUTH.api_key },
        { userid: 'crm', api_key: AUTH.api_key },
      ]) {
        const res = await crm('/api/plan/list', {}, { auth });
        expect(res.status).toBe(200);
        expect(res.body).toEqual({ result: null, error: 'invalid userid/api_key' });
      }
      const missing = await crm('/api/plan/list', {}, { auth: null });
      expect(missing.body).toEqual({ result: null, error: 'userid and api_key are required' });
    });

    it('answers 400 to a body it cannot read', async () => {
      const res = await fetch(`${t.url}/api/plan/list`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"userid": 5,' });
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ result: null, error: expect.stringMatching(/malformed JSON body/) });
    });
  });
});
