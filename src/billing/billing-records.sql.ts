/**
 * Where the compiled read path (src/graphql/compiled) finds a customer's stored payment
 * instruments, pending plan changes, field collections, grace periods, renewals and overage
 * allowances: the same rows, in the same orders, as the services the resolvers' loaders call
 * (payment-instrument, plan-change, collection, grace-period, renewal, overage-allowance).
 * Card and account tokens are never mapped.
 */
import { asc, desc } from 'drizzle-orm';
import { overageAllowances } from '../catalog/overage-allowance.table';
import { addressSql } from '../graphql/address';
import { addSqlFields, mapTypeToSql, sameNamedColumns, type ListQuery } from '../graphql/compiled/mapping';
import { customerCollectionsQuery, type CollectionSortField } from './collection.service';
import { customerGracePeriodsQuery, type GracePeriodSortField } from './grace-period.service';
import { customerOverageAllowancesQuery, type OverageAllowanceSortField } from '../catalog/overage-allowance.service';
import { bankAccounts } from './bank-account.table';
import { creditCards } from './credit-card.table';
import { gracePeriods } from './grace-period.table';
import { paymentCollections } from './payment-collection.table';
import { planChanges } from './plan-change.table';
import { customerPendingPlanChangesQuery, type PlanChangeSortField } from './plan-change.service';
import { renewals } from './renewal.table';
import { customerRenewalsQuery, type RenewalSortField } from './renewal.service';

mapTypeToSql('CreditCard', {
  table: creditCards,
  idColumn: creditCards.id,
  operatorColumn: creditCards.operatorId,
  fields: {
    ...sameNamedColumns(creditCards, [
      'last4', 'moduleId', 'expMonth', 'expYear', 'cardType', 'autoPayment', 'preferred', 'holderName', 'firstName', 'lastName', 'createdAt',
    ]),
    // billing.mapping.ts CARD_ADDRESS
    address: addressSql({
      street1: creditCards.street1,
      street2: creditCards.street2,
      town: creditCards.city,
      county: creditCards.county,
      postcode: creditCards.zip,
      state: creditCards.state,
      country: creditCards.country,
    }),
    customer: { one: 'Customer', via: creditCards.customerId },
  },
});

mapTypeToSql('BankAccount', {
  table: bankAccounts,
  idColumn: bankAccounts.id,
  operatorColumn: bankAccounts.operatorId,
  fields: {
    ...sameNamedColumns(bankAccounts, [
      'last4', 'sortCode', 'onlineRef', 'accountName', 'accountType', 'autoPayment', 'preferred', 'detailsChanged', 'moduleId', 'sepaBic',
      'ibanLast4', 'ibanCountry', 'sepaDebtorName', 'sepaCountry', 'sepaRemittanceData', 'sepaSequenceType', 'sepaSignatureDate', 'createdAt',
    ]),
    customer: { one: 'Customer', via: bankAccounts.customerId },
  },
});

mapTypeToSql('PlanChange', {
  table: planChanges,
  idColumn: planChanges.id,
  operatorColumn: planChanges.operatorId,
  fields: {
    ...sameNamedColumns(planChanges, ['timing', 'effectiveAt', 'clearDataUsage', 'clearPolicies', 'moveBilling', 'appliedAt', 'createdAt']),
    customer: { one: 'Customer', via: planChanges.customerId },
    fromPlan: { one: 'Plan', via: planChanges.fromPlanId },
    toPlan: { one: 'Plan', via: planChanges.toPlanId },
  },
});

mapTypeToSql('PaymentCollection', {
  table: paymentCollections,
  idColumn: paymentCollections.id,
  operatorColumn: paymentCollections.operatorId,
  fields: {
    ...sameNamedColumns(paymentCollections, [
      'status', 'amount', 'method', 'bank', 'chequeNumber', 'chequeDate', 'cardLast4', 'cardExpiration', 'notes', 'bringChangeFor', 'decidedAt', 'createdAt',
    ]),
    customer: { one: 'Customer', via: paymentCollections.customerId },
    payment: { one: 'Payment', via: paymentCollections.paymentId },
  },
});

mapTypeToSql('GracePeriod', {
  table: gracePeriods,
  idColumn: gracePeriods.id,
  operatorColumn: gracePeriods.operatorId,
  fields: sameNamedColumns(gracePeriods, ['days', 'previousExpiresAt', 'newExpiresAt', 'createdAt']),
});

mapTypeToSql('Renewal', {
  table: renewals,
  idColumn: renewals.id,
  operatorColumn: renewals.operatorId,
  fields: {
    ...sameNamedColumns(renewals, ['renewalPeriod', 'amount', 'planRate', 'taxAmount', 'activeSince', 'activeUntil', 'notes', 'performedBy', 'createdAt']),
    previousPlan: { one: 'Plan', via: renewals.previousPlanId },
    presentPlan: { one: 'Plan', via: renewals.presentPlanId },
  },
});

mapTypeToSql('OverageAllowance', {
  table: overageAllowances,
  idColumn: overageAllowances.id,
  operatorColumn: overageAllowances.operatorId,
  fields: sameNamedColumns(overageAllowances, ['trafficLimitGb', 'usedGb', 'method', 'createdAt']),
});

// Each list in its service's order (the per-customer part of it).
addSqlFields('Customer', {
  creditCards: { many: 'CreditCard', by: creditCards.customerId, orderBy: [desc(creditCards.preferred), asc(creditCards.id)] },
  bankAccounts: { many: 'BankAccount', by: bankAccounts.customerId, orderBy: [desc(bankAccounts.preferred), asc(bankAccounts.id)] },
  pendingPlanChanges: {
    connection: 'PlanChange',
    by: planChanges.customerId,
    query: (args, operatorId): ListQuery => {
      const orderBy = args.orderBy as { field: PlanChangeSortField; direction?: 'asc' | 'desc' } | undefined;
      return { ...customerPendingPlanChangesQuery(operatorId, orderBy?.field, orderBy?.direction), page: args };
    },
  },
  paymentCollections: {
    connection: 'PaymentCollection',
    by: paymentCollections.customerId,
    query: (args, operatorId): ListQuery => {
      const orderBy = args.orderBy as { field: CollectionSortField; direction?: 'asc' | 'desc' } | undefined;
      return { ...customerCollectionsQuery(operatorId, orderBy?.field, orderBy?.direction), page: args };
    },
  },
  gracePeriods: {
    connection: 'GracePeriod',
    by: gracePeriods.customerId,
    query: (args, operatorId): ListQuery => {
      const orderBy = args.orderBy as { field: GracePeriodSortField; direction?: 'asc' | 'desc' } | undefined;
      return { ...customerGracePeriodsQuery(operatorId, orderBy?.field, orderBy?.direction), page: args };
    },
  },
  renewals: {
    connection: 'Renewal',
    by: renewals.customerId,
    query: (args, operatorId): ListQuery => {
      const orderBy = args.orderBy as { field: RenewalSortField; direction?: 'asc' | 'desc' } | undefined;
      return { ...customerRenewalsQuery(operatorId, orderBy?.field, orderBy?.direction), page: args };
    },
  },
  overageAllowances: {
    connection: 'OverageAllowance',
    by: overageAllowances.customerId,
    query: (args, operatorId): ListQuery => {
      const orderBy = args.orderBy as { field: OverageAllowanceSortField; direction?: 'asc' | 'desc' } | undefined;
      return { ...customerOverageAllowancesQuery(operatorId, orderBy?.field, orderBy?.direction), page: args };
    },
  },
});
