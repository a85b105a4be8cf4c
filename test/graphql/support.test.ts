import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enabledEngines } from '../helpers/engines';
import { startTestApp, type TestApp } from '../helpers/app';
import { toGlobalId } from '../../src/graphql/global-id';

type Errors = { field: string[]; message: string; code: string }[];

const TICKET = 'id legacyId title type subtype status priority resolution dateReported dateClosed hoursSpent updatedBy customer { id }';

describe.each(enabledEngines())('GraphQL support writes on %s', (engine) => {
  let t: TestApp;
  let customerId: string;
  let ticketId: string;

  beforeAll(async () => {
    t = await startTestApp(engine);
    const c = await t.gql<{ customerCreate: { customer: { id: string } } }>(
      'mutation { customerCreate(input: { name: "Support Person", nickname: "support_person", invoicingId: "SP1", status: "potential" }) { customer { id } } }',
    );
    customerId = c.data.customerCreate.customer.id;
  });
  afterAll(async () => {
    await t?.stop();
  });

  const createTicket = (input: Record<string, unknown>) =>
    t.gql<{ maintenanceTicketCreate: { maintenanceTicket: Record<string, unknown> & { id: string } | null; userErrors: Errors } }>(
      `mutation($i: MaintenanceTicketCreateInput!) { maintenanceTicketCreate(input: $i) { maintenanceTicket { ${TICKET} } userErrors { field message code } } }`,
      { i: input },
    );
  const updateTicket = (input: Record<string, unknown>) =>
    t.gql<{ maintenanceTicketUpdate: { maintenanceTicket: Record<string, unknown> | null; userErrors: Errors } }>(
      `mutation($i: MaintenanceTicketUpdateInput!) { maintenanceTicketUpdate(input: $i) { maintenanceTicket { ${TICKET} } userErrors { field message code } } }`,
      { i: input },
    );

  it('opens a maintenance ticket with type and subtype by name', async () => {
    const res = await createTicket({ customerId, title: 'No connection', type: 'support', subtype: 'no connection', priority: 2, dateReported: '2026-11-20', resolution: 'Checked CPE.' });
    expect(res.data.maintenanceTicketCreate.userErrors).toEqual([]);
    const ticket = res.data.maintenanceTicketCreate.maintenanceTicket!;
    expect(ticket).toMatchObject({ title: 'No connection', type: 'support', subtype: 'no connection', status: 'OPEN', priority: 2, dateReported: '2026-11-20', customer: { id: customerId } });
    ticketId = ticket.id;
  });

  it('refuses a bad ticket with every problem and writes nothing', async () => {
    const before = await t.gql<{ maintenanceTickets: { totalCount: number } }>('{ maintenanceTickets { totalCount } }');
    const res = await createTicket({ customerId, title: ' ', type: 'support', subtype: 'new install', priority: -1, equipmentId: toGlobalId('Equipment', 999999), siteId: toGlobalId('Site', 999999) });
    expect(res.data.maintenanceTicketCreate.maintenanceTicket).toBeNull();
    const fields = res.data.maintenanceTicketCreate.userErrors.map((e) => e.field.join('.')).sort();
    expect(fields).toEqual(['input.equipmentId', 'input.priority', 'input.siteId', 'input.subtype', 'input.title']);
    const unknownType = await createTicket({ title: 'x', type: 'no such type' });
    expect(unknownType.data.maintenanceTicketCreate.userErrors).toEqual([expect.objectContaining({ field: ['input', 'type'], code: 'NOT_FOUND' })]);
    const after = await t.gql<{ maintenanceTickets: { totalCount: number } }>('{ maintenanceTickets { totalCount } }');
    expect(after.data.maintenanceTickets.totalCount).toBe(before.data.maintenanceTickets.totalCount);
  });

  it('updates a ticket, appending to the resolution when asked and replacing it otherwise', async () => {
    const appended = await updateTicket({ id: ticketId, resolution: 'Replaced router.', appendResolution: true, status: 'CLOSED', dateClosed: '2026-11-22', updatedBy: 'ian' });
    expect(appended.data.maintenanceTicketUpdate.userErrors).toEqual([]);
    expect(appended.data.maintenanceTicketUpdate.maintenanceTicket).toMatchObject({
      resolution: 'Checked CPE.\nReplaced router.',
      status: 'CLOSED',
      dateClosed: '2026-11-22',
      updatedBy: 'ian',
      title: 'No connection',
      subtype: 'no connection',
    });
    const replaced = await updateTicket({ id: ticketId, resolution: 'Fixed.' });
    expect(replaced.data.maintenanceTicketUpdate.maintenanceTicket!.resolution).toBe('Fixed.');
    // a new type without a subtype clears the old subtype; a subtype of another type is refused
    const retyped = await updateTicket({ id: ticketId, type: 'repair' });
    expect(retyped.data.maintenanceTicketUpdate.maintenanceTicket).toMatchObject({ type: 'repair', subtype: null });
    const wrongSub = await updateTicket({ id: ticketId, subtype: 'no connection' });
    expect(wrongSub.data.maintenanceTicketUpdate.userErrors.map((e) => e.field.join('.'))).toEqual(['input.subtype']);
    const emptyTitle = await updateTicket({ id: ticketId, title: '' });
    expect(emptyTitle.data.maintenanceTicketUpdate.userErrors.map((e) => e.field.join('.'))).toEqual(['input.title']);
  });

  it('tracks installer jobs: installer must be an installer, dueAt in the operator time zone', async () => {
    const create = (input: Record<string, unknown>) =>
      t.gql<{ installerTrackingCreate: { installerTracking: { id: string; installer: { legacyId: number } | null; status: string; installerFee: string; dueAt: string; maintenanceTicket: { id: string } } | null; userErrors: Errors } }>(
        'mutation($i: InstallerTrackingCreateInput!) { installerTrackingCreate(input: $i) { installerTracking { id installer { legacyId } status installerFee dueAt maintenanceTicket { id } } userErrors { field message code } } }',
        { i: input },
      );
    const ok = await create({ maintenanceTicketId: ticketId, installerId: toGlobalId('StaffUser', 4), installerFee: '45.50', dateOpened: '2026-11-20', dueDate: '2026-07-01', dueHour: 10, dueMinute: 30 });
    expect(ok.data.installerTrackingCreate.userErrors).toEqual([]);
    const job = ok.data.installerTrackingCreate.installerTracking!;
    expect(job).toMatchObject({ installer: { legacyId: 4 }, status: 'OPEN', installerFee: '45.50', maintenanceTicket: { id: ticketId } });
    expect(new Date(job.dueAt).toISOString()).toBe('2026-07-01T09:30:00.000Z'); // Europe/Dublin summer time

    const collector = await create({ maintenanceTicketId: ticketId, installerId: toGlobalId('StaffUser', 3) });
    expect(collector.data.installerTrackingCreate.userErrors.map((e) => e.field.join('.'))).toEqual(['input.installerId']);
    const bad = await create({ maintenanceTicketId: ticketId, installerId: toGlobalId('StaffUser', 99999), dueHour: 25, dateOpened: '2026-11-20', dateClosed: '2026-11-01' });
    expect(bad.data.installerTrackingCreate.userErrors.map((e) => e.field.join('.')).sort()).toEqual(['input.dateClosed', 'input.dueDate', 'input.dueHour', 'input.installerId']);

    const updated = await t.gql<{ installerTrackingUpdate: { installerTracking: { status: string; dueAt: string | null; note: string }; userErrors: Errors } }>(
      'mutation($i: InstallerTrackingUpdateInput!) { installerTrackingUpdate(input: $i) { installerTracking { status dueAt note } userErrors { field code } } }',
      { i: { id: job.id, status: 'PAID', note: 'paid cash', dueDate: null } },
    );
    expect(updated.data.installerTrackingUpdate).toEqual({ installerTracking: { status: 'PAID', dueAt: null, note: 'paid cash' }, userErrors: [] });

    const del = (id: string) =>
      t.gql<{ installerTrackingDelete: { deletedId: string | null; userErrors: Errors } }>(
        'mutation($id: ID!) { installerTrackingDelete(input: { id: $id }) { deletedId userErrors { code } } }',
        { id },
      );
    expect((await del(job.id)).data.installerTrackingDelete).toEqual({ deletedId: job.id, userErrors: [] });
    expect((await del(job.id)).data.installerTrackingDelete.userErrors[0]!.code).toBe('NOT_FOUND');
  });

  it('adds, changes and deletes sales issues with sales people by name', async () => {
    const created = await t.gql<{ salesmanTaskCreate: { salesmanTask: { id: string; salesman: string; valueAddedReseller: string; priority: number; resolution: string } | null; userErrors: Errors } }>(
      'mutation($i: SalesmanTaskCreateInput!) { salesmanTaskCreate(input: $i) { salesmanTask { id salesman valueAddedReseller priority resolution } userErrors { field message code } } }',
      { i: { customerId, dateReported: '2026-11-21', description: 'Wants business plan', type: 'upsell', salesman: 'Dennis Soap', valueAddedReseller: 'West Cork Wireless', priority: 3, resolution: 'Called.' } },
    );
    expect(created.data.salesmanTaskCreate.userErrors).toEqual([]);
    const task = created.data.salesmanTaskCreate.salesmanTask!;
    expect(task).toMatchObject({ salesman: 'Dennis Soap', valueAddedReseller: 'West Cork Wireless', priority: 3 });

    const bad = await t.gql<{ salesmanTaskCreate: { salesmanTask: null; userErrors: Errors } }>(
      'mutation($i: SalesmanTaskCreateInput!) { salesmanTaskCreate(input: $i) { salesmanTask { id } userErrors { field message code } } }',
      { i: { customerId, dateReported: '2026-11-21', description: ' ', type: 'upsell', salesman: 'West Cork Wireless', masterAgent: 'Nobody', priority: 6 } },
    );
    expect(bad.data.salesmanTaskCreate.salesmanTask).toBeNull();
    expect(bad.data.salesmanTaskCreate.userErrors.map((e) => e.field.join('.')).sort()).toEqual(['input.description', 'input.masterAgent', 'input.priority', 'input.salesman']);

    const update = (input: Record<string, unknown>) =>
      t.gql<{ salesmanTaskUpdate: { salesmanTask: { resolution: string; status: string; salesman: string | null } | null; userErrors: Errors } }>(
        'mutation($i: SalesmanTaskUpdateInput!) { salesmanTaskUpdate(input: $i) { salesmanTask { resolution status salesman } userErrors { field code } } }',
        { i: { id: task.id, ...input } },
      );
    expect((await update({ resolution: 'Sent quote.', appendResolution: true, status: 'WAITING_FOR_CUSTOMER', salesman: 'Orla Quinn' })).data.salesmanTaskUpdate).toEqual({
      salesmanTask: { resolution: 'Called.\nSent quote.', status: 'WAITING_FOR_CUSTOMER', salesman: 'Orla Quinn' },
      userErrors: [],
    });
    expect((await update({ resolution: 'Won.', salesman: null })).data.salesmanTaskUpdate.salesmanTask).toMatchObject({ resolution: 'Won.', salesman: null });

    const list = await t.gql<{ node: { salesmanTasks: { nodes: { id: string }[] } } }>('query($id: ID!) { node(id: $id) { ... on Customer { salesmanTasks(first: 10) { nodes { id } } } } }', { id: customerId });
    expect(list.data.node.salesmanTasks.nodes).toEqual([{ id: task.id }]);
    const del = await t.gql<{ salesmanTaskDelete: { deletedId: string; userErrors: Errors } }>(
      'mutation($id: ID!) { salesmanTaskDelete(input: { id: $id }) { deletedId userErrors { code } } }',
      { id: task.id },
    );
    expect(del.data.salesmanTaskDelete).toEqual({ deletedId: task.id, userErrors: [] });
    const gone = await t.gql<{ node: null }>('query($id: ID!) { node(id: $id) { id } }', { id: task.id });
    expect(gone.data.node).toBeNull();
  });
});
