/** Small input rules shared by the support services (tickets, installer jobs, sales issues). */
import type { Validation } from '../shared/errors';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD. */
export function isDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

export function checkDate(v: Validation, field: string, value: string | null | undefined): void {
  if (value != null && !isDate(value)) v.add(field, `${field} must be a date as YYYY-MM-DD, not "${value}"`);
}

/** A non-negative decimal number (hours, fees, values) given as a number or a string. */
export function checkAmount(v: Validation, field: string, value: string | number | null | undefined): void {
  if (value == null) return;
  const text = String(value).trim();
  if (!/^\d+(\.\d+)?$/.test(text)) v.add(field, `${field} must be a number of at least 0, not "${value}"`);
}

/** Appends `addition` to `existing` on a new line (SIMPLer `updateresolution`). */
export function appendText(existing: string | null, addition: string): string {
  return existing ? `${existing}\n${addition}` : addition;
}

export type TicketStatus = 'open' | 'closed' | 'waiting_for_customer';

/** The status as stored; the wire spelling "waiting for customer" is accepted too. */
export function ticketStatus(v: Validation, field: string, value: string | null | undefined): TicketStatus | undefined {
  if (value == null) return undefined;
  const normal = value.trim().toLowerCase().replace(/\s+/g, '_');
  if (normal === 'open' || normal === 'closed' || normal === 'waiting_for_customer') return normal;
  v.add(field, `${field} must be open, closed or waiting for customer, not "${value}"`);
  return undefined;
}
