/**
 * Background jobs: API calls that drive outside systems (SIMPLer updateWibFiles,
 * updateGPSdetails, updateBucketsFromSubscription, synchronize*Attachments, plan changes) record
 * a job here, with their parameters validated up front; a worker claims queued jobs one at a
 * time (`for update skip locked`, so concurrent workers never share one) and records what really
 * happened: `succeeded` with a result, or `failed` with the error.
 */
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Database, Executor } from '../db/client';
import { listCount, listPage, type PageArgs, type SortKey, sortKeyOf } from '../db/pagination';
import { audit } from '../shared/audit';
import type { ServiceContext } from '../shared/context';
import { describeError } from '../shared/describe-error';
import { DomainError, NotFoundError, Validation } from '../shared/errors';
import { backgroundJobs } from '../support/background-job.table';
import { authorize } from '../tenancy/permissions';
import { DEFAULT_JOB_TIMEOUT_MS, type JobKind, type JobParams, type JobResult } from './job-kind';
import { syncCustomerAttachments, syncMaintenanceAttachments } from './handlers/attachments';
import { updateBucketsFromSubscription } from './handlers/buckets';
import { updateGpsDetails } from './handlers/gps-details';
import { applyPlanChanges } from './handlers/plan-changes';
import { updateWibFiles } from './handlers/wib-files';
import { updatedWithin, type UpdatedRange } from '../sync/updated-range';

export type BackgroundJobRow = typeof backgroundJobs.$inferSelect;
export type BackgroundJobStatus = BackgroundJobRow['status'];

export const JOB_KINDS = [
  'update_wib_files',
  'update_gps_details',
  'update_buckets_from_subscription',
  'sync_customer_attachments',
  'sync_maintenance_attachments',
  'apply_plan_changes',
] as const;
export type JobKindName = (typeof JOB_KINDS)[number];

const registry = new Map<string, JobKind>();
for (const kind of [updateWibFiles, updateGpsDetails, updateBucketsFromSubscription, syncCustomerAttachments, syncMaintenanceAttachments, applyPlanChanges]) {
  registry.set(kind.kind, kind as unknown as JobKind);
}

/** Installs (or replaces) the handler of a kind; returns the previous one. */
export function registerJobKind(kind: JobKind): JobKind | undefined {
  const previous = registry.get(kind.kind);
  registry.set(kind.kind, kind);
  return previous;
}

// ---------------------------------------------------------------- requesting

/** Validates the parameters for the kind and queues a job; bad parameters queue nothing. */
export async function enqueue(ctx: ServiceContext, kind: string, params: JobParams = {}): Promise<BackgroundJobRow> {
  const handler = registry.get(kind);
  // A kind needs the permission of the work it does; an unknown kind queues nothing, and is
  // refused as invalid whoever asks (the kinds are public: they are the schema's mutations).
  authorize(ctx.actor, handler?.permission ?? 'read');
  if (!handler) throw new DomainError('INVALID', `unknown job kind ${kind}`, [{ field: ['kind'], message: `unknown job kind ${kind}`, code: 'INVALID' }]);
  const v = new Validation();
  const normalized = await handler.validate(ctx, params ?? {}, v);
  v.throwIfAny();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(backgroundJobs)
      .values({ operatorId: ctx.actor.operatorId, kind, params: normalized, requestedByStaffId: ctx.actor.staffUserId })
      .returning();
    await audit(tx, ctx.actor, 'job.enqueue', 'background_job', row!.id, { kind, params: normalized });
    return row!;
  });
}

// ---------------------------------------------------------------- reading

export async function findByIds(db: Executor, operatorId: number, ids: readonly number[]): Promise<BackgroundJobRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(backgroundJobs).where(and(eq(backgroundJobs.operatorId, operatorId), inArray(backgroundJobs.id, [...ids])));
}

export async function get(ctx: ServiceContext, id: number): Promise<BackgroundJobRow> {
  const [row] = await ctx.db.select().from(backgroundJobs).where(and(eq(backgroundJobs.operatorId, ctx.actor.operatorId), eq(backgroundJobs.id, id)));
  if (!row) throw new NotFoundError('background job', id, ['id']);
  return row;
}

export interface JobFilter extends UpdatedRange {
  status?: BackgroundJobStatus | null;
  kind?: string | null;
}

export function jobConditions(operatorId: number, filter: JobFilter = {}): SQL {
  return and(
    eq(backgroundJobs.operatorId, operatorId),
    filter.status ? eq(backgroundJobs.status, filter.status) : undefined,
    filter.kind ? eq(backgroundJobs.kind, filter.kind) : undefined,
    ...updatedWithin(backgroundJobs.updatedAt, filter),
  )!;
}

/** What jobs can be ordered by; the default is newest first (ID descending). */
export const JOB_SORTS = { ID: backgroundJobs.id, CREATED_AT: backgroundJobs.createdAt, KIND: backgroundJobs.kind, STATUS: backgroundJobs.status } as const;
export type JobSortField = keyof typeof JOB_SORTS;

