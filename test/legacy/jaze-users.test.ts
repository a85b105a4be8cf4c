/**
 * Jaze API v1 users and groups (E1–E14, E26, E29, E37, E41) over HTTP, checked against the
 * GraphQL graph (and SQL where the graph does not show a field): authentication, the user
 * record, look-ups, group moves, grace periods, deletion, counts, and isolation between operators.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enabledEngines } from '../helpers/engines';
import { startTestApp, type TestApp } from '../helpers/app';
import { jaze } from '../helpers/jaze';
import { rows } from '../helpers/sql';
import { operators } from '../../src/tenancy/operator.table';
import { staffUsers } from '../../src/tenancy/staff-user.table';
import { apiTokens } from '../../src/tenancy/api-token.table';
import { customers } from '../../src/customers/customer.table';
import { sha256Hex } from '../../src/shared/secrets';
import { addMonths } from '../../src/billing/dates';

const OTHER_TOKEN = 'other-operator-token';

interface GraphCustomer {
  legacyId: number;
  name: string;
  nickname: string;
  phone: string | null;
  email: string | null;
  accessState: string;
  expiresAt: string | null;
  servicePlan: { legacyId: number; name: string } | null;
  radiusAccounts: { username: string }[];
  ips: { ip: string | null; mac: string | null }[];
  pendingPlanChanges: { nodes: { timing: string; toPlan: { legacyId: number } | null }[] };
  gracePeriods: { totalCount: number };
}

const CUSTOMER_FIELDS = `legacyId name nickname phone email accessState expiresAt servicePlan { legacyId name } radiusAccounts { username }
  ips { ip mac } pendingPlanChanges(first: 100) { nodes { timing toPlan { legacyId } } } gracePeriods(first: 1) { totalCount }`;

describe.each(enabledEngines())('Jaze users and groups on %s', (engine) => {
  let t: TestApp;
  let db: TestApp['database']['handle']['db'];
  let otherCustomerId: number;

  const get = (path: string, params: Record<string, string | number | undefined> = {}, token?: string | null) => jaze(t.url, 'GET', path, params, { token });
  const post = (path: string, params: Record<string, string | number | undefined> = {}, options: { token?: string | null; json?: boolean } = {}) =>
    jaze(t.url, 'POST', path, params, options);

  const graphCustomer = async (id: number): Promise<GraphCustomer | null> => {
    const res = await t.gql<{ customer: GraphCustomer | null }>(`query($id: Int!) { customer(legacyId: $id) { ${CUSTOMER_FIELDS} } }`, { id });
    expect(res.errors).toBeUndefined();
    return res.data.customer;
  };
  const servicePlans = async (enabled?: boolean) => {
    const res = await t.gql<{ plans: { nodes: { legacyId: number; name: string; enabled: boolean }[] } }>(
      `query($f: PlanFilterInput) { plans(first: 100, filter: $f) { nodes { legacyId name enabled } } }`,
      { f: { kind: 'SERVICE', ...(enabled === undefined ? {} : { enabled }) } },
    );
    expect(res.errors).toBeUndefined();
    return res.data.plans.nodes;
  };
  const createCustomer = async (name: string, extra: Record<string, unknown> = {}) => {
    const res = await t.gql<{ customerCreate: { customer: { legacyId: number } | null; userErrors: { message: string }[] } }>(
      `mutation($input: CustomerCreateInput!) { customerCreate(input: $input) { customer { legacyId } userErrors { message } } }`,
      { input: { name, nickname: name.replace(/\W/g, '_'), invoicingId: `inv-${name.replace(/\W/g, '')}`, ...extra } },
    );
    expect(res.data.customerCreate.userErrors).toEqual([]);
    return res.data.customerCreate.customer!.legacyId;
  };
  const auditCount = async (action: string) => (await rows<{ n: number }>(db, sql`select count(*)::int as n from audit_log where action = ${action}`))[0]!.n;

  beforeAll(async () => {
    t = await startTestApp(engine);
    db = t.database.handle.db;
    // a second operator with its own token and one customer sharing customer 1's phone number
    const [other] = await db.insert(operators).values({ code: 'other', name: 'Other ISP', timezone: 'UTC' }).returning({ id: operators.id });
    const [staff] = await db.insert(staffUsers).values({ operatorId: other!.id, username: 'boss', displayName: 'Other boss', role: 'admin' }).returning({ id: staffUsers.id });
    await db.insert(apiTokens).values({ operatorId: other!.id, staffUserId: staff!.id, label: 'other', tokenHash: sha256Hex(OTHER_TOKEN) });
    const [one] = await rows<{ phone: string }>(db, sql`select phone from customers where id = 1`);
    const [created] = await db
      .insert(customers)
      .values({ operatorId: other!.id, name: 'Other Person', nickname: 'other_person', invoicingId: 'OTH1', phone: one!.phone, accessState: 'active' })
      .returning({ id: customers.id });
    otherCustomerId = created!.id;
  }, 120_000);

  afterAll(async () => {
    await t?.stop();
  });

  // ---------------------------------------------------------------- authentication and isolation

  describe('authentication', () => {
    it('refuses a call without a token with errorCode 401', async () => {
      const res = await get('/api/v1/get_details/1', {}, null);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'failure', errorCode: 401 });
      expect(res.body.message).toMatch(/token/);
    });

    it('refuses an unknown token with errorCode 401', async () => {
      expect((await get('/api/v1/get_all_user_ids', {}, 'nonsense')).body).toMatchObject({ status: 'failure', errorCode: 401 });
    });

    it('accepts the token as the api_key parameter, in the query or a POST body', async () => {
      const byQuery = await get('/api/v1/get_details/1', { api_key: 'demo-token' }, null);
      expect(byQuery.body.status).toBe('success');
      expect(byQuery.body.data[0].User.id).toBe('1');
      const [one] = await rows<{ phone: string }>(db, sql`select phone from customers where id = 1`);
      const byBody = await post('/api/v1/get_users_by_phone', { api_key: 'demo-token', phone: one!.phone }, { token: null });
      expect(byBody.body.errorCode).toBe(200);
    });

    it("never shows another operator's users to a token", async () => {
      const res = await get('/api/v1/get_details/1', {}, OTHER_TOKEN);
      expect(res.body).toMatchObject({ status: 'failure', errorCode: 404 });
      expect((await get('/api/v1/get_all_user_ids', {}, OTHER_TOKEN)).body).toEqual([String(otherCustomerId)]);
      expect((await get(`/api/v1/get_details/${otherCustomerId}`)).body).toMatchObject({ status: 'failure', errorCode: 404 });
      const ids = (await get('/api/v1/get_all_user_ids')).body as string[];
      expect(ids).not.toContain(String(otherCustomerId));
      // the other operator sees only its own user with the shared phone number, and demo only its own
      const [one] = await rows<{ phone: string }>(db, sql`select phone from customers where id = 1`);
      expect((await post('/api/v1/get_users_by_phone', { phone: one!.phone }, { token: OTHER_TOKEN })).body).toEqual({ success: String(otherCustomerId), errorCode: 200 });
      expect((await post('/api/v1/get_users_by_phone', { phone: one!.phone })).body.success.split(',')).not.toContain(String(otherCustomerId));
    });

    it("refuses another operator's account in get_users_count and get_user_from_all_accounts", async () => {
      expect((await get('/api/v1/get_users_count/demo', {}, OTHER_TOKEN)).body).toMatchObject({ status: 'failure', errorCode: 404 });
      const username = (await graphCustomer(1))!.radiusAccounts[0]!.username;
      expect((await get(`/api/v1/get_user_from_all_accounts/username/${username}`, {}, OTHER_TOKEN)).body).toMatchObject({ status: 'failure', errorCode: 404 });
      const own = await get('/api/v1/get_users_count/other', {}, OTHER_TOKEN);
      expect(own.body.message).toMatchObject({ total: 1, active: 1 });
    });
  });

  // ---------------------------------------------------------------- user details

  describe('get_details (E1/E2)', () => {
    it('returns the User record, billing-cycle usage, static IPs and location as the graph shows them', async () => {
      const res = await get('/api/v1/get_details/1');
      expect(res.body).toMatchObject({ status: 'success', errorCode: 200 });
      const data = res.body.data as Record<string, any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any
      expect(data.map((part) => Object.keys(part)[0])).toEqual(['User', 'currentBillingCycleUsage', 'staticIpMac', 'location']);
      const graph = (await graphCustomer(1))!;
      const user = data[0]!.User;
      expect(user).toMatchObject({
        id: '1',
        username: graph.radiusAccounts[0]!.username,
        account_id: 'demo',
        groupId: String(graph.servicePlan!.legacyId),
        group_name: graph.servicePlan!.name,
        status: graph.accessState.toLowerCase(),
        phone: graph.phone,
        email: graph.email,
        timezone: 'Europe/Dublin',
      });
      expect(`${user.name} ${user.last_name}`).toBe(graph.name);
      expect(user.expirationTime).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
      expect(user).not.toHaveProperty('api_key');
      expect(user).not.toHaveProperty('password');
      expect(data[2]!.staticIpMac).toEqual(graph.ips.map((ip) => ({ staticIpAddress: ip.ip, staticIpBoundMac: ip.mac?.toLowerCase() ?? null })));
      const usage = data[1]!.currentBillingCycleUsage;
      // customer 1 is a current account billed monthly: its cycle ends on the next billing date
      const [sub] = await rows<{ next: string }>(db, sql`select next_billing_date::text as next from subscriptions s join plans p on p.id = s.plan_id where s.customer_id = 1 and p.kind = 'service' and s.ended_at is null order by s.id desc limit 1`);
      expect(usage.billingEndDate).toBe(`${sub!.next} 00:00:00`);
      expect(usage.billingStartDate).toBe(`${addMonths(sub!.next, -1)} 00:00:00`);
      expect(usage.bandwidthTemplateName).toBeTruthy();
      expect(usage.totalDataUsage).toBe(Number(usage.uploadDataUsage) + Number(usage.downloadDataUsage));
      // the quota fields of the E3/E13 samples: the cycle's bytes against the plan's usage limit
      expect(usage.billingResetType).toBe('payAsYouGo');
      expect(usage.usedBandwidthQuota).toBe(usage.totalDataUsage);
      expect(usage.totalBandwidthQuota).toBe(usage.dataLimit === null ? null : Number(usage.dataLimit));
      const [loc] = await rows<{ area: string | null; street: string | null; block: string | null }>(
        db,
        sql`select a.name as area, s.name as street, b.name as block from customers c left join areas a on a.id = c.area_id left join streets s on s.id = c.street_id left join buildings b on b.id = c.building_id where c.id = 1`,
      );
      expect(data[3]!.location).toMatchObject(loc!);
    });

    it('counts the traffic of sessions started in the current cycle', async () => {
      const before = (await get('/api/v1/get_details/2')).body.data[1].currentBillingCycleUsage;
      await db.execute(sql`insert into radacct (acctsessionid, acctuniqueid, username, nasipaddress, acctstarttime, acctstoptime, acctinputoctets, acctoutputoctets, operator_id, customer_id)
        select 'jz-test', 'jz-test-usage', ra.username, '10.9.9.9', now() - interval '2 minutes', now() - interval '1 minute', 1000, 5000, ra.operator_id, ra.customer_id
        from radius_accounts ra where ra.customer_id = 2 limit 1`);
      const after = (await get('/api/v1/get_details/2')).body.data[1].currentBillingCycleUsage;
      expect(Number(after.uploadDataUsage) - Number(before.uploadDataUsage)).toBe(1000);
      expect(Number(after.downloadDataUsage) - Number(before.downloadDataUsage)).toBe(5000);
    });

    it('answers 404 for an unknown user and 400 for an id that is not a number', async () => {
      expect((await get('/api/v1/get_details/999999')).body).toMatchObject({ status: 'failure', errorCode: 404 });
      const bad = await get('/api/v1/get_details/abc');
      expect(bad.body).toMatchObject({ status: 'failure', errorCode: 400 });
      expect(bad.body.message).toMatch(/user_id/);
    });

    it('ignores unknown parameters, as Jaze does: the reply is the one without them', async () => {
      expect((await get('/api/v1/get_details/1', { colour: 'red' })).body).toEqual((await get('/api/v1/get_details/1')).body);
    });
  });

  describe('get_all (E3), get_all_user_ids (E6), get_basic_user_details (E41)', () => {
    it('lists every user of the operator', async () => {
      const ids = (await get('/api/v1/get_all_user_ids')).body as string[];
      const [{ n }] = (await rows<{ n: number }>(db, sql`select count(*)::int as n from customers where operator_id = (select id from operators where code = 'demo')`)) as [{ n: number }];
      expect(ids).toHaveLength(n);
      expect(ids.slice(0, 3)).toEqual(['1', '2', '3']);

      const all = await get('/api/v1/get_all');
      expect(all.body.status).toBe('success');
      // three parts per user, as the E3 sample: clients step through the list in threes
      expect(all.body.data).toHaveLength(3 * n);
      expect((all.body.data as Record<string, unknown>[]).slice(0, 6).map((p) => Object.keys(p)[0])).toEqual(['User', 'currentBillingCycleUsage', 'staticIpMac', 'User', 'currentBillingCycleUsage', 'staticIpMac']);
      const users = (all.body.data as Record<string, any>[]).filter((p) => 'User' in p).map((p) => p.User.id); // eslint-disable-line @typescript-eslint/no-explicit-any
      expect(users).toEqual(ids);

      const basic = await get('/api/v1/get_basic_user_details');
      expect(basic.body.data).toHaveLength(n);
      expect(basic.body.data[0]).toMatchObject({ id: '1', account_id: 'demo' });
      expect(Object.keys(basic.body.data[0])).toEqual(expect.arrayContaining(['address_line1', 'address_city', 'installationTime', 'alt_phone', 'billing_id', 'type', 'modified']));
    });
  });

  describe('get_users_by_date (E4)', () => {
    it('finds users by modified date (default) or created date, as parameters or path segments', async () => {
      await db.execute(sql`update customers set updated_at = '2019-03-15T12:00:00Z', created_at = '2018-07-01T12:00:00Z' where id = 7`);
      const modified = await get('/api/v1/get_users_by_date', { FromDate: '2019-03-15', toDate: '2019-03-15' });
      expect(modified.body.status).toBe('success');
      expect(modified.body.data.map((u: { id: string }) => u.id)).toEqual(['7']);
      expect(modified.body.data[0].staticIp).toBeInstanceOf(Array);
      const byPath = await get('/api/v1/get_users_by_date/2018-07-01/2018-07-01/created');
      expect(byPath.body.data.map((u: { id: string }) => u.id)).toContain('7');
      expect((await get('/api/v1/get_users_by_date/2018-07-01/2018-07-01')).body.data).toEqual([]);
    });

    it('refuses a missing, malformed or reversed range', async () => {
      expect((await get('/api/v1/get_users_by_date', { FromDate: '2019-03-15' })).body).toMatchObject({ status: 'failure', errorCode: 400 });
      expect((await get('/api/v1/get_users_by_date', { FromDate: '15-03-2019', toDate: '2019-03-20' })).body).toMatchObject({ errorCode: 400 });
      expect((await get('/api/v1/get_users_by_date', { FromDate: '2019-03-20', toDate: '2019-03-15' })).body).toMatchObject({ errorCode: 400 });
      expect((await get('/api/v1/get_users_by_date', { FromDate: '2019-03-15', toDate: '2019-03-20', basedON: 'deleted' })).body).toMatchObject({ errorCode: 400 });
    });
  });

  describe('phone and username look-ups (E7, E8, E9, E13)', () => {
    it('finds users by phone, comparing digits, with an optional status', async () => {
      const graph = (await graphCustomer(1))!;
      const spaced = graph.phone!.replace(/^\+/, '').replace(/(\d{3})/, '$1 ');
      const ids = await post('/api/v1/get_users_by_phone', { phone: spaced });
      expect(ids.body).toEqual({ success: '1', errorCode: 200 });
      const json = await post('/api/v1/get_users_by_phone', { phone: graph.phone!, status: 'active' }, { json: true });
      expect(json.body).toEqual({ success: '1', errorCode: 200 });
      expect((await post('/api/v1/get_users_by_phone', { phone: graph.phone!, status: 'blacklisted' })).body).toMatchObject({ status: 'failure', errorCode: 404 });
      expect((await post('/api/v1/get_users_by_phone', { phone: graph.phone!, status: 'sleeping' })).body).toMatchObject({ status: 'failure', errorCode: 400 });
      expect((await post('/api/v1/get_users_by_phone', {})).body).toMatchObject({ status: 'failure', errorCode: 400 });

      const details = await get(`/api/v1/get_user_by_phone/${encodeURIComponent(graph.phone!)}`);
      expect(details.body.data.map((u: { id: string }) => u.id)).toEqual(['1']);
      expect(details.body.data[0].staticIp).toEqual(graph.ips.map((ip) => ({ staticIpAddress: ip.ip, staticIpBoundMac: ip.mac?.toLowerCase() ?? null })));
      expect((await get(`/api/v1/get_user_by_phone/${encodeURIComponent(graph.phone!)}/active`)).body.data).toHaveLength(1);
      expect((await get(`/api/v1/get_user_by_phone/${encodeURIComponent(graph.phone!)}/suspended`)).body).toMatchObject({ errorCode: 404 });
      expect((await get('/api/v1/get_user_by_phone/000111222')).body).toMatchObject({ errorCode: 404 });
    });

    it('finds a user by RADIUS username or nickname', async () => {
      const graph = (await graphCustomer(3))!;
      const byLogin = await get(`/api/v1/get_user_by_username/${graph.radiusAccounts[0]!.username}`);
      expect(byLogin.body.status).toBe('success');
      expect(byLogin.body.data.map((u: { id: string }) => u.id)).toEqual(['3']);
      expect(byLogin.body.data[0].username).toBe(graph.radiusAccounts[0]!.username);
      expect((await get(`/api/v1/get_user_by_username/${graph.nickname}`)).body.data[0].id).toBe('3');
      expect((await get('/api/v1/get_user_by_username/nobody_here')).body).toMatchObject({ status: 'failure', errorCode: 404 });
    });

    it("finds a user across the token's accounts by phone or username", async () => {
      const graph = (await graphCustomer(4))!;
      const res = await get(`/api/v1/get_user_from_all_accounts/username/${graph.radiusAccounts[0]!.username}`);
      expect(res.body.status).toBe('success');
      // three parts, as the E13 sample; the location rides inside User, the usage carries the quota fields of get_details' values
      expect(res.body.data).toHaveLength(3);
      expect(res.body.data[0].User).toMatchObject({ id: '4', account_id: 'demo' });
      const details = (await get('/api/v1/get_details/4')).body.data;
      expect(res.body.data[0].User).toMatchObject({ ...details[0].User, ...details[3].location });
      expect(res.body.data[1].currentBillingCycleUsage).toEqual(details[1].currentBillingCycleUsage);
      expect(res.body.data[2].staticIpMac).toEqual(details[2].staticIpMac);
      const byPhone = await get(`/api/v1/get_user_from_all_accounts/phone/${encodeURIComponent(graph.phone!)}`);
      expect(byPhone.body.data[0].User.id).toBe('4');
      expect((await get('/api/v1/get_user_from_all_accounts/email/x@y.z')).body).toMatchObject({ errorCode: 400 });
    });
  });

  // ---------------------------------------------------------------- groups

  describe('groups (E5, E29)', () => {
    it('lists every service plan with its profile and head counts', async () => {
      const res = await get('/api/v1/get_group_details');
      expect(res.body.status).toBe('success');
      const plans = await servicePlans();
      expect(res.body.data.map((g: { Group_id: string }) => g.Group_id)).toEqual(plans.map((p) => String(p.legacyId)).sort((a, b) => Number(a) - Number(b)));
      const counts = await rows<{ plan: number; total: number; active: number }>(
        db,
        sql`select service_plan_id as plan, count(*)::int as total, (count(*) filter (where access_state = 'active'))::int as active from customers where service_plan_id is not null group by service_plan_id`,
      );
      for (const group of res.body.data) {
        const expected = counts.find((c) => String(c.plan) === group.Group_id);
        expect(group.Total_Users).toBe(expected?.total ?? 0);
        expect(group.Active_Users).toBe(expected?.active ?? 0);
        expect(group.Online_Users).toBeLessThanOrEqual(group.Total_Users);
        expect(group.Profile_Name).toBeTruthy();
      }
      const one = await get(`/api/v1/get_group_details/${plans[0]!.legacyId}`);
      expect(one.body.data).toHaveLength(1);
      expect(one.body.data[0]).toMatchObject({ Group_id: String(plans[0]!.legacyId), Group_name: plans[0]!.name });
    });

    it('answers 404 for a group that is not a service plan of the operator', async () => {
      expect((await get('/api/v1/get_group_details/999999')).body).toMatchObject({ status: 'failure', errorCode: 404 });
      expect((await get('/api/v1/get_group_details/1', {}, OTHER_TOKEN)).body).toMatchObject({ status: 'failure', errorCode: 404 });
    });

    it('lists the groups a user can be moved to: the enabled service plans', async () => {
      const res = await get('/api/v1/get_allowed_groups/1');
      expect(res.body.status).toBe('success');
      const enabled = await servicePlans(true);
      expect(res.body.data.map((g: { Group_id: string }) => g.Group_id).sort()).toEqual(enabled.map((p) => String(p.legacyId)).sort());
      expect(res.body.data[0]).not.toHaveProperty('Online_Users');
      expect((await get('/api/v1/get_allowed_groups/999999')).body).toMatchObject({ errorCode: 404 });
    });
  });

  // ---------------------------------------------------------------- writes

  describe('move_group (E10)', () => {
    const move = (params: Record<string, string | number | undefined>) =>
      post('/api/v1/move_group', { clearUserDataUsage: 'no', clearUserPolicies: 'no', moveBilling: 'yes', ...params });

    it('moves a user at once, as the graph shows', async () => {
      const before = (await graphCustomer(5))!;
      const target = (await servicePlans(true)).find((p) => p.legacyId !== before.servicePlan!.legacyId)!;
      const res = await move({ userId: 5, groupId: target.legacyId, type: 'moveImmediately' });
      expect(res.body).toEqual({ status: 'success', errorCode: 200, message: 'The User 5 Moved' });
      expect((await graphCustomer(5))!.servicePlan!.legacyId).toBe(target.legacyId);
      expect((await get('/api/v1/get_details/5')).body.data[0].User.groupId).toBe(String(target.legacyId));
    });

    it('records a move at the next billing cycle, answering the documented message with the day it applies beside it', async () => {
      const before = (await graphCustomer(6))!;
      const target = (await servicePlans(true)).find((p) => p.legacyId !== before.servicePlan!.legacyId)!;
      const res = await move({ userId: 6, groupId: target.legacyId, type: 'nextbillingCycle', clearUserDataUsage: 'yes' });
      // the document's text exactly, so clients comparing for equality (or by prefix) accept it
      expect(res.body).toEqual({ status: 'success', errorCode: 200, message: 'The User 6 Moved', effectiveDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
      const after = (await graphCustomer(6))!;
      expect(after.servicePlan!.legacyId).toBe(before.servicePlan!.legacyId);
      expect(after.pendingPlanChanges.nodes).toContainEqual({ timing: 'NEXT_BILLING_CYCLE', toPlan: { legacyId: target.legacyId } });
    });

    it('records a move on a custom date with the documented message and that date as effectiveDate', async () => {
      const before = (await graphCustomer(7))!;
      const target = (await servicePlans(true)).find((p) => p.legacyId !== before.servicePlan!.legacyId)!;
      // a fixed far-future day: never in the past at any clock instant the suite runs at
      const res = await move({ userId: 7, groupId: target.legacyId, type: 'customDate', customDateTo: '2090-06-15' });
      expect(res.body).toEqual({ status: 'success', errorCode: 200, message: 'The User 7 Moved', effectiveDate: '2090-06-15' });
      const after = (await graphCustomer(7))!;
      expect(after.servicePlan!.legacyId).toBe(before.servicePlan!.legacyId);
      expect(after.pendingPlanChanges.nodes).toContainEqual({ timing: 'CUSTOM_DATE', toPlan: { legacyId: target.legacyId } });
    });

    it('refuses bad input and changes nothing', async () => {
      const before = (await graphCustomer(8))!;
      const enabled = await servicePlans(true);
      const target = enabled.find((p) => p.legacyId !== before.servicePlan!.legacyId)!;
      const disabled = (await servicePlans(false))[0]!;
      const cases = [
        { userId: 8, groupId: target.legacyId, type: 'sometime' },
        { userId: 8, groupId: target.legacyId, type: 'moveImmediately', clearUserDataUsage: 'maybe' },
        { userId: 8, groupId: target.legacyId, type: 'customDate' },
        { userId: 8, groupId: target.legacyId, type: 'customDate', customDateTo: '2001-01-01' },
        { userId: 8, groupId: disabled.legacyId, type: 'moveImmediately' },
      ];
      for (const params of cases) expect((await move(params)).body, JSON.stringify(params)).toMatchObject({ status: 'failure', errorCode: 400 });
      expect((await move({ userId: 8, groupId: 999999, type: 'moveImmediately' })).body).toMatchObject({ errorCode: 404 });
      expect((await move({ userId: 999999, groupId: target.legacyId, type: 'moveImmediately' })).body).toMatchObject({ errorCode: 404 });
      expect((await post('/api/v1/move_group', { userId: 8, groupId: target.legacyId, type: 'moveImmediately' })).body).toMatchObject({ errorCode: 400 });
      expect(await graphCustomer(8)).toEqual(before);
    });
  });

  describe('add_grace_period (E14)', () => {
    it('extends the service by some days', async () => {
      const before = (await graphCustomer(9))!;
      const res = await post('/api/v1/add_grace_period', { userId: 9, days: 3 });
      expect(res.body).toEqual({ status: 'success', errorCode: 200, message: 'Additional 3 days has been extended for this user9' });
      const after = (await graphCustomer(9))!;
      expect(after.gracePeriods.totalCount).toBe(before.gracePeriods.totalCount + 1);
      const base = Math.max(Date.parse(before.expiresAt!), Date.now());
      expect(Math.abs(Date.parse(after.expiresAt!) - (base + 3 * 86_400_000))).toBeLessThan(60_000);
    });

    it('extends to a dd-mm-yyyy date', async () => {
      const year = new Date().getUTCFullYear() + 2;
      const res = await post('/api/v1/add_grace_period', { userId: 10, days: 1, expiryDate: `31-12-${year}` });
      expect(res.body.status).toBe('success');
      expect((await graphCustomer(10))!.expiresAt).toBe(`${year}-12-31T23:59:59.000Z`);
    });

    it('refuses bad input and changes nothing', async () => {
      const before = (await graphCustomer(11))!;
      for (const params of [{ userId: 11, days: 0 }, { userId: 11 }, { userId: 11, days: 'two' }, { userId: 11, days: 2, expiryDate: '31/02/2030' }]) {
        expect((await post('/api/v1/add_grace_period', params)).body, JSON.stringify(params)).toMatchObject({ status: 'failure', errorCode: 400 });
      }
      expect((await post('/api/v1/add_grace_period', { userId: 999999, days: 2 })).body).toMatchObject({ errorCode: 404 });
      expect(await graphCustomer(11)).toEqual(before);
    });
  });

  describe('delete_user (E12)', () => {
    it('deletes a user that meets the deletion conditions', async () => {
      const id = await createCustomer('Jaze Delete Me');
      const res = await get(`/api/v1/delete_user/${id}`);
      expect(res.body).toEqual({ status: 'success', errorCode: 200, message: 'User deleted successfully' });
      expect(await graphCustomer(id)).toBeNull();
    });

    it('deletes the unfinished billing with clear_unfinished_billing=yes', async () => {
      const id = await createCustomer('Jaze With Billing');
      const plan = (await servicePlans(true))[0]!;
      await db.execute(sql`insert into subscriptions (operator_id, customer_id, plan_id, type) select operator_id, id, ${plan.legacyId}, 'recurring' from customers where id = ${id}`);
      const refused = await get(`/api/v1/delete_user/${id}/no`);
      expect(refused.body).toMatchObject({ status: 'failure', errorCode: 412 });
      expect(refused.body.message).toMatch(/subscriptions/);
      expect(await graphCustomer(id)).not.toBeNull();
      expect((await get(`/api/v1/delete_user/${id}/yes`)).body.status).toBe('success');
      expect(await graphCustomer(id)).toBeNull();
    });

    it('refuses a current customer, an unknown one and a bad flag, changing nothing', async () => {
      const refused = await get('/api/v1/delete_user/1');
      expect(refused.body).toMatchObject({ status: 'failure', errorCode: 412 });
      expect(refused.body.message).toMatch(/current/);
      expect(await graphCustomer(1)).not.toBeNull();
      expect((await get('/api/v1/delete_user/999999')).body).toMatchObject({ errorCode: 404 });
      expect((await get('/api/v1/delete_user/1/perhaps')).body).toMatchObject({ errorCode: 400 });
      expect((await get(`/api/v1/delete_user/${otherCustomerId}`)).body).toMatchObject({ errorCode: 404 });
    });
  });

  // ---------------------------------------------------------------- passwords, sessions, counts

  describe('get_user_password (E11)', () => {
    it("returns the main RADIUS login's password and audits the read", async () => {
      const [login] = await rows<{ password: string }>(db, sql`select password from radius_accounts where customer_id = 12 order by priority nulls last, id limit 1`);
      const audits = await auditCount('radiusAccount.passwordRead');
      const res = await get('/api/v1/get_user_password/12');
      expect(res.body).toEqual({ status: 'success', errorCode: 200, message: { password: login!.password } });
      expect(await auditCount('radiusAccount.passwordRead')).toBe(audits + 1);
    });

    it('explains that a portal password cannot be read back when there is no login password', async () => {
      const id = await createCustomer('Jaze No Login', { portalPassword: 'secret-portal' });
      const res = await get(`/api/v1/get_user_password/${id}`);
      expect(res.body).toMatchObject({ status: 'failure', errorCode: 412 });
      expect(res.body.message).toMatch(/hash/);
      expect(JSON.stringify(res.body)).not.toContain('secret-portal');
      expect((await get('/api/v1/get_user_password/999999')).body).toMatchObject({ errorCode: 404 });
    });
  });

  describe('get_logofftime_onlinestatus (E26)', () => {
    it('reports the last log-off time and whether a session is open', async () => {
      const [open] = await rows<{ id: number }>(db, sql`select customer_id as id from radacct where acctstoptime is null and customer_id is not null order by customer_id limit 1`);
      const online = await get(`/api/v1/get_logofftime_onlinestatus/${open!.id}`);
      expect(online.body).toMatchObject({ status: 'success', errorCode: 200, data: { online: 'yes' } });

      const id = await createCustomer('Jaze Session Person');
      expect((await get(`/api/v1/get_logofftime_onlinestatus/${id}`)).body.data).toEqual({ lastLogOffTime: null, online: 'no' });
      await db.execute(sql`insert into radacct (acctsessionid, acctuniqueid, nasipaddress, acctstarttime, acctstoptime, operator_id, customer_id)
        select 's1', 'jz-logoff-1', '10.9.9.9', '2024-01-15T10:00:00Z', '2024-01-15T14:21:20Z', operator_id, id from customers where id = ${id}`);
      // Europe/Dublin is UTC in January
      expect((await get(`/api/v1/get_logofftime_onlinestatus/${id}`)).body.data).toEqual({ lastLogOffTime: '15-01-2024 14:21:20', online: 'no' });
      expect((await get('/api/v1/get_logofftime_onlinestatus/999999')).body).toMatchObject({ errorCode: 404 });
    });
  });

  describe('get_users_count (E37)', () => {
    it('counts the users by state, each in one bucket', async () => {
      const res = await get('/api/v1/get_users_count');
      expect(res.body.status).toBe('success');
      const c = res.body.message;
      const total = (await get('/api/v1/get_all_user_ids')).body.length;
      expect(c.total).toBe(total);
      expect(c.active + c.expired + c.blacklisted + c.suspended + c.blocked + c.pending + c.churned + c.others).toBe(c.total);
      const active = await t.gql<{ customers: { totalCount: number } }>(`{ customers(filter: { accessState: [ACTIVE] }) { totalCount } }`);
      expect(c.active).toBe(active.data.customers.totalCount);
      const [online] = await rows<{ n: number }>(db, sql`select count(distinct customer_id)::int as n from radacct where acctstoptime is null and operator_id = (select id from operators where code = 'demo')`);
      expect(c.online).toBe(online!.n);
      expect((await get('/api/v1/get_users_count/demo')).body.message).toEqual(c);
      expect((await get('/api/v1/get_users_count/other')).body).toMatchObject({ status: 'failure', errorCode: 404 });
    });
  });
});
