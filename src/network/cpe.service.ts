/**
 * CPE and basestations: a piece of equipment installed at a customer, or mounted on a site
 * (SIMPLer addCPE/modifyCPE/deleteCPE, addBasestation/modifyBasestation/deleteBasestation).
 * A device is at most one of the two. Writes validate first, then run in one transaction.
 */
import { and, eq, ne } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { audit } from '../shared/audit';
import type { ServiceContext } from '../shared/context';
import { uniqueViolation } from '../shared/db-errors';
import { ConflictError, NotFoundError, Validation } from '../shared/errors';
import { customers } from '../customers/customer.table';
import { monitorMode } from '../customers/customer.table';
import { basestations } from './basestation.table';
import { cpes } from './cpe.table';
import { equipment } from './equipment.table';
import { gateways } from './gateway.table';
import { sites } from './site.table';
import { setFields } from '../shared/patch';
import { equipmentConditions } from './equipment.service';
import { authorize } from '../tenancy/permissions';

export type CpeRow = typeof cpes.$inferSelect;
export type BasestationRow = typeof basestations.$inferSelect;
/** Fields as a caller sends them: undefined leaves a field as it is, null clears it (refused where a value is required). */
type Clearable<T> = { [K in keyof T]?: T[K] | null };
export type CpeInput = Clearable<CpeColumns>;
export type BasestationInput = Clearable<BasestationColumns>;

async function exists(db: Executor, table: typeof customers | typeof sites | typeof gateways | typeof equipment, operatorId: number, id: number): Promise<boolean> {
  const [row] = await db.select({ id: table.id }).from(table).where(and(eq(table.operatorId, operatorId), eq(table.id, id)));
  return !!row;
}

/** Whether the device is already a CPE or a basestation (other than the row being changed). */
async function checkEquipmentFree(db: Executor, v: Validation, operatorId: number, equipmentId: number, self: { cpeId?: number; basestationId?: number }) {
  if (!(await exists(db, equipment, operatorId, equipmentId))) {
    v.add('equipmentId', `equipment ${equipmentId} does not exist`, 'NOT_FOUND');
    return;
  }
  const [cpe] = await db.select({ id: cpes.id }).from(cpes).where(and(eq(cpes.equipmentId, equipmentId), self.cpeId ? ne(cpes.id, self.cpeId) : undefined));
  if (cpe) v.add('equipmentId', `equipment ${equipmentId} is already CPE ${cpe.id}`, 'CONFLICT');
  const [bs] = await db
    .select({ id: basestations.id })
    .from(basestations)
    .where(and(eq(basestations.equipmentId, equipmentId), self.basestationId ? ne(basestations.id, self.basestationId) : undefined));
  if (bs) v.add('equipmentId', `equipment ${equipmentId} is already basestation ${bs.id}`, 'CONFLICT');
}

function checkNumber(v: Validation, field: string, value: string | null | undefined, min: number, max: number): void {
  if (value == null) return;
  const n = Number(value);
  if (String(value).trim() === '' || !Number.isFinite(n) || n < min || n > max) v.add(field, `${field} must be a number from ${min} to ${max}`);
}

/** The columns to write, once validation has refused nulls where a value is required. */
const clean = <T extends object>(input: Clearable<T>): Partial<T> => setFields(input, { trim: false }) as Partial<T>;
type CpeColumns = Omit<typeof cpes.$inferInsert, 'id' | 'operatorId' | 'createdAt'>;
type BasestationColumns = Omit<typeof basestations.$inferInsert, 'id' | 'operatorId' | 'createdAt'>;

function equipmentTaken(error: unknown, equipmentId: number | undefined): never {
  const constraint = uniqueViolation(error);
  if (constraint?.includes('_equipment_key')) throw new ConflictError(`equipment ${equipmentId} is already in use`, ['equipmentId']);
  throw error;
}

// ---------------------------------------------------------------- CPE

async function validateCpe(db: Executor, operatorId: number, input: CpeInput, existing: CpeRow | null): Promise<void> {
  const v = new Validation();
  if (!existing && input.equipmentId == null) v.add('equipmentId', 'equipment is required');
  if (!existing && input.customerId == null) v.add('customerId', 'customer is required');
  if (existing && (input.equipmentId === null || input.customerId === null)) v.add(input.equipmentId === null ? 'equipmentId' : 'customerId', 'cannot be removed');
  if (input.equipmentId != null && input.equipmentId !== existing?.equipmentId) await checkEquipmentFree(db, v, operatorId, input.equipmentId, { cpeId: existing?.id });
  if (input.customerId != null && !(await exists(db, customers, operatorId, input.customerId))) v.add('customerId', `customer ${input.customerId} does not exist`, 'NOT_FOUND');
  checkNumber(v, 'latitude', input.latitude, -90, 90);
  checkNumber(v, 'longitude', input.longitude, -180, 180);
  checkNumber(v, 'distance', input.distance, 0, 1e9);
  // The checklist flags are yes/no; there is no "unknown" to clear them to.
  if (input.dishInstalled === null) v.add('dishInstalled', 'dish installed cannot be removed (give true or false)');
  if (input.groundingCompleted === null) v.add('groundingCompleted', 'grounding completed cannot be removed (give true or false)');
  v.throwIfAny();
}

