/** GraphQL adapter for the address book, and where each customer sits in it. */
import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { childConnection } from '../graphql/child-connection';
import { ConnectionType } from '../graphql/connection';
import { PageArgs } from '../graphql/page-args';
import type { GraphQLContext } from '../graphql/context';
import { asNode, registerNodeType } from '../graphql/node';
import { customerById } from '../customers/customer.loaders';
import { Customer } from '../customers/customer.types';
import { areaById, buildingById, streetById } from './location.loaders';
import { buildings } from './building.table';
import { streets } from './street.table';
import * as locationService from './location.service';
import { Area, Building, BuildingOrder, CustomerLocation, Street, StreetOrder } from './location.types';

export const toArea = (row: locationService.AreaRow) => asNode('Area', row) as unknown as Area;
export const toStreet = (row: locationService.StreetRow) => asNode('Street', row) as unknown as Street;
export const toBuilding = (row: locationService.BuildingRow) => asNode('Building', row) as unknown as Building;

async function loadArea(ctx: GraphQLContext, id: number | null) {
  const row = id == null ? null : await areaById(ctx).load(id);
  return row ? toArea(row) : null;
}
async function loadStreet(ctx: GraphQLContext, id: number | null) {
  const row = id == null ? null : await streetById(ctx).load(id);
  return row ? toStreet(row) : null;
}
async function loadBuilding(ctx: GraphQLContext, id: number | null) {
  const row = id == null ? null : await buildingById(ctx).load(id);
  return row ? toBuilding(row) : null;
}

registerNodeType('Area', loadArea);
registerNodeType('Street', loadStreet);
registerNodeType('Building', loadBuilding);

const StreetConnection = ConnectionType('Street', Street);
const BuildingConnection = ConnectionType('Building', Building);

@Resolver(() => Area)
export class AreaResolver {
  @Query(() => [Area], { description: "The operator's areas by name; each has its streets and their buildings." })
  async areas(@Ctx() ctx: GraphQLContext) {
    return (await locationService.listAreas(ctx)).map(toArea);
  }

  @FieldResolver(() => StreetConnection, { description: 'Streets in the area, by name unless ordered otherwise.' })
  async streets(
    @Root() area: Area,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
    @Arg('orderBy', () => StreetOrder, { nullable: true, description: 'How to sort the list; by name when omitted.' }) orderBy?: StreetOrder,
  ) {
    return childConnection(
      ctx,
      {
        name: 'streets.byArea',
        table: streets,
        idColumn: streets.id,
        parentColumn: streets.areaId,
        ...locationService.areaStreetsQuery(ctx.actor.operatorId, orderBy?.field, orderBy?.direction),
      },
      { orderBy },
      page,
      area.legacyId,
      toStreet,
    );
  }
}

@Resolver(() => Street)
export class StreetResolver {
  @FieldResolver(() => Area, { nullable: true, description: 'The area the street is in.' })
  area(@Root() street: Street, @Ctx() ctx: GraphQLContext) {
    return loadArea(ctx, street.areaId);
  }

  @FieldResolver(() => BuildingConnection, { description: 'Buildings on the street, by name unless ordered otherwise.' })
  async buildings(
    @Root() street: Street,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
    @Arg('orderBy', () => BuildingOrder, { nullable: true, description: 'How to sort the list; by name when omitted.' }) orderBy?: BuildingOrder,
  ) {
    return childConnection(
      ctx,
      {
        name: 'buildings.byStreet',
        table: buildings,
        idColumn: buildings.id,
        parentColumn: buildings.streetId,
        ...locationService.streetBuildingsQuery(ctx.actor.operatorId, orderBy?.field, orderBy?.direction),
      },
      { orderBy },
      page,
      street.legacyId,
      toBuilding,
    );
  }
}

@Resolver(() => Building)
export class BuildingResolver {
  @FieldResolver(() => Street, { nullable: true, description: 'The street the building is on.' })
  street(@Root() building: Building, @Ctx() ctx: GraphQLContext) {
    return loadStreet(ctx, building.streetId);
  }
}

@Resolver(() => CustomerLocation)
export class CustomerLocationResolver {
  /** The location object carries ids; the parts load lazily, batched, only when selected. */
  @FieldResolver(() => Area, { nullable: true })
  area(@Root() location: CustomerLocation & { areaId: number | null }, @Ctx() ctx: GraphQLContext) {
    return loadArea(ctx, location.areaId);
  }

  @FieldResolver(() => Street, { nullable: true })
  street(@Root() location: CustomerLocation & { streetId: number | null }, @Ctx() ctx: GraphQLContext) {
    return loadStreet(ctx, location.streetId);
  }

  @FieldResolver(() => Building, { nullable: true })
  building(@Root() location: CustomerLocation & { buildingId: number | null }, @Ctx() ctx: GraphQLContext) {
    return loadBuilding(ctx, location.buildingId);
  }
}

@Resolver(() => Customer)
export class CustomerLocationFieldResolver {
  @FieldResolver(() => CustomerLocation, { description: 'Area, street and building of the customer, and their coordinates.' })
  async location(@Root() customer: Customer, @Ctx() ctx: GraphQLContext) {
    // The Customer object does not carry the address-book ids; the row does (usually already
    // in the request's loader, primed by the query that produced the customer).
    const row = await customerById(ctx).load(customer.legacyId);
    return {
      areaId: row?.areaId ?? null,
      streetId: row?.streetId ?? null,
      buildingId: row?.buildingId ?? null,
      coordinates: customer.coordinates,
    };
  }
}
