/**
 * GraphQL adapter for billing writes: invoicing runs, cards and bank accounts, plan changes,
 * grace periods and field payment collections. Parse, call the service, format.
 */
import { Arg, Args, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { childConnection } from '../graphql/child-connection';
import { ConnectionType } from '../graphql/connection';
import { PageArgs } from '../graphql/page-args';
import { paymentCollections } from './payment-collection.table';
import { gracePeriods } from './grace-period.table';
import { planChanges } from './plan-change.table';
import { loadPlan } from '../catalog/plan.resolver';
import { Plan } from '../catalog/plan.types';
import { customerById } from '../customers/customer.loaders';
import { loadCustomer } from '../customers/customer.resolver';
import { Customer } from '../customers/customer.types';
import type { GraphQLContext } from '../graphql/context';
import { DeleteTypes, deleteMutation } from '../graphql/delete';
import { addressRename } from '../graphql/address';
import { idOf, optionalIdOf } from '../graphql/ids';
import { registerNodeType } from '../graphql/node';
import { mutate } from '../graphql/user-error';
import { staffUserById, toStaffUser } from '../tenancy/staff-user.resolver';
import {
  bankAccountById,
  bankAccountsByCustomer,
  creditCardById,
  creditCardsByCustomer,
  gracePeriodById,
  invoiceById,
  paymentById,
  paymentCollectionById,
  paymentsByInvoice,
  planChangeById,
} from './billing.loaders';
import {
  fromBankAccountCreateFromDetailsInput,
  fromBankAccountCreateInput,
  CARD_ADDRESS,
  fromCreditCardCreateInput,
  toBankAccount,
  toCreditCard,
  toGracePeriod,
  toInvoice,
  toPayment,
  toPaymentCollection,
  toPlanChange,
} from './billing.mapping';
import * as collectionService from './collection.service';
import * as gracePeriodService from './grace-period.service';
import * as invoicingService from './invoicing.service';
import * as instrumentService from './payment-instrument.service';
import * as planChangeService from './plan-change.service';
import { InvoicesGenerateInput, InvoicesGeneratePayload } from './invoice.types';
import {
  BankAccountCreateFromDetailsInput,
  BankAccountCreateFromDetailsPayload,
  BankAccountCreateInput,
  BankAccountCreatePayload,
  CreditCardCreateInput,
  CreditCardCreatePayload,
} from './payment-instrument.types';
import {
  PaymentCollection,
  PaymentCollectionOrder,
  PaymentCollectionApproveInput,
  PaymentCollectionApprovePayload,
  PaymentCollectionCollectInput,
  PaymentCollectionDisapproveInput,
  CustomerCollectorAssignInput,
  CustomerCollectorAssignPayload,
  PaymentCollectionCollectPayload,
  PaymentCollectionDisapprovePayload,
  PaymentCollectionRequestPayload,
  PaymentCollectionRequestInput,
} from './payment-collection.types';
import { Payment } from './payment.types';
import {
  CustomerGracePeriodCreateInput,
  CustomerGracePeriodCreatePayload,
  CustomerPlanChangeInput,
  CustomerPlanChangePayload,
  GracePeriod,
  GracePeriodOrder,
  PlanChangeOrder,
  PlanChange,
} from './plan-change.types';

registerNodeType('GracePeriod', async (ctx, id) => {
  const row = await gracePeriodById(ctx).load(id);
  return row ? toGracePeriod(row) : null;
});
registerNodeType('PlanChange', async (ctx, id) => {
  const row = await planChangeById(ctx).load(id);
  return row ? toPlanChange(row) : null;
});
registerNodeType('PaymentCollection', async (ctx, id) => {
  const row = await paymentCollectionById(ctx).load(id);
  return row ? toPaymentCollection(row) : null;
});

/** The customer as it is after a write (not a row cached earlier in the request). */
async function freshCustomer(ctx: GraphQLContext, id: number): Promise<Customer | null> {
  customerById(ctx).clear(id);
  return loadCustomer(ctx, id);
}

const CreditCardDelete = DeleteTypes('CreditCard', 'credit card');
const BankAccountDelete = DeleteTypes('BankAccount', 'bank account');
const PlanChangeDelete = DeleteTypes('PlanChange', 'plan change');

@Resolver()
export class BillingActionsResolver {
  @Mutation(() => InvoicesGeneratePayload, {
    description:
      'Runs invoicing (SIMPLer generateInvoices): one invoice per customer with what is due, billing dates moved on, in one transaction. Running it twice on a day bills nothing twice.',
  })
  async invoicesGenerate(@Arg('input', () => InvoicesGenerateInput, { description: 'What to bill, and as of when.' }) input: InvoicesGenerateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const rows = await invoicingService.generate(ctx, {
        kind: input.kind as invoicingService.InvoicingKind | null | undefined,
        customerId: optionalIdOf(input.customerId, 'Customer', ['customerId']),
        asOf: input.asOf,
        idempotencyKey: input.idempotencyKey,
      });
      for (const row of rows) invoiceById(ctx).clear(row.id).prime(row.id, row);
      return { invoices: rows.map(toInvoice) };
    }, { invoices: null });
  }

  @Mutation(() => CreditCardCreatePayload, { description: 'Adds a tokenised card to a customer (SIMPLer addCreditCardToken).' })
  async creditCardCreate(@Arg('input', () => CreditCardCreateInput, { description: 'The tokenised card.' }) input: CreditCardCreateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const row = await instrumentService.addCard(ctx, fromCreditCardCreateInput(input));
      creditCardById(ctx).prime(row.id, row);
      creditCardsByCustomer(ctx).clear(row.customerId);
      return { creditCard: toCreditCard(row) };
    }, { creditCard: null }, { rename: addressRename(CARD_ADDRESS, 'address') });
  }

  @Mutation(() => CreditCardDelete.Payload, { description: 'Removes a stored card.' })
  async creditCardDelete(@Arg('input', () => CreditCardDelete.Input, { description: 'The card to remove.' }) input: InstanceType<typeof CreditCardDelete.Input>, @Ctx() ctx: GraphQLContext) {
    return deleteMutation('CreditCard', input, (id) => instrumentService.deleteCard(ctx, id));
  }

  @Mutation(() => BankAccountCreatePayload, { description: 'Adds a tokenised bank account (SIMPLer addEFTToken).' })
  async bankAccountCreate(@Arg('input', () => BankAccountCreateInput, { description: 'The tokenised bank account.' }) input: BankAccountCreateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const row = await instrumentService.addBankToken(ctx, fromBankAccountCreateInput(input));
      bankAccountById(ctx).prime(row.id, row);
      bankAccountsByCustomer(ctx).clear(row.customerId);
      return { bankAccount: toBankAccount(row) };
    }, { bankAccount: null });
  }

  @Mutation(() => BankAccountCreateFromDetailsPayload, {
    description: 'Adds a bank account from full details (SIMPLer addEFT). The account number and IBAN are tokenised; neither is stored.',
  })
  async bankAccountCreateFromDetails(@Arg('input', () => BankAccountCreateFromDetailsInput, { description: 'The full bank details.' }) input: BankAccountCreateFromDetailsInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const row = await instrumentService.addBankDetails(ctx, fromBankAccountCreateFromDetailsInput(input));
      bankAccountById(ctx).prime(row.id, row);
      bankAccountsByCustomer(ctx).clear(row.customerId);
      return { bankAccount: toBankAccount(row) };
    }, { bankAccount: null });
  }

  @Mutation(() => BankAccountDelete.Payload, { description: 'Removes a stored bank account.' })
  async bankAccountDelete(@Arg('input', () => BankAccountDelete.Input, { description: 'The bank account to remove.' }) input: InstanceType<typeof BankAccountDelete.Input>, @Ctx() ctx: GraphQLContext) {
    return deleteMutation('BankAccount', input, (id) => instrumentService.deleteBankAccount(ctx, id));
  }

  @Mutation(() => PlanChangeDelete.Payload, {
    description: 'Cancels a plan change that has not been applied yet (the customer stays on its plan); an applied one is history and is refused (PRECONDITION_FAILED).',
  })
  planChangeDelete(@Arg('input', () => PlanChangeDelete.Input, { description: 'The pending plan change to cancel.' }) input: InstanceType<typeof PlanChangeDelete.Input>, @Ctx() ctx: GraphQLContext) {
    return deleteMutation('PlanChange', input, (id) => planChangeService.cancel(ctx, id));
  }

  @Mutation(() => CustomerPlanChangePayload, { description: 'Moves a customer to another plan now, back-dated to the cycle start, at the next cycle or on a date (Jaze move_group).' })
  async customerPlanChange(@Arg('input', () => CustomerPlanChangeInput, { description: 'The customer, the new plan and when.' }) input: CustomerPlanChangeInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const row = await planChangeService.move(ctx, {
        ...input,
        customerId: idOf(input.customerId, 'Customer', ['customerId']),
        planId: idOf(input.planId, 'Plan', ['planId']),
      });
      // The payload's customer reads its pending changes through loaders made after this write (one per argument set).
      planChangeById(ctx).prime(row.id, row);
      return { planChange: toPlanChange(row), customer: await freshCustomer(ctx, row.customerId) };
    }, { planChange: null, customer: null });
  }

  @Mutation(() => CustomerGracePeriodCreatePayload, { description: "Extends a customer's service by some days or to a date (Jaze add_grace_period)." })
  async customerGracePeriodCreate(@Arg('input', () => CustomerGracePeriodCreateInput, { description: 'The customer and how long to extend.' }) input: CustomerGracePeriodCreateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const { gracePeriod } = await gracePeriodService.add(ctx, { ...input, customerId: idOf(input.customerId, 'Customer', ['customerId']) });
      return { gracePeriod: toGracePeriod(gracePeriod), customer: await freshCustomer(ctx, gracePeriod.customerId) };
    }, { gracePeriod: null, customer: null });
  }

  @Mutation(() => PaymentCollectionRequestPayload, { description: 'Asks for a collector to visit the customer (Jaze payment_collection_request).' })
  async paymentCollectionRequest(@Arg('input', () => PaymentCollectionRequestInput, { description: 'The customer to visit.' }) input: PaymentCollectionRequestInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const row = await collectionService.request(ctx, { ...input, customerId: idOf(input.customerId, 'Customer', ['customerId']) });
      return { paymentCollection: toPaymentCollection(row) };
    }, { paymentCollection: null });
  }

  @Mutation(() => PaymentCollectionCollectPayload, { description: "Records the collector's outcome (Jaze collect_user_payment)." })
  async paymentCollectionCollect(@Arg('input', () => PaymentCollectionCollectInput, { description: "The collector's report." }) input: PaymentCollectionCollectInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const { collectorId, ...rest } = input;
      const row = await collectionService.collect(ctx, {
        ...rest,
        customerId: idOf(input.customerId, 'Customer', ['customerId']),
        collectorStaffId: optionalIdOf(collectorId, 'StaffUser', ['collectorId']),
        statusOfCollection: input.statusOfCollection as collectionService.CollectionOutcome,
        method: input.method as collectionService.CollectionMethod | null | undefined,
      });
      paymentCollectionById(ctx).clear(row.id).prime(row.id, row);
      return { paymentCollection: toPaymentCollection(row) };
    }, { paymentCollection: null }, { rename: { collectorStaffId: 'collectorId' } });
  }

  @Mutation(() => PaymentCollectionApprovePayload, {
    description: "Approves a collected payment (Jaze collection_approval): records it as payments, settling the customer's oldest open invoices first.",
  })
  async paymentCollectionApprove(@Arg('input', () => PaymentCollectionApproveInput, { description: 'The collection and the approved amount.' }) input: PaymentCollectionApproveInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const { collection, payments } = await collectionService.approve(ctx, {
        ...input,
        customerId: idOf(input.customerId, 'Customer', ['customerId']),
        collectionId: idOf(input.collectionId, 'PaymentCollection', ['collectionId']),
      });
      paymentCollectionById(ctx).clear(collection.id).prime(collection.id, collection);
      for (const p of payments) {
        paymentById(ctx).prime(p.id, p);
        if (p.invoiceId != null) {
          invoiceById(ctx).clear(p.invoiceId);
          paymentsByInvoice(ctx).clear(p.invoiceId);
        }
      }
      return { paymentCollection: toPaymentCollection(collection), payments: payments.map(toPayment) };
    }, { paymentCollection: null, payments: null });
  }

  @Mutation(() => CustomerCollectorAssignPayload, { description: "Puts a customer on a collector's round, replacing any other collector (Jaze assign_users_to_admin)." })
  async customerCollectorAssign(@Arg('input', () => CustomerCollectorAssignInput, { description: 'The customer and the collector.' }) input: CustomerCollectorAssignInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const customerId = idOf(input.customerId, 'Customer', ['customerId']);
      const staffUserId = idOf(input.collectorId, 'StaffUser', ['collectorId']);
      const { previousStaffUserIds } = await collectionService.assignToCollector(ctx, { customerId, staffUserId });
      const [collector, ...previous] = await staffUserById(ctx).loadMany([staffUserId, ...previousStaffUserIds]);
      const staff = (row: unknown) => (row && !(row instanceof Error) ? toStaffUser(row as Parameters<typeof toStaffUser>[0]) : null);
      return {
        customer: await loadCustomer(ctx, customerId),
        collector: staff(collector),
        previousCollectors: previous.map(staff).filter((u): u is NonNullable<typeof u> => u !== null),
      };
    }, { customer: null, collector: null, previousCollectors: null }, { rename: { staffUserId: 'collectorId' } });
  }

  @Mutation(() => PaymentCollectionDisapprovePayload, { description: 'Refuses a collection (Jaze collection_disapproval).' })
  async paymentCollectionDisapprove(@Arg('input', () => PaymentCollectionDisapproveInput, { description: 'The collection to refuse, and why.' }) input: PaymentCollectionDisapproveInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const row = await collectionService.disapprove(ctx, {
        ...input,
        customerId: idOf(input.customerId, 'Customer', ['customerId']),
        collectionId: idOf(input.collectionId, 'PaymentCollection', ['collectionId']),
      });
      paymentCollectionById(ctx).clear(row.id).prime(row.id, row);
      return { paymentCollection: toPaymentCollection(row) };
    }, { paymentCollection: null });
  }
}

