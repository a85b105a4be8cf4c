/**
 * Staff login: operator code + username + password → a short-lived bearer token (label "staff
 * login", STAFF_SESSION_HOURS, default 12), stored in api_tokens like any token, so every
 * surface that takes a token takes it, and revoking it (logout, an admin) ends the session on
 * every process. The password is checked with scrypt under the login throttle (kind `staff`,
 * per operator+username and address); an unknown operator or user, an inactive user and a
 * user without a password cost the same scrypt and get the same answer as a wrong password.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../db/client';
import type { Actor } from '../shared/context';
import { UnauthenticatedError } from '../shared/errors';
import { decoyPasswordHash, verifyPassword } from '../shared/secrets';
import { throttledLogin } from '../throttle';
import * as apiTokenService from './api-token.service';
import { operators } from './operator.table';
import { PUBLIC_COLUMNS, type StaffUserRow } from './staff-user.service';
import { staffUsers } from './staff-user.table';

export const STAFF_LOGIN_LABEL = 'staff login';
export const DEFAULT_STAFF_SESSION_HOURS = 12;

let sessionHours = DEFAULT_STAFF_SESSION_HOURS;

/** How long staff login tokens last (the app sets it from STAFF_SESSION_HOURS at start). */
export function configureStaffSessions(hours: number = DEFAULT_STAFF_SESSION_HOURS): void {
  sessionHours = hours;
}

export interface StaffLoginInput {
  operator: string;
  username: string;
  password: string;
  clientIp: string;
  requestId?: string;
}

export interface StaffSession {
  token: string;
  expiresAt: Date;
  staffUser: StaffUserRow;
}

const INVALID_LOGIN = 'invalid operator, username or password';

export async function login(db: Database, input: StaffLoginInput): Promise<StaffSession> {
  const operator = input.operator ?? '';
  const username = input.username ?? '';
  return throttledLogin({ kind: 'staff', identifier: `${operator}\u0000${username}`, clientIp: input.clientIp }, () => check(db, { ...input, operator, username }));
}

async function check(db: Database, input: StaffLoginInput): Promise<StaffSession> {
  const password = input.password ?? '';
  const tooLong = input.operator.length > 64 || input.username.length > 200 || password.length > 1024;
  const [row] =
    input.operator && input.username && !tooLong
      ? await db
          .select({ ...PUBLIC_COLUMNS, passwordHash: staffUsers.passwordHash })
          .from(staffUsers)
          .innerJoin(operators, eq(operators.id, staffUsers.operatorId))
          .where(and(eq(operators.code, input.operator), isNull(operators.deletedAt), eq(staffUsers.username, input.username)))
          .limit(1)
      : [];
  // Whatever was found, one scrypt runs: the timing says nothing about which part was wrong.
  const valid = await verifyPassword(password, row?.passwordHash ?? (await decoyPasswordHash()));
  if (!row || !row.passwordHash || !row.active || !valid || !password) throw new UnauthenticatedError(INVALID_LOGIN);
  const { passwordHash: _hash, ...staffUser } = row;
  const actor: Actor = { operatorId: row.operatorId, staffUserId: row.id, role: row.role, surface: 'graphql', requestId: input.requestId };
  const expiresAt = new Date(Date.now() + sessionHours * 3_600_000);
  const loggedInAt = new Date();
  const issued = await db.transaction(async (tx) => {
    await tx.update(staffUsers).set({ lastLoginAt: loggedInAt }).where(eq(staffUsers.id, row.id));
    return apiTokenService.issue(tx, actor, { staffUserId: row.id, label: STAFF_LOGIN_LABEL, expiresAt });
  });
  return { token: issued.token, expiresAt, staffUser: { ...staffUser, lastLoginAt: loggedInAt } };
}
