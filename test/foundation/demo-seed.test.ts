import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client';
import { prepareDatabase } from '../../src/db/migrate';
import { DEMO } from '../../src/db/seed/demo';
import { operators } from '../../src/tenancy/operator.table';
import { staffUsers } from '../../src/tenancy/staff-user.table';
import { apiCredentials } from '../../src/tenancy/api-credential.table';
import { apiTokens } from '../../src/tenancy/api-token.table';
import { ipAccessRules } from '../../src/tenancy/ip-access.table';
import { customers } from '../../src/customers/customer.table';
import { sha256Hex, verifySecret } from '../../src/shared/secrets';
import { createTestDatabase, enabledEngines, type TestDatabase } from '../helpers/engines';
import { rows } from '../helpers/sql';

describe.each(enabledEngines())('demo data on %s', (engine) => {
  let database: TestDatabase;
  let db: Database;
  let operatorId: number;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    const report = await prepareDatabase(database.handle, { seedDemo: true });
    expect(report.seeded).toBe(true);
    db = database.handle.db;
    const [demo] = await db.select().from(operators).where(eq(operators.code, DEMO.operatorCode));
    operatorId = demo!.id;
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('is loaded only once: preparing the database again seeds nothing', async () => {
    const before = await db.$count(customers);
    const again = await prepareDatabase(database.handle, { seedDemo: true });
    expect(again.seeded).toBe(false);
    expect(await db.$count(customers)).toBe(before);
    expect(await db.$count(operators)).toBe(1);
  });

  it('has the SIMPLer OperatorAPI user demo/demo, allowed from loopback', async () => {
    const [credential] = await db
      .select()
      .from(apiCredentials)
      .where(and(eq(apiCredentials.operatorId, operatorId), eq(apiCredentials.kind, 'simpler'), eq(apiCredentials.identifier, 'demo')));
    expect(credential).toBeDefined();
    expect(credential!.secretHash).not.toContain('demo'); // stored hashed
    expect(await verifySecret('demo', credential!.secretHash)).toBe(true);
    expect(await verifySecret('wrong', credential!.secretHash)).toBe(false);
    const networks = await db.select({ network: ipAccessRules.network }).from(ipAccessRules).where(eq(ipAccessRules.apiCredentialId, credential!.id));
    expect(networks.map((n) => n.network).sort()).toEqual(['127.0.0.0/8', '::1/128']);
  });

  it('has the CRM user 5 with the documented api_key', async () => {
    const [user] = await db.select().from(staffUsers).where(eq(staffUsers.id, DEMO.crm.userId));
    expect(user!.operatorId).toBe(operatorId);
    const [credential] = await db.select().from(apiCredentials).where(and(eq(apiCredentials.staffUserId, DEMO.crm.userId), eq(apiCredentials.kind, 'crm')));
    expect(await verifySecret('0f9895fb407c83e5ea128082098b47681aa75d6944576423c4', credential!.secretHash)).toBe(true);
  });

  it('has the M4 admin with API secret "secret" and user 5 an ordinary current account', async () => {
    const [demo] = await db.select().from(operators).where(eq(operators.id, operatorId));
    expect(demo!.m4ApiSecret).toBe('secret');
    const [admin] = await db.select().from(staffUsers).where(and(eq(staffUsers.operatorId, operatorId), eq(staffUsers.username, 'admin')));
    expect(admin!.role).toBe('admin');
    const [user5] = await db.select().from(customers).where(eq(customers.id, 5));
    expect(user5).toMatchObject({ operatorId, status: 'current', accessState: 'active' });
  });

  it('has the bearer token demo-token, stored as a hash, acting as the admin', async () => {
    const [token] = await db.select().from(apiTokens).where(eq(apiTokens.tokenHash, sha256Hex('demo-token')));
    const [admin] = await db.select().from(staffUsers).where(eq(staffUsers.id, token!.staffUserId));
    expect(admin!.username).toBe('admin');
  });

  it('is a realistic business: hundreds of customers with billing, network and RADIUS rows', async () => {
    const counts = await rows<Record<string, number>>(
      db,
      sql`select
            (select count(*)::int from customers) as customers,
            (select count(*)::int from subscriptions) as subscriptions,
            (select count(*)::int from invoices) as invoices,
            (select count(*)::int from invoice_lines) as invoice_lines,
            (select count(*)::int from payments) as payments,
            (select count(*)::int from equipment) as equipment,
            (select count(*)::int from cpes) as cpes,
            (select count(*)::int from sites) as sites,
            (select count(*)::int from basestations) as basestations,
            (select count(*)::int from resellers) as resellers,
            (select count(*)::int from radius_accounts) as radius_accounts,
            (select count(*)::int from radacct) as radius_sessions,
            (select count(*)::int from radacct where acctstoptime is null) as open_sessions,
            (select count(*)::int from plans) as plans,
            (select count(*)::int from maintenance_tickets) as tickets`,
    );
    const c = counts[0]!;
    expect(c.customers).toBe(DEMO.customers);
    for (const key of ['subscriptions', 'invoices', 'payments', 'equipment', 'cpes', 'radius_accounts', 'radius_sessions', 'open_sessions']) {
      expect(c[key], key).toBeGreaterThan(50);
    }
    expect(c.tickets).toBeGreaterThan(10);
    expect(c.invoice_lines).toBe(c.invoices);
    expect(c.sites).toBeGreaterThanOrEqual(5);
    expect(c.basestations).toBeGreaterThan(0);
    expect(c.resellers).toBeGreaterThanOrEqual(3);
    expect(c.plans).toBeGreaterThanOrEqual(8);
  });

  it('is referentially and arithmetically consistent', async () => {
    const [check] = await rows<Record<string, number>>(
      db,
      sql`select
            (select count(*)::int from invoices i
              where i.amount_paid <> coalesce((select sum(p.amount) from payments p where p.invoice_id = i.id), 0)) as unpaid_mismatch,
            (select count(*)::int from resellers r
              where r.wallet_balance <> coalesce((select sum(t.amount) from reseller_wallet_transactions t where t.reseller_id = r.id), 0)) as wallet_mismatch,
            (select count(*)::int from radacct where customer_id is null or operator_id is null) as unattributed_sessions,
            (select count(*)::int from customers c where c.operator_id <> (select operator_id from operators o where o.id = c.operator_id)) as wrong_tenant`,
    );
    expect(check).toEqual({ unpaid_mismatch: 0, wallet_mismatch: 0, unattributed_sessions: 0, wrong_tenant: 0 });
  });
});
