/** Minimal rows for constraint tests: an operator and a customer, named by the caller. */
import { operators } from '../../src/tenancy/operator.table';
import { customers } from '../../src/customers/customer.table';
import type { Executor } from '../../src/db/client';

export async function makeOperator(db: Executor, code: string): Promise<number> {
  const [row] = await db.insert(operators).values({ code, name: `Operator ${code}` }).returning({ id: operators.id });
  return row!.id;
}

export async function makeCustomer(db: Executor, operatorId: number, nickname: string, extra: Partial<typeof customers.$inferInsert> = {}): Promise<number> {
  const [row] = await db
    .insert(customers)
    .values({ operatorId, name: `Customer ${nickname}`, nickname, invoicingId: `inv-${nickname}`, ...extra })
    .returning({ id: customers.id });
  return row!.id;
}

/** The SQLSTATE of a failed statement, whichever driver raised it. */
export async function sqlState(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    let current: unknown = error;
    while (current) {
      const code = (current as { code?: unknown }).code;
      if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
      current = (current as { cause?: unknown }).cause;
    }
    throw error;
  }
  return undefined;
}
