/**
 * Large, referentially correct data sets for benchmarks: a new operator with its own catalogue,
 * an admin with a bearer token, API credentials for each legacy dialect, and N customers with
 * everything the demo customers have. The operator's secrets are drawn at random here and
 * returned once (the CLI prints them); only their hashes are stored. They are drawn by
 * tenancy/credential-secrets.ts, like every credential the admin CLI and GraphQL issue. The demo's well-known
 * secrets are never reused: with the same M4 secret two operators' `admin` users would sign
 * identically and M4 would refuse both.
 */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { operators } from '../../tenancy/operator.table';
import { staffUsers } from '../../tenancy/staff-user.table';
import { apiTokens } from '../../tenancy/api-token.table';
import { apiCredentials } from '../../tenancy/api-credential.table';
import { ipAccessRules } from '../../tenancy/ip-access.table';
import { hashPassword } from '../../shared/secrets';
import { apiTokenHash, crmKeyHash, newApiToken, newCrmKey, newM4Secret, newPassword } from '../../tenancy/credential-secrets';
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

/** The generated operator's secrets, in clear: shown once, stored only hashed. */
export interface GeneratedSecrets {
  /** GraphQL and token REST (Jaze): `Authorization: Bearer …`, acting as `admin`. */
  bearerToken: string;
  /** Staff login of the `admin` user (also the M4 API user). */
  admin: { username: string; password: string };
  /** SIMPLer OperatorAPI user, accepted from loopback until the operator adds networks. */
  simpler: { username: string; password: string };
  /** ISP CRM plan/reseller API. */
  crm: { userId: number; apiKey: string };
  /** Kolmisoft M4 API secret (signs requests as `admin`). */
  m4: { username: string; apiSecret: string };
  /** End-user portal password of every generated customer. */
  portalPassword: string;
}

export interface GenerateReport {
  operatorId: number;
  customers: number;
  rows: number;
  /** Same as secrets.bearerToken. */
  token: string;
  secrets: GeneratedSecrets;
  seconds: number;
}

function randomSecret(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
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
  const code = options.operatorCode;
  const secrets: Omit<GeneratedSecrets, 'crm'> & { crmApiKey: string } = {
    bearerToken: newApiToken(),
    admin: { username: 'admin', password: newPassword() },
    simpler: { username: `${code}-api`, password: newPassword() },
    crmApiKey: newCrmKey(),
    m4: { username: 'admin', apiSecret: newM4Secret() },
    portalPassword: randomSecret(12),
  };
  // scrypt is deliberately slow: hash outside the transaction.
  const [adminHash, simplerHash, portalHash] = await Promise.all([
    hashPassword(secrets.admin.password),
    hashPassword(secrets.simpler.password),
    hashPassword(secrets.portalPassword),
  ]);
  const { operatorId, ref, adminId, crmUserId } = await db.transaction(async (tx) => {
    const [operator] = await tx
      .insert(operators)
      .values({ code, name: `Generated operator ${code}`, m4ApiSecret: secrets.m4.apiSecret })
      .returning({ id: operators.id });
    const op = { operatorId: operator!.id };
    const staff = await tx
      .insert(staffUsers)
      .values([
        { ...op, username: 'admin', displayName: 'Administrator', role: 'admin' as const, passwordHash: adminHash },
        { ...op, username: 'crm', displayName: 'CRM integration', role: 'api' as const, passwordHash: null },
        { ...op, username: secrets.simpler.username, displayName: 'OperatorAPI user', role: 'api' as const, passwordHash: null },
      ])
      .returning({ id: staffUsers.id, username: staffUsers.username });
    const staffId = (username: string) => staff.find((s) => s.username === username)!.id;
    await tx.insert(apiTokens).values({ ...op, staffUserId: staffId('admin'), label: 'generator token', tokenHash: apiTokenHash(secrets.bearerToken) });
    const [simpler] = await tx
      .insert(apiCredentials)
      .values({ ...op, staffUserId: staffId(secrets.simpler.username), kind: 'simpler', identifier: secrets.simpler.username, secretHash: simplerHash, note: 'generated OperatorAPI user' })
      .returning({ id: apiCredentials.id });
    await tx.insert(apiCredentials).values({ ...op, staffUserId: staffId('crm'), kind: 'crm', identifier: String(staffId('crm')), secretHash: crmKeyHash(secrets.crmApiKey), note: 'generated CRM API key' });
    await tx.insert(ipAccessRules).values([
      { ...op, apiCredentialId: simpler!.id, network: '127.0.0.0/8', note: 'loopback' },
      { ...op, apiCredentialId: simpler!.id, network: '::1/128', note: 'loopback' },
    ]);
    const reference = await createReferenceData(tx, operator!.id, code, rng);
    return { operatorId: operator!.id, ref: reference, adminId: staffId('admin'), crmUserId: staffId('crm') };
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
  const { crmApiKey, ...rest } = secrets;
  return {
    operatorId,
    customers: report.customers,
    rows: report.rows,
    token: secrets.bearerToken,
    secrets: { ...rest, crm: { userId: crmUserId, apiKey: crmApiKey } },
    seconds: (Date.now() - started) / 1000,
  };
}
