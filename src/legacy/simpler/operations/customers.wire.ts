/**
 * SIMPLer's customer wire formats: `add1:::add2:::…` addresses, `name:::phone:::position:::email///…`
 * contact lists, `Yes:::1:::29/12/2012` VAT exemptions, `reference` as text or a customer id, and
 * the spelled-out closed sets ("customer home", "direct debit") next to the domain's enum values.
 * Parsers add their problems to a Validation so a call hears about every bad value at once.
 */
import type { ContactInput, CustomerInput } from '../../../customers/customer.service';
import { EMAIL_PATTERN } from '../../../customers/customer.rules';
import type { Validation } from '../../../shared/errors';

const PART = ':::';
const ENTRY = '///';

/** `undefined` (not sent) stays; null or empty text becomes null (clear). */
export function clearable<T>(value: T | null | undefined): T | null | undefined {
  if (value === undefined) return undefined;
  return value === null || value === '' ? null : value;
}

/** Street 1, Street 2, Town, County, Post Code, State: missing trailing parts are empty. */
export function parseAddress(text: string | null | undefined, param: string, v: Validation) {
  if (text === undefined) return undefined;
  const parts = (text ?? '').split(PART).map((p) => p.trim());
  if (parts.length > 6) {
    v.add(param, `${param} has ${parts.length} parts; the format is street1:::street2:::town:::county:::postcode:::state`);
    return undefined;
  }
  const at = (i: number) => parts[i] || null;
  return { street1: at(0), street2: at(1), town: at(2), county: at(3), postcode: at(4), state: at(5) };
}

/** Installation-address columns from an `iaddress` value. */
export function installationAddress(address: ReturnType<typeof parseAddress>): Partial<CustomerInput> {
  if (!address) return {};
  return {
    installStreet1: address.street1,
    installStreet2: address.street2,
    installTown: address.town,
    installCounty: address.county,
    installPostcode: address.postcode,
    installState: address.state,
  };
}

/** `name:::phone:::position:::email///…`; empty clears the list. */
export function parseContacts(text: string | null | undefined, v: Validation): ContactInput[] | null | undefined {
  if (text === undefined) return undefined;
  if (!text?.trim()) return null;
  const contacts: ContactInput[] = [];
  text.split(ENTRY).forEach((entry, i) => {
    if (!entry.trim()) return;
    const parts = entry.split(PART).map((p) => p.trim());
    if (parts.length > 4) v.add('contacts_list', `contacts_list entry ${i + 1} has ${parts.length} parts; the format is name:::phone:::position:::email`);
    const [name = '', phone, role, email] = parts;
    if (!name) v.add('contacts_list', `contacts_list entry ${i + 1} has no name`);
    if (email && !EMAIL_PATTERN.test(email)) v.add('contacts_list', `contacts_list entry ${i + 1}: "${email}" is not an e-mail address`);
    contacts.push({ name, phone: phone || null, role: role || null, email: email || null });
  });
  return contacts;
}

/** `Yes:::<exemption reference>:::DD/MM/YYYY` (or `No`); empty means not exempt. */
export function parseVatExemption(text: string | null | undefined, v: Validation): Partial<CustomerInput> {
  if (text === undefined) return {};
  if (!text?.trim()) return { vatExempt: false, vatExemptionReference: null, vatExemptionDate: null };
  const [flag = '', reference, date] = text.split(PART).map((p) => p.trim());
  const exempt = /^(yes|y|1|true)$/i.test(flag) ? true : /^(no|n|0|false)$/i.test(flag) ? false : undefined;
  if (exempt === undefined) v.add('vat_exemption', `vat_exemption must start with Yes or No (format Yes:::reference:::DD/MM/YYYY), got "${flag}"`);
  let isoDate: string | null = null;
  if (date) {
    const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(date);
    const parsed = m ? new Date(Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1]))) : null;
    if (!m || !parsed || parsed.getUTCDate() !== Number(m[1]) || parsed.getUTCMonth() !== Number(m[2]) - 1) {
      v.add('vat_exemption', `vat_exemption date must be a real date as DD/MM/YYYY, got "${date}"`);
    } else {
      isoDate = parsed.toISOString().slice(0, 10);
    }
  }
  return { vatExempt: exempt ?? false, vatExemptionReference: exempt ? reference || null : null, vatExemptionDate: exempt ? isoDate : null };
}

export function formatVatExemption(row: { vatExempt: boolean }): string {
  return row.vatExempt ? 'Yes' : 'No';
}

/**
 * `reference`: a customer id (all digits) names the referring customer; any other text is the
 * historical free-text referee. Either one clears the other.
 */
export function parseReference(text: string | null | undefined): Partial<CustomerInput> {
  if (text === undefined) return {};
  const value = text?.trim() ?? '';
  if (!value) return { referenceText: null, referrerCustomerId: null };
  if (/^\d{1,9}$/.test(value)) return { referrerCustomerId: Number(value), referenceText: null };
  return { referenceText: value, referrerCustomerId: null };
}

/** A closed set spelled with spaces, signs and hyphens on the wire, as an enum value in the domain. */
export function toEnum<T extends string>(wire: string | null | undefined, special: Record<string, T> = {}): T | null | undefined {
  if (wire === undefined) return undefined;
  if (wire === null || wire === '') return null;
  const lower = wire.toLowerCase();
  return special[lower] ?? (lower.replace(/[\s-]+/g, '_') as T);
}

/** The wire spelling of an enum value: underscores become spaces. */
export function fromEnum(value: string | null | undefined, special: Record<string, string> = {}): string {
  if (value == null) return '';
  return special[value] ?? value.replace(/_/g, ' ');
}

export const MONITOR_WIRE = { 'monitor+sms': 'monitor_sms' } as const;

/** "-1", "1" or empty (the operator default), as sand_traffic_do_not_* take them. */
export function plusMinusOne(text: string | null | undefined): number | null | undefined {
  if (text === undefined) return undefined;
  return text === null || text === '' ? null : Number(text);
}
