/**
 * Staff users of an operator: reading (never their password hash) and, for admins, creating
 * them, changing their role, profile and active flag, and setting their password.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { EMAIL_PATTERN } from '../customers/customer.rules';
import type { Executor } from '../db/client';
import { audit } from '../shared/audit';
import type { ServiceContext, StaffRole } from '../shared/context';
import { uniqueViolation } from '../shared/db-errors';
import { ConflictError, NotFoundError, PreconditionFailedError, Validation } from '../shared/errors';
import { hashPassword } from '../shared/secrets';
import { authorize } from './permissions';
import { staffUsers } from './staff-user.table';

/** A staff user as the surfaces may see it: every column except the password hash. */
export const PUBLIC_COLUMNS = {
  id: staffUsers.id,
  operatorId: staffUsers.operatorId,
  username: staffUsers.username,
  displayName: staffUsers.displayName,
  email: staffUsers.email,
  phone: staffUsers.phone,
  role: staffUsers.role,
  showOnlyAssignedCustomers: staffUsers.showOnlyAssignedCustomers,
  active: staffUsers.active,
  createdAt: staffUsers.createdAt,
  updatedAt: staffUsers.updatedAt,
  lastLoginAt: staffUsers.lastLoginAt,
};
export type StaffUserRow = Omit<typeof staffUsers.$inferSelect, 'passwordHash'>;

export interface StaffUserFilter {
  role?: StaffUserRow['role'][] | null;
  active?: boolean | null;
}

/** The operator's staff users by username (operators have tens, not thousands). */
export async function list(ctx: ServiceContext, filter: StaffUserFilter = {}): Promise<StaffUserRow[]> {
  return ctx.db
    .select(PUBLIC_COLUMNS)
    .from(staffUsers)
    .where(
      and(
        eq(staffUsers.operatorId, ctx.actor.operatorId),
        filter.role?.length ? inArray(staffUsers.role, filter.role) : undefined,
        filter.active != null ? eq(staffUsers.active, filter.active) : undefined,
      ),
    )
    .orderBy(asc(staffUsers.username), asc(staffUsers.id));
}

export async function findByIds(db: Executor, operatorId: number, ids: readonly number[]): Promise<StaffUserRow[]> {
  if (ids.length === 0) return [];
  return db.select(PUBLIC_COLUMNS).from(staffUsers).where(and(eq(staffUsers.operatorId, operatorId), inArray(staffUsers.id, [...ids])));
}

// ——— Administration: creating and changing staff users (role admin only) ———

/** New passwords are at least this long; the demo's short one predates the rule and still works. */
export const MIN_STAFF_PASSWORD = 12;
/** scrypt hashes whatever it is given: an upper bound keeps a request from buying a long hash. */
export const MAX_STAFF_PASSWORD = 200;
const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;
export const STAFF_ROLES: readonly StaffRole[] = ['admin', 'manager', 'staff', 'collector', 'installer', 'api', 'readonly'];

export interface StaffUserCreateInput {
  username: string;
  role: StaffRole;
  displayName?: string | null;
  email?: string | null;
  phone?: string | null;
  /** Null or absent: an account that never logs in with a password (tokens and API credentials only). */
  password?: string | null;
  showOnlyAssignedCustomers?: boolean | null;
}

export interface StaffUserUpdateInput {
  role?: StaffRole | null;
  displayName?: string | null;
  email?: string | null;
  phone?: string | null;
  active?: boolean | null;
  showOnlyAssignedCustomers?: boolean | null;
}

export function checkNewPassword(password: string | null | undefined, v: Validation, field = 'password'): void {
  if (!password) v.add(field, 'password is required');
  else if (password.length < MIN_STAFF_PASSWORD) v.add(field, `password must have at least ${MIN_STAFF_PASSWORD} characters`);
  else if (password.length > MAX_STAFF_PASSWORD) v.add(field, `password must have at most ${MAX_STAFF_PASSWORD} characters`);
}

function checkProfile(input: StaffUserUpdateInput, v: Validation): void {
  if (input.role != null && !STAFF_ROLES.includes(input.role)) v.add('role', `role must be one of ${STAFF_ROLES.join(', ')}`);
  if (input.displayName !== undefined && input.displayName !== null) {
    if (!input.displayName.trim()) v.add('displayName', 'displayName must not be empty');
    else if (input.displayName.length > 200) v.add('displayName', 'displayName must have at most 200 characters');
  }
  if (input.email && (!EMAIL_PATTERN.test(input.email) || input.email.length > 254)) v.add('email', `"${input.email}" is not an e-mail address`);
  if (input.phone && input.phone.length > 50) v.add('phone', 'phone must have at most 50 characters');
}

/** One of the operator's staff users (public columns), or NOT_FOUND on `field`. */
export async function getById(ctx: ServiceContext, id: number, field: string[] = ['id']): Promise<StaffUserRow> {
  const [row] = await findByIds(ctx.db, ctx.actor.operatorId, [id]);
  if (!row) throw new NotFoundError('staff user', id, field);
  return row;
}

export async function getByUsername(ctx: ServiceContext, username: string, field: string[] = ['username']): Promise<StaffUserRow> {
  const [row] = await ctx.db
    .select(PUBLIC_COLUMNS)
    .from(staffUsers)
    .where(and(eq(staffUsers.operatorId, ctx.actor.operatorId), eq(staffUsers.username, username)));
  if (!row) throw new NotFoundError('staff user', username, field);
  return row;
}

