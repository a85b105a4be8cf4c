import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, operatorColumn, timestamptz, updatedAt } from '../db/columns';
import { customers } from '../customers/customer.table';
import { staffUsers } from '../tenancy/staff-user.table';

/**
 * Extra days of service given to a user past expiry (Jaze E14 add_grace_period: userId, days,
 * optional expiryDate). Keeps the before/after expiry so an extension can be audited or undone.
 */
export const gracePeriods = pgTable(
  'grace_periods',
  {
    id: idColumn(),
    operatorId: operatorColumn(),
    customerId: integer()
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    days: integer().notNull(),
    /** Null when the user had no expiry before. */
    previousExpiresAt: timestamptz(),
    newExpiresAt: timestamptz().notNull(),
    createdByStaffId: integer().references(() => staffUsers.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('grace_periods_operator_idx').on(t.operatorId),
    index('grace_periods_customer_idx').on(t.customerId, t.createdAt),
    index('grace_periods_created_by_staff_idx').on(t.createdByStaffId),
    check('grace_periods_days_check', sql`${t.days} > 0`),
  ],
);
