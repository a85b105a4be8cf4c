/** Request-scoped batch loading for the address book, scoped to the caller's operator. */
import type { GraphQLContext } from '../graphql/context';
import { byKeys, groupByKeys } from '../graphql/loaders';
import * as locationService from './location.service';

export const areaById = (ctx: GraphQLContext) =>
  ctx.loaders.get<number, locationService.AreaRow | null>('area.byId', async (ids) =>
    byKeys(ids, await locationService.areasByIds(ctx.db, ctx.actor.operatorId, ids), (row) => row.id),
  );

export const streetById = (ctx: GraphQLContext) =>
  ctx.loaders.get<number, locationService.StreetRow | null>('street.byId', async (ids) =>
    byKeys(ids, await locationService.streetsByIds(ctx.db, ctx.actor.operatorId, ids), (row) => row.id),
  );

export const buildingById = (ctx: GraphQLContext) =>
  ctx.loaders.get<number, locationService.BuildingRow | null>('building.byId', async (ids) =>
    byKeys(ids, await locationService.buildingsByIds(ctx.db, ctx.actor.operatorId, ids), (row) => row.id),
  );

export const streetsByArea = (ctx: GraphQLContext) =>
  ctx.loaders.get<number, locationService.StreetRow[]>('streets.byArea', async (ids) =>
    groupByKeys(ids, await locationService.streetsByAreas(ctx.db, ctx.actor.operatorId, ids), (row) => row.areaId),
  );

export const buildingsByStreet = (ctx: GraphQLContext) =>
  ctx.loaders.get<number, locationService.BuildingRow[]>('buildings.byStreet', async (ids) =>
    groupByKeys(ids, await locationService.buildingsByStreets(ctx.db, ctx.actor.operatorId, ids), (row) => row.streetId),
  );
