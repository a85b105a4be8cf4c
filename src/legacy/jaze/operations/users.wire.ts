/**
 * The Jaze user wire shapes: the `User` record (ids as strings, times as `YYYY-MM-DD HH:MM:SS`
 * in the user's time zone, which the record names), the per-user detail list
 * `[{User}, {currentBillingCycleUsage}, {staticIpMac}, {location}]` (three parts, location inside
 * `User`, in the lists of several users), group rows, and the access
 * state spelled as Jaze spells its statuses (`pending-approval`).
 */
import type { AccessStateValue, SubscriberProfile } from '../../../customers/subscriber.service';
import type { PlanSubscriberSummary } from '../../../catalog/plan-subscribers.service';

/** Jaze status keywords, as the document lists them. */
export const JAZE_STATUSES = ['active', 'pending', 'rejected', 'expired', 'pending-approval', 'deleted', 'blocked', 'blacklisted', 'terminated', 'suspended'] as const;

export function accessStateFrom(status: string | null | undefined): AccessStateValue | null {
  return status ? (status.replace(/-/g, '_') as AccessStateValue) : null;
}

export function jazeStatus(state: AccessStateValue): string {
  return state.replace(/_/g, '-');
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timezone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timezone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-GB', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    } catch {
      // an unknown zone name stored on a record: UTC rather than a failed reply
      formatter = formatterFor('UTC');
    }
    formatters.set(timezone, formatter);
  }
  return formatter;
}

function timeParts(at: Date, timezone: string): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string> {
  const parts = Object.fromEntries(formatterFor(timezone).formatToParts(at).map((p) => [p.type, p.value]));
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! };
}

