/**
 * SIMPLer pingAPI, checkExistingEmail, getCustomerStatuses and checkEUPLogin over SOAP and
 * REST/JSON, and the authentication every operation shares (credentials, access list, operator).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enabledEngines } from '../helpers/engines';
import { startTestApp, type TestApp } from '../helpers/app';
import { rows } from '../helpers/sql';
import { callText, child, children, DIALECTS, rest, soap, xmlResult } from '../helpers/simpler';

describe.each(enabledEngines())('SIMPLer system operations on %s', (engine) => {
  let t: TestApp;
  let customer: { legacyId: number; email: string };

  beforeAll(async () => {
    t = await startTestApp(engine);
    const res = await t.gql<{ customers: { nodes: { legacyId: number; email: string }[] } }>(
      `{ customers(first: 1, filter: { status: "current" }) { nodes { legacyId email } } }`,
    );
    customer = res.data.customers.nodes[0]!;
  });
  afterAll(() => t.stop());

  describe.each(DIALECTS)('over %s', (dialect) => {
    it('pingAPI answers OK to valid credentials', async () => {
      expect(await callText(dialect, t.url, 'pingAPI')).toBe('OK');
    });

    it('refuses a wrong password, an unknown user and an unknown operator alike', async () => {
      expect(await callText(dialect, t.url, 'pingAPI', { api_password: 'wrong' })).toBe('ERROR: invalid api_username/api_password');
      expect(await callText(dialect, t.url, 'pingAPI', { api_username: 'nobody' })).toBe('ERROR: invalid api_username/api_password');
      expect(await callText(dialect, t.url, 'pingAPI', { operator: 'other' })).toBe('ERROR: invalid api_username/api_password');
      expect(await callText(dialect, t.url, 'pingAPI', { operator: 'demo' })).toBe('OK');
    });

    it('checkExistingEmail answers the customer id, case-insensitively, or 0', async () => {
      expect(await callText(dialect, t.url, 'checkExistingEmail', { email: customer.email.toUpperCase() })).toBe(String(customer.legacyId));
      expect(await callText(dialect, t.url, 'checkExistingEmail', { email: 'no-such-person@nowhere.example' })).toBe('0');
    });

    it('checkExistingEmail refuses a missing or malformed address', async () => {
      expect(await callText(dialect, t.url, 'checkExistingEmail', {})).toBe('ERROR: email is required');
      expect(await callText(dialect, t.url, 'checkExistingEmail', { email: 'not-an-address' })).toMatch(/^ERROR: email: not an e-mail address/);
    });

    it('checkEUPLogin answers OK: <customer id> for a valid portal login and the documented error otherwise', async () => {
      const [row] = await rows<{ id: number; invoicing_id: string }>(
        t.database.handle.db,
        sql`select id, coalesce(portal_username, invoicing_id) as invoicing_id from customers where portal_password_hash is not null order by id limit 1`,
      );
      expect(await callText(dialect, t.url, 'checkEUPLogin', { eup_username: row!.invoicing_id, eup_password: 'portal' })).toBe(`OK: ${row!.id}`);
      expect(await callText(dialect, t.url, 'checkEUPLogin', { eup_username: row!.invoicing_id, eup_password: 'wrong' })).toBe('ERROR: invalid username/password');
      expect(await callText(dialect, t.url, 'checkEUPLogin', { eup_username: row!.invoicing_id })).toBe('ERROR: eup_password is required');
    });

    it('ignores parameters the operation does not document, as SIMPLer does', async () => {
      expect(await callText(dialect, t.url, 'pingAPI', { colour: 'blue' })).toBe('OK');
    });
  });

  it('getCustomerStatuses returns the statuses as a customerStatusesRoot document over SOAP', async () => {
    const reply = await soap(t.url, 'getCustomerStatuses');
    const doc = xmlResult(reply.result!);
    expect(doc.local).toBe('customerStatusesRoot');
    const names = children(doc, 'array').map((a) => a.text);
    const graph = await t.gql<{ customerStatuses: { name: string }[] }>(`{ customerStatuses { name } }`);
    expect(names).toEqual(graph.data.customerStatuses.map((s) => s.name));
    const post = children(child(doc, 'labels')!, 'label').find((l) => l.attributes.some((a) => a.local === 'name' && a.value === 'post'));
    expect(post?.text).toBe('Disconnected');
  });

  it('getCustomerStatuses returns the documented JSON over REST', async () => {
    const reply = await rest(t.url, 'getCustomerStatuses');
    const result = reply.result as { array: string[]; labels: Record<string, string>; substatus_hash: Record<string, { values: string[] }> };
    expect(reply.ip).toBe('127.0.0.1');
    expect(result.array).toContain('current');
    expect(result.labels.post).toBe('Disconnected');
    expect(result.substatus_hash.post!.values).toContain('competitor');
  });

  it('refuses a caller whose address is not on the access list', async () => {
    await t.database.handle.db.execute(sql`delete from ip_access_rules`);
    try {
      expect((await soap(t.url, 'pingAPI')).result).toBe('ERROR: access denied: 127.0.0.1 is not on the API access list for demo');
    } finally {
      await t.database.handle.db.execute(
        sql`insert into ip_access_rules (operator_id, api_credential_id, network) select operator_id, id, '127.0.0.0/8' from api_credentials where kind = 'simpler'`,
      );
    }
    expect((await soap(t.url, 'pingAPI')).result).toBe('OK');
  });
});
