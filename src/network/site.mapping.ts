/** Between the GraphQL shapes of sites and the service's: coordinates are decimal strings there. */
import { asNode } from '../graphql/node';
import type { SiteInput, SiteRow } from './site.service';
import type { Site, SiteFieldsInput } from './site.types';

export function toSite(row: SiteRow): Site {
  return asNode('Site', row) as unknown as Site;
}

const decimal = (value: number | null | undefined) => (value == null ? value : String(value));

export function fromSiteInput(input: SiteFieldsInput & { name?: string }): SiteInput {
  const { latitude, longitude, accessLatitude, accessLongitude, ...rest } = input;
  return {
    ...rest,
    latitude: decimal(latitude),
    longitude: decimal(longitude),
    accessLatitude: decimal(accessLatitude),
    accessLongitude: decimal(accessLongitude),
  } as SiteInput;
}
