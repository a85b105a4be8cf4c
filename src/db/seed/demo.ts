/**
 * The demo operator loaded on first start: a few hundred customers with everything around
 * them, and the credentials the legacy documents' own examples use, so those examples work
 * verbatim against a fresh install:
 *   - SIMPLer OperatorAPI user `demo` / `demo`, accepted from loopback;
 *   - CRM `userid=5`, `api_key=0f9895fb407c83e5ea128082098b47681aa75d6944576423c4`;
 *   - M4 admin `admin` with API secret `secret`; customer 5 is an ordinary user;
 *   - bearer token `demo-token` (the admin) for GraphQL and token-authenticated REST.
 */
import { eq } from 'drizzle-orm';
import { operators } from '../../tenancy/operator.table';
import { staffUsers } from '../../tenancy/staff-user.table';
import { apiCredentials } from '../../tenancy/api-credential.table';
import { apiTokens } from '../../tenancy/api-token.table';
import { ipAccessRules } from '../../tenancy/ip-access.table';
import { auditLog } from '../../tenancy/audit-log.table';
import { customers } from '../../customers/customer.table';
import { customerSubaccounts } from '../../customers/subaccount.table';
import { staffCustomerAssignments } from '../../customers/staff-assignment.table';
import { serviceAccounts } from '../../customers/service-account.table';
import { bandwidthOverrides } from '../../radius/bandwidth-override.table';
import { planChanges } from '../../billing/plan-change.table';
import { billingIssues } from '../../billing/billing-issue.table';
import { hashApiKey, hashPassword, sha256Hex } from '../../shared/secrets';
import type { Database, Executor } from '../client';
import { populateCustomers } from './customers';
import { Random } from './random';
import { createReferenceData } from './reference-data';

export const DEMO = {
  operatorCode: 'demo',
  customers: 300,
  simpler: { username: 'demo', password: 'demo' },
  crm: { userId: 5, apiKey: '0f9895fb407c83e5ea128082098b47681aa75d6944576423c4' },
  m4: { adminUsername: 'admin', apiSecret: 'secret', ordinaryUserId: 5 },
  bearerToken: 'demo-token',
  adminPassword: 'admin',
  portalPassword: 'portal',
} as const;

/**
 * Whether the demo's published bearer token opens this database (the demo was loaded and its
 * credentials not revoked): a production start warns about it.
 */
export async function demoCredentialsLive(db: Executor): Promise<boolean> {
  const rows = await db.select({ id: apiTokens.id }).from(apiTokens).where(eq(apiTokens.tokenHash, sha256Hex(DEMO.bearerToken))).limit(1);
  return rows.length > 0;
}

/** Staff in id order: the CRM user must be id 5 because the CRM document's examples say so. */
const STAFF = [
  { username: 'admin', displayName: 'Administrator', role: 'admin' },
  { username: 'manager', displayName: 'Mary Manager', role: 'manager', showOnlyAssignedCustomers: true },
  { username: 'collector', displayName: 'Colm Collector', role: 'collector' },
  { username: 'installer', displayName: 'Ian Installer', role: 'installer' },
  { username: 'crm', displayName: 'CRM integration', role: 'api' },
  { username: 'demo', displayName: 'OperatorAPI demo user', role: 'api' },
] as const;

export interface DemoReport {
  operatorId: number;
  customers: number;
  rows: number;
}

/** `now` is the instant the demo's history ends at (tests load it as of other days to prove it is the same demo). */
export async function seedDemo(db: Database, options: { customers?: number; now?: Date } = {}): Promise<DemoReport> {
  // Hash outside the transaction: scrypt is deliberately slow.
  const adminHash = await hashPassword(DEMO.adminPassword);
  const simplerHash = await hashPassword(DEMO.simpler.password);
  const portalHash = await hashPassword(DEMO.portalPassword);
  const now = options.now ?? new Date();
  return db.transaction((tx) => seedDemoIn(tx, { adminHash, simplerHash, portalHash, customers: options.customers ?? DEMO.customers, now }));
}

