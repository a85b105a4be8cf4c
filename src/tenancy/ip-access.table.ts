import { cidr, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt, idColumn, operatorColumn } from '../db/columns';
import { apiCredentials } from './api-credential.table';

/**
 * The SIMPLer access list: an API credential is accepted only from these networks. A row with
 * no credential applies to every credential of the operator.
 */
export const ipAccessRules = pgTable(
  'ip_access_rules',
  {
    id: idColumn(),
    operatorId: operatorColumn(),
    apiCredentialId: integer().references(() => apiCredentials.id, { onDelete: 'cascade' }),
    network: cidr().notNull(),
    note: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('ip_access_rules_operator_idx').on(t.operatorId),
    index('ip_access_rules_credential_idx').on(t.apiCredentialId),
  ],
);
