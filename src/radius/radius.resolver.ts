/** GraphQL adapter for RADIUS sessions and logins, and the customer's side of them. */
import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { ConnectionType, toConnection } from '../graphql/connection';
import type { GraphQLContext } from '../graphql/context';
import { optionalIdOf } from '../graphql/ids';
import { registerNodeType } from '../graphql/node';
import { PageArgs } from '../graphql/page-args';
import { SortDirection } from '../graphql/sort-direction';
import { Customer } from '../customers/customer.types';
import { loadCustomer } from '../customers/customer.resolver';
import { childConnection } from '../graphql/child-connection';
import { radacct } from './radacct.table';
import { radiusAccountById, radiusAccountsByCustomer, radiusSessionById } from './radius.loaders';
import { toRadiusAccount, toRadiusSession } from './radius.mapping';
import * as radiusService from './radius.service';
import { RadiusAccount, RadiusSession, RadiusSessionFilterInput, RadiusSessionOrder, RadiusSessionOrderField } from './radius.types';

const RadiusSessionConnection = ConnectionType('RadiusSession', RadiusSession);

registerNodeType('RadiusAccount', async (ctx, id) => {
  const row = await radiusAccountById(ctx).load(id);
  return row ? toRadiusAccount(row) : null;
});
registerNodeType(
  'RadiusSession',
  async (ctx, id) => {
    const row = await radiusSessionById(ctx).load(id);
    return row ? toRadiusSession(row) : null;
  },
  { ids: 'bigint' },
);

export function sessionFilterOf(filter: RadiusSessionFilterInput | undefined): radiusService.SessionFilter {
  return { ...filter, customerId: optionalIdOf(filter?.customerId, 'Customer', ['filter', 'customerId']) };
}

/** The `orderBy` argument as the service's sort key (default: by id, ascending). */
export function sessionSortOf(orderBy: RadiusSessionOrder | null | undefined) {
  return radiusService.sessionSort(orderBy?.field ?? RadiusSessionOrderField.ID, orderBy?.direction ?? SortDirection.ASC);
}

/**
 * A customer's sessions as its `radiusSessions` field lists them (also the compiled read
 * path's): the customer is the parent, so a customerId in the filter, which would contradict
 * it, is ignored.
 */
export function customerSessionsQuery(operatorId: number, filter: RadiusSessionFilterInput | undefined, orderBy: RadiusSessionOrder | undefined) {
  return {
    where: radiusService.sessionConditions(operatorId, { ...sessionFilterOf(filter), customerId: null }),
    sort: sessionSortOf(orderBy),
  };
}

@Resolver(() => RadiusSession)
export class RadiusSessionResolver {
  @Query(() => RadiusSessionConnection, { nullable: true, description: "The operator's RADIUS accounting sessions (SIMPLer listRadiusSessions)." })
  async radiusSessions(
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => RadiusSessionFilterInput, { nullable: true, description: "Only the RADIUS session objects meeting these conditions." }) filter?: RadiusSessionFilterInput,
    @Arg('orderBy', () => RadiusSessionOrder, { nullable: true, description: "How to sort the list." }) orderBy?: RadiusSessionOrder,
  ) {
    const sort = sessionSortOf(orderBy);
    const { page: result, count } = await radiusService.listSessions(ctx, sessionFilterOf(filter), sort, page);
    return toConnection(result, toRadiusSession, count);
  }

  @FieldResolver(() => Customer, { nullable: true, description: 'The customer owning the username (null once the customer is deleted).' })
  customer(@Root() session: RadiusSession, @Ctx() ctx: GraphQLContext) {
    return loadCustomer(ctx, session.customerId);
  }
}

@Resolver(() => RadiusAccount)
export class RadiusAccountResolver {
  @FieldResolver(() => Customer, { nullable: true, description: 'The customer the login belongs to; null when none.' })
  customer(@Root() account: RadiusAccount, @Ctx() ctx: GraphQLContext) {
    return loadCustomer(ctx, account.customerId);
  }
}

@Resolver(() => Customer)
export class CustomerRadiusResolver {
  @FieldResolver(() => [RadiusAccount], { description: "The customer's RADIUS logins, by priority." })
  async radiusAccounts(@Root() customer: Customer, @Ctx() ctx: GraphQLContext) {
    return (await radiusAccountsByCustomer(ctx).load(customer.legacyId)).map(toRadiusAccount);
  }

  @FieldResolver(() => RadiusSessionConnection, { description: "The customer's accounting sessions." })
  async radiusSessions(
    @Root() customer: Customer,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => RadiusSessionFilterInput, { nullable: true, description: "Only the RADIUS session objects meeting these conditions." }) filter?: RadiusSessionFilterInput,
    @Arg('orderBy', () => RadiusSessionOrder, { nullable: true, description: "How to sort the list." }) orderBy?: RadiusSessionOrder,
  ) {
    const { where, sort } = customerSessionsQuery(ctx.actor.operatorId, filter, orderBy);
    return childConnection(
      ctx,
      { name: 'sessions.byCustomer', table: radacct, idColumn: radacct.radacctid, parentColumn: radacct.customerId, where, sort },
      { filter, orderBy },
      page,
      customer.legacyId,
      toRadiusSession,
    );
  }
}
