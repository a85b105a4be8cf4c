/** Request-scoped batch loading for the address book, scoped to the caller's operator. */
import type { GraphQLContext } from '../graphql/context';
import { byKeys } from '../graphql/loaders';
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
