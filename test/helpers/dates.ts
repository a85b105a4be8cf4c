/**
 * Dates relative to the moment a test runs, so no test depends on the date or the time of day.
 * Call these inside the test (never at file load: a file loaded at 23:59 runs after midnight),
 * and ask for the day in the time zone the API under test reads days in: the CRM filters read
 * days in the operator's zone (the demo's is Europe/Dublin), the Jaze collection filters in UTC.
 * .ci/at-instants runs the date-sensitive files with the clock at awkward instants.
 */

const MS_PER_DAY = 86_400_000;

/** `YYYY-MM-DD` of the day `days` days from now in `timeZone` (default UTC). */
export function dayFromNow(days = 0, timeZone = 'UTC'): string {
  return calendarDay(new Date(Date.now() + days * MS_PER_DAY), timeZone);
}

/** Today in the demo operator's time zone. */
export function dublinDay(days = 0): string {
  return dayFromNow(days, 'Europe/Dublin');
}

/** `YYYY-MM-DD` of an instant as a calendar in `timeZone` shows it. */
export function calendarDay(instant: Date, timeZone = 'UTC'): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** The current year (UTC) plus `years`: "some year in the future" that never expires. */
export function yearFromNow(years = 0): number {
  return new Date().getUTCFullYear() + years;
}

/** A day `years` years ahead (UTC), on a day every month has: "any future date". */
export function futureDay(years: number, month = 5, day = 1): string {
  return `${yearFromNow(years)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
