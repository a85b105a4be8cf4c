/**
 * Wire formats shared by the SIMPLer support operations: the parameter sets that add and modify
 * share (maintenance tickets, installer jobs, sales issues), their mapping to service inputs,
 * and the getMaintenanceData document.
 */
import type { Args } from '../../catalog/args';
import type { ParamSpec } from '../../catalog/operation';
import type { TicketInput } from '../../../support/maintenance-write.service';
import type { CustomerTicket, InstallerJob } from '../../../support/maintenance.service';
import type { TrackingInput } from '../../../support/installer-tracking.service';
import type { SalesmanTaskInput } from '../../../support/salesman-task.service';
import { el, fields, type XmlElement } from '../../xml/write';

/** The statuses tickets and sales issues share, as the wire spells them. */
export const TICKET_STATUSES = ['open', 'closed', 'waiting for customer'] as const;

/** The maintenance types the document lists; each operator keeps its own list (see `type`). */
const DOCUMENTED_TYPES =
  'support, administration, installation, network, relocate, remove, repair, azotel, azotel-feature, disti, accounts, sales, management, suspend, ' +
  'internal tracking, connection review, general outage, point to point link required, RF interference, Engineering, router, survey, Upgrade, voip';

/** addMaintenance/modifyMaintenance parameters after `id`, in documented order. */
export function ticketParams(titleRequired: boolean): ParamSpec[] {
  return [
    { name: 'customerid', kind: 'integer', doc: 'Customer the ticket is for; must exist.' },
    { name: 'dateReported', kind: 'isoDate', doc: 'YYYY-MM-DD; today when not given on add.' },
    { name: 'reportedby', kind: 'text', doc: 'Who reported the issue.' },
    { name: 'type', kind: 'text', doc: `Name of one of the operator's maintenance types (the document lists ${DOCUMENTED_TYPES}).` },
    { name: 'subtype', kind: 'text', doc: 'Name of a subtype that belongs to the given type (or, on modify, the ticket’s type).' },
    { name: 'description', kind: 'text' },
    { name: 'resolution', kind: 'text' },
    { name: 'priority', kind: 'integer', doc: 'Whole number 0..32767.' },
    { name: 'status', kind: 'text', values: TICKET_STATUSES },
    { name: 'dateClosed', kind: 'isoDate', doc: 'YYYY-MM-DD.' },
    { name: 'closedby', kind: 'text' },
    { name: 'title', kind: 'text', required: titleRequired, doc: titleRequired ? 'Ticket title.' : 'Ticket title; cannot be emptied.' },
    { name: 'hours_spent', kind: 'decimal', doc: 'INTEGER in the document; a decimal number of hours (≥ 0) is accepted.' },
    { name: 'siteId', kind: 'integer', doc: 'Site the ticket is about; must exist.' },
    { name: 'equipmentId', kind: 'integer', doc: 'Equipment the ticket is about; must exist.' },
  ];
}

export const EMAIL_RECIPIENTS_PARAM: ParamSpec = { name: 'email_recipients', kind: 'text', doc: 'Extra addresses to notify about the ticket.' };

/** The ticket fields of an add/modifyMaintenance call; absent stays absent, empty clears. */
export function ticketInput(args: Args): TicketInput {
  return {
    customerId: args.int('customerid'),
    dateReported: args.text('dateReported'),
    reportedBy: args.text('reportedby'),
    type: args.text('type'),
    subtype: args.text('subtype'),
    description: args.text('description'),
    resolution: args.text('resolution'),
    priority: args.int('priority'),
    status: args.text('status'),
    dateClosed: args.text('dateClosed'),
    closedBy: args.text('closedby'),
    title: args.text('title'),
    hoursSpent: args.text('hours_spent'),
    siteId: args.int('siteId'),
    equipmentId: args.int('equipmentId'),
    emailRecipients: args.text('email_recipients'),
    updatedBy: args.text('updatedby'),
  };
}

/** add/modifyInstallerTracking parameters other than the ids, in documented order. */
export const TRACKING_DETAIL_PARAMS: readonly ParamSpec[] = [
  { name: 'dateOpened', kind: 'isoDate', doc: 'YYYY-MM-DD.' },
  { name: 'dateClosed', kind: 'isoDate', doc: 'YYYY-MM-DD; not before dateOpened.' },
  { name: 'status', kind: 'text', values: ['open', 'paid'] },
  { name: 'installerFee', kind: 'money', doc: 'FLOAT in the document; kept as exact money (≥ 0).' },
];

export const TRACKING_TAIL_PARAMS: readonly ParamSpec[] = [
  { name: 'installerId', kind: 'integer', doc: 'An active staff user with the installer role.' },
  { name: 'note', kind: 'text' },
  { name: 'dueDate', kind: 'isoDate', doc: 'YYYY-MM-DD, in the operator’s time zone.' },
  { name: 'dueHour', kind: 'integer', doc: '0-23 (needs a dueDate, or on modify an existing due time).' },
  { name: 'dueMinute', kind: 'integer', doc: '0-59 (needs a dueDate, or on modify an existing due time).' },
];

