import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsFolder } from '../../src/db/client';
import { createTestDatabase, enabledEngines, type TestDatabase } from '../helpers/engines';
import { rows } from '../helpers/sql';

/** Tables every later surface relies on; a migration that loses one must fail here. */
const CORE_TABLES = [
  'operators', 'staff_users', 'api_credentials', 'api_tokens', 'ip_access_rules', 'audit_log',
  'customers', 'customer_contacts', 'customer_notes', 'customer_statuses', 'customer_sub_statuses', 'customer_subaccounts',
  'community_codes', 'custom_fields', 'custom_field_values', 'custom_tables', 'custom_table_rows', 'custom_table_cells',
  'customer_sand_settings', 'sales_people', 'service_accounts', 'staff_customer_assignments',
  'plans', 'sub_plans', 'bandwidth_templates', 'buckets', 'tax_zones', 'overage_allowances',
  'subscriptions', 'invoices', 'invoice_lines', 'payments', 'credit_cards', 'bank_accounts', 'renewals', 'grace_periods',
  'payment_collections', 'plan_changes', 'billing_issues', 'resellers', 'reseller_wallet_transactions',
  'sites', 'equipment', 'equipment_logins', 'cpes', 'basestations', 'gateways', 'interfaces', 'customer_ips',
  'radcheck', 'radreply', 'radgroupcheck', 'radgroupreply', 'radusergroup', 'radacct', 'nas', 'radius_accounts',
  'bandwidth_overrides', 'vendor_attribute_overrides', 'vendor_attribute_override_items',
  'areas', 'streets', 'buildings',
  'maintenance_types', 'maintenance_subtypes', 'maintenance_tickets', 'installer_tracking', 'salesman_tasks',
  'messages', 'attachments', 'background_jobs',
];

describe.each(enabledEngines())('migrations on %s', (engine) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('apply to an empty database and create every table', async () => {
    await database.handle.migrate();
    const tables = await rows<{ table_name: string }>(
      database.handle.db,
      sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
    );
    const names = new Set(tables.map((t) => t.table_name));
    const missing = CORE_TABLES.filter((t) => !names.has(t));
    expect(missing).toEqual([]);
  });

  it('are recorded once and are idempotent when applied again', async () => {
    await database.handle.migrate();
    const journal = JSON.parse(readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as { entries: unknown[] };
    const applied = await rows<{ count: number }>(database.handle.db, sql`select count(*)::int as count from drizzle.__drizzle_migrations`);
    expect(applied[0]!.count).toBe(journal.entries.length);
  });

  it('index every foreign key', async () => {
    // A foreign key whose columns are not the leading columns of some index makes deletes
    // of the parent scan the child table.
    const unindexed = await rows<{ constraint_name: string }>(
      database.handle.db,
      sql`
        select c.conname as constraint_name
          from pg_constraint c
         where c.contype = 'f'
           and c.connamespace = 'public'::regnamespace
           and not exists (
                 select 1 from pg_index i
                  where i.indrelid = c.conrelid
                    and (i.indkey::int2[])[0:array_length(c.conkey, 1) - 1] @> c.conkey
                    and (i.indkey::int2[])[0:array_length(c.conkey, 1) - 1] <@ c.conkey)`,
    );
    expect(unindexed.map((r) => r.constraint_name)).toEqual([]);
  });
});
