/** GraphQL adapter for per-customer profile overrides: parse, call the override service, format. */
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { bandwidthTemplateById } from '../catalog/catalog.loaders';
import { toBandwidthTemplate } from '../catalog/catalog.mapping';
import { BandwidthTemplate } from '../catalog/bandwidth-template.types';
import { customerById } from '../customers/customer.loaders';
import { toCustomer } from '../customers/customer.mapping';
import { Customer } from '../customers/customer.types';
import type { GraphQLContext } from '../graphql/context';
import { idOf, optionalIdOf } from '../graphql/ids';
import { byKeys, groupByKeys } from '../graphql/loaders';
import { mutate } from '../graphql/user-error';
import * as overrideService from './override.service';
import {
  BandwidthOverride,
  CustomerBandwidthOverrideClearPayload,
  CustomerBandwidthOverrideUpdatePayload,
  CustomerBandwidthOverrideClearInput,
  CustomerBandwidthOverrideUpdateInput,
  CustomerOverrideClearInput,
  CustomerVendorAttributeOverrideClearInput,
  CustomerVendorAttributeOverrideUpdateInput,
  CustomerVendorAttributeOverrideClearPayload,
  CustomerVendorAttributeOverrideUpdatePayload,
  VendorAttributeOverride,
  VendorAttributeOverrideItem,
} from './override.types';

type VendorOverrideOut = VendorAttributeOverride & { legacyId: number };

const bandwidthOverrideByCustomer = (ctx: GraphQLContext) =>
  ctx.loaders.get<number, overrideService.BandwidthOverrideRow | null>('bandwidthOverride.byCustomer', async (ids) =>
    byKeys(ids, await overrideService.bandwidthOverridesByCustomers(ctx.db, ctx.actor.operatorId, ids), (row) => row.customerId),
  );
const vendorOverrideByCustomer = (ctx: GraphQLContext) =>
  ctx.loaders.get<number, overrideService.VendorAttributeOverrideRow | null>('vendorAttributeOverride.byCustomer', async (ids) =>
    byKeys(ids, await overrideService.vendorAttributeOverridesByCustomers(ctx.db, ctx.actor.operatorId, ids), (row) => row.customerId),
  );
const vendorItemsByOverride = (ctx: GraphQLContext) =>
  ctx.loaders.get<number, overrideService.VendorAttributeOverrideItemRow[]>('vendorAttributeOverride.items', async (ids) =>
    groupByKeys(ids, await overrideService.vendorAttributeItemsByOverrides(ctx.db, ctx.actor.operatorId, ids), (row) => row.overrideId),
  );

const toBandwidthOverride = (row: overrideService.BandwidthOverrideRow) => row as unknown as BandwidthOverride;
const toVendorOverride = (row: overrideService.VendorAttributeOverrideRow, items?: overrideService.VendorAttributeOverrideItemRow[]) =>
  ({ ...row, legacyId: row.id, items }) as unknown as VendorOverrideOut;

async function loadTemplate(ctx: GraphQLContext, id: number | null) {
  const row = id == null ? null : await bandwidthTemplateById(ctx).load(id);
  return row ? toBandwidthTemplate(row) : null;
}

async function freshCustomer(ctx: GraphQLContext, id: number) {
  customerById(ctx).clear(id);
  const row = await customerById(ctx).load(id);
  return row ? toCustomer(row) : null;
}

@Resolver(() => BandwidthOverride)
export class BandwidthOverrideResolver {
  @FieldResolver(() => BandwidthTemplate, { nullable: true, description: 'The profile applied (Jaze bandwidthTemplate).' })
  bandwidthTemplate(@Root() o: BandwidthOverride, @Ctx() ctx: GraphQLContext) {
    return loadTemplate(ctx, o.bandwidthTemplateId);
  }

  @FieldResolver(() => BandwidthTemplate, { nullable: true, description: 'The profile after the reset (Jaze bandwidthTemplate2).' })
  bandwidthTemplate2(@Root() o: BandwidthOverride, @Ctx() ctx: GraphQLContext) {
    return loadTemplate(ctx, o.bandwidthTemplate2Id);
  }
}

@Resolver(() => VendorAttributeOverride)
export class VendorAttributeOverrideResolver {
  @FieldResolver(() => [VendorAttributeOverrideItem])
  async items(@Root() o: VendorOverrideOut, @Ctx() ctx: GraphQLContext) {
    return (o.items as unknown as overrideService.VendorAttributeOverrideItemRow[] | undefined) ?? (await vendorItemsByOverride(ctx).load(o.legacyId));
  }
}

