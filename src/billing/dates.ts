/** Calendar arithmetic on YYYY-MM-DD strings (UTC, no time of day), for billing cycles. */
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isCalendarDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

function daysInMonth(year: number, month0: number): number {
  return new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();
}

/**
 * `date` moved by `months` (may be negative). The day is `anchorDay` (default: the date's own
 * day) clamped to the month's length, so a cycle anchored on the 31st bills on Feb 28/29 and
 * returns to the 31st in March instead of drifting.
 */
export function addMonths(date: string, months: number, anchorDay?: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month0 = total - year * 12;
  const day = Math.min(anchorDay ?? d, daysInMonth(year, month0));
  return `${String(year).padStart(4, '0')}-${String(month0 + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Jaze dates: dd-mm-yyyy; also accepts YYYY-MM-DD. Returns YYYY-MM-DD or null. */
export function parseDayFirstDate(value: string): string | null {
  const v = value.trim();
  const dayFirst = /^(\d{2})-(\d{2})-(\d{4})$/.exec(v);
  const iso = dayFirst ? `${dayFirst[3]}-${dayFirst[2]}-${dayFirst[1]}` : v;
  return isCalendarDate(iso) ? iso : null;
}
