/**
 * Request-scoped batch loading of billing rows, always inside the caller's operator. Paged
 * child lists (a customer's invoices…) go through src/graphql/child-connection.ts.
 */
import type { GraphQLContext } from '../graphql/context';
import { byKeys, groupByKeys } from '../graphql/loaders';
import * as collectionService from './collection.service';
import * as gracePeriodService from './grace-period.service';
import * as invoiceService from './invoice.service';
import * as planChangeService from './plan-change.service';
import * as instrumentService from './payment-instrument.service';
import * as paymentService from './payment.service';
import * as refundService from './refund.service';
import * as subscriptionService from './subscription.service';

export function subscriptionById(ctx: GraphQLContext) {
  return ctx.loaders.get<number, subscriptionService.SubscriptionRow | null>('subscription.byId', async (ids) =>
    byKeys(ids, await subscriptionService.findByIds(ctx.db, ctx.actor.operatorId, ids), (row) => row.id),
  );
}

export function invoiceById(ctx: GraphQLContext) {
  return ctx.loaders.get<number, invoiceService.InvoiceRow | null>('invoice.byId', async (ids) =>
    byKeys(ids, await invoiceService.findByIds(ctx.db, ctx.actor.operatorId, ids), (row) => row.id),
  );
}

export function paymentById(ctx: GraphQLContext) {
  return ctx.loaders.get<number, paymentService.PaymentRow | null>('payment.byId', async (ids) =>
    byKeys(ids, await paymentService.findByIds(ctx.db, ctx.actor.operatorId, ids), (row) => row.id),
  );
}

export function linesByInvoice(ctx: GraphQLContext) {
  return ctx.loaders.get<number, invoiceService.InvoiceLineRow[]>('invoiceLines.byInvoice', async (ids) =>
    groupByKeys(ids, await invoiceService.linesOfInvoices(ctx.db, ctx.actor.operatorId, ids), (row) => row.invoiceId),
  );
}

export function paymentsByInvoice(ctx: GraphQLContext) {
  return ctx.loaders.get<number, paymentService.PaymentRow[]>('payments.byInvoice', async (ids) =>
    groupByKeys(ids, await paymentService.paymentsOfInvoices(ctx.db, ctx.actor.operatorId, ids), (row) => row.invoiceId!),
  );
}

export function creditCardById(ctx: GraphQLContext) {
  return ctx.loaders.get<number, instrumentService.CreditCardRow | null>('creditCard.byId', async (ids) =>
    byKeys(ids, await instrumentService.cardsByIds(ctx.db, ctx.actor.operatorId, ids), (row) => row.id),
  );
}

export function creditCardsByCustomer(ctx: GraphQLContext) {
  return ctx.loaders.get<number, instrumentService.CreditCardRow[]>('creditCards.byCustomer', async (ids) =>
    groupByKeys(ids, await instrumentService.cardsOfCustomers(ctx.db, ctx.actor.operatorId, ids), (row) => row.customerId),
  );
}

export function bankAccountById(ctx: GraphQLContext) {
  return ctx.loaders.get<number, instrumentService.BankAccountRow | null>('bankAccount.byId', async (ids) =>
    byKeys(ids, await instrumentService.bankAccountsByIds(ctx.db, ctx.actor.operatorId, ids), (row) => row.id),
  );
}

export function bankAccountsByCustomer(ctx: GraphQLContext) {
  return ctx.loaders.get<number, instrumentService.BankAccountRow[]>('bankAccounts.byCustomer', async (ids) =>
    groupByKeys(ids, await instrumentService.bankAccountsOfCustomers(ctx.db, ctx.actor.operatorId, ids), (row) => row.customerId),
  );
}

export function planChangeById(ctx: GraphQLContext) {
  return ctx.loaders.get<number, planChangeService.PlanChangeRow | null>('planChange.byId', async (ids) =>
    byKeys(ids, await planChangeService.findByIds(ctx.db, ctx.actor.operatorId, ids), (row) => row.id),
  );
}

export function paymentCollectionById(ctx: GraphQLContext) {
  return ctx.loaders.get<number, collectionService.PaymentCollectionRow | null>('paymentCollection.byId', async (ids) =>
    byKeys(ids, await collectionService.findByIds(ctx.db, ctx.actor.operatorId, ids), (row) => row.id),
  );
}

export function gracePeriodById(ctx: GraphQLContext) {
  return ctx.loaders.get<number, gracePeriodService.GracePeriodRow | null>('gracePeriod.byId', async (ids) =>
    byKeys(ids, await gracePeriodService.findByIds(ctx.db, ctx.actor.operatorId, ids), (row) => row.id),
  );
}

export function invoiceLineById(ctx: GraphQLContext) {
  return ctx.loaders.get<number, invoiceService.InvoiceLineRow | null>('invoiceLine.byId', async (ids) =>
    byKeys(ids, await invoiceService.linesByIds(ctx.db, ctx.actor.operatorId, ids), (row) => row.id),
  );
}

export function refundById(ctx: GraphQLContext) {
  return ctx.loaders.get<number, refundService.RefundRow | null>('refund.byId', async (ids) =>
    byKeys(ids, await refundService.findByIds(ctx.db, ctx.actor.operatorId, ids), (row) => row.id),
  );
}

export function refundsByPayment(ctx: GraphQLContext) {
  return ctx.loaders.get<number, refundService.RefundRow[]>('refunds.byPayment', async (ids) =>
    groupByKeys(ids, await refundService.refundsOfPayments(ctx.db, ctx.actor.operatorId, ids), (row) => row.paymentId),
  );
}

export function refundableByPayment(ctx: GraphQLContext) {
  return ctx.loaders.get<number, { id: number; refundable: string } | null>('payments.refundable', async (ids) =>
    byKeys(ids, await refundService.refundableOf(ctx.db, ctx.actor.operatorId, ids), (row) => row.id),
  );
}
