/** GraphQL adapter for resellers and their wallets: parse, call the services, format. */
import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ConnectionType, toConnection } from '../graphql/connection';
import type { GraphQLContext } from '../graphql/context';
import { idOf, optionalIdOf } from '../graphql/ids';
import { registerNodeType } from '../graphql/node';
import { PageArgs } from '../graphql/page-args';
import { SortDirection } from '../graphql/sort-direction';
import { mutate } from '../graphql/user-error';
import { DomainError } from '../shared/errors';
import { customerById } from '../customers/customer.loaders';
import { toCustomer } from '../customers/customer.mapping';
import { customerConditions, customerSort } from '../customers/customer.service';
import { customers } from '../customers/customer.table';
import { Customer, CustomerFilterInput, CustomerOrder, CustomerOrderField } from '../customers/customer.types';
import { childConnection } from '../graphql/child-connection';
import { subscriptionById } from '../billing/billing.loaders';
import { toSubscription } from '../billing/billing.mapping';
import { Subscription } from '../billing/subscription.types';
import { staffUserById, toStaffUser } from '../tenancy/staff-user.resolver';
import { StaffUser } from '../tenancy/staff-user.types';
import { resellerById, walletTransactionById } from './reseller.loaders';
import { fromResellerInput, RESELLER_INPUT_RENAME, toReseller, toWalletTransaction } from './reseller.mapping';
import * as resellerService from './reseller.service';
import {
  Reseller,
  ResellerCreateInput,
  ResellerCreatePayload,
  ResellerDeleteInput,
  ResellerDeletePayload,
  ResellerFilterInput,
  ResellerOrder,
  ResellerOrderField,
  ResellerUpdateInput,
  ResellerUpdatePayload,
  ResellerWalletAdjustInput,
  ResellerWalletAdjustPayload,
  WalletTransaction,
  WalletTransactionFilterInput,
  WalletTransactionOrder,
  WalletTransactionOrderField,
} from './reseller.types';
import { resellerWalletTransactions } from './wallet-transaction.table';
import * as walletService from './wallet.service';

const ResellerConnection = ConnectionType('Reseller', Reseller);
const WalletTransactionConnection = ConnectionType('WalletTransaction', WalletTransaction);
const CustomerConnection = ConnectionType('Customer', Customer);

registerNodeType('Reseller', (ctx, id) => loadReseller(ctx, id));
registerNodeType('WalletTransaction', async (ctx, id) => {
  const row = await walletTransactionById(ctx).load(id);
  return row ? toWalletTransaction(row) : null;
});

/** Loads a live reseller for a field that refers to one; null when deleted or not the caller's. */
export async function loadReseller(ctx: GraphQLContext, id: number | null): Promise<Reseller | null> {
  if (id == null) return null;
  const row = await resellerById(ctx).load(id);
  return row ? toReseller(row) : null;
}

