/** Between the GraphQL shapes and the service's: addresses nest, ids are global. */
import { addressOf, addressRename, fromAddressInput, type AddressColumns } from '../graphql/address';
import { fromGeoPointInput, geoPointOf, geoPointRename } from '../graphql/geo-point';
import { asNode } from '../graphql/node';
import { idOf, optionalIdOf } from '../graphql/ids';
import { DomainError } from '../shared/errors';
import { SortDirection } from '../graphql/sort-direction';
import type { SortKey } from '../db/pagination';
import { customerSort, type CustomerFilter, type CustomerInput, type CustomerRow } from './customer.service';
import { CustomerOrderField, type Customer, type CustomerFieldsInput, type CustomerFilterInput, type CustomerOrder } from './customer.types';

/** Which customers column holds each address part (services keep their own names). */
export const BILLING_ADDRESS: AddressColumns = { street1: 'street1', street2: 'street2', town: 'town', county: 'county', postcode: 'postcode', state: 'state', country: 'country' };
/** The installation address has no country of its own: it is the billing address's. */
export const INSTALLATION_ADDRESS: AddressColumns = {
  street1: 'installStreet1',
  street2: 'installStreet2',
  town: 'installTown',
  county: 'installCounty',
  postcode: 'installPostcode',
  state: 'installState',
};

/** For `mutate`: the service's address and coordinate fields → where the input nests them. */
export const CUSTOMER_INPUT_RENAME = { ...addressRename(BILLING_ADDRESS, 'billingAddress'), ...addressRename(INSTALLATION_ADDRESS, 'installationAddress'), ...geoPointRename('coordinates') };

export function toCustomer(row: CustomerRow): Customer {
  const { portalPasswordHash, ...rest } = row;
  return {
    ...asNode('Customer', rest),
    hasPortalPassword: portalPasswordHash != null,
    billingAddress: addressOf(row, BILLING_ADDRESS),
    installationAddress: { ...addressOf(row, INSTALLATION_ADDRESS), country: row.country },
    coordinates: geoPointOf(row),
  } as unknown as Customer;
}

export function fromCustomerInput(input: CustomerFieldsInput & { name?: string; nickname?: string; invoicingId?: string }): CustomerInput {
  const { billingAddress, installationAddress, servicePlanId, resellerId, referrerCustomerId, communityCodeId, gatewayId, taxZoneId, coordinates, ...rest } = input;
  return {
    ...rest,
    ...fromAddressInput(billingAddress, BILLING_ADDRESS, 'billingAddress'),
    ...fromAddressInput(installationAddress, INSTALLATION_ADDRESS, 'installationAddress'),
    ...fromGeoPointInput(coordinates),
    servicePlanId: optionalIdOf(servicePlanId, 'Plan', ['servicePlanId']),
    resellerId: optionalIdOf(resellerId, 'Reseller', ['resellerId']),
    referrerCustomerId: optionalIdOf(referrerCustomerId, 'Customer', ['referrerCustomerId']),
    communityCodeId: optionalIdOf(communityCodeId, 'CommunityCode', ['communityCodeId']),
    gatewayId: optionalIdOf(gatewayId, 'Gateway', ['gatewayId']),
    taxZoneId: optionalIdOf(taxZoneId, 'TaxZone', ['taxZoneId']),
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
