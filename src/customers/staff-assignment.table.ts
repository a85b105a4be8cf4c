import { index, integer, pgEnum, pgTable, primaryKey } from 'drizzle-orm/pg-core';
import { createdAt, operatorColumn } from '../db/columns';
import { staffUsers } from '../tenancy/staff-user.table';
import { customers } from './customer.table';

/**
 * Customers assigned to a staff user: the M4 "show only assigned users" rule for managers and
 * the Jaze collection admins (assign_users_to_admin).
 */
export const assignmentPurpose = pgEnum('assignment_purpose', ['management', 'collection']);

export const staffCustomerAssignments = pgTable(
  'staff_customer_assignments',
  {
    operatorId: operatorColumn(),
    staffUserId: integer()
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    customerId: integer()
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    purpose: assignmentPurpose().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('staff_customer_assignments_operator_idx').on(t.operatorId),
    primaryKey({ columns: [t.staffUserId, t.customerId, t.purpose] }),
    index('staff_customer_assignments_customer_idx').on(t.customerId),
  ],
);
