/** Between the GraphQL shapes and the service's: addresses nest, ids are global. */
import { asNode } from '../graphql/node';
import { idOf, optionalIdOf } from '../graphql/ids';
import { DomainError } from '../shared/errors';
import { SortDirection } from '../graphql/sort-direction';
import type { SortKey } from '../db/pagination';
import { customerSort, type CustomerFilter, type CustomerInput, type CustomerRow } from './customer.service';
import { CustomerOrderField, type AddressInput, type Customer, type CustomerFieldsInput, type CustomerFilterInput, type CustomerOrder } from './customer.types';

export function toCustomer(row: CustomerRow): Customer {
  const { portalPasswordHash, ...rest } = row;
  return {
    ...asNode('Customer', rest),
    hasPortalPassword: portalPasswordHash != null,
    billingAddress: { street1: row.street1, street2: row.street2, town: row.town, county: row.county, postcode: row.postcode, state: row.state, country: row.country },
    installationAddress: {
      street1: row.installStreet1,
      street2: row.installStreet2,
      town: row.installTown,
      county: row.installCounty,
      postcode: row.installPostcode,
      state: row.installState,
      country: row.country,
    },
  } as unknown as Customer;
}

function address(input: AddressInput | null | undefined, install: boolean): Partial<CustomerInput> {
  if (!input) return {};
  const out: Partial<CustomerInput> = install
    ? { installStreet1: input.street1, installStreet2: input.street2, installTown: input.town, installCounty: input.county, installPostcode: input.postcode, installState: input.state }
    : { street1: input.street1, street2: input.street2, town: input.town, county: input.county, postcode: input.postcode, state: input.state, country: input.country };
  return out;
}

export function fromCustomerInput(input: CustomerFieldsInput & { name?: string; nickname?: string; invoicingId?: string }): CustomerInput {
  const { billingAddress, installationAddress, servicePlanId, resellerId, referrerCustomerId, communityCodeId, gatewayId, taxZoneId, latitude, longitude, ...rest } = input;
  return {
    ...rest,
    ...address(billingAddress, false),
    ...address(installationAddress, true),
    servicePlanId: optionalIdOf(servicePlanId, 'Plan', ['servicePlanId']),
    resellerId: optionalIdOf(resellerId, 'Reseller', ['resellerId']),
    referrerCustomerId: optionalIdOf(referrerCustomerId, 'Customer', ['referrerCustomerId']),
    communityCodeId: optionalIdOf(communityCodeId, 'CommunityCode', ['communityCodeId']),
    gatewayId: optionalIdOf(gatewayId, 'Gateway', ['gatewayId']),
    taxZoneId: optionalIdOf(taxZoneId, 'TaxZone', ['taxZoneId']),
    latitude: latitude == null ? latitude : String(latitude),
    longitude: longitude == null ? longitude : String(longitude),
    customFields: input.customFields?.map((f) => ({ fieldId: f.fieldId, value: f.value ?? null })),
  } as CustomerInput;
}

/** The `customers` filter argument as the service's filter (global ids to numbers). */
export function customerFilterOf(filter: CustomerFilterInput | null | undefined): CustomerFilter {
  return {
    ...filter,
    resellerId: optionalIdOf(filter?.resellerId, 'Reseller', ['filter', 'resellerId']),
    servicePlanId: optionalIdOf(filter?.servicePlanId, 'Plan', ['filter', 'servicePlanId']),
  };
}

/** The `orderBy` argument as the service's sort key (default: by id, ascending). */
export function customerSortOf(orderBy: CustomerOrder | null | undefined): SortKey {
  return customerSort(orderBy?.field ?? CustomerOrderField.ID, orderBy?.direction ?? SortDirection.ASC);
}

/** The customer a lookup names by `id` or `legacyId` (exactly one of them). */
export function customerIdOf(args: { id?: string | null; legacyId?: number | null }): number {
  if ((args.id == null) === (args.legacyId == null)) throw new DomainError('INVALID', 'give exactly one of `id` and `legacyId`');
  return args.id != null ? idOf(args.id, 'Customer', ['id']) : args.legacyId!;
}
