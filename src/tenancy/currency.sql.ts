/**
 * The compiled read path's `currencyCode` of the money-bearing types: the currency of the
 * operator owning the row (the caller's, as every row the path reads is scoped to it).
 */
import { sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { invoices } from '../billing/invoice.table';
import { paymentCollections } from '../billing/payment-collection.table';
import { payments } from '../billing/payment.table';
import { refunds } from '../billing/refund.table';
import { renewals } from '../billing/renewal.table';
import { subscriptions } from '../billing/subscription.table';
import { plans } from '../catalog/plan.table';
import { customers } from '../customers/customer.table';
import { addSqlFields } from '../graphql/compiled/mapping';
import { resellers } from '../resellers/reseller.table';
import { operators } from './operator.table';

const currencyOf = (operatorColumn: PgColumn) => ({
  currencyCode: { expression: () => sql`(select ${operators.currency} from ${operators} where ${operators.id} = ${operatorColumn})` },
});

addSqlFields('Customer', currencyOf(customers.operatorId));
addSqlFields('Invoice', currencyOf(invoices.operatorId));
addSqlFields('Payment', currencyOf(payments.operatorId));
addSqlFields('Subscription', currencyOf(subscriptions.operatorId));
addSqlFields('Plan', currencyOf(plans.operatorId));
addSqlFields('Reseller', currencyOf(resellers.operatorId));
addSqlFields('PaymentCollection', currencyOf(paymentCollections.operatorId));
addSqlFields('Renewal', currencyOf(renewals.operatorId));
addSqlFields('Refund', currencyOf(refunds.operatorId));
