import { boolean, index, integer, pgEnum, pgTable } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, operatorColumn, timestamptz, updatedAt } from '../db/columns';
import { customers } from '../customers/customer.table';
import { plans } from '../catalog/plan.table';
import { staffUsers } from '../tenancy/staff-user.table';

/** Jaze E10 move_group `type`: moveImmediately, previousBillingCycle, nextbillingCycle, customDate. */
export const planChangeTiming = pgEnum('plan_change_timing', [
  'immediately',
  'previous_billing_cycle',
  'next_billing_cycle',
  'custom_date',
]);

/**
 * A requested move of a user to another plan (Jaze E10 move_group: groupId, type, customDateTo,
 * clearUserDataUsage, clearUserPolicies, moveBilling). `effectiveAt` is resolved when the request
 * is recorded; a worker applies due rows (`appliedAt` null, `effectiveAt` <= now).
 */
export const planChanges = pgTable(
  'plan_changes',
  {
    id: idColumn(),
    operatorId: operatorColumn(),
    customerId: integer()
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    /** Set null: the history row outlives the old plan. */
    fromPlanId: integer().references(() => plans.id, { onDelete: 'set null' }),
    /** Restrict: a plan with a pending move to it cannot be deleted. */
    toPlanId: integer()
      .notNull()
      .references(() => plans.id, { onDelete: 'restrict' }),
    timing: planChangeTiming().notNull(),
    effectiveAt: timestamptz().notNull(),
    clearDataUsage: boolean().notNull().default(false),
    clearPolicies: boolean().notNull().default(false),
    moveBilling: boolean().notNull().default(false),
    appliedAt: timestamptz(),
    createdByStaffId: integer().references(() => staffUsers.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('plan_changes_operator_applied_effective_idx').on(t.operatorId, t.appliedAt, t.effectiveAt),
    index('plan_changes_customer_idx').on(t.customerId, t.createdAt),
    index('plan_changes_from_plan_idx').on(t.fromPlanId),
    index('plan_changes_to_plan_idx').on(t.toPlanId),
    index('plan_changes_created_by_staff_idx').on(t.createdByStaffId),
  ],
);
