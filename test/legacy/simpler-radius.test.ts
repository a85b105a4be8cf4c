/**
 * SIMPLer listRADIUSdetails, addRADIUSdetails, deleteRADIUSdetails, customerRadius and
 * listRadiusSessions over SOAP and REST/JSON: replies in the document's shapes, stored effects
 * checked through the GraphQL graph (FreeRADIUS rows and passwords, which the graph does not
 * serve, through SQL), and refused calls changing nothing.
 */
import { RadiusOperator } from '../../src/radius/radius.enums';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParsedElement } from '../../src/legacy/xml/parse';
import { enabledEngines } from '../helpers/engines';
import { startTestApp, type TestApp } from '../helpers/app';
import { rows } from '../helpers/sql';
import { callText, child, children, DIALECTS, leaves, rest, soap, xmlResult, type Dialect, type Params } from '../helpers/simpler';

type Record_ = Record<string, string | number | null>;

/** JSON records as the SOAP document carries them: every value text, null as an empty element. */
const asXmlText = (records: Record<string, unknown>[]) => records.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v == null ? '' : String(v)])));

async function soapDocument(url: string, operation: string, params: Params): Promise<ParsedElement> {
  const reply = await soap(url, operation, params);
  expect(reply.fault).toBeUndefined();
  expect(reply.result, `${operation} answered ${reply.result}`).toMatch(/^<\?xml/);
  return xmlResult(reply.result!);
}

async function restDocument<T>(url: string, operation: string, params: Params): Promise<T> {
  const reply = await rest(url, operation, params);
  expect(reply.status).toBe(200);
  expect(typeof reply.result, `${operation} answered ${JSON.stringify(reply.result)}`).toBe('object');
  return reply.result as T;
}

