/** GraphQL adapter for address-book writes and placing a customer: parse, call the service, format. */
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context';
import { idOf, optionalIdOf } from '../graphql/ids';
import { DeleteTypes, deleteMutation } from '../graphql/delete';
import { mutate } from '../graphql/user-error';
import { customerById } from '../customers/customer.loaders';
import { toCustomer } from '../customers/customer.mapping';
import { toArea, toBuilding, toStreet } from './location.resolver';
import * as writes from './location-write.service';
import {
  AreaCreateInput,
  AreaCreatePayload,
  AreaUpdateInput,
  AreaUpdatePayload,
  BuildingCreateInput,
  BuildingCreatePayload,
  BuildingUpdateInput,
  BuildingUpdatePayload,
  CustomerLocationUpdateInput,
  CustomerLocationUpdatePayload,
  StreetCreateInput,
  StreetCreatePayload,
  StreetUpdateInput,
  StreetUpdatePayload,
} from './location.types';

const AreaDelete = DeleteTypes('Area', 'area');
const StreetDelete = DeleteTypes('Street', 'street');
const BuildingDelete = DeleteTypes('Building', 'building');

@Resolver()
export class LocationWritesResolver {
  @Mutation(() => AreaCreatePayload, { description: 'Adds an area (Jaze add_area).' })
  async areaCreate(@Arg('input', () => AreaCreateInput, { description: 'The new area.' }) input: AreaCreateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => ({ area: toArea(await writes.areas.create(ctx, { name: input.name, internal: input.internal })) }), { area: null });
  }

  @Mutation(() => AreaUpdatePayload, { description: 'Renames an area or changes its note (Jaze add_area with inputAreaId).' })
  async areaUpdate(@Arg('input', () => AreaUpdateInput, { description: 'The area to change and its new values.' }) input: AreaUpdateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const id = idOf(input.id, 'Area', ['id']);
      return { area: toArea(await writes.areas.update(ctx, id, { name: input.name ?? undefined, internal: input.internal })) };
    }, { area: null });
  }

  @Mutation(() => StreetCreatePayload, { description: 'Adds a street to an area (Jaze add_street).' })
  async streetCreate(@Arg('input', () => StreetCreateInput, { description: 'The new street.' }) input: StreetCreateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const areaId = idOf(input.areaId, 'Area', ['areaId']);
      return { street: toStreet(await writes.streets.create(ctx, { areaId, name: input.name, internal: input.internal })) };
    }, { street: null });
  }

  @Mutation(() => StreetUpdatePayload, { description: 'Changes a street (Jaze add_street with inputStreetId).' })
  async streetUpdate(@Arg('input', () => StreetUpdateInput, { description: 'The street to change and its new values.' }) input: StreetUpdateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const id = idOf(input.id, 'Street', ['id']);
      const areaId = optionalIdOf(input.areaId, 'Area', ['areaId']) ?? undefined;
      return { street: toStreet(await writes.streets.update(ctx, id, { areaId, name: input.name ?? undefined, internal: input.internal })) };
    }, { street: null });
  }

  @Mutation(() => BuildingCreatePayload, { description: 'Adds a building to a street (Jaze add_block).' })
  async buildingCreate(@Arg('input', () => BuildingCreateInput, { description: 'The new building.' }) input: BuildingCreateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const streetId = idOf(input.streetId, 'Street', ['streetId']);
      return { building: toBuilding(await writes.buildings.create(ctx, { streetId, name: input.name, internal: input.internal })) };
    }, { building: null });
  }

  @Mutation(() => BuildingUpdatePayload, { description: 'Changes a building (Jaze add_block with inputBlockId).' })
  async buildingUpdate(@Arg('input', () => BuildingUpdateInput, { description: 'The building to change and its new values.' }) input: BuildingUpdateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const id = idOf(input.id, 'Building', ['id']);
      const streetId = optionalIdOf(input.streetId, 'Street', ['streetId']) ?? undefined;
      return { building: toBuilding(await writes.buildings.update(ctx, id, { streetId, name: input.name ?? undefined, internal: input.internal })) };
    }, { building: null });
  }

  @Mutation(() => AreaDelete.Payload, { description: 'Deletes an empty area: refused while it has streets or customers placed in it.' })
  async areaDelete(@Arg('input', () => AreaDelete.Input, { description: 'The area to delete.' }) input: InstanceType<typeof AreaDelete.Input>, @Ctx() ctx: GraphQLContext) {
    return deleteMutation('Area', input, (id) => writes.areas.delete(ctx, id));
  }

  @Mutation(() => StreetDelete.Payload, { description: 'Deletes an empty street: refused while it has buildings or customers placed on it.' })
  async streetDelete(@Arg('input', () => StreetDelete.Input, { description: 'The street to delete.' }) input: InstanceType<typeof StreetDelete.Input>, @Ctx() ctx: GraphQLContext) {
    return deleteMutation('Street', input, (id) => writes.streets.delete(ctx, id));
  }

  @Mutation(() => BuildingDelete.Payload, { description: 'Deletes an empty building: refused while customers are placed in it.' })
  async buildingDelete(@Arg('input', () => BuildingDelete.Input, { description: 'The building to delete.' }) input: InstanceType<typeof BuildingDelete.Input>, @Ctx() ctx: GraphQLContext) {
    return deleteMutation('Building', input, (id) => writes.buildings.delete(ctx, id));
  }

  @Mutation(() => CustomerLocationUpdatePayload, { description: "Sets a customer's area, street and building as a whole (parts left out are cleared)." })
  async customerLocationUpdate(@Arg('input', () => CustomerLocationUpdateInput, { description: 'The customer location to change and its new values.' }) input: CustomerLocationUpdateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const customerId = idOf(input.customerId, 'Customer', ['customerId']);
      const row = await writes.setCustomerLocation(ctx, {
        customerId,
        areaId: optionalIdOf(input.areaId, 'Area', ['areaId']),
        streetId: optionalIdOf(input.streetId, 'Street', ['streetId']),
        buildingId: optionalIdOf(input.buildingId, 'Building', ['buildingId']),
      });
      customerById(ctx).clear(customerId).prime(customerId, row);
      return { customer: toCustomer(row) };
    }, { customer: null });
  }
}
