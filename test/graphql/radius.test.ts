/**
 * RADIUS writes through GraphQL, cross-checked with FreeRADIUS's tables: logins (with their
 * Cleartext-Password and plan group), changing a login (its password check item follows, the
 * password never served nor audited), deleting a login with all its rows, and a customer's
 * radcheck/radreply/radusergroup rows (SIMPLer customerRadius). Plus the service's list filters.
 */
import { sql } from 'drizzle-orm';
import { totalQueries } from '../../src/db/query-counter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as accounts from '../../src/radius/radius-account.service';
import { customerRadius } from '../../src/radius/customer-radius.service';
import type { ServiceContext } from '../../src/shared/context';
import { enabledEngines } from '../helpers/engines';
import { startTestApp, type TestApp } from '../helpers/app';
import { rows } from '../helpers/sql';
import { makeRoleUser, operatorIdOf } from '../helpers/roles';
import { PERMISSIONS } from '../../src/tenancy/permissions';

const gid = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64url');
type UserErrors = { field: string[]; message: string; code: string }[];

describe.each(enabledEngines())('GraphQL RADIUS writes on %s', (engine) => {
  let t: TestApp;
  const q = <T>(query: ReturnType<typeof sql>) => rows<T>(t.database.handle.db, query);
  const one = async (query: ReturnType<typeof sql>) => Number((await q<{ n: number }>(query))[0]!.n);
  const ok = async <T>(query: string, variables?: Record<string, unknown>) => {
    const res = await t.gql<T>(query, variables);
    expect(res.errors).toBeUndefined();
    return res.data;
  };
  const demo = sql`(select id from operators where code = 'demo')`;
  let customer: { id: number; group: string; username: string };
  let other: { id: number; username: string };
  const ctx = async (): Promise<ServiceContext> => ({ db: t.database.handle.db, actor: { operatorId: (await q<{ id: number }>(sql`select id from operators where code = 'demo'`))[0]!.id, staffUserId: null, role: 'api', surface: 'soap' } });

  const create = `mutation($input: RadiusAccountCreateInput!) { radiusAccountCreate(input: $input) { radiusAccount { id legacyId username hasPassword priority customer { legacyId } } userErrors { field message code } } }`;
  const update = `mutation($input: RadiusAccountUpdateInput!) { radiusAccountUpdate(input: $input) { radiusAccount { id legacyId username hasPassword priority excludeFromAutoGroupFromBucket } userErrors { field message code } } }`;
  const remove = `mutation($u: String!) { radiusAccountDelete(input: { username: $u }) { deletedId userErrors { field code } } }`;
  const attrAdd = `mutation($input: RadiusAttributeCreateInput!) { radiusAttributeCreate(input: $input) { radiusAttribute { id legacyId table username attribute op value priority } userErrors { field message code } } }`;
  /** The stored FreeRADIUS operators by their GraphQL names. */
  const OP_NAME: Record<string, string> = { '=': 'ADD', ':=': 'SET', '==': 'EQUAL', '+=': 'APPEND' };
  const attrUpdate = `mutation($input: RadiusAttributeUpdateInput!) { radiusAttributeUpdate(input: $input) { radiusAttribute { username attribute op value priority } userErrors { field message code } } }`;
  const attrDelete = `mutation($input: RadiusAttributeDeleteInput!) { radiusAttributeDelete(input: $input) { deletedId userErrors { field code } } }`;
  const counts = async () => Promise.all(['radius_accounts', 'radcheck', 'radreply', 'radusergroup'].map((table) => one(sql`select count(*)::int as n from ${sql.raw(table)}`)));

  beforeAll(async () => {
    t = await startTestApp(engine);
    const picked = await q<{ id: number; group: string; username: string }>(sql`select c.id, p.radius_group as group, min(r.username) as username from customers c
      join plans p on p.id = c.service_plan_id join radius_accounts r on r.customer_id = c.id
      where c.operator_id = ${demo} and p.radius_group is not null group by c.id, p.radius_group order by c.id limit 2`);
    customer = picked[0]!;
    other = picked[1]!;
  });
  afterAll(async () => {
    await t?.stop();
  });

  it("adds a login with its Cleartext-Password and the plan's group, in one go", async () => {
    const res = await ok<{ radiusAccountCreate: any }>(create, { input: { customerId: gid('Customer', customer.id), username: 'rt-new-1', password: 's3cret', priority: 2 } });
    expect(res.radiusAccountCreate.userErrors).toEqual([]);
    expect(res.radiusAccountCreate.radiusAccount).toMatchObject({ username: 'rt-new-1', hasPassword: true, priority: 2, customer: { legacyId: customer.id } });
    expect(await q(sql`select customer_id, attribute, op, value from radcheck where username = 'rt-new-1'`)).toEqual([
      { customer_id: customer.id, attribute: 'Cleartext-Password', op: ':=', value: 's3cret' },
    ]);
    expect(await q(sql`select customer_id, groupname, priority from radusergroup where username = 'rt-new-1'`)).toEqual([{ customer_id: customer.id, groupname: customer.group, priority: 2 }]);
    const [entry] = await q<{ changes: unknown }>(sql`select changes from audit_log where action = 'radius_account.create' and entity_id = ${res.radiusAccountCreate.radiusAccount.legacyId}`);
    expect(JSON.stringify(entry!.changes)).not.toContain('s3cret');

    // by an existing username instead of the customer; no password means no check item
    const byName = await ok<{ radiusAccountCreate: any }>(create, { input: { existingRadiusUsername: customer.username, username: 'rt-new-2' } });
    expect(byName.radiusAccountCreate.radiusAccount).toMatchObject({ username: 'rt-new-2', hasPassword: false, customer: { legacyId: customer.id } });
    expect(await one(sql`select count(*)::int as n from radcheck where username = 'rt-new-2'`)).toBe(0);
  });

  it('refuses a username in use (by any operator), a missing customer and blank input, writing nothing', async () => {
    const { generateOperator } = await import('../../src/db/seed/generator');
    await generateOperator(t.database.handle.db, { operatorCode: 'rad-other', customers: 2 });
    const [foreign] = await q<{ username: string }>(sql`select r.username from radius_accounts r join operators o on o.id = r.operator_id where o.code = 'rad-other' limit 1`);
    const before = await counts();
    for (const username of [customer.username, foreign!.username]) {
      const res = await ok<{ radiusAccountCreate: any }>(create, { input: { customerId: gid('Customer', customer.id), username, password: 'x' } });
      expect(res.radiusAccountCreate).toEqual({ radiusAccount: null, userErrors: [{ field: ['input', 'username'], message: `RADIUS username "${username}" is already in use`, code: 'CONFLICT' }] });
    }
    const missing = await ok<{ radiusAccountCreate: any }>(create, { input: { customerId: gid('Customer', 999999), username: ' padded ' } });
    expect(missing.radiusAccountCreate.userErrors.map((e: any) => [e.field.join('.'), e.code])).toEqual([['input.username', 'INVALID'], ['input.customerId', 'NOT_FOUND']]);
    const neither = await ok<{ radiusAccountCreate: any }>(create, { input: { username: 'rt-x', priority: -1 } });
    expect(neither.radiusAccountCreate.userErrors.map((e: any) => e.field.join('.'))).toEqual(['input.priority', 'input.customerId']);
    const unknownExisting = await ok<{ radiusAccountCreate: any }>(create, { input: { existingRadiusUsername: foreign!.username, username: 'rt-x' } });
    expect(unknownExisting.radiusAccountCreate.userErrors).toEqual([expect.objectContaining({ field: ['input', 'existingRadiusUsername'], code: 'NOT_FOUND' })]);
    expect(await counts()).toEqual(before);
  });

  it('lists logins with the listRADIUSdetails filters', async () => {
    const c = await ctx();
    const mine = await accounts.list(c, { customerId: customer.id });
    expect(mine.map((a) => a.username)).toEqual(expect.arrayContaining([customer.username, 'rt-new-1', 'rt-new-2']));
    expect(mine.map((a) => a.username).indexOf('rt-new-2')).toBe(mine.length - 1); // no priority: last
    expect((await accounts.list(c, { existingRadiusUsername: 'rt-new-1' })).map((a) => a.id)).toEqual(mine.map((a) => a.id));
    expect((await accounts.list(c, { password: 's3cret' })).map((a) => a.username)).toEqual(['rt-new-1']);
    expect((await accounts.list(c, { priority: 2, customerId: customer.id })).map((a) => a.username)).toEqual(['rt-new-1']);
    const [foreign] = await q<{ username: string }>(sql`select r.username from radius_accounts r join operators o on o.id = r.operator_id where o.code = 'rad-other' limit 1`);
    expect(await accounts.list(c, { username: foreign!.username })).toEqual([]);
  });

  it('pages logins through the radiusAccounts query with the same filters, hiding passwords', async () => {
    type Conn = { radiusAccounts: { totalCount: number; nodes: { username: string; hasPassword: boolean; customer: { legacyId: number } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };
    const query = `query($f: RadiusAccountFilterInput, $after: String) { radiusAccounts(first: 2, after: $after, filter: $f) { totalCount nodes { username hasPassword customer { legacyId } } pageInfo { hasNextPage endCursor } } }`;
    const first = await ok<Conn>(query, { f: { customerId: gid('Customer', customer.id) } });
    const expected = await q<{ username: string }>(sql`select username from radius_accounts where customer_id = ${customer.id} order by id`);
    expect(first.radiusAccounts.totalCount).toBe(expected.length);
    const next = await ok<Conn>(query, { f: { existingRadiusUsername: 'rt-new-2' }, after: first.radiusAccounts.pageInfo.endCursor });
    expect([...first.radiusAccounts.nodes, ...next.radiusAccounts.nodes].map((n) => n.username)).toEqual(expected.map((r) => r.username));
    expect(first.radiusAccounts.nodes.every((n) => n.customer.legacyId === customer.id)).toBe(true);
    const all = await ok<Conn>('{ radiusAccounts(first: 1) { totalCount } }');
    expect(all.radiusAccounts.totalCount).toBe(await one(sql`select count(*)::int as n from radius_accounts where operator_id = ${demo}`));
  });

  describe('changing a login (radiusAccountUpdate)', () => {
    const PASSWORDS = ['first-Pa55-upd', 'second-Pa55-upd', 'refused-Pa55-upd'];
    let login: { id: string; legacyId: number };
    const checkItems = (username: string) => q<{ attribute: string; op: string; value: string }>(sql`select attribute, op, value from radcheck where username = ${username} order by id`);
    const stored = async (username: string) => (await q<any>(sql`select password, priority, exclude_from_auto_group_from_bucket as exclude from radius_accounts where username = ${username}`))[0];
    /** Every login and check item as stored, to show that a refused change wrote nothing. */
    const snapshot = async () => [
      await q(sql`select id, operator_id, customer_id, username, password, priority, exclude_from_auto_group_from_bucket, updated_at from radius_accounts order by id`),
      await q(sql`select id, operator_id, customer_id, username, attribute, op, value, updated_at from radcheck order by id`),
      await q(sql`select id, username, groupname, priority from radusergroup order by id`),
    ];
    const change = async (input: Record<string, unknown>, token?: string) => {
      const res = await t.gql<{ radiusAccountUpdate: any }>(update, { input }, token);
      expect(res.errors).toBeUndefined();
      for (const password of PASSWORDS) expect(JSON.stringify(res.data)).not.toContain(password);
      return res.data.radiusAccountUpdate;
    };

    beforeAll(async () => {
      const created = await ok<{ radiusAccountCreate: any }>(create, { input: { customerId: gid('Customer', customer.id), username: 'rt-upd-1', priority: 4 } });
      login = created.radiusAccountCreate.radiusAccount;
      expect(created.radiusAccountCreate.radiusAccount.hasPassword).toBe(false);
      expect(await checkItems('rt-upd-1')).toEqual([]);
    });

    it("sets, changes and removes the password with the login's Cleartext-Password check item, never serving or auditing it", async () => {
      const groups = await q(sql`select groupname, priority from radusergroup where username = 'rt-upd-1'`);
      // a login without a password gets its check item
      const first = await change({ id: login.id, password: PASSWORDS[0] });
      expect(first).toEqual({ radiusAccount: { id: login.id, legacyId: login.legacyId, username: 'rt-upd-1', hasPassword: true, priority: 4, excludeFromAutoGroupFromBucket: false }, userErrors: [] });
      expect(await checkItems('rt-upd-1')).toEqual([{ attribute: 'Cleartext-Password', op: ':=', value: PASSWORDS[0] }]);
      expect(await stored('rt-upd-1')).toEqual({ password: PASSWORDS[0], priority: 4, exclude: false });

      // a new one replaces it in the same item (whatever case the attribute is spelt in), nothing else changes
      const [item] = await q<{ id: number }>(sql`select id from radcheck where username = 'rt-upd-1'`);
      await t.database.handle.db.execute(sql`update radcheck set attribute = 'cleartext-password' where id = ${item!.id}`);
      const second = await change({ id: login.id, password: PASSWORDS[1] });
      expect(second.radiusAccount.hasPassword).toBe(true);
      expect(await q(sql`select id, attribute, op, value from radcheck where username = 'rt-upd-1'`)).toEqual([{ id: item!.id, attribute: 'cleartext-password', op: ':=', value: PASSWORDS[1] }]);
      expect((await stored('rt-upd-1')).password).toBe(PASSWORDS[1]);
      // FreeRADIUS's own lookup (rlm_sql authorize_check_query) finds the new password
      expect(await q(sql`select value from radcheck where username = 'rt-upd-1' and lower(attribute) = 'cleartext-password'`)).toEqual([{ value: PASSWORDS[1] }]);
      expect(await q(sql`select groupname, priority from radusergroup where username = 'rt-upd-1'`)).toEqual(groups);

      // the audit says the password was set, never what it is
      const entries = await q<{ changes: Record<string, unknown>; surface: string }>(sql`select changes, surface from audit_log where action = 'radius_account.update' and entity_id = ${login.legacyId} order by id`);
      expect(entries).toHaveLength(2);
      expect(entries[0]).toEqual({ surface: 'graphql', changes: { customerId: customer.id, username: 'rt-upd-1', credential: 'set' } });
      expect(await one(sql`select count(*)::int as n from audit_log where changes::text like ${'%Pa55-upd%'}`)).toBe(0);

      // an empty password (or null) leaves the login without one, as radiusAccountCreate allows
      const cleared = await change({ id: login.id, password: '' });
      expect(cleared.radiusAccount.hasPassword).toBe(false);
      expect(await checkItems('rt-upd-1')).toEqual([]);
      expect((await stored('rt-upd-1')).password).toBeNull();
      expect((await change({ id: login.id, password: null })).radiusAccount.hasPassword).toBe(false);
      const [last] = await q<{ changes: Record<string, unknown> }>(sql`select changes from audit_log where action = 'radius_account.update' and entity_id = ${login.legacyId} order by id desc limit 1`);
      expect(last!.changes).toMatchObject({ credential: 'cleared' });

      await change({ id: login.id, password: PASSWORDS[0] });
      expect(await checkItems('rt-upd-1')).toEqual([{ attribute: 'Cleartext-Password', op: ':=', value: PASSWORDS[0] }]);
    });

    it('changes the priority and the bucket-group flag, seen by a later read, leaving the password alone', async () => {
      const res = await change({ id: login.id, priority: 0, excludeFromAutoGroupFromBucket: true });
      expect(res).toEqual({ radiusAccount: { id: login.id, legacyId: login.legacyId, username: 'rt-upd-1', hasPassword: true, priority: 0, excludeFromAutoGroupFromBucket: true }, userErrors: [] });
      const read = `query($id: ID!) { node(id: $id) { ... on RadiusAccount { priority excludeFromAutoGroupFromBucket hasPassword } } }`;
      expect((await ok<{ node: unknown }>(read, { id: login.id })).node).toEqual({ priority: 0, excludeFromAutoGroupFromBucket: true, hasPassword: true });
      const listed = await ok<{ radiusAccounts: { nodes: unknown[] } }>(`{ radiusAccounts(first: 1, filter: { username: "rt-upd-1" }) { nodes { priority excludeFromAutoGroupFromBucket } } }`);
      expect(listed.radiusAccounts.nodes).toEqual([{ priority: 0, excludeFromAutoGroupFromBucket: true }]);
      expect(await checkItems('rt-upd-1')).toEqual([{ attribute: 'Cleartext-Password', op: ':=', value: PASSWORDS[0] }]);

      // null priority clears it; a null flag and a field left out change nothing
      const cleared = await change({ id: login.id, priority: null, excludeFromAutoGroupFromBucket: null });
      expect(cleared.radiusAccount).toMatchObject({ priority: null, excludeFromAutoGroupFromBucket: true, hasPassword: true });
      expect(await stored('rt-upd-1')).toEqual({ password: PASSWORDS[0], priority: null, exclude: true });
      const [entry] = await q<{ changes: Record<string, unknown> }>(sql`select changes from audit_log where action = 'radius_account.update' and entity_id = ${login.legacyId} order by id desc limit 1`);
      expect(entry!.changes).toEqual({ customerId: customer.id, username: 'rt-upd-1', priority: null });

      // with nothing to change, the login comes back as it is, and nothing is audited
      const audited = await one(sql`select count(*)::int as n from audit_log where action = 'radius_account.update'`);
      expect((await change({ id: login.id })).radiusAccount).toMatchObject({ priority: null, excludeFromAutoGroupFromBucket: true });
      expect(await one(sql`select count(*)::int as n from audit_log where action = 'radius_account.update'`)).toBe(audited);
    });

    it("refuses an unknown id, another operator's login, a bad value and a role without network.write, changing nothing", async () => {
      const db = t.database.handle.db;
      const { generateOperator } = await import('../../src/db/seed/generator');
      if ((await one(sql`select count(*)::int as n from operators where code = 'rad-other'`)) === 0) await generateOperator(db, { operatorCode: 'rad-other', customers: 2 });
      const [foreign] = await q<{ id: number; username: string }>(sql`select r.id, r.username from radius_accounts r join operators o on o.id = r.operator_id where o.code = 'rad-other' order by r.id limit 1`);
      const demoId = await operatorIdOf(db, 'demo');
      const [readonly, collector] = await Promise.all([makeRoleUser(db, demoId, 'readonly'), makeRoleUser(db, demoId, 'collector')]);
      const audited = await one(sql`select count(*)::int as n from audit_log`);
      const before = await snapshot();

      for (const id of [gid('RadiusAccount', 999999), gid('RadiusAccount', foreign!.id)]) {
        const res = await change({ id, password: PASSWORDS[2], priority: 1 });
        expect(res.radiusAccount).toBeNull();
        expect(res.userErrors).toEqual([{ field: ['input', 'id'], message: expect.stringMatching(/does not exist/), code: 'NOT_FOUND' }]);
      }
      const notALogin = await change({ id: gid('Customer', customer.id), password: PASSWORDS[2] });
      expect(notALogin.userErrors).toEqual([expect.objectContaining({ field: ['input', 'id'], code: 'INVALID' })]);
      // the same rule as radiusAccountCreate's, refusing the password given with it too
      const negative = await change({ id: login.id, password: PASSWORDS[2], priority: -1 });
      expect(negative).toEqual({ radiusAccount: null, userErrors: [{ field: ['input', 'priority'], message: 'priority must be a whole number of 0 or more', code: 'INVALID' }] });
      const notInt = await t.gql(update, { input: { id: login.id, priority: 1.5 } });
      expect(notInt.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      for (const user of [readonly, collector]) {
        const res = await change({ id: login.id, password: PASSWORDS[2] }, user.token);
        expect(res).toEqual({ radiusAccount: null, userErrors: [{ field: [], message: `the ${user.role} role may not ${PERMISSIONS['network.write']}`, code: 'FORBIDDEN' }] });
      }

      expect(await snapshot()).toEqual(before);
      expect(await one(sql`select count(*)::int as n from audit_log`)).toBe(audited);
      expect(await one(sql`select count(*)::int as n from radcheck where value = ${PASSWORDS[2]}`)).toBe(0);
      // the service refuses the same for every surface
      await expect(accounts.update({ db, actor: { operatorId: demoId, staffUserId: null, role: 'readonly', surface: 'soap' } }, login.legacyId, { priority: 1 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(accounts.update(await ctx(), foreign!.id, { priority: 1 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });
  });

  it('deletes a login with every radcheck, radreply and radusergroup row of its username', async () => {
    await t.database.handle.db.execute(sql`insert into radreply (operator_id, customer_id, username, attribute, op, value) values (${demo}, ${customer.id}, 'rt-new-1', 'Framed-IP-Address', '=', '100.64.9.9')`);
    const res = await ok<{ radiusAccountDelete: any }>(remove, { u: 'rt-new-1' });
    expect(res.radiusAccountDelete.userErrors).toEqual([]);
    expect(res.radiusAccountDelete.deletedId).toMatch(/./);
    for (const table of ['radius_accounts', 'radcheck', 'radreply', 'radusergroup']) {
      expect(await one(sql`select count(*)::int as n from ${sql.raw(table)} where username = 'rt-new-1'`)).toBe(0);
    }
    expect(await one(sql`select count(*)::int as n from radcheck where username = ${customer.username}`)).toBeGreaterThan(0);
    const [foreign] = await q<{ username: string }>(sql`select r.username from radius_accounts r join operators o on o.id = r.operator_id where o.code = 'rad-other' limit 1`);
    for (const u of ['rt-new-1', foreign!.username]) {
      const again = await ok<{ radiusAccountDelete: any }>(remove, { u });
      expect(again.radiusAccountDelete).toEqual({ deletedId: null, userErrors: [{ field: ['input', 'username'], code: 'NOT_FOUND' }] });
    }
    expect(await one(sql`select count(*)::int as n from radius_accounts where username = ${foreign!.username}`)).toBe(1);
  });

  describe('customer attribute rows (customerRadius)', () => {
    const list = `query($id: ID!, $table: RadiusTable!, $u: String) { node(id: $id) { ... on Customer { radiusAttributes(table: $table, username: $u, reveal: true) { legacyId table username attribute op value priority } } } }`;

    it("lists a customer's rows of each table, for all usernames or one, matching SQL", async () => {
      for (const [table, sqlTable] of [['CHECK', 'radcheck'], ['REPLY', 'radreply']] as const) {
        const data = await ok<{ node: { radiusAttributes: any[] } }>(list, { id: gid('Customer', customer.id), table });
        const expected = await q<any>(sql`select id as "legacyId", username, attribute, op, value from ${sql.raw(sqlTable)} where customer_id = ${customer.id} order by id`);
        expect(data.node.radiusAttributes).toEqual(expected.map((r) => ({ ...r, op: OP_NAME[r.op], table, priority: null })));
      }
      const groups = await ok<{ node: { radiusAttributes: any[] } }>(list, { id: gid('Customer', customer.id), table: 'USERGROUP', u: customer.username });
      expect(groups.node.radiusAttributes).toEqual([{ legacyId: expect.any(Number), table: 'USERGROUP', username: customer.username, attribute: null, op: null, value: customer.group, priority: 1 }]);
      const c = await ctx();
      await expect(customerRadius(c, { table: 'radcheck', action: 'list', customerId: customer.id, username: other.username })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      // batched: five customers cost what one does
      const statements = async (n: number) => {
        const before = totalQueries();
        const data = await ok<{ customers: { nodes: { radiusAttributes: unknown[] }[] } }>(`{ customers(first: ${n}) { nodes { radiusAttributes(table: CHECK) { value } } } }`);
        expect(data.customers.nodes).toHaveLength(n);
        expect(data.customers.nodes.every((c) => c.radiusAttributes.length > 0)).toBe(true);
        return totalQueries() - before;
      };
      expect(await statements(5)).toBe(await statements(1));
      // the SIMPLer spelling `usergroup` is accepted
      expect((await customerRadius(c, { table: 'usergroup', action: 'list', customerId: customer.id })).every((r) => r.table === 'radusergroup')).toBe(true);
    });

    it("adds, modifies and deletes rows, only for the customer's own usernames and valid operators", async () => {
      const added = await ok<{ radiusAttributeCreate: any }>(attrAdd, { input: { table: 'REPLY', customerId: gid('Customer', customer.id), username: customer.username, attribute: 'Mikrotik-Rate-Limit', op: 'SET', value: '10M/10M' } });
      expect(added.radiusAttributeCreate.userErrors).toEqual([]);
      expect(added.radiusAttributeCreate.radiusAttribute).toMatchObject({ table: 'REPLY', username: customer.username, attribute: 'Mikrotik-Rate-Limit', op: 'SET', value: '10M/10M' });
      const rowId = added.radiusAttributeCreate.radiusAttribute.legacyId as number;
      expect(await q(sql`select customer_id, op, value from radreply where id = ${rowId}`)).toEqual([{ customer_id: customer.id, op: ':=', value: '10M/10M' }]);

      const before = await counts();
      const foreignUser = await ok<{ radiusAttributeCreate: any }>(attrAdd, { input: { table: 'CHECK', customerId: gid('Customer', customer.id), username: other.username, attribute: 'Simultaneous-Use', op: 'SET', value: '1' } });
      expect(foreignUser.radiusAttributeCreate.userErrors).toEqual([expect.objectContaining({ field: ['input', 'username'], code: 'NOT_FOUND' })]);
      const blank = await ok<{ radiusAttributeCreate: any }>(attrAdd, { input: { table: 'CHECK', customerId: gid('Customer', customer.id), username: customer.username, attribute: ' ', value: '1' } });
      expect(blank.radiusAttributeCreate.userErrors.map((e: any) => e.field.join('.'))).toEqual(['input.attribute']);
      // an operator FreeRADIUS does not know is not a RadiusOperator: refused before anything runs
      const badOp = await t.gql(attrAdd, { input: { table: 'CHECK', customerId: gid('Customer', customer.id), username: customer.username, attribute: 'Simultaneous-Use', op: '=>', value: '1' } });
      expect(badOp.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(await counts()).toEqual(before);

      const id = added.radiusAttributeCreate.radiusAttribute.id as string;
      const changed = await ok<{ radiusAttributeUpdate: any }>(attrUpdate, { input: { table: 'REPLY', id, value: '20M/20M', op: 'ADD' } });
      expect(changed.radiusAttributeUpdate).toEqual({ radiusAttribute: { username: customer.username, attribute: 'Mikrotik-Rate-Limit', op: 'ADD', value: '20M/20M', priority: null }, userErrors: [] });
      const stolen = await ok<{ radiusAttributeUpdate: any }>(attrUpdate, { input: { table: 'REPLY', id, username: other.username } });
      expect(stolen.radiusAttributeUpdate.userErrors).toEqual([expect.objectContaining({ field: ['input', 'username'], code: 'NOT_FOUND' })]);
      const wrongOp = await t.gql(attrUpdate, { input: { table: 'REPLY', id, op: '<>' } });
      expect(wrongOp.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      const wrongTable = await ok<{ radiusAttributeUpdate: any }>(attrUpdate, { input: { table: 'CHECK', id, value: 'x' } });
      expect(wrongTable.radiusAttributeUpdate.userErrors).toEqual([expect.objectContaining({ field: ['input', 'id'], code: 'INVALID' })]);
      expect(await q(sql`select username, op, value from radreply where id = ${rowId}`)).toEqual([{ username: customer.username, op: '=', value: '20M/20M' }]);

      // a row id of another customer is out of scope for the service call naming this customer
      const [otherRow] = await q<{ id: number }>(sql`select id from radcheck where customer_id = ${other.id} limit 1`);
      await expect(customerRadius(await ctx(), { table: 'radcheck', action: 'delete', customerId: customer.id, id: otherRow!.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect(await one(sql`select count(*)::int as n from radcheck where id = ${otherRow!.id}`)).toBe(1);

      // editing the Cleartext-Password item changes the login's password with it
      const [pw] = await q<{ id: number }>(sql`select id from radcheck where username = ${customer.username} and attribute = 'Cleartext-Password'`);
      const repass = await ok<{ radiusAttributeUpdate: any }>(attrUpdate, { input: { table: 'CHECK', id: gid('RadiusCheck', pw!.id), value: 'n3w-pass' } });
      expect(repass.radiusAttributeUpdate.userErrors).toEqual([]);
      expect(await q(sql`select password from radius_accounts where username = ${customer.username}`)).toEqual([{ password: 'n3w-pass' }]);
      await ok(attrDelete, { input: { table: 'CHECK', id: gid('RadiusCheck', pw!.id) } });
      expect(await q(sql`select password from radius_accounts where username = ${customer.username}`)).toEqual([{ password: null }]);

      const group = await ok<{ radiusAttributeCreate: any }>(attrAdd, { input: { table: 'USERGROUP', customerId: gid('Customer', customer.id), username: customer.username, value: 'extra-group', priority: 5 } });
      expect(group.radiusAttributeCreate.radiusAttribute).toMatchObject({ table: 'USERGROUP', value: 'extra-group', priority: 5, attribute: null });
      const regroup = await ok<{ radiusAttributeUpdate: any }>(attrUpdate, { input: { table: 'USERGROUP', id: group.radiusAttributeCreate.radiusAttribute.id, priority: 3 } });
      expect(regroup.radiusAttributeUpdate.radiusAttribute).toMatchObject({ value: 'extra-group', priority: 3 });

      for (const [table, rid] of [['REPLY', id], ['USERGROUP', group.radiusAttributeCreate.radiusAttribute.id]] as const) {
        const del = await ok<{ radiusAttributeDelete: any }>(attrDelete, { input: { table, id: rid } });
        expect(del.radiusAttributeDelete).toEqual({ deletedId: rid, userErrors: [] });
        const again = await ok<{ radiusAttributeDelete: any }>(attrDelete, { input: { table, id: rid } });
        expect(again.radiusAttributeDelete.userErrors).toEqual([{ field: ['input', 'id'], code: 'NOT_FOUND' }]);
      }
      expect(await one(sql`select count(*)::int as n from radreply where id = ${rowId}`)).toBe(0);
      expect(await one(sql`select count(*)::int as n from radusergroup where groupname = 'extra-group'`)).toBe(0);
    });
  });
});
