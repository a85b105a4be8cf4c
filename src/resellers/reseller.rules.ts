/** Pure rules about reseller fields and wallet amounts (CRM reseller API). */

export const MAX_RESELLER_TEXT = 500;
/** Digits with optional "+", spaces, dashes and brackets; 5 to 20 characters. */
export const MOBILE_PATTERN = /^\+?[0-9][0-9 ()-]{3,18}[0-9]$/;
/** Money as stored: numeric(14,2) — the one money form every surface accepts (src/input). */
export { MONEY_TEXT as MONEY_PATTERN } from '../input';
/** Percentages as stored: numeric(7,4). */
export const PERCENT_PATTERN = /^\d{1,3}(\.\d{1,4})?$/;

/** A decimal string's sign, without converting it to a binary float. */
export function signOf(decimal: string): -1 | 0 | 1 {
  const negative = decimal.startsWith('-');
  const digits = decimal.replace(/^-/, '').replace('.', '');
  if (/^0*$/.test(digits)) return 0;
  return negative ? -1 : 1;
}

/** The amount negated, as text ("12.50" → "-12.50"). */
export function negate(decimal: string): string {
  return decimal.startsWith('-') ? decimal.slice(1) : `-${decimal}`;
}
