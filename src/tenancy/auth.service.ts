/**
 * Authentication of bearer tokens (GraphQL, token-authenticated REST). A token acts as its
 * staff user inside that user's operator; revoked or expired tokens and inactive users are
 * refused the same way as unknown tokens, so a caller learns nothing about which it was.
 */
import { and, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import type { Actor, Surface } from '../shared/context';
import { sha256Hex } from '../shared/secrets';
import { apiTokens } from './api-token.table';
import { operators } from './operator.table';
import { staffUsers } from './staff-user.table';

export async function authenticateBearer(db: Database, token: string, surface: Surface, requestId?: string): Promise<Actor | null> {
  if (!token || token.length > 512) return null;
  const [row] = await db
    .select({ operatorId: apiTokens.operatorId, staffUserId: staffUsers.id, role: staffUsers.role })
    .from(apiTokens)
    .innerJoin(staffUsers, eq(staffUsers.id, apiTokens.staffUserId))
    .innerJoin(operators, eq(operators.id, apiTokens.operatorId))
    .where(
      and(
        eq(apiTokens.tokenHash, sha256Hex(token)),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, sql`now()`)),
        eq(staffUsers.active, true),
        isNull(operators.deletedAt),
      ),
    )
    .limit(1);
  if (!row) return null;
  return { operatorId: row.operatorId, staffUserId: row.staffUserId, role: row.role, surface, requestId };
}

/** The token from an `Authorization: Bearer …` header, or undefined. */
export function bearerFrom(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}
