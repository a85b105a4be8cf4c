/**
 * Wire formats the billing operations share: the record documents of the get operations
 * (SIMPLer shows no shape for them), SIMPLer's spellings of billing enums, and masking.
 */
import type { LegacyDocument } from '../../catalog/operation';
import { el, type XmlElement } from '../../xml/write';

export type WireValue = string | number | boolean | Date | null | undefined;

/**
 * One row of a document: leaf fields in order, plus nested lists (an invoice's lines). In XML
 * `<item id="…"><field>…</field>…<list><sub id="…">…</sub></list></item>`; in JSON
 * `{ "id": "…", "field": "…", "list": [ … ] }`.
 */
export interface WireRecord {
  id: number;
  fields: Record<string, WireValue>;
  lists?: Record<string, { item: string; records: WireRecord[] }>;
}

/**
 * SIMPLer's text for a value: booleans are PostgreSQL's `t`/`f` (as cc_auto_payment takes them),
 * timestamps `YYYY-MM-DD HH:MM:SS.mmm` in UTC, nulls empty.
 */
export function wireText(value: WireValue): string {
  if (value == null) return '';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (value instanceof Date) return value.toISOString().replace('T', ' ').replace('Z', '');
  return String(value);
}

export function recordXml(item: string, record: WireRecord): XmlElement {
  return el(item, { id: record.id }, [
    ...Object.entries(record.fields).map(([name, value]) => el(name, [wireText(value) || null])),
    ...Object.entries(record.lists ?? {}).map(([name, list]) => el(name, list.records.map((r) => recordXml(list.item, r)))),
  ]);
}

export function recordJson(record: WireRecord): Record<string, unknown> {
  return {
    id: String(record.id),
    ...Object.fromEntries(Object.entries(record.fields).map(([name, value]) => [name, wireText(value)])),
    ...Object.fromEntries(Object.entries(record.lists ?? {}).map(([name, list]) => [name, list.records.map(recordJson)])),
  };
}

/** `<root><item id>…</item>…</root>` and `{ key: [ … ] }`. */
export function recordsDocument(root: string, item: string, key: string, records: WireRecord[]): LegacyDocument {
  return { xml: el(root, records.map((r) => recordXml(item, r))), json: { [key]: records.map(recordJson) } };
}

/** Decimal text without trailing zeros: "6.000" → "6", "2.500" → "2.5". */
export function trimDecimal(value: string | null): string | null {
  if (value == null || !value.includes('.')) return value;
  return value.replace(/\.?0+$/, '');
}

/** Only the last four characters are ever shown: "************1234". */
export function masked(last4: string | null, length = 16): string | null {
  return last4 == null ? null : `${'*'.repeat(Math.max(0, length - last4.length))}${last4}`;
}

/** SIMPLer's spelling of a stored enum value: `american_express` → `american express`. */
export function spaced(value: string | null): string | null {
  return value == null ? null : value.replace(/_/g, ' ');
}

/** A wire value from a closed set written with spaces (`credit card`) as the stored enum (`credit_card`). */
export function underscored<T extends string>(value: string): T {
  return value.toLowerCase().replace(/ /g, '_') as T;
}

/** payInvoice `paymentType`, as the document lists it. */
export const PAYMENT_TYPES = ['direct debit', 'cash', 'cheque', 'online transfer', 'credit card', 'debit card', 'standing order'] as const;

/** addCreditCardToken `cc_type`. */
export const CARD_TYPES = ['visa', 'mastercard', 'american express', 'discover', 'other'] as const;

/** addEFT `eft_sepa_sequencetype`. */
export const SEPA_SEQUENCE_TYPES = ['FRST', 'RCUR', 'OOFF', 'FNAL', 'NA'] as const;

/**
 * addCreditCardToken `country`: the document's list (its `C&ocirc;te d'Ivoire` is HTML for
 * Côte d'Ivoire). Accepted case-insensitively; the listed spelling is stored.
 */