@Resolver(() => Reseller)
export class ResellerResolver {
  @Query(() => ResellerConnection, { nullable: true, description: "The operator's resellers and franchisees (deleted ones excluded), filtered and ordered." })
  async resellers(
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => ResellerFilterInput, { nullable: true, description: "Only the reseller objects meeting these conditions." }) filter?: ResellerFilterInput,
    @Arg('orderBy', () => ResellerOrder, { nullable: true, description: "How to sort the list." }) orderBy?: ResellerOrder,
  ) {
    const sort = resellerService.resellerSort(orderBy?.field ?? ResellerOrderField.ID, orderBy?.direction ?? SortDirection.ASC);
    const { page: result, count } = await resellerService.list(ctx, { ...filter }, sort, page);
    for (const row of result.nodes) resellerById(ctx).prime(row.id, row);
    return toConnection(result, toReseller, count);
  }

  @Query(() => Reseller, { nullable: true, description: 'One reseller, by global id or by the legacy numeric id.' })
  async reseller(
    @Ctx() ctx: GraphQLContext,
    @Arg('id', () => ID, { nullable: true, description: "The global id; give this or `legacyId`." }) id?: string,
    @Arg('legacyId', () => Int, { nullable: true, description: "The numeric id the legacy APIs use; give this or `id`." }) legacyId?: number,
  ): Promise<Reseller | null> {
    if ((id == null) === (legacyId == null)) throw new DomainError('INVALID', 'give exactly one of `id` and `legacyId`');
    return loadReseller(ctx, id != null ? idOf(id, 'Reseller', ['id']) : legacyId!);
  }

  @FieldResolver(() => CustomerConnection, { description: "The reseller's customers, filtered and ordered like `customers`." })
  async customers(
    @Root() reseller: Reseller,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => CustomerFilterInput, { nullable: true, description: "Only the customer objects meeting these conditions." }) filter?: CustomerFilterInput,
    @Arg('orderBy', () => CustomerOrder, { nullable: true, description: "How to sort the list." }) orderBy?: CustomerOrder,
  ) {
    // The reseller is the parent; a resellerId in the filter would contradict it, so it is ignored.
    const where = customerConditions(ctx.actor.operatorId, {
      ...filter,
      resellerId: null,
      servicePlanId: optionalIdOf(filter?.servicePlanId, 'Plan', ['filter', 'servicePlanId']),
    });
    const sort = customerSort(orderBy?.field ?? CustomerOrderField.ID, orderBy?.direction ?? SortDirection.ASC);
    const connection = await childConnection(
      ctx,
      { name: 'customers.byReseller', table: customers, idColumn: customers.id, parentColumn: customers.resellerId, where, sort },
      { filter, orderBy },
      page,
      reseller.legacyId,
      (row) => {
        customerById(ctx).prime(row.id, row);
        return toCustomer(row);
      },
    );
    return connection;
  }

  @FieldResolver(() => WalletTransactionConnection, { description: 'The wallet ledger, oldest first by default.' })
  async walletTransactions(
    @Root() reseller: Reseller,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => WalletTransactionFilterInput, { nullable: true, description: "Only the wallet transaction objects meeting these conditions." }) filter?: WalletTransactionFilterInput,
    @Arg('orderBy', () => WalletTransactionOrder, { nullable: true, description: "How to sort the list." }) orderBy?: WalletTransactionOrder,
  ) {
    const t = resellerWalletTransactions;
    const where = walletService.walletConditions(ctx.actor.operatorId, { ...filter });
    const sort = walletService.walletSort(orderBy?.field ?? WalletTransactionOrderField.ID, orderBy?.direction ?? SortDirection.ASC);
    return childConnection(
      ctx,
      { name: 'wallet.byReseller', table: t, idColumn: t.id, parentColumn: t.resellerId, where, sort },
      { filter, orderBy },
      page,
      reseller.legacyId,
      toWalletTransaction,
    );
  }

  @Mutation(() => ResellerCreatePayload, { description: 'Creates a reseller or franchisee (CRM reseller/create).' })
  async resellerCreate(@Arg('input', () => ResellerCreateInput, { description: 'The new reseller.' }) input: ResellerCreateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => ({ reseller: toReseller(await resellerService.create(ctx, fromResellerInput(input))) }), { reseller: null }, { rename: RESELLER_INPUT_RENAME });
  }

  @Mutation(() => ResellerUpdatePayload, { description: "Changes a reseller's fields (CRM reseller/update)." })
  async resellerUpdate(@Arg('input', () => ResellerUpdateInput, { description: 'The reseller to change and its new values.' }) input: ResellerUpdateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const { id, ...fields } = input;
      return { reseller: toReseller(await resellerService.update(ctx, idOf(id, 'Reseller', ['id']), fromResellerInput(fields))) };
    }, { reseller: null }, { rename: { ...RESELLER_INPUT_RENAME, resellerId: 'id' } });
  }

  @Mutation(() => ResellerDeletePayload, { description: 'Deletes a reseller that has no customers; its wallet ledger is kept (CRM reseller/delete).' })
  async resellerDelete(@Arg('input', () => ResellerDeleteInput, { description: 'The reseller to delete.' }) input: ResellerDeleteInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      await resellerService.remove(ctx, idOf(input.id, 'Reseller', ['id']));
      return { deletedId: input.id };
    }, { deletedId: null }, { rename: { resellerId: 'id' } });
  }

  @Mutation(() => ResellerWalletAdjustPayload, {
    description: 'Tops up, settles or adjusts a wallet, appending a ledger entry (CRM reseller/wallet_update). A franchisee may go down to minus its credit limit, a reseller to zero.',
  })
  async resellerWalletAdjust(@Arg('input', () => ResellerWalletAdjustInput, { description: "The reseller, the kind of movement and its amount." }) input: ResellerWalletAdjustInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const resellerId = idOf(input.resellerId, 'Reseller', ['resellerId']);
      const { reseller, transaction } = await walletService.adjust(ctx, resellerId, {
        action: input.action,
        amount: input.amount,
        note: input.note,
        idempotencyKey: input.idempotencyKey,
      });
      return { reseller: toReseller(reseller), transaction: toWalletTransaction(transaction) };
    }, { reseller: null, transaction: null });
  }
}

@Resolver(() => WalletTransaction)
export class WalletTransactionResolver {
  @FieldResolver(() => Reseller, { nullable: true, description: 'Null once the reseller is deleted.' })
  reseller(@Root() transaction: WalletTransaction, @Ctx() ctx: GraphQLContext) {
    return loadReseller(ctx, transaction.resellerId);
  }

  @FieldResolver(() => Subscription, { nullable: true, description: 'The subscription an invoice or payment entry concerns; null for other entries or once it is deleted.' })
  async subscription(@Root() transaction: WalletTransaction, @Ctx() ctx: GraphQLContext): Promise<Subscription | null> {
    if (transaction.serviceId == null) return null;
    const row = await subscriptionById(ctx).load(transaction.serviceId);
    return row ? toSubscription(row) : null;
  }

  @FieldResolver(() => StaffUser, { nullable: true, description: 'The staff user who made the entry; null for automatic entries or once the user is deleted.' })
  async createdBy(@Root() transaction: WalletTransaction, @Ctx() ctx: GraphQLContext): Promise<StaffUser | null> {
    if (transaction.createdByStaffId == null) return null;
    const row = await staffUserById(ctx).load(transaction.createdByStaffId);
    return row ? toStaffUser(row) : null;
  }
}

@Resolver(() => Customer)
export class CustomerResellerResolver {
  @FieldResolver(() => Reseller, { nullable: true, description: 'The reseller or franchisee the customer came through.' })
  reseller(@Root() customer: Customer, @Ctx() ctx: GraphQLContext) {
    return loadReseller(ctx, customer.resellerId);
  }
}
