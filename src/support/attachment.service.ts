/**
 * Reading the files attached to customers and maintenance tickets (recorded by the
 * synchronize*Attachments jobs). Scoped to the operator like every read.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { operatorListQuery } from '../db/pagination';
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
