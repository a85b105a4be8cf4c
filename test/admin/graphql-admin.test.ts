/**
 * GraphQL administration and staff login: an admin creates and changes staff users, issues and
 * revokes tokens, SIMPLer credentials (with their access list) and CRM keys, and sets the M4
 * secret — each working (or refused) on its own surface at once; a manager is refused every
 * one of them with FORBIDDEN and nothing changes; another operator's ids are NOT_FOUND; secrets
 * are returned once and no listing has a field for them. staffLogin needs no token, answers
 * every bad login alike, is throttled, and its sessions expire and end at staffLogout.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../src/db/seed/demo';
import { sha256Hex } from '../../src/shared/secrets';
import * as operatorService from '../../src/tenancy/operator.service';
import * as staffUserService from '../../src/tenancy/staff-user.service';
import * as apiTokenService from '../../src/tenancy/api-token.service';
import { toGlobalId } from '../../src/graphql/global-id';
import { enabledEngines } from '../helpers/engines';
import { startTestApp, type TestApp } from '../helpers/app';
import { rows } from '../helpers/sql';

const sha1 = (text: string) => createHash('sha1').update(text, 'utf8').digest('hex');

interface UserErrors {
  userErrors: { field: string[]; message: string; code: string }[];
}

const LOGIN = `mutation Login($input: StaffLoginInput!) {
  staffLogin(input: $input) { token expiresAt staffUser { username role lastLoginAt } userErrors { field message code } }
}`;

describe.each(enabledEngines())('GraphQL administration and staff login on %s', (engine) => {
  let t: TestApp;
  let managerToken: string;
  let otherOperator: { staffUserId: number; tokenId: number };
  /** Every secret the tests had issued or set, for the audit check at the end. */
  const secrets: string[] = [];

  beforeAll(async () => {
    t = await startTestApp(engine);
    // Another operator with a user and a token, made by the services (as the CLI does).
    const db = t.database.handle.db;
    const other = await operatorService.create(db, { code: 'other', name: 'Other ISP' });
    const ctx = { db, actor: operatorService.systemActor(other.id) };
    const user = await staffUserService.create(ctx, { username: 'admin', role: 'admin', password: 'another long password' });
    const issued = await apiTokenService.create(ctx, { staffUserId: user.id, label: 'other' });
    otherOperator = { staffUserId: user.id, tokenId: issued.apiToken.id };
  }, 120_000);
  afterAll(() => t?.stop());

  const login = (operator: string, username: string, password: string) =>
    t.gql<{ staffLogin: UserErrors & { token: string | null; expiresAt: string | null; staffUser: { username: string; role: string; lastLoginAt: string | null } | null } }>(
      LOGIN,
      { input: { operator, username, password } },
      null,
    );
  const postJson = async (path: string, body: unknown, headers: Record<string, string> = {}) =>
    (await (await fetch(`${t.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })).json()) as Record<string, unknown>;
  const staffUserId = async (username: string) => {
    const res = await t.gql<{ staffUsers: { id: string; username: string }[] }>('{ staffUsers { id username } }');
    return res.data.staffUsers.find((u) => u.username === username)!.id;
  };

  it('logs a demo user in without a token; the session token works and lastLoginAt is set', async () => {
    const res = await login('demo', 'manager', DEMO.adminPassword);
    expect(res.status).toBe(200);
    expect(res.data.staffLogin.userErrors).toEqual([]);
    expect(res.data.staffLogin.staffUser).toMatchObject({ username: 'manager', role: 'MANAGER' });
    expect(res.data.staffLogin.staffUser!.lastLoginAt).not.toBeNull();
    managerToken = res.data.staffLogin.token!;
    expect(managerToken).toMatch(/^isp_[A-Za-z0-9_-]{43}$/);
    const hours = (Date.parse(res.data.staffLogin.expiresAt!) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(11.9);
    expect(hours).toBeLessThanOrEqual(12);
    const me = await t.gql<{ customers: { totalCount: number } }>('{ customers(first: 1) { totalCount } }', undefined, managerToken);
    expect(me.data.customers.totalCount).toBe(DEMO.customers);
  });

  it('lets nothing but staffLogin through without a token', async () => {
    expect((await t.gql('{ customers(first: 1) { totalCount } }', undefined, null)).status).toBe(401);
    const mixed = await t.gql(`mutation { staffLogin(input: {operator: "demo", username: "x", password: "y"}) { token } staffLogout { userErrors { code } } }`, undefined, null);
    expect(mixed.status).toBe(401);
    const twoOps = await t.gql(`mutation A { staffLogin(input: {operator: "demo", username: "x", password: "y"}) { token } } query B { customers(first: 1) { totalCount } }`, undefined, null);
    expect(twoOps.status).toBe(401);
  });

  it('answers a wrong password, an unknown user and an unknown operator alike', async () => {
    const answers = await Promise.all([login('demo', 'admin', 'not the password'), login('demo', 'nobody', 'whatever'), login('nowhere', 'admin', DEMO.adminPassword)]);
    for (const res of answers) {
      expect(res.data.staffLogin.token).toBeNull();
      expect(res.data.staffLogin.userErrors).toEqual([{ field: [], message: 'invalid operator, username or password', code: 'UNAUTHENTICATED' }]);
    }
  });

  it('throttles a user after repeated failures, without checking the password meanwhile', async () => {
    for (let i = 0; i < 5; i++) expect((await login('demo', 'installer', `wrong ${i}`)).data.staffLogin.userErrors[0]!.code).toBe('UNAUTHENTICATED');
    const blocked = await login('demo', 'installer', DEMO.adminPassword);
    expect(blocked.data.staffLogin.token).toBeNull();
    expect(blocked.data.staffLogin.userErrors[0]).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    expect(blocked.data.staffLogin.userErrors[0]!.message).toMatch(/retry in \d+ s/);
  });

  it('refuses an expired session token, and ends a session at staffLogout', async () => {
    const first = (await login('demo', 'collector', DEMO.adminPassword)).data.staffLogin.token!;
    await t.database.handle.db.execute(sql`update api_tokens set expires_at = now() - interval '1 second' where token_hash = ${sha256Hex(first)}`);
    expect((await t.gql('{ customers(first: 1) { totalCount } }', undefined, first)).status).toBe(401);

    const second = (await login('demo', 'collector', DEMO.adminPassword)).data.staffLogin.token!;
    expect((await t.gql('{ customers(first: 1) { totalCount } }', undefined, second)).status).toBe(200);
    const out = await t.gql<{ staffLogout: UserErrors & { apiToken: { label: string; revokedAt: string | null } } }>('mutation { staffLogout { apiToken { label revokedAt } userErrors { code } } }', undefined, second);
    expect(out.data.staffLogout.apiToken.label).toBe('staff login');
    expect(out.data.staffLogout.apiToken.revokedAt).not.toBeNull();
    expect((await t.gql('{ customers(first: 1) { totalCount } }', undefined, second)).status).toBe(401);
  });

  it('lets an admin create a staff user, change it and set its password; the new password logs in', async () => {
    const created = await t.gql<{ staffUserCreate: UserErrors & { staffUser: { id: string; username: string; role: string; displayName: string } } }>(
      `mutation($input: StaffUserCreateInput!) { staffUserCreate(input: $input) { staffUser { id username role displayName } userErrors { field message code } } }`,
      { input: { username: 'nora', role: 'STAFF', displayName: 'Nora Desk', password: 'a first long password' } },
    );
    expect(created.data.staffUserCreate.userErrors).toEqual([]);
    const id = created.data.staffUserCreate.staffUser.id;
    const tooShort = await t.gql<{ staffUserCreate: UserErrors }>(`mutation { staffUserCreate(input: {username: "nora", role: STAFF, password: "short"}) { userErrors { field message code } } }`);
    expect(tooShort.data.staffUserCreate.userErrors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: ['input', 'password'], code: 'INVALID' })]),
    );
    const taken = await t.gql<{ staffUserCreate: UserErrors }>(`mutation { staffUserCreate(input: {username: "nora", role: STAFF}) { userErrors { field code } } }`);
    expect(taken.data.staffUserCreate.userErrors).toEqual([{ field: ['input', 'username'], code: 'CONFLICT' }]);

    const updated = await t.gql<{ staffUserUpdate: UserErrors & { staffUser: { role: string; active: boolean } } }>(
      `mutation($id: ID!) { staffUserUpdate(input: {id: $id, role: MANAGER, active: true}) { staffUser { role active } userErrors { code } } }`,
      { id },
    );
    expect(updated.data.staffUserUpdate.staffUser).toEqual({ role: 'MANAGER', active: true });
    expect((await login('demo', 'nora', 'a first long password')).data.staffLogin.token).toBeTruthy();
    const set = await t.gql<{ staffUserPasswordUpdate: UserErrors }>(`mutation($id: ID!) { staffUserPasswordUpdate(input: {id: $id, password: "the second long password"}) { userErrors { code } } }`, { id });
    expect(set.data.staffUserPasswordUpdate.userErrors).toEqual([]);
    expect((await login('demo', 'nora', 'a first long password')).data.staffLogin.token).toBeNull();
    expect((await login('demo', 'nora', 'the second long password')).data.staffLogin.token).toBeTruthy();

    const deactivated = await t.gql<{ staffUserUpdate: UserErrors }>(`mutation($id: ID!) { staffUserUpdate(input: {id: $id, active: false}) { userErrors { code } } }`, { id });
    expect(deactivated.data.staffUserUpdate.userErrors).toEqual([]);
    expect((await login('demo', 'nora', 'the second long password')).data.staffLogin.token).toBeNull();
    // The demo's only admin cannot be demoted: nobody would be left to administer the operator.
    const lastAdmin = await t.gql<{ staffUserUpdate: UserErrors }>(`mutation($id: ID!) { staffUserUpdate(input: {id: $id, role: STAFF}) { userErrors { field code } } }`, { id: await staffUserId('admin') });
    expect(lastAdmin.data.staffUserUpdate.userErrors).toEqual([{ field: ['input', 'role'], code: 'PRECONDITION_FAILED' }]);
  });

  it('issues a token once, lists it without any secret, and refuses it at once when revoked (compiled reads too)', async () => {
    const created = await t.gql<{ apiTokenCreate: UserErrors & { token: string; apiToken: { id: string; label: string; expiresAt: string } } }>(
      `mutation($input: ApiTokenCreateInput!) { apiTokenCreate(input: $input) { token apiToken { id label expiresAt staffUser { username } } userErrors { code } } }`,
      { input: { staffUserId: await staffUserId('manager'), label: 'billing export', expiresAt: new Date(Date.now() + 86_400_000).toISOString() } },
    );
    const { token, apiToken } = created.data.apiTokenCreate;
    secrets.push(token);
    expect(token).toMatch(/^isp_/);
    expect(apiToken.label).toBe('billing export');
    const read = () => t.gql<{ customers: { totalCount: number } }>('{ customers(first: 1) { totalCount } }', undefined, token);
    expect((await read()).data.customers.totalCount).toBe(DEMO.customers);
    expect((await read()).status).toBe(200); // the second read is answered by the compiled path

    const listed = await t.gql<{ apiTokens: { id: string; label: string; lastUsedAt: string | null }[] }>('{ apiTokens { id label lastUsedAt revokedAt staffUser { username } } }');
    const mine = listed.data.apiTokens.find((x) => x.id === apiToken.id)!;
    expect(mine.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(listed.data)).not.toContain(token);
    const fields = await t.gql<{ __type: { fields: { name: string }[] } }>('{ __type(name: "ApiToken") { fields { name } } }');
    expect(fields.data.__type.fields.map((f) => f.name).sort()).toEqual(['createdAt', 'expiresAt', 'id', 'label', 'lastUsedAt', 'legacyId', 'revokedAt', 'staffUser', 'updatedAt']);

    const revoked = await t.gql<{ apiTokenRevoke: UserErrors & { apiToken: { revokedAt: string } } }>(`mutation($id: ID!) { apiTokenRevoke(input: {id: $id}) { apiToken { revokedAt } userErrors { code } } }`, { id: apiToken.id });
    expect(revoked.data.apiTokenRevoke.apiToken.revokedAt).not.toBeNull();
    expect((await read()).status).toBe(401);
  });

  it('creates a SIMPLer credential accepted only from its networks, edits the list, and revokes it', async () => {
    const created = await t.gql<{ simplerCredentialCreate: UserErrors & { password: string; reachable: boolean; apiCredential: { id: string; identifier: string; allowedNetworks: { id: string; network: string }[] } } }>(
      `mutation($input: SimplerCredentialCreateInput!) { simplerCredentialCreate(input: $input) { password reachable apiCredential { id identifier kind allowedNetworks { id network operatorWide } } userErrors { field message code } } }`,
      { input: { apiUsername: 'billing-sync', staffUserId: await staffUserId('demo'), allowedNetworks: ['127.0.0.1', '::1'] } },
    );
    const { password, apiCredential, reachable } = created.data.simplerCredentialCreate;
    secrets.push(password);
    expect(reachable).toBe(true);
    expect(apiCredential.allowedNetworks.map((n) => n.network)).toEqual(['127.0.0.1/32', '::1/128']);
    const call = () => postJson('/API/getCustomerStatuses', { api_username: 'billing-sync', api_password: password });
    expect(String((await call()).result)).not.toMatch(/^ERROR/);

    const bad = await t.gql<{ simplerCredentialCreate: UserErrors }>(
      `mutation($id: ID!) { simplerCredentialCreate(input: {apiUsername: "x", staffUserId: $id, allowedNetworks: ["10.0.0.1/8"]}) { userErrors { field message code } } }`,
      { id: await staffUserId('demo') },
    );
    expect(bad.data.simplerCredentialCreate.userErrors).toEqual([{ field: ['input', 'allowedNetworks', '0'], message: expect.stringContaining('did you mean 10.0.0.0/8'), code: 'INVALID' }]);

    for (const rule of apiCredential.allowedNetworks) {
      const removed = await t.gql<{ ipAccessRuleDelete: UserErrors }>(`mutation($id: ID!) { ipAccessRuleDelete(input: {id: $id}) { deletedId userErrors { code } } }`, { id: rule.id });
      expect(removed.data.ipAccessRuleDelete.userErrors).toEqual([]);
    }
    expect(String((await call()).result)).toMatch(/^ERROR: access denied/);
    const added = await t.gql<{ ipAccessRuleCreate: UserErrors & { ipAccessRule: { network: string } } }>(
      `mutation($id: ID!) { ipAccessRuleCreate(input: {apiCredentialId: $id, network: "127.0.0.0/8"}) { ipAccessRule { network } userErrors { code } } }`,
      { id: apiCredential.id },
    );
    expect(added.data.ipAccessRuleCreate.ipAccessRule.network).toBe('127.0.0.0/8');
    expect(String((await call()).result)).not.toMatch(/^ERROR/);

    const listed = await t.gql<{ apiCredentials: { identifier: string }[] }>('{ apiCredentials(kind: SIMPLER) { identifier note allowedNetworks { network } } }');
    expect(listed.data.apiCredentials.map((c) => c.identifier)).toEqual(['billing-sync', DEMO.simpler.username]);
    expect(JSON.stringify(listed.data)).not.toContain(password);

    const revoked = await t.gql<{ simplerCredentialRevoke: UserErrors }>(`mutation($id: ID!) { simplerCredentialRevoke(input: {id: $id}) { userErrors { code } } }`, { id: apiCredential.id });
    expect(revoked.data.simplerCredentialRevoke.userErrors).toEqual([]);
    expect(String((await call()).result)).toMatch(/^ERROR: invalid api_username/);
  });

  it('creates a CRM key that the CRM API takes, and revokes it', async () => {
    const created = await t.gql<{ crmKeyCreate: UserErrors & { userId: number; apiKey: string; apiCredential: { id: string } } }>(
      `mutation($id: ID!) { crmKeyCreate(input: {staffUserId: $id}) { userId apiKey apiCredential { id kind identifier } userErrors { code } } }`,
      { id: await staffUserId('manager') },
    );
    const { userId, apiKey, apiCredential } = created.data.crmKeyCreate;
    secrets.push(apiKey);
    const list = () => postJson('/api/plan/list', { userid: userId, api_key: apiKey, rows_limit: 1 });
    expect((await list()).error).toBeNull();
    const again = await t.gql<{ crmKeyCreate: UserErrors }>(`mutation($id: ID!) { crmKeyCreate(input: {staffUserId: $id}) { userErrors { field code } } }`, { id: await staffUserId('manager') });
    expect(again.data.crmKeyCreate.userErrors).toEqual([{ field: ['input', 'staffUserId'], code: 'CONFLICT' }]);
    await t.gql(`mutation($id: ID!) { crmKeyRevoke(input: {id: $id}) { userErrors { code } } }`, { id: apiCredential.id });
    expect((await list()).error).not.toBeNull();
  });

  it('sets the M4 secret write-only; the new secret signs, the old one no longer does', async () => {
    const secret = 'a-fresh-m4-secret-0123456789';
    secrets.push(secret, 'a first long password', 'the second long password');
    const res = await t.gql<{ m4SettingsUpdate: UserErrors & { m4Settings: Record<string, boolean> } }>(
      `mutation($secret: String!) { m4SettingsUpdate(input: {secret: $secret, apiGetEnabled: true}) { m4Settings { secretSet apiEnabled apiGetEnabled } userErrors { code } } }`,
      { secret },
    );
    expect(res.data.m4SettingsUpdate.m4Settings).toEqual({ secretSet: true, apiEnabled: true, apiGetEnabled: true });
    expect(JSON.stringify(res.data)).not.toContain(secret);
    const m4 = async (s: string) => (await fetch(`${t.url}/billing/api/user_details_raw_get?u=admin&user_id=5&hash=${sha1(`admin5${s}`)}`)).text();
    expect(await m4(secret)).toContain('<id>5</id>');
    expect(await m4(DEMO.m4.apiSecret)).toContain('Incorrect hash');
  });

  it('refuses every administrative mutation and query to a manager with FORBIDDEN, changing nothing', async () => {
    const count = async () => (await rows<{ n: number }>(t.database.handle.db, sql`select (select count(*) from staff_users) + (select count(*) from api_tokens) + (select count(*) from api_credentials) + (select count(*) from ip_access_rules) as n`))[0]!.n;
    const before = await count();
    const managerId = await staffUserId('manager');
    const mutations: [string, Record<string, unknown>][] = [
      ['staffUserCreate(input: {username: "eve", role: ADMIN, password: "a long enough password"})', {}],
      [`staffUserUpdate(input: {id: "${managerId}", role: ADMIN})`, {}],
      [`staffUserPasswordUpdate(input: {id: "${managerId}", password: "a long enough password"})`, {}],
      [`apiTokenCreate(input: {staffUserId: "${managerId}"})`, {}],
      [`simplerCredentialCreate(input: {apiUsername: "eve", staffUserId: "${managerId}", allowedNetworks: ["0.0.0.0/0"]})`, {}],
      [`crmKeyCreate(input: {staffUserId: "${managerId}"})`, {}],
      ['ipAccessRuleCreate(input: {network: "0.0.0.0/0"})', {}],
      ['m4SettingsUpdate(input: {secret: "manager-chosen-secret-123"})', {}],
    ];
    for (const [mutation] of mutations) {
      const res = await t.gql<Record<string, UserErrors>>(`mutation { ${mutation} { userErrors { code } } }`, undefined, managerToken);
      expect(Object.values(res.data)[0]!.userErrors, mutation).toEqual([{ code: 'FORBIDDEN' }]);
    }
    for (const query of ['{ apiTokens { id } }', '{ apiCredentials { id } }', '{ m4Settings { secretSet } }']) {
      const res = await t.gql(query, undefined, managerToken);
      expect(res.errors?.[0]?.extensions?.code, query).toBe('FORBIDDEN');
    }
    expect(await count()).toBe(before);
  });

  it("answers NOT_FOUND for another operator's staff users and tokens", async () => {
    for (const [mutation, id] of [
      ['staffUserUpdate(input: {id: $id, active: false})', toGlobalId('StaffUser', otherOperator.staffUserId)],
      ['staffUserPasswordUpdate(input: {id: $id, password: "a long enough password"})', toGlobalId('StaffUser', otherOperator.staffUserId)],
      ['apiTokenRevoke(input: {id: $id})', toGlobalId('ApiToken', otherOperator.tokenId)],
    ] as const) {
      const res = await t.gql<Record<string, UserErrors>>(`mutation($id: ID!) { ${mutation} { userErrors { code } } }`, { id });
      expect(Object.values(res.data)[0]!.userErrors, mutation).toEqual([{ code: 'NOT_FOUND' }]);
    }
    const revokedAt = await rows<{ revoked_at: Date | null }>(t.database.handle.db, sql`select revoked_at from api_tokens where id = ${otherOperator.tokenId}`);
    expect(revokedAt[0]!.revoked_at).toBeNull();
  });

  it('records every administrative write in the audit log, by whom and through which surface, without a secret', async () => {
    const entries = await rows<{ action: string; surface: string; staff_user_id: number | null; changes: string | null }>(
      t.database.handle.db,
      sql`select action, surface::text, staff_user_id, changes::text from audit_log where action like 'staffUser.%' or action like 'apiToken.%' or action like 'apiCredential.%' or action like 'ipAccessRule.%' or action like 'operator.%'`,
    );
    const actions = new Set(entries.map((e) => e.action));
    for (const action of ['operator.create', 'staffUser.create', 'staffUser.update', 'staffUser.setPassword', 'apiToken.create', 'apiToken.revoke', 'apiCredential.create', 'apiCredential.revoke', 'ipAccessRule.add', 'ipAccessRule.remove', 'operator.m4Settings']) {
      expect(actions, action).toContain(action);
    }
    expect(entries.filter((e) => e.action === 'staffUser.create' && e.surface === 'graphql').every((e) => e.staff_user_id != null)).toBe(true);
    expect(secrets).toHaveLength(6);
    const text = JSON.stringify(entries);
    for (const secret of secrets) expect(text.includes(secret)).toBe(false);
  });
});