async function seedDemoIn(
  tx: Executor,
  input: { adminHash: string; simplerHash: string; portalHash: string; customers: number; now: Date },
): Promise<DemoReport> {
  const rng = new Random(20111);
  const [operator] = await tx
    .insert(operators)
    .values({ code: DEMO.operatorCode, name: 'Demo Wireless Ltd', currency: 'EUR', timezone: 'Europe/Dublin', m4ApiSecret: DEMO.m4.apiSecret, invoicingIdPrefix: 'DW', invoicingIdNext: 1 })
    .returning({ id: operators.id });
  const operatorId = operator!.id;
  const op = { operatorId };

  const staff = await tx
    .insert(staffUsers)
    .values(STAFF.map((s) => ({ ...op, ...s, email: `${s.username}@demo.example`, passwordHash: s.role === 'api' ? null : input.adminHash })))
    .returning({ id: staffUsers.id, username: staffUsers.username });
  const staffId = (username: string) => staff.find((s) => s.username === username)!.id;
  if (staffId('crm') !== DEMO.crm.userId) {
    throw new Error(`demo seed expects an empty database: the CRM user got id ${staffId('crm')}, not ${DEMO.crm.userId}`);
  }

  const [simpler] = await tx
    .insert(apiCredentials)
    .values({ ...op, staffUserId: staffId('demo'), kind: 'simpler', identifier: DEMO.simpler.username, secretHash: input.simplerHash, note: 'Demo OperatorAPI user' })
    .returning({ id: apiCredentials.id });
  await tx.insert(apiCredentials).values({ ...op, staffUserId: staffId('crm'), kind: 'crm', identifier: String(DEMO.crm.userId), secretHash: hashApiKey(DEMO.crm.apiKey), note: 'Demo CRM API key' });
  await tx.insert(ipAccessRules).values([
    { ...op, apiCredentialId: simpler!.id, network: '127.0.0.0/8', note: 'loopback' },
    { ...op, apiCredentialId: simpler!.id, network: '::1/128', note: 'loopback' },
  ]);
  await tx.insert(apiTokens).values({ ...op, staffUserId: staffId('admin'), label: 'demo token', tokenHash: sha256Hex(DEMO.bearerToken) });

  const { now } = input;
  const ref = await createReferenceData(tx, operatorId, DEMO.operatorCode, rng, now);
  const report = await populateCustomers(tx, ref, {
    count: input.customers,
    rng,
    portalPasswordHash: input.portalHash,
    installerStaffId: staffId('installer'),
    collectorStaffId: staffId('collector'),
    batchSize: 500,
    now,
  });

  // A few hand-placed relationships the generator does not make.
  const ids = (await tx.select({ id: customers.id }).from(customers).orderBy(customers.id).limit(40)).map((r) => r.id);
  const [c1, c2, c3, c4, , c6, , , , , c11, c12] = ids;
  await tx.insert(customerSubaccounts).values([
    { ...op, masterCustomerId: c1!, subCustomerId: c2!, masterDisplaySubaccountInvoices: true, subaccountDisplayMasterInvoices: false, syncCustomerStatus: true },
    { ...op, masterCustomerId: c1!, subCustomerId: c3!, masterDisplaySubaccountUsage: true, invoiceFromMaster: true, invoiceFromMasterProrate: 2 },
  ]);
  await tx.insert(staffCustomerAssignments).values([
    ...ids.slice(0, 20).map((customerId) => ({ ...op, staffUserId: staffId('manager'), customerId, purpose: 'management' as const })),
    ...ids.slice(10, 30).map((customerId) => ({ ...op, staffUserId: staffId('collector'), customerId, purpose: 'collection' as const })),
  ]);
  await tx.insert(serviceAccounts).values([
    { ...op, customerId: c4!, kind: 'voip', username: 'voip-c4', address: '+353215550104' },
    { ...op, customerId: c6!, kind: 'email', username: 'c6mail', address: 'c6@mail.demo.example' },
  ]);
  await tx.insert(bandwidthOverrides).values({ ...op, customerId: c11!, restrictionOn: true, reset: 'always', bandwidthTemplateId: ref.servicePlans[1]!.templateId });
  await tx.insert(planChanges).values({ ...op, customerId: c12!, fromPlanId: ref.servicePlans[0]!.id, toPlanId: ref.servicePlans[1]!.id, timing: 'next_billing_cycle', effectiveAt: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)), clearDataUsage: false, clearPolicies: false, moveBilling: true, createdByStaffId: staffId('admin') });
  await tx.insert(billingIssues).values({ ...op, customerId: c4!, title: 'Disputed charge', description: 'Customer disputes the installation fee.', status: 'open' });
  await tx.insert(auditLog).values({ ...op, surface: 'seed', action: 'operator.seed', entityType: 'operator', entityId: operatorId, changes: { customers: report.customers } });

  return { operatorId, customers: report.customers, rows: report.rows };
}
