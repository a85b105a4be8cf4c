/**
 * SIMPLer maintenance tickets (add/modifyMaintenance, getMaintenanceData), installer tracking
 * (add/modify/deleteInstallerTracking) and salesman tasks (add/modify/deleteSalesmanTask) over
 * SOAP and REST/JSON, with their effects read back through the GraphQL graph.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../src/graphql/global-id';
import { enabledEngines } from '../helpers/engines';
import { startTestApp, type TestApp } from '../helpers/app';
import { rows } from '../helpers/sql';
import { callText, child, children, DIALECTS, leaves, rest, soap, xmlResult, type Dialect } from '../helpers/simpler';

const TICKET_FIELDS = `legacyId title type subtype status priority description resolution reportedBy closedBy dateReported dateClosed hoursSpent
  emailRecipients updatedBy customer { legacyId } site { legacyId } equipment { legacyId }`;

interface GraphTicket {
  legacyId: number;
  title: string;
  type: string | null;
  subtype: string | null;
  status: string;
  priority: number | null;
  description: string | null;
  resolution: string | null;
  reportedBy: string | null;
  closedBy: string | null;
  dateReported: string;
  dateClosed: string | null;
  hoursSpent: string | null;
  emailRecipients: string | null;
  updatedBy: string | null;
  customer: { legacyId: number } | null;
  site: { legacyId: number } | null;
  equipment: { legacyId: number } | null;
}

interface GraphJob {
  legacyId: number;
  installerStaffId: number | null;
  status: string;
  installerFee: string | null;
  dateOpened: string | null;
  dateClosed: string | null;
  note: string | null;
  dueAt: string | null;
  maintenanceTicket: { legacyId: number } | null;
}

interface GraphTask {
  legacyId: number;
  dateReported: string;
  dateClosed: string | null;
  description: string;
  type: string;
  hoursSpent: string | null;
  value: string | null;
  priority: number | null;
  status: string;
  valueAddedReseller: string | null;
  regionalSalesManager: string | null;
  masterAgent: string | null;
  salesman: string | null;
  resolution: string | null;
  customer: { legacyId: number } | null;
}

const UNKNOWN = 999999;

describe.each(enabledEngines())('SIMPLer support operations on %s', (engine) => {
  let t: TestApp;
  let siteId: number;
  let equipmentId: number;
  /** A customer with no tickets yet, so its maintenance document is exactly what the tests add. */
  let quietCustomer: number;

  beforeAll(async () => {
    t = await startTestApp(engine);
    const db = t.database.handle.db;
    siteId = (await rows<{ id: number }>(db, sql`select id from sites order by id limit 1`))[0]!.id;
    equipmentId = (await rows<{ id: number }>(db, sql`select id from equipment order by id limit 1`))[0]!.id;
    const quiet = await rows<{ id: number }>(
      db,
      sql`select c.id from customers c where c.id > 100 and not exists (select 1 from maintenance_tickets m where m.customer_id = c.id) order by c.id limit 1`,
    );
    quietCustomer = quiet[0]!.id;
  });
  afterAll(() => t.stop());

  const ticket = async (id: number) =>
    (await t.gql<{ node: GraphTicket | null }>(`query($id: ID!) { node(id: $id) { ... on MaintenanceTicket { ${TICKET_FIELDS} } } }`, { id: toGlobalId('MaintenanceTicket', id) })).data.node;
  const ticketCount = async () => (await t.gql<{ maintenanceTickets: { totalCount: number } }>('{ maintenanceTickets { totalCount } }')).data.maintenanceTickets.totalCount;
  const job = async (id: number) => {
    const node = (
      await t.gql<{ node: (Omit<GraphJob, 'installerStaffId'> & { installer: { legacyId: number } | null }) | null }>(
        'query($id: ID!) { node(id: $id) { ... on InstallerTracking { legacyId installer { legacyId } status installerFee dateOpened dateClosed note dueAt maintenanceTicket { legacyId } } } }',
        { id: toGlobalId('InstallerTracking', id) },
      )
    ).data.node;
    if (!node) return null;
    const { installer, ...rest } = node;
    return { ...rest, installerStaffId: installer?.legacyId ?? null, dueAt: node.dueAt && new Date(node.dueAt).toISOString() };
  };
  const jobCount = async () => Number((await rows<{ n: number }>(t.database.handle.db, sql`select count(*)::int as n from installer_tracking`))[0]!.n);
  const task = async (id: number) =>
    (
      await t.gql<{ node: GraphTask | null }>(
        `query($id: ID!) { node(id: $id) { ... on SalesmanTask { legacyId dateReported dateClosed description type hoursSpent value priority status
          valueAddedReseller regionalSalesManager masterAgent salesman resolution customer { legacyId } } } }`,
        { id: toGlobalId('SalesmanTask', id) },
      )
    ).data.node;
  const taskCount = async () => Number((await rows<{ n: number }>(t.database.handle.db, sql`select count(*)::int as n from salesman_tasks`))[0]!.n);

  /** Adds a ticket over the given dialect and answers its id. */
  const addTicket = async (dialect: Dialect, params: Record<string, string | number>) => {
    const reply = await callText(dialect, t.url, 'addMaintenance', params);
    expect(reply).toMatch(/^OK:\d+$/);
    return Number(reply.slice(3));
  };

  describe.each(DIALECTS)('over %s', (dialect) => {
    describe('addMaintenance', () => {
      it('adds a ticket with every documented field and answers OK:<id>', async () => {
        const id = await addTicket(dialect, {
          customerid: 3,
          dateReported: '2026-03-02',
          reportedby: 'Jane Caller',
          type: 'support',
          subtype: 'slow connection',
          description: 'Slow in the evenings',
          resolution: 'Checked signal.',
          priority: 2,
          status: 'waiting for customer',
          dateClosed: '2026-03-05',
          closedby: 'noc',
          title: `Slow line (${dialect})`,
          hours_spent: 3,
          siteId,
          equipmentId,
          email_recipients: 'noc@example.com',
        });
        expect(await ticket(id)).toEqual({
          legacyId: id,
          title: `Slow line (${dialect})`,
          type: 'support',
          subtype: 'slow connection',
          status: 'WAITING_FOR_CUSTOMER',
          priority: 2,
          description: 'Slow in the evenings',
          resolution: 'Checked signal.',
          reportedBy: 'Jane Caller',
          closedBy: 'noc',
          dateReported: '2026-03-02',
          dateClosed: '2026-03-05',
          hoursSpent: '3',
          emailRecipients: 'noc@example.com',
          updatedBy: null,
          customer: { legacyId: 3 },
          site: { legacyId: siteId },
          equipment: { legacyId: equipmentId },
        });
      });

      it('needs only a title', async () => {
        const id = await addTicket(dialect, { title: 'Just a title' });
        expect(await ticket(id)).toMatchObject({ title: 'Just a title', status: 'OPEN', type: null, customer: null });
      });

      it('refuses bad input with the documented errors and adds nothing', async () => {
        const before = await ticketCount();
        const add = (params: Record<string, string | number>) => callText(dialect, t.url, 'addMaintenance', params);
        expect(await add({ customerid: 3 })).toBe('ERROR: title is required');
        expect(await add({ title: '   ' })).toBe('ERROR: title is required');
        expect(await add({ title: 'x', dateReported: '02/03/2026' })).toBe('ERROR: dateReported: expected a date as YYYY-MM-DD (got "02/03/2026")');
        expect(await add({ title: 'x', dateClosed: '2026-02-30' })).toBe('ERROR: dateClosed: not a real date: "2026-02-30" (YYYY-MM-DD)');
        expect(await add({ title: 'x', status: 'pending' })).toBe('ERROR: status: must be one of open, closed, waiting for customer (got "pending")');
        expect(await add({ title: 'x', priority: 'high' })).toBe('ERROR: priority: expected a whole number (got "high")');
        expect(await add({ title: 'x', type: 'support', subtype: 'new install' })).toBe('ERROR: "new install" is not a subtype of this maintenance type');
        expect(await add({ title: 'x', type: 'teleportation' })).toBe('ERROR: "teleportation" is not one of the operator\'s maintenance types');
        expect(await add({ title: 'x', customerid: UNKNOWN, siteId: UNKNOWN, equipmentId: UNKNOWN })).toBe(
          `ERROR: customer ${UNKNOWN} does not exist; site ${UNKNOWN} does not exist; equipment ${UNKNOWN} does not exist`,
        );
        // An unknown name is ignored (as SIMPLer does); the known ones are still held to their rules.
        expect(await add({ title: 'x', priority: 'high', colour: 'red' })).toBe('ERROR: priority: expected a whole number (got "high")');
        expect(await ticketCount()).toBe(before);
      });
    });

    describe('modifyMaintenance', () => {
      it('changes the given fields, appends the resolution with updateresolution=1 and replaces it otherwise', async () => {
        const id = await addTicket(dialect, { customerid: 4, title: 'No connection', type: 'support', subtype: 'no connection', resolution: 'Rebooted CPE.' });
        expect(
          await callText(dialect, t.url, 'modifyMaintenance', { id, resolution: 'Replaced router.', updateresolution: 1, status: 'closed', dateClosed: '2026-04-01', closedby: 'ian', updatedby: 'ops' }),
        ).toBe('OK');
        expect(await ticket(id)).toMatchObject({
          resolution: 'Rebooted CPE.\nReplaced router.',
          status: 'CLOSED',
          dateClosed: '2026-04-01',
          closedBy: 'ian',
          updatedBy: 'ops',
          title: 'No connection',
          subtype: 'no connection',
          customer: { legacyId: 4 },
        });

        expect(await callText(dialect, t.url, 'modifyMaintenance', { id, resolution: 'Fixed.', updateresolution: 0, type: 'repair', subtype: 'router', siteId })).toBe('OK');
        expect(await ticket(id)).toMatchObject({ resolution: 'Fixed.', type: 'repair', subtype: 'router', site: { legacyId: siteId }, title: 'No connection' });
      });

      it('refuses bad changes with the documented errors and changes nothing', async () => {
        const id = await addTicket(dialect, { title: 'Steady', type: 'network', subtype: 'outage', priority: 1 });
        const before = await ticket(id);
        const modify = (params: Record<string, string | number>) => callText(dialect, t.url, 'modifyMaintenance', params);
        expect(await modify({ title: 'x' })).toBe('ERROR: id is required');
        expect(await modify({ id: UNKNOWN, title: 'x' })).toBe(`ERROR: maintenance ticket ${UNKNOWN} does not exist`);
        expect(await modify({ id, title: '' })).toBe('ERROR: title is required');
        expect(await modify({ id, subtype: 'no connection', priority: 3 })).toBe('ERROR: "no connection" is not a subtype of this maintenance type');
        expect(await modify({ id, equipmentId: UNKNOWN, dateReported: '2026-13-01' })).toBe('ERROR: dateReported: not a real date: "2026-13-01" (YYYY-MM-DD)');
        expect(await modify({ id, equipmentId: UNKNOWN })).toBe(`ERROR: equipment ${UNKNOWN} does not exist`);
        expect(await modify({ id, status: 'done' })).toBe('ERROR: status: must be one of open, closed, waiting for customer (got "done")');
        expect(await ticket(id)).toEqual(before);
      });
    });

    describe('installer tracking', () => {
      it('adds, modifies and deletes an entry, answering <id>OK', async () => {
        const ticketId = await addTicket(dialect, { customerid: 5, title: 'Install dish', type: 'installation', subtype: 'new install' });
        const added = await callText(dialect, t.url, 'addInstallerTracking', {
          maintenanceId: ticketId,
          dateOpened: '2026-06-20',
          status: 'open',
          installerFee: '45.50',
          installerId: 4,
          note: 'Bring ladder',
          dueDate: '2026-07-01',
          dueHour: 10,
          dueMinute: 30,
        });
        expect(added).toMatch(/^\d+OK$/);
        const id = Number(added.slice(0, -2));
        expect(await job(id)).toEqual({
          legacyId: id,
          installerStaffId: 4,
          status: 'OPEN',
          installerFee: '45.50',
          dateOpened: '2026-06-20',
          dateClosed: null,
          note: 'Bring ladder',
          dueAt: '2026-07-01T09:30:00.000Z', // 10:30 in Europe/Dublin summer time
          maintenanceTicket: { legacyId: ticketId },
        });

        // an hour alone moves the job within its current due day
        expect(await callText(dialect, t.url, 'modifyInstallerTracking', { installerTrackingId: id, dueHour: 15, status: 'paid', dateClosed: '2026-07-02', note: '' })).toBe(`${id}OK`);
        expect(await job(id)).toMatchObject({ status: 'PAID', dateClosed: '2026-07-02', note: '', dueAt: '2026-07-01T14:30:00.000Z' });
        expect(await callText(dialect, t.url, 'modifyInstallerTracking', { installerTrackingId: id, dueDate: '2026-12-01' })).toBe(`${id}OK`);
        expect((await job(id))!.dueAt).toBe('2026-12-01T15:30:00.000Z'); // winter time keeps 15:30 local

        expect(await callText(dialect, t.url, 'deleteInstallerTracking', { installerTrackingId: id })).toBe(`${id}OK`);
        expect(await job(id)).toBeNull();
        expect(await callText(dialect, t.url, 'deleteInstallerTracking', { installerTrackingId: id })).toBe(`ERROR: installer tracking ${id} does not exist`);
      });

      it('refuses bad entries with the documented errors and changes nothing', async () => {
        const ticketId = await addTicket(dialect, { title: 'Tracked' });
        const added = await callText(dialect, t.url, 'addInstallerTracking', { maintenanceId: ticketId, installerId: 4, installerFee: '20' });
        const id = Number(added.slice(0, -2));
        const before = await job(id);
        const count = await jobCount();
        const add = (params: Record<string, string | number>) => callText(dialect, t.url, 'addInstallerTracking', params);
        const modify = (params: Record<string, string | number>) => callText(dialect, t.url, 'modifyInstallerTracking', { installerTrackingId: id, ...params });

        expect(await add({ installerId: 4 })).toBe('ERROR: maintenanceId is required');
        expect(await add({ maintenanceId: UNKNOWN })).toBe(`ERROR: maintenance ticket ${UNKNOWN} does not exist`);
        expect(await add({ maintenanceId: ticketId, status: 'closed' })).toBe('ERROR: status: must be one of open, paid (got "closed")');
        expect(await add({ maintenanceId: ticketId, dueDate: '2026-07-01', dueHour: 24, dueMinute: 60 })).toBe('ERROR: dueHour must be from 0 to 23; dueMinute must be from 0 to 59');
        expect(await add({ maintenanceId: ticketId, dueHour: 9 })).toBe('ERROR: dueHour and dueMinute need a dueDate');
        expect(await add({ maintenanceId: ticketId, installerId: 3 })).toBe('ERROR: staff user 3 is not an installer');
        expect(await add({ maintenanceId: ticketId, installerFee: 'ten' })).toBe('ERROR: installerFee: expected an amount like 25.00 with at most 12 digits and 2 decimals (no sign + or exponent) (got "ten")');
        expect(await add({ maintenanceId: ticketId, dateOpened: '2026-05-02', dateClosed: '2026-05-01' })).toBe('ERROR: dateClosed is before dateOpened');

        expect(await callText(dialect, t.url, 'modifyInstallerTracking', { status: 'paid' })).toBe('ERROR: installerTrackingId is required');
        expect(await callText(dialect, t.url, 'modifyInstallerTracking', { installerTrackingId: UNKNOWN, status: 'paid' })).toBe(`ERROR: installer tracking ${UNKNOWN} does not exist`);
        expect(await modify({ maintenanceId: UNKNOWN, status: 'paid' })).toBe(`ERROR: maintenance ticket ${UNKNOWN} does not exist`);
        expect(await modify({ dueMinute: 15 })).toBe('ERROR: dueHour and dueMinute need a dueDate'); // it has no due time to keep
        expect(await modify({ installerId: UNKNOWN })).toBe(`ERROR: installer ${UNKNOWN} does not exist`);
        expect(await callText(dialect, t.url, 'deleteInstallerTracking', {})).toBe('ERROR: installerTrackingId is required');
        expect(await callText(dialect, t.url, 'deleteInstallerTracking', { installerTrackingId: UNKNOWN })).toBe(`ERROR: installer tracking ${UNKNOWN} does not exist`);

        expect(await job(id)).toEqual(before);
        expect(await jobCount()).toBe(count);
      });
    });

    describe('salesman tasks', () => {
      it('adds, modifies and deletes a task, answering OK:<ISSUEID> and OK', async () => {
        const added = await callText(dialect, t.url, 'addSalesmanTask', {
          custId: 6,
          date_reported: '2026-05-01',
          description: 'Wants business plan',
          type: 'upsell',
          date_closed: '2026-05-09',
          hours_spent: '1.5',
          value: '120.00',
          priority: 3,
          status: 'open',
          var: 'West Cork Wireless',
          rsm: 'Siobhan Walsh',
          ma: 'Munster Agents Ltd',
          salesman: 'Dennis Soap',
          resolution: 'Called.',
        });
        expect(added).toMatch(/^OK:\d+$/);
        const id = Number(added.slice(3));
        expect(await task(id)).toEqual({
          legacyId: id,
          dateReported: '2026-05-01',
          dateClosed: '2026-05-09',
          description: 'Wants business plan',
          type: 'upsell',
          hoursSpent: '1.5',
          value: '120.00',
          priority: 3,
          status: 'OPEN',
          valueAddedReseller: 'West Cork Wireless',
          regionalSalesManager: 'Siobhan Walsh',
          masterAgent: 'Munster Agents Ltd',
          salesman: 'Dennis Soap',
          resolution: 'Called.',
          customer: { legacyId: 6 },
        });

        const base = { custId: 6, issueId: id, date_reported: '2026-05-02', description: 'Wants business plan', type: 'upsell' };
        expect(await callText(dialect, t.url, 'modifySalesmanTask', { ...base, resolution: 'Sent quote.', updateresolution: '1', status: 'waiting for customer', salesman: 'Orla Quinn', var: '' })).toBe(`OK:${id}`);
        expect(await task(id)).toMatchObject({ dateReported: '2026-05-02', resolution: 'Called.\nSent quote.', status: 'WAITING_FOR_CUSTOMER', salesman: 'Orla Quinn', valueAddedReseller: null, masterAgent: 'Munster Agents Ltd' });
        expect(await callText(dialect, t.url, 'modifySalesmanTask', { ...base, resolution: 'Won.', updateresolution: '0', status: 'closed' })).toBe(`OK:${id}`);
        expect(await task(id)).toMatchObject({ resolution: 'Won.', status: 'CLOSED' });

        expect(await callText(dialect, t.url, 'deleteSalesmanTask', { issueId: id })).toBe('OK');
        expect(await task(id)).toBeNull();
        expect(await callText(dialect, t.url, 'deleteSalesmanTask', { issueId: id })).toBe(`ERROR: sales issue ${id} does not exist`);
      });

      it('refuses bad tasks with the documented errors and changes nothing', async () => {
        const base = { custId: 7, date_reported: '2026-05-01', description: 'Renewal', type: 'renewal' };
        const added = await callText(dialect, t.url, 'addSalesmanTask', { ...base, priority: 2 });
        const id = Number(added.slice(3));
        const before = await task(id);
        const count = await taskCount();
        const add = (params: Record<string, string | number>) => callText(dialect, t.url, 'addSalesmanTask', params);
        const modify = (params: Record<string, string | number>) => callText(dialect, t.url, 'modifySalesmanTask', { ...base, issueId: id, ...params });

        expect(await add({})).toBe('ERROR: custId is required; date_reported is required; description is required; type is required');
        expect(await add({ ...base, custId: UNKNOWN })).toBe(`ERROR: customer ${UNKNOWN} does not exist`);
        expect(await add({ ...base, date_reported: '2026/05/01' })).toBe('ERROR: date_reported: expected a date as YYYY-MM-DD (got "2026/05/01")');
        expect(await add({ ...base, priority: 6 })).toBe('ERROR: priority must be 1, 2, 3, 4 or 5');
        expect(await add({ ...base, salesman: 'West Cork Wireless', ma: 'Nobody' })).toBe('ERROR: there is no master agent named "Nobody"; there is no salesman named "West Cork Wireless"');
        expect(await add({ ...base, status: 'lost' })).toBe('ERROR: status: must be one of open, closed, waiting for customer (got "lost")');
        expect(await add({ ...base, description: ' ' })).toBe('ERROR: description is required');

        expect(await callText(dialect, t.url, 'modifySalesmanTask', { issueId: id, status: 'closed' })).toBe('ERROR: custId is required; date_reported is required; description is required; type is required');
        expect(await modify({ issueId: UNKNOWN })).toBe(`ERROR: sales issue ${UNKNOWN} does not exist`);
        expect(await modify({ custId: 8, status: 'closed' })).toBe(`ERROR: sales issue ${id} does not belong to customer 8`);
        expect(await modify({ value: '-5' })).toBe('ERROR: value must be a number of at least 0, not "-5"');
        expect(await modify({ rsm: 'Dennis Soap' })).toBe('ERROR: there is no regional sales manager named "Dennis Soap"');
        expect(await callText(dialect, t.url, 'deleteSalesmanTask', {})).toBe('ERROR: issueId is required');
        expect(await callText(dialect, t.url, 'deleteSalesmanTask', { issueId: UNKNOWN })).toBe(`ERROR: sales issue ${UNKNOWN} does not exist`);

        expect(await task(id)).toEqual(before);
        expect(await taskCount()).toBe(count);
      });
    });

    it('getMaintenanceData refuses a missing or unknown customer', async () => {
      expect(await callText(dialect, t.url, 'getMaintenanceData', {})).toBe('ERROR: customerid is required');
      expect(await callText(dialect, t.url, 'getMaintenanceData', { customerid: UNKNOWN })).toBe(`ERROR: customer ${UNKNOWN} does not exist`);
    });
  });

  describe('getMaintenanceData', () => {
    let first: number;
    let second: number;
    let jobId: number;

    beforeAll(async () => {
      first = await addTicket('rest', {
        customerid: quietCustomer,
        dateReported: '2026-02-01',
        reportedby: 'Pat',
        type: 'repair',
        subtype: 'cabling',
        title: 'Cable chewed <by> squirrels & co',
        description: 'Outdoor run',
        priority: 4,
        status: 'waiting for customer',
        hours_spent: '2.5',
        siteId,
        equipmentId,
      });
      second = await addTicket('rest', { customerid: quietCustomer, dateReported: '2026-02-03', title: 'Second', status: 'closed', dateClosed: '2026-02-04', closedby: 'noc' });
      const added = await callText('rest', t.url, 'addInstallerTracking', {
        maintenanceId: first,
        installerId: 4,
        installerFee: '45',
        dateOpened: '2026-02-02',
        dueDate: '2026-02-10',
        dueHour: 8,
        dueMinute: 5,
      });
      jobId = Number(added.slice(0, -2));
    });

    it('answers the customer’s tickets as a <maintenanceRoot> document over SOAP, as the graph has them', async () => {
      const reply = await soap(t.url, 'getMaintenanceData', { customerid: quietCustomer });
      const doc = xmlResult(reply.result!);
      expect(doc.local).toBe('maintenanceRoot');
      const records = children(doc, 'maintenance');

      const graph = await t.gql<{ customer: { maintenanceTickets: { nodes: { legacyId: number }[] } } }>(
        'query($id: Int!) { customer(legacyId: $id) { maintenanceTickets { nodes { legacyId } } } }',
        { id: quietCustomer },
      );
      expect(records.map((r) => Number(r.attributes.find((a) => a.local === 'id')!.value))).toEqual(graph.data.customer.maintenanceTickets.nodes.map((n) => n.legacyId));
      expect(records.map((r) => Number(child(r, 'id')!.text))).toEqual([first, second]);

      expect(leaves(records[0]!)).toEqual({
        id: String(first),
        customerid: String(quietCustomer),
        date_reported: '2026-02-01',
        reported_by: 'Pat',
        type: 'repair',
        subtype: 'cabling',
        title: 'Cable chewed <by> squirrels & co',
        description: 'Outdoor run',
        resolution: '',
        priority: '4',
        status: 'waiting for customer',
        date_closed: '',
        closed_by: '',
        hours_spent: '2.5',
        site_id: String(siteId),
        equipment_id: String(equipmentId),
        email_recipients: '',
        updated_by: '',
      });
      const jobs = children(records[0]!, 'installer_tracking');
      expect(jobs).toHaveLength(1);
      expect(jobs[0]!.attributes.find((a) => a.local === 'id')!.value).toBe(String(jobId));
      expect(leaves(jobs[0]!)).toEqual({
        id: String(jobId),
        maintenance_id: String(first),
        installer_id: '4',
        date_opened: '2026-02-02',
        date_closed: '',
        status: 'open',
        installer_fee: '45.00',
        note: '',
        due_date: '2026-02-10',
        due_hour: '8',
        due_minute: '5',
      });
      expect(leaves(records[1]!)).toMatchObject({ title: 'Second', status: 'closed', date_closed: '2026-02-04', closed_by: 'noc', type: '', priority: '' });
      expect(children(records[1]!, 'installer_tracking')).toEqual([]);
    });

    it('answers the same data as JSON over REST', async () => {
      const reply = await rest(t.url, 'getMaintenanceData', { customerid: quietCustomer });
      const result = reply.result as { maintenance: (Record<string, string> & { installer_tracking: Record<string, string>[] })[] };
      expect(result.maintenance.map((m) => m.id)).toEqual([String(first), String(second)]);
      expect(result.maintenance[0]).toMatchObject({ title: 'Cable chewed <by> squirrels & co', status: 'waiting for customer', hours_spent: '2.5', site_id: String(siteId) });
      expect(result.maintenance[0]!.installer_tracking).toEqual([
        { id: String(jobId), maintenance_id: String(first), installer_id: '4', date_opened: '2026-02-02', date_closed: '', status: 'open', installer_fee: '45.00', note: '', due_date: '2026-02-10', due_hour: '8', due_minute: '5' },
      ]);
      expect(result.maintenance[1]).toMatchObject({ title: 'Second', installer_tracking: [] });
    });

    it('answers an empty document for a customer without tickets, and the demo tickets of another', async () => {
      const [empty] = await rows<{ id: number }>(
        t.database.handle.db,
        sql`select c.id from customers c where not exists (select 1 from maintenance_tickets m where m.customer_id = c.id) order by c.id desc limit 1`,
      );
      const soapDoc = xmlResult((await soap(t.url, 'getMaintenanceData', { customerid: empty!.id })).result!);
      expect(soapDoc.local).toBe('maintenanceRoot');
      expect(soapDoc.children).toEqual([]);
      expect((await rest(t.url, 'getMaintenanceData', { customerid: empty!.id })).result).toEqual({ maintenance: [] });

      const [busy] = await rows<{ customer_id: number; n: number }>(
        t.database.handle.db,
        sql`select customer_id, count(*)::int as n from maintenance_tickets where customer_id <> ${quietCustomer} group by customer_id order by customer_id limit 1`,
      );
      const graph = await t.gql<{ customer: { maintenanceTickets: { nodes: { legacyId: number; title: string; type: string | null }[] } } }>(
        'query($id: Int!) { customer(legacyId: $id) { maintenanceTickets(first: 100) { nodes { legacyId title type } } } }',
        { id: busy!.customer_id },
      );
      const result = (await rest(t.url, 'getMaintenanceData', { customerid: busy!.customer_id })).result as { maintenance: Record<string, unknown>[] };
      expect(result.maintenance.map((m) => ({ legacyId: Number(m.id), title: m.title, type: m.type || null }))).toEqual(graph.data.customer.maintenanceTickets.nodes);
    });
  });
});
