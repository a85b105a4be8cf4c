/**
 * RADIUS: customers' logins and their accounting sessions (SIMPLer listRADIUSdetails and
 * listRadiusSessions, Jaze online status): reading. Writes live in radius-account.service.ts and
 * customer-radius.service.ts. Sessions belong to an
 * operator through radacct.operator_id, which the database fills from the username.
 */
import { and, desc, eq, gte, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { listCount, listPage, type PageArgs, type SortKey, sortKeyOf } from '../db/pagination';
import type { ServiceContext } from '../shared/context';
import { DomainError, NotFoundError, PreconditionFailedError } from '../shared/errors';
import { audit } from '../shared/audit';
import { customers } from '../customers/customer.table';
import { operators } from '../tenancy/operator.table';
import { hostEquals, macTextEquals } from '../network/filters';
import { gateways } from '../network/gateway.table';
import { normalizeMac } from '../network/net-rules';
import { nas } from './nas.table';
import { radacct } from './radacct.table';
import { radiusAccounts } from './radius-account.table';
import { authorizeSecretRead } from '../tenancy/secret-reads';
import { updatedWithin } from '../sync/updated-range';

export type RadiusAccountRow = typeof radiusAccounts.$inferSelect;
export type RadiusSessionRow = typeof radacct.$inferSelect;

export async function accountsByIds(db: Executor, operatorId: number, ids: readonly number[]): Promise<RadiusAccountRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(radiusAccounts).where(and(eq(radiusAccounts.operatorId, operatorId), inArray(radiusAccounts.id, [...ids])));
}

export async function accountsByCustomers(db: Executor, operatorId: number, customerIds: readonly number[]): Promise<RadiusAccountRow[]> {
  if (customerIds.length === 0) return [];
  return db
    .select()
    .from(radiusAccounts)
    .where(and(eq(radiusAccounts.operatorId, operatorId), inArray(radiusAccounts.customerId, [...customerIds])))
    // SIMPLer lists logins by priority; nulls last, then in the order they were added.
    .orderBy(sql`${radiusAccounts.priority} asc nulls last`, radiusAccounts.id);
}

export async function sessionsByIds(db: Executor, operatorId: number, ids: readonly number[]): Promise<RadiusSessionRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(radacct).where(and(eq(radacct.operatorId, operatorId), inArray(radacct.radacctid, [...ids])));
}

export interface SessionFilter {
  customerId?: number | null;
  username?: string | null;
  /** Only open sessions (no stop time). */
  onlineOnly?: boolean | null;
  startedFrom?: Date | null;
  startedTo?: Date | null;
  /** The address the session was given (Framed-IP-Address). */
  framedIpAddress?: string | null;
  /** The NAS that reported it, by NAS-IP-Address… */
  nasIpAddress?: string | null;
  /** …or by name: a `nas` entry's short name or a gateway's name (any case). */
  nasName?: string | null;
  /** The user's device (Calling-Station-Id), a MAC in any notation, or the exact text the NAS sent. */
  callingStationId?: string | null;
  /** When the row last changed (updated_at), inclusive; a reversed range is refused. */
  updatedFrom?: Date | null;
  updatedTo?: Date | null;
}

export function sessionConditions(operatorId: number, filter: SessionFilter = {}): SQL {
  const conditions: (SQL | undefined)[] = [eq(radacct.operatorId, operatorId)];
  if (filter.customerId != null) conditions.push(eq(radacct.customerId, filter.customerId));
  if (filter.username) conditions.push(eq(radacct.username, filter.username));
  if (filter.onlineOnly) conditions.push(isNull(radacct.acctstoptime));
  if (filter.startedFrom) conditions.push(gte(radacct.acctstarttime, filter.startedFrom));
  if (filter.startedTo) conditions.push(lte(radacct.acctstarttime, filter.startedTo));
  conditions.push(...updatedWithin(radacct.updatedAt, filter));
  if (filter.framedIpAddress) conditions.push(hostEquals(radacct.framedipaddress, filter.framedIpAddress));
  if (filter.nasIpAddress) conditions.push(hostEquals(radacct.nasipaddress, filter.nasIpAddress));
  if (filter.nasName) {
    const name = filter.nasName.trim().toLowerCase();
    conditions.push(sql`(host(${radacct.nasipaddress}) in (select ${nas.nasname} from ${nas} where ${nas.operatorId} = ${operatorId} and lower(${nas.shortname}) = ${name})
      or host(${radacct.nasipaddress}) in (select host(${gateways.nasIpAddress}) from ${gateways} where ${gateways.operatorId} = ${operatorId} and lower(${gateways.name}) = ${name}))`);
  }
  if (filter.callingStationId) {
    const mac = normalizeMac(filter.callingStationId);
    conditions.push(mac ? macTextEquals(radacct.callingstationid, mac) : eq(radacct.callingstationid, filter.callingStationId));
  }
  return and(...conditions)!;
}

/**
 * What sessions can be ordered by. ID follows the order they were recorded in; every other
 * column may be null (a start FreeRADIUS never saw, a session still open, no interim update
 * yet, no counters yet), and pagination.ts puts nulls after every value. Only ID (the key) and
 * START_TIME (by operator) are indexed; the others sort the listed sessions per page, on
 * purpose: an index on a column every interim update rewrites would cost FreeRADIUS's writes
 * their HOT updates, on the busiest table there is.
 */
export const SESSION_SORTS = {
  ID: radacct.radacctid,
  START_TIME: radacct.acctstarttime,
  STOP_TIME: radacct.acctstoptime,
  UPDATE_TIME: radacct.acctupdatetime,
  SESSION_TIME: radacct.acctsessiontime,
  INPUT_OCTETS: radacct.acctinputoctets,
  OUTPUT_OCTETS: radacct.acctoutputoctets,
} as const;
export type SessionSortField = keyof typeof SESSION_SORTS;

