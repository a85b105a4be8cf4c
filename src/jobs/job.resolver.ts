/** GraphQL adapter for background jobs: parse, call the job service, format. */
import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { ConnectionType, toConnection } from '../graphql/connection';
import type { GraphQLContext } from '../graphql/context';
import { idOf, optionalIdOf } from '../graphql/ids';
import { asNode, registerNodeType } from '../graphql/node';
import { PageArgs } from '../graphql/page-args';
import { SortDirection } from '../graphql/sort-direction';
import { mutate } from '../graphql/user-error';
import * as jobService from './job.service';
import {
  BackgroundJob,
  BackgroundJobFilterInput,
  BackgroundJobOrder,
  BucketsFromSubscriptionUpdateInput,
  BucketsFromSubscriptionUpdatePayload,
  CustomerAttachmentsSyncInput,
  CustomerAttachmentsSyncPayload,
  GpsDetailsUpdateInput,
  GpsDetailsUpdatePayload,
  MaintenanceAttachmentsSyncInput,
  MaintenanceAttachmentsSyncPayload,
  PlanChangesApplyInput,
  PlanChangesApplyPayload,
  WibFilesUpdateInput,
  WibFilesUpdatePayload,
} from './job.types';

const BackgroundJobConnection = ConnectionType('BackgroundJob', BackgroundJob);

export function toBackgroundJob(row: jobService.BackgroundJobRow): BackgroundJob {
  const { operatorId: _operatorId, requestedByStaffId: _staff, ...visible } = row;
  return asNode('BackgroundJob', visible) as unknown as BackgroundJob;
}

registerNodeType('BackgroundJob', async (ctx, id) => {
  const [row] = await jobService.findByIds(ctx.db, ctx.actor.operatorId, [id]);
  return row ? toBackgroundJob(row) : null;
});

function enqueue(ctx: GraphQLContext, kind: string, params: () => Record<string, unknown>) {
  return mutate(async () => ({ job: toBackgroundJob(await jobService.enqueue(ctx, kind, params())) }), { job: null });
}

@Resolver(() => BackgroundJob)
export class BackgroundJobResolver {
  @Query(() => BackgroundJobConnection, { nullable: true, description: "The operator's background jobs, newest first." })
  async backgroundJobs(
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => BackgroundJobFilterInput, { nullable: true, description: "Only the background job objects meeting these conditions." }) filter?: BackgroundJobFilterInput,
    @Arg('orderBy', () => BackgroundJobOrder, { nullable: true, description: 'Newest first when omitted.' }) orderBy?: BackgroundJobOrder,
  ) {
    const sort = jobService.jobSort(orderBy?.field, orderBy?.direction ?? SortDirection.DESC);
    const { page: result, count } = await jobService.list(ctx, { ...filter }, page, sort);
    return toConnection(result, toBackgroundJob, count);
  }

  @Query(() => BackgroundJob, { nullable: true, description: 'One background job by global id.' })
  async backgroundJob(@Ctx() ctx: GraphQLContext, @Arg('id', () => ID, { description: 'The global id of the job.' }) id: string): Promise<BackgroundJob | null> {
    const [row] = await jobService.findByIds(ctx.db, ctx.actor.operatorId, [idOf(id, 'BackgroundJob', ['id'])]);
    return row ? toBackgroundJob(row) : null;
  }

  @Mutation(() => WibFilesUpdatePayload, { description: "Queues rewriting a gateway's provisioning file (SIMPLer updateWibFiles)." })
  wibFilesUpdate(@Arg('input', () => WibFilesUpdateInput, { description: "The gateway whose provisioning file to rewrite." }) input: WibFilesUpdateInput, @Ctx() ctx: GraphQLContext) {
    return enqueue(ctx, 'update_wib_files', () => ({ gatewayId: idOf(input.gatewayId, 'Gateway', ['gatewayId']), force: input.force ?? false }));
  }

  @Mutation(() => GpsDetailsUpdatePayload, { description: 'Queues filling missing customer coordinates from their addresses (SIMPLer updateGPSdetails).' })
  gpsDetailsUpdate(@Arg('input', () => GpsDetailsUpdateInput, { description: "Which customers to fill coordinates for." }) input: GpsDetailsUpdateInput, @Ctx() ctx: GraphQLContext) {
    return enqueue(ctx, 'update_gps_details', () => ({ customerId: optionalIdOf(input.customerId, 'Customer', ['customerId']) ?? null }));
  }

  @Mutation(() => BucketsFromSubscriptionUpdatePayload, { description: 'Queues re-deriving RADIUS groups from active subscriptions (SIMPLer updateBucketsFromSubscription).' })
  bucketsFromSubscriptionUpdate(@Arg('input', () => BucketsFromSubscriptionUpdateInput, { description: "Which customers to re-derive RADIUS groups for." }) input: BucketsFromSubscriptionUpdateInput, @Ctx() ctx: GraphQLContext) {
    return enqueue(ctx, 'update_buckets_from_subscription', () => ({
      customerId: optionalIdOf(input.customerId, 'Customer', ['customerId']) ?? null,
      force: input.force ?? false,
    }));
  }

  @Mutation(() => CustomerAttachmentsSyncPayload, { description: 'Queues recording new files of the attachment drop for a customer (SIMPLer synchronizeCustomerAttachments).' })
  customerAttachmentsSync(@Arg('input', () => CustomerAttachmentsSyncInput, { description: "The customer and which files of the drop to record." }) input: CustomerAttachmentsSyncInput, @Ctx() ctx: GraphQLContext) {
    return enqueue(ctx, 'sync_customer_attachments', () => ({
      customerId: idOf(input.customerId, 'Customer', ['customerId']),
      filenameRegexp: input.filenameRegexp,
      description: input.description,
      rights: input.rights,
      mode: input.mode ?? null,
    }));
  }

  @Mutation(() => MaintenanceAttachmentsSyncPayload, { description: 'Queues recording new files of the attachment drop for a maintenance ticket (SIMPLer synchronizeMaintenanceAttachments).' })
  maintenanceAttachmentsSync(@Arg('input', () => MaintenanceAttachmentsSyncInput, { description: "The maintenance ticket and which files of the drop to record." }) input: MaintenanceAttachmentsSyncInput, @Ctx() ctx: GraphQLContext) {
    return enqueue(ctx, 'sync_maintenance_attachments', () => ({
      maintenanceTicketId: idOf(input.maintenanceTicketId, 'MaintenanceTicket', ['maintenanceTicketId']),
      filenameRegexp: input.filenameRegexp,
      description: input.description,
      dateAdded: input.createdAt ?? null,
    }));
  }

  @Mutation(() => PlanChangesApplyPayload, { description: 'Queues applying the plan changes that have come due.' })
  planChangesApply(@Arg('input', () => PlanChangesApplyInput, { nullable: true, description: 'The moment to apply the changes due at; now when omitted.' }) input: PlanChangesApplyInput | undefined, @Ctx() ctx: GraphQLContext) {
    return enqueue(ctx, 'apply_plan_changes', () => ({ asOf: input?.asOf ?? null }));
  }
}
