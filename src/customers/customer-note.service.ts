/** Customer notes (SIMPLer addCustomerNote: customerid, note_title, note_text; both required). */
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { operatorListQuery } from '../db/pagination';
import { audit } from '../shared/audit';
import type { ServiceContext } from '../shared/context';
import { NotFoundError, Validation } from '../shared/errors';
import { staffUsers } from '../tenancy/staff-user.table';
import { customers } from './customer.table';
import { customerNotes } from './note.table';
import { authorize } from '../tenancy/permissions';

export type CustomerNoteRow = typeof customerNotes.$inferSelect;

/** The note's author's name as CustomerNote.authorName loads it (by id), for the compiled read path. */
export const authorNameSql = (): SQL => sql`(select ${staffUsers.displayName} from ${staffUsers} where ${staffUsers.id} = ${customerNotes.authorStaffId} and ${staffUsers.operatorId} = ${customerNotes.operatorId})`;

export interface NoteInput {
  customerId: number;
  title: string;
  text: string;
}

/** Adds a dated note to a customer, authored by the acting staff user. */
export async function add(ctx: ServiceContext, input: NoteInput): Promise<CustomerNoteRow> {
  authorize(ctx.actor, 'customers.write');
  const operatorId = ctx.actor.operatorId;
  const v = new Validation();
  if (!input.title?.trim()) v.add('title', 'note title is required');
  if (!input.text?.trim()) v.add('text', 'note text is required');
  const [customer] = await ctx.db.select({ id: customers.id }).from(customers).where(and(eq(customers.operatorId, operatorId), eq(customers.id, input.customerId)));
  if (!customer) v.add('customerId', `customer ${input.customerId} does not exist`, 'NOT_FOUND');
  v.throwIfAny();
  const row = await ctx.db.transaction(async (tx) => {
    const [note] = await tx
      .insert(customerNotes)
      .values({ operatorId, customerId: input.customerId, title: input.title.trim(), body: input.text, authorStaffId: ctx.actor.staffUserId })
      .returning();
    await audit(tx, ctx.actor, 'customerNote.create', 'customer', input.customerId, { noteId: note!.id, title: note!.title });
    return note!;
  });
  return row;
}

/** Deletes a note; nothing refers to a note, so only its existence in the operator is checked. */
export async function remove(ctx: ServiceContext, id: number): Promise<void> {
  authorize(ctx.actor, 'customers.write');
  const operatorId = ctx.actor.operatorId;
  const [existing] = await findByIds(ctx.db, operatorId, [id]);
  if (!existing) throw new NotFoundError('customer note', id, ['id']);
  await ctx.db.transaction(async (tx) => {
    await tx.delete(customerNotes).where(and(eq(customerNotes.operatorId, operatorId), eq(customerNotes.id, id)));
    await audit(tx, ctx.actor, 'customerNote.delete', 'customer', existing.customerId, { noteId: id, title: existing.title });
  });
}

export async function findByIds(db: Executor, operatorId: number, ids: readonly number[]): Promise<CustomerNoteRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(customerNotes).where(and(eq(customerNotes.operatorId, operatorId), inArray(customerNotes.id, [...ids])));
}

/** What a customer's notes can be ordered by; newest first (CREATED_AT, DESC) by default, as the list always was. */
export const NOTE_SORTS = { ID: customerNotes.id, CREATED_AT: customerNotes.createdAt } as const;
export type NoteSortField = keyof typeof NOTE_SORTS;

/** A customer's notes: the operator's, in the asked order (also the compiled read path's). */
export const customerNotesQuery = operatorListQuery(customerNotes.operatorId, NOTE_SORTS, { field: 'CREATED_AT', direction: 'desc' });
