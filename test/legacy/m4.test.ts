/**
 * Kolmisoft M4 user_details_raw_get (shared/spec/003_…): the document's own signed example over
 * GET and POST (fetch and the real curl binary), every documented error, the hash arithmetic
 * and its constant-time comparison, the admin/manager/"own account" rules, and the same user
 * data as the GraphQL graph shows.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { buildSchema } from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { enabledEngines } from '../helpers/engines';
import { startTestApp, type TestApp } from '../helpers/app';
import { rows } from '../helpers/sql';
import { parseXml, type ParsedElement } from '../../src/legacy/xml/parse';
import { M4_OPERATIONS } from '../../src/legacy/m4/catalogue';
import { USER_DETAIL_FIELDS } from '../../src/legacy/m4/operations';
import * as secrets from '../../src/shared/secrets';

// The hash comparison must go through the constant-time helper: wrap it to watch the calls.
vi.mock('../../src/shared/secrets', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/shared/secrets')>();
  return { ...actual, safeEqual: vi.fn(actual.safeEqual) };
});

const run = promisify(execFile);

/** The document's request line, verbatim; `http://<SERVER_IP>` is replaced by the test server. */
const DOCUMENT_EXAMPLE = 'http://<SERVER_IP>/billing/api/user_details_raw_get?u=admin&user_id=5&hash=80ea571b1932bfecb937013966849154cb995e05';
const PATH = '/billing/api/user_details_raw_get';

const sha1 = (text: string) => createHash('sha1').update(text, 'utf8').digest('hex');
const sign = (u: string, userId: string | number, secret = 'secret') => sha1(`${u}${userId}${secret}`);

interface Reply {
  status: number;
  contentType: string;
  body: string;
  root: ParsedElement;
}

const child = (parent: ParsedElement, name: string) => parent.children.find((c) => c.local === name);
const errorOf = (reply: Reply) => child(child(reply.root, 'status')!, 'error')?.text;
function userOf(reply: Reply): Record<string, string> {
  const user = child(child(reply.root, 'status')!, 'user');
  expect(user, reply.body).toBeDefined();
  return Object.fromEntries(user!.children.map((c) => [c.local, c.text]));
}

