import { boolean, index, pgEnum, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, operatorColumn, timestamptz, updatedAt } from '../db/columns';

/**
 * What a staff user may do. `admin` may do everything; `manager` is limited by
 * `showOnlyAssignedCustomers`; `collector` collects payments in the field (Jaze collection
 * admins); `installer` appears on installer tracking; `api` is a machine account; `readonly` only reads.
 * What each may do: src/tenancy/permissions.ts.
 */
export const staffRole = pgEnum('staff_role', ['admin', 'manager', 'staff', 'collector', 'installer', 'api', 'readonly']);

export const staffUsers = pgTable(
  'staff_users',
  {
    id: idColumn(),
    operatorId: operatorColumn(),
    username: text().notNull(),
    displayName: text().notNull(),
    email: text(),
    phone: text(),
    role: staffRole().notNull().default('staff'),
    /** scrypt hash (see shared/passwords.ts); null for accounts that never log in. */
    passwordHash: text(),
    /** M4 manager option: only see customers assigned to this user. */
    showOnlyAssignedCustomers: boolean().notNull().default(false),
    active: boolean().notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    lastLoginAt: timestamptz(),
  },
  (t) => [
    uniqueIndex('staff_users_operator_username_key').on(t.operatorId, t.username),
    index('staff_users_operator_role_idx').on(t.operatorId, t.role),
  ],
);
