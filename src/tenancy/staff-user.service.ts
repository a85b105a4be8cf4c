/** Staff users of an operator, for reading (never their password hash). */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/client';
import type { ServiceContext } from '../shared/context';
import { staffUsers } from './staff-user.table';

/** A staff user as the surfaces may see it: every column except the password hash. */
const PUBLIC_COLUMNS = {
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
