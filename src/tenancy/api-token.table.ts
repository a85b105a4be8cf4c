import { index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt, idColumn, operatorColumn, timestamptz } from '../db/columns';
import { staffUsers } from './staff-user.table';

/**
 * Bearer tokens for GraphQL and token-authenticated REST (Jaze). A token acts as its staff
 * user, inside that user's operator. Only the SHA-256 of the token is stored.
 */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: idColumn(),
    operatorId: operatorColumn(),
    staffUserId: integer()
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    label: text().notNull(),
    tokenHash: text().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    expiresAt: timestamptz(),
    lastUsedAt: timestamptz(),
    revokedAt: timestamptz(),
  },
  (t) => [
    uniqueIndex('api_tokens_token_hash_key').on(t.tokenHash),
    index('api_tokens_staff_user_idx').on(t.staffUserId),
    index('api_tokens_operator_idx').on(t.operatorId),
  ],
);
