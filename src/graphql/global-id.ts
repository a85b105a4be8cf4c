/**
 * Opaque global ids for the Node interface: base64url of "Type:legacyId". Clients must treat
 * them as opaque; `legacyId` on every node gives the number the legacy APIs use.
 */
export function toGlobalId(type: string, id: number): string {
  return Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
}

/** The largest id of an `integer` column; ids beyond it name nothing (and must not reach SQL). */
export const MAX_INT_ID = 2_147_483_647;

/**
 * The type and id a global id names, or null when it is not one. `maxId` is the id column's
 * range: `integer` for every type but the few over `bigint` (RADIUS sessions), which pass
 * Number.MAX_SAFE_INTEGER.
 */
export function fromGlobalId(globalId: string, maxId: number = MAX_INT_ID): { type: string; id: number } | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(globalId)) return null;
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const match = /^([A-Za-z]+):(\d{1,16})$/.exec(decoded);
  if (!match) return null;
  const id = Number(match[2]);
  if (!Number.isSafeInteger(id) || id <= 0 || id > maxId) return null;
  return { type: match[1]!, id };
}
