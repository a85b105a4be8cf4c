/** Request-scoped batch loading for tickets, their type names and installer jobs. */
import type { GraphQLContext } from '../graphql/context';
import { byKeys, groupByKeys } from '../graphql/loaders';
import * as maintenanceService from './maintenance.service';

export const ticketById = (ctx: GraphQLContext) =>
  ctx.loaders.get<number, maintenanceService.MaintenanceTicketRow | null>('ticket.byId', async (ids) =>
    byKeys(ids, await maintenanceService.findByIds(ctx.db, ctx.actor.operatorId, ids), (row) => row.id),
  );

export const maintenanceTypeName = (ctx: GraphQLContext) =>
  ctx.loaders.get<number, string | null>('maintenanceType.name', async (ids) =>
    byKeys(ids, await maintenanceService.typeNames(ctx.db, ctx.actor.operatorId, ids), (row) => row.id).map((row) => row?.name ?? null),
  );

export const maintenanceSubtypeName = (ctx: GraphQLContext) =>
  ctx.loaders.get<number, string | null>('maintenanceSubtype.name', async (ids) =>
    byKeys(ids, await maintenanceService.subtypeNames(ctx.db, ctx.actor.operatorId, ids), (row) => row.id).map((row) => row?.name ?? null),
  );

export const trackingById = (ctx: GraphQLContext) =>
  ctx.loaders.get<number, maintenanceService.InstallerTrackingRow | null>('installerTracking.byId', async (ids) =>
    byKeys(ids, await maintenanceService.trackingByIds(ctx.db, ctx.actor.operatorId, ids), (row) => row.id),
  );

export const trackingByTicket = (ctx: GraphQLContext) =>
  ctx.loaders.get<number, maintenanceService.InstallerTrackingRow[]>('installerTracking.byTicket', async (ids) =>
    groupByKeys(ids, await maintenanceService.trackingByTickets(ctx.db, ctx.actor.operatorId, ids), (row) => row.maintenanceTicketId),
  );
