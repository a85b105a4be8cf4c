/** Small helpers for the address filters of the network and RADIUS lists. */
import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/**
 * A MAC filter matches any part of the address whatever separators were typed
 * ("00:1A", "001a", "0800.2b01"): both sides are compared as bare hex digits.
 */
export function macContains(column: PgColumn, value: string): SQL {
  const hex = value.toLowerCase().replace(/[^0-9a-f]/g, '');
  return sql`replace(${column}::text, ':', '') like ${`%${hex}%`}`;
}

/** Addresses as served: inet may carry a prefix ("10.0.0.1/24") that an address field must not. */
export function hostOf(value: string | null): string | null {
  return value == null ? null : value.split('/')[0]!;
}

/** hostOf in SQL, for the compiled read path: the address of an inet without its prefix. */
export function hostSql(column: PgColumn): SQL {
  return sql`host(${column})`;
}

/**
 * A text column holding a MAC in whatever notation a NAS reports it (Calling-Station-Id:
 * "AA-BB-CC-DD-EE-FF", "aabb.ccdd.eeff") equal to this MAC: both as bare lowercase hex.
 */
export function macTextEquals(column: PgColumn, value: string): SQL {
  const hex = value.toLowerCase().replace(/[^0-9a-f]/g, '');
  return sql`regexp_replace(lower(${column}), '[^0-9a-f]', '', 'g') = ${hex}`;
}

/** An inet column holding this address, whatever prefix either side carries. */
export function hostEquals(column: PgColumn, address: string): SQL {
  return sql`host(${column}) = host(${address.trim()}::inet)`;
}