export async function create(ctx: ServiceContext, input: StaffUserCreateInput): Promise<StaffUserRow> {
  authorize(ctx.actor, 'admin');
  const username = input.username?.trim() ?? '';
  const v = new Validation();
  if (!USERNAME_PATTERN.test(username)) v.add('username', 'username must be 1-64 letters, digits, ".", "_", "@" or "-", starting with a letter or digit');
  if (!input.role) v.add('role', 'role is required');
  checkProfile(input, v);
  if (input.password != null) checkNewPassword(input.password, v);
  v.throwIfAny();
  // scrypt is deliberately slow: hash before the transaction.
  const passwordHash = input.password != null ? await hashPassword(input.password) : null;
  try {
    return await ctx.db.transaction(async (tx) => {
      const [taken] = await tx
        .select({ id: staffUsers.id })
        .from(staffUsers)
        .where(and(eq(staffUsers.operatorId, ctx.actor.operatorId), eq(staffUsers.username, username)));
      if (taken) throw new ConflictError(`staff user "${username}" already exists`, ['username']);
      const [row] = await tx
        .insert(staffUsers)
        .values({
          operatorId: ctx.actor.operatorId,
          username,
          role: input.role,
          displayName: input.displayName?.trim() || username,
          email: input.email || null,
          phone: input.phone || null,
          showOnlyAssignedCustomers: input.showOnlyAssignedCustomers ?? false,
          passwordHash,
        })
        .returning(PUBLIC_COLUMNS);
      await audit(tx, ctx.actor, 'staffUser.create', 'staff_user', row!.id, {
        username,
        role: row!.role,
        displayName: row!.displayName,
        email: row!.email,
        canLogIn: passwordHash != null,
      });
      return row!;
    });
  } catch (error) {
    if (uniqueViolation(error) === 'staff_users_operator_username_key') throw new ConflictError(`staff user "${username}" already exists`, ['username']);
    throw error;
  }
}

/**
 * Changes a staff user's role, profile or active flag. The operator's last active admin can
 * neither be deactivated nor lose the role: nobody would be left to administer the operator.
 * A deactivated user's tokens and credentials are refused on their next request (auth checks
 * `active`), and work again if the user is reactivated.
 */
export async function update(ctx: ServiceContext, id: number, input: StaffUserUpdateInput): Promise<StaffUserRow> {
  authorize(ctx.actor, 'admin');
  const v = new Validation();
  checkProfile(input, v);
  v.throwIfAny();
  return ctx.db.transaction(async (tx) => {
    const [existing] = await tx
      .select(PUBLIC_COLUMNS)
      .from(staffUsers)
      .where(and(eq(staffUsers.operatorId, ctx.actor.operatorId), eq(staffUsers.id, id)))
      .for('update');
    if (!existing) throw new NotFoundError('staff user', id, ['id']);
    const changes = {
      role: input.role ?? undefined,
      displayName: input.displayName?.trim() || undefined,
      email: input.email === undefined ? undefined : input.email || null,
      phone: input.phone === undefined ? undefined : input.phone || null,
      active: input.active ?? undefined,
      showOnlyAssignedCustomers: input.showOnlyAssignedCustomers ?? undefined,
    };
    const losesAdmin = existing.role === 'admin' && existing.active && ((changes.role && changes.role !== 'admin') || changes.active === false);
    if (losesAdmin) {
      // Locks the operator's active admins, so two admins demoting each other cannot both succeed.
      const admins = await tx
        .select({ id: staffUsers.id })
        .from(staffUsers)
        .where(and(eq(staffUsers.operatorId, ctx.actor.operatorId), eq(staffUsers.role, 'admin'), eq(staffUsers.active, true)))
        .for('update');
      if (admins.length <= 1) {
        throw new PreconditionFailedError('the last active admin cannot be deactivated or lose the admin role', [
          { field: changes.active === false ? ['active'] : ['role'], message: 'the last active admin cannot be deactivated or lose the admin role', code: 'PRECONDITION_FAILED' },
        ]);
      }
    }
    const set = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
    if (Object.keys(set).length === 0) return existing;
    const [row] = await tx.update(staffUsers).set(set).where(eq(staffUsers.id, id)).returning(PUBLIC_COLUMNS);
    await audit(tx, ctx.actor, 'staffUser.update', 'staff_user', id, set);
    return row!;
  });
}

/** Sets (or replaces) a staff user's login password; at least MIN_STAFF_PASSWORD characters. */
export async function setPassword(ctx: ServiceContext, id: number, password: string): Promise<StaffUserRow> {
  authorize(ctx.actor, 'admin');
  const v = new Validation();
  checkNewPassword(password, v);
  v.throwIfAny();
  await getById(ctx, id);
  const passwordHash = await hashPassword(password);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(staffUsers)
      .set({ passwordHash })
      .where(and(eq(staffUsers.operatorId, ctx.actor.operatorId), eq(staffUsers.id, id)))
      .returning(PUBLIC_COLUMNS);
    if (!row) throw new NotFoundError('staff user', id, ['id']);
    await audit(tx, ctx.actor, 'staffUser.setPassword', 'staff_user', id, { password: 'changed' });
    return row;
  });
}
