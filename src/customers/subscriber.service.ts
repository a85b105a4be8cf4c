/**
 * The subscriber as the Jaze API v1 shows a "user": the customer with its plan (Jaze group) and
 * the plan's rate limit (profile), its main RADIUS username, its static IP/MAC bindings, its
 * place in the address book and its usage in the current billing cycle; the look-ups Jaze
 * offers (by id, phone, username, created/changed date) and the operator's head counts by
 * access state. Read only; every statement is scoped to the caller's operator, so a token
 * never sees another operator's subscribers.
 */
import { and, asc, eq, getTableColumns, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { ServiceContext } from '../shared/context';
import { DomainError, NotFoundError, Validation } from '../shared/errors';
import { operators } from '../tenancy/operator.table';
import { plans } from '../catalog/plan.table';
import { bandwidthTemplates } from '../catalog/bandwidth-template.table';
import { areas } from '../locations/area.table';
import { streets } from '../locations/street.table';
import { buildings } from '../locations/building.table';
import { customerIps } from '../network/customer-ip.table';
import { customerOnlineSql } from '../radius/online';
import { radacct } from '../radius/radacct.table';
import { radiusAccounts } from '../radius/radius-account.table';
import { primaryLogins } from '../radius/radius.service';
import { currentBillingCycles } from '../billing/plan-change.service';
import { customers } from './customer.table';

export type AccessStateValue = (typeof customers.$inferSelect)['accessState'];

/** Which subscribers a Jaze look-up asks for; every given criterion must hold. */
export interface SubscriberSelection {
  ids?: readonly number[];
  /** Digits are compared, so "+353 86 123" and "35386123" are the same number. */
  phone?: string;
  /** A RADIUS login's username, or the nickname of a customer. */
  username?: string;
  accessState?: AccessStateValue | null;
  /** Created or last modified on one of these days (YYYY-MM-DD, inclusive) in the operator's time zone. */
  changedOn?: { from: string; to: string; basis: 'created' | 'modified' };
}

export interface BillingCycleUsage {
  /** YYYY-MM-DD, the cycle is [start, end). */
  start: string;
  end: string;
  /** Bytes sent by the subscriber (accounting input octets) in sessions started in the cycle. */
  uploadBytes: number;
  downloadBytes: number;
  /** Seconds online in those sessions, as the NAS last reported them. */
  sessionSeconds: number;
}

export interface StaticIpBinding {
  ip: string | null;
  mac: string | null;
}

/** Everything a Jaze user record shows, for one customer. */
export interface SubscriberProfile {
  customer: Omit<typeof customers.$inferSelect, 'portalPasswordHash'>;
  operatorCode: string;
  /** The customer's own time zone, else the operator's. */
  timezone: string;
  /** The main RADIUS login's username, else the nickname. */
  username: string;
  plan: {
    id: number;
    name: string;
    limit1Gb: string | null;
    bandwidthTemplate: { id: number; name: string; mikrotikRateLimit: string | null } | null;
  } | null;
  location: { areaName: string | null; streetName: string | null; buildingName: string | null };
  staticIps: StaticIpBinding[];
  /** Null when no recurring service subscription bills the customer now. */
  billingCycle: BillingCycleUsage | null;
}

const digitsOf = (phone: string) => phone.replace(/\D/g, '');

function validateSelection(selection: SubscriberSelection): void {
  const v = new Validation();
  if (selection.phone !== undefined && digitsOf(selection.phone).length === 0) v.add('phone', `"${selection.phone}" is not a phone number (it has no digits)`);
  if (selection.username !== undefined && !selection.username.trim()) v.add('username', 'username is empty');
  const range = selection.changedOn;
  if (range && range.from > range.to) v.add('fromDate', `fromDate ${range.from} is after toDate ${range.to}`);
  v.throwIfAny();
}

/** The operator's local calendar day of a timestamp column. */
function localDay(column: PgColumn, operatorId: number): SQL {
  return sql`(${column} at time zone (select ${operators.timezone} from ${operators} where ${operators.id} = ${operatorId}))::date`;
}

function selectionConditions(operatorId: number, selection: SubscriberSelection): SQL {
  const conditions: (SQL | undefined)[] = [eq(customers.operatorId, operatorId)];
  if (selection.ids) conditions.push(inArray(customers.id, [...selection.ids]));
  if (selection.phone !== undefined) conditions.push(sql`regexp_replace(coalesce(${customers.phone}, ''), '[^0-9]', '', 'g') = ${digitsOf(selection.phone)}`);
  if (selection.username !== undefined) {
    const username = selection.username.trim();
    const login = sql`exists (select 1 from ${radiusAccounts} where ${radiusAccounts.customerId} = ${customers.id} and ${radiusAccounts.operatorId} = ${operatorId} and ${radiusAccounts.username} = ${username})`;
    conditions.push(or(login, eq(customers.nickname, username)));
  }
  if (selection.accessState) conditions.push(eq(customers.accessState, selection.accessState));
  if (selection.changedOn) {
    const column = selection.changedOn.basis === 'created' ? customers.createdAt : customers.updatedAt;
    conditions.push(sql`${localDay(column, operatorId)} between ${selection.changedOn.from}::date and ${selection.changedOn.to}::date`);
  }
  return and(...conditions)!;
}

/** Ids of the matching subscribers, ascending (all of the operator's with an empty selection). */
export async function selectIds(ctx: ServiceContext, selection: SubscriberSelection = {}): Promise<number[]> {
  validateSelection(selection);
  const rows = await ctx.db.select({ id: customers.id }).from(customers).where(selectionConditions(ctx.actor.operatorId, selection)).orderBy(asc(customers.id));
  return rows.map((r) => r.id);
}

/** Like selectIds, but finding nobody is an error naming what was looked for. */
export async function requireIds(ctx: ServiceContext, selection: SubscriberSelection, what: string): Promise<number[]> {
  const ids = await selectIds(ctx, selection);
  if (ids.length === 0) {
    const state = selection.accessState ? ` and status ${selection.accessState}` : '';
    const message = `no user has ${what}${state}`;
    throw new DomainError('NOT_FOUND', message, [{ field: [], message, code: 'NOT_FOUND' }]);
  }
  return ids;
}

/** The profiles of the matching subscribers, by id: five statements whatever their number. */
export async function profiles(ctx: ServiceContext, selection: SubscriberSelection = {}): Promise<SubscriberProfile[]> {
  validateSelection(selection);
  const operatorId = ctx.actor.operatorId;
  const { portalPasswordHash: _hash, ...columns } = getTableColumns(customers);
  const rows = await ctx.db
    .select({
      customer: columns,
      operatorCode: operators.code,
      timezone: sql<string>`coalesce(${customers.timezone}, ${operators.timezone})`,
      planName: plans.name,
      planLimit1Gb: plans.limit1Gb,
      templateId: bandwidthTemplates.id,
      templateName: bandwidthTemplates.name,
      templateMikrotik: bandwidthTemplates.mikrotikRateLimit,
      areaName: areas.name,
      streetName: streets.name,
      buildingName: buildings.name,
    })
    .from(customers)
    .innerJoin(operators, eq(operators.id, customers.operatorId))
    .leftJoin(plans, eq(plans.id, customers.servicePlanId))
    .leftJoin(bandwidthTemplates, eq(bandwidthTemplates.id, plans.bandwidthTemplateId))
    .leftJoin(areas, eq(areas.id, customers.areaId))
    .leftJoin(streets, eq(streets.id, customers.streetId))
    .leftJoin(buildings, eq(buildings.id, customers.buildingId))
    .where(selectionConditions(operatorId, selection))
    .orderBy(asc(customers.id));
  const ids = rows.map((r) => r.customer.id);
  const [logins, ips, usage] = [await primaryLogins(ctx.db, operatorId, ids), await staticIpsOf(ctx, ids), await cycleUsageOf(ctx, ids)];
  return rows.map((r) => ({
    customer: r.customer,
    operatorCode: r.operatorCode,
    timezone: r.timezone,
    username: logins.get(r.customer.id)?.username ?? r.customer.nickname,
    plan:
      r.customer.servicePlanId != null && r.planName != null
        ? {
            id: r.customer.servicePlanId,
            name: r.planName,
            limit1Gb: r.planLimit1Gb,
            bandwidthTemplate: r.templateId != null ? { id: r.templateId, name: r.templateName!, mikrotikRateLimit: r.templateMikrotik } : null,
          }
        : null,
    location: { areaName: r.areaName, streetName: r.streetName, buildingName: r.buildingName },
    staticIps: ips.get(r.customer.id) ?? [],
    billingCycle: usage.get(r.customer.id) ?? null,
  }));
}

/** One subscriber's profile; an id the operator does not have is NOT_FOUND. */
export async function profile(ctx: ServiceContext, id: number): Promise<SubscriberProfile> {
  const [found] = await profiles(ctx, { ids: [id] });
  if (!found) throw new NotFoundError('user', id, ['userId']);
  return found;
}

/** Static bindings in the order they were added (Jaze `whichIpMacRow` counts in this order). */
async function staticIpsOf(ctx: ServiceContext, customerIds: number[]): Promise<Map<number, StaticIpBinding[]>> {
  const byCustomer = new Map<number, StaticIpBinding[]>();
  if (customerIds.length === 0) return byCustomer;
  const rows = await ctx.db
    .select({ customerId: customerIps.customerId, ip: sql<string | null>`host(${customerIps.ip})`, mac: sql<string | null>`${customerIps.mac}::text` })
    .from(customerIps)
    .where(and(eq(customerIps.operatorId, ctx.actor.operatorId), inArray(customerIps.customerId, customerIds)))
    .orderBy(asc(customerIps.customerId), asc(customerIps.id));
  for (const row of rows) {
    const list = byCustomer.get(row.customerId) ?? [];
    list.push({ ip: row.ip, mac: row.mac });
    byCustomer.set(row.customerId, list);
  }
  return byCustomer;
}

/**
 * Traffic of sessions started since each customer's current billing cycle began (or its usage
 * was cleared, if later); customers without a current cycle are absent. Jaze and the graph
 * (`Customer.currentCycleUsage`) both read it here.
 */
export async function cycleUsageOf(ctx: ServiceContext, customerIds: number[]): Promise<Map<number, BillingCycleUsage>> {
  const operatorId = ctx.actor.operatorId;
  const cycles = await currentBillingCycles(ctx.db, operatorId, customerIds);
  const usage = new Map<number, BillingCycleUsage>();
  if (cycles.size === 0) return usage;
  const windows = sql.join(
    [...cycles.values()].map((c) => sql`(${c.customerId}::int, ${`${c.start}T00:00:00Z`}::timestamptz)`),
    sql`, `,
  );
  const rows = await ctx.db
    .select({
      customerId: sql<number>`w.customer_id`,
      upload: sql<string>`coalesce(sum(${radacct.acctinputoctets}), 0)::text`,
      download: sql<string>`coalesce(sum(${radacct.acctoutputoctets}), 0)::text`,
      seconds: sql<string>`coalesce(sum(${radacct.acctsessiontime}), 0)::text`,
    })
    .from(sql`(values ${windows}) as w(customer_id, since)`)
    // A plan move with clearDataUsage restarts the count (customers.usage_reset_at); greatest() skips a null.
    .leftJoin(
      radacct,
      sql`${radacct.customerId} = w.customer_id and ${radacct.operatorId} = ${operatorId}
        and ${radacct.acctstarttime} >= greatest(w.since, (select ${customers.usageResetAt} from ${customers} where ${customers.id} = w.customer_id))`,
    )
    .groupBy(sql`w.customer_id`);
  const totals = new Map(rows.map((r) => [Number(r.customerId), r]));
  for (const cycle of cycles.values()) {
    const total = totals.get(cycle.customerId);
    usage.set(cycle.customerId, { start: cycle.start, end: cycle.end, uploadBytes: Number(total?.upload ?? 0), downloadBytes: Number(total?.download ?? 0), sessionSeconds: Number(total?.seconds ?? 0) });
  }
  return usage;
}

// ---------------------------------------------------------------- head counts

/** Jaze E37 get_users_count: the operator's subscribers by access state and activity. */
export interface SubscriberCounts {
  total: number;
  active: number;
  /** With an open RADIUS session. */
  online: number;
  expired: number;
  /** Active, with the service running out within the next 7 days. */
  expiringNextWeek: number;
  /** Created in the last 7 days. */
  newUsersLastWeek: number;
  blacklisted: number;
  suspended: number;
  blocked: number;
  pending: number;
  /** Service ended: terminated or deleted. */
  churned: number;
  /** Rejected or waiting for approval. */
  others: number;
}

/**
 * Counts for the operator the token belongs to. `accountCode` (Jaze accountId), when given, must
 * name that operator: a token sees its own account only, and other accounts are not revealed.
 */
export async function counts(ctx: ServiceContext, accountCode?: string | null, now: Date = new Date()): Promise<SubscriberCounts> {
  const operatorId = ctx.actor.operatorId;
  if (accountCode != null && accountCode.trim() !== '') {
    const [own] = await ctx.db.select({ code: operators.code }).from(operators).where(eq(operators.id, operatorId));
    if (own?.code !== accountCode.trim()) {
      const message = `account ${accountCode.trim()} does not exist or is not visible to this API token (it sees account ${own?.code})`;
      throw new DomainError('NOT_FOUND', message, [{ field: ['accountId'], message, code: 'NOT_FOUND' }]);
    }
  }
  const at = (offsetDays: number) => sql`${new Date(now.getTime() + offsetDays * 86_400_000).toISOString()}::timestamptz`;
  const inState = (...states: AccessStateValue[]) => sql<number>`(count(*) filter (where ${inArray(customers.accessState, states)}))::int`;
  const [row] = await ctx.db
    .select({
      total: sql<number>`count(*)::int`,
      active: inState('active'),
      online: sql<number>`(count(*) filter (where ${customerOnlineSql()}))::int`,
      expired: inState('expired'),
      expiringNextWeek: sql<number>`(count(*) filter (where ${customers.accessState} = 'active' and ${customers.expiresAt} > ${at(0)} and ${customers.expiresAt} <= ${at(7)}))::int`,
      newUsersLastWeek: sql<number>`(count(*) filter (where ${customers.createdAt} >= ${at(-7)}))::int`,
      blacklisted: inState('blacklisted'),
      suspended: inState('suspended'),
      blocked: inState('blocked'),
      pending: inState('pending'),
      churned: inState('terminated', 'deleted'),
      others: inState('rejected', 'pending_approval'),
    })
    .from(customers)
    .where(eq(customers.operatorId, operatorId));
  return row!;
}
