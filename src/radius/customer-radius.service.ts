/**
 * SIMPLer customerRadius: list, add, modify and delete a customer's rows in FreeRADIUS's
 * radcheck, radreply and radusergroup. Every row is scoped to the customer: a username must be
 * one of the customer's logins, and a row id outside the customer is "not found".
 * For radusergroup, `value` is the group name and `priority` its order; `attribute`/`op` do not apply.
 *
 * modify and delete act on one row: the one with `id`, or, as SIMPLer clients name rows (its
 * document gives customerRadius no id parameter), the one row of `username` with `attribute`
 * (radcheck/radreply; for delete also `value` when given) or of `username` (radusergroup; for
 * delete also the group name `value` when given). A name that matches several rows is refused.
 */
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
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
import { authorize } from '../tenancy/permissions';
import { canReadSecrets, isSecretRadiusAttribute, recordSecretRead } from '../tenancy/secret-reads';

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
  /** The value; the group name for radusergroup; null for a secret the caller may not read. */
  value: string | null;
  /** radusergroup only. */
  priority: number | null;
  createdAt: Date;
  updatedAt: Date;
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
  /** The row to modify or delete; without it the row is found by username (and attribute). */
  id?: number | null;
}

const tableOf = (table: CustomerRadiusInput['table']): RadiusTable => (table === 'usergroup' ? 'radusergroup' : table);

function toRow(
  table: RadiusTable,
  row: { id: number; customerId: number; username: string; attribute?: string; op?: string; value?: string; groupname?: string; priority?: number; createdAt: Date; updatedAt: Date },
): RadiusAttributeRow {
  const common = { table, id: row.id, customerId: row.customerId, username: row.username, createdAt: row.createdAt, updatedAt: row.updatedAt };
  return table === 'radusergroup'
    ? { ...common, attribute: null, op: null, value: row.groupname!, priority: row.priority! }
    : { ...common, attribute: row.attribute!, op: row.op!, value: row.value!, priority: null };
}

const invalid = (field: string, message: string) => new DomainError('INVALID', message, [{ field: [field], message, code: 'INVALID' }]);

/**
 * Secret attribute values (passwords) of a listing: in clear for a role with `secrets.read`, the
 * read recorded on the customer; null for any other role, whose listing still shows the rows.
 */
async function revealOrMask(ctx: ServiceContext, customerId: number, rows: RadiusAttributeRow[]): Promise<RadiusAttributeRow[]> {
  const secrets = rows.filter((row) => isSecretRadiusAttribute(row.attribute));
  if (secrets.length === 0) return rows;
  if (!canReadSecrets(ctx.actor)) return rows.map((row) => (isSecretRadiusAttribute(row.attribute) ? { ...row, value: null } : row));
  await recordSecretRead(ctx, 'customer', customerId, secrets.map((row) => `${row.table}:${row.attribute}`));
  return rows;
}

