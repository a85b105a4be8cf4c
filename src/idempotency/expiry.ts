/** The worker's chore that forgets idempotency keys past retention, so the table stays small. */
import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { idempotencyKeys } from './idempotency-key.table';
import { KEY_RETENTION_HOURS } from './write-once';

/** Deletes every operator's keys older than the retention; returns how many. */
export async function forgetExpiredIdempotencyKeys(db: Executor): Promise<number> {
  const gone = await db
    .delete(idempotencyKeys)
    .where(sql`${idempotencyKeys.createdAt} < now() - make_interval(hours => ${KEY_RETENTION_HOURS}::int)`)
    .returning({ id: idempotencyKeys.id });
  return gone.length;
}
