/**
 * Maintenance tickets (SIMPLer getMaintenanceData and its filters): reading. Writes are in
 * maintenance-write.service.ts, installer jobs in installer-tracking.service.ts.
 * Ticket types and subtypes are operator-defined rows, resolved to names when served.
 */
import { and, asc, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { listCount, listPage, type PageArgs, type SortKey, sortKeyOf } from '../db/pagination';
import type { ServiceContext } from '../shared/context';
import { NotFoundError } from '../shared/errors';
import { customers } from '../customers/customer.table';
import { operators } from '../tenancy/operator.table';
import { installerTracking } from './installer-tracking.table';
import { maintenanceTickets } from './maintenance-ticket.table';
import { maintenanceSubtypes, maintenanceTypes } from './maintenance-type.table';
import { updatedWithin, type UpdatedRange } from '../sync/updated-range';

export type MaintenanceTicketRow = typeof maintenanceTickets.$inferSelect;
export type InstallerTrackingRow = typeof installerTracking.$inferSelect;

export async function findByIds(db: Executor, operatorId: number, ids: readonly number[]): Promise<MaintenanceTicketRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(maintenanceTickets).where(and(eq(maintenanceTickets.operatorId, operatorId), inArray(maintenanceTickets.id, [...ids])));
}

export interface TicketFilter extends UpdatedRange {
  status?: MaintenanceTicketRow['status'][] | null;
  customerId?: number | null;
  siteId?: number | null;
  equipmentId?: number | null;
  /** Reported on or after / on or before, as YYYY-MM-DD. */
  reportedFrom?: string | null;
  reportedTo?: string | null;
}

export function ticketConditions(operatorId: number, filter: TicketFilter = {}): SQL {
  const conditions: (SQL | undefined)[] = [eq(maintenanceTickets.operatorId, operatorId)];
  if (filter.status?.length) conditions.push(inArray(maintenanceTickets.status, filter.status));
  if (filter.customerId != null) conditions.push(eq(maintenanceTickets.customerId, filter.customerId));
  if (filter.siteId != null) conditions.push(eq(maintenanceTickets.siteId, filter.siteId));
  if (filter.equipmentId != null) conditions.push(eq(maintenanceTickets.equipmentId, filter.equipmentId));
  if (filter.reportedFrom) conditions.push(sql`${maintenanceTickets.dateReported} >= ${filter.reportedFrom}::date`);
  if (filter.reportedTo) conditions.push(sql`${maintenanceTickets.dateReported} <= ${filter.reportedTo}::date`);
  conditions.push(...updatedWithin(maintenanceTickets.updatedAt, filter));
  return and(...conditions)!;
}

export const TICKET_SORTS = { ID: maintenanceTickets.id, DATE_REPORTED: maintenanceTickets.dateReported, UPDATED_AT: maintenanceTickets.updatedAt } as const;
export type TicketSortField = keyof typeof TICKET_SORTS;

export function ticketSort(field: TicketSortField = 'ID', direction: 'asc' | 'desc' = 'asc'): SortKey {
  return sortKeyOf(TICKET_SORTS, field, direction);
}

export async function list(ctx: ServiceContext, filter: TicketFilter, sort: SortKey, page: PageArgs) {
  const where = ticketConditions(ctx.actor.operatorId, filter);
  return {
    page: await listPage(ctx.db, { table: maintenanceTickets, idColumn: maintenanceTickets.id, where, sort }, page),
    count: () => listCount(ctx.db, maintenanceTickets, where),
  };
}

/** typeNames and subtypeNames in SQL (the ticket's own operator), for the compiled read path. */
export const ticketTypeNameSql = (): SQL =>
  sql`(select ${maintenanceTypes.name} from ${maintenanceTypes} where ${maintenanceTypes.id} = ${maintenanceTickets.typeId} and ${maintenanceTypes.operatorId} = ${maintenanceTickets.operatorId})`;
export const ticketSubtypeNameSql = (): SQL =>
  sql`(select ${maintenanceSubtypes.name} from ${maintenanceSubtypes} where ${maintenanceSubtypes.id} = ${maintenanceTickets.subtypeId} and ${maintenanceSubtypes.operatorId} = ${maintenanceTickets.operatorId})`;

