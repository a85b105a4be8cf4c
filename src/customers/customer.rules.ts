/**
 * Pure rules about customer fields, shared by every surface through the service: what a
 * nickname may contain, how a taken nickname or invoicing id is made unique, what an e-mail
 * address looks like.
 */

/** SIMPLer: no special signs except "_", no spaces ("NewCustomer", "New_Customer"). */
export const NICKNAME_PATTERN = /^[A-Za-z0-9_]+$/;

export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const MAX_TEXT = 500;

/**
 * The next free value for `base` given the values already taken that start with it: `base`
 * itself if free, else `base` followed by the lowest serial number above those in use.
 */
export function withSerialPostfix(base: string, taken: readonly string[]): string {
  if (!taken.includes(base)) return base;
  let highest = 1;
  for (const value of taken) {
    const suffix = value.slice(base.length);
    if (value.startsWith(base) && /^\d+$/.test(suffix)) highest = Math.max(highest, Number(suffix));
  }
  return `${base}${highest + 1}`;
}

/** Splits a name at the first white space, as SIMPLer's searchCustomer does. */
export function splitName(name: string): { firstName: string; lastName: string } {
  const trimmed = name.trim();
  const at = trimmed.search(/\s/);
  return at < 0 ? { firstName: trimmed, lastName: '' } : { firstName: trimmed.slice(0, at), lastName: trimmed.slice(at).trim() };
}