describe.each(enabledEngines())('SIMPLer RADIUS operations on %s', (engine) => {
  let t: TestApp;
  const q = <T>(query: ReturnType<typeof sql>) => rows<T>(t.database.handle.db, query);
  const count = async (table: string) => Number((await q<{ n: number }>(sql`select count(*)::int as n from ${sql.raw(table)}`))[0]!.n);
  const counts = () => Promise.all(['radius_accounts', 'radcheck', 'radreply', 'radusergroup'].map(count));
  /** A demo customer with its first login and its plan's group. */
  let customer: { id: number; username: string; password: string; group: string };
  let other: { id: number; username: string };

  const graphLogins = async (customerId: number) =>
    (
      await t.gql<{ customer: { radiusAccounts: { legacyId: number; username: string; hasPassword: boolean; priority: number | null }[] } }>(
        `query($id: Int!) { customer(legacyId: $id) { radiusAccounts { legacyId username hasPassword priority } } }`,
        { id: customerId },
      )
    ).data.customer.radiusAccounts;

  const graphAttributes = async (customerId: number, table: 'CHECK' | 'REPLY' | 'USERGROUP') =>
    (
      await t.gql<{ customer: { radiusAttributes: { legacyId: number; username: string; attribute: string | null; op: string | null; value: string; priority: number | null }[] } }>(
        `query($id: Int!, $table: RadiusTable!) { customer(legacyId: $id) { radiusAttributes(table: $table, reveal: true) { legacyId username attribute op value priority } } }`,
        { id: customerId, table },
      )
    ).data.customer.radiusAttributes;

  beforeAll(async () => {
    t = await startTestApp(engine);
    const picked = await q<{ id: number; username: string; password: string; group: string }>(sql`
      select c.id, r.username, r.password, p.radius_group as group from customers c
      join plans p on p.id = c.service_plan_id join radius_accounts r on r.customer_id = c.id
      where c.operator_id = (select id from operators where code = 'demo') and p.radius_group is not null
      order by c.id, r.id limit 2`);
    customer = picked[0]!;
    other = picked[1]!;
    expect(other.id).not.toBe(customer.id);
  });
  afterAll(() => t.stop());

  describe.each(DIALECTS)('over %s', (dialect: Dialect) => {
    /** listRADIUSdetails' records and count, whichever dialect. */
    const listLogins = async (params: Params) => {
      if (dialect === 'soap') {
        const doc = await soapDocument(t.url, 'listRADIUSdetails', params);
        expect(doc.local).toBe('radiusUsernamesRoot');
        const records = children(doc, 'radius_username').map((e) => {
          expect(e.attributes.find((a) => a.local === 'id')?.value).toBe(leaves(e).id);
          return leaves(e);
        });
        expect(child(doc, 'results')!.text).toBe(String(records.length));
        return records;
      }
      const result = await restDocument<{ radius_usernames: Record_[]; results: string[][] }>(t.url, 'listRADIUSdetails', params);
      expect(result.results).toEqual([[String(result.radius_usernames.length)]]);
      return result.radius_usernames;
    };
    const expectLogin = (fields: Record_) => (dialect === 'soap' ? asXmlText([fields])[0]! : fields);

    it("listRADIUSdetails lists a customer's logins with their passwords, in the document's fields", async () => {
      const logins = await listLogins({ customerid: customer.id });
      const graph = await graphLogins(customer.id);
      expect(logins.map((l) => l.username)).toEqual(graph.map((g) => g.username));
      const [mine] = await q<{ id: number; priority: number | null }>(sql`select id, priority from radius_accounts where username = ${customer.username}`);
      expect(logins.find((l) => l.username === customer.username)).toEqual(
        expectLogin({ id: String(mine!.id), customerid: String(customer.id), username: customer.username, password: customer.password, priority: String(mine!.priority), exclude_from_auto_group_from_bucket: null }),
      );
    });

    it('listRADIUSdetails filters by username, password, priority and existing_radius_username', async () => {
      expect((await listLogins({ username: customer.username })).map((l) => l.customerid)).toEqual([String(customer.id)]);
      expect((await listLogins({ username: customer.username, password: 'not-it' }))).toEqual([]);
      expect((await listLogins({ password: customer.password, priority: 1 })).map((l) => l.username)).toContain(customer.username);
      const byExisting = await listLogins({ existing_radius_username: customer.username });
      expect(byExisting.map((l) => l.username)).toEqual((await graphLogins(customer.id)).map((g) => g.username));
      expect(await listLogins({ username: 'nobody-at-all' })).toEqual([]);
      const all = await listLogins({});
      expect(all.length).toBe(await count('radius_accounts'));
    });

    it('listRADIUSdetails refuses malformed filters', async () => {
      expect(await callText(dialect, t.url, 'listRADIUSdetails', { customerid: 'abc' })).toBe('ERROR: customerid: expected a whole number (got "abc")');
      expect(await callText(dialect, t.url, 'listRADIUSdetails', { colour: 'red', customerid: 'x1' })).toBe('ERROR: customerid: expected a whole number (got "x1")');
    });

    it("addRADIUSdetails adds a login with its Cleartext-Password and the plan's group; by customer or by an existing username", async () => {
      const username = `sr-${dialect}-add`;
      expect(await callText(dialect, t.url, 'addRADIUSdetails', { customerid: customer.id, radius_username: username, radius_password: 'pw-1', radius_priority: 3 })).toBe('OK');
      expect((await graphLogins(customer.id)).find((g) => g.username === username)).toMatchObject({ hasPassword: true, priority: 3 });
      expect(await q(sql`select attribute, op, value from radcheck where username = ${username}`)).toEqual([{ attribute: 'Cleartext-Password', op: ':=', value: 'pw-1' }]);
      expect(await q(sql`select groupname from radusergroup where username = ${username}`)).toEqual([{ groupname: customer.group }]);

      const second = `sr-${dialect}-add-2`;
      expect(await callText(dialect, t.url, 'addRADIUSdetails', { existing_radius_username: username, radius_username: second, radius_password: '' })).toBe('OK');
      expect((await graphLogins(customer.id)).find((g) => g.username === second)).toMatchObject({ hasPassword: false, priority: null });
      expect(await count(`radcheck where username = '${second}'`)).toBe(0);
      expect((await listLogins({ username: second }))[0]).toMatchObject(expectLogin({ username: second, password: null, priority: null }));
    });

    it('addRADIUSdetails refuses a taken username, an unknown customer, a missing owner and bad formats, adding nothing', async () => {
      const before = await counts();
      expect(await callText(dialect, t.url, 'addRADIUSdetails', { customerid: customer.id, radius_username: other.username })).toBe(`ERROR: RADIUS username "${other.username}" is already in use`);
      expect(await callText(dialect, t.url, 'addRADIUSdetails', { customerid: 999999, radius_username: `sr-${dialect}-x` })).toBe('ERROR: customer 999999 does not exist');
      expect(await callText(dialect, t.url, 'addRADIUSdetails', { radius_username: `sr-${dialect}-x` })).toBe('ERROR: give a customer or an existing RADIUS username');
      expect(await callText(dialect, t.url, 'addRADIUSdetails', { existing_radius_username: 'no-such-login', radius_username: `sr-${dialect}-x` })).toBe(
        'ERROR: RADIUS username "no-such-login" does not exist',
      );
      expect(await callText(dialect, t.url, 'addRADIUSdetails', { customerid: customer.id })).toBe('ERROR: radius_username is required');
      expect(await callText(dialect, t.url, 'addRADIUSdetails', { customerid: customer.id, radius_username: `sr-${dialect}-x`, radius_priority: 'high' })).toBe(
        'ERROR: radius_priority: expected a whole number (got "high")',
      );
      expect(await counts()).toEqual(before);
    });

    it('deleteRADIUSdetails deletes a login with all its RADIUS rows', async () => {
      const username = `sr-${dialect}-del`;
      expect(await callText(dialect, t.url, 'addRADIUSdetails', { customerid: customer.id, radius_username: username, radius_password: 'pw' })).toBe('OK');
      expect(await callText(dialect, t.url, 'deleteRADIUSdetails', { radius_username: username })).toBe('OK');
      expect((await graphLogins(customer.id)).map((g) => g.username)).not.toContain(username);
      for (const table of ['radcheck', 'radreply', 'radusergroup']) expect(await count(`${table} where username = '${username}'`)).toBe(0);
    });

    it('deleteRADIUSdetails refuses an unknown or missing username, deleting nothing', async () => {
      const before = await counts();
      expect(await callText(dialect, t.url, 'deleteRADIUSdetails', { radius_username: 'no-such-login' })).toBe('ERROR: RADIUS username "no-such-login" does not exist');
      expect(await callText(dialect, t.url, 'deleteRADIUSdetails', {})).toBe('ERROR: radius_username is required');
      expect(await counts()).toEqual(before);
    });

    describe('customerRadius', () => {
      /** customerRadius through either dialect: the list rows, or the write's reply. */
      const call = async (params: Params): Promise<{ table: string; action: string; results?: Record_[]; result?: string; id?: string } | string> => {
        if (dialect === 'soap') {
          const reply = await soap(t.url, 'customerRadius', params);
          if (reply.result!.startsWith('ERROR')) return reply.result!;
          const doc = xmlResult(reply.result!);
          expect(doc.local).toBe('customerRadiusRoot');
          const results = child(doc, 'results');
          return {
            table: child(doc, 'table')!.text,
            action: child(doc, 'action')!.text,
            ...(results ? { results: children(results, 'entry').map(leaves) } : { result: child(doc, 'result')!.text, id: child(doc, 'id')!.text }),
          };
        }
        const reply = await rest(t.url, 'customerRadius', params);
        return reply.result as never;
      };
      const rowsOf = (reply: Awaited<ReturnType<typeof call>>) => {
        if (typeof reply === 'string') throw new Error(reply);
        return reply.results!;
      };
      const idOf = (reply: Awaited<ReturnType<typeof call>>) => {
        if (typeof reply === 'string') throw new Error(reply);
        expect(reply.result).toBe('OK');
        return Number(reply.id);
      };
      const asDialect = (records: Record_[]) => (dialect === 'soap' ? asXmlText(records) : records);

      it("lists a customer's radcheck and usergroup rows in the document's shape", async () => {
        const listed = await call({ table: 'radcheck', action: 'list', customerid: customer.id });
        expect(listed).toMatchObject({ table: 'radcheck', action: 'list' });
        const graph = await graphAttributes(customer.id, 'CHECK');
        expect(rowsOf(listed)).toEqual(
          asDialect(graph.map((g) => ({ id: String(g.legacyId), customerid: String(customer.id), username: g.username, attribute: g.attribute, op: g.op && RadiusOperator[g.op as keyof typeof RadiusOperator], value: g.value }))),
        );
        expect(rowsOf(listed).find((r) => r.username === customer.username)).toMatchObject({ attribute: 'Cleartext-Password', op: ':=', value: customer.password });

        const groups = await call({ table: 'usergroup', action: 'list', customerid: customer.id, username: customer.username });
        expect(groups).toMatchObject({ table: 'usergroup', action: 'list' });
        const [group] = (await graphAttributes(customer.id, 'USERGROUP')).filter((g) => g.username === customer.username);
        expect(rowsOf(groups)).toEqual(asDialect([{ id: String(group!.legacyId), customerid: String(customer.id), username: customer.username, groupname: customer.group, priority: '1' }]));
      });

      it('adds, modifies (by id and by username + attribute) and deletes radreply rows', async () => {
        const added = await call({ table: 'radreply', action: 'add', customerid: customer.id, username: customer.username, attribute: 'Mikrotik-Rate-Limit', op: ':=', value: '10M/10M' });
        expect(added).toMatchObject({ table: 'radreply', action: 'add', result: 'OK' });
        const id = idOf(added);
        const find = async () => (await graphAttributes(customer.id, 'REPLY')).find((g) => g.legacyId === id);
        // The graph names RADIUS operators by the RadiusOperator enum (SET is :=, ADD is =).
        expect(await find()).toMatchObject({ username: customer.username, attribute: 'Mikrotik-Rate-Limit', op: 'SET', value: '10M/10M' });

        expect(idOf(await call({ table: 'radreply', action: 'modify', customerid: customer.id, id, value: '20M/20M' }))).toBe(id);
        expect(await find()).toMatchObject({ op: 'SET', value: '20M/20M' });
        // As SIMPLer clients name a row: its username and attribute (attribute names are case-insensitive).
        expect(idOf(await call({ table: 'radreply', action: 'modify', customerid: customer.id, username: customer.username, attribute: 'mikrotik-rate-limit', op: '=', value: '30M/30M' }))).toBe(id);
        expect(await find()).toMatchObject({ attribute: 'Mikrotik-Rate-Limit', op: 'ADD', value: '30M/30M' });

        expect(idOf(await call({ table: 'radreply', action: 'delete', customerid: customer.id, username: customer.username, attribute: 'Mikrotik-Rate-Limit' }))).toBe(id);
        expect(await find()).toBeUndefined();
      });

      it('keeps the login password in step when the Cleartext-Password check item is modified', async () => {
        const username = `sr-${dialect}-pw`;
        expect(await callText(dialect, t.url, 'addRADIUSdetails', { customerid: other.id, radius_username: username, radius_password: 'old' })).toBe('OK');
        idOf(await call({ table: 'radcheck', action: 'modify', customerid: other.id, username, attribute: 'Cleartext-Password', value: 'new' }));
        expect(await q(sql`select password from radius_accounts where username = ${username}`)).toEqual([{ password: 'new' }]);
      });

      it('adds and deletes usergroup rows by group name', async () => {
        const id = idOf(await call({ table: 'radusergroup', action: 'add', customerid: customer.id, username: customer.username, value: `extra-${dialect}`, priority: 5 }));
        expect((await graphAttributes(customer.id, 'USERGROUP')).find((g) => g.legacyId === id)).toMatchObject({ value: `extra-${dialect}`, priority: 5 });
        expect(idOf(await call({ table: 'usergroup', action: 'delete', customerid: customer.id, username: customer.username, value: `extra-${dialect}` }))).toBe(id);
        expect((await graphAttributes(customer.id, 'USERGROUP')).filter((g) => g.username === customer.username).map((g) => g.value)).toEqual([customer.group]);
      });

      it('refuses bad tables and actions, strangers, unnamed and ambiguous rows, changing nothing', async () => {
        const before = await counts();
        const base = { customerid: customer.id, username: customer.username };
        expect(await callText(dialect, t.url, 'customerRadius', { ...base, table: 'radpostauth', action: 'list' })).toBe(
          'ERROR: table: must be one of radcheck, radreply, usergroup, radusergroup (got "radpostauth")',
        );
        expect(await callText(dialect, t.url, 'customerRadius', { ...base, table: 'radcheck', action: 'truncate' })).toBe('ERROR: action: must be one of list, add, modify, delete (got "truncate")');
        expect(await callText(dialect, t.url, 'customerRadius', { table: 'radcheck', action: 'list' })).toBe('ERROR: customerid is required');
        expect(await callText(dialect, t.url, 'customerRadius', { table: 'radcheck', action: 'list', customerid: 999999 })).toBe('ERROR: customer 999999 does not exist');
        expect(await callText(dialect, t.url, 'customerRadius', { table: 'radcheck', action: 'add', customerid: customer.id, username: other.username, attribute: 'Simultaneous-Use', value: '1' })).toBe(
          `ERROR: RADIUS username of customer ${customer.id}: "${other.username}" does not exist`,
        );
        expect(await callText(dialect, t.url, 'customerRadius', { ...base, table: 'radcheck', action: 'add', attribute: 'Simultaneous-Use', op: '<>', value: '1' })).toMatch(/^ERROR: op must be one of/);
        expect(await callText(dialect, t.url, 'customerRadius', { table: 'radcheck', action: 'delete', customerid: customer.id })).toBe(
          'ERROR: give the id of the row to delete, or its username and attribute',
        );
        expect(await callText(dialect, t.url, 'customerRadius', { ...base, table: 'radcheck', action: 'modify', attribute: 'Simultaneous-Use', value: '2' })).toBe(
          `ERROR: radcheck row of username "${customer.username}" with attribute "Simultaneous-Use" does not exist`,
        );
        // A row of another customer is not found through this one.
        const [foreign] = await q<{ id: number }>(sql`select id from radcheck where customer_id = ${other.id} limit 1`);
        expect(await callText(dialect, t.url, 'customerRadius', { table: 'radcheck', action: 'delete', customerid: customer.id, id: foreign!.id })).toBe(`ERROR: radcheck row ${foreign!.id} does not exist`);
        expect(await counts()).toEqual(before);

        // Two rows with the same attribute: a name is not enough, the id is.
        const first = idOf(await call({ ...base, table: 'radreply', action: 'add', attribute: 'Class', value: 'a' }));
        const second = idOf(await call({ ...base, table: 'radreply', action: 'add', attribute: 'Class', value: 'b' }));
        expect(await callText(dialect, t.url, 'customerRadius', { ...base, table: 'radreply', action: 'modify', attribute: 'Class', value: 'c' })).toBe(
          `ERROR: 2 radreply rows of username "${customer.username}" with attribute "Class" exist; give the id of the one to modify`,
        );
        expect(idOf(await call({ ...base, table: 'radreply', action: 'delete', attribute: 'Class', value: 'b' }))).toBe(second);
        expect(idOf(await call({ ...base, table: 'radreply', action: 'delete', id: first }))).toBe(first);
        expect(await counts()).toEqual(before);
      });
    });
  });

  describe('listRadiusSessions', () => {
    const username = 'sr-sessions';
    let sessionCustomer: number;

    beforeAll(async () => {
      sessionCustomer = other.id;
      await q(sql`insert into radius_accounts (operator_id, customer_id, username, priority) select operator_id, id, ${username}, 2 from customers where id = ${sessionCustomer}`);
      // The document's sample sessions (FreeRADIUS inserts without owner; the database attributes them), and one in Irish summer time.
      const insert = (s: { id: string; start: string; stop: string | null; time: number; input: number; output: number }) =>
        q(sql`insert into radacct (acctsessionid, acctuniqueid, username, nasipaddress, framedipaddress, callingstationid, acctstarttime, acctstoptime, acctsessiontime, acctinputoctets, acctoutputoctets)
          values (${s.id}, ${`sr-${s.id}-${s.start}`}, ${username}, '37.48.225.24', '37.48.226.202', '04:18:D6:FA:58:0C', ${s.start}::timestamptz, ${s.stop}::timestamptz, ${s.time}, ${s.input}, ${s.output})`);
      await insert({ id: '81304cb3', start: '2018-01-11 02:11:10+00', stop: '2018-01-11 11:56:09+00', time: 35099, input: 2953407, output: 3619460 });
      await insert({ id: '8130a337', start: '2018-02-22 03:31:53+00', stop: '2018-03-03 18:32:49+00', time: 831656, input: 1104564354, output: 16392279807 });
      await insert({ id: '8130ba19', start: '2018-03-03 18:33:24+00', stop: null, time: 9817273, input: 9293410279, output: 116513067944 });
      await insert({ id: 'summer01', start: '2017-07-01 11:00:00+00', stop: '2017-07-01 11:00:30+00', time: 30, input: 512, output: 1048535 });
    });

    const expected = (radacctid: (id: string) => string) => [
      {
        acctoutputoctets: '116513067944', acctsessiontime: '9817273', acctstarttime_display: '2018-03-03 18:33:24', acctinputoctets: '9293410279', acctsessionid: '8130ba19',
        nasipaddress: '37.48.225.24', acctsessiontime_display: '113 day(s) 15h 01m 13s ', acctstoptime: null, framedipaddress: '37.48.226.202', framedipv6prefix: null,
        callingstationid: '04:18:D6:FA:58:0C', radacctid: radacctid('8130ba19'), acctinputoctets_display: '8.7 GB', username, acctstarttime: '2018-03-03 18:33:24+00',
        acctsessionid_display: '8130ba19', customerid: String(sessionCustomer), acctstoptime_display: '', acctoutputoctets_display: '108.5 GB',
      },
      {
        acctoutputoctets: '16392279807', acctsessiontime: '831656', acctstarttime_display: '2018-02-22 03:31:53', acctinputoctets: '1104564354', acctsessionid: '8130a337',
        nasipaddress: '37.48.225.24', acctsessiontime_display: '9 day(s) 15h 00m 56s ', acctstoptime: '2018-03-03 18:32:49+00', framedipaddress: '37.48.226.202', framedipv6prefix: null,
        current: 1, callingstationid: '04:18:D6:FA:58:0C', radacctid: radacctid('8130a337'), acctinputoctets_display: '1.0 GB', username, acctstarttime: '2018-02-22 03:31:53+00',
        acctsessionid_display: '8130a337', customerid: String(sessionCustomer), acctstoptime_display: '2018-03-03 18:32:49', acctoutputoctets_display: '15.3 GB',
      },
      {
        acctoutputoctets: '3619460', acctsessiontime: '35099', acctstarttime_display: '2018-01-11 02:11:10', acctinputoctets: '2953407', acctsessionid: '81304cb3',
        nasipaddress: '37.48.225.24', acctsessiontime_display: '09h 44m 59s ', acctstoptime: '2018-01-11 11:56:09+00', framedipaddress: '37.48.226.202', framedipv6prefix: null,
        current: 1, callingstationid: '04:18:D6:FA:58:0C', radacctid: radacctid('81304cb3'), acctinputoctets_display: '2.8 MB', username, acctstarttime: '2018-01-11 02:11:10+00',
        acctsessionid_display: '81304cb3', customerid: String(sessionCustomer), acctstoptime_display: '2018-01-11 11:56:09', acctoutputoctets_display: '3.5 MB',
      },
      {
        // Europe/Dublin is an hour ahead of UTC in summer; under 1 KB in bytes; 1023.96 KB rounds up to 1.0 MB.
        acctoutputoctets: '1048535', acctsessiontime: '30', acctstarttime_display: '2017-07-01 12:00:00', acctinputoctets: '512', acctsessionid: 'summer01',
        nasipaddress: '37.48.225.24', acctsessiontime_display: '00h 00m 30s ', acctstoptime: '2017-07-01 11:00:30+00', framedipaddress: '37.48.226.202', framedipv6prefix: null,
        current: 1, callingstationid: '04:18:D6:FA:58:0C', radacctid: radacctid('summer01'), acctinputoctets_display: '512 B', username, acctstarttime: '2017-07-01 11:00:00+00',
        acctsessionid_display: 'summer01', customerid: String(sessionCustomer), acctstoptime_display: '2017-07-01 12:00:30', acctoutputoctets_display: '1.0 MB',
      },
    ];
    const idsBySession = async () => {
      const found = await q<{ radacctid: number; acctsessionid: string }>(sql`select radacctid, acctsessionid from radacct where username = ${username}`);
      return (session: string) => String(found.find((f) => f.acctsessionid === session)!.radacctid);
    };

    it('answers the document\'s JSON, newest first, by username at every REST route the document shows', async () => {
      const want = expected(await idsBySession());
      for (const path of ['/API/listRadiusSessions', '/restapi/listRadiusSessions', '/restapi/API/listRadiusSessions']) {
        const reply = await rest(t.url, 'listRadiusSessions', { username }, { path });
        expect(reply.status, path).toBe(200);
        expect(reply.result, path).toEqual({ radius_sessions: want });
      }
    });

    it("lists a customer's sessions across its usernames, the same ones the graph shows", async () => {
      const result = (await rest(t.url, 'listRadiusSessions', { customerid: sessionCustomer })).result as { radius_sessions: Record_[] };
      const graph = await t.gql<{ radiusSessions: { totalCount: number; nodes: { legacyId: string; username: string }[] } }>(
        `query($c: ID!) { radiusSessions(first: 100, filter: { customerId: $c }) { totalCount nodes { legacyId username } } }`,
        { c: Buffer.from(`Customer:${sessionCustomer}`).toString('base64url') },
      );
      // The graph gives a session's 64-bit number as the same decimal text.
      expect(result.radius_sessions.map((s) => String(s.radacctid)).sort()).toEqual(graph.data.radiusSessions.nodes.map((n) => n.legacyId).sort());
      expect(new Set(result.radius_sessions.map((s) => s.username))).toEqual(new Set([other.username, username].filter((u) => graph.data.radiusSessions.nodes.some((n) => n.username === u))));
      expect(result.radius_sessions.filter((s) => s.username === username)).toEqual(expected(await idsBySession()));
    });

    it('answers a radiusSessionsRoot document over SOAP with the same fields', async () => {
      const want = expected(await idsBySession());
      const doc = await soapDocument(t.url, 'listRadiusSessions', { username });
      expect(doc.local).toBe('radiusSessionsRoot');
      const sessions = children(doc, 'radius_session');
      expect(sessions.map((s) => s.attributes.find((a) => a.local === 'id')?.value)).toEqual(want.map((w) => w.radacctid));
      expect(sessions.map(leaves)).toEqual(asXmlText(want));
    });

    it.each(DIALECTS)('refuses a call naming neither customer nor username, an unknown customer and a bad id (%s)', async (dialect) => {
      expect(await callText(dialect, t.url, 'listRadiusSessions', {})).toBe('ERROR: give a customerid or a username');
      expect(await callText(dialect, t.url, 'listRadiusSessions', { customerid: 999999 })).toBe('ERROR: customer 999999 does not exist');
      expect(await callText(dialect, t.url, 'listRadiusSessions', { customerid: '17x' })).toBe('ERROR: customerid: expected a whole number (got "17x")');
      if (dialect === 'rest') expect((await rest(t.url, 'listRadiusSessions', { username: 'never-logged-in' })).result).toEqual({ radius_sessions: [] });
    });
  });
});