describe.each(enabledEngines())('Kolmisoft M4 user_details_raw_get on %s', (engine) => {
  let t: TestApp;
  let db: TestApp['database']['handle']['db'];

  const reply = async (res: Response): Promise<Reply> => {
    const body = await res.text();
    return { status: res.status, contentType: res.headers.get('content-type') ?? '', body, root: parseXml(body) };
  };
  const get = async (query: string, path = PATH) => reply(await fetch(`${t.url}${path}?${query}`));
  const post = async (form: Record<string, string>, path = PATH) =>
    reply(await fetch(`${t.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() }));
  /** A correctly signed call for `u` and `user_id` (POST unless told). */
  const signed = async (u: string, userId: number, method: 'GET' | 'POST' = 'POST') => {
    const params = { u, user_id: String(userId), hash: sign(u, userId) };
    return method === 'GET' ? get(new URLSearchParams(params).toString()) : post(params);
  };
  const setOperator = (settings: { apiEnabled?: boolean; apiGetEnabled?: boolean; secret?: string | null }) =>
    db.execute(sql`update operators set
      api_enabled = coalesce(${settings.apiEnabled ?? null}::boolean, api_enabled),
      api_get_enabled = coalesce(${settings.apiGetEnabled ?? null}::boolean, api_get_enabled),
      m4_api_secret = ${settings.secret === undefined ? sql`m4_api_secret` : settings.secret}
      where code = 'demo'`);
  const customerUpdate = async (id: number, input: Record<string, unknown>) => {
    const node = await t.gql<{ customer: { id: string } }>(`query($id: Int!) { customer(legacyId: $id) { id } }`, { id });
    const res = await t.gql<{ customerUpdate: { userErrors: unknown[] } }>(
      `mutation($input: CustomerUpdateInput!) { customerUpdate(input: $input) { userErrors { message } } }`,
      { input: { id: node.data.customer.id, ...input } },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.customerUpdate.userErrors).toEqual([]);
  };
  const updatedAt = async (id: number) =>
    (await t.gql<{ customer: { updatedAt: string } }>(`query($id: Int!) { customer(legacyId: $id) { updatedAt } }`, { id })).data.customer.updatedAt;

  beforeAll(async () => {
    t = await startTestApp(engine);
    db = t.database.handle.db;
  });
  afterAll(async () => {
    await t?.stop();
  });
  beforeEach(async () => {
    await setOperator({ apiEnabled: true, apiGetEnabled: true, secret: 'secret' });
  });

  describe("the document's example", () => {
    it('signs SHA1(u + user_id + secret): the documented hash is SHA1("admin5secret")', () => {
      expect(sign('admin', 5)).toBe('80ea571b1932bfecb937013966849154cb995e05');
      expect(DOCUMENT_EXAMPLE).toContain(`hash=${sign('admin', 5)}`);
    });

    it('returns user 5 over GET and POST with fetch, on both documented paths', async () => {
      const url = DOCUMENT_EXAMPLE.replace('http://<SERVER_IP>', t.url);
      for (const target of [url, url.replace('/billing/api/', '/api/')]) {
        for (const method of ['GET', 'POST']) {
          const res = await reply(await fetch(target, { method }));
          expect(res.status).toBe(200);
          expect(res.contentType).toContain('xml');
          expect(res.body.startsWith('<?xml version="1.0" encoding="UTF-8"?><page><status><user>')).toBe(true);
          expect(userOf(res).id, `${method} ${target}`).toBe('5');
        }
      }
    });

    it('returns user 5 to the real curl binary, GET and POST', async () => {
      const url = DOCUMENT_EXAMPLE.replace('http://<SERVER_IP>', t.url);
      for (const args of [['-sS', url], ['-sS', '-X', 'POST', url], ['-sS', '--data', 'u=admin&user_id=5&hash=80ea571b1932bfecb937013966849154cb995e05', `${t.url}${PATH}`]]) {
        const { stdout } = await run('curl', args);
        const user = child(child(parseXml(stdout), 'status')!, 'user')!;
        expect(child(user, 'id')!.text, args.join(' ')).toBe('5');
      }
    });

    it('answers every documented field in order and never the omitted secrets', async () => {
      const res = await signed('admin', 5);
      const user = child(child(res.root, 'status')!, 'user')!;
      expect(user.children.map((c) => c.local)).toEqual([...USER_DETAIL_FIELDS]);
      // The document's malformed `<routing_threshold>.../routing_threshold>` is a proper element.
      expect(USER_DETAIL_FIELDS).toContain('routing_threshold');
      for (const secret of ['password', 'uniquehash', 'two_fa_authenticator_secret']) expect(USER_DETAIL_FIELDS).not.toContain(secret);
      expect(res.body).not.toMatch(/scrypt\$|<password>|<uniquehash>/);
    });
  });

  describe('the hash', () => {
    it('covers the values in documented order, whatever order the request lists them in', async () => {
      const hash = sign('admin', 5);
      for (const query of [`u=admin&user_id=5&hash=${hash}`, `user_id=5&hash=${hash}&u=admin`, `hash=${hash}&user_id=5&u=admin`]) {
        expect(userOf(await get(query)).id, query).toBe('5');
      }
      // Concatenated in another order, or without the secret, it is wrong.
      for (const wrong of [sha1('5adminsecret'), sha1('secretadmin5'), sha1('admin5'), sign('admin', 5, 'other')]) {
        expect(errorOf(await get(`u=admin&user_id=5&hash=${wrong}`))).toBe('Incorrect hash');
      }
      // Hex digits in upper case are the same digest.
      expect(userOf(await get(`u=admin&user_id=5&hash=${hash.toUpperCase()}`)).id).toBe('5');
    });

    it('binds the user id: a hash made for user 5 does not open user 6', async () => {
      expect(errorOf(await get(`u=admin&user_id=6&hash=${sign('admin', 5)}`))).toBe('Incorrect hash');
    });

    it('is compared in constant time (shared/secrets safeEqual)', async () => {
      const safeEqual = vi.mocked(secrets.safeEqual);
      safeEqual.mockClear();
      const wrong = sha1('not the hash');
      expect(errorOf(await get(`u=admin&user_id=5&hash=${wrong}`))).toBe('Incorrect hash');
      expect(safeEqual).toHaveBeenCalledWith(sign('admin', 5), wrong);
      safeEqual.mockClear();
      await get(`u=admin&user_id=5&hash=${sign('admin', 5)}`);
      expect(safeEqual).toHaveBeenCalledWith(sign('admin', 5), sign('admin', 5));
    });

    it('follows the operator secret: after a change the old signature fails and the new one works', async () => {
      await setOperator({ secret: 'n3w-secret' });
      expect(errorOf(await signed('admin', 5))).toBe('Incorrect hash');
      expect(userOf(await post({ u: 'admin', user_id: '5', hash: sign('admin', 5, 'n3w-secret') })).id).toBe('5');
    });
  });

  describe('documented errors, in the documented <status><error> shape', () => {
    const expectError = (res: Reply, text: string) => {
      expect(res.status).toBe(200);
      expect(res.body).toBe(`<?xml version="1.0" encoding="UTF-8"?><page><status><error>${text}</error></status></page>`);
    };

    it('API Requests are disabled: "Allow API globally" unchecked, for GET and POST, even with a valid hash', async () => {
      await setOperator({ apiEnabled: false });
      expectError(await signed('admin', 5, 'POST'), 'API Requests are disabled');
      expectError(await signed('admin', 5, 'GET'), 'API Requests are disabled');
    });

    it('API Requests are disabled: the operator has no API secret', async () => {
      await setOperator({ secret: null });
      expectError(await signed('admin', 5), 'API Requests are disabled');
    });

    it('GET Requests are disabled: "Allow GET API" unchecked refuses GET only', async () => {
      await setOperator({ apiGetEnabled: false });
      expectError(await signed('admin', 5, 'GET'), 'GET Requests are disabled');
      expect(userOf(await signed('admin', 5, 'POST')).id).toBe('5');
    });

    it('Access Denied: unknown, missing or inactive user, or a role other than admin and manager', async () => {
      expectError(await post({ u: 'nobody', user_id: '5', hash: sign('nobody', 5) }), 'Access Denied');
      expectError(await post({ user_id: '5', hash: sign('', 5) }), 'Access Denied');
      for (const role of ['collector', 'installer', 'crm', 'demo']) expectError(await signed(role, 5), 'Access Denied');
      await db.execute(sql`update staff_users set active = false where username = 'manager'`);
      try {
        expectError(await signed('manager', 5), 'Access Denied');
      } finally {
        await db.execute(sql`update staff_users set active = true where username = 'manager'`);
      }
    });

    it('Incorrect hash: wrong or missing hash', async () => {
      expectError(await post({ u: 'admin', user_id: '5', hash: 'deadbeef' }), 'Incorrect hash');
      expectError(await post({ u: 'admin', user_id: '5' }), 'Incorrect hash');
    });

    it('You are not authorized to view this page: a manager restricted to assigned users asks for another', async () => {
      const assigned = await rows<{ id: number }>(db, sql`select customer_id as id from staff_customer_assignments a join staff_users s on s.id = a.staff_user_id
        where s.username = 'manager' and a.purpose = 'management' order by customer_id`);
      const assignedIds = assigned.map((r) => r.id);
      expect(assignedIds.length).toBeGreaterThan(0);
      expect(userOf(await signed('manager', assignedIds[0]!)).id).toBe(String(assignedIds[0]));
      const unassigned = 200;
      expect(assignedIds).not.toContain(unassigned);
      expectError(await signed('manager', unassigned), 'You are not authorized to view this page');
      // The admin sees everyone; a manager without the restriction too.
      expect(userOf(await signed('admin', unassigned)).id).toBe(String(unassigned));
      await db.execute(sql`update staff_users set show_only_assigned_customers = false where username = 'manager'`);
      try {
        expect(userOf(await signed('manager', unassigned)).id).toBe(String(unassigned));
      } finally {
        await db.execute(sql`update staff_users set show_only_assigned_customers = true where username = 'manager'`);
      }
    });

    it('You are not authorized to view this page: nobody retrieves their own account', async () => {
      // The admin's own subscriber record: the customer who logs in as `admin`.
      const before = await updatedAt(7);
      await customerUpdate(7, { portalUsername: 'Admin' });
      expectError(await signed('admin', 7), 'You are not authorized to view this page');
      // The manager's: the assigned customer with the manager's e-mail address.
      await customerUpdate(8, { email: 'MANAGER@demo.example' });
      expectError(await signed('manager', 8), 'You are not authorized to view this page');
      // Each may still read the other's.
      expect(userOf(await signed('manager', 7)).username).toBe('Admin');
      expect(userOf(await signed('admin', 8)).main_email).toBe('MANAGER@demo.example');
      expect(await updatedAt(7)).not.toBe(before);
    });

    it('User was not found: no such user in the operator', async () => {
      expectError(await signed('admin', 99999), 'User was not found');
      expectError(await signed('manager', 99999), 'User was not found');
    });

    it('a user id that is not a number is refused after the hash; an unknown parameter is ignored; neither changes anything', async () => {
      const before = await updatedAt(5);
      const bad = await post({ u: 'admin', user_id: 'five', hash: sign('admin', 'five') });
      expect(errorOf(bad)).toMatch(/user_id: expected a whole number/);
      const extra = await post({ u: 'admin', user_id: '5', hash: sign('admin', 5), balance: '1000' });
      expect(errorOf(extra)).toBeUndefined();
      expect(await updatedAt(5)).toBe(before);
    });

    it('an unreadable body is a 400 in the same error shape', async () => {
      const res = await reply(await fetch(`${t.url}${PATH}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"u":' }));
      expect(res.status).toBe(400);
      expect(errorOf(res)).toMatch(/malformed JSON/);
    });
  });

  describe('the same user as the GraphQL graph', () => {
    interface GraphCustomer {
      legacyId: number;
      name: string;
      invoicingId: string;
      portalUsername: string | null;
      email: string | null;
      accountsEmail: string | null;
      supportEmail: string | null;
      phone: string | null;
      website: string | null;
      note: string | null;
      accessState: string;
      invoicingEnabled: boolean;
      creditDays: number | null;
      startDate: string | null;
      billingFrequencyMonths: number;
      servicePlan: { legacyId: number } | null;
      reseller: { legacyId: number } | null;
      billingAddress: { country: string | null };
      invoices: { nodes: { total: string; status: string }[]; totalCount: number };
      payments: { nodes: { amount: string }[]; totalCount: number };
    }

    const cents = (amount: string) => Math.round(Number(amount) * 100);

    it.each([5, 1, 42])('user %i: identity, contact, plan, state and balance agree', async (id) => {
      const graph = await t.gql<{ customer: GraphCustomer }>(
        `query($id: Int!) { customer(legacyId: $id) { legacyId name invoicingId portalUsername email accountsEmail supportEmail phone website note
          accessState invoicingEnabled creditDays startDate billingFrequencyMonths servicePlan { legacyId } reseller { legacyId }
          billingAddress { country } invoices(first: 100) { nodes { total status } totalCount } payments(first: 100) { nodes { amount } totalCount } } }`,
        { id },
      );
      expect(graph.errors).toBeUndefined();
      const c = graph.data.customer;
      const user = userOf(await signed('admin', id));
      const [first, ...rest] = c.name.trim().split(/\s+/);
      expect(user).toMatchObject({
        id: String(c.legacyId),
        username: c.portalUsername ?? c.invoicingId,
        usertype: 'user',
        first_name: first,
        last_name: rest.join(' '),
        clientid: c.invoicingId,
        main_email: c.email ?? '',
        billing_email: c.accountsEmail ?? '',
        noc_email: c.supportEmail ?? '',
        phone: c.phone ?? '',
        web_address: c.website ?? '',
        comment: c.note ?? '',
        user_status: c.accessState.toLowerCase(),
        blocked: ['BLOCKED', 'BLACKLISTED', 'SUSPENDED'].includes(c.accessState) ? '1' : '0',
        generate_invoice: c.invoicingEnabled ? '1' : '0',
        invoice_grace_period: c.creditDays === null ? '' : String(c.creditDays),
        agreement_date: c.startDate ?? '',
        tariff_id: c.servicePlan ? String(c.servicePlan.legacyId) : '',
        owner_id: c.reseller ? String(c.reseller.legacyId) : '',
        taxation_country: c.billingAddress.country ?? '',
      });
      // Balance: paid minus invoiced (void invoices excluded), positive when in credit.
      expect(c.invoices.totalCount).toBeLessThanOrEqual(100);
      expect(c.payments.totalCount).toBeLessThanOrEqual(100);
      const invoiced = c.invoices.nodes.filter((i) => i.status !== 'VOID').reduce((sum, i) => sum + cents(i.total), 0);
      const paid = c.payments.nodes.reduce((sum, p) => sum + cents(p.amount), 0);
      expect(cents(user.balance!)).toBe(paid - invoiced);
      // Fields without a counterpart in the subscriber model are present and empty.
      expect(user.logged).toBe('');
      expect(user.two_fa_enabled).toBe('');
    });

    it('shows a change made through GraphQL', async () => {
      await customerUpdate(9, { phone: '+353 1 555 0199', note: 'Moved to <fibre> & happy' });
      const user = userOf(await signed('admin', 9));
      expect(user.phone).toBe('+353 1 555 0199');
      expect(user.comment).toBe('Moved to <fibre> & happy');
    });
  });

  it('is declared once in the catalogue with its routes', () => {
    expect(M4_OPERATIONS.map((op) => op.name)).toEqual(['user_details_raw_get']);
    const routes = M4_OPERATIONS[0]!.routes!.map((r) => `${r.method} ${r.path}`);
    expect(routes).toEqual(expect.arrayContaining(['GET /billing/api/user_details_raw_get', 'POST /billing/api/user_details_raw_get', 'GET /api/user_details_raw_get', 'POST /api/user_details_raw_get']));
    // Its GraphQL equivalent names a root field that exists.
    const schema = buildSchema(readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8'));
    const match = /^query ([A-Za-z]+)/.exec(M4_OPERATIONS[0]!.graphql);
    expect(schema.getQueryType()!.getFields()[match![1]!]).toBeDefined();
  });
});
