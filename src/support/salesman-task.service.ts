/**
 * Sales issues on customers (SIMPLer add/modify/deleteSalesmanTask).
 *
 * - required on create: customerId (custId), dateReported (YYYY-MM-DD), description, type;
 *   modifySalesmanTask documents the same set as required: `options.full` (the SOAP adapter
 *   sets it) enforces that on update; GraphQL updates are partial.
 * - dateClosed YYYY-MM-DD; hoursSpent and value numbers ≥ 0; priority 1..5;
 *   status open, closed, waiting for customer.
 * - `var`, `rsm`, `ma`, `salesman` are NAMES of sales people that must exist with that role
 *   (value added reseller, regional sales manager, master agent, salesman); '' or null clears.
 * - update with `appendResolution` (`updateresolution` non-zero) appends the resolution.
 * - the customer must exist in the operator; on update a given customerId must be the task's
 *   customer (SIMPLer identifies an issue by custId + issueId).
 */
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/client';
import { operatorListQuery } from '../db/pagination';
import { audit } from '../shared/audit';
import type { ServiceContext } from '../shared/context';
import { NotFoundError, Validation } from '../shared/errors';
import { customers } from '../customers/customer.table';
import { salesPeople } from '../customers/sales-person.table';
import { salesmanTasks } from './salesman-task.table';
import { appendText, checkAmount, checkDate, ticketStatus } from './support.rules';
import { authorize } from '../tenancy/permissions';

export type SalesmanTaskRow = typeof salesmanTasks.$inferSelect;

export interface SalesmanTaskInput {
  customerId?: number;
  dateReported?: string;
  description?: string;
  type?: string;
  dateClosed?: string | null;
  hoursSpent?: string | number | null;
  value?: string | number | null;
  priority?: number | null;
  status?: string | null;
  /** Name of a value added reseller (SIMPLer `var`). */
  valueAddedReseller?: string | null;
  /** Name of a regional sales manager (SIMPLer `rsm`). */
  regionalSalesManager?: string | null;
  /** Name of a master agent (SIMPLer `ma`). */
  masterAgent?: string | null;
  /** Name of a salesman (SIMPLer `salesman`). */
  salesman?: string | null;
  resolution?: string | null;
}

export interface SalesmanTaskUpdateOptions {
  /** SIMPLer `updateresolution` non-zero: append the resolution instead of replacing it. */
  appendResolution?: boolean;
  /** Require the documented modifySalesmanTask set (dateReported, description, type). */
  full?: boolean;
}

type TaskColumns = Partial<Omit<typeof salesmanTasks.$inferInsert, 'id' | 'operatorId' | 'createdAt' | 'updatedAt'>>;

const PEOPLE = [
  ['valueAddedReseller', 'valueAddedResellerId', 'value_added_reseller', 'value added reseller'],
  ['regionalSalesManager', 'regionalSalesManagerId', 'regional_sales_manager', 'regional sales manager'],
  ['masterAgent', 'masterAgentId', 'master_agent', 'master agent'],
  ['salesman', 'salesmanId', 'salesman', 'salesman'],
] as const;

async function resolve(db: Executor, operatorId: number, input: SalesmanTaskInput, existing: SalesmanTaskRow | null, full: boolean, v: Validation): Promise<TaskColumns> {
  const out: TaskColumns = {};
  const creating = existing === null;
  if (creating && input.customerId == null) v.add('customerId', 'customerId is required');
  if (input.customerId != null) {
    if (existing && existing.customerId !== input.customerId) v.add('customerId', `sales issue ${existing.id} does not belong to customer ${input.customerId}`, 'NOT_FOUND');
    else {
      const [customer] = await db.select({ id: customers.id }).from(customers).where(and(eq(customers.operatorId, operatorId), eq(customers.id, input.customerId)));
      if (!customer) v.add('customerId', `customer ${input.customerId} does not exist`, 'NOT_FOUND');
      else out.customerId = customer.id;
    }
  }
  const requireAll = creating || full;
  for (const key of ['description', 'type'] as const) {
    const value = input[key];
    if ((requireAll || value !== undefined) && !value?.trim()) v.add(key, `${key} is required`);
    else if (value !== undefined) out[key] = value.trim();
  }
  if ((requireAll || input.dateReported !== undefined) && !input.dateReported) v.add('dateReported', 'dateReported is required');
  else checkDate(v, 'dateReported', input.dateReported);
  if (input.dateReported) out.dateReported = input.dateReported;
  checkDate(v, 'dateClosed', input.dateClosed || null);
  if (input.dateClosed !== undefined) out.dateClosed = input.dateClosed || null;
  checkAmount(v, 'hoursSpent', input.hoursSpent);
  if (input.hoursSpent !== undefined) out.hoursSpent = input.hoursSpent == null ? null : String(input.hoursSpent).trim();
  checkAmount(v, 'value', input.value);
  if (input.value !== undefined) out.value = input.value == null ? null : String(input.value).trim();
  if (input.priority != null && (!Number.isInteger(input.priority) || input.priority < 1 || input.priority > 5)) v.add('priority', 'priority must be 1, 2, 3, 4 or 5');
  if (input.priority !== undefined) out.priority = input.priority;
  const status = ticketStatus(v, 'status', input.status);
  if (status) out.status = status;
  if (input.resolution !== undefined) out.resolution = input.resolution;

  for (const [key, column, role, label] of PEOPLE) {
    const name = input[key];
    if (name === undefined) continue;
    if (name === null || name.trim() === '') {
      out[column] = null;
      continue;
    }
    const [person] = await db
      .select({ id: salesPeople.id })
      .from(salesPeople)
      .where(and(eq(salesPeople.operatorId, operatorId), sql`${salesPeople.role} = ${role}`, eq(salesPeople.name, name.trim())));
    if (!person) v.add(key, `there is no ${label} named "${name}"`, 'NOT_FOUND');
    else out[column] = person.id;
  }
  return out;
}

