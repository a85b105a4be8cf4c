/** Request-scoped batch loading of RADIUS logins and sessions, scoped to the caller's operator. */
import type { GraphQLContext } from '../graphql/context';
import { byKeys, groupByKeys } from '../graphql/loaders';
import * as radiusService from './radius.service';

export const radiusAccountById = (ctx: GraphQLContext) =>
  ctx.loaders.get<number, radiusService.RadiusAccountRow | null>('radiusAccount.byId', async (ids) =>
    byKeys(ids, await radiusService.accountsByIds(ctx.db, ctx.actor.operatorId, ids), (row) => row.id),
  );

export const radiusAccountsByCustomer = (ctx: GraphQLContext) =>
  ctx.loaders.get<number, radiusService.RadiusAccountRow[]>('radiusAccounts.byCustomer', async (ids) =>
    groupByKeys(ids, await radiusService.accountsByCustomers(ctx.db, ctx.actor.operatorId, ids), (row) => row.customerId),
  );

export const radiusSessionById = (ctx: GraphQLContext) =>
  ctx.loaders.get<number, radiusService.RadiusSessionRow | null>('radiusSession.byId', async (ids) =>
    byKeys(ids, await radiusService.sessionsByIds(ctx.db, ctx.actor.operatorId, ids), (row) => row.radacctid),
  );
