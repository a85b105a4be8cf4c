/** Rows to GraphQL objects, and filter inputs to the service's filter, for maintenance tickets. */
import { asNode } from '../graphql/node';
import { optionalIdOf } from '../graphql/ids';
import type { InstallerTrackingRow, MaintenanceTicketRow, TicketFilter } from './maintenance.service';
import type { InstallerTracking, MaintenanceTicket, MaintenanceTicketFilterInput } from './maintenance.types';

export function toTicket(row: MaintenanceTicketRow): MaintenanceTicket {
  return asNode('MaintenanceTicket', row) as unknown as MaintenanceTicket;
}

export function toTracking(row: InstallerTrackingRow): InstallerTracking {
  return asNode('InstallerTracking', row) as unknown as InstallerTracking;
}

export function ticketFilterOf(filter: MaintenanceTicketFilterInput | undefined): TicketFilter {
  return {
    status: filter?.status,
    customerId: optionalIdOf(filter?.customerId, 'Customer', ['filter', 'customerId']),
    siteId: optionalIdOf(filter?.siteId, 'Site', ['filter', 'siteId']),
    equipmentId: optionalIdOf(filter?.equipmentId, 'Equipment', ['filter', 'equipmentId']),
    reportedFrom: filter?.reportedFrom,
    reportedTo: filter?.reportedTo,
    updatedFrom: filter?.updatedFrom,
    updatedTo: filter?.updatedTo,
  };
}
