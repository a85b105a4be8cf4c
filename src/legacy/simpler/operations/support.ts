/**
 * Maintenance tickets, installer tracking and salesman (sales) tasks. The rules live in the
 * support services; these entries map the wire names and format the documented replies.
 */
import * as trackingService from '../../../support/installer-tracking.service';
import * as ticketService from '../../../support/maintenance-write.service';
import * as maintenanceService from '../../../support/maintenance.service';
import * as salesmanTaskService from '../../../support/salesman-task.service';
import { operation, type LegacyOperation } from '../../catalog/operation';
import {
  EMAIL_RECIPIENTS_PARAM,
  maintenanceJson,
  maintenanceXml,
  perlTrue,
  SALES_TASK_PARAMS,
  salesTaskInput,
  ticketInput,
  ticketParams,
  TRACKING_DETAIL_PARAMS,
  TRACKING_TAIL_PARAMS,
  trackingInput,
} from './support.wire';

export const supportOperations: LegacyOperation[] = [
  operation({
    name: 'addMaintenance',
    access: 'support.write',
    summary: 'Adds a maintenance ticket.',
    params: [...ticketParams(true), EMAIL_RECIPIENTS_PARAM],
    returns: "'OK:<new maintenance issue id>'",
    graphql: 'mutation maintenanceTicketCreate',
    run: async (ctx, args) => `OK:${(await ticketService.create(ctx, ticketInput(args))).id}`,
  }),

  operation({
    name: 'modifyMaintenance',
    access: 'support.write',
    summary: 'Changes the given fields of a maintenance ticket; updateresolution=1 appends the resolution.',
    params: [
      { name: 'id', kind: 'integer', required: true, doc: 'Id of the maintenance ticket.' },
      ...ticketParams(false).slice(0, 7),
      { name: 'updateresolution', kind: 'integer', doc: '1 = append the resolution (on a new line) rather than replacing it.' },
      ...ticketParams(false).slice(7),
      { name: 'updatedby', kind: 'text', doc: 'Who made the change.' },
      EMAIL_RECIPIENTS_PARAM,
    ],
    returns: "'OK'",
    graphql: 'mutation maintenanceTicketUpdate',
    run: async (ctx, args) => {
      await ticketService.update(ctx, args.requiredInt('id'), ticketInput(args), { appendResolution: args.int('updateresolution') === 1 });
      return 'OK';
    },
  }),

  operation({
    name: 'addInstallerTracking',
    access: 'support.write',
    summary: 'Adds an installer tracking entry (an installer job and fee) to a maintenance ticket.',
    params: [{ name: 'maintenanceId', kind: 'integer', required: true, doc: 'The maintenance ticket; must exist.' }, ...TRACKING_DETAIL_PARAMS, ...TRACKING_TAIL_PARAMS],
    returns: "'<new installer tracking id>OK' (e.g. 17OK, exactly as documented)",
    graphql: 'mutation installerTrackingCreate',
    run: async (ctx, args) => `${(await trackingService.create(ctx, trackingInput(args))).id}OK`,
  }),

  operation({
    name: 'modifyInstallerTracking',
    access: 'support.write',
    summary: 'Changes the given fields of an installer tracking entry.',
    params: [
      { name: 'installerTrackingId', kind: 'integer', required: true },
      ...TRACKING_DETAIL_PARAMS,
      { name: 'maintenanceId', kind: 'integer', doc: 'Moves the entry to this maintenance ticket; must exist.' },
      ...TRACKING_TAIL_PARAMS,
    ],
    returns: "'<installer tracking id>OK'",
    graphql: 'mutation installerTrackingUpdate',
    notes: 'A dueHour or dueMinute given without dueDate keeps the entry’s current due date (and a part not given keeps its current value).',
    run: async (ctx, args) => `${(await trackingService.update(ctx, args.requiredInt('installerTrackingId'), trackingInput(args))).id}OK`,
  }),

  operation({
    name: 'deleteInstallerTracking',
    access: 'support.write',
    summary: 'Deletes an installer tracking entry.',
    params: [{ name: 'installerTrackingId', kind: 'integer', required: true }],
    returns: "'<installer tracking id>OK'",
    graphql: 'mutation installerTrackingDelete',
    run: async (ctx, args) => `${(await trackingService.remove(ctx, args.requiredInt('installerTrackingId'))).id}OK`,
  }),

  operation({
    name: 'addSalesmanTask',
    access: 'support.write',
    summary: 'Adds a salesman task (sales issue) to a customer.',
    params: [{ name: 'custId', kind: 'integer', required: true, doc: 'The customer; must exist.' }, ...SALES_TASK_PARAMS],
    returns: "'OK:<ISSUEID>'",
    graphql: 'mutation salesmanTaskCreate',
    run: async (ctx, args) => `OK:${(await salesmanTaskService.create(ctx, salesTaskInput(args))).id}`,
  }),

  operation({
    name: 'modifySalesmanTask',
    access: 'support.write',
    summary: 'Changes a salesman task of a customer; updateresolution non-zero appends the resolution.',
    params: [
      { name: 'custId', kind: 'integer', required: true, doc: 'The customer the task belongs to.' },
      { name: 'issueId', kind: 'integer', required: true },
      ...SALES_TASK_PARAMS,
      { name: 'updateresolution', kind: 'text', doc: 'Non-zero: append the resolution (on a new line) instead of overwriting it.' },
    ],
    returns: "'OK:<ISSUEID>'",
    graphql: 'mutation salesmanTaskUpdate',
    run: async (ctx, args) => {
      const task = await salesmanTaskService.update(ctx, args.requiredInt('issueId'), salesTaskInput(args), {
        appendResolution: perlTrue(args.text('updateresolution')),
        full: true,
      });
      return `OK:${task.id}`;
    },
  }),

  operation({
    name: 'deleteSalesmanTask',
    access: 'support.write',
    summary: 'Deletes a salesman task.',
    params: [{ name: 'issueId', kind: 'integer', required: true }],
    returns: "'OK'",
    graphql: 'mutation salesmanTaskDelete',
    run: async (ctx, args) => {
      await salesmanTaskService.remove(ctx, args.requiredInt('issueId'));
      return 'OK';
    },
  }),

  operation({
    name: 'getMaintenanceData',
    access: 'read',
    summary: "Returns the customer's maintenance tickets with their installer tracking entries.",
    params: [{ name: 'customerid', kind: 'integer', required: true, doc: 'The customer; must exist.' }],
    returns: '<maintenanceRoot> document',
    graphql: 'query customer(id).maintenanceTickets',
    notes:
      'The document shows no shape ("XML containing data"). ispgraph sends `<maintenanceRoot>` with one `<maintenance id="…">` per ticket, oldest first ' +
      '(leaves id, customerid, date_reported, reported_by, type, subtype, title, description, resolution, priority, status, date_closed, closed_by, hours_spent, ' +
      'site_id, equipment_id, email_recipients, updated_by; empty elements for missing values) and, inside it, one `<installer_tracking id="…">` per ' +
      'installer job (id, maintenance_id, installer_id, date_opened, date_closed, status, installer_fee, note, due_date, due_hour, due_minute in the ' +
      'operator’s time zone). REST: `{ "maintenance": [ { "id": "12", …, "installer_tracking": [ … ] } ] }`, every value a string.',
    run: async (ctx, args) => {
      const tickets = await maintenanceService.customerTickets(ctx, args.requiredInt('customerid'));
      return { xml: maintenanceXml(tickets), json: maintenanceJson(tickets) };
    },
  }),
];
