/**
 * SIMPLer customerRadius: list, add, modify and delete a customer's rows in FreeRADIUS's
 * radcheck, radreply and radusergroup. Every row is scoped to the customer: a username must be
 * one of the customer's logins, and a row id outside the customer is "not found".
 * For radusergroup, `value` is the group name and `priority` its order; `attribute`/`op` do not apply.
 */
import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { audit } from '../shared/audit';
import type { ServiceContext } from '../shared/context';
import { DomainError, NotFoundError, Validation } from '../shared/errors';
import { customers } from '../customers/customer.table';
import { radcheck } from './radcheck.table';
import { radiusOperators, type RadiusOperator } from './radius-op';
import { radreply } from './radreply.table';
import { radusergroup } from './radusergroup.table';
import { usernamesOf } from './radius-account.service';
import { radiusAccounts } from './radius-account.table';

export const RADIUS_TABLES = ['radcheck', 'radreply', 'radusergroup'] as const;
export type RadiusTable = (typeof RADIUS_TABLES)[number];
export type RadiusAction = 'list' | 'add' | 'modify' | 'delete';

/** One row of any of the three tables, in one shape. */
export interface RadiusAttributeRow {
  table: RadiusTable;
  id: number;
  customerId: number;
  username: string;
  /** null for radusergroup. */
  attribute: string | null;
  op: string | null;
  /** The value; the group name for radusergroup. */
  value: string;
  /** radusergroup only. */
  priority: number | null;
}

export interface CustomerRadiusInput {
  /** SIMPLer also accepts `usergroup` for radusergroup. */
  table: RadiusTable | 'usergroup';
  action: RadiusAction;
  customerId: number;
  username?: string | null;
  attribute?: string | null;
  op?: string | null;
  value?: string | null;
  priority?: number | null;
  /** The row to modify or delete. */
  id?: number | null;
}

const tableOf = (table: CustomerRadiusInput['table']): RadiusTable => (table === 'usergroup' ? 'radusergroup' : table);

function toRow(table: RadiusTable, row: { id: number; customerId: number; username: string; attribute?: string; op?: string; value?: string; groupname?: string; priority?: number }): RadiusAttributeRow {
  return table === 'radusergroup'
    ? { table, id: row.id, customerId: row.customerId, username: row.username, attribute: null, op: null, value: row.groupname!, priority: row.priority! }
    : { table, id: row.id, customerId: row.customerId, username: row.username, attribute: row.attribute!, op: row.op!, value: row.value!, priority: null };
}

const invalid = (field: string, message: string) => new DomainError('INVALID', message, [{ field: [field], message, code: 'INVALID' }]);

