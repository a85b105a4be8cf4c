/** GraphQL adapter for maintenance tickets, and the ticket lists of customers, sites and devices. */
import type { PgColumn } from 'drizzle-orm/pg-core';
import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { ConnectionType, toConnection } from '../graphql/connection';
import type { GraphQLContext } from '../graphql/context';
import { registerNodeType } from '../graphql/node';
import { PageArgs } from '../graphql/page-args';
import { SortDirection } from '../graphql/sort-direction';
import { Customer } from '../customers/customer.types';
import { loadCustomer } from '../customers/customer.resolver';
import { childConnection } from '../graphql/child-connection';
import { loadEquipment } from '../network/equipment.resolver';
import { Equipment } from '../network/equipment.types';
import { loadSite } from '../network/site.resolver';
import { Site } from '../network/site.types';
import { staffUserById, toStaffUser } from '../tenancy/staff-user.resolver';
import { StaffUser } from '../tenancy/staff-user.types';
import { maintenanceTickets } from './maintenance-ticket.table';
import { maintenanceSubtypeName, maintenanceTypeName, ticketById, trackingById, trackingByTicket } from './maintenance.loaders';
import { ticketFilterOf, toTicket, toTracking } from './maintenance.mapping';
import * as maintenanceService from './maintenance.service';
import {
  InstallerTracking,
  MaintenanceTicket,
  MaintenanceTicketFilterInput,
  MaintenanceTicketOrder,
  MaintenanceTicketOrderField,
} from './maintenance.types';

const MaintenanceTicketConnection = ConnectionType('MaintenanceTicket', MaintenanceTicket);

registerNodeType('MaintenanceTicket', async (ctx, id) => {
  const row = await ticketById(ctx).load(id);
  return row ? toTicket(row) : null;
});
registerNodeType('InstallerTracking', async (ctx, id) => {
  const row = await trackingById(ctx).load(id);
  return row ? toTracking(row) : null;
});

const sortOf = (orderBy: MaintenanceTicketOrder | undefined) =>
  maintenanceService.ticketSort(orderBy?.field ?? MaintenanceTicketOrderField.ID, orderBy?.direction ?? SortDirection.ASC);

/** A parent's tickets' filter and ordering (also the compiled read path's). */
export function parentTicketsQuery(
  operatorId: number,
  parent: 'customer' | 'site' | 'equipment',
  filter: MaintenanceTicketFilterInput | undefined,
  orderBy: MaintenanceTicketOrder | undefined,
) {
  // The parent decides its own id; the same id in the filter would be redundant or contradictory.
  return { where: maintenanceService.ticketConditions(operatorId, { ...ticketFilterOf(filter), [`${parent}Id`]: null }), sort: sortOf(orderBy) };
}

/** A parent's tickets (customer, site or device), batched across parents. */
function ticketsOf(
  ctx: GraphQLContext,
  parent: 'customer' | 'site' | 'equipment',
  parentId: number,
  page: PageArgs,
  filter: MaintenanceTicketFilterInput | undefined,
  orderBy: MaintenanceTicketOrder | undefined,
) {
  const columns: Record<typeof parent, PgColumn> = {
    customer: maintenanceTickets.customerId,
    site: maintenanceTickets.siteId,
    equipment: maintenanceTickets.equipmentId,
  };
  const { where, sort } = parentTicketsQuery(ctx.actor.operatorId, parent, filter, orderBy);
  return childConnection(
    ctx,
    { name: `tickets.by-${parent}`, table: maintenanceTickets, idColumn: maintenanceTickets.id, parentColumn: columns[parent], where, sort },
    { filter, orderBy },
    page,
    parentId,
    toTicket,
  );
}

