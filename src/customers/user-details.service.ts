/**
 * One subscriber's raw account details for staff (Kolmisoft M4 user_details_raw_get), with the
 * rules of who may read them:
 *   - only admins and managers;
 *   - a manager with "show only assigned users" only customers assigned to them for management;
 *   - nobody reads their own account. Staff users and customers are separate records here, so a
 *     staff user's "own account" is the subscriber record of the same person: a customer whose
 *     login (portal username, else invoicing id) is the staff username, or whose e-mail address
 *     is the staff user's, both compared case-insensitively.
 * Secrets (the portal password hash) are never read.
 */
import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import type { ServiceContext } from '../shared/context';
import { ForbiddenError, NotFoundError } from '../shared/errors';
import { staffUsers } from '../tenancy/staff-user.table';
import { customers } from './customer.table';
import { staffCustomerAssignments } from './staff-assignment.table';
import { statementOf } from './customer-data.service';

const { portalPasswordHash: _secret, ...publicColumns } = getTableColumns(customers);

export type CustomerDetailsRow = Omit<typeof customers.$inferSelect, 'portalPasswordHash'>;

export interface UserDetails {
  customer: CustomerDetailsRow;
  /** The name the subscriber logs in with: the portal username, else the invoicing id. */
  login: string;
  /** Paid minus invoiced (void invoices excluded): positive when the customer is in credit. */
  credit: string;
  /** The staff user the customer is assigned to for management (the lowest id if several). */
  managerStaffId: number | null;
}

const DETAIL_READER_ROLES = ['admin', 'manager'];

export async function userDetails(ctx: ServiceContext, customerId: number): Promise<UserDetails> {
  const reader = await readerOf(ctx);
  const login = sql<string>`coalesce(${customers.portalUsername}, ${customers.invoicingId})`;
  const sameEmail = reader.email ? sql`lower(${customers.email}) = lower(${reader.email})` : sql`false`;
  const [row] = await ctx.db
    .select({
      ...publicColumns,
      login,
      assignedToReader: sql<boolean>`exists (select 1 from ${staffCustomerAssignments} where ${staffCustomerAssignments.customerId} = ${customers.id}
        and ${staffCustomerAssignments.staffUserId} = ${reader.id} and ${staffCustomerAssignments.purpose} = 'management')`,
      managerStaffId: sql<number | null>`(select min(${staffCustomerAssignments.staffUserId}) from ${staffCustomerAssignments}
        where ${staffCustomerAssignments.customerId} = ${customers.id} and ${staffCustomerAssignments.purpose} = 'management')`,
      readersOwnAccount: sql<boolean>`coalesce(lower(${login}) = lower(${reader.username}) or ${sameEmail}, false)`,
    })
    .from(customers)
    .where(and(eq(customers.operatorId, ctx.actor.operatorId), eq(customers.id, customerId)));
  if (!row) throw new NotFoundError('user', customerId, ['userId']);
  const { login: loginName, assignedToReader, managerStaffId, readersOwnAccount, ...customer } = row;
  if (readersOwnAccount) throw new ForbiddenError('staff users cannot read the details of their own account');
  if (reader.role === 'manager' && reader.showOnlyAssignedCustomers && !assignedToReader) {
    throw new ForbiddenError(`user ${customerId} is not assigned to ${reader.username}`);
  }
  const statement = await statementOf(ctx, customerId);
  return { customer, login: loginName, credit: negate(statement.balance), managerStaffId: managerStaffId === null ? null : Number(managerStaffId) };
}

/** The acting staff user, refused unless an active admin or manager of the operator. */
async function readerOf(ctx: ServiceContext) {
  const staffUserId = ctx.actor.staffUserId;
  if (staffUserId === null) throw new ForbiddenError('only admins and managers may read user details');
  const [reader] = await ctx.db
    .select({ id: staffUsers.id, username: staffUsers.username, email: staffUsers.email, role: staffUsers.role, showOnlyAssignedCustomers: staffUsers.showOnlyAssignedCustomers })
    .from(staffUsers)
    .where(and(eq(staffUsers.operatorId, ctx.actor.operatorId), eq(staffUsers.id, staffUserId), eq(staffUsers.active, true)));
  if (!reader || !DETAIL_READER_ROLES.includes(reader.role)) throw new ForbiddenError('only admins and managers may read user details');
  return reader;
}

/** Negates an exact decimal text such as `12.50` without going through floating point. */
function negate(amount: string): string {
  if (/^-/.test(amount)) return amount.slice(1);
  if (/^0*(\.0*)?$/.test(amount)) return amount;
  return `-${amount}`;
}
