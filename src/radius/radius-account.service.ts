/**
 * RADIUS logins (SIMPLer listRADIUSdetails/addRADIUSdetails/deleteRADIUSdetails; GraphQL also
 * changes one). An account is mirrored into FreeRADIUS's tables: its password as radcheck
 * Cleartext-Password (`:=`) and its group as radusergroup (the customer's plan's RADIUS group).
 * Usernames are unique across all operators: one RADIUS server resolves them without knowing
 * the tenant.
 */
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { listCount, listPage, type PageArgs, type SortKey, sortKeyOf } from '../db/pagination';
import { audit } from '../shared/audit';
import type { ServiceContext } from '../shared/context';
import { uniqueViolation } from '../shared/db-errors';
import { ConflictError, NotFoundError, Validation } from '../shared/errors';
import { customers } from '../customers/customer.table';
import { plans } from '../catalog/plan.table';
import { radcheck } from './radcheck.table';
import { radiusAccounts } from './radius-account.table';
import { radreply } from './radreply.table';
import { radusergroup } from './radusergroup.table';
import { authorize } from '../tenancy/permissions';
import { authorizeSecretRead, canReadSecrets, recordSecretListRead } from '../tenancy/secret-reads';
import { updatedWithin, type UpdatedRange } from '../sync/updated-range';

export type RadiusAccountRow = typeof radiusAccounts.$inferSelect;

export interface AddAccountInput {
  /** The customer to add the login to… */
  customerId?: number | null;
  /** …or the customer owning this existing username (SIMPLer existing_radius_username). */
  existingRadiusUsername?: string | null;
  username: string;
  /** May be left blank (no Cleartext-Password row then). */
  password?: string | null;
  priority?: number | null;
}

/** FreeRADIUS usernames: printable, no spaces at either end; the length fits radcheck lookups. */
const USERNAME = /^[^\s\p{C}][^\p{C}]{0,252}$/u;

const usernameTaken = (username: string) => new ConflictError(`RADIUS username "${username}" is already in use`, ['username']);

/** The check item FreeRADIUS authenticates a login's password with (PAP, CHAP, MS-CHAP), and its operator. */
const PASSWORD_ATTRIBUTE = 'Cleartext-Password';
const PASSWORD_OP = ':=';

/** A login's password as stored: a blank one is no password (no check item then). */
const storedPassword = (password: string | null | undefined): string | null => (password ? password : null);

/** The rules of a login's settings, on add and update alike. */
function validateSettings(v: Validation, input: { priority?: number | null }): void {
  if (input.priority != null && (!Number.isInteger(input.priority) || input.priority < 0)) v.add('priority', 'priority must be a whole number of 0 or more');
}

/** Adds a RADIUS login to a customer, with its password check item and the plan's group. */
export async function add(ctx: ServiceContext, input: AddAccountInput): Promise<RadiusAccountRow> {
  authorize(ctx.actor, 'network.write');
  const operatorId = ctx.actor.operatorId;
  const v = new Validation();
  const username = (input.username ?? '').trim();
  if (!username) v.add('username', 'username is required');
  else if (!USERNAME.test(username) || username !== input.username) v.add('username', 'username must be printable text without leading or trailing spaces');
  validateSettings(v, input);

  let customerId: number | null = null;
  if (input.customerId != null) {
    customerId = input.customerId;
  } else if (input.existingRadiusUsername) {
    const [owner] = await ctx.db
      .select({ customerId: radiusAccounts.customerId })
      .from(radiusAccounts)
      .where(and(eq(radiusAccounts.operatorId, operatorId), eq(radiusAccounts.username, input.existingRadiusUsername)));
    if (!owner) v.add('existingRadiusUsername', `RADIUS username "${input.existingRadiusUsername}" does not exist`, 'NOT_FOUND');
    else customerId = owner.customerId;
  } else {
    v.add('customerId', 'give a customer or an existing RADIUS username');
  }
  let radiusGroup: string | null = null;
  if (customerId != null) {
    const [customer] = await ctx.db
      .select({ id: customers.id, radiusGroup: plans.radiusGroup })
      .from(customers)
      .leftJoin(plans, eq(plans.id, customers.servicePlanId))
      .where(and(eq(customers.operatorId, operatorId), eq(customers.id, customerId)));
    if (!customer) v.add('customerId', `customer ${customerId} does not exist`, 'NOT_FOUND');
    else radiusGroup = customer.radiusGroup ?? null;
  }
  if (username) {
    const [clash] = await ctx.db.select({ id: radiusAccounts.id }).from(radiusAccounts).where(eq(radiusAccounts.username, username));
    if (clash) v.add('username', `RADIUS username "${username}" is already in use`, 'CONFLICT');
  }
  v.throwIfAny();

  const password = storedPassword(input.password);
  const priority = input.priority ?? null;
  try {
    return await ctx.db.transaction(async (tx) => {
      const owner = { operatorId, customerId: customerId!, username };
      const [row] = await tx.insert(radiusAccounts).values({ ...owner, password, priority }).returning();
      if (password !== null) await tx.insert(radcheck).values({ ...owner, attribute: PASSWORD_ATTRIBUTE, op: PASSWORD_OP, value: password });
      if (radiusGroup) await tx.insert(radusergroup).values({ ...owner, groupname: radiusGroup, priority: priority ?? 1 });
      await audit(tx, ctx.actor, 'radius_account.create', 'radius_account', row!.id, { customerId, username, priority, password: password !== null, radiusGroup });
      return row!;
    });
  } catch (error) {
    if (uniqueViolation(error)?.includes('radius_accounts_username')) throw usernameTaken(username);
    throw error;
  }
}

