/**
 * A staff user of a given role with every kind of credential, inserted directly into the tenancy
 * tables (tests must not depend on the provisioning service): a bearer token (GraphQL, Jaze), a
 * SIMPLer api_username/api_password accepted from loopback, and a CRM key (userid = the staff
 * user's id). Secrets are random per call, so nothing here is a demo secret.
 */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Executor } from '../../src/db/client';
import type { StaffRole } from '../../src/shared/context';
import { hashApiKey, hashPassword, sha256Hex } from '../../src/shared/secrets';
import { apiCredentials } from '../../src/tenancy/api-credential.table';
import { apiTokens } from '../../src/tenancy/api-token.table';
import { ipAccessRules } from '../../src/tenancy/ip-access.table';
import { operators } from '../../src/tenancy/operator.table';
import { staffUsers } from '../../src/tenancy/staff-user.table';

export interface RoleUser {
  role: StaffRole;
  operatorId: number;
  staffUserId: number;
  username: string;
  /** Bearer token (GraphQL, Jaze) and its api_tokens id. */
  token: string;
  tokenId: number;
  /** SIMPLer credentials, as the SOAP/REST helpers take them, and the api_credentials id. */
  simpler: { api_username: string; api_password: string };
  simplerCredentialId: number;
  /** CRM credentials and the api_credentials id. */
  crm: { userid: string; api_key: string };
  crmCredentialId: number;
}

export async function operatorIdOf(db: Executor, code: string): Promise<number> {
  const [row] = await db.select({ id: operators.id }).from(operators).where(eq(operators.code, code));
  if (!row) throw new Error(`no operator ${code}`);
  return row.id;
}

export async function makeRoleUser(db: Executor, operatorId: number, role: StaffRole): Promise<RoleUser> {
  const suffix = randomBytes(4).toString('hex');
  const username = `${role}-${suffix}`;
  const [user] = await db
    .insert(staffUsers)
    .values({ operatorId, username, displayName: `Test ${role}`, role })
    .returning({ id: staffUsers.id });
  const staffUserId = user!.id;
  const token = `test-${role}-${randomBytes(16).toString('hex')}`;
  const [tokenRow] = await db
    .insert(apiTokens)
    .values({ operatorId, staffUserId, label: `${role} test token`, tokenHash: sha256Hex(token) })
    .returning({ id: apiTokens.id });
  const simpler = { api_username: `api-${username}`, api_password: randomBytes(12).toString('hex') };
  const [simplerRow] = await db
    .insert(apiCredentials)
    .values({ operatorId, staffUserId, kind: 'simpler', identifier: simpler.api_username, secretHash: await hashPassword(simpler.api_password) })
    .returning({ id: apiCredentials.id });
  await db.insert(ipAccessRules).values([
    { operatorId, apiCredentialId: simplerRow!.id, network: '127.0.0.0/8' },
    { operatorId, apiCredentialId: simplerRow!.id, network: '::1/128' },
  ]);
  const crm = { userid: String(staffUserId), api_key: randomBytes(24).toString('hex') };
  const [crmRow] = await db
    .insert(apiCredentials)
    .values({ operatorId, staffUserId, kind: 'crm', identifier: crm.userid, secretHash: hashApiKey(crm.api_key) })
    .returning({ id: apiCredentials.id });
  return {
    role,
    operatorId,
    staffUserId,
    username,
    token,
    tokenId: tokenRow!.id,
    simpler,
    simplerCredentialId: simplerRow!.id,
    crm,
    crmCredentialId: crmRow!.id,
  };
}