@Resolver(() => PlanChange)
export class PlanChangeResolver {
  @FieldResolver(() => Customer, { description: 'The customer moved.' })
  customer(@Root() change: PlanChange, @Ctx() ctx: GraphQLContext) {
    return loadCustomer(ctx, change.customerId);
  }

  @FieldResolver(() => Plan, { nullable: true, description: 'The plan moved from; null if none or deleted.' })
  fromPlan(@Root() change: PlanChange, @Ctx() ctx: GraphQLContext) {
    return loadPlan(ctx, change.fromPlanId);
  }

  @FieldResolver(() => Plan, { description: 'The plan moved to.' })
  toPlan(@Root() change: PlanChange, @Ctx() ctx: GraphQLContext) {
    return loadPlan(ctx, change.toPlanId);
  }
}

@Resolver(() => PaymentCollection)
export class PaymentCollectionResolver {
  @FieldResolver(() => Customer, { description: 'The customer who paid.' })
  customer(@Root() collection: PaymentCollection, @Ctx() ctx: GraphQLContext) {
    return loadCustomer(ctx, collection.customerId);
  }

  @FieldResolver(() => Payment, { nullable: true, description: 'The first payment recorded when approved.' })
  async payment(@Root() collection: PaymentCollection, @Ctx() ctx: GraphQLContext): Promise<Payment | null> {
    if (collection.paymentId == null) return null;
    const row = await paymentById(ctx).load(collection.paymentId);
    return row ? toPayment(row) : null;
  }
}

