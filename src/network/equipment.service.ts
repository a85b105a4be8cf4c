/**
 * Equipment: the inventory of devices (SIMPLer listEquipment, getCPEData look-ups). Reading only
 * for now; the filters are the ones listEquipment documents.
 */
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { listCount, listPage, type PageArgs, type SortKey } from '../db/pagination';
import type { ServiceContext } from '../shared/context';
import { NotFoundError } from '../shared/errors';
import { equipment } from './equipment.table';
import { macContains } from './filters';
import { containsText } from '../db/text-match';

export type EquipmentRow = typeof equipment.$inferSelect;

export async function findByIds(db: Executor, operatorId: number, ids: readonly number[]): Promise<EquipmentRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(equipment).where(and(eq(equipment.operatorId, operatorId), inArray(equipment.id, [...ids])));
}

export async function getById(ctx: ServiceContext, id: number): Promise<EquipmentRow> {
  const [row] = await findByIds(ctx.db, ctx.actor.operatorId, [id]);
  if (!row) throw new NotFoundError('equipment', id, ['equipmentId']);
  return row;
}

export interface EquipmentFilter {
  type?: string | null;
  status?: EquipmentRow['status'] | null;
  /** Part of the nickname, any case. */
  nickname?: string | null;
  /** Exact address. */
  ipAddress?: string | null;
  /** Part of the MAC, separators ignored. */
  mac?: string | null;
  siteId?: number | null;
  serialNumber?: string | null;
  parentId?: number | null;
}

export function equipmentConditions(operatorId: number, filter: EquipmentFilter = {}): SQL {
  const conditions: (SQL | undefined)[] = [eq(equipment.operatorId, operatorId)];
  if (filter.type) conditions.push(eq(equipment.type, filter.type));
  if (filter.status) conditions.push(eq(equipment.status, filter.status));
  if (filter.nickname) conditions.push(containsText(equipment.nickname, filter.nickname));
  // host() compares the address alone, so a stored prefix ("10.0.0.1/24") still matches "10.0.0.1".
  if (filter.ipAddress) conditions.push(sql`host(${equipment.ipAddress}) = host(${filter.ipAddress}::inet)`);
  if (filter.mac) conditions.push(macContains(equipment.mac, filter.mac));
  if (filter.siteId != null) conditions.push(eq(equipment.siteId, filter.siteId));
  if (filter.serialNumber) conditions.push(eq(equipment.serialNumber, filter.serialNumber));
  if (filter.parentId != null) conditions.push(eq(equipment.parentId, filter.parentId));
  return and(...conditions)!;
}

export const EQUIPMENT_SORTS = { ID: equipment.id, NICKNAME: equipment.nickname, DATE_ADDED: equipment.dateAdded } as const;
export type EquipmentSortField = keyof typeof EQUIPMENT_SORTS;

export function equipmentSort(field: EquipmentSortField = 'ID', direction: 'asc' | 'desc' = 'asc'): SortKey {
  return { name: `${field}_${direction.toUpperCase()}`, column: EQUIPMENT_SORTS[field], direction };
}

export async function list(ctx: ServiceContext, filter: EquipmentFilter, sort: SortKey, page: PageArgs) {
  const where = equipmentConditions(ctx.actor.operatorId, filter);
  return {
    page: await listPage(ctx.db, { table: equipment, idColumn: equipment.id, where, sort }, page),
    count: () => listCount(ctx.db, equipment, where),
  };
}
