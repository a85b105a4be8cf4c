/** Between the GraphQL shapes of sites and the service's: the address and coordinates nest. */
import { addressOf, addressRename, fromAddressInput, type AddressColumns } from '../graphql/address';
import { fromGeoPointInput, geoPointOf, geoPointRename, type GeoPointColumns } from '../graphql/geo-point';
import { asNode } from '../graphql/node';
import type { SiteInput, SiteRow } from './site.service';
import type { Site, SiteFieldsInput } from './site.types';

/** Which sites column holds each address part (SIMPLer's names: city, zip). */
export const SITE_ADDRESS: AddressColumns = { street1: 'street1', street2: 'street2', town: 'city', county: 'county', postcode: 'zip', state: 'state', country: 'country' };
const ACCESS: GeoPointColumns = { latitude: 'accessLatitude', longitude: 'accessLongitude' };

/** For `mutate`: the service's field names → where the input nests them. */
export const SITE_INPUT_RENAME = { ...addressRename(SITE_ADDRESS, 'address'), ...geoPointRename('coordinates'), ...geoPointRename('accessCoordinates', ACCESS) };

export function toSite(row: SiteRow): Site {
  return { ...asNode('Site', row), address: addressOf(row, SITE_ADDRESS), coordinates: geoPointOf(row), accessCoordinates: geoPointOf(row, ACCESS) } as unknown as Site;
}

export function fromSiteInput(input: SiteFieldsInput & { name?: string }): SiteInput {
  const { address, coordinates, accessCoordinates, ...rest } = input;
  return {
    ...rest,
    ...fromAddressInput(address, SITE_ADDRESS, 'address'),
    ...fromGeoPointInput(coordinates),
    ...fromGeoPointInput(accessCoordinates, ACCESS),
  } as SiteInput;
}
