/**
 * Installer jobs on tickets (SIMPLer add/modify/deleteInstallerTracking).
 *
 * - the ticket (`maintenanceId`) must exist in the operator;
 * - the installer (`installerId`) must be an ACTIVE staff user of the operator with role
 *   `installer` (the role that appears on installer tracking; other staff are refused, so a
 *   typo cannot assign a job to an office account);
 * - `status` is open or paid; dates are YYYY-MM-DD and a job cannot close before it opened;
 * - `installerFee` is a non-negative amount (a FLOAT on the wire, exact money here);
 * - `dueDate` + `dueHour` (0-23) + `dueMinute` (0-59) make `dueAt`, a local time in the
 *   operator's time zone. On create hour and minute default to 0; on update a part not given
 *   keeps the job's current local date, hour or minute (so changing the hour alone moves the
 *   job within its day). Hour or minute with no date to apply to is refused, and
 *   `dueDate: null` clears it.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { audit } from '../shared/audit';
import type { ServiceContext } from '../shared/context';
import { NotFoundError, Validation } from '../shared/errors';
import { operators } from '../tenancy/operator.table';
import { staffUsers } from '../tenancy/staff-user.table';
import { installerTracking } from './installer-tracking.table';
import { maintenanceTickets } from './maintenance-ticket.table';
import type { InstallerTrackingRow } from './maintenance.service';
import { checkAmount, checkDate } from './support.rules';
import { authorize } from '../tenancy/permissions';

export interface TrackingInput {
  maintenanceTicketId?: number;
  installerStaffId?: number | null;
  dateOpened?: string | null;
  dateClosed?: string | null;
  status?: string | null;
  installerFee?: string | number | null;
  note?: string | null;
  dueDate?: string | null;
  dueHour?: number | null;
  dueMinute?: number | null;
}

type TrackingColumns = Partial<Omit<typeof installerTracking.$inferInsert, 'id' | 'operatorId' | 'createdAt' | 'dueAt'>>;

async function resolve(db: Executor, operatorId: number, input: TrackingInput, existing: InstallerTrackingRow | null, v: Validation): Promise<TrackingColumns> {
  const out: TrackingColumns = {};
  if (existing === null && input.maintenanceTicketId == null) v.add('maintenanceTicketId', 'maintenanceTicketId is required');
  if (input.maintenanceTicketId != null) {
    const [ticket] = await db
      .select({ id: maintenanceTickets.id })
      .from(maintenanceTickets)
      .where(and(eq(maintenanceTickets.operatorId, operatorId), eq(maintenanceTickets.id, input.maintenanceTicketId)));
    if (!ticket) v.add('maintenanceTicketId', `maintenance ticket ${input.maintenanceTicketId} does not exist`, 'NOT_FOUND');
    else out.maintenanceTicketId = ticket.id;
  }
  if (input.installerStaffId != null) {
    const [staff] = await db
      .select({ id: staffUsers.id, role: staffUsers.role, active: staffUsers.active })
      .from(staffUsers)
      .where(and(eq(staffUsers.operatorId, operatorId), eq(staffUsers.id, input.installerStaffId)));
    if (!staff) v.add('installerStaffId', `installer ${input.installerStaffId} does not exist`, 'NOT_FOUND');
    else if (staff.role !== 'installer') v.add('installerStaffId', `staff user ${staff.id} is not an installer`);
    else if (!staff.active) v.add('installerStaffId', `installer ${staff.id} is not active`);
  }
  if (input.installerStaffId !== undefined) out.installerStaffId = input.installerStaffId;
  checkDate(v, 'dateOpened', input.dateOpened);
  checkDate(v, 'dateClosed', input.dateClosed);
  if (input.dateOpened !== undefined) out.dateOpened = input.dateOpened;
  if (input.dateClosed !== undefined) out.dateClosed = input.dateClosed;
  const opened = input.dateOpened !== undefined ? input.dateOpened : existing?.dateOpened;
  const closed = input.dateClosed !== undefined ? input.dateClosed : existing?.dateClosed;
  if (opened && closed && closed < opened) v.add('dateClosed', 'dateClosed is before dateOpened');
  if (input.status != null) {
    if (input.status !== 'open' && input.status !== 'paid') v.add('status', `status must be open or paid, not "${input.status}"`);
    else out.status = input.status;
  }
  checkAmount(v, 'installerFee', input.installerFee);
  if (input.installerFee !== undefined) out.installerFee = input.installerFee == null ? null : String(input.installerFee).trim();
  if (input.note !== undefined) out.note = input.note;
  checkDate(v, 'dueDate', input.dueDate);
  if (input.dueHour != null && (!Number.isInteger(input.dueHour) || input.dueHour < 0 || input.dueHour > 23)) v.add('dueHour', 'dueHour must be from 0 to 23');
  if (input.dueMinute != null && (!Number.isInteger(input.dueMinute) || input.dueMinute < 0 || input.dueMinute > 59)) v.add('dueMinute', 'dueMinute must be from 0 to 59');
  const keepsCurrentDate = input.dueDate === undefined && existing?.dueAt != null;
  if ((input.dueHour != null || input.dueMinute != null) && !input.dueDate && !keepsCurrentDate) v.add('dueDate', 'dueHour and dueMinute need a dueDate');
  return out;
}

/**
 * `dueDate` + hour + minute as a timestamp in the operator's zone; null clears; undefined keeps.
 * Parts not given come from the job's current due time (`existing`, read in the same zone),
 * else hour and minute are 0.
 */
