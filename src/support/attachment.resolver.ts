/** GraphQL adapter for attachments: Customer.attachments, MaintenanceTicket.attachments, node(id:). */
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Customer } from '../customers/customer.types';
import type { GraphQLContext } from '../graphql/context';
import { byKeys, groupByKeys } from '../graphql/loaders';
import { asNode, registerNodeType } from '../graphql/node';
import * as attachmentService from './attachment.service';
import { Attachment } from './attachment.types';
import { MaintenanceTicket } from './maintenance.types';

const toAttachment = (row: attachmentService.AttachmentRow) => {
  const { storagePath: _where, ...rest } = row;
  return asNode('Attachment', rest) as unknown as Attachment;
};

const byCustomer = (ctx: GraphQLContext) =>
  ctx.loaders.get<number, attachmentService.AttachmentRow[]>('attachments.byCustomer', async (ids) =>
    groupByKeys(ids, await attachmentService.byCustomers(ctx.db, ctx.actor.operatorId, ids), (row) => row.customerId!),
  );

const byTicket = (ctx: GraphQLContext) =>
  ctx.loaders.get<number, attachmentService.AttachmentRow[]>('attachments.byTicket', async (ids) =>
    groupByKeys(ids, await attachmentService.byTickets(ctx.db, ctx.actor.operatorId, ids), (row) => row.maintenanceTicketId!),
  );

const byId = (ctx: GraphQLContext) =>
  ctx.loaders.get<number, attachmentService.AttachmentRow | null>('attachments.byId', async (ids) =>
    byKeys(ids, await attachmentService.findByIds(ctx.db, ctx.actor.operatorId, ids), (row) => row.id),
  );

registerNodeType('Attachment', async (ctx, id) => {
  const row = await byId(ctx).load(id);
  return row ? toAttachment(row) : null;
});

@Resolver(() => Customer)
export class CustomerAttachmentsResolver {
  @FieldResolver(() => [Attachment], { description: 'Files attached to the account, oldest first.' })
  async attachments(@Root() customer: Customer, @Ctx() ctx: GraphQLContext) {
    return (await byCustomer(ctx).load(customer.legacyId)).map(toAttachment);
  }
}

@Resolver(() => MaintenanceTicket)
export class TicketAttachmentsResolver {
  @FieldResolver(() => [Attachment], { description: 'Files attached to the ticket, oldest first.' })
  async attachments(@Root() ticket: MaintenanceTicket, @Ctx() ctx: GraphQLContext) {
    return (await byTicket(ctx).load(ticket.legacyId)).map(toAttachment);
  }
}
