/**
 * The files attached to customers and maintenance tickets (recorded by the
 * synchronize*Attachments jobs): reading them, changing what is said of one, forgetting one.
 * Scoped to the operator like every read and write.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { operatorListQuery } from '../db/pagination';
import { audit } from '../shared/audit';
import type { ServiceContext } from '../shared/context';
import { NotFoundError, Validation } from '../shared/errors';
import { authorize, can } from '../tenancy/permissions';
import { attachments } from './attachment.table';

export type AttachmentRow = typeof attachments.$inferSelect;

export function byTickets(db: Executor, operatorId: number, ticketIds: readonly number[]): Promise<AttachmentRow[]> {
  return db
    .select()
    .from(attachments)
    .where(and(eq(attachments.operatorId, operatorId), inArray(attachments.maintenanceTicketId, [...ticketIds])))
    .orderBy(asc(attachments.dateAdded), asc(attachments.id));
}

export function findByIds(db: Executor, operatorId: number, ids: readonly number[]): Promise<AttachmentRow[]> {
  return db.select().from(attachments).where(and(eq(attachments.operatorId, operatorId), inArray(attachments.id, [...ids])));
}

/** What a customer's attachments can be ordered by; oldest first (CREATED_AT, ASC) by default, as the list always was. */
export const ATTACHMENT_SORTS = { ID: attachments.id, CREATED_AT: attachments.dateAdded } as const;
export type AttachmentSortField = keyof typeof ATTACHMENT_SORTS;

/** A customer's attachments: the operator's, in the asked order (also the compiled read path's). */
export const customerAttachmentsQuery = operatorListQuery(attachments.operatorId, ATTACHMENT_SORTS, { field: 'CREATED_AT', direction: 'asc' });

// ---------------------------------------------------------------- changes

export interface AttachmentChanges {
  /** What the file is; null clears it; undefined leaves it. */
  description?: string | null;
  /** Customer attachments only: who may see it; undefined leaves it. */
  rights?: AttachmentRightValue[] | null;
}
type AttachmentRightValue = NonNullable<AttachmentRow['rights']>[number];

/**
 * The attachment, when the actor may change it: a customer's file is customer data
 * (customers.write), a ticket's is support's (support.write), as the synchronize jobs that
 * record them. A role with neither is refused before anything is read.
 */
async function writable(ctx: ServiceContext, id: number): Promise<AttachmentRow> {
  if (!can(ctx.actor.role, 'customers.write') && !can(ctx.actor.role, 'support.write')) authorize(ctx.actor, 'customers.write');
  const [row] = await findByIds(ctx.db, ctx.actor.operatorId, [id]);
  if (!row) throw new NotFoundError('attachment', id, ['id']);
  authorize(ctx.actor, row.customerId != null ? 'customers.write' : 'support.write');
  return row;
}

/** Changes an attachment's description and (a customer's file only) who may see it. */
export async function update(ctx: ServiceContext, id: number, changes: AttachmentChanges): Promise<AttachmentRow> {
  const existing = await writable(ctx, id);
  if (changes.rights != null && existing.customerId == null) {
    new Validation().add('rights', "rights apply to a customer's attachments, not a ticket's").throwIfAny();
  }
  const set: Partial<Pick<AttachmentRow, 'description' | 'rights'>> = {};
  if (changes.description !== undefined) set.description = changes.description?.trim() || null;
  if (changes.rights !== undefined) set.rights = changes.rights == null ? null : [...new Set(changes.rights)];
  if (Object.keys(set).length === 0) return existing;
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(attachments)
      .set(set)
      .where(and(eq(attachments.operatorId, ctx.actor.operatorId), eq(attachments.id, id)))
      .returning();
    if (!row) throw new NotFoundError('attachment', id, ['id']);
    await audit(tx, ctx.actor, 'attachment.update', ...ownerOf(row), { attachmentId: id, filename: row.filename, ...set });
    return row;
  });
}

/**
 * Forgets an attachment. The file stays in the attachment drop it was recorded from, so a later
 * synchronize whose pattern matches it records it again.
 */
export async function remove(ctx: ServiceContext, id: number): Promise<AttachmentRow> {
  await writable(ctx, id);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(attachments)
      .where(and(eq(attachments.operatorId, ctx.actor.operatorId), eq(attachments.id, id)))
      .returning();
    if (!row) throw new NotFoundError('attachment', id, ['id']);
    await audit(tx, ctx.actor, 'attachment.delete', ...ownerOf(row), { attachmentId: id, filename: row.filename });
    return row;
  });
}

/** The audit trail's entity of an attachment: its customer or its ticket. */
function ownerOf(row: AttachmentRow): [string, number] {
  return row.customerId != null ? ['customer', row.customerId] : ['maintenance_ticket', row.maintenanceTicketId!];
}
