/** GraphQL adapter for the search box (search.service.ts). */
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { toCustomer } from '../customers/customer.mapping';
import type { GraphQLContext } from '../graphql/context';
import { toEquipment } from '../network/network.mapping';
import { toSite } from '../network/site.mapping';
import { search, SEARCH_DEFAULT_FIRST, SEARCH_MAX_FIRST, type SearchHit } from './search.service';
import { SearchResult } from './search.types';

function toResult(hit: SearchHit) {
  switch (hit.kind) {
    case 'customer':
      return toCustomer(hit.row);
    case 'equipment':
      return toEquipment(hit.row);
    case 'site':
      return toSite(hit.row);
  }
}

@Resolver()
export class SearchResolver {
  @Query(() => [SearchResult], {
    description:
      'Finds customers, equipment and sites by one text: names, nicknames, invoicing ids, e-mails, phones, serial numbers (any part, any case), an IP or MAC address, or a RADIUS username. Customers first, then equipment, then sites.',
  })
  async search(
    @Ctx() ctx: GraphQLContext,
    @Arg('query', () => String, { description: 'At least 2 characters.' }) query: string,
    @Arg('first', () => Int, { defaultValue: SEARCH_DEFAULT_FIRST, description: `At most ${SEARCH_MAX_FIRST}.` }) first: number,
  ) {
    return (await search(ctx, query, first)).map(toResult);
  }
}
