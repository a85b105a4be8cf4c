/**
 * End-user-portal logins through GraphQL (SIMPLer checkEUPLogin, Jaze E38 recover_password):
 * login by portal username or by invoicing id, one indistinguishable error for every bad login,
 * password set rules, and recovery that replaces the password and sends it through the
 * message service (captured here) without keeping it in clear anywhere.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { enabledEngines } from '../helpers/engines';
import { startTestApp, type TestApp } from '../helpers/app';
import { rows } from '../helpers/sql';
import { resetMessageTransport, setMessageTransport, type OutgoingMessage } from '../../src/support/message-transport';
import { toGlobalId } from '../../src/graphql/global-id';

type UserErrors = { field: string[]; message: string; code: string }[];
const INVALID_LOGIN = [{ field: [], message: 'invalid username/password', code: 'INVALID' }];
const sent: OutgoingMessage[] = [];

describe.each(enabledEngines())('GraphQL portal logins on %s', (engine) => {
  let t: TestApp;
  let dana: { id: string; legacyId: number };
  let eoin: { id: string; legacyId: number };
  const one = async (query: ReturnType<typeof sql>) => (await rows<Record<string, unknown>>(t.database.handle.db, query))[0];
  const ok = async <T>(query: string, variables?: Record<string, unknown>) => {
    const res = await t.gql<T>(query, variables);
    expect(res.errors).toBeUndefined();
    return res.data;
  };
  const login = (username: string, password: string) =>
    ok<{ customerPortalLoginCheck: { customer: { id: string; legacyId: number } | null; userErrors: UserErrors } }>(
      `mutation($input: CustomerPortalLoginCheckInput!) { customerPortalLoginCheck(input: $input) { customer { id legacyId } userErrors { field message code } } }`,
      { input: { username, password } },
    ).then((d) => d.customerPortalLoginCheck);
  const setPassword = (customerId: string, password: string) =>
    ok<{ customerPortalPasswordUpdate: { customer: { id: string; hasPortalPassword: boolean } | null; userErrors: UserErrors } }>(
      `mutation($input: CustomerPortalPasswordUpdateInput!) { customerPortalPasswordUpdate(input: $input) { customer { id hasPortalPassword } userErrors { field message code } } }`,
      { input: { customerId, password } },
    ).then((d) => d.customerPortalPasswordUpdate);
  const recover = (input: Record<string, unknown>) =>
    ok<{ customerPortalPasswordRecover: { customer: { id: string } | null; message: { channel: string; recipient: string; body: string; status: string; template: string } | null; userErrors: UserErrors } }>(
      `mutation($input: CustomerPortalPasswordRecoverInput!) { customerPortalPasswordRecover(input: $input) {
        customer { id } message { channel recipient body status template } userErrors { field message code } } }`,
      { input },
    ).then((d) => d.customerPortalPasswordRecover);
  const hashOf = async (id: number) => (await one(sql`select portal_password_hash as h from customers where id = ${id}`))!.h as string | null;
  const createCustomer = async (input: Record<string, unknown>) =>
    (
      await ok<{ customerCreate: { customer: { id: string; legacyId: number }; userErrors: UserErrors } }>(
        `mutation($input: CustomerCreateInput!) { customerCreate(input: $input) { customer { id legacyId } userErrors { message } } }`,
        { input },
      )
    ).customerCreate.customer;

  beforeAll(async () => {
    t = await startTestApp(engine);
    const capture = { name: 'capture', send: async (m: OutgoingMessage) => (sent.push(m), { ok: true }) };
    setMessageTransport('sms', capture);
    setMessageTransport('email', capture);
    dana = await createCustomer({ name: 'Dana Kelly', nickname: 'dana_k', invoicingId: 'EUP-DANA', portalUsername: 'dana', portalPassword: 'first-pass', phone: '+353 86 555 0101', email: 'Dana.Kelly@eup.example' });
    eoin = await createCustomer({ name: 'Eoin Ryan', nickname: 'eoin_r', invoicingId: 'EUP-EOIN', portalPassword: 'eoin-pass', phone: '+353865550202', email: 'eoin@eup.example' });
  });
  beforeEach(() => {
    sent.length = 0;
  });
  afterAll(async () => {
    resetMessageTransport();
    await t?.stop();
  });

  it('accepts the portal username, or the invoicing id when there is none, and refuses everything else alike', async () => {
    expect(await login('dana', 'first-pass')).toEqual({ customer: { id: dana.id, legacyId: dana.legacyId }, userErrors: [] });
    expect(await login('EUP-EOIN', 'eoin-pass')).toEqual({ customer: { id: eoin.id, legacyId: eoin.legacyId }, userErrors: [] });
    // a demo customer: portal username = invoicing id, password "portal"
    const demo = (await one(sql`select id, portal_username as u from customers where portal_username is not null and id not in (${dana.legacyId}, ${eoin.legacyId}) order by id limit 1`)) as { id: number; u: string };
    expect((await login(demo.u, 'portal')).customer?.legacyId).toBe(demo.id);
    const bad = [
      ['dana', 'wrong-pass'],
      ['dana', ''],
      ['DANA', 'first-pass'],
      ['EUP-DANA', 'first-pass'], // has a portal username, so the invoicing id is not a login
      ['nobody-here', 'first-pass'],
      ['', ''],
    ];
    for (const [username, password] of bad) expect(await login(username!, password!), `${username}/${password}`).toEqual({ customer: null, userErrors: INVALID_LOGIN });
  });

  it('refuses a customer without a portal password with the same error', async () => {
    const fin = await createCustomer({ name: 'Fin Doyle', nickname: 'fin_d', invoicingId: 'EUP-FIN' });
    expect(await hashOf(fin.legacyId)).toBeNull();
    expect(await login('EUP-FIN', '')).toEqual({ customer: null, userErrors: INVALID_LOGIN });
    expect(await login('EUP-FIN', 'anything')).toEqual({ customer: null, userErrors: INVALID_LOGIN });
  });

  it('sets the password as a hash, refusing bad input without a change', async () => {
    const before = await hashOf(eoin.legacyId);
    expect(await setPassword(eoin.id, 'abc')).toEqual({ customer: null, userErrors: [{ field: ['input', 'password'], message: 'portal password must have at least 4 characters', code: 'INVALID' }] });
    expect((await setPassword(eoin.id, 'x'.repeat(129))).userErrors[0]!.field).toEqual(['input', 'password']);
    expect((await setPassword(toGlobalId('Customer', 999999), 'good-pass')).userErrors).toEqual([{ field: ['input', 'customerId'], message: 'customer 999999 does not exist', code: 'NOT_FOUND' }]);
    expect((await setPassword(toGlobalId('Plan', eoin.legacyId), 'good-pass')).userErrors[0]!.code).toBe('INVALID');
    expect(await hashOf(eoin.legacyId)).toBe(before);

    expect(await setPassword(eoin.id, 'second-pass')).toEqual({ customer: { id: eoin.id, hasPortalPassword: true }, userErrors: [] });
    const hash = await hashOf(eoin.legacyId);
    expect(hash).toMatch(/^scrypt\$/);
    expect(hash).not.toContain('second-pass');
    expect((await login('EUP-EOIN', 'eoin-pass')).customer).toBeNull();
    expect((await login('EUP-EOIN', 'second-pass')).customer?.id).toBe(eoin.id);
    const entry = await one(sql`select changes::text as c from audit_log where action = 'customer.portalPassword.set' and entity_id = ${eoin.legacyId}`);
    expect(entry!.c).not.toContain('second-pass');
  });

  it('recovers by e-mail (any case): a new password is sent, works, and is stored nowhere in clear', async () => {
    const res = await recover({ email: 'dana.kelly@EUP.example' });
    expect(res.userErrors).toEqual([]);
    expect(res.customer).toEqual({ id: dana.id });
    expect(res.message).toMatchObject({ channel: 'EMAIL', recipient: 'Dana.Kelly@eup.example', status: 'SUCCESS', template: 'RECOVER_PASSWORD' });
    expect(sent).toHaveLength(1);
    const password = /Password: (\S+)/.exec(sent[0]!.body)![1]!;
    expect(password).toMatch(/^[A-Za-z2-9]{10}$/);
    expect(sent[0]!.body).toContain('Username: dana');
    expect(res.message!.body).toContain('Password: ********');
    expect(res.message!.body).not.toContain(password);
    const stored = await one(sql`select count(*)::int as n from messages where body like ${'%' + password + '%'}`);
    expect(stored!.n).toBe(0);
    expect((await login('dana', 'first-pass')).customer).toBeNull();
    expect((await login('dana', password)).customer?.id).toBe(dana.id);
  });

  it('recovers by phone, comparing digits, and sends an SMS', async () => {
    const res = await recover({ phone: '353865550101' });
    expect(res.userErrors).toEqual([]);
    expect(res.message).toMatchObject({ channel: 'SMS', recipient: '+353 86 555 0101' });
    expect(sent.map((s) => [s.channel, s.recipient])).toEqual([['sms', '+353 86 555 0101']]);
    const password = /Password: (\S+)/.exec(sent[0]!.body)![1]!;
    expect((await login('dana', password)).customer?.id).toBe(dana.id);
  });

  it('refuses bad, unknown and ambiguous recoveries without changing or sending anything', async () => {
    await createCustomer({ name: 'Gail Twin', nickname: 'gail_t', invoicingId: 'EUP-GAIL', email: 'twins@eup.example', portalPassword: 'gail-pass' });
    await createCustomer({ name: 'Hugh Twin', nickname: 'hugh_t', invoicingId: 'EUP-HUGH', email: 'TWINS@eup.example', portalPassword: 'hugh-pass' });
    const hashes = async () => (await rows<{ h: string }>(t.database.handle.db, sql`select portal_password_hash as h from customers order by id`)).map((r) => r.h);
    const before = await hashes();
    const messagesBefore = (await one(sql`select count(*)::int as n from messages`))!.n;
    const cases: [Record<string, unknown>, { field: string[]; code: string }][] = [
      [{}, { field: [], code: 'INVALID' }],
      [{ phone: '353865550101', email: 'eoin@eup.example' }, { field: [], code: 'INVALID' }],
      [{ phone: '12' }, { field: ['input', 'phone'], code: 'INVALID' }],
      [{ email: 'nobody@eup.example' }, { field: ['input', 'email'], code: 'NOT_FOUND' }],
      [{ phone: '+1 555 000 0000' }, { field: ['input', 'phone'], code: 'NOT_FOUND' }],
      [{ email: 'twins@eup.example' }, { field: ['input', 'email'], code: 'CONFLICT' }],
    ];
    for (const [input, expected] of cases) {
      const res = await recover(input);
      expect(res.customer, JSON.stringify(input)).toBeNull();
      expect(res.userErrors, JSON.stringify(input)).toEqual([expect.objectContaining(expected)]);
    }
    expect((await recover({ email: 'twins@eup.example' })).userErrors[0]!.message).toMatch(/more than one customer has the e-mail address/);
    expect(await hashes()).toEqual(before);
    expect((await one(sql`select count(*)::int as n from messages`))!.n).toBe(messagesBefore);
    expect(sent).toEqual([]);
  });
});
