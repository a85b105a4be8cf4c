/** Request-scoped batch loading of customers and their small child lists. */
import { asc, inArray } from 'drizzle-orm';
import type { GraphQLContext } from '../graphql/context';
import { byKeys, groupByKeys } from '../graphql/loaders';
import { customerContacts } from './contact.table';
import { findByIds, type CustomerRow } from './customer.service';

export function customerById(ctx: GraphQLContext) {
  return ctx.loaders.get<number, CustomerRow | null>('customer.byId', async (ids) =>
    byKeys(ids, await findByIds(ctx.db, ctx.actor.operatorId, ids), (row) => row.id),
  );
}

export function contactsByCustomer(ctx: GraphQLContext) {
  return ctx.loaders.get<number, (typeof customerContacts.$inferSelect)[]>('customer.contacts', async (ids) =>
    groupByKeys(
      ids,
      await ctx.db.select().from(customerContacts).where(inArray(customerContacts.customerId, [...ids])).orderBy(asc(customerContacts.position), asc(customerContacts.id)),
      (row) => row.customerId,
    ),
  );
}
