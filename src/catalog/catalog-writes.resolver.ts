/** GraphQL adapter for catalogue writes (bandwidth templates, plans, sub-plans): parse, call the service, format. */
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context';
import { DeleteTypes, deleteMutation } from '../graphql/delete';
import { idOf, optionalIdOf } from '../graphql/ids';
import { mutate } from '../graphql/user-error';
import * as templateService from './bandwidth-template.service';
import { BandwidthTemplateCreateInput, BandwidthTemplateCreatePayload, BandwidthTemplateUpdateInput, BandwidthTemplateUpdatePayload } from './bandwidth-template.types';
import { bandwidthTemplateById, planById, subPlanById, subPlansByPlan } from './catalog.loaders';
import { toBandwidthTemplate, toPlan, toSubPlan } from './catalog.mapping';
import * as planWrites from './plan-write.service';
import { PlanCreateInput, PlanCreatePayload, PlanUpdateInput, PlanUpdatePayload, SubPlanCreateInput, SubPlanCreatePayload, SubPlanUpdateInput, SubPlanUpdatePayload } from './plan.types';

const BandwidthTemplateDelete = DeleteTypes('BandwidthTemplate', 'bandwidth template');
const PlanDelete = DeleteTypes('Plan', 'plan');
const SubPlanDelete = DeleteTypes('SubPlan', 'sub-plan');

/** GraphQL plan fields to service fields: the template's global id to its row id. */
function planFields(input: Omit<PlanUpdateInput, 'id'> | PlanCreateInput): planWrites.PlanInput {
  const { bandwidthTemplateId, ...rest } = input;
  return { ...rest, bandwidthTemplateId: optionalIdOf(bandwidthTemplateId, 'BandwidthTemplate', ['bandwidthTemplateId']) } as planWrites.PlanInput;
}

@Resolver()
export class CatalogWritesResolver {
  @Mutation(() => BandwidthTemplateCreatePayload, { description: 'Adds a bandwidth template (Jaze profile).' })
  async bandwidthTemplateCreate(@Arg('input', () => BandwidthTemplateCreateInput, { description: 'The new bandwidth template.' }) input: BandwidthTemplateCreateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => ({ bandwidthTemplate: toBandwidthTemplate(await templateService.create(ctx, { ...input })) }), { bandwidthTemplate: null });
  }

  @Mutation(() => BandwidthTemplateUpdatePayload, { description: 'Changes a bandwidth template; the plans, buckets and overrides using it get the new rates.' })
  async bandwidthTemplateUpdate(@Arg('input', () => BandwidthTemplateUpdateInput, { description: 'The template and its changes.' }) input: BandwidthTemplateUpdateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const { id: globalId, name, ...rest } = input;
      const id = idOf(globalId, 'BandwidthTemplate', ['id']);
      const row = await templateService.update(ctx, id, { ...rest, name: name ?? undefined } as templateService.BandwidthTemplateInput);
      bandwidthTemplateById(ctx).clear(id).prime(id, row);
      return { bandwidthTemplate: toBandwidthTemplate(row) };
    }, { bandwidthTemplate: null });
  }

  @Mutation(() => BandwidthTemplateDelete.Payload, { description: 'Deletes a bandwidth template no plan, bucket or override uses.' })
  async bandwidthTemplateDelete(
    @Arg('input', () => BandwidthTemplateDelete.Input, { description: 'The template to delete.' }) input: InstanceType<typeof BandwidthTemplateDelete.Input>,
    @Ctx() ctx: GraphQLContext,
  ) {
    return deleteMutation('BandwidthTemplate', input, (id) => templateService.remove(ctx, id));
  }

  @Mutation(() => PlanCreatePayload, { description: 'Adds a plan to the catalogue.' })
  async planCreate(@Arg('input', () => PlanCreateInput, { description: 'The new plan.' }) input: PlanCreateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => ({ plan: toPlan(await planWrites.createPlan(ctx, planFields(input))) }), { plan: null });
  }

  @Mutation(() => PlanUpdatePayload, { description: 'Changes a plan (disable it with enabled: false to stop selling it).' })
  async planUpdate(@Arg('input', () => PlanUpdateInput, { description: 'The plan and its changes.' }) input: PlanUpdateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const { id: globalId, ...fields } = input;
      const id = idOf(globalId, 'Plan', ['id']);
      const row = await planWrites.updatePlan(ctx, id, planFields(fields));
      planById(ctx).clear(id).prime(id, row);
      return { plan: toPlan(row) };
    }, { plan: null });
  }

  @Mutation(() => PlanDelete.Payload, { description: 'Deletes a plan nobody is on, with its price points; a plan in use is disabled instead.' })
  async planDelete(@Arg('input', () => PlanDelete.Input, { description: 'The plan to delete.' }) input: InstanceType<typeof PlanDelete.Input>, @Ctx() ctx: GraphQLContext) {
    return deleteMutation('Plan', input, (id) => planWrites.deletePlan(ctx, id));
  }

  @Mutation(() => SubPlanCreatePayload, { description: 'Adds a price point to a plan.' })
  async subPlanCreate(@Arg('input', () => SubPlanCreateInput, { description: 'The new price point.' }) input: SubPlanCreateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const planId = idOf(input.planId, 'Plan', ['planId']);
      const row = await planWrites.createSubPlan(ctx, { ...(input as object), planId } as planWrites.SubPlanInput);
      subPlansByPlan(ctx).clear(planId);
      return { subPlan: toSubPlan(row) };
    }, { subPlan: null });
  }

  @Mutation(() => SubPlanUpdatePayload, { description: 'Changes a price point.' })
  async subPlanUpdate(@Arg('input', () => SubPlanUpdateInput, { description: 'The price point and its changes.' }) input: SubPlanUpdateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const { id: globalId, ...fields } = input;
      const id = idOf(globalId, 'SubPlan', ['id']);
      const row = await planWrites.updateSubPlan(ctx, id, fields as planWrites.SubPlanInput);
      subPlanById(ctx).clear(id).prime(id, row);
      subPlansByPlan(ctx).clear(row.planId);
      return { subPlan: toSubPlan(row) };
    }, { subPlan: null });
  }

  @Mutation(() => SubPlanDelete.Payload, { description: 'Deletes a price point no subscription was bought at.' })
  async subPlanDelete(@Arg('input', () => SubPlanDelete.Input, { description: 'The price point to delete.' }) input: InstanceType<typeof SubPlanDelete.Input>, @Ctx() ctx: GraphQLContext) {
    return deleteMutation('SubPlan', input, (id) => planWrites.deleteSubPlan(ctx, id));
  }
}
