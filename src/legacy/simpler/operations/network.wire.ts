/**
 * Wire formats the SIMPLer network operations share: the numbered and spelled-out closed sets
 * (site interval/status/type, tower type, basestation monitor), how "sent empty" reads on adds
 * and modifies, which GPS axis is which, and the record documents of listEquipment/getCPEData.
 */
import type { Args } from '../../catalog/args';
import type { LegacyDocument } from '../../catalog/operation';
import { el, type XmlElement } from '../../xml/write';

// ---------------------------------------------------------------- closed sets

/** A SIMPLer code (as the catalogue passed it on, in its listed spelling) → the stored value. */
export type CodeMap<T extends string> = Readonly<Record<string, T>>;

export const SITE_INTERVALS = { '0': 'none', '1': 'quarterly', '2': 'semi_annually', '3': 'annually' } as const satisfies CodeMap<string>;
export const SITE_STATUSES = { '1': 'potential', '2': 'production', '3': 'decommissioned', '4': 'cancelled' } as const satisfies CodeMap<string>;
export const SITE_TYPES = { Network: 'network', Warehouse: 'warehouse', Installer: 'installer' } as const satisfies CodeMap<string>;
export const TOWER_TYPES = {
  Building: 'building',
  Grain: 'grain',
  'Guided Tower': 'guided_tower',
  Lattice: 'lattice',
  Monopole: 'monopole',
  Pole: 'pole',
  'Water Tower': 'water_tower',
} as const satisfies CodeMap<string>;
export const EQUIPMENT_STATUSES = { stock: 'stock', use: 'use' } as const satisfies CodeMap<string>;
export const MONITOR_MODES = {
  monitor: 'monitor',
  'no monitor': 'no_monitor',
  'monitor+sms': 'monitor_sms',
  'monitor no alert': 'monitor_no_alert',
} as const satisfies CodeMap<string>;

/** The accepted spellings of a code map, for a ParamSpec's `values`. */
export const codesOf = (map: CodeMap<string>): string[] => Object.keys(map);

/**
 * A closed-set parameter as its stored value: undefined when not sent, null when sent empty.
 * The catalogue has already refused anything outside the set.
 */
export function coded<M extends CodeMap<string>>(args: Args, name: string, map: M): M[keyof M] | null | undefined {
  const code = args.text(name);
  if (code === undefined) return undefined;
  if (code === null || code === '') return null;
  return map[code] as M[keyof M];
}

// ---------------------------------------------------------------- sent values

/** Text as a field value: undefined when not sent; sent empty (or nil) is null, which clears on modify. */
export function textField(args: Args, name: string): string | null | undefined {
  const value = args.text(name);
  return value === '' ? null : value;
}

/**
 * On an add there is nothing to clear, so a parameter sent empty counts as not sent (the stored
 * default applies), as SIMPLer's forms do with blank fields.
 */
export function givenOnly<T extends object>(input: T): T {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== null && value !== undefined)) as T;
}

/**
 * SIMPLer's `gpsx`/`gpsy` pairs. The document does not say which axis is which; ispgraph reads
 * x as the longitude and y as the latitude (the customer operations do the same), decided here
 * once for sites and CPE (the services refuse a latitude outside -90..90).
 */
export function coordinates(args: Args, x: string, y: string): { latitude: string | null | undefined; longitude: string | null | undefined } {
  return { longitude: args.text(x), latitude: args.text(y) };
}

// ---------------------------------------------------------------- documents

/** SIMPLer document values are strings; nulls are empty strings. */
export type WireValue = string | readonly string[];
export type WireRecord = Record<string, WireValue>;

export const wireText = (value: string | number | null | undefined): string => (value == null ? '' : String(value));

/** Postgres' boolean text, as SIMPLer (Perl on Postgres) prints flags. */
export const wireFlag = (value: boolean | null | undefined): string => (value == null ? '' : value ? 't' : 'f');

/** `YYYY-MM-DD HH:MM:SS` in UTC, the vendor's `date_added` layout without the fraction. */
export function wireTimestamp(value: Date | string | null | undefined): string {
  if (value == null) return '';
  const date = value instanceof Date ? value : new Date(value);
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

/** A MAC as the vendor's sample prints it: upper-case hex, colon-separated. */
export const wireMac = (value: string | null | undefined): string => (value == null ? '' : value.toUpperCase());

function recordElement(name: string, record: WireRecord, listItem: string): XmlElement {
  return el(
    name,
    { id: typeof record.id === 'string' ? record.id : undefined },
    Object.entries(record).map(([field, value]) =>
      typeof value === 'string' ? el(field, [value]) : el(field, value.map((item) => el(listItem, [item]))),
    ),
  );
}

/**
 * A list document: `<root><record id="1"><field>…</field>…</record>…</root>` for SOAP and
 * `{ "<jsonKey>": [ { "field": "…" }, … ] }` for REST. List-valued fields become
 * `<field><listItem>…</listItem>…</field>` in XML and arrays of strings in JSON.
 */
export function recordsDocument(shape: { root: string; record: string; jsonKey: string; listItem?: string }, records: WireRecord[]): LegacyDocument {
  return {
    xml: el(shape.root, records.map((r) => recordElement(shape.record, r, shape.listItem ?? 'item'))),
    json: { [shape.jsonKey]: records },
  };
}
