/** The billing side of a customer: its subscriptions, invoices, payments, cards and bank accounts. */
import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Customer } from '../customers/customer.types';
import { childConnection } from '../graphql/child-connection';
import type { GraphQLContext } from '../graphql/context';
import { PageArgs } from '../graphql/page-args';
import { bankAccountsByCustomer, creditCardsByCustomer } from './billing.loaders';
import { invoices } from './invoice.table';
import { invoiceConditions } from './invoice.service';
import { payments } from './payment.table';
import { paymentConditions } from './payment.service';
import { subscriptions } from './subscription.table';
import { subscriptionConditions } from './subscription.service';
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
    @Arg('filter', () => SubscriptionFilterInput, { nullable: true, description: 'Narrows the results; every filter given must match.' }) filter?: SubscriptionFilterInput,
    @Arg('orderBy', () => SubscriptionOrder, { nullable: true, description: 'Order of the results.' }) orderBy?: SubscriptionOrder,
  ) {
    const f = subscriptionFilter(filter);
    const spec = { name: 'subscriptions.byCustomer', table: subscriptions, idColumn: subscriptions.id, parentColumn: subscriptions.customerId };
    return childConnection(ctx, { ...spec, where: subscriptionConditions(ctx.actor.operatorId, f), sort: subscriptionSortOf(orderBy) }, [f, orderBy], page, customer.legacyId, toSubscription);
  }

  @FieldResolver(() => InvoiceConnection, { description: "The customer's invoices; `filter` narrows them further." })
  async invoices(
    @Root() customer: Customer,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => InvoiceFilterInput, { nullable: true, description: 'Narrows the results; every filter given must match.' }) filter?: InvoiceFilterInput,
    @Arg('orderBy', () => InvoiceOrder, { nullable: true, description: 'Order of the results.' }) orderBy?: InvoiceOrder,
  ) {
    const f = invoiceFilter(filter);
    const spec = { name: 'invoices.byCustomer', table: invoices, idColumn: invoices.id, parentColumn: invoices.customerId };
    return childConnection(ctx, { ...spec, where: invoiceConditions(ctx.actor.operatorId, f), sort: invoiceSortOf(orderBy) }, [f, orderBy], page, customer.legacyId, toInvoice);
  }

  @FieldResolver(() => PaymentConnection, { description: "Payments received from the customer; `filter` narrows them further." })
  async payments(
    @Root() customer: Customer,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => PaymentFilterInput, { nullable: true, description: 'Narrows the results; every filter given must match.' }) filter?: PaymentFilterInput,
    @Arg('orderBy', () => PaymentOrder, { nullable: true, description: 'Order of the results.' }) orderBy?: PaymentOrder,
  ) {
    const f = paymentFilter(filter);
    const spec = { name: 'payments.byCustomer', table: payments, idColumn: payments.id, parentColumn: payments.customerId };
    return childConnection(ctx, { ...spec, where: paymentConditions(ctx.actor.operatorId, f), sort: paymentSortOf(orderBy) }, [f, orderBy], page, customer.legacyId, toPayment);
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
