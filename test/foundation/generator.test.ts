import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client';
import { generateOperator, OperatorExistsError } from '../../src/db/seed/generator';
import { customers } from '../../src/customers/customer.table';
import { createTestDatabase, enabledEngines, type TestDatabase } from '../helpers/engines';
import { rows } from '../helpers/sql';

describe.each(enabledEngines())('data generator on %s', (engine) => {
  let database: TestDatabase;
  let db: Database;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await database.handle.migrate();
    db = database.handle.db;
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('produces exactly the number of customers asked for, with progress reported per batch', async () => {
    const progress: number[] = [];
    const report = await generateOperator(db, { operatorCode: 'bench', customers: 250, batchSize: 100, onProgress: (done) => progress.push(done) });
    expect(report.customers).toBe(250);
    expect(progress).toEqual([100, 200, 250]);
    expect(await db.$count(customers, eq(customers.operatorId, report.operatorId))).toBe(250);
    expect(report.rows).toBeGreaterThan(250 * 5);
  });

  it('keeps generated data referentially correct and tenant-consistent', async () => {
    const [check] = await rows<Record<string, number>>(
      db,
      sql`select
            (select count(*)::int from invoices i where not exists (select 1 from invoice_lines l where l.invoice_id = i.id)) as invoices_without_lines,
            (select count(*)::int from subscriptions s join customers c on c.id = s.customer_id where s.operator_id <> c.operator_id) as cross_tenant_subscriptions,
            (select count(*)::int from payments p join customers c on c.id = p.customer_id where p.operator_id <> c.operator_id) as cross_tenant_payments,
            (select count(*)::int from radacct where customer_id is null) as unattributed_sessions`,
    );
    expect(check).toEqual({ invoices_without_lines: 0, cross_tenant_subscriptions: 0, cross_tenant_payments: 0, unattributed_sessions: 0 });
  });

  it('adds a second operator alongside without collisions, and refuses a code already taken', async () => {
    const second = await generateOperator(db, { operatorCode: 'bench2', customers: 120, batchSize: 50 });
    expect(await db.$count(customers, eq(customers.operatorId, second.operatorId))).toBe(120);
    await expect(generateOperator(db, { operatorCode: 'bench', customers: 1 })).rejects.toBeInstanceOf(OperatorExistsError);
    await expect(generateOperator(db, { operatorCode: 'Bad Code', customers: 1 })).rejects.toThrow(/lowercase/);
  });
});
