/**
 * The documented forms of numbers, one definition each: no sign `+`, no exponent, no spaces,
 * no leading or trailing dot. A JSON number reaches these as the characters the caller wrote
 * (`parseJsonKeepingNumbers`), so `1.0` is not taken for the id 1.
 */

/** A whole number: optional minus and 1–15 digits (ids are unsigned in practice; the service finds no `-1`). */
export const INTEGER_TEXT = /^-?[0-9]{1,15}$/;

/** An exact decimal as stored in numeric(16,4) columns: rates, coordinates, quantities. */
export const DECIMAL_TEXT = /^-?[0-9]{1,12}(\.[0-9]{1,6})?$/;

/** Money: numeric(14,2) — up to 12 whole digits and at most 2 decimals. */
export const MONEY_TEXT = /^-?[0-9]{1,12}(\.[0-9]{1,2})?$/;

export function isDecimalText(text: string): boolean {
  return DECIMAL_TEXT.test(text);
}

export function isMoneyText(text: string): boolean {
  return MONEY_TEXT.test(text);
}
