import { date, foreignKey, index, integer, numeric, pgEnum, pgTable, smallint, text } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, operatorColumn, updatedAt } from '../db/columns';
import { customers } from '../customers/customer.table';
import { equipment } from '../network/equipment.table';
import { sites } from '../network/site.table';
import { maintenanceSubtypes, maintenanceTypes } from './maintenance-type.table';

/** SIMPLer ticket and salesman-task status: "open", "closed", "waiting for customer". */
export const maintenanceStatus = pgEnum('maintenance_status', ['open', 'closed', 'waiting_for_customer']);

/**
 * A maintenance (support) ticket, on a customer, a site or a piece of equipment (SIMPLer
 * addMaintenance/modifyMaintenance/getMaintenanceData: `customerid`, `dateReported`,
 * `reportedby`, `type`, `subtype`, `title`, `description`, `resolution`, `priority`, `status`,
 * `dateClosed`, `closedby`, `hours_spent`, `siteId`, `equipmentId`, `email_recipients`,
 * `updatedby`; `updateresolution` appends to `resolution`). A customer with tickets cannot be
 * deleted (deleteCustomer rule 6) unless `deleteMaintenance` removes them first.
 * `reportedBy`/`closedBy`/`updatedBy` are free text on the wire, so they stay text.
 */
export const maintenanceTickets = pgTable(
  'maintenance_tickets',
  {
    id: idColumn(),
    operatorId: operatorColumn(),
    customerId: integer().references(() => customers.id, { onDelete: 'restrict' }),
    dateReported: date().notNull().defaultNow(),
    reportedBy: text(),
    typeId: integer().references(() => maintenanceTypes.id, { onDelete: 'restrict' }),
    /** Must belong to `typeId`: enforced by the composite foreign key below. */
    subtypeId: integer(),
    title: text().notNull(),
    description: text(),
    resolution: text(),
    priority: smallint(),
    status: maintenanceStatus().notNull().default('open'),
    dateClosed: date(),
    closedBy: text(),
    hoursSpent: numeric(),
    siteId: integer().references(() => sites.id, { onDelete: 'set null' }),
    equipmentId: integer().references(() => equipment.id, { onDelete: 'set null' }),
    /** Extra addresses notified about the ticket, as the operator typed them. */
    emailRecipients: text(),
    updatedBy: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    foreignKey({
      name: 'maintenance_tickets_subtype_fk',
      columns: [t.typeId, t.subtypeId],
      foreignColumns: [maintenanceSubtypes.typeId, maintenanceSubtypes.id],
    }).onDelete('restrict'),
    index('maintenance_tickets_operator_status_idx').on(t.operatorId, t.status),
    index('maintenance_tickets_customer_idx').on(t.customerId),
    index('maintenance_tickets_site_idx').on(t.siteId),
    index('maintenance_tickets_equipment_idx').on(t.equipmentId),
    index('maintenance_tickets_type_subtype_idx').on(t.typeId, t.subtypeId),
  ],
);
