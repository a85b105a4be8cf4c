/** The address book (Jaze get_all_areas / get_all_streets / get_all_buildings): reading; writes are in location-write.service.ts. */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { operatorListQuery } from '../db/pagination';
import type { ServiceContext } from '../shared/context';
import { NotFoundError } from '../shared/errors';
import { operators } from '../tenancy/operator.table';
import { areas } from './area.table';
import { buildings } from './building.table';
import { streets } from './street.table';

export type AreaRow = typeof areas.$inferSelect;
export type StreetRow = typeof streets.$inferSelect;
export type BuildingRow = typeof buildings.$inferSelect;

/** Every area of the operator by name (operators have tens, not thousands). */
export async function listAreas(ctx: ServiceContext): Promise<AreaRow[]> {
  return ctx.db.select().from(areas).where(eq(areas.operatorId, ctx.actor.operatorId)).orderBy(asc(areas.name), asc(areas.id));
}

export async function areasByIds(db: Executor, operatorId: number, ids: readonly number[]): Promise<AreaRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(areas).where(and(eq(areas.operatorId, operatorId), inArray(areas.id, [...ids])));
}

export async function streetsByIds(db: Executor, operatorId: number, ids: readonly number[]): Promise<StreetRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(streets).where(and(eq(streets.operatorId, operatorId), inArray(streets.id, [...ids])));
}

export async function buildingsByIds(db: Executor, operatorId: number, ids: readonly number[]): Promise<BuildingRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(buildings).where(and(eq(buildings.operatorId, operatorId), inArray(buildings.id, [...ids])));
}

/** What an area's streets can be ordered by; by name (NAME, ASC) by default, as the list always was. */
export const STREET_SORTS = { ID: streets.id, NAME: streets.name, CREATED_AT: streets.createdAt } as const;
export type StreetSortField = keyof typeof STREET_SORTS;

/** An area's streets: the operator's, in the asked order (also the compiled read path's). */
export const areaStreetsQuery = operatorListQuery(streets.operatorId, STREET_SORTS, { field: 'NAME', direction: 'asc' });

/** What a street's buildings can be ordered by; by name (NAME, ASC) by default, as the list always was. */
export const BUILDING_SORTS = { ID: buildings.id, NAME: buildings.name, CREATED_AT: buildings.createdAt } as const;
export type BuildingSortField = keyof typeof BUILDING_SORTS;

/** A street's buildings: the operator's, in the asked order (also the compiled read path's). */
export const streetBuildingsQuery = operatorListQuery(buildings.operatorId, BUILDING_SORTS, { field: 'NAME', direction: 'asc' });

// ---------------------------------------------------------------- filtered lists (Jaze E19 / E20)

/** A list row with the operator's wire code (Jaze `account_id`). */
export type WithOperatorCode<T> = T & { operatorCode: string };

async function requireParent(ctx: ServiceContext, table: typeof areas | typeof streets, what: string, id: number, field: string): Promise<void> {
  const [row] = await ctx.db.select({ id: table.id }).from(table).where(and(eq(table.operatorId, ctx.actor.operatorId), eq(table.id, id)));
  if (!row) throw new NotFoundError(what, id, [field]);
}

/** Every area of the operator by name, with the operator's code (E18 `account_id`). */
export async function listAreasWithOperator(ctx: ServiceContext): Promise<WithOperatorCode<AreaRow>[]> {
  const rows = await ctx.db
    .select({ area: areas, operatorCode: operators.code })
    .from(areas)
    .innerJoin(operators, eq(operators.id, areas.operatorId))
    .where(eq(areas.operatorId, ctx.actor.operatorId))
    .orderBy(asc(areas.name), asc(areas.id));
  return rows.map((r) => ({ ...r.area, operatorCode: r.operatorCode }));
}

/**
 * The operator's streets by name, only those of one area when `areaId` is given. Filtering by an
 * area that does not exist is an error rather than an empty list, so a typo is not mistaken for
 * an empty area.
 */
export async function listStreets(ctx: ServiceContext, filter: { areaId?: number | null } = {}): Promise<WithOperatorCode<StreetRow>[]> {
  if (filter.areaId != null) await requireParent(ctx, areas, 'area', filter.areaId, 'areaId');
  const rows = await ctx.db
    .select({ street: streets, operatorCode: operators.code })
    .from(streets)
    .innerJoin(operators, eq(operators.id, streets.operatorId))
    .where(and(eq(streets.operatorId, ctx.actor.operatorId), filter.areaId != null ? eq(streets.areaId, filter.areaId) : undefined))
    .orderBy(asc(streets.name), asc(streets.id));
  return rows.map((r) => ({ ...r.street, operatorCode: r.operatorCode }));
}

/** The operator's buildings by name, only those on one street when `streetId` is given (unknown street: NOT_FOUND). */
export async function listBuildings(ctx: ServiceContext, filter: { streetId?: number | null } = {}): Promise<WithOperatorCode<BuildingRow>[]> {
  if (filter.streetId != null) await requireParent(ctx, streets, 'street', filter.streetId, 'streetId');
  const rows = await ctx.db
    .select({ building: buildings, operatorCode: operators.code })
    .from(buildings)
    .innerJoin(operators, eq(operators.id, buildings.operatorId))
    .where(and(eq(buildings.operatorId, ctx.actor.operatorId), filter.streetId != null ? eq(buildings.streetId, filter.streetId) : undefined))
    .orderBy(asc(buildings.name), asc(buildings.id));
  return rows.map((r) => ({ ...r.building, operatorCode: r.operatorCode }));
}
