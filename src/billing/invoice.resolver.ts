/** GraphQL adapter for invoices: parse, call the invoice service, format. */
import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { loadCustomer } from '../customers/customer.resolver';
import { Customer } from '../customers/customer.types';
import { ConnectionType, toConnection } from '../graphql/connection';
import type { GraphQLContext } from '../graphql/context';
import { idOf, optionalIdOf } from '../graphql/ids';
import { registerNodeType } from '../graphql/node';
import { PageArgs } from '../graphql/page-args';
import { SortDirection } from '../graphql/sort-direction';
import { mutate } from '../graphql/user-error';
import { DomainError } from '../shared/errors';
import { invoiceById, invoiceLineById, linesByInvoice, paymentById, paymentsByInvoice, subscriptionById } from './billing.loaders';
import { fromInvoicePayInput, invoiceFilter, toInvoice, toInvoiceLine, toPayment, toSubscription } from './billing.mapping';
import * as invoiceService from './invoice.service';
import * as invoicingService from './invoicing.service';
import {
  Invoice,
  InvoiceCreateInput,
  InvoiceCreatePayload,
  InvoiceFilterInput,
  InvoiceLine,
  InvoiceOrder,
  InvoiceOrderField,
  InvoicePayInput,
  InvoicePayPayload,
  InvoiceVoidInput,
  InvoiceVoidPayload,
} from './invoice.types';
import { Payment } from './payment.types';
import { Subscription } from './subscription.types';

export const InvoiceConnection = ConnectionType('Invoice', Invoice);

export function invoiceSortOf(orderBy: InvoiceOrder | null | undefined) {
  return invoiceService.invoiceSort(orderBy?.field ?? InvoiceOrderField.ID, orderBy?.direction ?? SortDirection.ASC);
}

async function loadInvoice(ctx: GraphQLContext, id: number): Promise<Invoice | null> {
  const row = await invoiceById(ctx).load(id);
  return row ? toInvoice(row) : null;
}

registerNodeType('Invoice', loadInvoice);
registerNodeType('InvoiceLine', async (ctx, id) => {
  const row = await invoiceLineById(ctx).load(id);
  return row ? toInvoiceLine(row) : null;
});

@Resolver(() => Invoice)
export class InvoiceResolver {
  @Query(() => InvoiceConnection, { nullable: true, description: "The operator's invoices, filtered and ordered." })
  async invoices(
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => InvoiceFilterInput, { nullable: true, description: 'Narrows the results; every filter given must match.' }) filter?: InvoiceFilterInput,
    @Arg('orderBy', () => InvoiceOrder, { nullable: true, description: 'Order of the results.' }) orderBy?: InvoiceOrder,
  ) {
    const { page: result, count } = await invoiceService.list(ctx, invoiceFilter(filter), invoiceSortOf(orderBy), page);
    for (const row of result.nodes) invoiceById(ctx).prime(row.id, row);
    return toConnection(result, toInvoice, count);
  }

  @Query(() => Invoice, { nullable: true, description: 'One invoice, by global id, legacy numeric id or invoice number (SIMPLer invoiceNo).' })
  async invoice(
    @Ctx() ctx: GraphQLContext,
    @Arg('id', () => ID, { nullable: true, description: 'Global id of the invoice.' }) id?: string,
    @Arg('legacyId', () => Int, { nullable: true, description: 'Legacy numeric id of the invoice.' }) legacyId?: number,
    @Arg('number', () => Int, { nullable: true, description: 'Invoice number (SIMPLer invoiceNo).' }) number?: number,
  ): Promise<Invoice | null> {
    if ([id, legacyId, number].filter((v) => v != null).length !== 1) throw new DomainError('INVALID', 'give exactly one of `id`, `legacyId` and `number`');
    if (number != null) {
      const row = await invoiceService.findByNumber(ctx.db, ctx.actor.operatorId, number);
      if (!row) return null;
      invoiceById(ctx).prime(row.id, row);
      return toInvoice(row);
    }
    return loadInvoice(ctx, id != null ? idOf(id, 'Invoice', ['id']) : legacyId!);
  }

  @FieldResolver(() => Customer, { description: 'The customer billed.' })
  customer(@Root() invoice: Invoice, @Ctx() ctx: GraphQLContext) {
    return loadCustomer(ctx, invoice.customerId);
  }

  @FieldResolver(() => [InvoiceLine], { description: 'The billed items, in the order written.' })
  async lines(@Root() invoice: Invoice, @Ctx() ctx: GraphQLContext): Promise<InvoiceLine[]> {
    return (await linesByInvoice(ctx).load(invoice.legacyId)).map(toInvoiceLine);
  }

  @FieldResolver(() => [Payment], { description: 'Payments against this invoice, oldest first.' })
  async payments(@Root() invoice: Invoice, @Ctx() ctx: GraphQLContext): Promise<Payment[]> {
    return (await paymentsByInvoice(ctx).load(invoice.legacyId)).map(toPayment);
  }

  @Mutation(() => InvoicePayPayload, {
    description: 'Records a payment against an invoice (SIMPLer payInvoice); the invoice becomes partially paid or paid. Overpayment is refused.',
  })
  async invoicePay(@Arg('input', () => InvoicePayInput, { description: 'The invoice and the payment.' }) input: InvoicePayInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const { invoice, payment } = await invoiceService.pay(ctx, fromInvoicePayInput(input));
      // Later fields of this request must see the new state, not a row cached before the payment.
      invoiceById(ctx).clear(invoice.id).prime(invoice.id, invoice);
      paymentById(ctx).prime(payment.id, payment);
      paymentsByInvoice(ctx).clear(invoice.id);
      return { invoice: toInvoice(invoice), payment: toPayment(payment) };
    }, { invoice: null, payment: null });
  }

  @Mutation(() => InvoiceCreatePayload, { description: 'Raises an invoice by hand, with its lines (kind MANUAL).' })
  async invoiceCreate(@Arg('input', () => InvoiceCreateInput, { description: 'The new invoice and its lines.' }) input: InvoiceCreateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const row = await invoicingService.createManual(ctx, { ...input, customerId: idOf(input.customerId, 'Customer', ['customerId']) });
      return { invoice: toInvoice(row) };
    }, { invoice: null });
  }

  @Mutation(() => InvoiceVoidPayload, { description: 'Voids an invoice with nothing paid on it; it keeps its number and lines but is no longer owed.' })
  async invoiceVoid(@Arg('input', () => InvoiceVoidInput, { description: 'The invoice to void.' }) input: InvoiceVoidInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const row = await invoiceService.voidInvoice(ctx, idOf(input.id, 'Invoice', ['id']));
      invoiceById(ctx).clear(row.id).prime(row.id, row);
      return { invoice: toInvoice(row) };
    }, { invoice: null });
  }
}

@Resolver(() => InvoiceLine)
export class InvoiceLineResolver {
  @FieldResolver(() => Subscription, { nullable: true, description: 'The subscription billed; null once it has been deleted.' })
  async subscription(@Root() line: InvoiceLine, @Ctx() ctx: GraphQLContext): Promise<Subscription | null> {
    if (line.subscriptionId == null) return null;
    const row = await subscriptionById(ctx).load(line.subscriptionId);
    return row ? toSubscription(row) : null;
  }
}
