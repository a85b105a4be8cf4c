/**
 * The types whose changes a sync client can follow: each Node type of the operator's business
 * data with the table it lives in. Migrations 0009 and 0010 give each of these tables `updated_at`
 * (kept by the `touch_updated_at` trigger) and a tombstone per deleted row (`record_deletion`);
 * a table added here needs the same two triggers in a migration (test/graphql/sync.test.ts
 * checks the database against this list, and every Node type against it or `UNTRACKED`).
 */
import { getTableName, is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import * as relationalModel from '../db/schema';

export const TRACKED: readonly { typename: string; table: string }[] = [
  { typename: 'Customer', table: 'customers' },
  { typename: 'CustomerNote', table: 'customer_notes' },
  { typename: 'CommunityCode', table: 'community_codes' },
  { typename: 'CustomTableRow', table: 'custom_table_rows' },
  { typename: 'Message', table: 'messages' },
  { typename: 'BandwidthTemplate', table: 'bandwidth_templates' },
  { typename: 'Plan', table: 'plans' },
  { typename: 'SubPlan', table: 'sub_plans' },
  { typename: 'TaxZone', table: 'tax_zones' },
  { typename: 'Payment', table: 'payments' },
  { typename: 'Refund', table: 'refunds' },
  { typename: 'Invoice', table: 'invoices' },
  { typename: 'Subscription', table: 'subscriptions' },
  { typename: 'StaffUser', table: 'staff_users' },
  { typename: 'CreditCard', table: 'credit_cards' },
  { typename: 'BankAccount', table: 'bank_accounts' },
  { typename: 'PaymentCollection', table: 'payment_collections' },
  { typename: 'PlanChange', table: 'plan_changes' },
  { typename: 'GracePeriod', table: 'grace_periods' },
  { typename: 'SubaccountLink', table: 'customer_subaccounts' },
  { typename: 'Renewal', table: 'renewals' },
  { typename: 'OverageAllowance', table: 'overage_allowances' },
  { typename: 'Equipment', table: 'equipment' },
  { typename: 'Cpe', table: 'cpes' },
  { typename: 'Basestation', table: 'basestations' },
  { typename: 'Gateway', table: 'gateways' },
  { typename: 'NetworkInterface', table: 'interfaces' },
  { typename: 'CustomerIp', table: 'customer_ips' },
  { typename: 'Site', table: 'sites' },
  { typename: 'RadiusAccount', table: 'radius_accounts' },
  { typename: 'Reseller', table: 'resellers' },
  { typename: 'MaintenanceTicket', table: 'maintenance_tickets' },
  { typename: 'InstallerTracking', table: 'installer_tracking' },
  { typename: 'SalesmanTask', table: 'salesman_tasks' },
  { typename: 'Attachment', table: 'attachments' },
  { typename: 'Area', table: 'areas' },
  { typename: 'Street', table: 'streets' },
  { typename: 'Building', table: 'buildings' },
  { typename: 'BackgroundJob', table: 'background_jobs' },
];

/** Node types outside the change feed, and why. */
export const UNTRACKED: Readonly<Record<string, string>> = {
  CustomTable: 'operator configuration (the definitions of custom tables), not business data',
  InvoiceLine: 'part of its invoice: lines are written with the invoice and followed through it',
  EquipmentLogin: 'device credentials: read through their equipment',
  RadiusAttribute: 'RADIUS provisioning rows spread over three tables that FreeRADIUS-side tools also write; read through the customer',
  Operator: 'the caller\'s own tenant, one object: read it with `viewer { operator }`',
  RadiusSession: 'accounting rows FreeRADIUS rewrites every interim update: follow them with `radiusSessions(filter: { updatedFrom })`',
  AuditEvent: 'the trail is append-only: page auditEvents by createdAt',
  WalletTransaction: 'the reseller ledger is append-only: its createdAt is when it changed',
  ApiToken: 'credentials are administration, not business data to mirror',
  ApiCredential: 'credentials are administration, not business data to mirror',
  IpAccessRule: 'credentials are administration, not business data to mirror',
};

const tablesByName = new Map<string, PgTable>();
for (const value of Object.values(relationalModel)) if (is(value, PgTable)) tablesByName.set(getTableName(value), value);

/** The drizzle table of this SQL name, if the model has it. */
export function tableNamed(name: string): PgTable | undefined {
  return tablesByName.get(name);
}

/** The drizzle table of a tracked type. */
export function trackedTable(typename: string): PgTable {
  const entry = TRACKED.find((t) => t.typename === typename);
  const table = entry && tableNamed(entry.table);
  if (!table) throw new Error(`${typename} is not a tracked type`);
  return table;
}
