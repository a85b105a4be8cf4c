/**
 * Where the compiled read path (src/graphql/compiled) finds a customer's notes, community code,
 * sub-account links and custom-table rows, in the orders of their services (customer-note,
 * subaccount, custom-table). Custom-table cells are left to the resolvers.
 */
import { asc } from 'drizzle-orm';
import { addSqlFields, mapTypeToSql, sameNamedColumns, type ListQuery } from '../graphql/compiled/mapping';
import { communityCodes } from './community-code.table';
import { customTableRows } from './custom-field.table';
import { rowTableNameSql } from './custom-table.service';
import { authorNameSql, customerNotesQuery, type NoteSortField } from './customer-note.service';
import { customers } from './customer.table';
import { customerSubaccountsQuery, type SubaccountLinkSortField } from './subaccount.service';
import { customerNotes } from './note.table';
import { customerSubaccounts } from './subaccount.table';

mapTypeToSql('CustomerNote', {
  table: customerNotes,
  idColumn: customerNotes.id,
  operatorColumn: customerNotes.operatorId,
  fields: { ...sameNamedColumns(customerNotes, ['title', 'body', 'createdAt']), authorName: { expression: authorNameSql } },
});

mapTypeToSql('CommunityCode', {
  table: communityCodes,
  idColumn: communityCodes.id,
  operatorColumn: communityCodes.operatorId,
  fields: sameNamedColumns(communityCodes, ['code', 'createdAt']),
});

mapTypeToSql('SubaccountLink', {
  table: customerSubaccounts,
  idColumn: customerSubaccounts.id,
  operatorColumn: customerSubaccounts.operatorId,
  fields: {
    ...sameNamedColumns(customerSubaccounts, [
      'masterDisplaySubaccountInvoices', 'masterDisplaySubaccountUsage', 'subaccountDisplayMasterInvoices', 'syncCustomerStatus',
      'syncUsageAllowance', 'masterAllowPortalRelogin', 'invoiceFromMaster', 'invoiceFromMasterProrate', 'createdAt',
    ]),
    master: { one: 'Customer', via: customerSubaccounts.masterCustomerId },
    subaccount: { one: 'Customer', via: customerSubaccounts.subCustomerId },
  },
});

mapTypeToSql('CustomTableRow', {
  table: customTableRows,
  idColumn: customTableRows.id,
  operatorColumn: customTableRows.operatorId,
  fields: { tableName: { expression: rowTableNameSql }, customer: { one: 'Customer', via: customTableRows.customerId } },
});

addSqlFields('Customer', {
  notes: {
    connection: 'CustomerNote',
    by: customerNotes.customerId,
    query: (args, operatorId): ListQuery => {
      const orderBy = args.orderBy as { field: NoteSortField; direction?: 'asc' | 'desc' } | undefined;
      return { ...customerNotesQuery(operatorId, orderBy?.field, orderBy?.direction), page: args };
    },
  },
  communityCode: { one: 'CommunityCode', via: customers.communityCodeId },
  // A sub-account has at most one master (unique sub_customer_id).
  masterAccount: { one: 'SubaccountLink', by: customerSubaccounts.subCustomerId },
  subaccounts: {
    connection: 'SubaccountLink',
    by: customerSubaccounts.masterCustomerId,
    query: (args, operatorId): ListQuery => {
      const orderBy = args.orderBy as { field: SubaccountLinkSortField; direction?: 'asc' | 'desc' } | undefined;
      return { ...customerSubaccountsQuery(operatorId, orderBy?.field, orderBy?.direction), page: args };
    },
  },
  // custom-table.service rowsWhere: in id order.
  customTableRows: { many: 'CustomTableRow', by: customTableRows.customerId, orderBy: [asc(customTableRows.id)] },
});
