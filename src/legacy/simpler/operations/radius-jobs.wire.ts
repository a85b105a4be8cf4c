/**
 * Wire formats of the SIMPLer RADIUS operations: how listRadiusSessions shows octet counts,
 * session lengths and times, and the record shape shared by the RADIUS list documents (one
 * JSON object of strings per row, the same as an XML element with one leaf per field).
 */
import { el, fields, type XmlElement, type XmlNode } from '../../xml/write';

const OCTET_UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB', 'EB'] as const;

/**
 * An octet count as SIMPLer shows it: binary units, one decimal (`9293410279` → `8.7 GB`,
 * `2953407` → `2.8 MB`); under 1 KB in whole bytes; empty when the NAS reported nothing.
 */
export function octetsDisplay(octets: number | null): string {
  if (octets == null) return '';
  if (octets < 1024) return `${octets} B`;
  let value = octets;
  let unit = 0;
  // Rounding to one decimal may reach 1024.0 of a unit: that is 1.0 of the next.
  while (unit < OCTET_UNITS.length - 1 && Number(value.toFixed(1)) >= 1024) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${OCTET_UNITS[unit]}`;
}

const two = (n: number) => String(n).padStart(2, '0');

/**
 * A session length as SIMPLer shows it, trailing space included: `113 day(s) 15h 01m 13s `,
 * `09h 44m 59s ` (no day part under a day); empty when unknown.
 */
export function durationDisplay(seconds: number | null): string {
  if (seconds == null || seconds < 0) return '';
  const days = Math.floor(seconds / 86_400);
  const rest = seconds % 86_400;
  const clock = `${two(Math.floor(rest / 3600))}h ${two(Math.floor((rest % 3600) / 60))}m ${two(rest % 60)}s `;
  return days > 0 ? `${days} day(s) ${clock}` : clock;
}

/** A timestamp as PostgreSQL prints a timestamptz in UTC: `2018-03-03 18:33:24+00`. */
export function timestampUtc(value: Date | null): string | null {
  if (value == null) return null;
  return `${value.toISOString().slice(0, 19).replace('T', ' ')}+00`;
}

/** A timestamp for people, in the operator's time zone, without the zone: `2018-03-03 18:33:24`; empty when null. */
export function timestampDisplay(value: Date | null, timeZone: string): string {
  if (value == null) return '';
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(value)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/** SIMPLer JSON values are strings; null stays null. */
export const wireText = (value: string | number | null | undefined): string | null => (value == null ? null : String(value));

/**
 * One record as an XML element (`<name id="…">` with a leaf per field, empty for null) from
 * the same object the JSON reply carries.
 */
export function recordElement(name: string, record: Record<string, XmlNode>, idField = 'id'): XmlElement {
  const id = record[idField];
  return el(name, { id: id == null || typeof id === 'object' ? undefined : String(id) }, fields(record));
}
