/**
 * Creating and changing maintenance tickets (SIMPLer addMaintenance/modifyMaintenance).
 *
 * - `title` is required on create and cannot be emptied.
 * - `type` is the NAME of one of the operator's ticket types; `subtype` the name of a subtype
 *   of that type (on update, of the new type or else the ticket's type). Changing the type
 *   without naming a subtype clears the subtype.
 * - `status`: open, closed, waiting for customer (also `waiting_for_customer`).
 * - dates are YYYY-MM-DD; `priority` a whole number 0..32767; `hoursSpent` a number ≥ 0.
 * - `customerId`, `siteId`, `equipmentId` must exist in the operator (null clears on update).
 * - update with `appendResolution` (SIMPLer `updateresolution=1`) appends the resolution on a
 *   new line instead of replacing it.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { PgColumn, PgTable, TableConfig } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/client';
import { audit } from '../shared/audit';
import type { ServiceContext } from '../shared/context';
import { NotFoundError, Validation } from '../shared/errors';
import { customers } from '../customers/customer.table';
import { equipment } from '../network/equipment.table';
import { sites } from '../network/site.table';
import { refuseIfReferenced } from '../shared/references';
import { attachments } from './attachment.table';
import { installerTracking } from './installer-tracking.table';
import { maintenanceTickets } from './maintenance-ticket.table';
import { maintenanceSubtypes, maintenanceTypes } from './maintenance-type.table';
import type { MaintenanceTicketRow } from './maintenance.service';
import { appendText, checkAmount, checkDate, ticketStatus } from './support.rules';
import { authorize } from '../tenancy/permissions';

export interface TicketInput {
  customerId?: number | null;
  siteId?: number | null;
  equipmentId?: number | null;
  dateReported?: string | null;
  reportedBy?: string | null;
  /** Name of a ticket type of the operator. */
  type?: string | null;
  /** Name of a subtype of `type`. */
  subtype?: string | null;
  title?: string | null;
  description?: string | null;
  resolution?: string | null;
  priority?: number | null;
  status?: string | null;
  dateClosed?: string | null;
  closedBy?: string | null;
  hoursSpent?: string | number | null;
  emailRecipients?: string | null;
  updatedBy?: string | null;
}

export interface TicketUpdateOptions {
  /** SIMPLer `updateresolution=1`: append the resolution instead of replacing it. */
  appendResolution?: boolean;
}

type TicketColumns = Partial<Omit<typeof maintenanceTickets.$inferInsert, 'id' | 'operatorId' | 'createdAt' | 'updatedAt'>>;

async function exists(db: Executor, table: PgTable<TableConfig> & { id: PgColumn; operatorId: PgColumn }, operatorId: number, id: number): Promise<boolean> {
  const found = await db.select({ id: table.id }).from(table).where(and(eq(table.id, id), eq(table.operatorId, operatorId)));
  return found.length > 0;
}

async function resolve(db: Executor, operatorId: number, input: TicketInput, existing: MaintenanceTicketRow | null, v: Validation): Promise<TicketColumns> {
  const out: TicketColumns = {};
  if (existing === null || input.title !== undefined) {
    if (!input.title?.trim()) v.add('title', 'title is required');
    else out.title = input.title.trim();
  }
  checkDate(v, 'dateReported', input.dateReported);
  checkDate(v, 'dateClosed', input.dateClosed);
  if (input.dateReported === null && existing) v.add('dateReported', 'dateReported cannot be removed');
  if (input.dateReported) out.dateReported = input.dateReported;
  if (input.dateClosed !== undefined) out.dateClosed = input.dateClosed;
  if (input.priority != null && (!Number.isInteger(input.priority) || input.priority < 0 || input.priority > 32767)) v.add('priority', 'priority must be a whole number from 0 to 32767');
  if (input.priority !== undefined) out.priority = input.priority;
  checkAmount(v, 'hoursSpent', input.hoursSpent);
  if (input.hoursSpent !== undefined) out.hoursSpent = input.hoursSpent == null ? null : String(input.hoursSpent).trim();
  const status = ticketStatus(v, 'status', input.status);
  if (status) out.status = status;
  for (const key of ['reportedBy', 'description', 'closedBy', 'emailRecipients', 'updatedBy'] as const) {
    if (input[key] !== undefined) out[key] = input[key];
  }

  const refs: ['customerId' | 'siteId' | 'equipmentId', PgTable<TableConfig> & { id: PgColumn; operatorId: PgColumn }, string][] = [
    ['customerId', customers, 'customer'],
    ['siteId', sites, 'site'],
    ['equipmentId', equipment, 'equipment'],
  ];
  for (const [key, table, label] of refs) {
    const id = input[key];
    if (id === undefined) continue;
    if (id !== null && !(await exists(db, table, operatorId, id))) v.add(key, `${label} ${id} does not exist`, 'NOT_FOUND');
    else out[key] = id;
  }

  let typeId = existing?.typeId ?? null;
  if (input.type !== undefined) {
    if (input.type === null || input.type.trim() === '') {
      typeId = null;
      out.typeId = null;
    } else {
      const [type] = await db
        .select({ id: maintenanceTypes.id })
        .from(maintenanceTypes)
        .where(and(eq(maintenanceTypes.operatorId, operatorId), eq(maintenanceTypes.name, input.type.trim())));
      if (!type) v.add('type', `"${input.type}" is not one of the operator's maintenance types`, 'NOT_FOUND');
      else {
        if (type.id !== existing?.typeId && input.subtype === undefined) out.subtypeId = null;
        typeId = type.id;
        out.typeId = type.id;
      }
    }
  }
  if (input.subtype !== undefined) {
    if (input.subtype === null || input.subtype.trim() === '') out.subtypeId = null;
    else if (typeId == null) {
      if (input.type == null || input.type.trim() === '') v.add('subtype', 'a subtype needs a type');
    } else {
      const [subtype] = await db
        .select({ id: maintenanceSubtypes.id })
        .from(maintenanceSubtypes)
        .where(and(eq(maintenanceSubtypes.operatorId, operatorId), eq(maintenanceSubtypes.typeId, typeId), eq(maintenanceSubtypes.name, input.subtype.trim())));
      if (!subtype) v.add('subtype', `"${input.subtype}" is not a subtype of this maintenance type`);
      else out.subtypeId = subtype.id;
    }
  }
  return out;
}

