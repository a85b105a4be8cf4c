/** GraphQL adapter for tax zones. */
import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Customer } from '../customers/customer.types';
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

@Resolver(() => Customer)
export class CustomerTaxZoneResolver {
  @FieldResolver(() => TaxZone, { nullable: true, description: "The customer's default tax zone." })
  taxZone(@Root() customer: Customer, @Ctx() ctx: GraphQLContext) {
    return loadTaxZone(ctx, (customer as unknown as { taxZoneId: number | null }).taxZoneId);
  }
}