export async function getCpe(ctx: ServiceContext, id: number): Promise<CpeRow> {
  const [row] = await ctx.db.select().from(cpes).where(and(eq(cpes.operatorId, ctx.actor.operatorId), eq(cpes.id, id)));
  if (!row) throw new NotFoundError('CPE', id, ['cpeId']);
  return row;
}

export interface CpeFilter {
  customerId?: number | null;
  equipmentId?: number | null;
  /** Part of the device's nickname, any case. */
  nickname?: string | null;
  /** The device's exact address. */
  ipAddress?: string | null;
  /** The device's exact serial number. */
  serialNumber?: string | null;
  /** Part of the device's MAC, separators ignored. */
  mac?: string | null;
}

export interface CpeWithEquipment {
  cpe: CpeRow;
  equipment: typeof equipment.$inferSelect;
}

/**
 * CPEs with their devices, in CPE id order (SIMPLer getCPEData). A customer or device named by
 * id must exist; the other filters simply narrow the list.
 */
export async function listCpes(ctx: ServiceContext, filter: CpeFilter): Promise<CpeWithEquipment[]> {
  const operatorId = ctx.actor.operatorId;
  const v = new Validation();
  if (filter.customerId != null && !(await exists(ctx.db, customers, operatorId, filter.customerId))) {
    v.add('customerId', `customer ${filter.customerId} does not exist`, 'NOT_FOUND');
  }
  if (filter.equipmentId != null && !(await exists(ctx.db, equipment, operatorId, filter.equipmentId))) {
    v.add('equipmentId', `equipment ${filter.equipmentId} does not exist`, 'NOT_FOUND');
  }
  v.throwIfAny();
  const deviceConditions = equipmentConditions(operatorId, {
    id: filter.equipmentId,
    nickname: filter.nickname,
    ipAddress: filter.ipAddress,
    serialNumber: filter.serialNumber,
    mac: filter.mac,
  });
  return ctx.db
    .select({ cpe: cpes, equipment })
    .from(cpes)
    .innerJoin(equipment, eq(equipment.id, cpes.equipmentId))
    .where(and(eq(cpes.operatorId, operatorId), filter.customerId != null ? eq(cpes.customerId, filter.customerId) : undefined, deviceConditions))
    .orderBy(cpes.id);
}

/** Installs a device at a customer (SIMPLer addCPE). */
export async function createCpe(ctx: ServiceContext, input: CpeInput): Promise<CpeRow> {
  authorize(ctx.actor, 'network.write');
  const operatorId = ctx.actor.operatorId;
  await validateCpe(ctx.db, operatorId, input, null);
  const values = clean<CpeColumns>(input);
  try {
    return await ctx.db.transaction(async (tx) => {
      const [row] = await tx.insert(cpes).values({ ...values, operatorId } as typeof cpes.$inferInsert).returning();
      await audit(tx, ctx.actor, 'cpe.create', 'cpe', row!.id, values);
      return row!;
    });
  } catch (error) {
    return equipmentTaken(error, input.equipmentId ?? undefined);
  }
}

/** Changes a CPE's fields (SIMPLer modifyCPE). */
export async function updateCpe(ctx: ServiceContext, id: number, input: CpeInput): Promise<CpeRow> {
  authorize(ctx.actor, 'network.write');
  const existing = await getCpe(ctx, id);
  await validateCpe(ctx.db, ctx.actor.operatorId, input, existing);
  const values = clean<CpeColumns>(input);
  if (!Object.keys(values).length) return existing;
  try {
    return await ctx.db.transaction(async (tx) => {
      const [row] = await tx.update(cpes).set(values).where(and(eq(cpes.operatorId, ctx.actor.operatorId), eq(cpes.id, id))).returning();
      await audit(tx, ctx.actor, 'cpe.update', 'cpe', id, values);
      return row!;
    });
  } catch (error) {
    return equipmentTaken(error, input.equipmentId ?? undefined);
  }
}

