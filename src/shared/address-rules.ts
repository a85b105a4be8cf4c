/**
 * Address rules the SIMPLer documents state for sites and cards alike: `state` is a full,
 * non-abbreviated US state name, `country` a full country name, not a code.
 */

export const US_STATES = [
  'Alabama', 'Alaska', 'Arizona', 'Arkansas', 'California', 'Colorado', 'Connecticut', 'Delaware', 'District of Columbia',
  'Florida', 'Georgia', 'Hawaii', 'Idaho', 'Illinois', 'Indiana', 'Iowa', 'Kansas', 'Kentucky', 'Louisiana', 'Maine',
  'Maryland', 'Massachusetts', 'Michigan', 'Minnesota', 'Mississippi', 'Missouri', 'Montana', 'Nebraska', 'Nevada',
  'New Hampshire', 'New Jersey', 'New Mexico', 'New York', 'North Carolina', 'North Dakota', 'Ohio', 'Oklahoma', 'Oregon',
  'Pennsylvania', 'Rhode Island', 'South Carolina', 'South Dakota', 'Tennessee', 'Texas', 'Utah', 'Vermont', 'Virginia',
  'Washington', 'West Virginia', 'Wisconsin', 'Wyoming', 'Puerto Rico', 'Guam', 'American Samoa', 'U.S. Virgin Islands',
  'Northern Mariana Islands',
] as const;

const STATE_BY_LOWER = new Map(US_STATES.map((s) => [s.toLowerCase(), s]));

/** The canonical spelling of a full US state name, or null (abbreviations such as "NY" are refused). */
export function canonicalUsState(value: string): string | null {
  return STATE_BY_LOWER.get(value.trim().toLowerCase()) ?? null;
}

/**
 * A country must be written out ("Ireland", "United States"), not given as an ISO code
 * ("IE", "USA"): two or three letters, or anything with digits, is refused.
 */
export function isFullCountryName(value: string): boolean {
  const v = value.trim();
  return v.length >= 4 && /^[\p{L}][\p{L} .,'()&-]*$/u.test(v);
}
