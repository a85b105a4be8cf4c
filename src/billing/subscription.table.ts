import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgEnum, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, money, operatorColumn, rate, timestamptz, updatedAt } from '../db/columns';
import { customers, taxMode } from '../customers/customer.table';
import { plans } from '../catalog/plan.table';
import { subPlans } from '../catalog/sub-plan.table';
import { taxZones } from '../catalog/tax-zone.table';

/** SIMPLer addSubscription `type`: Recurring, Overage, Reconnection. */
export const subscriptionType = pgEnum('subscription_type', ['recurring', 'overage', 'reconnection']);
/** SIMPLer `round`: how the line amount is rounded. */
export const subscriptionRounding = pgEnum('subscription_rounding', ['default', 'up', 'down', 'arithmetic']);

/**
 * A plan a customer is billed for (SIMPLer addSubscription, deleteSubscription,
 * getActiveSubscriptionData, getCustomerData `subscription`; the CRM "service" a reseller wallet
 * entry names). deleteSubscription ends a subscription (`endedAt`) rather than erasing it once it
 * has been invoiced. The recurring invoicing worker picks rows by `nextBillingDate`.
 */
export const subscriptions = pgTable(
  'subscriptions',
  {
    id: idColumn(),
    operatorId: operatorColumn(),
    /** Restrict: SIMPLer refuses to delete a customer that still has subscriptions (deleteCustomer rule 2). */
    customerId: integer()
      .notNull()
      .references(() => customers.id, { onDelete: 'restrict' }),
    /** SIMPLer `productid`. Restrict: a product in use is disabled, never deleted. */
    planId: integer()
      .notNull()
      .references(() => plans.id, { onDelete: 'restrict' }),
    /** The CRM price point bought, if any. */
    subPlanId: integer().references(() => subPlans.id, { onDelete: 'restrict' }),
    type: subscriptionType().notNull().default('recurring'),
    quantity: integer().notNull().default(1),
    /** Percent off. */
    discount: rate().notNull().default('0'),
    rounding: subscriptionRounding().notNull().default('default'),
    premium: money().notNull().default('0'),
    /** Null = the plan's price; `priceOverridden` is SIMPLer `price_changed`. */
    price: money(),
    priceOverridden: boolean().notNull().default(false),
    description: text(),
    /** SIMPLer `description_changed`. */
    descriptionOverridden: boolean().notNull().default(false),
    validFrom: date().notNull().default(sql`current_date`),
    validTo: date(),
    /** Number of billing cycles to bill; null = unlimited. */
    cycles: integer(),
    cyclesBilled: integer().notNull().default(0),
    /** SIMPLer `frequency`: billing frequency in months. */
    frequencyMonths: integer().notNull().default(1),
    /** Restrict: deleting a tax zone would silently change what these subscriptions are taxed. */
    taxZoneId: integer().references(() => taxZones.id, { onDelete: 'restrict' }),
    /** SIMPLer `tax_mode`; the `tax_mode` enum is the customer's default, reused. */
    taxMode: taxMode().notNull().default('default'),
    taxRate: rate(),
    /** SIMPLer `overage` (price per overage unit), `formula` and `overageid`: kept as given. */
    overage: money(),
    formula: text(),
    overageId: integer(),
    freeService: boolean().notNull().default(false),
    /** Next date the recurring invoicing run bills this; null once nothing more is due. */
    nextBillingDate: date(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    endedAt: timestamptz(),
  },
  (t) => [
    index('subscriptions_operator_customer_idx').on(t.operatorId, t.customerId),
    index('subscriptions_customer_idx').on(t.customerId),
    index('subscriptions_plan_idx').on(t.planId),
    index('subscriptions_sub_plan_idx').on(t.subPlanId),
    index('subscriptions_tax_zone_idx').on(t.taxZoneId),
    index('subscriptions_operator_next_billing_date_idx').on(t.operatorId, t.nextBillingDate),
    check('subscriptions_quantity_check', sql`${t.quantity} > 0`),
    check('subscriptions_discount_check', sql`${t.discount} >= 0 and ${t.discount} <= 100`),
    check('subscriptions_tax_rate_check', sql`${t.taxRate} is null or (${t.taxRate} >= 0 and ${t.taxRate} <= 100)`),
    check('subscriptions_frequency_months_check', sql`${t.frequencyMonths} > 0`),
    check(
      'subscriptions_cycles_check',
      sql`${t.cyclesBilled} >= 0 and (${t.cycles} is null or (${t.cycles} > 0 and ${t.cyclesBilled} <= ${t.cycles}))`,
    ),
    check('subscriptions_valid_range_check', sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
    check('subscriptions_price_overridden_check', sql`not ${t.priceOverridden} or ${t.price} is not null`),
    check(
      'subscriptions_description_overridden_check',
      sql`not ${t.descriptionOverridden} or ${t.description} is not null`,
    ),
  ],
);