export function jobSort(field: JobSortField = 'ID', direction: 'asc' | 'desc' = 'desc'): SortKey {
  return sortKeyOf(JOB_SORTS, field, direction);
}

export async function list(ctx: ServiceContext, filter: JobFilter, page: PageArgs, sort: SortKey = jobSort()) {
  const where = jobConditions(ctx.actor.operatorId, filter);
  return {
    page: await listPage(ctx.db, { table: backgroundJobs, idColumn: backgroundJobs.id, where, sort }, page),
    count: () => listCount(ctx.db, backgroundJobs, where),
  };
}

// ---------------------------------------------------------------- the worker's side

/**
 * Atomically takes the oldest queued job of any operator and marks it running; null when none
 * is queued. `skip locked` lets concurrent workers pass over a row another one is taking.
 */
export async function claimNext(db: Executor): Promise<BackgroundJobRow | null> {
  const next = sql`(select ${backgroundJobs.id} from ${backgroundJobs} where ${backgroundJobs.status} = 'queued'
    order by ${backgroundJobs.createdAt}, ${backgroundJobs.id} for update skip locked limit 1)`;
  const [row] = await db
    .update(backgroundJobs)
    .set({ status: 'running', startedAt: sql`now()`, finishedAt: null, attempts: sql`${backgroundJobs.attempts} + 1` })
    .where(and(eq(backgroundJobs.id, next), eq(backgroundJobs.status, 'queued')))
    .returning();
  return row ?? null;
}

/** The failure as recorded on the job (and shown by GraphQL and SIMPLer): never a statement's text or parameters. */
function describeFailure(error: unknown): string {
  if (error instanceof DomainError) return error.message;
  if (error instanceof Error) return describeError(error) || error.name;
  return String(error);
}

/** Carries out a claimed job with its kind's handler and records the outcome; never throws for the handler's errors. */
/** Runs `work`, failing it (and aborting its signal) once `ms` have passed. */
async function withTimeout<T>(ms: number, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new Error(`timed out after ${ms / 1000} s`));
    }, ms);
  });
  try {
    return await Promise.race([work(controller.signal), expired]);
  } finally {
    clearTimeout(timer);
  }
}

export async function execute(db: Database, job: BackgroundJobRow): Promise<BackgroundJobRow> {
  const ctx: ServiceContext = { db, actor: { operatorId: job.operatorId, staffUserId: job.requestedByStaffId, role: 'admin', surface: 'worker' } };
  let outcome: { status: 'succeeded'; result: JobResult } | { status: 'failed'; error: string };
  try {
    const handler = registry.get(job.kind);
    if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
    const result = await withTimeout(handler.timeoutMs ?? DEFAULT_JOB_TIMEOUT_MS, (signal) => handler.run(ctx, job.params as JobParams, signal));
    outcome = { status: 'succeeded', result: JSON.parse(JSON.stringify(result ?? {})) as JobResult };
  } catch (error) {
    outcome = { status: 'failed', error: describeFailure(error).slice(0, 4000) };
  }
  const [row] = await db
    .update(backgroundJobs)
    .set(
      outcome.status === 'succeeded'
        ? { status: 'succeeded', result: outcome.result, error: null, finishedAt: sql`now()` }
        : { status: 'failed', error: outcome.error, finishedAt: sql`now()` },
    )
    .where(eq(backgroundJobs.id, job.id))
    .returning();
  return row!;
}

/**
 * Jobs left `running` longer than `olderThanMs` (their worker died) go back to the queue, or
 * are failed once they have been tried `maxAttempts` times. Returns how many of each.
 */
export async function recoverStale(db: Executor, options: { olderThanMs: number; maxAttempts?: number }): Promise<{ requeued: number; failed: number }> {
  const maxAttempts = options.maxAttempts ?? 3;
  const stale = and(eq(backgroundJobs.status, 'running'), sql`${backgroundJobs.startedAt} < now() - make_interval(secs => ${options.olderThanMs / 1000})`);
  const failed = await db
    .update(backgroundJobs)
    .set({ status: 'failed', error: sql`'abandoned: the worker running it stopped (attempt ' || ${backgroundJobs.attempts} || ')'`, finishedAt: sql`now()` })
    .where(and(stale, sql`${backgroundJobs.attempts} >= ${maxAttempts}`))
    .returning({ id: backgroundJobs.id });
  const requeued = await db
    .update(backgroundJobs)
    .set({ status: 'queued', startedAt: null })
    .where(and(stale, sql`${backgroundJobs.attempts} < ${maxAttempts}`))
    .returning({ id: backgroundJobs.id });
  return { requeued: requeued.length, failed: failed.length };
}

/** Claims and runs one job; null when nothing was queued. */
export async function runOne(db: Database): Promise<BackgroundJobRow | null> {
  const job = await claimNext(db);
  return job ? execute(db, job) : null;
}