export const DOCUMENTED_COUNTRIES = [
  'Afghanistan', 'Albania', 'Algeria', 'Andorra', 'Angola', 'Antigua and Barbuda', 'Argentina', 'Armenia', 'Australia', 'Austria',
  'Azerbaijan', 'Bahamas', 'Bahrain', 'Bangladesh', 'Barbados', 'Belarus', 'Belgium', 'Belize', 'Benin', 'Bermuda', 'Bhutan',
  'Bolivia', 'Bosnia and Herzegovina', 'Botswana', 'Brazil', 'Brunei', 'Bulgaria', 'Burkina Faso', 'Burundi', 'Cambodia',
  'Cameroon', 'Canada', 'Cape Verde', 'Central African Republic', 'Chad', 'Chile', 'China', 'Colombia', 'Comoros', 'Congo',
  'Costa Rica', "Côte d'Ivoire", 'Croatia', 'Cuba', 'Cyprus', 'Czech Republic', 'Denmark', 'Djibouti', 'Dominica',
  'Dominican Republic', 'East Timor', 'Ecuador', 'Egypt', 'El Salvador', 'Equatorial Guinea', 'Eritrea', 'Estonia', 'Ethiopia',
  'Fiji', 'Finland', 'France', 'Gabon', 'Gambia', 'Georgia', 'Germany', 'Ghana', 'Greece', 'Grenada', 'Guatemala', 'Guinea',
  'Guinea-Bissau', 'Guyana', 'Haiti', 'Honduras', 'Hong Kong', 'Hungary', 'Iceland', 'India', 'Indonesia', 'Iran', 'Iraq',
  'Ireland', 'Israel', 'Italy', 'Jamaica', 'Japan', 'Jordan', 'Kazakhstan', 'Kenya', 'Kiribati', 'North Korea', 'South Korea',
  'Kuwait', 'Kyrgyzstan', 'Laos', 'Latvia', 'Lebanon', 'Lesotho', 'Liberia', 'Libya', 'Liechtenstein', 'Lithuania',
  'Luxembourg', 'Macedonia', 'Madagascar', 'Malawi', 'Malaysia', 'Maldives', 'Mali', 'Malta', 'Marshall Islands', 'Mauritania',
  'Mauritius', 'Mexico', 'Micronesia', 'Moldova', 'Monaco', 'Mongolia', 'Montenegro', 'Morocco', 'Mozambique', 'Myanmar',
  'Namibia', 'Nauru', 'Nepal', 'Netherlands', 'New Zealand', 'Nicaragua', 'Niger', 'Nigeria', 'Norway', 'Oman', 'Pakistan',
  'Palau', 'Palestine', 'Panama', 'Papua New Guinea', 'Paraguay', 'Peru', 'Philippines', 'Poland', 'Portugal', 'Puerto Rico',
  'Qatar', 'Romania', 'Russia', 'Rwanda', 'Saint Kitts and Nevis', 'Saint Lucia', 'Saint Vincent and the Grenadines', 'Samoa',
  'San Marino', 'Sao Tome and Principe', 'Saudi Arabia', 'Senegal', 'Serbia and Montenegro', 'Seychelles', 'Sierra Leone',
  'Singapore', 'Slovakia', 'Slovenia', 'Solomon Islands', 'Somalia', 'South Africa', 'Spain', 'Sri Lanka', 'Sudan', 'Suriname',
  'Swaziland', 'Sweden', 'Switzerland', 'Syria', 'Taiwan', 'Tajikistan', 'Tanzania', 'Thailand', 'Togo', 'Tonga',
  'Trinidad and Tobago', 'Tunisia', 'Turkey', 'Turkmenistan', 'Tuvalu', 'Uganda', 'Ukraine', 'United Arab Emirates',
  'United Kingdom', 'United States', 'Uruguay', 'Uzbekistan', 'Vanuatu', 'Vatican City', 'Venezuela', 'Vietnam', 'Yemen',
  'Zambia', 'Zimbabwe',
] as const;
