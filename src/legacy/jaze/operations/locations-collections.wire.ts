/**
 * Jaze wire shapes of the address book, collections and renewals: the document's
 * `{ "CollectionArea": {…} }`-style records, with every scalar as a string or null as Jaze
 * serialises its database rows.
 */
import type { CollectionCustomer, PaymentCollectionRow } from '../../../billing/collection.service';
import type { RenewalRow } from '../../../billing/renewal.service';
import type { AreaRow, BuildingRow, StreetRow, WithOperatorCode } from '../../../locations/location.service';

/** Jaze writes ids and numbers as strings and absent values as null. */
export function str(value: string | number | boolean | null | undefined): string | null {
  if (value == null) return null;
  if (typeof value === 'boolean') return value ? '1' : '0';
  return String(value);
}

/** `2018-10-26 14:00:50` (UTC), the document's date-time form. */
export function dateTime(value: Date | null): string | null {
  return value ? value.toISOString().slice(0, 19).replace('T', ' ') : null;
}

export function areaJson(row: WithOperatorCode<AreaRow>) {
  return { CollectionArea: { id: str(row.id), account_id: row.operatorCode, area: row.name, internal: row.internal } };
}

export function streetJson(row: WithOperatorCode<StreetRow>) {
  return { CollectionStreet: { id: str(row.id), account_id: row.operatorCode, area_id: str(row.areaId), street: row.name, internal: row.internal } };
}

export function buildingJson(row: WithOperatorCode<BuildingRow>) {
  return { CollectionBlock: { id: str(row.id), account_id: row.operatorCode, street_id: str(row.streetId), block: row.name, internal: row.internal } };
}

/** The name as Jaze's first/last name pair: the last word is the last name. */
function nameParts(name: string): { first: string; last: string } {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length <= 1) return { first: '', last: words[0] ?? '' };
  return { first: words.slice(0, -1).join(' '), last: words[words.length - 1]! };
}

/** UserLocation, Contact and the three address-book records the collection lists share. */
export function collectionCustomerJson(row: CollectionCustomer) {
  const { first, last } = nameParts(row.name);
  return {
    UserLocation: { user_id: str(row.customerId), latitude: row.latitude, longitude: row.longitude, account_id: row.operatorCode },
    Contact: {
      person_title: row.companyName,
      first_name: first,
      last_name: last,
      phone_phone_number: row.phone ?? '',
      email: row.email ?? '',
      street_addres1: row.street1 ?? '',
      street_addres2: row.street2 ?? '',
    },
    CollectionArea: { area: row.areaName },
    CollectionStreet: { street: row.streetName },
    CollectionBlock: { block: row.buildingName },
  };
}

export function collectionModeJson(collection: PaymentCollectionRow) {
  return { amount: collection.amount, create_datetime: dateTime(collection.createdAt), paymentcollectionId: str(collection.id) };
}

export function renewalJson(row: RenewalRow & { operatorCode: string }) {
  return {
    RenewalDetails: {
      id: str(row.id),
      user_id: str(row.customerId),
      account_id: row.operatorCode,
      admin_username: row.performedBy,
      renewal_days: row.renewalPeriod,
      renewal_amount: row.amount,
      plan_rate: row.planRate,
      tax_amount: row.taxAmount,
      type: str(row.type),
      previous_group_id: str(row.previousPlanId),
      present_group_id: str(row.presentPlanId),
      // ispgraph's groups are its plans; Jaze's separate plan ids have no counterpart
      previous_plan_id: null,
      present_plan_id: null,
      order_id: str(row.orderId),
      order_active_until: dateTime(row.orderActiveUntil),
      date_created: dateTime(row.createdAt),
      deleted: str(row.deleted),
      active_since: row.activeSince,
      active_until: row.activeUntil,
      notes: row.notes,
    },
  };
}
