/** The address book (Jaze get_all_areas / get_all_streets / get_all_buildings): reading only for now. */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/client';
import type { ServiceContext } from '../shared/context';
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

export async function streetsByAreas(db: Executor, operatorId: number, areaIds: readonly number[]): Promise<StreetRow[]> {
  if (areaIds.length === 0) return [];
  return db
    .select()
    .from(streets)
    .where(and(eq(streets.operatorId, operatorId), inArray(streets.areaId, [...areaIds])))
    .orderBy(asc(streets.name), asc(streets.id));
}

export async function buildingsByStreets(db: Executor, operatorId: number, streetIds: readonly number[]): Promise<BuildingRow[]> {
  if (streetIds.length === 0) return [];
  return db
    .select()
    .from(buildings)
    .where(and(eq(buildings.operatorId, operatorId), inArray(buildings.streetId, [...streetIds])))
    .orderBy(asc(buildings.name), asc(buildings.id));
}
