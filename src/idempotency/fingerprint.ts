/**
 * The fingerprint of a request: sha256 of its input as canonical JSON. Written here rather than
 * taken from a package because the inputs are small service records (strings, numbers,
 * booleans, arrays) and only need a stable key order and one spelling of "absent".
 */
import { createHash } from 'node:crypto';

/** Object keys sorted; null and undefined members dropped, so an omitted field equals a null one. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && !(value instanceof Date)) {
    const members = Object.entries(value as Record<string, unknown>)
      .filter(([, member]) => member !== null && member !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, member]) => `${JSON.stringify(key)}:${canonicalJson(member)}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value);
}

export function fingerprint(input: unknown): string {
  return createHash('sha256').update(canonicalJson(input)).digest('hex');
}
