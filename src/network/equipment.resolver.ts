/** GraphQL adapter for equipment: the inventory list and the device tree around each item. */
import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { toConnection } from '../graphql/connection';
import type { GraphQLContext } from '../graphql/context';
import { idOf } from '../graphql/ids';
import { PageArgs } from '../graphql/page-args';
import { DomainError } from '../shared/errors';
import * as equipmentService from './equipment.service';
import { Equipment, EquipmentFilterInput, EquipmentOrder } from './equipment.types';
import { basestationByEquipment, cpeByEquipment, equipmentById, equipmentChildren } from './network.loaders';
import { toBasestation, toCpe, toEquipment } from './network.mapping';
import { Basestation, Cpe } from './network.types';
import { EquipmentConnection, equipmentFilterOf, equipmentSortOf, loadSite } from './site.resolver';
import { Site } from './site.types';
import { authorizeSecretRead, recordSecretRead } from '../tenancy/secret-reads';

/** Loads a device for a field that refers to one; null when it is gone or not the caller's. */
export async function loadEquipment(ctx: GraphQLContext, id: number | null): Promise<Equipment | null> {
  if (id == null) return null;
  const row = await equipmentById(ctx).load(id);
  return row ? toEquipment(row) : null;
}

@Resolver(() => Equipment)
export class EquipmentResolver {
  @Query(() => EquipmentConnection, { nullable: true, description: "The operator's equipment, filtered and ordered (SIMPLer listEquipment)." })
  async equipment(
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => EquipmentFilterInput, { nullable: true, description: "Only the equipment objects meeting these conditions." }) filter?: EquipmentFilterInput,
    @Arg('orderBy', () => EquipmentOrder, { nullable: true, description: "How to sort the list." }) orderBy?: EquipmentOrder,
  ) {
    const { page: result, count } = await equipmentService.list(ctx, equipmentFilterOf(filter, ['filter']), equipmentSortOf(orderBy), page);
    for (const row of result.nodes) equipmentById(ctx).prime(row.id, row);
    return toConnection(result, toEquipment, count);
  }

  @Query(() => Equipment, { nullable: true, description: 'One piece of equipment, by global id or by the legacy numeric id.' })
  async equipmentItem(
    @Ctx() ctx: GraphQLContext,
    @Arg('id', () => ID, { nullable: true, description: "The global id; give this or `legacyId`." }) id?: string,
    @Arg('legacyId', () => Int, { nullable: true, description: "The numeric id the legacy APIs use; give this or `id`." }) legacyId?: number,
  ): Promise<Equipment | null> {
    if ((id == null) === (legacyId == null)) throw new DomainError('INVALID', 'give exactly one of `id` and `legacyId`');
    return loadEquipment(ctx, id != null ? idOf(id, 'Equipment', ['id']) : legacyId!);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'The SNMP community the device answers to: a secret, so null unless `reveal` is true.',
  })
  async snmpCommunity(
    @Root() item: Equipment,
    @Ctx() ctx: GraphQLContext,
    @Arg('reveal', () => Boolean, {
      defaultValue: false,
      description: 'Serve it in clear: needs the secrets.read permission (FORBIDDEN otherwise); each read is recorded in the audit trail.',
    })
    reveal = false,
  ): Promise<string | null> {
    if (!reveal) return null;
    authorizeSecretRead(ctx);
    if (!item.snmpCommunity) return null;
    await recordSecretRead(ctx, 'equipment', item.legacyId, ['snmpCommunity']);
    return item.snmpCommunity;
  }

  @FieldResolver(() => Site, { nullable: true, description: 'The site the device is assigned to.' })
  site(@Root() item: Equipment, @Ctx() ctx: GraphQLContext) {
    return loadSite(ctx, item.siteId);
  }

  @FieldResolver(() => Equipment, { nullable: true, description: 'The device this one hangs off.' })
  parent(@Root() item: Equipment, @Ctx() ctx: GraphQLContext) {
    return loadEquipment(ctx, item.parentId);
  }

  @FieldResolver(() => [Equipment], { description: 'Devices hanging off this one.' })
  async children(@Root() item: Equipment, @Ctx() ctx: GraphQLContext) {
    const rows = await equipmentChildren(ctx).load(item.legacyId);
    for (const row of rows) equipmentById(ctx).prime(row.id, row);
    return rows.map(toEquipment);
  }

  @FieldResolver(() => Cpe, { nullable: true, description: 'Its installation at a customer, when it is a CPE.' })
  async cpe(@Root() item: Equipment, @Ctx() ctx: GraphQLContext) {
    const row = await cpeByEquipment(ctx).load(item.legacyId);
    return row ? toCpe(row) : null;
  }

  @FieldResolver(() => Basestation, { nullable: true, description: 'Its mounting on a site, when it is a basestation.' })
  async basestation(@Root() item: Equipment, @Ctx() ctx: GraphQLContext) {
    const row = await basestationByEquipment(ctx).load(item.legacyId);
    return row ? toBasestation(row) : null;
  }
}
