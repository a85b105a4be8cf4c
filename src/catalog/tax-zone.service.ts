/** Tax zones: named default tax rates a customer or subscription can pick (SIMPLer `tax_zone`). */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/client';
import type { ServiceContext } from '../shared/context';
import { taxZones } from './tax-zone.table';

export type TaxZoneRow = typeof taxZones.$inferSelect;

export async function findByIds(db: Executor, operatorId: number, ids: readonly number[]): Promise<TaxZoneRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(taxZones).where(and(eq(taxZones.operatorId, operatorId), inArray(taxZones.id, [...ids])));
}

/** Every tax zone of the operator, by name (a short list: no paging). */
export async function list(ctx: ServiceContext): Promise<TaxZoneRow[]> {
  return ctx.db.select().from(taxZones).where(eq(taxZones.operatorId, ctx.actor.operatorId)).orderBy(asc(taxZones.name), asc(taxZones.id));
}
