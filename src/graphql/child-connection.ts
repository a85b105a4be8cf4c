/**
 * Nested connections (a parent's paged children) without N+1: one DataLoader per distinct
 * argument set pages the children of every parent asked for in one statement (childPages),
 * and `totalCount` counts them per parent in one more (childCounts), only when asked for.
 * Used by every area with nested lists.
 */
import type { SQL } from 'drizzle-orm';
import type { PgColumn, PgTable, TableConfig } from 'drizzle-orm/pg-core';
import { childCounts, childPages, type Page, type PageArgs, type SortKey } from '../db/pagination';
import { toConnection, type ConnectionValue } from './connection';
import type { GraphQLContext } from './context';

export interface ChildListSpec<TTable extends PgTable<TableConfig>> {
  /** Loader name, e.g. `sessions.byCustomer`; the arguments are appended to it. */
  name: string;
  table: TTable;
  idColumn: PgColumn;
  parentColumn: PgColumn;
  /** Filter on the children; must not depend on the parent (it is shared by the batch). */
  where: SQL | undefined;
  sort: SortKey;
}

export async function childConnection<TTable extends PgTable<TableConfig>, TNode>(
  ctx: GraphQLContext,
  spec: ChildListSpec<TTable>,
  /** Everything that shaped `where` and `sort` (filter, order), so equal arguments share a loader. */
  args: unknown,
  page: PageArgs,
  parentId: number,
  toNode: (row: TTable['$inferSelect']) => TNode,
): Promise<ConnectionValue<TNode>> {
  const key = `${spec.name}:${JSON.stringify([args, page])}`;
  const pages = ctx.loaders.get<number, Page<TTable['$inferSelect']>>(key, async (ids) => {
    const byParent = await childPages(ctx.db, spec, ids, page);
    return ids.map((id) => byParent.get(id)!);
  });
  const counts = ctx.loaders.get<number, number>(`${key}:count`, async (ids) => {
    const byParent = await childCounts(ctx.db, spec.table, spec.parentColumn, ids, spec.where);
    return ids.map((id) => byParent.get(id) ?? 0);
  });
  return toConnection(await pages.load(parentId), toNode, () => counts.load(parentId));
}
