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

/** Changes to a note: a field left undefined stays as it is. */
export interface NoteChanges {
  title?: string | null;
  text?: string | null;
}

/** A note's rules, the same on create and update: the title and the text, when given, are not blank. */
function checkNote(v: Validation, fields: NoteChanges): void {
  if (fields.title !== undefined && !fields.title?.trim()) v.add('title', 'note title is required');
  if (fields.text !== undefined && !fields.text?.trim()) v.add('text', 'note text is required');
}

/** The columns of the given fields: the title trimmed, the text as written. */
function noteColumns(fields: NoteChanges): Partial<Pick<CustomerNoteRow, 'title' | 'body'>> {
  return {
    ...(fields.title != null ? { title: fields.title.trim() } : {}),
    ...(fields.text != null ? { body: fields.text } : {}),
  };
}

/** Adds a dated note to a customer, authored by the acting staff user. */
export async function add(ctx: ServiceContext, input: NoteInput): Promise<CustomerNoteRow> {
  authorize(ctx.actor, 'customers.write');
  const operatorId = ctx.actor.operatorId;
  const v = new Validation();
  // both are required: a missing one is checked as blank
  checkNote(v, { title: input.title ?? null, text: input.text ?? null });
  const [customer] = await ctx.db.select({ id: customers.id }).from(customers).where(and(eq(customers.operatorId, operatorId), eq(customers.id, input.customerId)));
  if (!customer) v.add('customerId', `customer ${input.customerId} does not exist`, 'NOT_FOUND');
  v.throwIfAny();
  const { title, body } = noteColumns(input);
  const row = await ctx.db.transaction(async (tx) => {
    const [note] = await tx
      .insert(customerNotes)
      .values({ operatorId, customerId: input.customerId, title: title!, body: body!, authorStaffId: ctx.actor.staffUserId })
      .returning();
    await audit(tx, ctx.actor, 'customerNote.create', 'customer', input.customerId, { noteId: note!.id, title: note!.title });
    return note!;
  });
  return row;
}

/**
 * Changes the title and/or text of a note, by the rules of `add`; the customer, the author and
 * the date written stay.
 */
export async function update(ctx: ServiceContext, id: number, input: NoteChanges): Promise<CustomerNoteRow> {
  authorize(ctx.actor, 'customers.write');
  const operatorId = ctx.actor.operatorId;
  const [existing] = await findByIds(ctx.db, operatorId, [id]);
  if (!existing) throw new NotFoundError('customer note', id, ['id']);
  const v = new Validation();
  checkNote(v, input);
  v.throwIfAny();
  const columns = noteColumns(input);
  if (Object.keys(columns).length === 0) return existing;
  return ctx.db.transaction(async (tx) => {
    const [note] = await tx
      .update(customerNotes)
      .set(columns)
      .where(and(eq(customerNotes.operatorId, operatorId), eq(customerNotes.id, id)))
      .returning();
    if (!note) throw new NotFoundError('customer note', id, ['id']);
    await audit(tx, ctx.actor, 'customerNote.update', 'customer', existing.customerId, { noteId: id, title: note.title, ...(columns.body !== undefined ? { textChanged: true } : {}) });
    return note;
  });
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