/** Runs one customerRadius action; list returns the rows, the others the row written (or deleted). */
export async function customerRadius(ctx: ServiceContext, input: CustomerRadiusInput): Promise<RadiusAttributeRow[]> {
  // `list` only reads; every other action writes RADIUS settings.
  authorize(ctx.actor, input.action === 'list' ? 'read' : 'network.write');
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
    return revealOrMask(ctx, customer.id, rows.map((row) => toRow(table, row as never)));
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
  // Without an id, the username (and attribute) name the row to change.
  const byName = !adding && input.id == null;
  if (byName) {
    if (!input.username) v.add('username', `give the id of the row to ${input.action}, or its username${table === 'radusergroup' ? '' : ' and attribute'}`);
    else if (table !== 'radusergroup' && !input.attribute?.trim()) v.add('attribute', `give the id of the row to ${input.action}, or its username and attribute`);
  }
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
      const id = byName ? await rowIdByName(tx, table, scope, input) : input.id!;
      const [existing] = await tx.select({ id: t.id }).from(t).where(scope(eq(t.id, id))).for('update');
      if (!existing) throw new NotFoundError(`${table} row`, id, ['id']);
      if (input.action === 'delete') {
        [written] = await tx.delete(t).where(eq(t.id, id)).returning();
      } else {
        const changes: Record<string, unknown> = {};
        // Named by username (and attribute), those name the row; with an id they are changes.
        if (input.username != null && !byName) changes.username = input.username;
        if (table === 'radusergroup') {
          if (input.value != null) changes.groupname = input.value.trim();
          if (input.priority != null) changes.priority = input.priority;
        } else {
          if (input.attribute != null && !byName) changes.attribute = input.attribute.trim();
          if (input.op != null) changes.op = input.op;
          if (input.value != null) changes.value = input.value;
        }
        [written] = Object.keys(changes).length
          ? await tx.update(t).set(changes).where(eq(t.id, id)).returning()
          : await tx.select().from(t).where(eq(t.id, id));
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

/**
 * The id of the one row a modify/delete names by username and attribute (radcheck/radreply) or
 * by username (radusergroup); delete also narrows by `value` when given. Attribute names are
 * compared case-insensitively, as FreeRADIUS compares them.
 */
async function rowIdByName(tx: Executor, table: RadiusTable, scope: (extra?: SQL) => SQL | undefined, input: CustomerRadiusInput): Promise<number> {
  const username = input.username!;
  const narrowByValue = input.action === 'delete' && input.value != null && input.value !== '';
  let ids: { id: number }[];
  let described: string;
  if (table === 'radusergroup') {
    const group = narrowByValue ? input.value!.trim() : null;
    ids = await tx
      .select({ id: radusergroup.id })
      .from(radusergroup)
      .where(scope(and(eq(radusergroup.username, username), group != null ? eq(radusergroup.groupname, group) : undefined)));
    described = `of username "${username}"${group != null ? ` in group "${group}"` : ''}`;
  } else {
    const t = table === 'radcheck' ? radcheck : radreply;
    const attribute = input.attribute!.trim();
    ids = await tx
      .select({ id: t.id })
      .from(t)
      .where(scope(and(eq(t.username, username), sql`lower(${t.attribute}) = lower(${attribute})`, narrowByValue ? eq(t.value, input.value!) : undefined)));
    described = `of username "${username}" with attribute "${attribute}"${narrowByValue ? ` and value "${input.value}"` : ''}`;
  }
  if (ids.length === 0) throw new NotFoundError(`${table} row`, described, ['username']);
  if (ids.length > 1) throw invalid('id', `${ids.length} ${table} rows ${described} exist; give the id of the one to ${input.action}`);
  return ids[0]!.id;
}

/** The customer a row of one of the tables belongs to (inside the operator), for callers that know only the row. */
export async function customerOfRow(ctx: ServiceContext, table: RadiusTable, id: number): Promise<number> {
  const t = table === 'radcheck' ? radcheck : table === 'radreply' ? radreply : radusergroup;
  const [row] = await ctx.db.select({ customerId: t.customerId }).from(t).where(and(eq(t.operatorId, ctx.actor.operatorId), eq(t.id, id)));
  if (!row) throw new NotFoundError(`${table} row`, id, ['id']);
  return row.customerId;
}

/** Rows of one table by id, inside the operator (for `node(id:)`), in id order. */
export async function attributesByIds(db: Executor, operatorId: number, table: RadiusTable, ids: readonly number[]): Promise<RadiusAttributeRow[]> {
  if (ids.length === 0) return [];
  const t = table === 'radcheck' ? radcheck : table === 'radreply' ? radreply : radusergroup;
  const rows = await db.select().from(t).where(and(eq(t.operatorId, operatorId), inArray(t.id, [...ids]))).orderBy(asc(t.id));
  return rows.map((row) => toRow(table, row as never));
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
