import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, money, operatorColumn, updatedAt } from '../db/columns';
import { plans } from './plan.table';

/**
 * A price point of a plan: `units` plan periods for `price` (CRM plan/subplan_list: subplanid,
 * planid, name, portal, price; sorts on id, name, planid, units, price).
 */
export const subPlans = pgTable(
  'sub_plans',
  {
    id: idColumn(),
    operatorId: operatorColumn(),
    planId: integer()
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    /** Number of plan periods bought. */
    units: integer().notNull().default(1),
    price: money().notNull(),
    /** Published on the customer web portal. */
    portal: boolean().notNull().default(false),
    enabled: boolean().notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('sub_plans_plan_units_idx').on(t.planId, t.units),
    index('sub_plans_operator_name_idx').on(t.operatorId, t.name),
    index('sub_plans_operator_units_idx').on(t.operatorId, t.units),
    index('sub_plans_operator_price_idx').on(t.operatorId, t.price),
    index('sub_plans_operator_created_idx').on(t.operatorId, t.createdAt),
    check('sub_plans_units_check', sql`${t.units} > 0`),
    check('sub_plans_price_check', sql`${t.price} >= 0`),
  ],
);
