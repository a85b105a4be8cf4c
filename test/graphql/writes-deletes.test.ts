/**
 * Deletes through the graph for customer notes, maintenance tickets and the address book
 * (areas, streets, buildings), on both engines: each removes what it says (read back through
 * `node`), refuses with PRECONDITION_FAILED while something still references the row and
 * changes nothing then, is refused to a read-only role, and cannot reach another operator's row.
 * Every payload has the one delete shape: `deletedId` + `userErrors`.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enabledEngines } from '../helpers/engines';
import { startTestApp, type TestApp } from '../helpers/app';
import { makeRoleUser, operatorIdOf } from '../helpers/roles';
import { rows } from '../helpers/sql';

type UserErrors = { field: string[]; message: string; code: string }[];
type Deleted = { deletedId: string | null; userErrors: UserErrors };
const gid = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64url');

describe.each(enabledEngines())('GraphQL deletes on %s', (engine) => {
  let t: TestApp;
  let demo: number;
  let readonlyToken: string;
  const q = <T>(query: ReturnType<typeof sql>) => rows<T>(t.database.handle.db, query);
  const one = async (query: ReturnType<typeof sql>) => Number((await q<{ n: number }>(query))[0]!.n);
  const ok = async <T>(query: string, variables?: Record<string, unknown>, token?: string) => {
    const res = await t.gql<T>(query, variables, token);
    expect(res.errors).toBeUndefined();
    return res.data;
  };
  const run = async <T>(mutation: string, inputType: string, selection: string, input: Record<string, unknown>, token?: string) =>
    (await ok<Record<string, T & { userErrors: UserErrors }>>(`mutation($input: ${inputType}!) { ${mutation}(input: $input) { ${selection} userErrors { field message code } } }`, { input }, token))[
      mutation
    ]!;
  const del = (mutation: string, type: string, id: string, token?: string) => run<Deleted>(mutation, `${type}DeleteInput`, 'deletedId', { id }, token);
  const exists = async (id: string) => (await ok<{ node: { id: string } | null }>(`query($id: ID!) { node(id: $id) { id } }`, { id })).node !== null;
  const audits = () => one(sql`select count(*)::int as n from audit_log where action like '%.delete'`);

  beforeAll(async () => {
    t = await startTestApp(engine);
    demo = await operatorIdOf(t.database.handle.db, 'demo');
    readonlyToken = (await makeRoleUser(t.database.handle.db, demo, 'readonly')).token;
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('deletes an empty building, street and area; refuses while streets, buildings or customers are in them', async () => {
    const area = (await run<{ area: { id: string } }>('areaCreate', 'AreaCreateInput', 'area { id }', { name: 'Deletion Park' })).area.id;
    const street = (await run<{ street: { id: string } }>('streetCreate', 'StreetCreateInput', 'street { id }', { areaId: area, name: 'Gone Lane' })).street.id;
    const building = (await run<{ building: { id: string } }>('buildingCreate', 'BuildingCreateInput', 'building { id }', { streetId: street, name: 'Block 9' })).building.id;
    const customerId = (await q<{ id: number }>(sql`select id from customers where operator_id = ${demo} order by id limit 1`))[0]!.id;
    const customer = gid('Customer', customerId);
    const placed = await run<{ customer: unknown }>('customerLocationUpdate', 'CustomerLocationUpdateInput', 'customer { id }', { customerId: customer, areaId: area, streetId: street, buildingId: building });
    expect(placed.userErrors).toEqual([]);

    const before = await audits();
    const refused = await del('areaDelete', 'Area', area);
    expect(refused.deletedId).toBeNull();
    expect(refused.userErrors).toEqual([{ field: ['input', 'id'], code: 'PRECONDITION_FAILED', message: expect.stringMatching(/it has streets; customers are placed in it/) }]);
    expect((await del('streetDelete', 'Street', street)).userErrors).toEqual([
      expect.objectContaining({ field: ['input', 'id'], code: 'PRECONDITION_FAILED', message: expect.stringMatching(/it has buildings; customers are placed on it/) }),
    ]);
    expect((await del('buildingDelete', 'Building', building)).userErrors).toEqual([
      expect.objectContaining({ code: 'PRECONDITION_FAILED', message: expect.stringMatching(/customers are placed in it/) }),
    ]);
    expect([await exists(area), await exists(street), await exists(building), await audits()]).toEqual([true, true, true, before]);

    // a global id of the wrong type, or an unknown row, is refused as such
    expect((await del('areaDelete', 'Area', street)).userErrors).toEqual([expect.objectContaining({ field: ['input', 'id'], code: 'INVALID' })]);
    expect((await del('areaDelete', 'Area', gid('Area', 999999))).userErrors).toEqual([expect.objectContaining({ field: ['input', 'id'], code: 'NOT_FOUND' })]);

    expect((await run('customerLocationUpdate', 'CustomerLocationUpdateInput', 'customer { id }', { customerId: customer })).userErrors).toEqual([]);
    expect(await del('buildingDelete', 'Building', building)).toEqual({ deletedId: building, userErrors: [] });
    expect(await del('streetDelete', 'Street', street)).toEqual({ deletedId: street, userErrors: [] });
    expect(await del('areaDelete', 'Area', area)).toEqual({ deletedId: area, userErrors: [] });
    expect([await exists(area), await exists(street), await exists(building), await audits()]).toEqual([false, false, false, before + 3]);
    expect((await del('areaDelete', 'Area', area)).userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND' })]);
  });

  it("deletes a customer note; the customer's notes no longer list it", async () => {
    const customer = gid('Customer', (await q<{ id: number }>(sql`select id from customers where operator_id = ${demo} order by id limit 1`))[0]!.id);
    const note = (await run<{ customerNote: { id: string } }>('customerNoteCreate', 'CustomerNoteCreateInput', 'customerNote { id }', { customerId: customer, title: 'Temp', text: 'to be removed' })).customerNote.id;
    const notes = async () =>
      (await ok<{ node: { notes: { nodes: { id: string }[] } } }>(`query($id: ID!) { node(id: $id) { ... on Customer { notes(first: 100) { nodes { id } } } } }`, { id: customer })).node.notes.nodes.map((n) => n.id);
    expect(await notes()).toContain(note);
    expect(await del('customerNoteDelete', 'CustomerNote', note)).toEqual({ deletedId: note, userErrors: [] });
    expect(await notes()).not.toContain(note);
    expect(await exists(note)).toBe(false);
    expect((await del('customerNoteDelete', 'CustomerNote', note)).userErrors).toEqual([expect.objectContaining({ field: ['input', 'id'], code: 'NOT_FOUND' })]);
  });

  it('deletes a maintenance ticket; refused while an installer job hangs on it', async () => {
    const ticket = (await run<{ maintenanceTicket: { id: string } }>('maintenanceTicketCreate', 'MaintenanceTicketCreateInput', 'maintenanceTicket { id }', { title: 'Short-lived' }))
      .maintenanceTicket.id;
    const job = await run<{ installerTracking: { id: string } }>('installerTrackingCreate', 'InstallerTrackingCreateInput', 'installerTracking { id }', { maintenanceTicketId: ticket });
    expect(job.userErrors).toEqual([]);
    const before = await audits();
    expect((await del('maintenanceTicketDelete', 'MaintenanceTicket', ticket)).userErrors).toEqual([
      expect.objectContaining({ field: ['input', 'id'], code: 'PRECONDITION_FAILED', message: expect.stringMatching(/it has installer jobs/) }),
    ]);
    expect([await exists(ticket), await exists(job.installerTracking.id), await audits()]).toEqual([true, true, before]);
    expect((await run('installerTrackingDelete', 'InstallerTrackingDeleteInput', '__typename', { id: job.installerTracking.id })).userErrors).toEqual([]);
    expect(await del('maintenanceTicketDelete', 'MaintenanceTicket', ticket)).toEqual({ deletedId: ticket, userErrors: [] });
    expect(await exists(ticket)).toBe(false);
  });

  it("refuses every delete to a read-only role and to another operator, changing nothing", async () => {
    const pick = async (query: ReturnType<typeof sql>) => (await q<{ id: number }>(query))[0]!.id;
    const targets: [string, string, number][] = [
      ['areaDelete', 'Area', await pick(sql`select id from areas where operator_id = ${demo} order by id limit 1`)],
      ['streetDelete', 'Street', await pick(sql`select id from streets where operator_id = ${demo} order by id limit 1`)],
      ['buildingDelete', 'Building', await pick(sql`select id from buildings where operator_id = ${demo} order by id limit 1`)],
      ['customerNoteDelete', 'CustomerNote', await pick(sql`select id from customer_notes where operator_id = ${demo} order by id limit 1`)],
      ['maintenanceTicketDelete', 'MaintenanceTicket', await pick(sql`select id from maintenance_tickets where operator_id = ${demo} order by id limit 1`)],
    ];
    const { generateOperator } = await import('../../src/db/seed/generator');
    const { token: otherToken } = await generateOperator(t.database.handle.db, { operatorCode: 'del-other', customers: 2 });
    const before = await audits();
    for (const [mutation, type, id] of targets) {
      expect((await del(mutation, type, gid(type, id), readonlyToken)).userErrors.map((e) => e.code), mutation).toEqual(['FORBIDDEN']);
      expect((await del(mutation, type, gid(type, id), otherToken)).userErrors.map((e) => e.code), mutation).toEqual(['NOT_FOUND']);
      expect(await exists(gid(type, id)), mutation).toBe(true);
    }
    expect(await audits()).toBe(before);
  });
});
