import { index, integer, jsonb, pgEnum, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, operatorColumn } from '../db/columns';
import { staffUsers } from './staff-user.table';

/** The surface a write came through, so an audit entry says how as well as who. */
export const auditSurface = pgEnum('audit_surface', ['graphql', 'soap', 'rest', 'jaze', 'crm', 'm4', 'cli', 'seed', 'worker']);

/** One row per write: who (staff user), through which surface, what changed. Append-only. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: idColumn(),
    operatorId: operatorColumn(),
    staffUserId: integer().references(() => staffUsers.id, { onDelete: 'set null' }),
    surface: auditSurface().notNull(),
    /** e.g. `customer.create`, `invoice.pay`. */
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: integer(),
    /** Changed fields, new values; secrets are never recorded. */
    changes: jsonb(),
    requestId: text(),
    /** The credential the call authenticated with, `kind:id` (src/shared/context.ts CredentialRef); null for seed, worker and CLI. */
    credential: text(),
    createdAt: createdAt(),
  },
  (t) => [
    index('audit_log_operator_created_idx').on(t.operatorId, t.createdAt),
    index('audit_log_entity_idx').on(t.entityType, t.entityId),
    index('audit_log_staff_user_idx').on(t.staffUserId),
  ],
);
