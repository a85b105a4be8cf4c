/** GraphQL adapter for writing tickets, installer jobs and sales issues; parse, call, format. */
import { Arg, Args, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { childConnection } from '../graphql/child-connection';
import { ConnectionType } from '../graphql/connection';
import { PageArgs } from '../graphql/page-args';
import { salesmanTasks } from './salesman-task.table';
import { Customer } from '../customers/customer.types';
import { loadCustomer } from '../customers/customer.resolver';
import type { GraphQLContext } from '../graphql/context';
import { byKeys } from '../graphql/loaders';
import { idOf, optionalIdOf } from '../graphql/ids';
import { asNode, registerNodeType } from '../graphql/node';
import { DeleteTypes, deleteMutation } from '../graphql/delete';
import { mutate } from '../graphql/user-error';
import * as trackingService from './installer-tracking.service';
import * as ticketService from './maintenance-write.service';
import { toTicket, toTracking } from './maintenance.mapping';
import * as salesmanTaskService from './salesman-task.service';
import {
  InstallerTrackingCreateInput,
  InstallerTrackingCreatePayload,
  InstallerTrackingDeleteInput,
  InstallerTrackingDeletePayload,
  InstallerTrackingFieldsInput,
  InstallerTrackingUpdateInput,
  InstallerTrackingUpdatePayload,
  MaintenanceTicketCreateInput,
  MaintenanceTicketCreatePayload,
  MaintenanceTicketFieldsInput,
  MaintenanceTicketUpdateInput,
  MaintenanceTicketUpdatePayload,
  SalesmanTask,
  SalesmanTaskCreateInput,
  SalesmanTaskCreatePayload,
  SalesmanTaskDeleteInput,
  SalesmanTaskDeletePayload,
  SalesmanTaskFieldsInput,
  SalesmanTaskOrder,
  SalesmanTaskUpdateInput,
  SalesmanTaskUpdatePayload,
} from './support-write.types';

const toTask = (row: salesmanTaskService.SalesmanTaskRow) => asNode('SalesmanTask', row) as unknown as SalesmanTask;

const taskById = (ctx: GraphQLContext) =>
  ctx.loaders.get<number, salesmanTaskService.SalesmanTaskRow | null>('salesmanTask.byId', async (ids) =>
    byKeys(ids, await salesmanTaskService.findByIds(ctx.db, ctx.actor.operatorId, ids), (row) => row.id),
  );
const salesPersonName = (ctx: GraphQLContext) =>
  ctx.loaders.get<number, string | null>('salesPerson.name', async (ids) =>
    byKeys(ids, await salesmanTaskService.salesPeopleNames(ctx.db, ctx.actor.operatorId, ids), (row) => row.id).map((row) => row?.name ?? null),
  );

registerNodeType('SalesmanTask', async (ctx, id) => {
  const row = await taskById(ctx).load(id);
  return row ? toTask(row) : null;
});

function ticketFields(input: MaintenanceTicketFieldsInput): ticketService.TicketInput {
  return {
    ...input,
    customerId: optionalIdOf(input.customerId, 'Customer', ['customerId']),
    siteId: optionalIdOf(input.siteId, 'Site', ['siteId']),
    equipmentId: optionalIdOf(input.equipmentId, 'Equipment', ['equipmentId']),
  };
}

function trackingFields(input: InstallerTrackingFieldsInput): trackingService.TrackingInput {
  const { installerId, ...rest } = input;
  const fields: trackingService.TrackingInput = { ...rest };
  if (installerId !== undefined) fields.installerStaffId = installerId === null ? null : idOf(installerId, 'StaffUser', ['installerId']);
  return fields;
}

/** The service names the installer by its column; the input calls it installerId. */
const TRACKING_FIELDS = { rename: { installerStaffId: 'installerId' } };

function taskFields(input: SalesmanTaskFieldsInput & { dateReported?: string; description?: string; type?: string }): salesmanTaskService.SalesmanTaskInput {
  const out: salesmanTaskService.SalesmanTaskInput = { ...input };
  // required columns: null from GraphQL means "not given" here
  for (const key of ['dateReported', 'description', 'type'] as const) if (out[key] === null) delete out[key];
  return out;
}

const MaintenanceTicketDelete = DeleteTypes('MaintenanceTicket', 'maintenance ticket');

@Resolver(() => SalesmanTask)
export class SupportWriteResolver {
  @Mutation(() => MaintenanceTicketCreatePayload, { description: 'Opens a maintenance ticket (title required; type and subtype by name).' })
  async maintenanceTicketCreate(@Arg('input', () => MaintenanceTicketCreateInput, { description: 'The new maintenance ticket.' }) input: MaintenanceTicketCreateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => ({ maintenanceTicket: toTicket(await ticketService.create(ctx, ticketFields(input))) }), { maintenanceTicket: null });
  }

  @Mutation(() => MaintenanceTicketUpdatePayload, { description: 'Changes a maintenance ticket; `appendResolution` appends to the resolution.' })
  async maintenanceTicketUpdate(@Arg('input', () => MaintenanceTicketUpdateInput, { description: 'The maintenance ticket to change and its new values.' }) input: MaintenanceTicketUpdateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const id = idOf(input.id, 'MaintenanceTicket', ['id']);
      const { id: _id, appendResolution, ...fields } = input;
      const row = await ticketService.update(ctx, id, ticketFields(fields), { appendResolution: appendResolution ?? false });
      return { maintenanceTicket: toTicket(row) };
    }, { maintenanceTicket: null });
  }

  @Mutation(() => MaintenanceTicketDelete.Payload, { description: 'Deletes a maintenance ticket: refused while it has installer jobs or attachments.' })
  async maintenanceTicketDelete(
    @Arg('input', () => MaintenanceTicketDelete.Input, { description: 'The maintenance ticket to delete.' }) input: InstanceType<typeof MaintenanceTicketDelete.Input>,
    @Ctx() ctx: GraphQLContext,
  ) {
    return deleteMutation('MaintenanceTicket', input, (id) => ticketService.remove(ctx, id));
  }

  @Mutation(() => InstallerTrackingCreatePayload, { description: 'Adds an installer job to a ticket.' })
  async installerTrackingCreate(@Arg('input', () => InstallerTrackingCreateInput, { description: 'The new installer tracking.' }) input: InstallerTrackingCreateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const { maintenanceTicketId, ...fields } = input;
      const row = await trackingService.create(ctx, { ...trackingFields(fields), maintenanceTicketId: idOf(maintenanceTicketId, 'MaintenanceTicket', ['maintenanceTicketId']) });
      return { installerTracking: toTracking(row) };
    }, { installerTracking: null }, TRACKING_FIELDS);
  }

  @Mutation(() => InstallerTrackingUpdatePayload, { description: 'Changes an installer job.' })
  async installerTrackingUpdate(@Arg('input', () => InstallerTrackingUpdateInput, { description: 'The installer tracking to change and its new values.' }) input: InstallerTrackingUpdateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const id = idOf(input.id, 'InstallerTracking', ['id']);
      const { id: _id, maintenanceTicketId, ...fields } = input;
      const ticketId = maintenanceTicketId == null ? undefined : idOf(maintenanceTicketId, 'MaintenanceTicket', ['maintenanceTicketId']);
      return { installerTracking: toTracking(await trackingService.update(ctx, id, { ...trackingFields(fields), maintenanceTicketId: ticketId })) };
    }, { installerTracking: null }, TRACKING_FIELDS);
  }

  @Mutation(() => InstallerTrackingDeletePayload, { description: 'Deletes an installer job.' })
  async installerTrackingDelete(@Arg('input', () => InstallerTrackingDeleteInput, { description: 'The installer tracking to delete.' }) input: InstallerTrackingDeleteInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      await trackingService.remove(ctx, idOf(input.id, 'InstallerTracking', ['id']));
      return { deletedId: input.id };
    }, { deletedId: null });
  }

  @Mutation(() => SalesmanTaskCreatePayload, { description: 'Adds a sales issue to a customer.' })
  async salesmanTaskCreate(@Arg('input', () => SalesmanTaskCreateInput, { description: 'The new salesman task.' }) input: SalesmanTaskCreateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const { customerId, ...fields } = input;
      const row = await salesmanTaskService.create(ctx, { ...taskFields(fields), customerId: idOf(customerId, 'Customer', ['customerId']) });
      return { salesmanTask: toTask(row) };
    }, { salesmanTask: null });
  }

  @Mutation(() => SalesmanTaskUpdatePayload, { description: 'Changes a sales issue; `appendResolution` appends to the resolution.' })
  async salesmanTaskUpdate(@Arg('input', () => SalesmanTaskUpdateInput, { description: 'The salesman task to change and its new values.' }) input: SalesmanTaskUpdateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const id = idOf(input.id, 'SalesmanTask', ['id']);
      const { id: _id, appendResolution, ...fields } = input;
      return { salesmanTask: toTask(await salesmanTaskService.update(ctx, id, taskFields(fields), { appendResolution: appendResolution ?? false })) };
    }, { salesmanTask: null });
  }

  @Mutation(() => SalesmanTaskDeletePayload, { description: 'Deletes a sales issue.' })
  async salesmanTaskDelete(@Arg('input', () => SalesmanTaskDeleteInput, { description: 'The salesman task to delete.' }) input: SalesmanTaskDeleteInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      await salesmanTaskService.remove(ctx, idOf(input.id, 'SalesmanTask', ['id']));
      return { deletedId: input.id };
    }, { deletedId: null });
  }

  @FieldResolver(() => Customer, { description: 'The customer the task is about.' })
  customer(@Root() task: SalesmanTask, @Ctx() ctx: GraphQLContext) {
    return loadCustomer(ctx, task.customerId);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Name of the value added reseller.' })
  valueAddedReseller(@Root() task: SalesmanTask, @Ctx() ctx: GraphQLContext) {
    return task.valueAddedResellerId == null ? null : salesPersonName(ctx).load(task.valueAddedResellerId);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Name of the regional sales manager.' })
  regionalSalesManager(@Root() task: SalesmanTask, @Ctx() ctx: GraphQLContext) {
    return task.regionalSalesManagerId == null ? null : salesPersonName(ctx).load(task.regionalSalesManagerId);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Name of the master agent.' })
  masterAgent(@Root() task: SalesmanTask, @Ctx() ctx: GraphQLContext) {
    return task.masterAgentId == null ? null : salesPersonName(ctx).load(task.masterAgentId);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Name of the salesman.' })
  salesman(@Root() task: SalesmanTask, @Ctx() ctx: GraphQLContext) {
    return task.salesmanId == null ? null : salesPersonName(ctx).load(task.salesmanId);
  }
}

const SalesmanTaskConnection = ConnectionType('SalesmanTask', SalesmanTask);

@Resolver(() => Customer)
export class CustomerSalesResolver {
  @FieldResolver(() => SalesmanTaskConnection, { description: "The customer's sales issues, newest report first unless ordered otherwise." })
  async salesmanTasks(
    @Root() customer: Customer,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
    @Arg('orderBy', () => SalesmanTaskOrder, { nullable: true, description: 'How to sort the list; newest report first when omitted.' }) orderBy?: SalesmanTaskOrder,
  ) {
    return childConnection(
      ctx,
      {
        name: 'salesmanTasks.byCustomer',
        table: salesmanTasks,
        idColumn: salesmanTasks.id,
        parentColumn: salesmanTasks.customerId,
        ...salesmanTaskService.customerSalesmanTasksQuery(ctx.actor.operatorId, orderBy?.field, orderBy?.direction),
      },
      { orderBy },
      page,
      customer.legacyId,
      toTask,
    );
  }
}
