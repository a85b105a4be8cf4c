/** GraphQL adapter for tax zones. */
import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Customer } from '../customers/customer.types';
import type { GraphQLContext } from '../graphql/context';
import { DeleteTypes, deleteMutation } from '../graphql/delete';
import { idOf } from '../graphql/ids';
import { registerNodeType } from '../graphql/node';
import { mutate } from '../graphql/user-error';
import { taxZoneById } from './catalog.loaders';
import { toTaxZone } from './catalog.mapping';
import * as taxZoneService from './tax-zone.service';
import { TaxZone, TaxZoneCreateInput, TaxZoneCreatePayload, TaxZoneUpdateInput, TaxZoneUpdatePayload } from './tax-zone.types';

const TaxZoneDelete = DeleteTypes('TaxZone', 'tax zone');

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

  @Mutation(() => TaxZoneCreatePayload, { description: 'Adds a tax zone.' })
  async taxZoneCreate(@Arg('input', () => TaxZoneCreateInput, { description: 'The new tax zone.' }) input: TaxZoneCreateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => ({ taxZone: toTaxZone(await taxZoneService.create(ctx, { name: input.name, rate: input.rate })) }), { taxZone: null });
  }

  @Mutation(() => TaxZoneUpdatePayload, { description: 'Renames a tax zone or changes its rate (for what picks it from now on).' })
  async taxZoneUpdate(@Arg('input', () => TaxZoneUpdateInput, { description: 'The tax zone and its changes.' }) input: TaxZoneUpdateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const id = idOf(input.id, 'TaxZone', ['id']);
      const row = await taxZoneService.update(ctx, id, { name: input.name ?? undefined, rate: input.rate ?? undefined });
      taxZoneById(ctx).clear(id).prime(id, row);
      return { taxZone: toTaxZone(row) };
    }, { taxZone: null });
  }

  @Mutation(() => TaxZoneDelete.Payload, { description: 'Deletes a tax zone: refused while subscriptions or customers use it.' })
  async taxZoneDelete(@Arg('input', () => TaxZoneDelete.Input, { description: 'The tax zone to delete.' }) input: InstanceType<typeof TaxZoneDelete.Input>, @Ctx() ctx: GraphQLContext) {
    return deleteMutation('TaxZone', input, (id) => taxZoneService.remove(ctx, id));
  }
}

@Resolver(() => Customer)
export class CustomerTaxZoneResolver {
  @FieldResolver(() => TaxZone, { nullable: true, description: "The customer's default tax zone." })
  taxZone(@Root() customer: Customer, @Ctx() ctx: GraphQLContext) {
    return loadTaxZone(ctx, (customer as unknown as { taxZoneId: number | null }).taxZoneId);
  }
}
