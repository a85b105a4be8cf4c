/**
 * Reading the audit trail (`audit_log`): who changed what, through which surface and with which
 * credential. Only roles with `audit.read` may; entries are the caller's operator's only.
 * The entries themselves are written by src/shared/audit.ts, inside each write's transaction.
 */
import { and, eq, gte, inArray, lt, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { listCount, listPage, type PageArgs, type SortKey, sortKeyOf } from '../db/pagination';
import type { CredentialRef, ServiceContext, Surface } from '../shared/context';
import { Validation } from '../shared/errors';
import { apiCredentials } from './api-credential.table';
import { apiTokens } from './api-token.table';
import { auditLog } from './audit-log.table';
import { authorize } from './permissions';

export type AuditEventRow = typeof auditLog.$inferSelect;

export interface AuditEventFilter {
  staffUserId?: number | null;
  surface?: Surface | null;
  action?: string | null;
  entityType?: string | null;
  entityId?: number | null;
  since?: Date | null;
  until?: Date | null;
}

/** What the trail can be ordered by; entries of one transaction share their time, and the id keeps their order. */
export const AUDIT_SORTS = { ID: auditLog.id, CREATED_AT: auditLog.createdAt } as const;
export type AuditSortField = keyof typeof AUDIT_SORTS;

/** Newest first unless asked otherwise. */
export function auditSort(field: AuditSortField = 'CREATED_AT', direction: 'asc' | 'desc' = 'desc'): SortKey {
  return sortKeyOf(AUDIT_SORTS, field, direction);
}

export function auditConditions(operatorId: number, filter: AuditEventFilter = {}): SQL {
  return and(
    eq(auditLog.operatorId, operatorId),
    filter.staffUserId != null ? eq(auditLog.staffUserId, filter.staffUserId) : undefined,
    filter.surface ? eq(auditLog.surface, filter.surface) : undefined,
    filter.action ? eq(auditLog.action, filter.action) : undefined,
    filter.entityType ? eq(auditLog.entityType, filter.entityType) : undefined,
    filter.entityId != null ? eq(auditLog.entityId, filter.entityId) : undefined,
    filter.since ? gte(auditLog.createdAt, filter.since) : undefined,
    filter.until ? lt(auditLog.createdAt, filter.until) : undefined,
  )!;
}

export async function list(ctx: ServiceContext, filter: AuditEventFilter, page: PageArgs, sort: SortKey = auditSort()) {
  authorize(ctx.actor, 'audit.read');
  const v = new Validation();
  if (filter.since && filter.until && filter.since >= filter.until) v.add('until', 'until must be later than since');
  v.throwIfAny();
  const where = auditConditions(ctx.actor.operatorId, filter);
  return {
    page: await listPage(ctx.db, { table: auditLog, idColumn: auditLog.id, where, sort }, page),
    count: () => listCount(ctx.db, auditLog, where),
  };
}

export async function findByIds(ctx: ServiceContext, ids: readonly number[]): Promise<AuditEventRow[]> {
  authorize(ctx.actor, 'audit.read');
  if (ids.length === 0) return [];
  return ctx.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.operatorId, ctx.actor.operatorId), inArray(auditLog.id, [...ids])));
}

/** `api_token:12` → { kind, id }; null for anything else (entries written before credentials were recorded). */
export function parseCredential(text: string | null): CredentialRef | null {
  const match = text ? /^(api_token|api_credential|m4_secret):(\d{1,10})$/.exec(text) : null;
  return match ? { kind: match[1] as CredentialRef['kind'], id: Number(match[2]) } : null;
}

/**
 * What a person recognises a credential by, never its secret: a token's label, a SIMPLer
 * credential's api_username, a CRM credential's user id. Keyed `kind:id`; a credential deleted
 * since (or another operator's) has no label.
 */
export async function credentialLabels(db: Executor, operatorId: number, refs: readonly CredentialRef[]): Promise<Map<string, string>> {
  const labels = new Map<string, string>();
  const tokenIds = refs.filter((r) => r.kind === 'api_token').map((r) => r.id);
  const credentialIds = refs.filter((r) => r.kind === 'api_credential').map((r) => r.id);
  if (tokenIds.length) {
    const rows = await db
      .select({ id: apiTokens.id, label: apiTokens.label })
      .from(apiTokens)
      .where(and(eq(apiTokens.operatorId, operatorId), inArray(apiTokens.id, tokenIds)));
    for (const row of rows) labels.set(`api_token:${row.id}`, row.label);
  }
  if (credentialIds.length) {
    const rows = await db
      .select({ id: apiCredentials.id, kind: apiCredentials.kind, identifier: apiCredentials.identifier })
      .from(apiCredentials)
      .where(and(eq(apiCredentials.operatorId, operatorId), inArray(apiCredentials.id, credentialIds)));
    for (const row of rows) labels.set(`api_credential:${row.id}`, row.kind === 'simpler' ? `SIMPLer api_username ${row.identifier}` : `CRM userid ${row.identifier}`);
  }
  for (const ref of refs) if (ref.kind === 'm4_secret' && ref.id === operatorId) labels.set(`m4_secret:${ref.id}`, 'the operator’s M4 API secret');
  return labels;
}
