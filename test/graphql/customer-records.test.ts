import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as communityCodes from '../../src/customers/community-code.service';
import * as customTables from '../../src/customers/custom-table.service';
import * as subaccounts from '../../src/customers/subaccount.service';
import type { ServiceContext } from '../../src/shared/context';
import { DomainError } from '../../src/shared/errors';
import { enabledEngines } from '../helpers/engines';
import { startTestApp, type TestApp } from '../helpers/app';
import { makeRoleUser, operatorIdOf } from '../helpers/roles';
import { rows } from '../helpers/sql';

type Errors = { field: string[]; message: string; code: string }[];
const gid = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64url');

describe.each(enabledEngines())('GraphQL customer records on %s', (engine) => {
  let t: TestApp;
  let readonlyToken: string;
  let otherToken: string;
  const ids: Record<string, string> = {};
  const q = <T>(query: ReturnType<typeof sql>) => rows<T>(t.database.handle.db, query);
  const ctx = async (): Promise<ServiceContext> => ({
    db: t.database.handle.db,
    actor: { operatorId: (await q<{ id: number }>(sql`select id from operators where code = 'demo'`))[0]!.id, staffUserId: null, role: 'api', surface: 'soap' },
  });
  const legacyOf = (id: string) => Number(Buffer.from(id, 'base64url').toString().split(':')[1]);
  const codeOf = async (p: Promise<unknown>) => p.then(() => 'OK', (e: unknown) => (e instanceof DomainError ? e.code : String(e)));

  async function newCustomer(nickname: string): Promise<string> {
    const res = await t.gql<{ customerCreate: { customer: { id: string } } }>(
      'mutation($n: String!) { customerCreate(input: { name: $n, nickname: $n, invoicingId: $n, status: "potential" }) { customer { id } } }',
      { n: nickname },
    );
    return res.data.customerCreate.customer.id;
  }

  beforeAll(async () => {
    t = await startTestApp(engine);
    for (const n of ['rec_a', 'rec_b', 'rec_c', 'rec_d']) ids[n] = await newCustomer(n);
    readonlyToken = (await makeRoleUser(t.database.handle.db, await operatorIdOf(t.database.handle.db, 'demo'), 'readonly')).token;
    const { generateOperator } = await import('../../src/db/seed/generator');
    otherToken = (await generateOperator(t.database.handle.db, { operatorCode: 'rec-other', customers: 1 })).token;
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('adds customer notes with the author, lists them newest first, and requires title and text', async () => {
    const add = (title: string, text: string) =>
      t.gql<{ customerNoteCreate: { customerNote: { title: string; body: string; authorName: string | null } | null; userErrors: Errors } }>(
        'mutation($i: CustomerNoteCreateInput!) { customerNoteCreate(input: $i) { customerNote { title body authorName } userErrors { field message code } } }',
        { i: { customerId: ids.rec_a, title, text } },
      );
    const first = await add('First call', 'Asked about speeds.');
    expect(first.data.customerNoteCreate.userErrors).toEqual([]);
    expect(first.data.customerNoteCreate.customerNote).toMatchObject({ title: 'First call', body: 'Asked about speeds.' });
    expect(first.data.customerNoteCreate.customerNote!.authorName).toBeTruthy();
    await add('Second call', 'Booked a survey.');
    const bad = await add(' ', '');
    expect(bad.data.customerNoteCreate.customerNote).toBeNull();
    expect(bad.data.customerNoteCreate.userErrors.map((e) => e.field.join('.')).sort()).toEqual(['input.text', 'input.title']);
    const list = await t.gql<{ node: { notes: { nodes: { title: string }[] } } }>('query($id: ID!) { node(id: $id) { ... on Customer { notes(first: 10) { nodes { title } } } } }', { id: ids.rec_a });
    expect(list.data.node.notes.nodes.map((n) => n.title)).toEqual(['Second call', 'First call']);
  });

  it('changes a note: the title or the text given (by the rules of create), the rest stays', async () => {
    const made = await t.gql<{ customerNoteCreate: { customerNote: { id: string; authorName: string | null } } }>(
      'mutation($i: CustomerNoteCreateInput!) { customerNoteCreate(input: $i) { customerNote { id authorName } } }',
      { i: { customerId: ids.rec_c, title: 'Survey', text: 'Line of sight to the hill.' } },
    );
    const id = made.data.customerNoteCreate.customerNote.id;
    type Note = { title: string; body: string; authorName: string | null };
    const upd = async (input: Record<string, unknown>, token?: string) =>
      (
        await t.gql<{ customerNoteUpdate: { customerNote: Note | null; userErrors: Errors } }>(
          'mutation($i: CustomerNoteUpdateInput!) { customerNoteUpdate(input: $i) { customerNote { title body authorName } userErrors { field message code } } }',
          { i: input },
          token,
        )
      ).data.customerNoteUpdate;
    const read = async () =>
      (await t.gql<{ node: Note | null }>('query($id: ID!) { node(id: $id) { ... on CustomerNote { title body authorName } } }', { id })).data.node;
    const author = made.data.customerNoteCreate.customerNote.authorName;

    expect(await upd({ id, title: '  Site survey ' })).toEqual({ customerNote: { title: 'Site survey', body: 'Line of sight to the hill.', authorName: author }, userErrors: [] });
    expect(await upd({ id, text: 'No line of sight: needs a relay.' })).toMatchObject({ customerNote: { title: 'Site survey', body: 'No line of sight: needs a relay.' }, userErrors: [] });
    expect(await upd({ id, title: 'Survey done', text: 'Relay booked.' })).toMatchObject({ customerNote: { title: 'Survey done', body: 'Relay booked.' }, userErrors: [] });
    const now = { title: 'Survey done', body: 'Relay booked.', authorName: author };
    expect(await read()).toEqual(now);
    const list = await t.gql<{ node: { notes: { nodes: { id: string; title: string }[] } } }>('query($id: ID!) { node(id: $id) { ... on Customer { notes(first: 10) { nodes { id title } } } } }', { id: ids.rec_c });
    expect(list.data.node.notes.nodes).toContainEqual({ id, title: 'Survey done' });

    const updates = async () => Number((await q<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'customerNote.update'`))[0]!.n);
    const before = await updates();
    const blank = await upd({ id, title: ' ', text: '' });
    expect(blank.customerNote).toBeNull();
    expect(blank.userErrors.map((e) => [e.field.join('.'), e.code, e.message]).sort()).toEqual([
      ['input.text', 'INVALID', 'note text is required'],
      ['input.title', 'INVALID', 'note title is required'],
    ]);
    expect((await upd({ id, title: null, text: 'kept out' })).userErrors).toEqual([{ field: ['input', 'title'], code: 'INVALID', message: 'note title is required' }]);
    expect((await upd({ id: gid('CustomerNote', 999999), title: 'x' })).userErrors).toEqual([{ field: ['input', 'id'], code: 'NOT_FOUND', message: 'customer note 999999 does not exist' }]);
    expect((await upd({ id: ids.rec_c, title: 'x' })).userErrors).toEqual([{ field: ['input', 'id'], code: 'INVALID', message: 'not a CustomerNote id' }]);
    expect(await upd({ id, title: 'Theirs' }, otherToken)).toMatchObject({ customerNote: null, userErrors: [{ field: ['input', 'id'], code: 'NOT_FOUND' }] });
    expect(await upd({ id, title: 'Mine' }, readonlyToken)).toMatchObject({ customerNote: null, userErrors: [{ code: 'FORBIDDEN' }] });
    expect([await read(), await updates()]).toEqual([now, before]);
  });

  it('manages community codes: unique per operator, renames to a free code, refuses deleting one in use', async () => {
    const codes = await t.gql<{ communityCodes: { id: string; code: string }[] }>('{ communityCodes { id code } }');
    expect(codes.data.communityCodes.map((c) => c.code)).toContain('Community Code 1 Default');
    const created = await t.gql<{ communityCodeCreate: { communityCode: { id: string; code: string } | null; userErrors: Errors } }>(
      'mutation { communityCodeCreate(input: { code: "Code via API" }) { communityCode { id code } userErrors { field message code } } }',
    );
    expect(created.data.communityCodeCreate.userErrors).toEqual([]);
    const id = created.data.communityCodeCreate.communityCode!.id;
    const dup = await t.gql<{ communityCodeCreate: { communityCode: null; userErrors: Errors } }>(
      'mutation { communityCodeCreate(input: { code: "Code via API" }) { communityCode { id } userErrors { field message code } } }',
    );
    expect(dup.data.communityCodeCreate.userErrors[0]).toMatchObject({ code: 'CONFLICT', field: ['input', 'code'] });
    expect(dup.data.communityCodeCreate.userErrors[0]!.message).toMatch(/already exist/);

    const taken = await t.gql<{ communityCodeUpdate: { userErrors: Errors } }>(
      'mutation($id: ID!) { communityCodeUpdate(input: { id: $id, code: "Community Code 2" }) { userErrors { field code } } }',
      { id },
    );
    expect(taken.data.communityCodeUpdate.userErrors[0]!.code).toBe('CONFLICT');
    const renamed = await t.gql<{ communityCodeUpdate: { communityCode: { code: string }; userErrors: Errors } }>(
      'mutation($id: ID!) { communityCodeUpdate(input: { id: $id, code: "Code via API Modified" }) { communityCode { code } userErrors { code } } }',
      { id },
    );
    expect(renamed.data.communityCodeUpdate).toEqual({ communityCode: { code: 'Code via API Modified' }, userErrors: [] });

    // a code in use cannot go; the customer shows it
    const assign = (codeId: string | null) =>
      t.gql<{ customerUpdate: { customer: { communityCode: { id: string; code: string } | null }; userErrors: Errors } }>(
        'mutation($id: ID!, $c: ID) { customerUpdate(input: { id: $id, communityCodeId: $c }) { customer { communityCode { id code } } userErrors { field code } } }',
        { id: ids.rec_a, c: codeId },
      );
    expect((await assign(id)).data.customerUpdate).toEqual({ customer: { communityCode: { id, code: 'Code via API Modified' } }, userErrors: [] });
    const del = () =>
      t.gql<{ communityCodeDelete: { deletedId: string | null; userErrors: Errors } }>(
        'mutation($id: ID!) { communityCodeDelete(input: { id: $id }) { deletedId userErrors { field code message } } }',
        { id },
      );
    const refused = await del();
    expect(refused.data.communityCodeDelete.deletedId).toBeNull();
    expect(refused.data.communityCodeDelete.userErrors).toEqual([{ field: ['input', 'id'], code: 'PRECONDITION_FAILED', message: 'community code "Code via API Modified" is used by 1 customer(s)' }]);

    expect((await assign(null)).data.customerUpdate.customer.communityCode).toBeNull();
    expect((await del()).data.communityCodeDelete).toEqual({ deletedId: id, userErrors: [] });
    const after = await t.gql<{ communityCodes: { code: string }[] }>('{ communityCodes { code } }');
    expect(after.data.communityCodes.map((c) => c.code)).not.toContain('Code via API Modified');
  });

  it('links sub-accounts with flags, one master per sub, no self links or cycles; deletes a link by its id', async () => {
    const link = (master: string, sub: string, extra: Record<string, unknown> = {}) =>
      t.gql<{ subaccountLinkCreate: { subaccountLink: { id: string; invoiceFromMaster: boolean; invoiceFromMasterProrate: number; master: { id: string }; subaccount: { id: string } } | null; userErrors: Errors } }>(
        'mutation($i: SubaccountLinkCreateInput!) { subaccountLinkCreate(input: $i) { subaccountLink { id invoiceFromMaster invoiceFromMasterProrate master { id } subaccount { id } } userErrors { field message code } } }',
        { i: { masterCustomerId: master, subCustomerId: sub, ...extra } },
      );
    const ok = await link(ids.rec_a!, ids.rec_b!, { invoiceFromMaster: true, invoiceFromMasterProrate: 2 });
    expect(ok.data.subaccountLinkCreate.userErrors).toEqual([]);
    const linkId = ok.data.subaccountLinkCreate.subaccountLink!.id;
    expect(ok.data.subaccountLinkCreate.subaccountLink).toEqual({ id: linkId, invoiceFromMaster: true, invoiceFromMasterProrate: 2, master: { id: ids.rec_a }, subaccount: { id: ids.rec_b } });
    expect((await link(ids.rec_b!, ids.rec_c!)).data.subaccountLinkCreate.userErrors).toEqual([]);

    expect((await link(ids.rec_d!, ids.rec_b!)).data.subaccountLinkCreate.userErrors[0]!.code).toBe('CONFLICT'); // b already has a master
    expect((await link(ids.rec_c!, ids.rec_a!)).data.subaccountLinkCreate.userErrors[0]!.message).toMatch(/cycle/); // a → b → c → a
    expect((await link(ids.rec_d!, ids.rec_d!)).data.subaccountLinkCreate.userErrors[0]!.field).toEqual(['input', 'subCustomerId']);
    const badProrate = await link(ids.rec_d!, ids.rec_a!, { invoiceFromMasterProrate: 4 });
    expect(badProrate.data.subaccountLinkCreate.userErrors.map((e) => e.field.join('.'))).toEqual(['input.invoiceFromMasterProrate']);

    const updated = await t.gql<{ subaccountLinkUpdate: { subaccountLink: { invoiceFromMaster: boolean; syncCustomerStatus: boolean; invoiceFromMasterProrate: number }; userErrors: Errors } }>(
      'mutation($i: SubaccountLinkUpdateInput!) { subaccountLinkUpdate(input: $i) { subaccountLink { invoiceFromMaster syncCustomerStatus invoiceFromMasterProrate } userErrors { code } } }',
      { i: { masterCustomerId: ids.rec_a, subCustomerId: ids.rec_b, syncCustomerStatus: true } },
    );
    expect(updated.data.subaccountLinkUpdate).toEqual({ subaccountLink: { invoiceFromMaster: true, syncCustomerStatus: true, invoiceFromMasterProrate: 2 }, userErrors: [] });

    const view = await t.gql<{ node: { masterAccount: { master: { id: string } } | null; subaccounts: { nodes: { subaccount: { id: string } }[] } } }>(
      'query($id: ID!) { node(id: $id) { ... on Customer { masterAccount { master { id } } subaccounts(first: 10) { nodes { subaccount { id } } } } } }',
      { id: ids.rec_b },
    );
    expect(view.data.node).toEqual({ masterAccount: { master: { id: ids.rec_a } }, subaccounts: { nodes: [{ subaccount: { id: ids.rec_c } }] } });

    const del = (id: string, token?: string) =>
      t.gql<{ subaccountLinkDelete: { deletedId: string | null; userErrors: Errors } }>(
        'mutation($id: ID!) { subaccountLinkDelete(input: { id: $id }) { deletedId userErrors { field message code } } }',
        { id },
        token,
      );
    const linkNode = async (id: string) => (await t.gql<{ node: { id: string } | null }>('query($id: ID!) { node(id: $id) { id } }', { id })).data.node;
    const deletes = async () => Number((await q<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'subaccount.delete'`))[0]!.n);
    const before = await deletes();
    // a customer's id is not a link's; an unknown link, another operator's view and a read-only role change nothing
    expect((await del(ids.rec_a!)).data.subaccountLinkDelete).toEqual({ deletedId: null, userErrors: [{ field: ['input', 'id'], code: 'INVALID', message: 'not a SubaccountLink id' }] });
    expect((await del(gid('SubaccountLink', 999999))).data.subaccountLinkDelete).toEqual({
      deletedId: null,
      userErrors: [{ field: ['input', 'id'], code: 'NOT_FOUND', message: 'sub-account link 999999 does not exist' }],
    });
    expect((await del(linkId, otherToken)).data.subaccountLinkDelete).toMatchObject({ deletedId: null, userErrors: [{ field: ['input', 'id'], code: 'NOT_FOUND' }] });
    expect((await del(linkId, readonlyToken)).data.subaccountLinkDelete).toMatchObject({ deletedId: null, userErrors: [{ code: 'FORBIDDEN' }] });
    expect([await linkNode(linkId), await deletes()]).toEqual([{ id: linkId }, before]);

    expect((await del(linkId)).data.subaccountLinkDelete).toEqual({ deletedId: linkId, userErrors: [] });
    expect([await linkNode(linkId), await deletes()]).toEqual([null, before + 1]);
    const after = await t.gql<{ node: { masterAccount: unknown; subaccounts: { nodes: unknown[] } } }>(
      'query($id: ID!) { node(id: $id) { ... on Customer { masterAccount { id } subaccounts(first: 10) { nodes { id } } } } }',
      { id: ids.rec_b },
    );
    expect(after.data.node.masterAccount).toBeNull(); // b is no longer a sub-account; its own link to c stays
    expect(after.data.node.subaccounts.nodes).toHaveLength(1);
    expect((await del(linkId)).data.subaccountLinkDelete.userErrors).toEqual([{ field: ['input', 'id'], code: 'NOT_FOUND', message: expect.any(String) }]);
  });

  it('adds, changes and deletes custom-table rows, validating the columns', async () => {
    const tables = await t.gql<{ customTables: { name: string; columns: { columnId: number; label: string; type: string }[] }[] }>('{ customTables { name columns { columnId label type } } }');
    expect(tables.data.customTables.find((tbl) => tbl.name === 'voip')!.columns.map((c) => c.type)).toEqual(['TEXT_FIELD', 'TEXT_FIELD', 'TEXT_FIELD']);
    const voip = tables.data.customTables.find((x) => x.name === 'voip')!;
    expect(voip.columns.map((c) => c.label)).toEqual(['VoIP Username', 'VoIP Password', 'VoIP Number']);
    const [user, pass, number] = voip.columns.map((c) => c.columnId) as [number, number, number];

    const created = await t.gql<{ customTableRowCreate: { customTableRow: { id: string; tableName: string; cells: { label: string; value: string }[] } | null; userErrors: Errors } }>(
      'mutation($i: CustomTableRowCreateInput!) { customTableRowCreate(input: $i) { customTableRow { id tableName cells { label value } } userErrors { field message code } } }',
      { i: { customerId: ids.rec_d, tableName: 'voip', cells: [{ columnId: user, value: 'VoIPUsername' }, { columnId: pass, value: 'VoIPPassword' }, { columnId: number, value: 'VoIPNumber' }] } },
    );
    expect(created.data.customTableRowCreate.userErrors).toEqual([]);
    const row = created.data.customTableRowCreate.customTableRow!;
    expect(row.tableName).toBe('voip');
    expect(row.cells).toEqual([
      { label: 'VoIP Username', value: 'VoIPUsername' },
      { label: 'VoIP Password', value: 'VoIPPassword' },
      { label: 'VoIP Number', value: 'VoIPNumber' },
    ]);

    const bad = await t.gql<{ customTableRowCreate: { customTableRow: null; userErrors: Errors } }>(
      'mutation($i: CustomTableRowCreateInput!) { customTableRowCreate(input: $i) { customTableRow { id } userErrors { field code } } }',
      { i: { customerId: ids.rec_d, tableName: 'nope', cells: [{ columnId: user, value: 'x' }] } },
    );
    expect(bad.data.customTableRowCreate.userErrors).toEqual([{ field: ['input', 'tableName'], code: 'NOT_FOUND' }]);
    const foreignColumn = await t.gql<{ customTableRowCreate: { userErrors: Errors } }>(
      'mutation($i: CustomTableRowCreateInput!) { customTableRowCreate(input: $i) { userErrors { field code } } }',
      { i: { customerId: ids.rec_d, tableName: 'voip', cells: [{ columnId: 999999, value: 'x' }] } },
    );
    expect(foreignColumn.data.customTableRowCreate.userErrors).toEqual([{ field: ['input', 'values', '999999'], code: 'NOT_FOUND' }]);

    const changed = await t.gql<{ customTableRowUpdate: { customTableRow: { cells: { label: string; value: string }[] }; userErrors: Errors } }>(
      'mutation($i: CustomTableRowUpdateInput!) { customTableRowUpdate(input: $i) { customTableRow { cells { label value } } userErrors { code } } }',
      { i: { id: row.id, cells: [{ columnId: number, value: 'VoIPNumberModified' }, { columnId: pass, value: null }] } },
    );
    expect(changed.data.customTableRowUpdate).toEqual({
      customTableRow: { cells: [{ label: 'VoIP Username', value: 'VoIPUsername' }, { label: 'VoIP Number', value: 'VoIPNumberModified' }] },
      userErrors: [],
    });

    const list = await t.gql<{ node: { customTableRows: { id: string }[] } }>('query($id: ID!) { node(id: $id) { ... on Customer { customTableRows { id } } } }', { id: ids.rec_d });
    expect(list.data.node.customTableRows).toEqual([{ id: row.id }]);
    const deleted = await t.gql<{ customTableRowDelete: { deletedId: string; userErrors: Errors } }>(
      'mutation($id: ID!) { customTableRowDelete(input: { id: $id }) { deletedId userErrors { code } } }',
      { id: row.id },
    );
    expect(deleted.data.customTableRowDelete).toEqual({ deletedId: row.id, userErrors: [] });
    const again = await t.gql<{ customTableRowDelete: { userErrors: Errors } }>(
      'mutation($id: ID!) { customTableRowDelete(input: { id: $id }) { userErrors { code } } }',
      { id: row.id },
    );
    expect(again.data.customTableRowDelete.userErrors[0]!.code).toBe('NOT_FOUND');
  });

  it('lists the customer statuses with labels and sub-statuses', async () => {
    const res = await t.gql<{ customerStatuses: { name: string; label: string; subStatusLabel: string | null; subStatusDefault: string | null; subStatuses: string[] }[] }>(
      '{ customerStatuses { name label subStatusLabel subStatusDefault subStatuses } }',
    );
    const byName = new Map(res.data.customerStatuses.map((s) => [s.name, s]));
    expect(byName.get('post')).toMatchObject({ label: 'Disconnected', subStatusLabel: 'Reason' });
    expect(byName.get('post')!.subStatuses).toContain('competitor');
    expect(byName.get('waiting for install')).toMatchObject({ subStatusLabel: 'Priority', subStatusDefault: '3', subStatuses: ['1', '2', '3', '4', '5'] });
    expect(byName.get('current')!.subStatuses).toEqual([]);
  });

  it('service: listEntries yields the listCustomTableEntries JSON (columns always; rows per customer id)', async () => {
    const c = await ctx();
    const customerId = legacyOf(ids.rec_c!);
    const [table] = await customTables.listTables(c);
    const [user, pass, number] = table!.columns.map((col) => col.id) as [number, number, number];
    const r1 = await customTables.addEntry(c, { customerId, tableName: 'voip', values: { [user]: 'VoIPUsername1', [pass]: 'VoIPPassword1', [number]: 'VoIPNumber1' } });
    const r2 = await customTables.addEntry(c, { customerId, tableName: 'voip', values: { [user]: 'VoIPUsername2', [number]: 'VoIPNumber2' } });
    const listing = await customTables.listEntries(c, { customerId });
    const legacy = Object.fromEntries(
      listing.map((tbl) => [
        tbl.name,
        {
          rows_per_customerid: Object.fromEntries(
            [...new Set(tbl.rows.map((r) => r.customerId))].map((cid) => [String(cid), Object.fromEntries(tbl.rows.filter((r) => r.customerId === cid).map((r) => [String(r.rowId), r.cells]))]),
          ),
          columns: Object.fromEntries(tbl.columns.map((col) => [String(col.id), { id: String(col.id), label: col.label, type: col.type, mandatory: col.mandatory ? '1' : '0' }])),
        },
      ]),
    );
    expect(legacy.voip!.rows_per_customerid).toEqual({
      [String(customerId)]: {
        [String(r1.rowId)]: { [user]: 'VoIPUsername1', [pass]: 'VoIPPassword1', [number]: 'VoIPNumber1' },
        [String(r2.rowId)]: { [user]: 'VoIPUsername2', [number]: 'VoIPNumber2' },
      },
    });
    expect(legacy.voip!.columns[String(user)]).toEqual({ id: String(user), label: 'VoIP Username', type: 'textfield', mandatory: '0' });

    // value / columnid filters; columns come back even when no row matches
    const byValue = await customTables.listEntries(c, { value: 'VoIPNumber2' });
    expect(byValue.find((x) => x.name === 'voip')!.rows.map((r) => r.rowId)).toEqual([r2.rowId]);
    const wrongColumn = await customTables.listEntries(c, { value: 'VoIPNumber2', columnId: user });
    expect(wrongColumn.find((x) => x.name === 'voip')!.rows).toEqual([]);
    expect(wrongColumn.find((x) => x.name === 'voip')!.columns).toHaveLength(3);
    const seeded = await customTables.listEntries(c, {});
    expect(seeded.find((x) => x.name === 'voip')!.rows.length).toBeGreaterThan(2);

    // a row of another customer is not found; the table name must match when given
    expect(await codeOf(customTables.modifyEntry(c, { customerId: legacyOf(ids.rec_a!), rowId: r1.rowId, values: { [number]: 'x' } }))).toBe('NOT_FOUND');
    expect(await codeOf(customTables.modifyEntry(c, { customerId, rowId: r1.rowId, tableName: 'other', values: { [number]: 'x' } }))).toBe('NOT_FOUND');
    expect(await codeOf(customTables.deleteEntry(c, { customerId, rowId: r2.rowId }))).toBe('OK');
  });

  it('service: custom-table columns enforce mandatory, date and select rules', async () => {
    const c = await ctx();
    const operatorId = c.actor.operatorId;
    const [tbl] = await q<{ id: number }>(sql`insert into custom_tables (operator_id, name) values (${operatorId}, 'visits') returning id`);
    const cols = await q<{ id: number }>(sql`
      insert into custom_fields (operator_id, scope, custom_table_id, label, type, mandatory, options, position) values
        (${operatorId}, 'customer_custom_table', ${tbl!.id}, 'Visit date', 'date', true, null, 0),
        (${operatorId}, 'customer_custom_table', ${tbl!.id}, 'Outcome', 'select', false, ${'fixed\nnot fixed'}, 1)
      returning id`);
    const [date, outcome] = cols.map((x) => x.id) as [number, number];
    const customerId = legacyOf(ids.rec_c!);
    const problems = async (values: customTables.CellValues) =>
      customTables.addEntry(c, { customerId, tableName: 'visits', values }).then(
        () => [],
        (e: DomainError) => e.problems.map((p) => p.field.join('.')).sort(),
      );
    expect(await problems({ [outcome]: 'fixed' })).toEqual([`values.${date}`]);
    expect(await problems({ [date]: '22/09/2018', [outcome]: 'maybe' })).toEqual([`values.${date}`, `values.${outcome}`]);
    expect(await problems({ [date]: '2018-02-30' })).toEqual([`values.${date}`]);
    expect(await problems({ [date]: '2018-09-22', [outcome]: 'not fixed' })).toEqual([]);
    const row = (await customTables.listEntries(c, { customerId, columnId: date })).find((x) => x.name === 'visits')!.rows[0]!;
    expect(await codeOf(customTables.modifyEntry(c, { customerId, rowId: row.rowId, values: { [date]: '' } }))).toBe('INVALID');
  });

  it('service: SOAP-style community codes by code, and sub-account cycles further down the chain', async () => {
    const c = await ctx();
    await communityCodes.add(c, { code: 'Code 1 via API' });
    expect(await codeOf(communityCodes.add(c, { code: 'Code 1 via API' }))).toBe('CONFLICT');
    expect(await codeOf(communityCodes.add(c, { code: '  ' }))).toBe('INVALID');
    expect((await communityCodes.rename(c, { code: 'Code 1 via API' }, 'Code 1 via API Modified')).code).toBe('Code 1 via API Modified');
    expect(await codeOf(communityCodes.rename(c, { code: 'Code 1 via API' }, 'x'))).toBe('NOT_FOUND');
    expect((await communityCodes.list(c)).map((x) => x.code)[0]).toBe('Code 1 via API Modified');
    expect(await codeOf(communityCodes.remove(c, { code: 'Code 1 via API Modified' }))).toBe('OK');

    // d → a → b → c: c (three levels down) cannot become master of d
    const [a, b, cc, d] = ['rec_a', 'rec_b', 'rec_c', 'rec_d'].map((k) => legacyOf(ids[k]!)) as [number, number, number, number];
    await subaccounts.add(c, { masterCustomerId: a, subCustomerId: b });
    await subaccounts.add(c, { masterCustomerId: d, subCustomerId: a });
    expect(await codeOf(subaccounts.add(c, { masterCustomerId: cc, subCustomerId: d }))).toBe('CONFLICT');
    expect(await codeOf(subaccounts.add(c, { masterCustomerId: 999999, subCustomerId: d }))).toBe('NOT_FOUND');
  });
});
