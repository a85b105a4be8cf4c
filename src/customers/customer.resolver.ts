/** GraphQL adapter for customers: parse, call the customer service, format. */
import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ConnectionType, toConnection } from '../graphql/connection';
import type { GraphQLContext } from '../graphql/context';
import { idOf } from '../graphql/ids';
import { registerNodeType } from '../graphql/node';
import { PageArgs } from '../graphql/page-args';
import { mutate } from '../graphql/user-error';
import { contactsByCustomer, customerById } from './customer.loaders';
import { CUSTOMER_INPUT_RENAME, customerFilterOf, customerIdOf, customerSortOf, fromCustomerInput, toCustomer } from './customer.mapping';
import * as customerService from './customer.service';
import {
  Contact,
  Customer,
  CustomerCreateInput,
  CustomerCreatePayload,
  CustomerDeleteInput,
  CustomerDeletePayload,
  CustomerFilterInput,
  CustomerOrder,
  CustomerUpdateInput,
  CustomerUpdatePayload,
} from './customer.types';

const CustomerConnection = ConnectionType('Customer', Customer);

registerNodeType('Customer', async (ctx, id) => {
  const row = await customerById(ctx).load(id);
  return row ? toCustomer(row) : null;
});

/** Loads a customer for a field that refers to one; null when it is gone or not visible. */
export async function loadCustomer(ctx: GraphQLContext, id: number | null): Promise<Customer | null> {
  if (id == null) return null;
  const row = await customerById(ctx).load(id);
  return row ? toCustomer(row) : null;
}

@Resolver(() => Customer)
export class CustomerResolver {
  @Query(() => CustomerConnection, { nullable: true, description: "The operator's customers, filtered and ordered." })
  async customers(
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => CustomerFilterInput, { nullable: true, description: 'Narrows the results; every filter given must match.' }) filter?: CustomerFilterInput,
    @Arg('orderBy', () => CustomerOrder, { nullable: true, description: 'Order of the results.' }) orderBy?: CustomerOrder,
  ) {
    const { page: result, count } = await customerService.list(ctx, customerFilterOf(filter), customerSortOf(orderBy), page);
    // Prime the loader so relations pointing back at these customers cost nothing.
    for (const row of result.nodes) customerById(ctx).prime(row.id, row);
    return toConnection(result, toCustomer, count);
  }

  @Query(() => Customer, { nullable: true, description: 'One customer, by global id or by the legacy numeric id.' })
  async customer(
    @Ctx() ctx: GraphQLContext,
    @Arg('id', () => ID, { nullable: true, description: 'Global id of the customer.' }) id?: string,
    @Arg('legacyId', () => Int, { nullable: true, description: 'Legacy numeric id of the customer (SIMPLer/Jaze customer id).' }) legacyId?: number,
  ): Promise<Customer | null> {
    return loadCustomer(ctx, customerIdOf({ id, legacyId }));
  }

  @FieldResolver(() => [Contact], { description: 'Additional contact people.' })
  async contacts(@Root() customer: Customer, @Ctx() ctx: GraphQLContext) {
    return contactsByCustomer(ctx).load(customer.legacyId);
  }

  @Mutation(() => CustomerCreatePayload, { description: 'Creates a customer.' })
  async customerCreate(@Arg('input', () => CustomerCreateInput, { description: 'The new customer.' }) input: CustomerCreateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => ({ customer: toCustomer(await customerService.create(ctx, fromCustomerInput(input))) }), { customer: null }, { rename: CUSTOMER_INPUT_RENAME });
  }

  @Mutation(() => CustomerUpdatePayload, { description: "Changes a customer's fields." })
  async customerUpdate(@Arg('input', () => CustomerUpdateInput, { description: 'The customer and its changes.' }) input: CustomerUpdateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const id = idOf(input.id, 'Customer', ['id']);
      const { id: _id, ...fields } = input;
      return { customer: toCustomer(await customerService.update(ctx, id, fromCustomerInput(fields))) };
    }, { customer: null }, { rename: { ...CUSTOMER_INPUT_RENAME, customerId: 'id' } });
  }

  @Mutation(() => CustomerDeletePayload, {
    description: "Deletes a customer that meets every deletion condition (not current; no subscriptions, IPs, invoices, tickets, equipment, cards, bank accounts, attachments…), with its RADIUS setup.",
  })
  async customerDelete(@Arg('input', () => CustomerDeleteInput, { description: 'The customer to delete.' }) input: CustomerDeleteInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      await customerService.remove(ctx, idOf(input.id, 'Customer', ['id']), { deleteMaintenance: input.deleteMaintenance, deleteSubscriptions: input.deleteSubscriptions });
      return { deletedId: input.id };
    }, { deletedId: null }, { rename: { customerId: 'id' } });
  }
}
