/**
 * Where every Node type's `createdAt` and `updatedAt` come from. The change-tracked types
 * (tracked.ts) keep both in their table, and so do the other Node types' tables since migration
 * 0013, by the same `touch_updated_at` trigger, except two append-only ones (the audit trail and
 * the reseller ledger): their rows never change, so their `updatedAt` is their `createdAt`.
 * RADIUS attributes live in three tables, so that type declares and fills both from its rows
 * itself (`SELF_STAMPED`). test/graphql/node-timestamps.test.ts checks every Node type against
 * these lists and reads each one's stamps through `node(id:)`.
 */
import { getTableColumns } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { tableNamed, TRACKED } from './tracked';

export type Stamp = 'createdAt' | 'updatedAt';

export interface StampSource {
  typename: string;
  table: string;
  /** Property names of the table's columns where they are not the usual `id`, `operatorId`, `createdAt` (or `dateAdded`), `updatedAt`. */
  columns?: Partial<Record<'id' | 'operatorId' | Stamp, string>>;
}

export const STAMP_SOURCES: readonly StampSource[] = [
  ...TRACKED.map(({ typename, table }) => ({ typename, table })),
  { typename: 'ApiCredential', table: 'api_credentials' },
  { typename: 'ApiToken', table: 'api_tokens' },
  { typename: 'IpAccessRule', table: 'ip_access_rules' },
  { typename: 'CustomTable', table: 'custom_tables' },
  { typename: 'InvoiceLine', table: 'invoice_lines' },
  { typename: 'EquipmentLogin', table: 'equipment_logins' },
  // The operator is its own tenant.
  { typename: 'Operator', table: 'operators', columns: { operatorId: 'id' } },
  { typename: 'RadiusSession', table: 'radacct', columns: { id: 'radacctid' } },
  // Append-only: a row is never changed after it is written.
  { typename: 'AuditEvent', table: 'audit_log', columns: { updatedAt: 'createdAt' } },
  { typename: 'WalletTransaction', table: 'reseller_wallet_transactions', columns: { updatedAt: 'createdAt' } },
];

/** Node types that declare both stamps and fill them from their own rows. */
export const SELF_STAMPED: readonly string[] = ['RadiusAttribute'];

export const STAMP_DESCRIPTIONS: Record<Stamp, string> = {
  createdAt: 'When this object was created.',
  updatedAt: 'When this object last changed (any of its own fields; not its related objects).',
};
export const APPEND_ONLY_UPDATED_AT = 'The same as `createdAt`: this object is never changed once written.';

/** Whether the type's rows are never changed (its `updatedAt` is its `createdAt`). */
export function isAppendOnly(source: StampSource): boolean {
  return source.columns?.updatedAt === 'createdAt';
}

/** The source's table and its id, operator and stamp columns. */
export function stampColumns(source: StampSource): { table: PgTable } & Record<'id' | 'operatorId' | Stamp, PgColumn> {
  const table = tableNamed(source.table);
  if (!table) throw new Error(`${source.typename}: no table ${source.table}`);
  const columns = getTableColumns(table) as Record<string, PgColumn | undefined>;
  const name = (key: 'id' | 'operatorId' | Stamp) => source.columns?.[key] ?? key;
  const picked = {
    id: columns[name('id')],
    operatorId: columns[name('operatorId')],
    // SIMPLer's equipment and attachments call their creation `date_added`.
    createdAt: columns[name('createdAt')] ?? columns.dateAdded,
    updatedAt: columns[name('updatedAt')],
  };
  for (const [key, column] of Object.entries(picked)) if (!column) throw new Error(`${source.table} has no ${key} column`);
  return { table, ...(picked as Record<'id' | 'operatorId' | Stamp, PgColumn>) };
}