export interface UpdateAccountInput {
  /**
   * The new password; absent leaves it. null or blank leaves the login without one, as add
   * allows: its Cleartext-Password check items are deleted.
   */
  password?: string | null;
  /** The new order among the customer's logins; null clears it; absent leaves it. */
  priority?: number | null;
  /** Absent or null leaves it. */
  excludeFromAutoGroupFromBucket?: boolean | null;
}

/**
 * Changes a login's password, priority or bucket-group flag. The password's radcheck
 * Cleartext-Password item follows in the same transaction: every such item of the username is
 * given the new value (one is added, `:=`, when the login had none) or, when the password is
 * removed, deleted; so the login and what FreeRADIUS checks never disagree. The username and the
 * customer do not change here; neither do the login's group rows.
 */
export async function update(ctx: ServiceContext, id: number, input: UpdateAccountInput): Promise<RadiusAccountRow> {
  authorize(ctx.actor, 'network.write');
  const operatorId = ctx.actor.operatorId;
  const v = new Validation();
  validateSettings(v, input);
  v.throwIfAny();

  const changes: Partial<Pick<RadiusAccountRow, 'password' | 'priority' | 'excludeFromAutoGroupFromBucket'>> = {};
  if (input.password !== undefined) changes.password = storedPassword(input.password);
  if (input.priority !== undefined) changes.priority = input.priority;
  if (input.excludeFromAutoGroupFromBucket != null) changes.excludeFromAutoGroupFromBucket = input.excludeFromAutoGroupFromBucket;

  return ctx.db.transaction(async (tx) => {
    const [account] = await tx
      .select()
      .from(radiusAccounts)
      .where(and(eq(radiusAccounts.operatorId, operatorId), eq(radiusAccounts.id, id)))
      .for('update');
    if (!account) throw new NotFoundError('RADIUS account', id, ['id']);
    if (Object.keys(changes).length === 0) return account;
    const [row] = await tx.update(radiusAccounts).set(changes).where(eq(radiusAccounts.id, account.id)).returning();
    if (changes.password !== undefined) await writePasswordCheckItems(tx, account, changes.password);
    // The audit says what happened to the password, never the password.
    await audit(tx, ctx.actor, 'radius_account.update', 'radius_account', account.id, {
      customerId: account.customerId,
      username: account.username,
      credential: changes.password === undefined ? undefined : changes.password === null ? 'cleared' : 'set',
      priority: changes.priority,
      excludeFromAutoGroupFromBucket: changes.excludeFromAutoGroupFromBucket,
    });
    return row!;
  });
}

/**
 * Makes the username's Cleartext-Password check items hold `password` (attribute names
 * compared case-insensitively, as FreeRADIUS does): each one updated, one added when there is
 * none, all deleted when the password is null.
 */
async function writePasswordCheckItems(tx: Executor, account: RadiusAccountRow, password: string | null): Promise<void> {
  const items = and(
    eq(radcheck.operatorId, account.operatorId),
    eq(radcheck.username, account.username),
    sql`lower(${radcheck.attribute}) = lower(${PASSWORD_ATTRIBUTE})`,
  );
  if (password === null) {
    await tx.delete(radcheck).where(items);
    return;
  }
  const updated = await tx.update(radcheck).set({ value: password }).where(items).returning({ id: radcheck.id });
  if (updated.length === 0) {
    await tx.insert(radcheck).values({
      operatorId: account.operatorId,
      customerId: account.customerId,
      username: account.username,
      attribute: PASSWORD_ATTRIBUTE,
      op: PASSWORD_OP,
      value: password,
    });
  }
}