@Resolver(() => Customer)
export class CustomerOverridesResolver {
  @FieldResolver(() => BandwidthOverride, { nullable: true, description: "The customer's bandwidth (FUP) override of its plan's profile, if any." })
  async bandwidthOverride(@Root() customer: Customer, @Ctx() ctx: GraphQLContext) {
    const row = await bandwidthOverrideByCustomer(ctx).load(customer.legacyId);
    return row ? toBandwidthOverride(row) : null;
  }

  @FieldResolver(() => VendorAttributeOverride, { nullable: true, description: "The customer's vendor-attribute override, if any." })
  async vendorAttributeOverride(@Root() customer: Customer, @Ctx() ctx: GraphQLContext) {
    const row = await vendorOverrideByCustomer(ctx).load(customer.legacyId);
    return row ? toVendorOverride(row) : null;
  }

  @Mutation(() => CustomerBandwidthOverrideUpdatePayload, { description: "Sets (replaces) a customer's bandwidth override (Jaze override_user_bandwidth)." })
  async customerBandwidthOverrideUpdate(@Arg('input', () => CustomerBandwidthOverrideUpdateInput, { description: 'The customer and the bandwidth override that replaces theirs.' }) input: CustomerBandwidthOverrideUpdateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const customerId = idOf(input.customerId, 'Customer', ['customerId']);
      const row = await overrideService.setBandwidth(ctx, {
        ...input,
        customerId,
        bandwidthTemplateId: idOf(input.bandwidthTemplateId, 'BandwidthTemplate', ['bandwidthTemplateId']),
        bandwidthTemplate2Id: optionalIdOf(input.bandwidthTemplate2Id, 'BandwidthTemplate', ['bandwidthTemplate2Id']),
      });
      bandwidthOverrideByCustomer(ctx).clear(customerId).prime(customerId, row);
      return { customer: await freshCustomer(ctx, customerId), bandwidthOverride: toBandwidthOverride(row) };
    }, { customer: null, bandwidthOverride: null });
  }

  @Mutation(() => CustomerBandwidthOverrideClearPayload, { description: "Removes a customer's bandwidth override (Jaze override_user_bandwidth with only userId)." })
  async customerBandwidthOverrideClear(@Arg('input', () => CustomerBandwidthOverrideClearInput, { description: 'The customer whose bandwidth override to remove.' }) input: CustomerOverrideClearInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const customerId = idOf(input.customerId, 'Customer', ['customerId']);
      const { removed } = await overrideService.clearBandwidth(ctx, customerId);
      bandwidthOverrideByCustomer(ctx).clear(customerId).prime(customerId, null);
      return { customer: await freshCustomer(ctx, customerId), removed };
    }, { customer: null, removed: null });
  }

  @Mutation(() => CustomerVendorAttributeOverrideUpdatePayload, { description: "Sets (replaces) a customer's vendor-attribute override (Jaze override_user_vendor_attributes)." })
  async customerVendorAttributeOverrideUpdate(@Arg('input', () => CustomerVendorAttributeOverrideUpdateInput, { description: 'The customer and the vendor-attribute override that replaces theirs.' }) input: CustomerVendorAttributeOverrideUpdateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const customerId = idOf(input.customerId, 'Customer', ['customerId']);
      const { override, items } = await overrideService.setVendorAttributes(ctx, { ...input, customerId });
      vendorOverrideByCustomer(ctx).clear(customerId).prime(customerId, override);
      vendorItemsByOverride(ctx).clear(override.id).prime(override.id, items);
      return { customer: await freshCustomer(ctx, customerId), vendorAttributeOverride: toVendorOverride(override, items) };
    }, { customer: null, vendorAttributeOverride: null });
  }

  @Mutation(() => CustomerVendorAttributeOverrideClearPayload, { description: "Removes a customer's vendor-attribute override with its attributes." })
  async customerVendorAttributeOverrideClear(@Arg('input', () => CustomerVendorAttributeOverrideClearInput, { description: 'The customer whose vendor-attribute override to remove.' }) input: CustomerOverrideClearInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const customerId = idOf(input.customerId, 'Customer', ['customerId']);
      const { removed } = await overrideService.clearVendorAttributes(ctx, customerId);
      vendorOverrideByCustomer(ctx).clear(customerId).prime(customerId, null);
      return { customer: await freshCustomer(ctx, customerId), removed };
    }, { customer: null, removed: null });
  }
}
