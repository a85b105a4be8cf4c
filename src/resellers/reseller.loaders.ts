/** Request-scoped batch loading of resellers and wallet entries, scoped to the caller's operator. */
import type { GraphQLContext } from '../graphql/context';
import { byKeys } from '../graphql/loaders';
import * as resellerService from './reseller.service';
import * as walletService from './wallet.service';

export const resellerById = (ctx: GraphQLContext) =>
  ctx.loaders.get<number, resellerService.ResellerRow | null>('reseller.byId', async (ids) =>
    byKeys(ids, await resellerService.findByIds(ctx.db, ctx.actor.operatorId, ids), (row) => row.id),
  );

export const walletTransactionById = (ctx: GraphQLContext) =>
  ctx.loaders.get<number, walletService.WalletTransactionRow | null>('walletTransaction.byId', async (ids) =>
    byKeys(ids, await walletService.transactionsByIds(ctx.db, ctx.actor.operatorId, ids), (row) => row.id),
  );
