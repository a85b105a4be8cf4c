/** Pure rules about site fields (SIMPLer addSite/modifySite); the address rules are shared. */

export { canonicalUsState, isFullCountryName, US_STATES } from '../shared/address-rules';

export const MAX_SITE_TEXT = 500;
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
