/**
 * Pages through a whole connection with `first: size` forwards or `last: size` backwards and
 * returns its nodes' keys in list order, checking that every page holds rows and that paging
 * ends: the pieces a test compares with a full sort to show no row is skipped or repeated.
 */
import { expect } from 'vitest';

export interface ConnectionPage {
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  edges: { node: Record<string, unknown> }[];
}

export async function pageThrough(
  fetchPage: (args: { first?: number; after?: string; last?: number; before?: string }) => Promise<ConnectionPage>,
  key: (node: Record<string, unknown>) => string,
  options: { backwards: boolean; size?: number; maxPages?: number },
): Promise<string[]> {
  const size = options.size ?? 2;
  const keys: string[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < (options.maxPages ?? 200); page++) {
    const data = await fetchPage(options.backwards ? { last: size, before: cursor } : { first: size, after: cursor });
    const pageKeys = data.edges.map((e) => key(e.node));
    expect(pageKeys.length).toBeGreaterThan(0);
    if (options.backwards) keys.unshift(...pageKeys);
    else keys.push(...pageKeys);
    if (!(options.backwards ? data.pageInfo.hasPreviousPage : data.pageInfo.hasNextPage)) return keys;
    cursor = (options.backwards ? data.pageInfo.startCursor : data.pageInfo.endCursor) ?? undefined;
  }
  throw new Error('paging did not end');
}

/** The full sort a keyset list must give: nulls above every value (last ascending, first descending), ties by id. */
export function sortedIds<T extends { id: number }>(items: T[], valueOf: (item: T) => string | number | null, direction: 'ASC' | 'DESC'): string[] {
  const sign = direction === 'ASC' ? 1 : -1;
  return [...items]
    .sort((a, b) => {
      const va = valueOf(a);
      const vb = valueOf(b);
      const byValue = va === vb ? 0 : va == null ? 1 : vb == null ? -1 : va < vb ? -1 : 1;
      return sign * (byValue || a.id - b.id);
    })
    .map((item) => String(item.id));
}
