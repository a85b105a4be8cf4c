/**
 * How deep the queues are, for /metrics: background jobs by status and messages waiting in the
 * outbox, over all operators. Two small aggregate statements (the outbox count reads the
 * partial index of pending messages); the worker runs them every few seconds, not per scrape,
 * so a scrape never touches the database.
 */
import { count, eq } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { backgroundJobs } from '../support/background-job.table';
import { messages } from '../support/message.table';

export interface QueueDepth {
  jobs: Record<string, number>;
  outboxPending: number;
}

export async function queueDepth(db: Executor): Promise<QueueDepth> {
  const rows = await db.select({ status: backgroundJobs.status, n: count() }).from(backgroundJobs).groupBy(backgroundJobs.status);
  const [pending] = await db.select({ n: count() }).from(messages).where(eq(messages.statusCode, 201));
  return { jobs: Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])), outboxPending: Number(pending?.n ?? 0) };
}