/** Deletes a login with every radcheck, radreply and radusergroup row of its username. */
export async function remove(ctx: ServiceContext, username: string): Promise<{ id: number; customerId: number }> {
  authorize(ctx.actor, 'network.write');
  const operatorId = ctx.actor.operatorId;
  return ctx.db.transaction(async (tx) => {
    const [account] = await tx
      .delete(radiusAccounts)
      .where(and(eq(radiusAccounts.operatorId, operatorId), eq(radiusAccounts.username, username ?? '')))
      .returning({ id: radiusAccounts.id, customerId: radiusAccounts.customerId });
    if (!account) throw new NotFoundError('RADIUS username', `"${username}"`, ['username']);
    for (const table of [radcheck, radreply, radusergroup]) {
      await tx.delete(table).where(and(eq(table.operatorId, operatorId), eq(table.username, username)));
    }
    await audit(tx, ctx.actor, 'radius_account.delete', 'radius_account', account.id, { customerId: account.customerId, username });
    return account;
  });
}

/** listRADIUSdetails' filters; all optional, combined with AND. */
export interface AccountFilter extends UpdatedRange {
  customerId?: number | null;
  username?: string | null;
  password?: string | null;
  priority?: number | null;
  /** The logins of the customer owning this username. */
  existingRadiusUsername?: string | null;
}

export function accountConditions(db: Executor, operatorId: number, filter: AccountFilter = {}): SQL {
  const conditions: (SQL | undefined)[] = [eq(radiusAccounts.operatorId, operatorId)];
  if (filter.customerId != null) conditions.push(eq(radiusAccounts.customerId, filter.customerId));
  if (filter.username) conditions.push(eq(radiusAccounts.username, filter.username));
  if (filter.password) conditions.push(eq(radiusAccounts.password, filter.password));
  if (filter.priority != null) conditions.push(eq(radiusAccounts.priority, filter.priority));
  if (filter.existingRadiusUsername) {
    const owners = db
      .select({ customerId: radiusAccounts.customerId })
      .from(radiusAccounts)
      .where(and(eq(radiusAccounts.operatorId, operatorId), eq(radiusAccounts.username, filter.existingRadiusUsername)));
    conditions.push(inArray(radiusAccounts.customerId, owners));
  }
  conditions.push(...updatedWithin(radiusAccounts.updatedAt, filter));
  return and(...conditions)!;
}

/**
 * The operator's RADIUS logins matching the filter, by priority then id (SIMPLer
 * listRADIUSdetails), passwords included for a role with `secrets.read` (the read is audited,
 * once for the list) and null for any other role.
 */
export async function list(ctx: ServiceContext, filter: AccountFilter = {}): Promise<RadiusAccountRow[]> {
  // A password filter tells the caller which logins have that password: a read of the secret.
  if (filter.password) authorizeSecretRead(ctx);
  const rows = await ctx.db
    .select()
    .from(radiusAccounts)
    .where(accountConditions(ctx.db, ctx.actor.operatorId, filter))
    .orderBy(sql`${radiusAccounts.priority} asc nulls last`, asc(radiusAccounts.id));
  if (!canReadSecrets(ctx.actor)) return rows.map((row) => ({ ...row, password: null }));
  await recordSecretListRead(ctx, 'radius_account', rows.filter((row) => row.password !== null).map((row) => row.id), ['password']);
  return rows;
}

/** What logins can be ordered by a page at a time; ID (the order they were added) by default. */
export const ACCOUNT_SORTS = { ID: radiusAccounts.id, USERNAME: radiusAccounts.username, CREATED_AT: radiusAccounts.createdAt, UPDATED_AT: radiusAccounts.updatedAt } as const;
export type AccountSortField = keyof typeof ACCOUNT_SORTS;

export function accountSort(field: AccountSortField = 'ID', direction: 'asc' | 'desc' = 'asc'): SortKey {
  return sortKeyOf(ACCOUNT_SORTS, field, direction);
}

/** The same logins a page at a time (for connections). */
export async function listPaged(ctx: ServiceContext, filter: AccountFilter, sort: SortKey, page: PageArgs) {
  const where = accountConditions(ctx.db, ctx.actor.operatorId, filter);
  return {
    page: await listPage(ctx.db, { table: radiusAccounts, idColumn: radiusAccounts.id, where, sort }, page),
    count: () => listCount(ctx.db, radiusAccounts, where),
  };
}

/** The usernames of a customer (for scoping attribute rows). */
export async function usernamesOf(db: Executor, operatorId: number, customerId: number): Promise<string[]> {
  const rows = await db
    .select({ username: radiusAccounts.username })
    .from(radiusAccounts)
    .where(and(eq(radiusAccounts.operatorId, operatorId), eq(radiusAccounts.customerId, customerId)));
  return rows.map((r) => r.username);
}
