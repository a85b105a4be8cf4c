/** The GraphQL resolvers of this area, gathered by src/graphql/schema.ts. */
// The compiled read path's mappings of this area's types (side effect: they register).
import './billing.sql';
import './billing-records.sql';
import './refund.sql';
import { BillingActionsResolver, CustomerPlanChangesResolver, PaymentCollectionResolver, PlanChangeResolver } from './billing-actions.resolver';
import { CustomerBillingResolver } from './customer-billing.resolver';
import { InvoiceLineResolver, InvoiceResolver } from './invoice.resolver';
import { BankAccountResolver, CreditCardResolver } from './payment-instrument.resolver';
import { PaymentResolver } from './payment.resolver';
import { PlanBillingResolver } from './plan-billing.resolver';
import { CustomerRefundsResolver, PaymentRefundsResolver, RefundResolver } from './refund.resolver';
import { SubscriptionResolver } from './subscription.resolver';
import { CollectionQueriesResolver, CustomerRenewalsResolver, RenewalResolver } from './renewal.resolver';

export const billingResolvers: Function[] = [
  SubscriptionResolver,
  InvoiceResolver,
  InvoiceLineResolver,
  PaymentResolver,
  CreditCardResolver,
  BankAccountResolver,
  CustomerBillingResolver,
  PlanBillingResolver,
  BillingActionsResolver,
  PlanChangeResolver,
  PaymentCollectionResolver,
  CustomerPlanChangesResolver,
  CustomerRenewalsResolver,
  RenewalResolver,
  CollectionQueriesResolver,
  RefundResolver,
  PaymentRefundsResolver,
  CustomerRefundsResolver,
];
