import { index, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, operatorColumn } from '../db/columns';

/**
 * One row per idempotency key an operator's callers have used (see index.ts). `result` is what
 * the first call's result was made of (its row ids), enough to rebuild the payload. It is null
 * only inside the transaction that claims the key, which fills it before committing, so no other
 * transaction ever sees it null.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    id: idColumn(),
    operatorId: operatorColumn(),
    key: text().notNull(),
    /** The service operation, e.g. `invoice.pay`: a key replays only on the operation it was used for. */
    operation: text().notNull(),
    /** sha256 (hex) of the canonical JSON of the input, the key left out. */
    fingerprint: text().notNull(),
    result: jsonb(),
    createdAt: createdAt(),
  },
  (t) => [
    // Also the index of the operator foreign key (leading column).
    uniqueIndex('idempotency_keys_operator_key_idx').on(t.operatorId, t.key),
    index('idempotency_keys_created_idx').on(t.createdAt),
  ],
);
