/** The GraphQL shape of a search result: one of the objects the search box finds. */
import { createUnionType } from 'type-graphql';
import { Customer } from '../customers/customer.types';
import { Equipment } from '../network/equipment.types';
import { Site } from '../network/site.types';

export const SearchResult = createUnionType({
  name: 'SearchResult',
  description: 'A customer, a piece of equipment or a site.',
  types: () => [Customer, Equipment, Site] as const,
  resolveType: (value) => (value as unknown as { __typename: string }).__typename,
});
