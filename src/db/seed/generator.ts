/**
 * Large, referentially correct data sets for benchmarks: a new operator with its own catalogue,
 * an admin with a bearer token, and N customers with everything the demo customers have.
 */
import { eq } from 'drizzle-orm';
import { operators } from '../../tenancy/operator.table';
import { staffUsers } from '../../tenancy/staff-user.table';
import { apiTokens } from '../../tenancy/api-token.table';
import { hashPassword, sha256Hex } from '../../shared/secrets';
import type { Database } from '../client';
import { populateCustomers } from './customers';
import { Random } from './random';
import { createReferenceData } from './reference-data';

export interface GenerateOptions {
  operatorCode: string;
  customers: number;
  batchSize?: number;
  seed?: number;
  onProgress?: (done: number, total: number, rows: number) => void;
}

export interface GenerateReport {
  operatorId: number;
  customers: number;
  rows: number;
  token: string;
  seconds: number;
}

export class OperatorExistsError extends Error {
  constructor(code: string) {
    super(`operator "${code}" already exists; choose another --operator code`);
  }
}

export async function generateOperator(db: Database, options: GenerateOptions): Promise<GenerateReport> {
  if (!/^[a-z][a-z0-9_-]{1,30}$/.test(options.operatorCode)) {
    throw new Error(`operator code "${options.operatorCode}" must be 2-31 lowercase letters, digits, "_" or "-", starting with a letter`);
  }
  if (!Number.isInteger(options.customers) || options.customers < 0) {
    throw new Error('the number of customers must be a whole number ≥ 0');
  }
  const started = Date.now();
  const existing = await db.select({ id: operators.id }).from(operators).where(eq(operators.code, options.operatorCode));
  if (existing.length) throw new OperatorExistsError(options.operatorCode);

  const rng = new Random(options.seed ?? 42);
  const token = `${options.operatorCode}-token`;
  const [adminHash, portalHash] = await Promise.all([hashPassword('admin'), hashPassword('portal')]);
  const { operatorId, ref, adminId } = await db.transaction(async (tx) => {
    const [operator] = await tx
      .insert(operators)
      .values({ code: options.operatorCode, name: `Generated operator ${options.operatorCode}`, m4ApiSecret: 'secret' })
      .returning({ id: operators.id });
    const [admin] = await tx
      .insert(staffUsers)
      .values({ operatorId: operator!.id, username: 'admin', displayName: 'Administrator', role: 'admin', passwordHash: adminHash })
      .returning({ id: staffUsers.id });
    await tx.insert(apiTokens).values({ operatorId: operator!.id, staffUserId: admin!.id, label: 'generator token', tokenHash: sha256Hex(token) });
    const reference = await createReferenceData(tx, operator!.id, options.operatorCode, rng);
    return { operatorId: operator!.id, ref: reference, adminId: admin!.id };
  });
  const report = await populateCustomers(db, ref, {
    count: options.customers,
    rng,
    portalPasswordHash: portalHash,
    batchSize: options.batchSize ?? 1000,
    installerStaffId: adminId,
    collectorStaffId: adminId,
    onProgress: options.onProgress,
  });
  return { operatorId, customers: report.customers, rows: report.rows, token, seconds: (Date.now() - started) / 1000 };
}
