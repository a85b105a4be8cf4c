import { bigint, check, index, integer, pgEnum, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAt, idColumn, operatorColumn, updatedAt } from '../db/columns';
import { customers } from '../customers/customer.table';
import { maintenanceTickets } from './maintenance-ticket.table';

/**
 * Who may see a customer attachment (SIMPLer synchronizeCustomerAttachments `rights`, a pgsql
 * array of "billing information", "maintenance", "network information", "sales tracking").
 */
export const attachmentRight = pgEnum('attachment_right', [
  'billing_information',
  'maintenance',
  'network_information',
  'sales_tracking',
]);

/**
 * A file attached to a customer or to a maintenance ticket, exactly one of them (SIMPLer
 * synchronizeCustomerAttachments: `customerid`, `description`, `rights`, `mode`;
 * synchronizeMaintenanceAttachments: `issuenumber`, `description`, `dateadded`). The
 * synchronize operations pick files up from the FTP drop by `filenameregexp`, as background
 * jobs; a file already recorded for the same owner is not added twice. A customer with
 * attachments cannot be deleted (deleteCustomer rule 14); a ticket's go with the ticket.
 */
export const attachments = pgTable(
  'attachments',
  {
    id: idColumn(),
    operatorId: operatorColumn(),
    customerId: integer().references(() => customers.id, { onDelete: 'restrict' }),
    maintenanceTicketId: integer().references(() => maintenanceTickets.id, { onDelete: 'cascade' }),
    filename: text().notNull(),
    /** Where the bytes are, relative to the operator's file store. */
    storagePath: text().notNull(),
    description: text(),
    rights: attachmentRight().array(),
    /** SIMPLer `mode`; the only documented value is `electronic_document`. */
    mode: text(),
    sizeBytes: bigint({ mode: 'number' }),
    dateAdded: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('attachments_customer_filename_key')
      .on(t.customerId, t.filename)
      .where(sql`${t.customerId} is not null`),
    uniqueIndex('attachments_maintenance_ticket_filename_key')
      .on(t.maintenanceTicketId, t.filename)
      .where(sql`${t.maintenanceTicketId} is not null`),
    index('attachments_operator_idx').on(t.operatorId),
    check('attachments_one_owner_check', sql`num_nonnulls(${t.customerId}, ${t.maintenanceTicketId}) = 1`),
    check('attachments_size_bytes_check', sql`${t.sizeBytes} >= 0`),
  ],
);
