/**
 * One customer's record as SIMPLer's getCustomerData shows it: the account with the names of
 * its sales hierarchy and gateway, and the optional summaries (custom fields, traffic usage from
 * RADIUS accounting, the invoice/payment statement). Each part is one statement.
 */
import { and, asc, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import { alias, type PgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/client';
import type { ServiceContext } from '../shared/context';
import { customerOnlineSql } from '../radius/online';
import { NotFoundError } from '../shared/errors';
import { gateways } from '../network/gateway.table';
import { radacct } from '../radius/radacct.table';
import { invoices } from '../billing/invoice.table';
import { payments } from '../billing/payment.table';
import { refunds } from '../billing/refund.table';
import { customers } from './customer.table';
import { customFields, customFieldValues } from './custom-field.table';
import { salesPeople } from './sales-person.table';

const valueAddedReseller = alias(salesPeople, 'value_added_reseller');
const masterAgent = alias(salesPeople, 'master_agent');
const regionalSalesManager = alias(salesPeople, 'regional_sales_manager');
const salesman = alias(salesPeople, 'salesman');

/** The customer row with the names its ids point at. */
export async function record(ctx: ServiceContext, id: number) {
  const { portalPasswordHash: _hash, ...columns } = getTableColumns(customers);
  const [row] = await ctx.db
    .select({
      ...columns,
      wibNumber: gateways.wibNumber,
      valueAddedResellerName: valueAddedReseller.name,
      masterAgentName: masterAgent.name,
      regionalSalesManagerName: regionalSalesManager.name,
      salesmanName: salesman.name,
    })
    .from(customers)
    .leftJoin(gateways, eq(gateways.id, customers.gatewayId))
    .leftJoin(valueAddedReseller, eq(valueAddedReseller.id, customers.valueAddedResellerId))
    .leftJoin(masterAgent, eq(masterAgent.id, customers.masterAgentId))
    .leftJoin(regionalSalesManager, eq(regionalSalesManager.id, customers.regionalSalesManagerId))
    .leftJoin(salesman, eq(salesman.id, customers.salesmanId))
    .where(and(eq(customers.operatorId, ctx.actor.operatorId), eq(customers.id, id)));
  if (!row) throw new NotFoundError('customer', id, ['customerId']);
  return row;
}
export type CustomerRecord = Awaited<ReturnType<typeof record>>;

/** Every customer custom field of the operator with this customer's value (null when unset). */
export async function customFieldsOf(ctx: ServiceContext, customerId: number) {
  return ctx.db
    .select({ id: customFields.id, label: customFields.label, type: customFields.type, value: customFieldValues.value })
    .from(customFields)
    .leftJoin(customFieldValues, and(eq(customFieldValues.fieldId, customFields.id), eq(customFieldValues.customerId, customerId)))
    .where(and(eq(customFields.operatorId, ctx.actor.operatorId), eq(customFields.scope, 'customer')))
    .orderBy(asc(customFields.position), asc(customFields.id));
}

/** Traffic counted by RADIUS accounting: all time and this calendar month (input = upload). */
export interface UsageSummary {
  sessions: number;
  openSessions: number;
  onlineSeconds: string;
  uploadBytes: string;
  downloadBytes: string;
  monthSessions: number;
  monthOnlineSeconds: string;
  monthUploadBytes: string;
  monthDownloadBytes: string;
  firstSessionAt: Date | null;
  lastSessionAt: Date | null;
}

export async function usageOf(ctx: ServiceContext, customerId: number): Promise<UsageSummary> {
  const thisMonth = sql`${radacct.acctstarttime} >= date_trunc('month', now())`;
  const total = (column: PgColumn, where?: ReturnType<typeof sql>) =>
    where ? sql<string>`(coalesce(sum(${column}) filter (where ${where}), 0))::text` : sql<string>`(coalesce(sum(${column}), 0))::text`;
  const [row] = await ctx.db
    .select({
      sessions: sql<number>`count(*)::int`,
      openSessions: sql<number>`(count(*) filter (where ${radacct.acctstoptime} is null))::int`,
      onlineSeconds: total(radacct.acctsessiontime),
      uploadBytes: total(radacct.acctinputoctets),
      downloadBytes: total(radacct.acctoutputoctets),
      monthSessions: sql<number>`(count(*) filter (where ${thisMonth}))::int`,
      monthOnlineSeconds: total(radacct.acctsessiontime, thisMonth),
      monthUploadBytes: total(radacct.acctinputoctets, thisMonth),
      monthDownloadBytes: total(radacct.acctoutputoctets, thisMonth),
      firstSessionAt: sql<Date | null>`min(${radacct.acctstarttime})`.mapWith(radacct.acctstarttime),
      lastSessionAt: sql<Date | null>`max(${radacct.acctstarttime})`.mapWith(radacct.acctstarttime),
    })
    .from(radacct)
    .where(and(eq(radacct.operatorId, ctx.actor.operatorId), eq(radacct.customerId, customerId)));
  return row!;
}

/** The customer's account in money: what was invoiced (void invoices excluded), paid, and still owed. */
export interface StatementSummary {
  invoiceCount: number;
  invoicedTotal: string;
  paidTotal: string;
  /** Invoiced minus paid plus refunded; negative when the customer is in credit. */
  balance: string;
  /** Unpaid parts of open invoices. */
  outstanding: string;
  /** Unpaid parts of open invoices past their due date. */
  overdue: string;
  lastInvoiceDate: string | null;
  lastPaymentDate: string | null;
}

/**
 * What a customer owes, as SQL over a `customers` row: the one rule for SIMPLer's statement,
 * GraphQL's `Customer.balance`/`outstandingAmount`/`overdueAmount` (resolvers and compiled
 * path). Void invoices do not count; only rows of the customer's own operator are summed.
 */
export const customerMoney = {
  /** Invoiced minus paid plus refunded (money given back is credit the customer no longer has); negative when in credit. */
  balance: () => nested(sql`(${invoicedSql()} - ${paidSql()} + ${refundedSql()})::numeric(14,2)`),
  /** Unpaid parts of open invoices. */
  outstanding: () => nested(sql`(select coalesce(sum(${invoices.total} - ${invoices.amountPaid}), 0) from ${invoices} where ${invoicesOf()})::numeric(14,2)`),
  /** Unpaid parts of open invoices past their due date. */
  overdue: () =>
    nested(sql`(select coalesce(sum(${invoices.total} - ${invoices.amountPaid}), 0) from ${invoices} where ${invoicesOf()} and ${invoices.dueDate} < current_date)::numeric(14,2)`),
};

/**
 * drizzle prints the columns at the top level of a single-table select's field unqualified;
 * one level of nesting keeps every column qualified, so the rule reads the same in any query.
 */
function nested(expression: SQL): SQL {
  return sql`${expression}`;
}

function invoicesOf() {
  return sql`${invoices.customerId} = ${customers.id} and ${invoices.operatorId} = ${customers.operatorId} and ${invoices.status} <> 'void'`;
}
function paymentsOf() {
  return sql`${payments.customerId} = ${customers.id} and ${payments.operatorId} = ${customers.operatorId}`;
}
function invoicedSql() {
  return sql`(select coalesce(sum(${invoices.total}), 0) from ${invoices} where ${invoicesOf()})`;
}
function refundedSql() {
  return sql`(select coalesce(sum(${refunds.amount}), 0) from ${refunds} where ${refunds.customerId} = ${customers.id} and ${refunds.operatorId} = ${customers.operatorId})`;
}
function paidSql() {
  return sql`(select coalesce(sum(${payments.amount}), 0) from ${payments} where ${paymentsOf()})`;
}

export async function statementOf(ctx: ServiceContext, customerId: number): Promise<StatementSummary> {
  const [row] = await ctx.db
    .select({
      invoiceCount: sql<number>`(select count(*) from ${invoices} where ${invoicesOf()})::int`,
      invoicedTotal: sql<string>`${invoicedSql()}::numeric(14,2)::text`,
      paidTotal: sql<string>`${paidSql()}::numeric(14,2)::text`,
      balance: sql<string>`${customerMoney.balance()}::text`,
      outstanding: sql<string>`${customerMoney.outstanding()}::text`,
      overdue: sql<string>`${customerMoney.overdue()}::text`,
      lastInvoiceDate: sql<string | null>`(select max(${invoices.issueDate})::text from ${invoices} where ${invoicesOf()})`,
      lastPaymentDate: sql<string | null>`(select max(${payments.paymentDate})::text from ${payments} where ${paymentsOf()})`,
    })
    .from(customers)
    .where(and(eq(customers.operatorId, ctx.actor.operatorId), eq(customers.id, customerId)));
  if (!row) throw new NotFoundError('customer', customerId, ['customerId']);
  return row;
}

/** balance, outstanding and overdue of many customers at once (the graph's loader), by the same rule. */
export async function moneyOf(db: Executor, operatorId: number, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: customers.id,
      balance: sql<string>`${customerMoney.balance()}::text`,
      outstanding: sql<string>`${customerMoney.outstanding()}::text`,
      overdue: sql<string>`${customerMoney.overdue()}::text`,
      online: customerOnlineSql(),
    })
    .from(customers)
    .where(and(eq(customers.operatorId, operatorId), inArray(customers.id, [...ids])));
}