/** Creates a ticket (SIMPLer addMaintenance; the reply carries the new id). */
export async function create(ctx: ServiceContext, input: TicketInput): Promise<MaintenanceTicketRow> {
  authorize(ctx.actor, 'support.write');
  const operatorId = ctx.actor.operatorId;
  const v = new Validation();
  const columns = await resolve(ctx.db, operatorId, input, null, v);
  v.throwIfAny();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(maintenanceTickets)
      .values({ ...columns, resolution: input.resolution ?? null, operatorId, title: columns.title! })
      .returning();
    await audit(tx, ctx.actor, 'maintenanceTicket.create', 'maintenance_ticket', row!.id, { ...columns, resolution: input.resolution });
    return row!;
  });
}

/** Changes the given fields of a ticket (SIMPLer modifyMaintenance). */
export async function update(ctx: ServiceContext, id: number, input: TicketInput, options: TicketUpdateOptions = {}): Promise<MaintenanceTicketRow> {
  authorize(ctx.actor, 'support.write');
  const operatorId = ctx.actor.operatorId;
  const [existing] = await ctx.db.select().from(maintenanceTickets).where(and(eq(maintenanceTickets.operatorId, operatorId), eq(maintenanceTickets.id, id)));
  if (!existing) throw new NotFoundError('maintenance ticket', id, ['id']);
  const v = new Validation();
  const columns = await resolve(ctx.db, operatorId, input, existing, v);
  v.throwIfAny();
  return ctx.db.transaction(async (tx) => {
    let resolution: string | null | undefined;
    if (input.resolution !== undefined) {
      if (options.appendResolution && input.resolution) {
        // read inside the transaction, locked, so two appends do not lose one another
        const [current] = await tx.select({ resolution: maintenanceTickets.resolution }).from(maintenanceTickets).where(eq(maintenanceTickets.id, id)).for('update');
        resolution = appendText(current?.resolution ?? null, input.resolution);
      } else resolution = input.resolution;
    }
    const [row] = await tx
      .update(maintenanceTickets)
      .set({ ...columns, ...(resolution !== undefined ? { resolution } : {}), updatedAt: sql`now()` })
      .where(and(eq(maintenanceTickets.operatorId, operatorId), eq(maintenanceTickets.id, id)))
      .returning();
    await audit(tx, ctx.actor, 'maintenanceTicket.update', 'maintenance_ticket', id, { ...columns, resolution: input.resolution, appendResolution: options.appendResolution || undefined });
    return row!;
  });
}

/**
 * Deletes a ticket. Refused while installer jobs or attachments hang on it (the tables would
 * cascade them away, and with them what was paid and what was filed); messages sent about it
 * stay, no longer linked.
 */
export async function remove(ctx: ServiceContext, id: number): Promise<void> {
  authorize(ctx.actor, 'support.write');
  const operatorId = ctx.actor.operatorId;
  const [existing] = await ctx.db.select().from(maintenanceTickets).where(and(eq(maintenanceTickets.operatorId, operatorId), eq(maintenanceTickets.id, id)));
  if (!existing) throw new NotFoundError('maintenance ticket', id, ['id']);
  await refuseIfReferenced(ctx.db, 'maintenance ticket', id, [
    { message: 'it has installer jobs', table: installerTracking, where: eq(installerTracking.maintenanceTicketId, id) },
    { message: 'it has attachments', table: attachments, where: eq(attachments.maintenanceTicketId, id) },
  ]);
  await ctx.db.transaction(async (tx) => {
    await tx.delete(maintenanceTickets).where(and(eq(maintenanceTickets.operatorId, operatorId), eq(maintenanceTickets.id, id)));
    await audit(tx, ctx.actor, 'maintenanceTicket.delete', 'maintenance_ticket', id, { title: existing.title, customerId: existing.customerId });
  });
}