async function getRow(db: Executor, operatorId: number, id: number): Promise<SalesmanTaskRow> {
  const [row] = await db.select().from(salesmanTasks).where(and(eq(salesmanTasks.operatorId, operatorId), eq(salesmanTasks.id, id)));
  if (!row) throw new NotFoundError('sales issue', id, ['id']);
  return row;
}

/** Adds a sales issue (SIMPLer addSalesmanTask; the reply carries the new id). */
export async function create(ctx: ServiceContext, input: SalesmanTaskInput): Promise<SalesmanTaskRow> {
  authorize(ctx.actor, 'support.write');
  const operatorId = ctx.actor.operatorId;
  const v = new Validation();
  const columns = await resolve(ctx.db, operatorId, input, null, true, v);
  v.throwIfAny();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(salesmanTasks)
      .values({ ...columns, operatorId, customerId: columns.customerId!, dateReported: columns.dateReported!, description: columns.description!, type: columns.type! })
      .returning();
    await audit(tx, ctx.actor, 'salesmanTask.create', 'salesman_task', row!.id, columns);
    return row!;
  });
}

/** Changes a sales issue (SIMPLer modifySalesmanTask). */
export async function update(ctx: ServiceContext, id: number, input: SalesmanTaskInput, options: SalesmanTaskUpdateOptions = {}): Promise<SalesmanTaskRow> {
  authorize(ctx.actor, 'support.write');
  const operatorId = ctx.actor.operatorId;
  const existing = await getRow(ctx.db, operatorId, id);
  const v = new Validation();
  const columns = await resolve(ctx.db, operatorId, input, existing, options.full ?? false, v);
  v.throwIfAny();
  return ctx.db.transaction(async (tx) => {
    if (options.appendResolution && input.resolution) {
      const [current] = await tx.select({ resolution: salesmanTasks.resolution }).from(salesmanTasks).where(eq(salesmanTasks.id, id)).for('update');
      columns.resolution = appendText(current?.resolution ?? null, input.resolution);
    }
    const [row] = await tx
      .update(salesmanTasks)
      .set({ ...columns, updatedAt: sql`now()` })
      .where(and(eq(salesmanTasks.operatorId, operatorId), eq(salesmanTasks.id, id)))
      .returning();
    await audit(tx, ctx.actor, 'salesmanTask.update', 'salesman_task', id, { ...columns, appendResolution: options.appendResolution || undefined });
    return row!;
  });
}

/** Deletes a sales issue (SIMPLer deleteSalesmanTask). */
export async function remove(ctx: ServiceContext, id: number): Promise<SalesmanTaskRow> {
  authorize(ctx.actor, 'support.write');
  const existing = await getRow(ctx.db, ctx.actor.operatorId, id);
  await ctx.db.transaction(async (tx) => {
    await tx.delete(salesmanTasks).where(and(eq(salesmanTasks.operatorId, ctx.actor.operatorId), eq(salesmanTasks.id, id)));
    await audit(tx, ctx.actor, 'salesmanTask.delete', 'salesman_task', id, { customerId: existing.customerId });
  });
  return existing;
}

export async function findByIds(db: Executor, operatorId: number, ids: readonly number[]): Promise<SalesmanTaskRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(salesmanTasks).where(and(eq(salesmanTasks.operatorId, operatorId), inArray(salesmanTasks.id, [...ids])));
}

/** Sales issues of many customers, newest report first. */
/** A sales person's name in SQL, as salesPeopleNames serves it (the task's own operator), for the compiled read path. */
export function salesPersonNameSql(id: PgColumn): SQL {
  return sql`(select ${salesPeople.name} from ${salesPeople} where ${salesPeople.id} = ${id} and ${salesPeople.operatorId} = ${salesmanTasks.operatorId})`;
}

/** Names of sales people by id (for serving tasks). */
export async function salesPeopleNames(db: Executor, operatorId: number, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: salesPeople.id, name: salesPeople.name })
    .from(salesPeople)
    .where(and(eq(salesPeople.operatorId, operatorId), inArray(salesPeople.id, [...ids])))
    .orderBy(asc(salesPeople.id));
}

/** What a customer's sales issues can be ordered by; newest report first (DATE_REPORTED, DESC) by default, as the list always was. */
export const SALESMAN_TASK_SORTS = { ID: salesmanTasks.id, DATE_REPORTED: salesmanTasks.dateReported, CREATED_AT: salesmanTasks.createdAt } as const;
export type SalesmanTaskSortField = keyof typeof SALESMAN_TASK_SORTS;

/** A customer's sales issues: the operator's, in the asked order (also the compiled read path's). */
export const customerSalesmanTasksQuery = operatorListQuery(salesmanTasks.operatorId, SALESMAN_TASK_SORTS, { field: 'DATE_REPORTED', direction: 'desc' });
