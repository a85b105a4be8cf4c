import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, smallint, text } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, money, operatorColumn, timestamptz, updatedAt } from '../db/columns';
import { customers } from '../customers/customer.table';
import { plans } from '../catalog/plan.table';

/**
 * A service renewal (Jaze E35 get_renewal_details `RenewalDetails`: user_id, admin_username,
 * renewal_days, renewal_amount, plan_rate, tax_amount, type, previous/present group and plan ids,
 * order_id, order_active_until, date_created, active_since, active_until, notes, deleted;
 * filtered by userId and a fromDate/toDate range on date_created).
 */
export const renewals = pgTable(
  'renewals',
  {
    id: idColumn(),
    operatorId: operatorColumn(),
    /**
     * Cascade: Jaze writes a renewal for every user addition, so restrict would make delete_user
     * impossible; the money itself is protected by payments/invoices, which do restrict.
     */
    customerId: integer()
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    /** Jaze group ids (a group is a plan). Set null: the renewal record outlives the plan. */
    previousPlanId: integer().references(() => plans.id, { onDelete: 'set null' }),
    presentPlanId: integer().references(() => plans.id, { onDelete: 'set null' }),
    /** Jaze `renewal_days`, free text such as `1 months`. */
    renewalPeriod: text(),
    amount: money().notNull(),
    planRate: money(),
    taxAmount: money(),
    /** Jaze `type`, an undocumented numeric code kept as given. */
    type: smallint(),
    orderId: integer(),
    orderActiveUntil: timestamptz(),
    activeSince: date(),
    activeUntil: date(),
    notes: text(),
    /** Jaze `admin_username`: who or what renewed (a staff username or a label like `User Addition`). */
    performedBy: text(),
    deleted: boolean().notNull().default(false),
    /** Jaze `date_created`. */
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('renewals_operator_created_idx').on(t.operatorId, t.createdAt),
    index('renewals_customer_idx').on(t.customerId, t.createdAt),
    index('renewals_previous_plan_idx').on(t.previousPlanId),
    index('renewals_present_plan_idx').on(t.presentPlanId),
    check('renewals_amount_check', sql`${t.amount} >= 0`),
    check(
      'renewals_active_range_check',
      sql`${t.activeSince} is null or ${t.activeUntil} is null or ${t.activeUntil} >= ${t.activeSince}`,
    ),
  ],
);