export function trackingInput(args: Args): TrackingInput {
  return {
    maintenanceTicketId: args.int('maintenanceId') ?? undefined,
    installerStaffId: args.int('installerId'),
    dateOpened: args.text('dateOpened'),
    dateClosed: args.text('dateClosed'),
    status: args.text('status'),
    installerFee: args.text('installerFee'),
    note: args.text('note'),
    dueDate: args.text('dueDate'),
    dueHour: args.int('dueHour'),
    dueMinute: args.int('dueMinute'),
  };
}

/** add/modifySalesmanTask parameters after the ids, in documented order. */
export const SALES_TASK_PARAMS: readonly ParamSpec[] = [
  { name: 'date_reported', kind: 'isoDate', required: true, doc: 'YYYY-MM-DD.' },
  { name: 'description', kind: 'text', required: true },
  { name: 'type', kind: 'text', required: true, doc: 'Free text, e.g. upgrade.' },
  { name: 'date_closed', kind: 'isoDate', doc: 'YYYY-MM-DD.' },
  { name: 'hours_spent', kind: 'decimal', doc: 'Number ≥ 0.' },
  { name: 'value', kind: 'money', doc: 'Value of the sale, ≥ 0.' },
  { name: 'priority', kind: 'integer', doc: '1, 2, 3, 4 or 5.' },
  { name: 'status', kind: 'text', values: TICKET_STATUSES },
  { name: 'var', kind: 'text', doc: 'Name of a Value Added Reseller that exists.' },
  { name: 'rsm', kind: 'text', doc: 'Name of a Regional Sales Manager that exists.' },
  { name: 'ma', kind: 'text', doc: 'Name of a Master Agent that exists.' },
  { name: 'salesman', kind: 'text', doc: 'Name of a Salesman that exists.' },
  { name: 'resolution', kind: 'text' },
];

export function salesTaskInput(args: Args): SalesmanTaskInput {
  return {
    customerId: args.requiredInt('custId'),
    dateReported: args.requiredText('date_reported'),
    description: args.requiredText('description'),
    type: args.requiredText('type'),
    dateClosed: args.text('date_closed'),
    hoursSpent: args.text('hours_spent'),
    value: args.text('value'),
    priority: args.int('priority'),
    status: args.text('status'),
    valueAddedReseller: args.text('var'),
    regionalSalesManager: args.text('rsm'),
    masterAgent: args.text('ma'),
    salesman: args.text('salesman'),
    resolution: args.text('resolution'),
  };
}

/** Perl truthiness, as SIMPLer reads flags like `updateresolution`: '', '0' and absent are false. */
export function perlTrue(value: string | null | undefined): boolean {
  const text = value?.trim() ?? '';
  return text !== '' && text !== '0';
}

/** How a stored status goes on the wire: `waiting_for_customer` → `waiting for customer`. */
function wireStatus(status: string): string {
  return status.replace(/_/g, ' ');
}

type Flat = Record<string, string>;

function text(value: string | number | null | undefined): string {
  return value == null ? '' : String(value);
}

function jobRecord(job: InstallerJob): Flat {
  return {
    id: text(job.id),
    maintenance_id: text(job.maintenanceTicketId),
    installer_id: text(job.installerStaffId),
    date_opened: text(job.dateOpened),
    date_closed: text(job.dateClosed),
    status: job.status,
    installer_fee: text(job.installerFee),
    note: text(job.note),
    due_date: text(job.due?.date),
    due_hour: text(job.due?.hour),
    due_minute: text(job.due?.minute),
  };
}

function ticketRecord(ticket: CustomerTicket): Flat {
  return {
    id: text(ticket.id),
    customerid: text(ticket.customerId),
    date_reported: ticket.dateReported,
    reported_by: text(ticket.reportedBy),
    type: text(ticket.typeName),
    subtype: text(ticket.subtypeName),
    title: ticket.title,
    description: text(ticket.description),
    resolution: text(ticket.resolution),
    priority: text(ticket.priority),
    status: wireStatus(ticket.status),
    date_closed: text(ticket.dateClosed),
    closed_by: text(ticket.closedBy),
    hours_spent: text(ticket.hoursSpent),
    site_id: text(ticket.siteId),
    equipment_id: text(ticket.equipmentId),
    email_recipients: text(ticket.emailRecipients),
    updated_by: text(ticket.updatedBy),
  };
}

/** The `<maintenanceRoot>` element: self-contained, so getCustomerData can embed it as it is. */
export function maintenanceXml(tickets: readonly CustomerTicket[]): XmlElement {
  return el(
    'maintenanceRoot',
    tickets.map((ticket) =>
      el('maintenance', { id: ticket.id }, [
        ...fields(ticketRecord(ticket)),
        ...ticket.installerJobs.map((job) => el('installer_tracking', { id: job.id }, fields(jobRecord(job)))),
      ]),
    ),
  );
}

export function maintenanceJson(tickets: readonly CustomerTicket[]) {
  return { maintenance: tickets.map((ticket) => ({ ...ticketRecord(ticket), installer_tracking: ticket.installerJobs.map(jobRecord) })) };
}