export async function typeNames(db: Executor, operatorId: number, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: maintenanceTypes.id, name: maintenanceTypes.name })
    .from(maintenanceTypes)
    .where(and(eq(maintenanceTypes.operatorId, operatorId), inArray(maintenanceTypes.id, [...ids])));
}

export async function subtypeNames(db: Executor, operatorId: number, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: maintenanceSubtypes.id, name: maintenanceSubtypes.name })
    .from(maintenanceSubtypes)
    .where(and(eq(maintenanceSubtypes.operatorId, operatorId), inArray(maintenanceSubtypes.id, [...ids])));
}

export async function trackingByIds(db: Executor, operatorId: number, ids: readonly number[]): Promise<InstallerTrackingRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(installerTracking).where(and(eq(installerTracking.operatorId, operatorId), inArray(installerTracking.id, [...ids])));
}

export async function trackingByTickets(db: Executor, operatorId: number, ticketIds: readonly number[]): Promise<InstallerTrackingRow[]> {
  if (ticketIds.length === 0) return [];
  return db
    .select()
    .from(installerTracking)
    .where(and(eq(installerTracking.operatorId, operatorId), inArray(installerTracking.maintenanceTicketId, [...ticketIds])))
    .orderBy(installerTracking.id);
}

/** An installer job with its due time split back into the operator's local date, hour and minute. */
export interface InstallerJob extends InstallerTrackingRow {
  due: { date: string; hour: number; minute: number } | null;
}

/** A ticket with its type and subtype names and its installer jobs. */
export interface CustomerTicket extends MaintenanceTicketRow {
  typeName: string | null;
  subtypeName: string | null;
  installerJobs: InstallerJob[];
}

/**
 * Every maintenance ticket of one customer, oldest first, with type names and installer jobs
 * (SIMPLer getMaintenanceData, also embedded in getCustomerData). The customer must exist.
 */
export async function customerTickets(ctx: ServiceContext, customerId: number): Promise<CustomerTicket[]> {
  const operatorId = ctx.actor.operatorId;
  const [customer] = await ctx.db.select({ id: customers.id }).from(customers).where(and(eq(customers.operatorId, operatorId), eq(customers.id, customerId)));
  if (!customer) throw new NotFoundError('customer', customerId, ['customerId']);

  const tickets = await ctx.db
    .select({ ...getTableColumns(maintenanceTickets), typeName: maintenanceTypes.name, subtypeName: maintenanceSubtypes.name })
    .from(maintenanceTickets)
    .leftJoin(maintenanceTypes, eq(maintenanceTypes.id, maintenanceTickets.typeId))
    .leftJoin(maintenanceSubtypes, eq(maintenanceSubtypes.id, maintenanceTickets.subtypeId))
    .where(and(eq(maintenanceTickets.operatorId, operatorId), eq(maintenanceTickets.customerId, customerId)))
    .orderBy(asc(maintenanceTickets.id));
  if (tickets.length === 0) return [];

  // due times are kept as instants; the legacy reading is the operator's wall clock
  const zone = sql`(select ${operators.timezone} from ${operators} where ${operators.id} = ${operatorId})`;
  const jobs = await ctx.db
    .select({ ...getTableColumns(installerTracking), dueLocal: sql<string | null>`to_char(${installerTracking.dueAt} at time zone ${zone}, 'YYYY-MM-DD HH24 MI')` })
    .from(installerTracking)
    .where(and(eq(installerTracking.operatorId, operatorId), inArray(installerTracking.maintenanceTicketId, tickets.map((t) => t.id))))
    .orderBy(asc(installerTracking.id));

  return tickets.map((ticket) => ({
    ...ticket,
    installerJobs: jobs
      .filter((job) => job.maintenanceTicketId === ticket.id)
      .map(({ dueLocal, ...job }) => ({ ...job, due: splitLocal(dueLocal) })),
  }));
}

function splitLocal(local: string | null): InstallerJob['due'] {
  if (!local) return null;
  const [date, hour, minute] = local.split(' ');
  return { date: date!, hour: Number(hour), minute: Number(minute) };
}
