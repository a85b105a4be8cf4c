/**
 * Master/sub-account links (SIMPLer add/update/deleteSubaccount). Both customers must exist in
 * the operator and differ; a sub-account has at most one master; links never form a cycle (a
 * master cannot become a sub-account of one of its own sub-accounts, directly or further down).
 * Flags are booleans ('t'/'f' on the wire); the prorate option is 1 (none), 2 (A) or 3 (B).
 */
import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { operatorListQuery } from '../db/pagination';
import { audit } from '../shared/audit';
import type { ServiceContext } from '../shared/context';
import { uniqueViolation } from '../shared/db-errors';
import { ConflictError, NotFoundError, Validation } from '../shared/errors';
import { customers } from './customer.table';
import { customerSubaccounts } from './subaccount.table';
import { authorize } from '../tenancy/permissions';

export type SubaccountLinkRow = typeof customerSubaccounts.$inferSelect;

export interface SubaccountFlags {
  masterDisplaySubaccountInvoices?: boolean;
  masterDisplaySubaccountUsage?: boolean;
  subaccountDisplayMasterInvoices?: boolean;
  syncCustomerStatus?: boolean;
  syncUsageAllowance?: boolean;
  masterAllowPortalRelogin?: boolean;
  invoiceFromMaster?: boolean;
  /** 1 no prorate, 2 prorate option A, 3 prorate option B. */
  invoiceFromMasterProrate?: number;
}

export interface SubaccountKey {
  masterCustomerId: number;
  subCustomerId: number;
}

const FLAG_KEYS = [
  'masterDisplaySubaccountInvoices',
  'masterDisplaySubaccountUsage',
  'subaccountDisplayMasterInvoices',
  'syncCustomerStatus',
  'syncUsageAllowance',
  'masterAllowPortalRelogin',
  'invoiceFromMaster',
] as const;

function flagsOf(input: SubaccountFlags): SubaccountFlags {
  const out: SubaccountFlags = {};
  for (const key of FLAG_KEYS) if (input[key] !== undefined && input[key] !== null) out[key] = input[key];
  if (input.invoiceFromMasterProrate != null) out.invoiceFromMasterProrate = input.invoiceFromMasterProrate;
  return out;
}

function validateFlags(input: SubaccountFlags, v: Validation): void {
  for (const key of FLAG_KEYS) {
    const value = input[key];
    if (value != null && typeof value !== 'boolean') v.add(key, `${key} must be a boolean`);
  }
  const p = input.invoiceFromMasterProrate;
  if (p != null && (!Number.isInteger(p) || p < 1 || p > 3)) v.add('invoiceFromMasterProrate', 'invoiceFromMasterProrate must be 1 (no prorate), 2 (option A) or 3 (option B)');
}

async function checkCustomers(db: Executor, operatorId: number, key: SubaccountKey, v: Validation): Promise<void> {
  const found = await db
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.operatorId, operatorId), inArray(customers.id, [key.masterCustomerId, key.subCustomerId])));
  for (const field of ['masterCustomerId', 'subCustomerId'] as const) {
    if (!found.some((f) => f.id === key[field])) v.add(field, `customer ${key[field]} does not exist`, 'NOT_FOUND');
  }
  if (key.masterCustomerId === key.subCustomerId) v.add('subCustomerId', 'a customer cannot be its own sub-account');
}

async function findLink(db: Executor, operatorId: number, key: SubaccountKey): Promise<SubaccountLinkRow | null> {
  const [row] = await db
    .select()
    .from(customerSubaccounts)
    .where(
      and(
        eq(customerSubaccounts.operatorId, operatorId),
        eq(customerSubaccounts.masterCustomerId, key.masterCustomerId),
        eq(customerSubaccounts.subCustomerId, key.subCustomerId),
      ),
    );
  return row ?? null;
}

/** True when `ancestor` is reached walking up the master chain from `customerId`. */
async function isBelow(db: Executor, operatorId: number, customerId: number, ancestor: number): Promise<boolean> {
  const seen = new Set<number>();
  let current: number | undefined = customerId;
  while (current != null && !seen.has(current)) {
    seen.add(current);
    const [link] = await db
      .select({ master: customerSubaccounts.masterCustomerId })
      .from(customerSubaccounts)
      .where(and(eq(customerSubaccounts.operatorId, operatorId), eq(customerSubaccounts.subCustomerId, current)));
    if (!link) return false;
    if (link.master === ancestor) return true;
    current = link.master;
  }
  return false;
}