/** `YYYY-MM-DD HH:MM:SS` in the zone; null stays null. */
export function jazeDateTime(at: Date | null, timezone: string): string | null {
  if (!at) return null;
  const p = timeParts(at, timezone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/** `DD-MM-YYYY HH:MM:SS` (get_logofftime_onlinestatus). */
export function jazeDayFirstDateTime(at: Date | null, timezone: string): string | null {
  if (!at) return null;
  const p = timeParts(at, timezone);
  return `${p.day}-${p.month}-${p.year} ${p.hour}:${p.minute}:${p.second}`;
}

const str = (value: number | string | null | undefined): string | null => (value == null ? null : String(value));
const text = (value: string | null | undefined): string => value ?? '';

/** Jaze `type`: home / business for subscriber accounts, the account type otherwise. */
function accountKind(type: string): string {
  return type.replace(/^customer_/, '');
}

/** The name split at its first space: Jaze keeps a first `name` and a `last_name`. */
function splitName(name: string): { first: string; last: string } {
  const trimmed = name.trim();
  const space = trimmed.indexOf(' ');
  return space < 0 ? { first: trimmed, last: '' } : { first: trimmed.slice(0, space), last: trimmed.slice(space + 1).trim() };
}

/** The `User` record: the union of the fields the document's samples show. */
export function userRecord(profile: SubscriberProfile): Record<string, unknown> {
  const c = profile.customer;
  const tz = profile.timezone;
  const name = splitName(c.name);
  const addressLines = [c.street1, c.street2].filter((line): line is string => !!line);
  return {
    id: String(c.id),
    username: profile.username,
    account_id: profile.operatorCode,
    groupId: str(c.servicePlanId),
    group_name: profile.plan?.name ?? null,
    status: jazeStatus(c.accessState),
    name: name.first,
    last_name: name.last,
    phone: text(c.phone),
    alt_phone: text(c.altPhone),
    email: text(c.email),
    // no alternative e-mail is kept (accounts/support e-mails are other roles)
    alt_email: null,
    address: addressLines.join(', '),
    address_line1: text(c.street1),
    address_line2: text(c.street2),
    address_city: text(c.town),
    address_pin: text(c.postcode),
    address_state: text(c.state ?? c.county),
    // stored as a country name; only an ISO code is passed on as one
    country_code: c.country && /^[A-Z]{2}$/.test(c.country) ? c.country : null,
    comments: text(c.note),
    activationTime: jazeDateTime(c.activatedAt, tz),
    createdTime: jazeDateTime(c.createdAt, tz),
    expirationTime: jazeDateTime(c.expiresAt, tz),
    installationTime: c.installDate,
    modified: jazeDateTime(c.updatedAt, tz),
    timezone: tz,
    billing_id: c.invoicingId,
    type: accountKind(c.accountType),
    company_name: c.companyName,
  };
}

export function staticIpMac(profile: SubscriberProfile): { staticIpAddress: string | null; staticIpBoundMac: string | null }[] {
  return profile.staticIps.map((b) => ({ staticIpAddress: b.ip, staticIpBoundMac: b.mac }));
}

const GIB = 1024 ** 3;

/**
 * Plan rate limit and the traffic of the current billing cycle; usage is null without a cycle.
 * `billingResetType` says when the counters start again: every cycle here is anchored on the
 * user's own billing subscription (it resets when that subscription renews), which is Jaze's
 * `payAsYouGo`; without a billing subscription nothing resets (null). The bandwidth quota is the
 * plan's usage limit: `usedBandwidthQuota` the bytes counted against it this cycle,
 * `totalBandwidthQuota` the limit in bytes (null when the plan sets none).
 */
export function billingCycleUsage(profile: SubscriberProfile): Record<string, unknown> {
  const template = profile.plan?.bandwidthTemplate ?? null;
  const cycle = profile.billingCycle;
  const limit = profile.plan?.limit1Gb;
  const limitBytes = limit != null ? Math.round(Number(limit) * GIB) : null;
  const used = cycle ? cycle.uploadBytes + cycle.downloadBytes : null;
  return {
    bandwidthTemplateId: str(template?.id),
    bandwidthTemplateName: template?.name ?? null,
    bandwidthTemplateMikrotik: template?.mikrotikRateLimit ?? null,
    billingResetType: cycle ? 'payAsYouGo' : null,
    billingStartDate: cycle ? `${cycle.start} 00:00:00` : null,
    billingEndDate: cycle ? `${cycle.end} 00:00:00` : null,
    uploadDataUsage: cycle ? String(cycle.uploadBytes) : null,
    downloadDataUsage: cycle ? String(cycle.downloadBytes) : null,
    totalDataUsage: used,
    usedBandwidthQuota: used,
    totalBandwidthQuota: limitBytes,
    // bytes; null = the plan sets no usage limit
    dataLimit: limitBytes != null ? String(limitBytes) : null,
  };
}

export function locationRecord(profile: SubscriberProfile): Record<string, string | null> {
  const c = profile.customer;
  return {
    latitude: c.latitude,
    longitude: c.longitude,
    area_id: str(c.areaId),
    area: profile.location.areaName,
    street_id: str(c.streetId),
    street: profile.location.streetName,
    block_id: str(c.buildingId),
    block: profile.location.buildingName,
  };
}

/** get_details: one user's four parts, in order, as the E2 sample shows them. */
export function userDetails(profile: SubscriberProfile): Record<string, unknown>[] {
  return [{ User: userRecord(profile) }, { currentBillingCycleUsage: billingCycleUsage(profile) }, { staticIpMac: staticIpMac(profile) }, { location: locationRecord(profile) }];
}

/**
 * get_all / get_user_from_all_accounts: three parts per user, as the E3 and E13 samples show
 * them; clients step through `data` in threes, so the location fields ride inside `User`
 * rather than as a fourth part.
 */
export function userDetailsInThrees(profile: SubscriberProfile): Record<string, unknown>[] {
  return [{ User: { ...userRecord(profile), ...locationRecord(profile) } }, { currentBillingCycleUsage: billingCycleUsage(profile) }, { staticIpMac: staticIpMac(profile) }];
}

/** get_users_by_date / get_user_by_phone / get_user_by_username: the flat record with its IPs. */
export function userWithStaticIps(profile: SubscriberProfile): Record<string, unknown> {
  return { ...userRecord(profile), staticIp: staticIpMac(profile) };
}

export function groupRecord(group: PlanSubscriberSummary, withOnline: boolean): Record<string, unknown> {
  return {
    Group_id: String(group.planId),
    Group_name: group.planName,
    Profile_id: str(group.bandwidthTemplateId),
    Profile_Name: group.bandwidthTemplateName,
    Active_Users: group.activeCustomers,
    Total_Users: group.totalCustomers,
    ...(withOnline ? { Online_Users: group.onlineCustomers } : {}),
  };
}