function dueAtOf(operatorId: number, input: TrackingInput, existing: InstallerTrackingRow | null) {
  if (input.dueDate === null) return null;
  if (input.dueDate === undefined && input.dueHour == null && input.dueMinute == null) return undefined;
  const zone = sql`(select ${operators.timezone} from ${operators} where ${operators.id} = ${operatorId})`;
  const current = existing?.dueAt ? sql`(${installerTracking.dueAt} at time zone ${zone})` : sql`null::timestamp`;
  const date = sql`coalesce(${input.dueDate ?? null}::date, ${current}::date)`;
  const hour = sql`coalesce(${input.dueHour ?? null}::int, extract(hour from ${current})::int, 0)`;
  const minute = sql`coalesce(${input.dueMinute ?? null}::int, extract(minute from ${current})::int, 0)`;
  return sql`((${date} + make_time(${hour}, ${minute}, 0)) at time zone ${zone})`;
}

async function getRow(ctx: ServiceContext, id: number): Promise<InstallerTrackingRow> {
  const [row] = await ctx.db.select().from(installerTracking).where(and(eq(installerTracking.operatorId, ctx.actor.operatorId), eq(installerTracking.id, id)));
  if (!row) throw new NotFoundError('installer tracking', id, ['id']);
  return row;
}

export async function create(ctx: ServiceContext, input: TrackingInput): Promise<InstallerTrackingRow> {
  authorize(ctx.actor, 'support.write');
  const operatorId = ctx.actor.operatorId;
  const v = new Validation();
  const columns = await resolve(ctx.db, operatorId, input, null, v);
  v.throwIfAny();
  const dueAt = dueAtOf(operatorId, input, null);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(installerTracking)
      .values({ ...columns, operatorId, maintenanceTicketId: columns.maintenanceTicketId!, ...(dueAt !== undefined ? { dueAt } : {}) })
      .returning();
    await audit(tx, ctx.actor, 'installerTracking.create', 'installer_tracking', row!.id, { ...columns, dueAt: row!.dueAt?.toISOString() });
    return row!;
  });
}

export async function update(ctx: ServiceContext, id: number, input: TrackingInput): Promise<InstallerTrackingRow> {
  authorize(ctx.actor, 'support.write');
  const operatorId = ctx.actor.operatorId;
  const existing = await getRow(ctx, id);
  const v = new Validation();
  const columns = await resolve(ctx.db, operatorId, input, existing, v);
  v.throwIfAny();
  const dueAt = dueAtOf(operatorId, input, existing);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(installerTracking)
      .set({ ...columns, ...(dueAt !== undefined ? { dueAt } : {}) })
      .where(and(eq(installerTracking.operatorId, operatorId), eq(installerTracking.id, id)))
      .returning();
    await audit(tx, ctx.actor, 'installerTracking.update', 'installer_tracking', id, { ...columns, ...(dueAt !== undefined ? { dueAt: row!.dueAt?.toISOString() ?? null } : {}) });
    return row!;
  });
}

export async function remove(ctx: ServiceContext, id: number): Promise<InstallerTrackingRow> {
  authorize(ctx.actor, 'support.write');
  const existing = await getRow(ctx, id);
  await ctx.db.transaction(async (tx) => {
    await tx.delete(installerTracking).where(and(eq(installerTracking.operatorId, ctx.actor.operatorId), eq(installerTracking.id, id)));
    await audit(tx, ctx.actor, 'installerTracking.delete', 'installer_tracking', id, { maintenanceTicketId: existing.maintenanceTicketId });
  });
  return existing;
}
