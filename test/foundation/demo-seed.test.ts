import { TransactionRollbackError, and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Executor } from '../../src/db/client';
import { prepareDatabase } from '../../src/db/migrate';
import { DEMO, seedDemo } from '../../src/db/seed/demo';
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
            (select count(*)::int from customers c where c.operator_id <> ${operatorId}) as foreign_customers,
            (${rowsOfAnotherTenant}) as wrong_tenant`,
    );
    expect(check).toEqual({ unpaid_mismatch: 0, wallet_mismatch: 0, unattributed_sessions: 0, foreign_customers: 0, wrong_tenant: 0 });
  });

  it('counts a row that belongs to another tenant than its customer', async () => {
    // The check above must be able to fail: hand it one misattributed row and see it counted.
    await db.transaction(async (tx) => {
      const [other] = await tx.insert(operators).values({ code: 'other-tenant', name: 'Other', currency: 'EUR' }).returning({ id: operators.id });
      await tx.execute(sql`update subscriptions set operator_id = ${other!.id} where id = (select min(id) from subscriptions)`);
      const [check] = await rows<{ wrong_tenant: number }>(tx, sql`select (${rowsOfAnotherTenant}) as wrong_tenant`);
      expect(check!.wrong_tenant).toBe(1);
      tx.rollback();
    }).catch((error: unknown) => {
      if (!(error instanceof TransactionRollbackError)) throw error;
    });
  });

  it('records nothing after the moment it was loaded, and no session stops before it starts', async () => {
    const [loadedAt] = await rows<{ at: string }>(db, sql`select max(created_at)::text as at from audit_log where action = 'operator.seed'`);
    expect(await recordsInTheFuture(db, new Date(loadedAt!.at))).toEqual({});
  });
});

describe('the demo loaded on another day', () => {
  // Loaded as of awkward instants, the demo must be the same rows (ids, names, counts, random
  // values); only its dates move, and none of its records lie after the instant it was loaded at.
  const year = new Date().getUTCFullYear();
  const lastLeapYear = [0, 1, 2, 3].map((back) => year - 1 - back).find((y) => new Date(Date.UTC(y, 1, 29)).getUTCDate() === 29)!;
  const instants = [
    new Date(Date.UTC(year - 1, 11, 31, 0, 0, 30)), // New Year's Eve, just after midnight
    new Date(Date.UTC(year - 1, 11, 31, 23, 59, 30)), // New Year's Eve, a minute before the new year
    new Date(Date.UTC(year - 1, 5, 15, 0, 0, 30)), // mid June, midnight
    new Date(Date.UTC(year - 1, 5, 15, 23, 59, 30)), // mid June, 23:59 UTC (already tomorrow in Dublin)
    new Date(Date.UTC(lastLeapYear, 1, 29, 12, 0, 0)), // 29 February
    new Date(Date.UTC(year - 1, 2, 31, 1, 30, 0)), // 31 March
  ];

  // Its instants are fixed, so the clock matrix (.ci/at-instants, which sets AT_INSTANT) need not repeat it.
  it.skipIf(Boolean(process.env.AT_INSTANT))('is the same demo whatever day and hour it is loaded, with nothing recorded after that moment', { timeout: 600_000 }, async () => {
    const prints: string[] = [];
    for (const now of instants) {
      const database = await createTestDatabase('pglite');
      try {
        await database.handle.migrate(database.handle.db);
        await seedDemo(database.handle.db, { now, customers: 150 }); // half the demo: the same generator, quicker
        expect(await recordsInTheFuture(database.handle.db, now), now.toISOString()).toEqual({});
        prints.push(await fingerprint(database.handle.db));
      } finally {
        await database.drop();
      }
    }
    for (const [i, print] of prints.entries()) expect(print, instants[i]!.toISOString()).toBe(prints[0]);
  });
});

/** Rows whose operator differs from the operator of the customer they hang off. */
const rowsOfAnotherTenant = sql.raw(
  ['subscriptions', 'invoices', 'payments', 'radius_accounts', 'radacct', 'credit_cards', 'maintenance_tickets', 'messages', 'customer_notes', 'customer_ips']
    .map((table) => `(select count(*)::int from ${table} x join customers c on c.id = x.customer_id where x.operator_id <> c.operator_id)`)
    .join(' + '),
);

/** For each kind of recorded event, how many lie after `now` (or stop before they start); only non-zero kinds. */
async function recordsInTheFuture(db: Executor, now: Date): Promise<Record<string, number>> {
  const at = now.toISOString();
  const [counts] = await rows<Record<string, number>>(
    db,
    sql`with t as (select ${at}::timestamptz as now, (${at}::timestamptz at time zone 'UTC')::date as today)
        select
          (select count(*)::int from radacct, t where acctstarttime > t.now) as session_starts,
          (select count(*)::int from radacct, t where acctstoptime > t.now) as session_stops,
          (select count(*)::int from radacct where acctstoptime < acctstarttime) as session_stops_before_start,
          (select count(*)::int from radacct, t where acctupdatetime > t.now or acctupdatetime < acctstarttime) as session_updates,
          (select count(*)::int from radacct where acctsessiontime < 0) as negative_session_times,
          (select count(*)::int from payments, t where payment_date > t.today) as payments,
          (select count(*)::int from invoices, t where issue_date > t.today) as invoices,
          (select count(*)::int from maintenance_tickets, t where date_reported > t.today or date_closed > t.today or date_closed < date_reported) as tickets,
          (select count(*)::int from installer_tracking, t where date_opened > t.today or date_closed > t.today) as installer_tracking,
          (select count(*)::int from salesman_tasks, t where date_reported > t.today) as salesman_tasks,
          (select count(*)::int from customer_notes, t where created_at > t.now) as notes,
          (select count(*)::int from messages, t where sent_at > t.now) as messages,
          (select count(*)::int from customers, t where created_at > t.now or activated_at > t.now or start_date > t.today or install_date > t.today or init_date > t.today) as customers,
          (select count(*)::int from subscriptions, t where valid_from > t.today or ended_at > t.now) as subscriptions,
          (select count(*)::int from renewals, t where active_since > t.today) as renewals,
          (select count(*)::int from credit_cards, t where exp_year * 12 + exp_month < extract(year from t.today) * 12 + extract(month from t.today)) as expired_cards`,
  );
  return Object.fromEntries(Object.entries(counts!).filter(([, n]) => n !== 0));
}

/** Everything about the demo that must not depend on the day it is loaded: ids, names, counts and the random draws. */
async function fingerprint(db: Executor): Promise<string> {
  const [print] = await rows<Record<string, string>>(
    db,
    sql`select
          (select string_agg(concat_ws(':', id, nickname, name, status, access_state, service_plan_id, phone), ',' order by id) from customers) as customers,
          (select string_agg(concat_ws(':', number, customer_id, kind, status, total, amount_paid), ',' order by number) from invoices) as invoices,
          (select string_agg(concat_ws(':', id, invoice_id, amount, method), ',' order by id) from payments) as payments,
          (select string_agg(concat_ws(':', radacctid, customer_id, acctuniqueid, acctstoptime is null, acctinputoctets, framedipaddress), ',' order by radacctid) from radacct) as sessions,
          (select string_agg(concat_ws(':', id, customer_id, plan_id, valid_to is null), ',' order by id) from subscriptions) as subscriptions,
          (select string_agg(concat_ws(':', id, customer_id, last4, card_type), ',' order by id) from credit_cards) as cards,
          (select string_agg(concat_ws(':', id, customer_id, status, title), ',' order by id) from maintenance_tickets) as tickets,
          (select string_agg(concat_ws(':', id, customer_id), ',' order by id) from messages) as messages,
          (select string_agg(concat_ws(':', id, customer_id, title), ',' order by id) from customer_notes) as notes,
          (select string_agg(concat_ws(':', id, customer_id), ',' order by id) from renewals) as renewals,
          (select string_agg(concat_ws(':', id, equipment_id, customer_id, distance), ',' order by id) from cpes) as cpes,
          (select string_agg(concat_ws(':', id, customer_id, status), ',' order by id) from payment_collections) as collections`,
  );
  return JSON.stringify(print);
}

