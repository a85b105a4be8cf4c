/**
 * Writing the address book (Jaze E15 add_area, E16 add_street, E17 add_block) and placing a
 * customer in it. Every surface calls these; writes validate first, then run in one
 * transaction with their audit entry, so bad input changes nothing.
 *
 * Invariants kept here: names are required and unique within their parent (the operator for
 * an area, the area for a street, the street for a building); a parent must exist in the
 * caller's operator; a customer's street lies in its area and its building on its street.
 * Moving a street to another area (or a building to another street) moves the customers
 * placed on it along, so that invariant still holds afterwards.
 */
import { and, eq, ne, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { audit } from '../shared/audit';
import type { ServiceContext } from '../shared/context';
import { uniqueViolation } from '../shared/db-errors';
import { ConflictError, NotFoundError, Validation } from '../shared/errors';
import { setFields } from '../shared/patch';
import { refuseIfReferenced } from '../shared/references';
import { customers } from '../customers/customer.table';
import * as customerService from '../customers/customer.service';
import { areas as areaTable } from './area.table';
import { buildings as buildingTable } from './building.table';
import { streets as streetTable } from './street.table';
import type { AreaRow, BuildingRow, StreetRow } from './location.service';
import { authorize } from '../tenancy/permissions';

export const MAX_LOCATION_NAME = 200;

export interface AreaInput {
  name?: string;
  /** Jaze `internal`: an operator-side code or note; null clears. */
  internal?: string | null;
}
export interface StreetInput extends AreaInput {
  areaId?: number;
}
export interface BuildingInput extends AreaInput {
  streetId?: number;
}

// ---------------------------------------------------------------- shared checks

function checkName(input: AreaInput, v: Validation, creating: boolean): string | undefined {
  if (input.internal != null && input.internal.length > MAX_LOCATION_NAME) v.add('internal', `internal is longer than ${MAX_LOCATION_NAME} characters`);
  if (!creating && input.name === undefined) return undefined;
  const name = input.name?.trim();
  if (!name) {
    v.add('name', 'name is required');
    return undefined;
  }
  if (name.length > MAX_LOCATION_NAME) v.add('name', `name is longer than ${MAX_LOCATION_NAME} characters`);
  return name;
}

async function findArea(db: Executor, operatorId: number, id: number): Promise<AreaRow | null> {
  const [row] = await db.select().from(areaTable).where(and(eq(areaTable.operatorId, operatorId), eq(areaTable.id, id)));
  return row ?? null;
}
async function findStreet(db: Executor, operatorId: number, id: number): Promise<StreetRow | null> {
  const [row] = await db.select().from(streetTable).where(and(eq(streetTable.operatorId, operatorId), eq(streetTable.id, id)));
  return row ?? null;
}
async function findBuilding(db: Executor, operatorId: number, id: number): Promise<BuildingRow | null> {
  const [row] = await db.select().from(buildingTable).where(and(eq(buildingTable.operatorId, operatorId), eq(buildingTable.id, id)));
  return row ?? null;
}

/** A lost race on a parent+name unique index becomes the same CONFLICT validation reports. */
function nameTaken(error: unknown, what: string, name: string | undefined): never {
  const constraint = uniqueViolation(error);
  if (constraint !== undefined && /_name_key$/.test(constraint)) throw new ConflictError(`${what} "${name}" already exists`, ['name']);
  throw error;
}

// ---------------------------------------------------------------- areas

async function validateArea(db: Executor, operatorId: number, input: AreaInput, existing: AreaRow | null): Promise<string | undefined> {
  const v = new Validation();
  const name = checkName(input, v, existing === null);
  if (name && name !== existing?.name) {
    const clash = await db
      .select({ id: areaTable.id })
      .from(areaTable)
      .where(and(eq(areaTable.operatorId, operatorId), eq(areaTable.name, name), existing ? ne(areaTable.id, existing.id) : undefined));
    if (clash.length) v.add('name', `area "${name}" already exists`, 'CONFLICT');
  }
  v.throwIfAny();
  return name;
}

export async function createArea(ctx: ServiceContext, input: AreaInput): Promise<AreaRow> {
  authorize(ctx.actor, 'network.write');
  const operatorId = ctx.actor.operatorId;
  const name = (await validateArea(ctx.db, operatorId, input, null))!;
  try {
    return await ctx.db.transaction(async (tx) => {
      const [row] = await tx.insert(areaTable).values({ operatorId, name, internal: input.internal ?? null }).returning();
      await audit(tx, ctx.actor, 'area.create', 'area', row!.id, { name, internal: input.internal });
      return row!;
    });
  } catch (error) {
    return nameTaken(error, 'area', name);
  }
}

export async function updateArea(ctx: ServiceContext, id: number, input: AreaInput): Promise<AreaRow> {
  authorize(ctx.actor, 'network.write');
  const operatorId = ctx.actor.operatorId;
  const existing = await findArea(ctx.db, operatorId, id);
  if (!existing) throw new NotFoundError('area', id, ['id']);
  const name = await validateArea(ctx.db, operatorId, input, existing);
  const changes = setFields({ name, internal: input.internal });
  if (Object.keys(changes).length === 0) return existing;
  try {
    return await ctx.db.transaction(async (tx) => {
      const [row] = await tx.update(areaTable).set(changes).where(and(eq(areaTable.operatorId, operatorId), eq(areaTable.id, id))).returning();
      await audit(tx, ctx.actor, 'area.update', 'area', id, changes);
      return row!;
    });
  } catch (error) {
    return nameTaken(error, 'area', name);
  }
}

// ---------------------------------------------------------------- streets

async function validateStreet(db: Executor, operatorId: number, input: StreetInput, existing: StreetRow | null): Promise<{ name?: string; areaId: number }> {
  const v = new Validation();
  const name = checkName(input, v, existing === null);
  let areaId = existing?.areaId ?? 0;
  if (existing === null && input.areaId == null) v.add('areaId', 'area is required');
  else if (input.areaId != null) {
    if (await findArea(db, operatorId, input.areaId)) areaId = input.areaId;
    else v.add('areaId', `area ${input.areaId} does not exist`, 'NOT_FOUND');
  }
  const finalName = name ?? existing?.name;
  if (v.ok && finalName && (name !== undefined || areaId !== existing?.areaId)) {
    const clash = await db
      .select({ id: streetTable.id })
      .from(streetTable)
      .where(and(eq(streetTable.areaId, areaId), eq(streetTable.name, finalName), existing ? ne(streetTable.id, existing.id) : undefined));
    if (clash.length) v.add('name', `street "${finalName}" already exists in area ${areaId}`, 'CONFLICT');
  }
  v.throwIfAny();
  return { name, areaId };
}

export async function createStreet(ctx: ServiceContext, input: StreetInput): Promise<StreetRow> {
  authorize(ctx.actor, 'network.write');
  const operatorId = ctx.actor.operatorId;
  const { name, areaId } = await validateStreet(ctx.db, operatorId, input, null);
  try {
    return await ctx.db.transaction(async (tx) => {
      const [row] = await tx.insert(streetTable).values({ operatorId, areaId, name: name!, internal: input.internal ?? null }).returning();
      await audit(tx, ctx.actor, 'street.create', 'street', row!.id, { name, areaId, internal: input.internal });
      return row!;
    });
  } catch (error) {
    return nameTaken(error, 'street', name);
  }
}

export async function updateStreet(ctx: ServiceContext, id: number, input: StreetInput): Promise<StreetRow> {
  authorize(ctx.actor, 'network.write');
  const operatorId = ctx.actor.operatorId;
  const existing = await findStreet(ctx.db, operatorId, id);
  if (!existing) throw new NotFoundError('street', id, ['id']);
  const { name, areaId } = await validateStreet(ctx.db, operatorId, input, existing);
  const changes = setFields({ name, internal: input.internal, areaId: areaId !== existing.areaId ? areaId : undefined });
  if (Object.keys(changes).length === 0) return existing;
  try {
    return await ctx.db.transaction(async (tx) => {
      const [row] = await tx.update(streetTable).set(changes).where(and(eq(streetTable.operatorId, operatorId), eq(streetTable.id, id))).returning();
      // customers on a moved street move to its new area
      if (changes.areaId !== undefined) {
        await tx.update(customers).set({ areaId, updatedAt: sql`now()` }).where(and(eq(customers.operatorId, operatorId), eq(customers.streetId, id)));
      }
      await audit(tx, ctx.actor, 'street.update', 'street', id, changes);
      return row!;
    });
  } catch (error) {
    return nameTaken(error, 'street', name ?? existing.name);
  }
}

// ---------------------------------------------------------------- buildings

async function validateBuilding(db: Executor, operatorId: number, input: BuildingInput, existing: BuildingRow | null): Promise<{ name?: string; street: StreetRow | null }> {
  const v = new Validation();
  const name = checkName(input, v, existing === null);
  let street: StreetRow | null = null;
  if (existing === null && input.streetId == null) v.add('streetId', 'street is required');
  else if (input.streetId != null) {
    street = await findStreet(db, operatorId, input.streetId);
    if (!street) v.add('streetId', `street ${input.streetId} does not exist`, 'NOT_FOUND');
  }
  const streetId = street?.id ?? existing?.streetId;
  const finalName = name ?? existing?.name;
  if (v.ok && finalName && streetId != null && (name !== undefined || streetId !== existing?.streetId)) {
    const clash = await db
      .select({ id: buildingTable.id })
      .from(buildingTable)
      .where(and(eq(buildingTable.streetId, streetId), eq(buildingTable.name, finalName), existing ? ne(buildingTable.id, existing.id) : undefined));
    if (clash.length) v.add('name', `building "${finalName}" already exists on street ${streetId}`, 'CONFLICT');
  }
  v.throwIfAny();
  return { name, street };
}

export async function createBuilding(ctx: ServiceContext, input: BuildingInput): Promise<BuildingRow> {
  authorize(ctx.actor, 'network.write');
  const operatorId = ctx.actor.operatorId;
  const { name, street } = await validateBuilding(ctx.db, operatorId, input, null);
  try {
    return await ctx.db.transaction(async (tx) => {
      const [row] = await tx.insert(buildingTable).values({ operatorId, streetId: street!.id, name: name!, internal: input.internal ?? null }).returning();
      await audit(tx, ctx.actor, 'building.create', 'building', row!.id, { name, streetId: street!.id, internal: input.internal });
      return row!;
    });
  } catch (error) {
    return nameTaken(error, 'building', name);
  }
}

export async function updateBuilding(ctx: ServiceContext, id: number, input: BuildingInput): Promise<BuildingRow> {
  authorize(ctx.actor, 'network.write');
  const operatorId = ctx.actor.operatorId;
  const existing = await findBuilding(ctx.db, operatorId, id);
  if (!existing) throw new NotFoundError('building', id, ['id']);
  const { name, street } = await validateBuilding(ctx.db, operatorId, input, existing);
  const moved = street && street.id !== existing.streetId ? street : null;
  const changes = setFields({ name, internal: input.internal, streetId: moved?.id });
  if (Object.keys(changes).length === 0) return existing;
  try {
    return await ctx.db.transaction(async (tx) => {
      const [row] = await tx.update(buildingTable).set(changes).where(and(eq(buildingTable.operatorId, operatorId), eq(buildingTable.id, id))).returning();
      // customers in a moved building move to its new street (and that street's area)
      if (moved) {
        await tx
          .update(customers)
          .set({ streetId: moved.id, areaId: moved.areaId, updatedAt: sql`now()` })
          .where(and(eq(customers.operatorId, operatorId), eq(customers.buildingId, id)));
      }
      await audit(tx, ctx.actor, 'building.update', 'building', id, changes);
      return row!;
    });
  } catch (error) {
    return nameTaken(error, 'building', name ?? existing.name);
  }
}

// ---------------------------------------------------------------- deleting

/*
 * A delete refuses while anything is still placed in the row: the tables would cascade a
 * street's buildings away or quietly unplace customers, and neither is what someone tidying
 * the address book means. Empty it first (move the customers, delete the streets).
 */

export async function deleteArea(ctx: ServiceContext, id: number): Promise<void> {
  authorize(ctx.actor, 'network.write');
  const operatorId = ctx.actor.operatorId;
  const existing = await findArea(ctx.db, operatorId, id);
  if (!existing) throw new NotFoundError('area', id, ['id']);
  await refuseIfReferenced(ctx.db, 'area', id, [
    { message: 'it has streets', table: streetTable, where: eq(streetTable.areaId, id) },
    { message: 'customers are placed in it', table: customers, where: and(eq(customers.operatorId, operatorId), eq(customers.areaId, id)) },
  ]);
  await ctx.db.transaction(async (tx) => {
    await tx.delete(areaTable).where(and(eq(areaTable.operatorId, operatorId), eq(areaTable.id, id)));
    await audit(tx, ctx.actor, 'area.delete', 'area', id, { name: existing.name });
  });
}

export async function deleteStreet(ctx: ServiceContext, id: number): Promise<void> {
  authorize(ctx.actor, 'network.write');
  const operatorId = ctx.actor.operatorId;
  const existing = await findStreet(ctx.db, operatorId, id);
  if (!existing) throw new NotFoundError('street', id, ['id']);
  await refuseIfReferenced(ctx.db, 'street', id, [
    { message: 'it has buildings', table: buildingTable, where: eq(buildingTable.streetId, id) },
    { message: 'customers are placed on it', table: customers, where: and(eq(customers.operatorId, operatorId), eq(customers.streetId, id)) },
  ]);
  await ctx.db.transaction(async (tx) => {
    await tx.delete(streetTable).where(and(eq(streetTable.operatorId, operatorId), eq(streetTable.id, id)));
    await audit(tx, ctx.actor, 'street.delete', 'street', id, { name: existing.name, areaId: existing.areaId });
  });
}

export async function deleteBuilding(ctx: ServiceContext, id: number): Promise<void> {
  authorize(ctx.actor, 'network.write');
  const operatorId = ctx.actor.operatorId;
  const existing = await findBuilding(ctx.db, operatorId, id);
  if (!existing) throw new NotFoundError('building', id, ['id']);
  await refuseIfReferenced(ctx.db, 'building', id, [
    { message: 'customers are placed in it', table: customers, where: and(eq(customers.operatorId, operatorId), eq(customers.buildingId, id)) },
  ]);
  await ctx.db.transaction(async (tx) => {
    await tx.delete(buildingTable).where(and(eq(buildingTable.operatorId, operatorId), eq(buildingTable.id, id)));
    await audit(tx, ctx.actor, 'building.delete', 'building', id, { name: existing.name, streetId: existing.streetId });
  });
}

/** The address book writes, grouped as the surfaces call them. */
export const areas = { create: createArea, update: updateArea, delete: deleteArea };
export const streets = { create: createStreet, update: updateStreet, delete: deleteStreet };
export const buildings = { create: createBuilding, update: updateBuilding, delete: deleteBuilding };

// ---------------------------------------------------------------- a customer's place

export interface CustomerLocationInput {
  customerId: number;
  areaId?: number | null;
  streetId?: number | null;
  buildingId?: number | null;
}

/**
 * Sets where a customer is in the address book. The location is replaced as a whole: a part
 * left out (or null) is cleared. A street needs its area, and a building its street, given
 * with it; each must lie in the part above it.
 */
export async function setCustomerLocation(ctx: ServiceContext, input: CustomerLocationInput) {
  authorize(ctx.actor, 'customers.write');
  const operatorId = ctx.actor.operatorId;
  await customerService.getById(ctx, input.customerId);
  const v = new Validation();
  const area = input.areaId != null ? await findArea(ctx.db, operatorId, input.areaId) : null;
  if (input.areaId != null && !area) v.add('areaId', `area ${input.areaId} does not exist`, 'NOT_FOUND');
  const street = input.streetId != null ? await findStreet(ctx.db, operatorId, input.streetId) : null;
  if (input.streetId != null) {
    if (!street) v.add('streetId', `street ${input.streetId} does not exist`, 'NOT_FOUND');
    else if (input.areaId == null) v.add('areaId', `street ${street.id} needs its area (${street.areaId}) given with it`);
    else if (area && street.areaId !== area.id) v.add('streetId', `street ${street.id} is not in area ${area.id}`);
  }
  if (input.buildingId != null) {
    const building = await findBuilding(ctx.db, operatorId, input.buildingId);
    if (!building) v.add('buildingId', `building ${input.buildingId} does not exist`, 'NOT_FOUND');
    else if (input.streetId == null) v.add('streetId', `building ${building.id} needs its street (${building.streetId}) given with it`);
    else if (street && building.streetId !== street.id) v.add('buildingId', `building ${building.id} is not on street ${street.id}`);
  }
  v.throwIfAny();
  const changes = { areaId: input.areaId ?? null, streetId: input.streetId ?? null, buildingId: input.buildingId ?? null };
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(customers)
      .set({ ...changes, updatedAt: sql`now()` })
      .where(and(eq(customers.operatorId, operatorId), eq(customers.id, input.customerId)))
      .returning();
    await audit(tx, ctx.actor, 'customer.location', 'customer', input.customerId, changes);
    return row!;
  });
}
