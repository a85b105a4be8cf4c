import { index, integer, jsonb, pgEnum, pgTable, smallint, text } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAt, idColumn, operatorColumn, timestamptz, updatedAt } from '../db/columns';
import { customers } from '../customers/customer.table';
import { maintenanceTickets } from './maintenance-ticket.table';

export const messageChannel = pgEnum('message_channel', ['sms', 'email']);

/**
 * An SMS or e-mail to a customer, and the outbox it is sent from (Jaze E32 send_sms_to_user,
 * E33 send_email_to_user, E40 get_user_logs: `date_created`, `number`, `content`,
 * `status_code`, `error_message`). Sending writes a row with status 201 (pending); a worker
 * picks pending rows, delivers them through `transport` and records the outcome.
 * `statusCode` keeps Jaze's codes: 202 success, 201 pending, 502 waiting, 505 aborted, any other
 * a failure. A multi-user send (`sendMultipleSms`, `userIds[]`) is one row per customer;
 * `sendSmsTo` only changes `recipient` (the alternative number).
 */
export const messages = pgTable(
  'messages',
  {
    id: idColumn(),
    operatorId: operatorColumn(),
    customerId: integer()
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    channel: messageChannel().notNull(),
    /** Jaze `templateName` (grantAccess, usageAlert, billReminder, …); null for free text. */
    template: text(),
    /**
     * The template's variant arguments: `grantAccessType`, `usageAlertType`, `userReciptType`.
     * (An `otp` is only ever rendered into `body`.)
     */
    templateParams: jsonb(),
    /** Jaze `ticketId` for the close-ticket templates. */
    maintenanceTicketId: integer().references(() => maintenanceTickets.id, { onDelete: 'set null' }),
    /** Phone number or e-mail address (E40 `number`). */
    recipient: text().notNull(),
    subject: text(),
    /** E40 `content`. */
    body: text().notNull(),
    statusCode: smallint().notNull().default(201),
    errorMessage: text(),
    /** Which gateway/SMTP relay carried it. */
    transport: text(),
    /** E40 `date_created`. */
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    sentAt: timestamptz(),
  },
  (t) => [
    index('messages_customer_channel_created_idx').on(t.customerId, t.channel, t.createdAt),
    index('messages_pending_idx').on(t.createdAt).where(sql`${t.statusCode} = 201`),
    index('messages_operator_created_idx').on(t.operatorId, t.createdAt),
    index('messages_maintenance_ticket_idx').on(t.maintenanceTicketId),
  ],
);