export function sessionSort(field: SessionSortField = 'ID', direction: 'asc' | 'desc' = 'asc'): SortKey {
  return sortKeyOf(SESSION_SORTS, field, direction);
}

export async function listSessions(ctx: ServiceContext, filter: SessionFilter, sort: SortKey, page: PageArgs) {
  const where = sessionConditions(ctx.actor.operatorId, filter);
  return {
    page: await listPage(ctx.db, { table: radacct, idColumn: radacct.radacctid, where, sort }, page),
    count: () => listCount(ctx.db, radacct, where),
  };
}

/**
 * Every session of a customer or of a username, newest first, with the operator's time zone to
 * show their times in (SIMPLer listRadiusSessions). One of the two is required: the operator's
 * whole accounting history is not a list to hand out in one reply. An unknown customer is an
 * error; an unknown username simply has no sessions (sessions outlive deleted logins).
 */
export async function sessionHistory(ctx: ServiceContext, filter: { customerId?: number | null; username?: string | null }): Promise<{ timezone: string; sessions: RadiusSessionRow[] }> {
  const operatorId = ctx.actor.operatorId;
  if (filter.customerId == null && !filter.username) {
    throw new DomainError('INVALID', 'give a customerid or a username', [{ field: ['customerId'], message: 'give a customerid or a username', code: 'INVALID' }]);
  }
  if (filter.customerId != null) {
    const [customer] = await ctx.db.select({ id: customers.id }).from(customers).where(and(eq(customers.operatorId, operatorId), eq(customers.id, filter.customerId)));
    if (!customer) throw new NotFoundError('customer', filter.customerId, ['customerId']);
  }
  const [operator] = await ctx.db.select({ timezone: operators.timezone }).from(operators).where(eq(operators.id, operatorId));
  const sessions = await ctx.db
    .select()
    .from(radacct)
    .where(sessionConditions(operatorId, { customerId: filter.customerId, username: filter.username }))
    .orderBy(sql`${radacct.acctstarttime} desc nulls last`, desc(radacct.radacctid));
  return { timezone: operator?.timezone ?? 'UTC', sessions };
}

/**
 * Each customer's main RADIUS login (the first by priority, then the oldest): the username the
 * Jaze API shows as a user's `username`. Customers without a login are absent from the map.
 */
export async function primaryLogins(db: Executor, operatorId: number, customerIds: readonly number[]): Promise<Map<number, RadiusAccountRow>> {
  const logins = new Map<number, RadiusAccountRow>();
  if (customerIds.length === 0) return logins;
  const rows = await accountsByCustomers(db, operatorId, customerIds);
  for (const row of rows) if (!logins.has(row.customerId)) logins.set(row.customerId, row);
  return logins;
}

/** Jaze E26: when the customer's last session ended, and whether a session is open now. */
export interface ConnectionStatus {
  lastLogOffAt: Date | null;
  online: boolean;
  /** The operator's time zone, to show the time in. */
  timezone: string;
}

export async function connectionStatus(ctx: ServiceContext, customerId: number): Promise<ConnectionStatus> {
  const operatorId = ctx.actor.operatorId;
  const [customer] = await ctx.db
    .select({ id: customers.id, timezone: sql<string>`coalesce(${customers.timezone}, ${operators.timezone})` })
    .from(customers)
    .innerJoin(operators, eq(operators.id, customers.operatorId))
    .where(and(eq(customers.operatorId, operatorId), eq(customers.id, customerId)));
  if (!customer) throw new NotFoundError('customer', customerId, ['customerId']);
  const [row] = await ctx.db
    .select({
      lastLogOffAt: sql<Date | null>`max(${radacct.acctstoptime})`.mapWith(radacct.acctstoptime),
      openSessions: sql<number>`(count(*) filter (where ${radacct.acctstoptime} is null))::int`,
    })
    .from(radacct)
    .where(and(eq(radacct.operatorId, operatorId), eq(radacct.customerId, customerId)));
  return { lastLogOffAt: row?.lastLogOffAt ?? null, online: (row?.openSessions ?? 0) > 0, timezone: customer.timezone };
}

/**
 * Jaze E11 get_user_password: the password of the customer's main RADIUS login, the one its
 * internet access uses. It is kept in clear because PAP/CHAP need it (SIMPLer listRADIUSdetails
 * serves it too); every read is audited. The end-user-portal password is only a hash and is
 * never served: a customer without a login password gets a failure saying so.
 */
export async function accessPassword(ctx: ServiceContext, customerId: number): Promise<{ username: string; password: string }> {
  // A password in clear is a secret read (src/tenancy/secret-reads.ts): refused before anything is looked up.
  authorizeSecretRead(ctx);
  const operatorId = ctx.actor.operatorId;
  const [customer] = await ctx.db.select({ id: customers.id }).from(customers).where(and(eq(customers.operatorId, operatorId), eq(customers.id, customerId)));
  if (!customer) throw new NotFoundError('customer', customerId, ['customerId']);
  const login = (await primaryLogins(ctx.db, operatorId, [customerId])).get(customerId);
  if (!login?.password) {
    const why = login ? `its RADIUS login ${login.username} has no password set` : 'it has no RADIUS login';
    const message = `customer ${customerId} has no readable password: ${why}, and the end-user-portal password is stored only as a hash, which cannot be read back (set a new one instead)`;
    throw new PreconditionFailedError(message, [{ field: ['customerId'], message, code: 'PRECONDITION_FAILED' }]);
  }
  await audit(ctx.db, ctx.actor, 'radiusAccount.passwordRead', 'customer', customerId, { username: login.username });
  return { username: login.username, password: login.password };
}
