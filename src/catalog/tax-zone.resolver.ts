/** GraphQL adapter for tax zones. */
import { Ctx, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context';
import { registerNodeType } from '../graphql/node';
import { taxZoneById } from './catalog.loaders';
import { toTaxZone } from './catalog.mapping';
import * as taxZoneService from './tax-zone.service';
import { TaxZone } from './tax-zone.types';

export async function loadTaxZone(ctx: GraphQLContext, id: number | null): Promise<TaxZone | null> {
  if (id == null) return null;
  const row = await taxZoneById(ctx).load(id);
  return row ? toTaxZone(row) : null;
}

registerNodeType('TaxZone', loadTaxZone);

@Resolver(() => TaxZone)
export class TaxZoneResolver {
  @Query(() => [TaxZone], { description: "The operator's tax zones, by name." })
  async taxZones(@Ctx() ctx: GraphQLContext): Promise<TaxZone[]> {
    const rows = await taxZoneService.list(ctx);
    for (const row of rows) taxZoneById(ctx).prime(row.id, row);
    return rows.map(toTaxZone);
  }
}