const PaymentCollectionConnection = ConnectionType('PaymentCollection', PaymentCollection);
const GracePeriodConnection = ConnectionType('GracePeriod', GracePeriod);
const PlanChangeConnection = ConnectionType('PlanChange', PlanChange);

@Resolver(() => Customer)
export class CustomerPlanChangesResolver {
  @FieldResolver(() => PlanChangeConnection, { description: 'Plan changes recorded but not applied yet, soonest first unless ordered otherwise.' })
  async pendingPlanChanges(
    @Root() customer: Customer,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
    @Arg('orderBy', () => PlanChangeOrder, { nullable: true, description: 'How to sort the list; soonest first when omitted.' }) orderBy?: PlanChangeOrder,
  ) {
    return childConnection(
      ctx,
      {
        name: 'planChanges.pendingByCustomer',
        table: planChanges,
        idColumn: planChanges.id,
        parentColumn: planChanges.customerId,
        ...planChangeService.customerPendingPlanChangesQuery(ctx.actor.operatorId, orderBy?.field, orderBy?.direction),
      },
      { orderBy },
      page,
      customer.legacyId,
      toPlanChange,
    );
  }

  @FieldResolver(() => PaymentCollectionConnection, { description: 'Field payment collections, newest first unless ordered otherwise.' })
  async paymentCollections(
    @Root() customer: Customer,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
    @Arg('orderBy', () => PaymentCollectionOrder, { nullable: true, description: 'How to sort the list; newest first when omitted.' }) orderBy?: PaymentCollectionOrder,
  ) {
    return childConnection(
      ctx,
      {
        name: 'paymentCollections.byCustomer',
        table: paymentCollections,
        idColumn: paymentCollections.id,
        parentColumn: paymentCollections.customerId,
        ...collectionService.customerCollectionsQuery(ctx.actor.operatorId, orderBy?.field, orderBy?.direction),
      },
      { orderBy },
      page,
      customer.legacyId,
      toPaymentCollection,
    );
  }

  @FieldResolver(() => GracePeriodConnection, { description: 'Grace periods given, oldest first unless ordered otherwise.' })
  async gracePeriods(
    @Root() customer: Customer,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
    @Arg('orderBy', () => GracePeriodOrder, { nullable: true, description: 'How to sort the list; oldest first when omitted.' }) orderBy?: GracePeriodOrder,
  ) {
    return childConnection(
      ctx,
      {
        name: 'gracePeriods.byCustomer',
        table: gracePeriods,
        idColumn: gracePeriods.id,
        parentColumn: gracePeriods.customerId,
        ...gracePeriodService.customerGracePeriodsQuery(ctx.actor.operatorId, orderBy?.field, orderBy?.direction),
      },
      { orderBy },
      page,
      customer.legacyId,
      toGracePeriod,
    );
  }
}