/** Removes a CPE record; the device stays in the inventory (SIMPLer deleteCPE). */
export async function removeCpe(ctx: ServiceContext, id: number): Promise<{ id: number }> {
  authorize(ctx.actor, 'network.write');
  const existing = await getCpe(ctx, id);
  await ctx.db.transaction(async (tx) => {
    await tx.delete(cpes).where(and(eq(cpes.operatorId, ctx.actor.operatorId), eq(cpes.id, id)));
    await audit(tx, ctx.actor, 'cpe.delete', 'cpe', id, { equipmentId: existing.equipmentId, customerId: existing.customerId });
  });
  return { id };
}

// ---------------------------------------------------------------- basestations

async function validateBasestation(db: Executor, operatorId: number, input: BasestationInput, existing: BasestationRow | null): Promise<void> {
  const v = new Validation();
  if (!existing && input.equipmentId == null) v.add('equipmentId', 'equipment is required');
  if (!existing && input.siteId == null) v.add('siteId', 'site is required');
  if (existing && (input.equipmentId === null || input.siteId === null)) v.add(input.equipmentId === null ? 'equipmentId' : 'siteId', 'cannot be removed');
  if (input.equipmentId != null && input.equipmentId !== existing?.equipmentId) await checkEquipmentFree(db, v, operatorId, input.equipmentId, { basestationId: existing?.id });
  if (input.siteId != null && !(await exists(db, sites, operatorId, input.siteId))) v.add('siteId', `site ${input.siteId} does not exist`, 'NOT_FOUND');
  if (input.gatewayId != null && !(await exists(db, gateways, operatorId, input.gatewayId))) v.add('gatewayId', `gateway ${input.gatewayId} does not exist`, 'NOT_FOUND');
  if (input.monitor !== undefined && !(monitorMode.enumValues as readonly unknown[]).includes(input.monitor)) v.add('monitor', `monitor must be one of ${monitorMode.enumValues.join(', ')}`);
  checkNumber(v, 'frequency', input.frequency, 0, 1e12);
  v.throwIfAny();
}

export async function getBasestation(ctx: ServiceContext, id: number): Promise<BasestationRow> {
  const [row] = await ctx.db.select().from(basestations).where(and(eq(basestations.operatorId, ctx.actor.operatorId), eq(basestations.id, id)));
  if (!row) throw new NotFoundError('basestation', id, ['basestationId']);
  return row;
}

/** Mounts a device on a site as a basestation (SIMPLer addBasestation). */
export async function createBasestation(ctx: ServiceContext, input: BasestationInput): Promise<BasestationRow> {
  authorize(ctx.actor, 'network.write');
  const operatorId = ctx.actor.operatorId;
  await validateBasestation(ctx.db, operatorId, input, null);
  const values = clean<BasestationColumns>(input);
  try {
    return await ctx.db.transaction(async (tx) => {
      const [row] = await tx.insert(basestations).values({ ...values, operatorId } as typeof basestations.$inferInsert).returning();
      await audit(tx, ctx.actor, 'basestation.create', 'basestation', row!.id, values);
      return row!;
    });
  } catch (error) {
    return equipmentTaken(error, input.equipmentId ?? undefined);
  }
}

/** Changes a basestation's fields (SIMPLer modifyBasestation). */
export async function updateBasestation(ctx: ServiceContext, id: number, input: BasestationInput): Promise<BasestationRow> {
  authorize(ctx.actor, 'network.write');
  const existing = await getBasestation(ctx, id);
  await validateBasestation(ctx.db, ctx.actor.operatorId, input, existing);
  const values = clean<BasestationColumns>(input);
  if (!Object.keys(values).length) return existing;
  try {
    return await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .update(basestations)
        .set(values)
        .where(and(eq(basestations.operatorId, ctx.actor.operatorId), eq(basestations.id, id)))
        .returning();
      await audit(tx, ctx.actor, 'basestation.update', 'basestation', id, values);
      return row!;
    });
  } catch (error) {
    return equipmentTaken(error, input.equipmentId ?? undefined);
  }
}

/** Removes a basestation record; the device stays in the inventory (SIMPLer deleteBasestation). */
export async function removeBasestation(ctx: ServiceContext, id: number): Promise<{ id: number }> {
  authorize(ctx.actor, 'network.write');
  const existing = await getBasestation(ctx, id);
  await ctx.db.transaction(async (tx) => {
    await tx.delete(basestations).where(and(eq(basestations.operatorId, ctx.actor.operatorId), eq(basestations.id, id)));
    await audit(tx, ctx.actor, 'basestation.delete', 'basestation', id, { equipmentId: existing.equipmentId, siteId: existing.siteId });
  });
  return { id };
}