export async function add(ctx: ServiceContext, key: SubaccountKey, flags: SubaccountFlags = {}): Promise<SubaccountLinkRow> {
  authorize(ctx.actor, 'customers.write');
  const operatorId = ctx.actor.operatorId;
  const v = new Validation();
  await checkCustomers(ctx.db, operatorId, key, v);
  validateFlags(flags, v);
  v.throwIfAny();
  try {
    return await ctx.db.transaction(async (tx) => {
      // One writer of links per operator at a time, so two concurrent links cannot form a cycle.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('customer_subaccounts'), ${operatorId})`);
      const [existingMaster] = await tx
        .select({ master: customerSubaccounts.masterCustomerId })
        .from(customerSubaccounts)
        .where(and(eq(customerSubaccounts.operatorId, operatorId), eq(customerSubaccounts.subCustomerId, key.subCustomerId)));
      if (existingMaster) {
        throw new ConflictError(`customer ${key.subCustomerId} is already a sub-account of customer ${existingMaster.master}`, ['subCustomerId']);
      }
      if (await isBelow(tx, operatorId, key.masterCustomerId, key.subCustomerId)) {
        throw new ConflictError(`customer ${key.masterCustomerId} is a sub-account of customer ${key.subCustomerId}; the link would form a cycle`, ['subCustomerId']);
      }
      const [row] = await tx.insert(customerSubaccounts).values({ operatorId, ...key, ...flagsOf(flags) }).returning();
      await audit(tx, ctx.actor, 'subaccount.create', 'customer', key.masterCustomerId, { ...key, ...flagsOf(flags) });
      return row!;
    });
  } catch (error) {
    if (uniqueViolation(error) !== undefined) throw new ConflictError(`customer ${key.subCustomerId} already has a master account`, ['subCustomerId']);
    throw error;
  }
}

/** Changes the flags of an existing link; omitted flags keep their value. */
export async function update(ctx: ServiceContext, key: SubaccountKey, flags: SubaccountFlags): Promise<SubaccountLinkRow> {
  authorize(ctx.actor, 'customers.write');
  const operatorId = ctx.actor.operatorId;
  const v = new Validation();
  await checkCustomers(ctx.db, operatorId, key, v);
  validateFlags(flags, v);
  v.throwIfAny();
  const link = await findLink(ctx.db, operatorId, key);
  if (!link) throw new NotFoundError('sub-account link', `${key.masterCustomerId} → ${key.subCustomerId}`, ['subCustomerId']);
  const changes = flagsOf(flags);
  if (Object.keys(changes).length === 0) return link;
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.update(customerSubaccounts).set(changes).where(eq(customerSubaccounts.id, link.id)).returning();
    await audit(tx, ctx.actor, 'subaccount.update', 'customer', key.masterCustomerId, { ...key, ...changes });
    return row!;
  });
}

/** Removes the link between a master and its sub-account (SIMPLer deleteSubaccount). */
export async function remove(ctx: ServiceContext, key: SubaccountKey): Promise<SubaccountLinkRow> {
  authorize(ctx.actor, 'customers.write');
  const operatorId = ctx.actor.operatorId;
  const v = new Validation();
  await checkCustomers(ctx.db, operatorId, key, v);
  v.throwIfAny();
  const notFound = () => new NotFoundError('sub-account link', `${key.masterCustomerId} → ${key.subCustomerId}`, ['subCustomerId']);
  const link = await findLink(ctx.db, operatorId, key);
  if (!link) throw notFound();
  await deleteLink(ctx, link, notFound);
  return link;
}

/** Removes a link named by its id (the graph's subaccountLinkDelete). */
export async function removeById(ctx: ServiceContext, id: number): Promise<SubaccountLinkRow> {
  authorize(ctx.actor, 'customers.write');
  const notFound = () => new NotFoundError('sub-account link', id, ['id']);
  const [link] = await findByIds(ctx.db, ctx.actor.operatorId, [id]);
  if (!link) throw notFound();
  await deleteLink(ctx, link, notFound);
  return link;
}

/** Deletes a link with its audit entry (on the master customer), in one transaction; `notFound` when it went meanwhile. */
async function deleteLink(ctx: ServiceContext, link: SubaccountLinkRow, notFound: () => NotFoundError): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const gone = await tx
      .delete(customerSubaccounts)
      .where(and(eq(customerSubaccounts.operatorId, ctx.actor.operatorId), eq(customerSubaccounts.id, link.id)))
      .returning({ id: customerSubaccounts.id });
    if (gone.length === 0) throw notFound();
    await audit(tx, ctx.actor, 'subaccount.delete', 'customer', link.masterCustomerId, { masterCustomerId: link.masterCustomerId, subCustomerId: link.subCustomerId });
  });
}

/** Links by id, inside the operator (for `node(id:)`). */
export async function findByIds(db: Executor, operatorId: number, ids: readonly number[]): Promise<SubaccountLinkRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(customerSubaccounts).where(and(eq(customerSubaccounts.operatorId, operatorId), inArray(customerSubaccounts.id, [...ids])));
}

/** Links where any of the customers is master or sub (for loaders). */
export async function linksOf(db: Executor, operatorId: number, customerIds: readonly number[]): Promise<SubaccountLinkRow[]> {
  if (customerIds.length === 0) return [];
  const ids = [...customerIds];
  return db
    .select()
    .from(customerSubaccounts)
    .where(and(eq(customerSubaccounts.operatorId, operatorId), or(inArray(customerSubaccounts.masterCustomerId, ids), inArray(customerSubaccounts.subCustomerId, ids))))
    .orderBy(asc(customerSubaccounts.id));
}

/** What a customer's sub-account links can be ordered by; in link order (ID, ASC) by default, as the list always was. */
export const SUBACCOUNT_LINK_SORTS = { ID: customerSubaccounts.id, CREATED_AT: customerSubaccounts.createdAt } as const;
export type SubaccountLinkSortField = keyof typeof SUBACCOUNT_LINK_SORTS;

/** The links of a master customer to its sub-accounts: the operator's, in the asked order (also the compiled read path's). */
export const customerSubaccountsQuery = operatorListQuery(customerSubaccounts.operatorId, SUBACCOUNT_LINK_SORTS, { field: 'ID', direction: 'asc' });
