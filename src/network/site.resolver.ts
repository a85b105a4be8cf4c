/** GraphQL adapter for sites: parse, call the site service, format. */
import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ConnectionType, toConnection } from '../graphql/connection';
import type { GraphQLContext } from '../graphql/context';
import { idOf } from '../graphql/ids';
import { PageArgs } from '../graphql/page-args';
import { SortDirection } from '../graphql/sort-direction';
import { mutate } from '../graphql/user-error';
import { DomainError } from '../shared/errors';
import { childConnection } from '../graphql/child-connection';
import { equipment } from './equipment.table';
import * as equipmentService from './equipment.service';
import { Equipment, EquipmentFilterInput, EquipmentOrder, EquipmentOrderField } from './equipment.types';
import { basestationsBySite, siteById } from './network.loaders';
import { toBasestation, toEquipment } from './network.mapping';
import { Basestation } from './network.types';
import { fromSiteInput, SITE_INPUT_RENAME, toSite } from './site.mapping';
import * as siteService from './site.service';
import { Site, SiteCreateInput, SiteCreatePayload, SiteDeleteInput, SiteDeletePayload, SiteFilterInput, SiteOrder, SiteOrderField, SiteUpdateInput, SiteUpdatePayload } from './site.types';

export const SiteConnection = ConnectionType('Site', Site);
export const EquipmentConnection = ConnectionType('Equipment', Equipment);

/** Loads a site for a field that refers to one; null when it is gone or not the caller's. */
export async function loadSite(ctx: GraphQLContext, id: number | null): Promise<Site | null> {
  if (id == null) return null;
  const row = await siteById(ctx).load(id);
  return row ? toSite(row) : null;
}

/** The service filter of an equipment filter input (global ids decoded). */
export function equipmentFilterOf(filter: EquipmentFilterInput | undefined, path: string[]): equipmentService.EquipmentFilter {
  const { siteId, ...rest } = filter ?? {};
  return { ...rest, siteId: siteId == null ? null : idOf(siteId, 'Site', [...path, 'siteId']) };
}

export function equipmentSortOf(orderBy: EquipmentOrder | undefined) {
  return equipmentService.equipmentSort(orderBy?.field ?? EquipmentOrderField.ID, orderBy?.direction ?? SortDirection.ASC);
}

@Resolver(() => Site)
export class SiteResolver {
  @Query(() => SiteConnection, { nullable: true, description: "The operator's sites, filtered and ordered." })
  async sites(
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => SiteFilterInput, { nullable: true, description: "Only the site objects meeting these conditions." }) filter?: SiteFilterInput,
    @Arg('orderBy', () => SiteOrder, { nullable: true, description: "How to sort the list." }) orderBy?: SiteOrder,
  ) {
    const sort = siteService.siteSort(orderBy?.field ?? SiteOrderField.ID, orderBy?.direction ?? SortDirection.ASC);
    const { page: result, count } = await siteService.list(ctx, { ...filter }, sort, page);
    for (const row of result.nodes) siteById(ctx).prime(row.id, row);
    return toConnection(result, toSite, count);
  }

  @Query(() => Site, { nullable: true, description: 'One site, by global id or by the legacy numeric id.' })
  async site(
    @Ctx() ctx: GraphQLContext,
    @Arg('id', () => ID, { nullable: true, description: "The global id; give this or `legacyId`." }) id?: string,
    @Arg('legacyId', () => Int, { nullable: true, description: "The numeric id the legacy APIs use; give this or `id`." }) legacyId?: number,
  ): Promise<Site | null> {
    if ((id == null) === (legacyId == null)) throw new DomainError('INVALID', 'give exactly one of `id` and `legacyId`');
    return loadSite(ctx, id != null ? idOf(id, 'Site', ['id']) : legacyId!);
  }

  @FieldResolver(() => EquipmentConnection, { description: 'Equipment assigned to this site.' })
  async equipment(
    @Root() site: Site,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => EquipmentFilterInput, { nullable: true, description: "Only the equipment objects meeting these conditions." }) filter?: EquipmentFilterInput,
    @Arg('orderBy', () => EquipmentOrder, { nullable: true, description: "How to sort the list." }) orderBy?: EquipmentOrder,
  ) {
    const sort = equipmentSortOf(orderBy);
    // The site is the parent here; a siteId in the filter would contradict it, so it is dropped.
    const where = equipmentService.equipmentConditions(ctx.actor.operatorId, { ...equipmentFilterOf(filter, ['filter']), siteId: null });
    return childConnection(
      ctx,
      { name: 'equipment.bySite', table: equipment, idColumn: equipment.id, parentColumn: equipment.siteId, where, sort },
      { filter, orderBy },
      page,
      site.legacyId,
      toEquipment,
    );
  }

  @FieldResolver(() => [Basestation], { description: 'Access points standing on this site.' })
  async basestations(@Root() site: Site, @Ctx() ctx: GraphQLContext) {
    return (await basestationsBySite(ctx).load(site.legacyId)).map(toBasestation);
  }

  @Mutation(() => SiteCreatePayload, { description: 'Creates a site (SIMPLer addSite).' })
  async siteCreate(@Arg('input', () => SiteCreateInput, { description: 'The new site.' }) input: SiteCreateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => ({ site: toSite(await siteService.create(ctx, fromSiteInput(input))) }), { site: null }, { rename: SITE_INPUT_RENAME });
  }

  @Mutation(() => SiteUpdatePayload, { description: "Changes a site's fields (SIMPLer modifySite)." })
  async siteUpdate(@Arg('input', () => SiteUpdateInput, { description: 'The site to change and its new values.' }) input: SiteUpdateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const { id, ...fields } = input;
      return { site: toSite(await siteService.update(ctx, idOf(id, 'Site', ['id']), fromSiteInput(fields))) };
    }, { site: null }, { rename: { ...SITE_INPUT_RENAME, siteId: 'id' } });
  }

  @Mutation(() => SiteDeletePayload, { description: 'Deletes a site that has no equipment and no basestations (SIMPLer deleteSite).' })
  async siteDelete(@Arg('input', () => SiteDeleteInput, { description: 'The site to delete.' }) input: SiteDeleteInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      await siteService.remove(ctx, idOf(input.id, 'Site', ['id']));
      return { deletedId: input.id };
    }, { deletedId: null }, { rename: { siteId: 'id' } });
  }
}
