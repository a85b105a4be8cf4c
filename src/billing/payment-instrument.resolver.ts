/** GraphQL adapter for stored cards and bank accounts (read only; tokens never leave the service). */
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { loadCustomer } from '../customers/customer.resolver';
import { Customer } from '../customers/customer.types';
import type { GraphQLContext } from '../graphql/context';
import { registerNodeType } from '../graphql/node';
import { bankAccountById, creditCardById } from './billing.loaders';
import { toBankAccount, toCreditCard } from './billing.mapping';
import { BankAccount, CreditCard } from './payment-instrument.types';

registerNodeType('CreditCard', async (ctx, id) => {
  const row = await creditCardById(ctx).load(id);
  return row ? toCreditCard(row) : null;
});
registerNodeType('BankAccount', async (ctx, id) => {
  const row = await bankAccountById(ctx).load(id);
  return row ? toBankAccount(row) : null;
});

@Resolver(() => CreditCard)
export class CreditCardResolver {
  @FieldResolver(() => Customer, { description: 'The customer who owns it.' })
  customer(@Root() card: CreditCard, @Ctx() ctx: GraphQLContext) {
    return loadCustomer(ctx, card.customerId);
  }
}

@Resolver(() => BankAccount)
export class BankAccountResolver {
  @FieldResolver(() => Customer, { description: 'The customer who owns it.' })
  customer(@Root() account: BankAccount, @Ctx() ctx: GraphQLContext) {
    return loadCustomer(ctx, account.customerId);
  }
}
