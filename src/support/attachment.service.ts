/**
 * Reading the files attached to customers and maintenance tickets (recorded by the
 * synchronize*Attachments jobs). Scoped to the operator like every read.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { attachments } from './attachment.table';

export type AttachmentRow = typeof attachments.$inferSelect;

export function byCustomers(db: Executor, operatorId: number, customerIds: readonly number[]): Promise<AttachmentRow[]> {
  return db
    .select()
    .from(attachments)
    .where(and(eq(attachments.operatorId, operatorId), inArray(attachments.customerId, [...customerIds])))
    .orderBy(asc(attachments.dateAdded), asc(attachments.id));
}

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
