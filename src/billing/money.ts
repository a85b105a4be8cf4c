/**
 * Exact money arithmetic: amounts are decimal strings ("12.30") in and out, integer cents in
 * between. Binary floats never touch money (0.1 + 0.2 !== 0.3).
 */
const MONEY = /^(-)?(\d{1,12})(?:\.(\d{1,4}))?$/;

/** Cents of a decimal string, or null if it is not a number with at most two decimals that matter. */
export function toCents(value: string): number | null {
  const match = MONEY.exec(value.trim());
  if (!match) return null;
  const [, sign, whole, fraction = ''] = match;
  // "12.3400" is fine, "12.345" is not a whole number of cents
  if (/[1-9]/.test(fraction.slice(2))) return null;
  const cents = Number(whole) * 100 + Number(fraction.slice(0, 2).padEnd(2, '0'));
  return sign ? -cents : cents;
}

/** "12.30" for 1230. */
export function fromCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Today's date (UTC) as YYYY-MM-DD, the form date columns are read and written in. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** A GraphQL Date (a JS Date at UTC midnight) or a YYYY-MM-DD string, as YYYY-MM-DD. */
export function isoDate(value: Date | string): string {
  return typeof value === 'string' ? value : value.toISOString().slice(0, 10);
}