@Resolver(() => MaintenanceTicket)
export class MaintenanceTicketResolver {
  @Query(() => MaintenanceTicketConnection, { nullable: true, description: "The operator's maintenance tickets, filtered and ordered." })
  async maintenanceTickets(
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => MaintenanceTicketFilterInput, { nullable: true, description: "Only the maintenance ticket objects meeting these conditions." }) filter?: MaintenanceTicketFilterInput,
    @Arg('orderBy', () => MaintenanceTicketOrder, { nullable: true, description: "How to sort the list." }) orderBy?: MaintenanceTicketOrder,
  ) {
    const { page: result, count } = await maintenanceService.list(ctx, ticketFilterOf(filter), sortOf(orderBy), page);
    return toConnection(result, toTicket, count);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Name of the ticket type, e.g. "support".' })
  type(@Root() ticket: MaintenanceTicket, @Ctx() ctx: GraphQLContext) {
    return ticket.typeId == null ? null : maintenanceTypeName(ctx).load(ticket.typeId);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Name of the subtype within the type.' })
  subtype(@Root() ticket: MaintenanceTicket, @Ctx() ctx: GraphQLContext) {
    return ticket.subtypeId == null ? null : maintenanceSubtypeName(ctx).load(ticket.subtypeId);
  }

  @FieldResolver(() => Customer, { nullable: true, description: 'The customer the ticket is about; null when none.' })
  customer(@Root() ticket: MaintenanceTicket, @Ctx() ctx: GraphQLContext) {
    return loadCustomer(ctx, ticket.customerId);
  }

  @FieldResolver(() => Site, { nullable: true, description: 'The site the ticket is about; null when none.' })
  site(@Root() ticket: MaintenanceTicket, @Ctx() ctx: GraphQLContext) {
    return loadSite(ctx, ticket.siteId);
  }

  @FieldResolver(() => Equipment, { nullable: true, description: 'The device the ticket is about; null when none.' })
  equipment(@Root() ticket: MaintenanceTicket, @Ctx() ctx: GraphQLContext) {
    return loadEquipment(ctx, ticket.equipmentId);
  }

  @FieldResolver(() => [InstallerTracking], { description: 'Installer jobs on this ticket.' })
  async installerTracking(@Root() ticket: MaintenanceTicket, @Ctx() ctx: GraphQLContext) {
    return (await trackingByTicket(ctx).load(ticket.legacyId)).map(toTracking);
  }
}

const ticketArgs = { nullable: true } as const;

@Resolver(() => InstallerTracking)
export class InstallerTrackingResolver {
  @FieldResolver(() => MaintenanceTicket, { nullable: true, description: 'The ticket the job is for.' })
  async maintenanceTicket(@Root() job: InstallerTracking, @Ctx() ctx: GraphQLContext) {
    const row = await ticketById(ctx).load(job.maintenanceTicketId);
    return row ? toTicket(row) : null;
  }

  @FieldResolver(() => StaffUser, { nullable: true, description: 'The installer doing the job (a staff user with role installer).' })
  async installer(@Root() job: InstallerTracking, @Ctx() ctx: GraphQLContext): Promise<StaffUser | null> {
    if (job.installerStaffId == null) return null;
    const row = await staffUserById(ctx).load(job.installerStaffId);
    return row ? toStaffUser(row) : null;
  }
}

@Resolver(() => Customer)
export class CustomerSupportResolver {
  @FieldResolver(() => MaintenanceTicketConnection, { description: "The customer's maintenance tickets." })
  maintenanceTickets(
    @Root() customer: Customer,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => MaintenanceTicketFilterInput, { ...ticketArgs, description: 'Only the maintenance ticket objects meeting these conditions.' }) filter?: MaintenanceTicketFilterInput,
    @Arg('orderBy', () => MaintenanceTicketOrder, { ...ticketArgs, description: 'How to sort the list.' }) orderBy?: MaintenanceTicketOrder,
  ) {
    return ticketsOf(ctx, 'customer', customer.legacyId, page, filter, orderBy);
  }
}

@Resolver(() => Site)
export class SiteSupportResolver {
  @FieldResolver(() => MaintenanceTicketConnection, { description: 'Maintenance tickets raised on this site.' })
  maintenanceTickets(
    @Root() site: Site,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => MaintenanceTicketFilterInput, { ...ticketArgs, description: 'Only the maintenance ticket objects meeting these conditions.' }) filter?: MaintenanceTicketFilterInput,
    @Arg('orderBy', () => MaintenanceTicketOrder, { ...ticketArgs, description: 'How to sort the list.' }) orderBy?: MaintenanceTicketOrder,
  ) {
    return ticketsOf(ctx, 'site', site.legacyId, page, filter, orderBy);
  }
}

@Resolver(() => Equipment)
export class EquipmentSupportResolver {
  @FieldResolver(() => MaintenanceTicketConnection, { description: 'Maintenance tickets raised on this device.' })
  maintenanceTickets(
    @Root() item: Equipment,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => MaintenanceTicketFilterInput, { ...ticketArgs, description: 'Only the maintenance ticket objects meeting these conditions.' }) filter?: MaintenanceTicketFilterInput,
    @Arg('orderBy', () => MaintenanceTicketOrder, { ...ticketArgs, description: 'How to sort the list.' }) orderBy?: MaintenanceTicketOrder,
  ) {
    return ticketsOf(ctx, 'equipment', item.legacyId, page, filter, orderBy);
  }
}
