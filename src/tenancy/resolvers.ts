/** The GraphQL resolvers of this area, gathered by src/graphql/schema.ts. */
// The compiled read path's mappings of this area's fields (side effect: they register).
import './currency.sql';
import { Invoice } from '../billing/invoice.types';
import { PaymentCollection } from '../billing/payment-collection.types';
import { Payment } from '../billing/payment.types';
import { Refund } from '../billing/refund.types';
import { Renewal } from '../billing/renewal.types';
import { Subscription } from '../billing/subscription.types';
import { Plan, SubPlan } from '../catalog/plan.types';
import { Customer } from '../customers/customer.types';
import { Reseller, WalletTransaction } from '../resellers/reseller.types';
import { ApiCredentialResolver } from './api-credential.resolver';
import { ApiTokenResolver } from './api-token.resolver';
import { AuditEventResolver } from './audit-event.resolver';
import { StaffSessionResolver } from './staff-session.resolver';
import { StaffUserResolver } from './staff-user.resolver';
import { currencyCodeResolver, OperatorWritesResolver, ViewerResolver } from './viewer.resolver';

/** Types whose amounts name their currency (`currencyCode`). */
const MONEY_TYPES: [Function, string][] = [
  [Customer, 'customer'], [Invoice, 'invoice'], [Payment, 'payment'], [Subscription, 'subscription'], [Plan, 'plan'], [SubPlan, 'price point'],
  [Reseller, 'reseller'], [WalletTransaction, 'wallet entry'], [PaymentCollection, 'collection'], [Renewal, 'renewal'],
  [Refund, 'refund'],
];

export const tenancyResolvers: Function[] = [
  StaffUserResolver, StaffSessionResolver, ApiTokenResolver, ApiCredentialResolver, AuditEventResolver, ViewerResolver, OperatorWritesResolver,
  ...MONEY_TYPES.map(([type, name]) => currencyCodeResolver(type, name)),
];
