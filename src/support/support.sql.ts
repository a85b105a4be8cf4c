/**
 * Where the compiled read path (src/graphql/compiled) finds a customer's attachments,
 * maintenance tickets, messages and sales issues. Names looked up by id (ticket types, sales
 * people) and a message's status use the services' SQL forms of their rules; the connections
 * the resolvers' own filter and ordering (parentTicketsQuery, customerMessagesQuery).
 * Left to the resolvers: an attachment's rights and size, a ticket's site, equipment and installer jobs.
 */
import { asc } from 'drizzle-orm';
import { addSqlFields, mapTypeToSql, sameNamedColumns, type ListQuery } from '../graphql/compiled/mapping';
import { customerAttachmentsQuery, type AttachmentSortField } from './attachment.service';
import { attachments } from './attachment.table';
import { maintenanceTickets } from './maintenance-ticket.table';
import { parentTicketsQuery } from './maintenance.resolver';
import { ticketSubtypeNameSql, ticketTypeNameSql } from './maintenance.service';
import type { MaintenanceTicketFilterInput, MaintenanceTicketOrder } from './maintenance.types';
import { accessTypeSql, usageAlertTypeSql } from './message.mapping';
import { customerMessagesQuery } from './message.resolver';
import { statusSql } from './message.service';
import { messages } from './message.table';
import { MessageChannel, type MessageOrder } from './message.types';
import { customerSalesmanTasksQuery, salesPersonNameSql, type SalesmanTaskSortField } from './salesman-task.service';
import { salesmanTasks } from './salesman-task.table';

mapTypeToSql('Attachment', {
  table: attachments,
  idColumn: attachments.id,
  operatorColumn: attachments.operatorId,
  fields: { ...sameNamedColumns(attachments, ['filename', 'description', 'mode']), createdAt: { column: attachments.dateAdded } },
});

mapTypeToSql('MaintenanceTicket', {
  table: maintenanceTickets,
  idColumn: maintenanceTickets.id,
  operatorColumn: maintenanceTickets.operatorId,
  fields: {
    ...sameNamedColumns(maintenanceTickets, [
      'dateReported', 'reportedBy', 'title', 'description', 'resolution', 'priority', 'status', 'dateClosed', 'closedBy', 'hoursSpent',
      'emailRecipients', 'updatedBy', 'createdAt', 'updatedAt',
    ]),
    type: { expression: ticketTypeNameSql },
    subtype: { expression: ticketSubtypeNameSql },
    customer: { one: 'Customer', via: maintenanceTickets.customerId },
    // attachment.service byTickets: oldest first.
    attachments: { many: 'Attachment', by: attachments.maintenanceTicketId, orderBy: [asc(attachments.dateAdded), asc(attachments.id)] },
  },
});

mapTypeToSql('Message', {
  table: messages,
  idColumn: messages.id,
  operatorColumn: messages.operatorId,
  fields: {
    ...sameNamedColumns(messages, ['channel', 'template', 'recipient', 'subject', 'body', 'statusCode', 'errorMessage', 'transport', 'createdAt', 'sentAt']),
    status: { expression: statusSql },
    accessType: { expression: accessTypeSql },
    usageAlertType: { expression: usageAlertTypeSql },
    customer: { one: 'Customer', via: messages.customerId },
    maintenanceTicket: { one: 'MaintenanceTicket', via: messages.maintenanceTicketId },
  },
});

mapTypeToSql('SalesmanTask', {
  table: salesmanTasks,
  idColumn: salesmanTasks.id,
  operatorColumn: salesmanTasks.operatorId,
  fields: {
    ...sameNamedColumns(salesmanTasks, ['dateReported', 'description', 'type', 'dateClosed', 'hoursSpent', 'value', 'priority', 'status', 'resolution', 'createdAt', 'updatedAt']),
    valueAddedReseller: { expression: () => salesPersonNameSql(salesmanTasks.valueAddedResellerId) },
    regionalSalesManager: { expression: () => salesPersonNameSql(salesmanTasks.regionalSalesManagerId) },
    masterAgent: { expression: () => salesPersonNameSql(salesmanTasks.masterAgentId) },
    salesman: { expression: () => salesPersonNameSql(salesmanTasks.salesmanId) },
    customer: { one: 'Customer', via: salesmanTasks.customerId },
  },
});

addSqlFields('Customer', {
  attachments: {
    connection: 'Attachment',
    by: attachments.customerId,
    query: (args, operatorId): ListQuery => {
      const orderBy = args.orderBy as { field: AttachmentSortField; direction?: 'asc' | 'desc' } | undefined;
      return { ...customerAttachmentsQuery(operatorId, orderBy?.field, orderBy?.direction), page: args };
    },
  },
  salesmanTasks: {
    connection: 'SalesmanTask',
    by: salesmanTasks.customerId,
    query: (args, operatorId): ListQuery => {
      const orderBy = args.orderBy as { field: SalesmanTaskSortField; direction?: 'asc' | 'desc' } | undefined;
      return { ...customerSalesmanTasksQuery(operatorId, orderBy?.field, orderBy?.direction), page: args };
    },
  },
  maintenanceTickets: {
    connection: 'MaintenanceTicket',
    by: maintenanceTickets.customerId,
    query: (args, operatorId): ListQuery => ({
      ...parentTicketsQuery(operatorId, 'customer', args.filter as MaintenanceTicketFilterInput | undefined, args.orderBy as MaintenanceTicketOrder | undefined),
      page: args,
    }),
  },
  messages: {
    connection: 'Message',
    by: messages.customerId,
    query: (args, operatorId): ListQuery => ({
      ...customerMessagesQuery(operatorId, (args.channel as MessageChannel | undefined) ?? MessageChannel.SMS, args.orderBy as MessageOrder | undefined),
      page: args,
    }),
  },
});
