import { sql } from 'drizzle-orm';
import { type AnyPgColumn, check } from 'drizzle-orm/pg-core';

/** The attribute operators FreeRADIUS understands in its SQL tables (and Jaze's `equals`). */
export const radiusOperators = ['=', ':=', '==', '+=', '!=', '>', '>=', '<', '<=', '=~', '!~', '=*', '!*'] as const;
export type RadiusOperator = (typeof radiusOperators)[number];

/** A CHECK that keeps `op` to the operators above: a bad operator silently breaks authentication. */
export const radiusOpCheck = (name: string, op: AnyPgColumn) =>
  check(name, sql`${op} in (${sql.raw(radiusOperators.map((o) => `'${o}'`).join(', '))})`);
