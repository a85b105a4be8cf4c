/**
 * The `updatedFrom`/`updatedTo` filter every root connection of a tracked type takes, so a sync
 * client can ask for "what changed since T" on one list as well as on the `changes` feed. One
 * rule for all of them: inclusive bounds on the row's `updated_at`, and a reversed range is the
 * caller's mistake (refused), not an empty answer that looks like "nothing changed".
 */
import { gte, lte, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { Validation } from '../shared/errors';

export interface UpdatedRange {
  updatedFrom?: Date | null;
  updatedTo?: Date | null;
}

/** The conditions on `column` (a table's `updatedAt`) for the range; throws INVALID when from > to. */
export function updatedWithin(column: PgColumn, range: UpdatedRange): SQL[] {
  const { updatedFrom: from, updatedTo: to } = range;
  if (from && to && from > to) {
    new Validation().add('updatedFrom', `updatedFrom ${from.toISOString()} is after updatedTo ${to.toISOString()}`).throwIfAny();
  }
  const conditions: SQL[] = [];
  if (from) conditions.push(gte(column, from));
  if (to) conditions.push(lte(column, to));
  return conditions;
}

export const UPDATED_FROM_DESCRIPTION = 'Changed at or after this moment.';
export const UPDATED_TO_DESCRIPTION = 'Changed at or before this moment.';
