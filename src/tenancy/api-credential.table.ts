import { boolean, index, integer, pgEnum, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt, idColumn, operatorColumn, timestamptz } from '../db/columns';
import { staffUsers } from './staff-user.table';

/**
 * Which legacy dialect a credential authenticates:
 * - `simpler`: `api_username` + `api_password` (SOAP and REST OperatorAPI), checked with the IP access list;
 * - `crm`: `userid` (the staff user's id) + `api_key`.
 * Secrets are stored only as hashes (shared/secrets.ts).
 */
export const apiCredentialKind = pgEnum('api_credential_kind', ['simpler', 'crm']);

export const apiCredentials = pgTable(
  'api_credentials',
  {
    id: idColumn(),
    operatorId: operatorColumn(),
    staffUserId: integer()
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    kind: apiCredentialKind().notNull(),
    /** The login name the client sends (SIMPLer api_username); for CRM the staff user id as text. */
    identifier: text().notNull(),
    secretHash: text().notNull(),
    note: text(),
    /** Opt-in: refuse parameters the operation does not know, instead of ignoring them as the original systems do. */
    strictParameters: boolean().notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    lastUsedAt: timestamptz(),
    revokedAt: timestamptz(),
  },
  (t) => [
    uniqueIndex('api_credentials_operator_kind_identifier_key').on(t.operatorId, t.kind, t.identifier),
    index('api_credentials_staff_user_idx').on(t.staffUserId),
  ],
);