/** Runs one customerRadius action; list returns the rows, the others the row written (or deleted). */
export async function customerRadius(ctx: ServiceContext, input: CustomerRadiusInput): Promise<RadiusAttributeRow[]> {
  const operatorId = ctx.actor.operatorId;
  if (!(RADIUS_TABLES as readonly string[]).includes(input.table) && input.table !== 'usergroup') {
    throw invalid('table', 'table must be radcheck, radreply, usergroup or radusergroup');
  }
  if (!['list', 'add', 'modify', 'delete'].includes(input.action)) throw invalid('action', 'action must be list, add, modify or delete');
  const table = tableOf(input.table);
  const [customer] = await ctx.db.select({ id: customers.id }).from(customers).where(and(eq(customers.operatorId, operatorId), eq(customers.id, input.customerId)));
  if (!customer) throw new NotFoundError('customer', input.customerId, ['customerId']);
  const usernames = await usernamesOf(ctx.db, operatorId, customer.id);
  if (input.username != null && !usernames.includes(input.username)) {
    throw new NotFoundError(`RADIUS username of customer ${customer.id}:`, `"${input.username}"`, ['username']);
  }
  const t = table === 'radcheck' ? radcheck : table === 'radreply' ? radreply : radusergroup;
  const scope = (extra?: SQL) => and(eq(t.operatorId, operatorId), eq(t.customerId, customer.id), extra);

  if (input.action === 'list') {
    const rows = await ctx.db
      .select()
      .from(t)
      .where(scope(input.username != null ? eq(t.username, input.username) : undefined))
      .orderBy(asc(t.id));
    return rows.map((row) => toRow(table, row as never));
  }

  // validation shared by add and modify
  const v = new Validation();
  const adding = input.action === 'add';
  if (adding && !input.username) v.add('username', 'username is required');
  if (table === 'radusergroup') {
    if ((adding || input.value !== undefined) && !input.value?.trim()) v.add('value', 'the group name (value) is required');
    if (input.priority != null && (!Number.isInteger(input.priority) || input.priority < 0)) v.add('priority', 'priority must be a whole number of 0 or more');
  } else if (input.action !== 'delete') {
    if ((adding || input.attribute !== undefined) && !input.attribute?.trim()) v.add('attribute', 'attribute is required');
    if ((adding || input.op !== undefined) && !(radiusOperators as readonly unknown[]).includes(input.op ?? (adding ? ':=' : null))) {
      v.add('op', `op must be one of ${radiusOperators.join(' ')}`);
    }
    if (adding && input.value == null) v.add('value', 'value is required');
  }
  if (!adding && input.id == null) v.add('id', `id of the row to ${input.action} is required`);
  v.throwIfAny();

  return ctx.db.transaction(async (tx) => {
    let written: unknown;
    if (adding) {
      const owner = { operatorId, customerId: customer.id, username: input.username! };
      [written] =
        table === 'radusergroup'
          ? await tx.insert(radusergroup).values({ ...owner, groupname: input.value!.trim(), priority: input.priority ?? 1 }).returning()
          : await tx
              .insert(table === 'radcheck' ? radcheck : radreply)
              .values({ ...owner, attribute: input.attribute!.trim(), op: (input.op ?? (table === 'radcheck' ? ':=' : '=')) as RadiusOperator, value: input.value! })
              .returning();
    } else {
      const [existing] = await tx.select({ id: t.id }).from(t).where(scope(eq(t.id, input.id!))).for('update');
      if (!existing) throw new NotFoundError(`${table} row`, input.id!, ['id']);
      if (input.action === 'delete') {
        [written] = await tx.delete(t).where(eq(t.id, input.id!)).returning();
      } else {
        const changes: Record<string, unknown> = {};
        if (input.username != null) changes.username = input.username;
        if (table === 'radusergroup') {
          if (input.value != null) changes.groupname = input.value.trim();
          if (input.priority != null) changes.priority = input.priority;
        } else {
          if (input.attribute != null) changes.attribute = input.attribute.trim();
          if (input.op != null) changes.op = input.op;
          if (input.value != null) changes.value = input.value;
        }
        [written] = Object.keys(changes).length
          ? await tx.update(t).set(changes).where(eq(t.id, input.id!)).returning()
          : await tx.select().from(t).where(eq(t.id, input.id!));
      }
    }
    const row = toRow(table, written as never);
    // The login's stored password follows its Cleartext-Password check item, so the two never disagree.
    if (table === 'radcheck' && row.attribute?.toLowerCase() === 'cleartext-password') {
      const password = input.action === 'delete' ? null : row.value;
      await tx
        .update(radiusAccounts)
        .set({ password })
        .where(and(eq(radiusAccounts.operatorId, operatorId), eq(radiusAccounts.customerId, customer.id), eq(radiusAccounts.username, row.username)));
    }
    // Passwords in radcheck stay out of the audit log.
    const secret = row.attribute != null && /password/i.test(row.attribute);
    await audit(tx, ctx.actor, `radius.${table}.${input.action}`, table, row.id, {
      customerId: customer.id,
      username: row.username,
      attribute: row.attribute ?? undefined,
      op: row.op ?? undefined,
      value: secret ? '[redacted]' : row.value,
    });
    return [row];
  });
}

/** The customer a row of one of the tables belongs to (inside the operator), for callers that know only the row. */
export async function customerOfRow(ctx: ServiceContext, table: RadiusTable, id: number): Promise<number> {
  const t = table === 'radcheck' ? radcheck : table === 'radreply' ? radreply : radusergroup;
  const [row] = await ctx.db.select({ customerId: t.customerId }).from(t).where(and(eq(t.operatorId, ctx.actor.operatorId), eq(t.id, id)));
  if (!row) throw new NotFoundError(`${table} row`, id, ['id']);
  return row.customerId;
}

/**
 * Rows of one table for many customers at once (for loaders), optionally of one username,
 * scoped to the operator, in id order.
 */
export async function attributesByCustomers(
  db: Executor,
  operatorId: number,
  table: RadiusTable,
  customerIds: readonly number[],
  username?: string | null,
): Promise<RadiusAttributeRow[]> {
  if (customerIds.length === 0) return [];
  const t = table === 'radcheck' ? radcheck : table === 'radreply' ? radreply : radusergroup;
  const rows = await db
    .select()
    .from(t)
    .where(and(eq(t.operatorId, operatorId), inArray(t.customerId, [...customerIds]), username != null ? eq(t.username, username) : undefined))
    .orderBy(asc(t.id));
  return rows.map((row) => toRow(table, row as never));
}
