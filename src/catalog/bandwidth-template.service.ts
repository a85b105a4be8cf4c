/** Bandwidth templates (Jaze profiles): the rate limits plans and buckets point at. */
import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { bandwidthTemplates } from './bandwidth-template.table';

export type BandwidthTemplateRow = typeof bandwidthTemplates.$inferSelect;

export async function findByIds(db: Executor, operatorId: number, ids: readonly number[]): Promise<BandwidthTemplateRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(bandwidthTemplates).where(and(eq(bandwidthTemplates.operatorId, operatorId), inArray(bandwidthTemplates.id, [...ids])));
}
