import { date, index, integer, pgEnum, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, money, operatorColumn, timestamptz, updatedAt } from '../db/columns';
import { staffUsers } from '../tenancy/staff-user.table';
import { maintenanceTickets } from './maintenance-ticket.table';

/** SIMPLer installer tracking `status`: the job is open, or the installer has been paid. */
export const installerTrackingStatus = pgEnum('installer_tracking_status', ['open', 'paid']);

/**
 * An installer's job on a ticket and what they are owed for it (SIMPLer add/modify/
 * deleteInstallerTracking: `maintenanceId`, `installerId`, `dateOpened`, `dateClosed`, `status`,
 * `installerFee`, `note`, `dueDate` + `dueHour` + `dueMinute`). The fee is a FLOAT on the wire
 * and exact money here. Installers are staff users (role `installer`).
 */
export const installerTracking = pgTable(
  'installer_tracking',
  {
    id: idColumn(),
    operatorId: operatorColumn(),
    maintenanceTicketId: integer()
      .notNull()
      .references(() => maintenanceTickets.id, { onDelete: 'cascade' }),
    installerStaffId: integer().references(() => staffUsers.id, { onDelete: 'restrict' }),
    dateOpened: date(),
    dateClosed: date(),
    status: installerTrackingStatus().notNull().default('open'),
    installerFee: money(),
    note: text(),
    /** `dueDate` + `dueHour` + `dueMinute`, in the operator's time zone. */
    dueAt: timestamptz(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('installer_tracking_maintenance_ticket_idx').on(t.maintenanceTicketId),
    index('installer_tracking_installer_staff_idx').on(t.installerStaffId),
    index('installer_tracking_operator_status_idx').on(t.operatorId, t.status),
  ],
);
