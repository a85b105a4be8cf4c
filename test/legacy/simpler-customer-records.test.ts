/**
 * SIMPLer custom-table entries, community codes and sub-accounts over SOAP and REST/JSON,
 * including the document's curl-style REST routes (`/restapi/customTableEntries` with GET, POST,
 * PUT and DELETE, JSON bodies even on GET).
 */
import http from 'node:http';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enabledEngines } from '../helpers/engines';
import { startTestApp, type TestApp } from '../helpers/app';
import { rows } from '../helpers/sql';
import { callText, child, children, DEMO_API, DIALECTS, rest, soap, xmlResult, type Dialect, type Params } from '../helpers/simpler';
import type { ParsedElement } from '../../src/legacy/xml/parse';

/** A REST call with a JSON body on any method — GET included, as the document's curl does (fetch cannot). */
function restWithBody(baseUrl: string, method: string, path: string, params: Params): Promise<{ status: number; ip: string; result: unknown }> {
  const body = JSON.stringify({ ...DEMO_API, ...params });
  return new Promise((resolve, reject) => {
    const req = http.request(
      new URL(path, baseUrl),
      { method, headers: { 'content-type': 'application/json', accept: 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => {
          const parsed = JSON.parse(text) as { ip: string; result: unknown };
          resolve({ status: res.statusCode!, ip: parsed.ip, result: parsed.result });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function attr(element: ParsedElement, name: string): string | undefined {
  return element.attributes.find((a) => a.local === name)?.value;
}

type TableRowsJson = Record<string, { columns: Record<string, Record<string, string>>; rows_per_customerid?: Record<string, Record<string, Record<string, string>>> }>;

describe.each(enabledEngines())('SIMPLer customer records on %s', (engine) => {
  let t: TestApp;
  /** The voip table's column ids: username, password, number. */
  let cols: [number, number, number];

  beforeAll(async () => {
    t = await startTestApp(engine);
    const res = await t.gql<{ customTables: { name: string; columns: { columnId: number; label: string }[] }[] }>(`{ customTables { name columns { columnId label } } }`);
    const voip = res.data.customTables.find((x) => x.name === 'voip')!;
    cols = voip.columns.map((c) => c.columnId) as [number, number, number];
  });
  afterAll(() => t.stop());

  const db = () => t.database.handle.db;

  async function graphRows(customerId: number) {
    const res = await t.gql<{ customer: { customTableRows: { legacyId: number; tableName: string; cells: { columnId: number; value: string }[] }[] } }>(
      `query($id: Int) { customer(legacyId: $id) { customTableRows { legacyId tableName cells { columnId value } } } }`,
      { id: customerId },
    );
    return res.data.customer.customTableRows.map((r) => ({ rowId: r.legacyId, table: r.tableName, cells: Object.fromEntries(r.cells.map((c) => [c.columnId, c.value])) }));
  }

  const countRows = async () => (await rows<{ n: number }>(db(), sql`select count(*)::int as n from custom_table_rows`))[0]!.n;

  /** Cell parameters as each dialect names them: `columnid39` in SOAP, `"39"` in JSON. */
  const cells = (dialect: Dialect, values: Record<number, string>): Params =>
    Object.fromEntries(Object.entries(values).map(([id, value]) => [dialect === 'soap' ? `columnid${id}` : id, value]));

  describe.each(DIALECTS)('custom tables over %s', (dialect) => {
    const customerId = dialect === 'soap' ? 2 : 4;

    it('adds, lists, modifies and deletes a row', async () => {
      const added = await callText(dialect, t.url, 'addCustomTableEntries', { customerid: customerId, tablename: 'voip', ...cells(dialect, { [cols[0]]: 'user1', [cols[1]]: 'pass1', [cols[2]]: '+35321000' }) });
      expect(added).toMatch(/^OK: \d+$/);
      const rowId = Number(added.slice(4));
      expect(await graphRows(customerId)).toContainEqual({ rowId, table: 'voip', cells: { [cols[0]]: 'user1', [cols[1]]: 'pass1', [cols[2]]: '+35321000' } });

      expect(await callText(dialect, t.url, 'modifyCustomTableEntries', { customerid: customerId, tablename: 'voip', rowid: rowId, ...cells(dialect, { [cols[2]]: '+35321999' }) })).toBe('OK');
      // A cell sent empty is cleared; the others keep their values.
      expect(await callText(dialect, t.url, 'modifyCustomTableEntries', { customerid: customerId, rowid: rowId, ...cells(dialect, { [cols[1]]: '' }) })).toBe('OK');
      expect((await graphRows(customerId)).find((r) => r.rowId === rowId)!.cells).toEqual({ [cols[0]]: 'user1', [cols[2]]: '+35321999' });

      if (dialect === 'soap') {
        const doc = xmlResult((await soap(t.url, 'listCustomTableEntries', { customerid: customerId })).result!);
        expect(doc.local).toBe('customTableEntriesRoot');
        const table = children(doc, 'table').find((x) => attr(x, 'name') === 'voip')!;
        const columns = children(child(table, 'columns')!, 'column');
        expect(columns.map((c) => attr(c, 'id'))).toEqual(cols.map(String));
        expect(child(columns[0]!, 'label')!.text).toBe('VoIP Username');
        expect(child(columns[0]!, 'availability')!.text).toBe('customer custom table');
        const row = children(child(table, 'rows')!, 'row').find((r) => attr(r, 'rowid') === String(rowId))!;
        expect(attr(row, 'customerid')).toBe(String(customerId));
        expect(children(row, 'cell').map((c) => [attr(c, 'columnid'), c.text])).toEqual([
          [String(cols[0]), 'user1'],
          [String(cols[2]), '+35321999'],
        ]);
      } else {
        const reply = await rest(t.url, 'listCustomTableEntries', { customerid: customerId });
        const result = reply.result as TableRowsJson;
        const expected = Object.fromEntries((await graphRows(customerId)).filter((r) => r.table === 'voip').map((r) => [r.rowId, r.cells]));
        expect(result.voip!.rows_per_customerid).toEqual({ [customerId]: expected });
        expect(result.voip!.rows_per_customerid![customerId]![rowId]).toEqual({ [cols[0]]: 'user1', [cols[2]]: '+35321999' });
        expect(result.voip!.columns[cols[0]]).toEqual({
          locked: '0',
          options: '',
          note: '',
          availability: 'customer custom table',
          length: '',
          default_value: '',
          mandatory: '0',
          label: 'VoIP Username',
          type: 'textfield',
          id: String(cols[0]),
        });
      }

      expect(await callText(dialect, t.url, 'deleteCustomTableEntries', { customerid: customerId, rowid: rowId })).toBe('OK');
      expect((await graphRows(customerId)).some((r) => r.rowId === rowId)).toBe(false);
    });

    it('filters the listing by value and column, and always returns the columns', async () => {
      const added = await callText(dialect, t.url, 'addCustomTableEntries', { customerid: customerId, tablename: 'voip', ...cells(dialect, { [cols[0]]: `find-me-${dialect}` }) });
      const rowId = Number(added.slice(4));
      const list = async (params: Params) => {
        if (dialect === 'rest') return (await rest(t.url, 'listCustomTableEntries', params)).result as TableRowsJson;
        // Re-index the XML like the JSON so both dialects are checked the same way.
        const doc = xmlResult((await soap(t.url, 'listCustomTableEntries', params)).result!);
        const json: TableRowsJson = {};
        for (const table of children(doc, 'table')) {
          const rowsPer: Record<string, Record<string, Record<string, string>>> = {};
          for (const row of children(child(table, 'rows')!, 'row')) {
            (rowsPer[attr(row, 'customerid')!] ??= {})[attr(row, 'rowid')!] = Object.fromEntries(children(row, 'cell').map((c) => [attr(c, 'columnid')!, c.text]));
          }
          json[attr(table, 'name')!] = { columns: Object.fromEntries(children(child(table, 'columns')!, 'column').map((c) => [attr(c, 'id')!, {}])), ...(Object.keys(rowsPer).length ? { rows_per_customerid: rowsPer } : {}) };
        }
        return json;
      };
      expect((await list({ value: `find-me-${dialect}` })).voip!.rows_per_customerid).toEqual({ [customerId]: { [rowId]: { [cols[0]]: `find-me-${dialect}` } } });
      expect((await list({ value: `find-me-${dialect}`, columnid: cols[0] })).voip!.rows_per_customerid).toEqual({ [customerId]: { [rowId]: { [cols[0]]: `find-me-${dialect}` } } });
      const none = await list({ value: `find-me-${dialect}`, columnid: cols[1] });
      expect(none.voip!.rows_per_customerid).toBeUndefined();
      expect(Object.keys(none.voip!.columns)).toEqual(cols.map(String));
      expect(await callText(dialect, t.url, 'deleteCustomTableEntries', { customerid: customerId, rowid: rowId })).toBe('OK');
    });

    it('refuses bad calls and changes nothing', async () => {
      const before = await countRows();
      const add = (params: Params) => callText(dialect, t.url, 'addCustomTableEntries', params);
      expect(await add({ tablename: 'voip', ...cells(dialect, { [cols[0]]: 'x' }) })).toBe('ERROR: customerid is required');
      expect(await add({ customerid: customerId, ...cells(dialect, { [cols[0]]: 'x' }) })).toBe('ERROR: tablename is required');
      expect(await add({ customerid: 'two', tablename: 'voip' })).toBe('ERROR: customerid: expected a whole number (got "two")');
      expect(await add({ customerid: customerId, tablename: 'nope', ...cells(dialect, { [cols[0]]: 'x' }) })).toBe('ERROR: custom table "nope" does not exist');
      expect(await add({ customerid: 99999, tablename: 'voip', ...cells(dialect, { [cols[0]]: 'x' }) })).toBe('ERROR: customer 99999 does not exist');
      expect(await add({ customerid: customerId, tablename: 'voip', ...cells(dialect, { 99999: 'x' }) })).toBe('ERROR: column 99999 does not belong to custom table "voip"');
      expect(await add({ customerid: customerId, tablename: 'voip' })).toBe('ERROR: give at least one column value');
      // `colour` is neither a parameter nor a column id: ignored, so no column value was given.
      expect(await add({ customerid: customerId, tablename: 'voip', colour: 'blue' })).toBe('ERROR: give at least one column value');
      const modify = (params: Params) => callText(dialect, t.url, 'modifyCustomTableEntries', params);
      expect(await modify({ customerid: customerId, ...cells(dialect, { [cols[0]]: 'x' }) })).toBe('ERROR: rowid is required');
      expect(await modify({ customerid: customerId, rowid: 99999, ...cells(dialect, { [cols[0]]: 'x' }) })).toBe(`ERROR: custom table row 99999 of customer ${customerId} does not exist`);
      expect(await callText(dialect, t.url, 'deleteCustomTableEntries', { customerid: customerId, rowid: 99999 })).toBe(`ERROR: custom table row 99999 of customer ${customerId} does not exist`);
      expect(await callText(dialect, t.url, 'deleteCustomTableEntries', { customerid: customerId })).toBe('ERROR: rowid is required');
      expect(await callText(dialect, t.url, 'listCustomTableEntries', { columnid: 'x' })).toBe('ERROR: columnid: expected a whole number (got "x")');
      expect(await countRows()).toBe(before);
    });

    it("refuses another customer's row and leaves it as it was", async () => {
      const added = await callText(dialect, t.url, 'addCustomTableEntries', { customerid: customerId, tablename: 'voip', ...cells(dialect, { [cols[0]]: 'mine' }) });
      const rowId = Number(added.slice(4));
      expect(await callText(dialect, t.url, 'modifyCustomTableEntries', { customerid: 7, rowid: rowId, ...cells(dialect, { [cols[0]]: 'theirs' }) })).toBe(
        `ERROR: custom table row ${rowId} of customer 7 does not exist`,
      );
      expect(await callText(dialect, t.url, 'deleteCustomTableEntries', { customerid: 7, rowid: rowId })).toBe(`ERROR: custom table row ${rowId} of customer 7 does not exist`);
      expect((await graphRows(customerId)).find((r) => r.rowId === rowId)!.cells).toEqual({ [cols[0]]: 'mine' });
      expect(await callText(dialect, t.url, 'deleteCustomTableEntries', { customerid: customerId, rowid: rowId })).toBe('OK');
    });
  });

  it('serves the documented curl requests on /restapi/API/<op> and /restapi/customTableEntries', async () => {
    // A customer without seeded rows, so the listing holds exactly the two rows added here.
    const [free] = await rows<{ id: number }>(db(), sql`select id from customers c where not exists (select 1 from custom_table_rows r where r.customer_id = c.id) order by id limit 1`);
    const customerId = free!.id;
    const values = { [cols[0]]: 'VoIPUsername', [cols[1]]: 'VoIPPassword', [cols[2]]: 'VoIPNumber' };
    const viaApi = await restWithBody(t.url, 'POST', '/restapi/API/addCustomTableEntries', { customerid: String(customerId), tablename: 'voip', ...values });
    expect(viaApi.status).toBe(200);
    expect(viaApi.result).toMatch(/^OK: \d+$/);
    const viaResource = await restWithBody(t.url, 'POST', '/restapi/customTableEntries', { customerid: String(customerId), tablename: 'voip', ...values });
    expect(viaResource.result).toMatch(/^OK: \d+$/);
    const [first, second] = [viaApi, viaResource].map((r) => (r.result as string).slice(4));

    const listed = await restWithBody(t.url, 'GET', '/restapi/customTableEntries', { customerid: String(customerId) });
    expect(listed.ip).toBe('127.0.0.1');
    expect((listed.result as TableRowsJson).voip!.rows_per_customerid).toEqual({ [customerId]: { [first!]: values, [second!]: values } });
    const viaPost = await restWithBody(t.url, 'POST', '/restapi/API/listCustomTableEntries', { customerid: String(customerId) });
    expect(viaPost.result).toEqual(listed.result);

    expect((await restWithBody(t.url, 'POST', '/restapi/API/modifyCustomTableEntries', { customerid: String(customerId), tablename: 'voip', rowid: first!, [cols[2]]: 'VoIPNumberModified' })).result).toBe('OK');
    expect((await restWithBody(t.url, 'PUT', '/restapi/customTableEntries', { customerid: String(customerId), tablename: 'voip', rowid: second!, [cols[2]]: 'VoIPNumberModified2' })).result).toBe('OK');
    const rowsNow = await graphRows(customerId);
    expect(rowsNow.find((r) => r.rowId === Number(first))!.cells[cols[2]]).toBe('VoIPNumberModified');
    expect(rowsNow.find((r) => r.rowId === Number(second))!.cells[cols[2]]).toBe('VoIPNumberModified2');

    expect((await restWithBody(t.url, 'POST', '/restapi/API/deleteCustomTableEntries', { customerid: String(customerId), rowid: first! })).result).toBe('OK');
    expect((await restWithBody(t.url, 'DELETE', '/restapi/customTableEntries', { customerid: String(customerId), rowid: second! })).result).toBe('OK');
    expect(await graphRows(customerId)).toEqual([]);
    expect(((await restWithBody(t.url, 'GET', '/restapi/customTableEntries', { customerid: String(customerId) })).result as TableRowsJson).voip!.rows_per_customerid).toBeUndefined();
  });

  // ---------------------------------------------------------------- community codes

  const graphCodes = async () => (await t.gql<{ communityCodes: { code: string }[] }>(`{ communityCodes { code } }`)).data.communityCodes.map((c) => c.code);

  describe.each(DIALECTS)('community codes over %s', (dialect) => {
    const code = `Code via ${dialect}`;

    it('adds, renames and deletes a code', async () => {
      expect(await callText(dialect, t.url, 'addCommunityCode', { code })).toBe('OK');
      expect(await graphCodes()).toContain(code);
      expect(await callText(dialect, t.url, 'modifyCommunityCode', { code, new_code: `${code} Modified` })).toBe('OK');
      expect(await graphCodes()).toEqual(expect.arrayContaining([`${code} Modified`]));
      expect(await graphCodes()).not.toContain(code);
      expect(await callText(dialect, t.url, 'deleteCommunityCode', { code: `${code} Modified` })).toBe('OK');
      expect(await graphCodes()).not.toContain(`${code} Modified`);
    });

    it('refuses duplicates, unknown codes, codes in use and missing parameters, changing nothing', async () => {
      const before = await graphCodes();
      expect(await callText(dialect, t.url, 'addCommunityCode', { code: 'Community Code 2' })).toBe('ERROR: code "Community Code 2" already exist');
      expect(await callText(dialect, t.url, 'addCommunityCode', {})).toBe('ERROR: code is required');
      expect(await callText(dialect, t.url, 'modifyCommunityCode', { code: 'Community Code 3', new_code: 'Community Code 2' })).toBe('ERROR: code "Community Code 2" already exist');
      expect(await callText(dialect, t.url, 'modifyCommunityCode', { code: 'No Such Code', new_code: 'Whatever' })).toBe('ERROR: community code "No Such Code" does not exist');
      expect(await callText(dialect, t.url, 'modifyCommunityCode', { code: 'Community Code 3' })).toBe('ERROR: new_code is required');
      expect(await callText(dialect, t.url, 'deleteCommunityCode', { code: 'No Such Code' })).toBe('ERROR: community code "No Such Code" does not exist');
      const [used] = await rows<{ code: string; n: number }>(
        db(),
        sql`select cc.code, count(*)::int as n from customers c join community_codes cc on cc.id = c.community_code_id group by cc.code order by cc.code limit 1`,
      );
      expect(await callText(dialect, t.url, 'deleteCommunityCode', { code: used!.code })).toBe(`ERROR: community code "${used!.code}" is used by ${used!.n} customer(s)`);
      expect(await graphCodes()).toEqual(before);
    });
  });

  it('listCommunityCode returns the codes newest first with their count (SOAP XML and REST JSON)', async () => {
    const expected = await graphCodes();
    const doc = xmlResult((await soap(t.url, 'listCommunityCode')).result!);
    expect(doc.local).toBe('customerSearchRoot');
    expect(children(doc, 'code').map((c) => c.text)).toEqual(expected);
    expect(child(doc, 'results')!.text).toBe(String(expected.length));
    expect(expected.at(-1)).toBe('Community Code 1 Default');
    const reply = await rest(t.url, 'listCommunityCode');
    expect(reply.result).toEqual({ code: expected, results: String(expected.length) });
  });

  // ---------------------------------------------------------------- sub-accounts

  interface Link {
    subaccount: { legacyId: number };
    masterDisplaySubaccountInvoices: boolean;
    masterDisplaySubaccountUsage: boolean;
    subaccountDisplayMasterInvoices: boolean;
    syncCustomerStatus: boolean;
    syncUsageAllowance: boolean;
    masterAllowPortalRelogin: boolean;
    invoiceFromMaster: boolean;
    invoiceFromMasterProrate: number;
  }
  async function graphLinks(masterId: number): Promise<Link[]> {
    const res = await t.gql<{ customer: { subaccounts: { nodes: Link[] } } }>(
      `query($id: Int) { customer(legacyId: $id) { subaccounts(first: 100) { nodes { subaccount { legacyId } masterDisplaySubaccountInvoices masterDisplaySubaccountUsage
         subaccountDisplayMasterInvoices syncCustomerStatus syncUsageAllowance masterAllowPortalRelogin invoiceFromMaster invoiceFromMasterProrate } } } }`,
      { id: masterId },
    );
    return res.data.customer.subaccounts.nodes;
  }
  const countLinks = async () => (await rows<{ n: number }>(db(), sql`select count(*)::int as n from customer_subaccounts`))[0]!.n;

  describe.each(DIALECTS)('sub-accounts over %s', (dialect) => {
    const [master, sub, other] = dialect === 'soap' ? [20, 21, 22] : [30, 31, 32];

    it('adds, updates and deletes a link with its flags', async () => {
      expect(
        await callText(dialect, t.url, 'addSubaccount', {
          masterCustomerId: master,
          subCustomerId: sub,
          master_display_subaccount_invoices: 't',
          subaccount_synchronization_customerstatus: 't',
          subaccount_invoice_from_master: 't',
          subaccount_invoice_from_master_prorate: '2',
        }),
      ).toBe('OK');
      let [link] = await graphLinks(master);
      expect(link).toEqual({
        subaccount: { legacyId: sub },
        masterDisplaySubaccountInvoices: true,
        masterDisplaySubaccountUsage: false,
        subaccountDisplayMasterInvoices: false,
        syncCustomerStatus: true,
        syncUsageAllowance: false,
        masterAllowPortalRelogin: false,
        invoiceFromMaster: true,
        invoiceFromMasterProrate: 2,
      });

      expect(
        await callText(dialect, t.url, 'updateSubaccount', { masterCustomerId: master, subCustomerId: sub, master_display_subaccount_invoices: 'f', master_allow_eup_relogin: 't', subaccount_invoice_from_master_prorate: '3' }),
      ).toBe('OK');
      [link] = await graphLinks(master);
      expect(link).toMatchObject({ masterDisplaySubaccountInvoices: false, masterAllowPortalRelogin: true, syncCustomerStatus: true, invoiceFromMaster: true, invoiceFromMasterProrate: 3 });

      expect(await callText(dialect, t.url, 'deleteSubaccount', { masterCustomerId: master, subCustomerId: sub })).toBe('OK');
      expect(await graphLinks(master)).toEqual([]);
    });

    it('refuses bad links and bad flags, changing nothing', async () => {
      expect(await callText(dialect, t.url, 'addSubaccount', { masterCustomerId: master, subCustomerId: sub })).toBe('OK');
      const before = await countLinks();
      const add = (params: Params) => callText(dialect, t.url, 'addSubaccount', params);
      expect(await add({ masterCustomerId: master })).toBe('ERROR: subCustomerId is required');
      expect(await add({ masterCustomerId: master, subCustomerId: 'x' })).toBe('ERROR: subCustomerId: expected a whole number (got "x")');
      expect(await add({ masterCustomerId: master, subCustomerId: 99999 })).toBe('ERROR: customer 99999 does not exist');
      expect(await add({ masterCustomerId: master, subCustomerId: master })).toBe('ERROR: a customer cannot be its own sub-account');
      expect(await add({ masterCustomerId: other, subCustomerId: sub })).toBe(`ERROR: customer ${sub} is already a sub-account of customer ${master}`);
      expect(await add({ masterCustomerId: sub, subCustomerId: master })).toBe(`ERROR: customer ${sub} is a sub-account of customer ${master}; the link would form a cycle`);
      expect(await add({ masterCustomerId: master, subCustomerId: other, master_display_subaccount_usage: 'maybe' })).toBe(
        'ERROR: master_display_subaccount_usage: expected 1 or 0 (got "maybe")',
      );
      expect(await add({ masterCustomerId: master, subCustomerId: other, subaccount_invoice_from_master_prorate: '4' })).toBe(
        'ERROR: subaccount_invoice_from_master_prorate: must be one of 1, 2, 3 (got "4")',
      );
      expect(await callText(dialect, t.url, 'updateSubaccount', { masterCustomerId: master, subCustomerId: other, master_display_subaccount_usage: 't' })).toBe(
        `ERROR: sub-account link ${master} → ${other} does not exist`,
      );
      expect(await callText(dialect, t.url, 'deleteSubaccount', { masterCustomerId: master, subCustomerId: other })).toBe(`ERROR: sub-account link ${master} → ${other} does not exist`);
      expect(await countLinks()).toBe(before);
      expect((await graphLinks(master)).map((l) => l.subaccount.legacyId)).toEqual([sub]);
      expect(await callText(dialect, t.url, 'deleteSubaccount', { masterCustomerId: master, subCustomerId: sub })).toBe('OK');
    });
  });
});
