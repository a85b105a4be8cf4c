/** The billing side of a customer: its subscriptions, invoices, payments, cards and bank accounts. */
import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Customer } from '../customers/customer.types';
import { toConnection } from '../graphql/connection';
import type { GraphQLContext } from '../graphql/context';
import { PageArgs } from '../graphql/page-args';
import {
  bankAccountsByCustomer,
  creditCardsByCustomer,
  invoiceCountsByCustomer,
  invoicePagesByCustomer,
  paymentCountsByCustomer,
  paymentPagesByCustomer,
  subscriptionCounts,
  subscriptionPages,
} from './billing.loaders';
import { invoiceFilter, paymentFilter, subscriptionFilter, toBankAccount, toCreditCard, toInvoice, toPayment, toSubscription } from './billing.mapping';
import { InvoiceConnection, invoiceSortOf } from './invoice.resolver';
import { InvoiceFilterInput, InvoiceOrder } from './invoice.types';
import { BankAccount, CreditCard } from './payment-instrument.types';
import { PaymentConnection, paymentSortOf } from './payment.resolver';
import { PaymentFilterInput, PaymentOrder } from './payment.types';
import { SubscriptionConnection, subscriptionSortOf } from './subscription.resolver';
import { SubscriptionFilterInput, SubscriptionOrder } from './subscription.types';

@Resolver(() => Customer)
export class CustomerBillingResolver {
  @FieldResolver(() => SubscriptionConnection, { description: "The customer's subscriptions; `filter` narrows them further." })
  async subscriptions(
    @Root() customer: Customer,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => SubscriptionFilterInput, { nullable: true }) filter?: SubscriptionFilterInput,
    @Arg('orderBy', () => SubscriptionOrder, { nullable: true }) orderBy?: SubscriptionOrder,
  ) {
    const f = subscriptionFilter(filter);
    const result = await subscriptionPages(ctx, 'customer', f, subscriptionSortOf(orderBy), page).load(customer.legacyId);
    return toConnection(result, toSubscription, () => subscriptionCounts(ctx, 'customer', f).load(customer.legacyId));
  }

  @FieldResolver(() => InvoiceConnection, { description: "The customer's invoices; `filter` narrows them further." })
  async invoices(
    @Root() customer: Customer,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => InvoiceFilterInput, { nullable: true }) filter?: InvoiceFilterInput,
    @Arg('orderBy', () => InvoiceOrder, { nullable: true }) orderBy?: InvoiceOrder,
  ) {
    const f = invoiceFilter(filter);
    const result = await invoicePagesByCustomer(ctx, f, invoiceSortOf(orderBy), page).load(customer.legacyId);
    return toConnection(result, toInvoice, () => invoiceCountsByCustomer(ctx, f).load(customer.legacyId));
  }

  @FieldResolver(() => PaymentConnection, { description: "Payments received from the customer; `filter` narrows them further." })
  async payments(
    @Root() customer: Customer,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => PaymentFilterInput, { nullable: true }) filter?: PaymentFilterInput,
    @Arg('orderBy', () => PaymentOrder, { nullable: true }) orderBy?: PaymentOrder,
  ) {
    const f = paymentFilter(filter);
    const result = await paymentPagesByCustomer(ctx, f, paymentSortOf(orderBy), page).load(customer.legacyId);
    return toConnection(result, toPayment, () => paymentCountsByCustomer(ctx, f).load(customer.legacyId));
  }

  @FieldResolver(() => [CreditCard], { description: 'Stored cards, the preferred one first.' })
  async creditCards(@Root() customer: Customer, @Ctx() ctx: GraphQLContext): Promise<CreditCard[]> {
    return (await creditCardsByCustomer(ctx).load(customer.legacyId)).map(toCreditCard);
  }

  @FieldResolver(() => [BankAccount], { description: 'Bank / EFT accounts, the preferred one first.' })
  async bankAccounts(@Root() customer: Customer, @Ctx() ctx: GraphQLContext): Promise<BankAccount[]> {
    return (await bankAccountsByCustomer(ctx).load(customer.legacyId)).map(toBankAccount);
  }
}
