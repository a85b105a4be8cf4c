/** Customer notes (SIMPLer addCustomerNote: customerid, note_title, note_text; both required). */
import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { audit } from '../shared/audit';
import type { ServiceContext } from '../shared/context';
import { NotFoundError, Validation } from '../shared/errors';
import { staffUsers } from '../tenancy/staff-user.table';
import { customers } from './customer.table';
import { customerNotes } from './note.table';
import { authorize } from '../tenancy/permissions';

export type CustomerNoteRow = typeof customerNotes.$inferSelect & { authorName: string | null };

/** The note's author as byCustomers reads it (its left join), for the compiled read path. */
export const authorNameSql = (): SQL => sql`(select ${staffUsers.displayName} from ${staffUsers} where ${staffUsers.id} = ${customerNotes.authorStaffId})`;

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
  const [author] = row.authorStaffId == null ? [] : await ctx.db.select({ name: staffUsers.displayName }).from(staffUsers).where(eq(staffUsers.id, row.authorStaffId));
  return { ...row, authorName: author?.name ?? null };
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

/** Notes of many customers, newest first within each customer, with the author's name. */
export async function byCustomers(db: Executor, operatorId: number, customerIds: readonly number[]): Promise<CustomerNoteRow[]> {
  if (customerIds.length === 0) return [];
  const rows = await db
    .select({ note: customerNotes, authorName: staffUsers.displayName })
    .from(customerNotes)
    .leftJoin(staffUsers, eq(staffUsers.id, customerNotes.authorStaffId))
    .where(and(eq(customerNotes.operatorId, operatorId), inArray(customerNotes.customerId, [...customerIds])))
    .orderBy(desc(customerNotes.createdAt), desc(customerNotes.id));
  return rows.map((r) => ({ ...r.note, authorName: r.authorName }));
}

export async function findByIds(db: Executor, operatorId: number, ids: readonly number[]): Promise<CustomerNoteRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ note: customerNotes, authorName: staffUsers.displayName })
    .from(customerNotes)
    .leftJoin(staffUsers, eq(staffUsers.id, customerNotes.authorStaffId))
    .where(and(eq(customerNotes.operatorId, operatorId), inArray(customerNotes.id, [...ids])));
  return rows.map((r) => ({ ...r.note, authorName: r.authorName }));
}
