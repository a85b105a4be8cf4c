/**
 * Where the compiled read path (src/graphql/compiled) finds subscriptions, invoices and
 * payments, and the customer's lists of them. The lists take their filters and orderings from
 * the same functions as the resolvers (billing.mapping.ts, the *SortOf helpers), and computed
 * fields use the services' own SQL forms of their rules (activeCondition, balanceDueSql).
 */
import { asc } from 'drizzle-orm';
import { addSqlFields, mapTypeToSql, sameNamedColumns } from '../graphql/compiled/mapping';
import type { ListQuery } from '../graphql/compiled/mapping';
import { invoiceFilter, paymentFilter, subscriptionFilter } from './billing.mapping';
import { invoices } from './invoice.table';
import { balanceDueSql, invoiceConditions } from './invoice.service';
import { invoiceSortOf } from './invoice.resolver';
import type { InvoiceFilterInput, InvoiceOrder } from './invoice.types';
import { today } from './money';
import { payments } from './payment.table';
import { paymentConditions } from './payment.service';
import { paymentSortOf } from './payment.resolver';
import type { PaymentFilterInput, PaymentOrder } from './payment.types';
import { subscriptions } from './subscription.table';
import { activeCondition, subscriptionConditions } from './subscription.service';
import { subscriptionSortOf } from './subscription.resolver';
import type { SubscriptionFilterInput, SubscriptionOrder } from './subscription.types';

mapTypeToSql('Subscription', {
  table: subscriptions,
  idColumn: subscriptions.id,
  operatorColumn: subscriptions.operatorId,
  fields: {
    ...sameNamedColumns(subscriptions, [
      'type', 'quantity', 'discount', 'rounding', 'premium', 'price', 'priceOverridden', 'description', 'descriptionOverridden',
      'validFrom', 'validTo', 'cycles', 'cyclesBilled', 'frequencyMonths', 'taxMode', 'taxRate', 'overage', 'formula', 'overageId',
      'freeService', 'nextBillingDate', 'createdAt', 'endedAt',
    ]),
    active: { expression: () => activeCondition(today()) },
    plan: { one: 'Plan', via: subscriptions.planId },
    customer: { one: 'Customer', via: subscriptions.customerId },
  },
});

mapTypeToSql('Payment', {
  table: payments,
  idColumn: payments.id,
  operatorColumn: payments.operatorId,
  fields: {
    ...sameNamedColumns(payments, ['amount', 'paymentDate', 'method', 'narrative', 'reference', 'createdAt']),
    customer: { one: 'Customer', via: payments.customerId },
    invoice: { one: 'Invoice', via: payments.invoiceId },
  },
});

mapTypeToSql('Invoice', {
  table: invoices,
  idColumn: invoices.id,
  operatorColumn: invoices.operatorId,
  fields: {
    ...sameNamedColumns(invoices, ['number', 'kind', 'status', 'issueDate', 'dueDate', 'periodStart', 'periodEnd', 'subtotal', 'taxTotal', 'total', 'amountPaid', 'createdAt']),
    balanceDue: { expression: balanceDueSql },
    customer: { one: 'Customer', via: invoices.customerId },
    // The same order as paymentService.paymentsOfInvoices.
    payments: { many: 'Payment', by: payments.invoiceId, orderBy: [asc(payments.paymentDate), asc(payments.id)] },
  },
});

addSqlFields('Customer', {
  subscriptions: {
    connection: 'Subscription',
    by: subscriptions.customerId,
    query: (args, operatorId): ListQuery => ({
      where: subscriptionConditions(operatorId, subscriptionFilter(args.filter as SubscriptionFilterInput | undefined)),
      sort: subscriptionSortOf(args.orderBy as SubscriptionOrder | undefined),
      page: args,
    }),
  },
  invoices: {
    connection: 'Invoice',
    by: invoices.customerId,
    query: (args, operatorId): ListQuery => ({
      where: invoiceConditions(operatorId, invoiceFilter(args.filter as InvoiceFilterInput | undefined)),
      sort: invoiceSortOf(args.orderBy as InvoiceOrder | undefined),
      page: args,
    }),
  },
  payments: {
    connection: 'Payment',
    by: payments.customerId,
    query: (args, operatorId): ListQuery => ({
      where: paymentConditions(operatorId, paymentFilter(args.filter as PaymentFilterInput | undefined)),
      sort: paymentSortOf(args.orderBy as PaymentOrder | undefined),
      page: args,
    }),
  },
});

