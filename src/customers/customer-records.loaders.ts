/** Request-scoped batch loading of a customer's records (notes, links, custom-table rows, codes). */
import type { GraphQLContext } from '../graphql/context';
import { byKeys, groupByKeys } from '../graphql/loaders';
import * as communityCodeService from './community-code.service';
import * as customTableService from './custom-table.service';
import * as noteService from './customer-note.service';
import * as subaccountService from './subaccount.service';

export const noteById = (ctx: GraphQLContext) =>
  ctx.loaders.get<number, noteService.CustomerNoteRow | null>('customerNote.byId', async (ids) =>
    byKeys(ids, await noteService.findByIds(ctx.db, ctx.actor.operatorId, ids), (row) => row.id),
  );

export const communityCodeById = (ctx: GraphQLContext) =>
  ctx.loaders.get<number, communityCodeService.CommunityCodeRow | null>('communityCode.byId', async (ids) =>
    byKeys(ids, await communityCodeService.findByIds(ctx.db, ctx.actor.operatorId, ids), (row) => row.id),
  );

export const subaccountLinkById = (ctx: GraphQLContext) =>
  ctx.loaders.get<number, subaccountService.SubaccountLinkRow | null>('subaccountLink.byId', async (ids) =>
    byKeys(ids, await subaccountService.findByIds(ctx.db, ctx.actor.operatorId, ids), (row) => row.id),
  );

/** Links where the customer is the sub-account (at most one). */
export const masterLinkByCustomer = (ctx: GraphQLContext) =>
  ctx.loaders.get<number, subaccountService.SubaccountLinkRow | null>('customer.masterLink', async (ids) =>
    byKeys(ids, (await subaccountService.linksOf(ctx.db, ctx.actor.operatorId, ids)).filter((l) => ids.includes(l.subCustomerId)), (row) => row.subCustomerId),
  );

export const customTableRowsByCustomer = (ctx: GraphQLContext) =>
  ctx.loaders.get<number, customTableService.CustomTableRowData[]>('customer.customTableRows', async (ids) =>
    groupByKeys(ids, await customTableService.rowsByCustomers(ctx.db, ctx.actor.operatorId, ids), (row) => row.customerId),
  );

export const customTableRowById = (ctx: GraphQLContext) =>
  ctx.loaders.get<number, customTableService.CustomTableRowData | null>('customTableRow.byId', async (ids) =>
    byKeys(ids, await customTableService.findRows(ctx.db, ctx.actor.operatorId, ids), (row) => row.rowId),
  );

export const customColumnById = (ctx: GraphQLContext) =>
  ctx.loaders.get<number, customTableService.CustomColumnRow | null>('customColumn.byId', async (ids) =>
    byKeys(ids, await customTableService.columnsByIds(ctx.db, ctx.actor.operatorId, ids), (row) => row.id),
  );
