/** GraphQL adapter for attachments: Customer.attachments, MaintenanceTicket.attachments, node(id:). */
import { Arg, Args, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { DeleteTypes, deleteMutation } from '../graphql/delete';
import { idOf } from '../graphql/ids';
import { mutate } from '../graphql/user-error';
import { childConnection } from '../graphql/child-connection';
import { ConnectionType } from '../graphql/connection';
import { PageArgs } from '../graphql/page-args';
import { attachments } from './attachment.table';
import { Customer } from '../customers/customer.types';
import type { GraphQLContext } from '../graphql/context';
import { byKeys, groupByKeys } from '../graphql/loaders';
import { asNode, registerNodeType } from '../graphql/node';
import * as attachmentService from './attachment.service';
import { Attachment, AttachmentOrder, AttachmentUpdateInput, AttachmentUpdatePayload } from './attachment.types';
import { MaintenanceTicket } from './maintenance.types';

const toAttachment = (row: attachmentService.AttachmentRow) => {
  const { storagePath: _where, ...rest } = row;
  return asNode('Attachment', rest) as unknown as Attachment;
};

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

const AttachmentConnection = ConnectionType('Attachment', Attachment);

@Resolver(() => Customer)
export class CustomerAttachmentsResolver {
  @FieldResolver(() => AttachmentConnection, { description: 'Files attached to the account, oldest first unless ordered otherwise.' })
  async attachments(
    @Root() customer: Customer,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
    @Arg('orderBy', () => AttachmentOrder, { nullable: true, description: 'How to sort the list; oldest first when omitted.' }) orderBy?: AttachmentOrder,
  ) {
    return childConnection(
      ctx,
      {
        name: 'attachments.byCustomer',
        table: attachments,
        idColumn: attachments.id,
        parentColumn: attachments.customerId,
        ...attachmentService.customerAttachmentsQuery(ctx.actor.operatorId, orderBy?.field, orderBy?.direction),
      },
      { orderBy },
      page,
      customer.legacyId,
      toAttachment,
    );
  }
}

@Resolver(() => MaintenanceTicket)
export class TicketAttachmentsResolver {
  @FieldResolver(() => [Attachment], { description: 'Files attached to the ticket, oldest first.' })
  async attachments(@Root() ticket: MaintenanceTicket, @Ctx() ctx: GraphQLContext) {
    return (await byTicket(ctx).load(ticket.legacyId)).map(toAttachment);
  }
}

const AttachmentDelete = DeleteTypes('Attachment', 'attachment');

@Resolver(() => Attachment)
export class AttachmentWritesResolver {
  @Mutation(() => AttachmentUpdatePayload, { description: "Changes what is said of an attached file: its description and, for a customer's file, who may see it." })
  async attachmentUpdate(@Arg('input', () => AttachmentUpdateInput, { description: 'The attachment and what to change.' }) input: AttachmentUpdateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const row = await attachmentService.update(ctx, idOf(input.id, 'Attachment', ['id']), { description: input.description, rights: input.rights });
      return { attachment: toAttachment(row) };
    }, { attachment: null });
  }

  @Mutation(() => AttachmentDelete.Payload, {
    description: 'Forgets an attached file. The file stays in the attachment drop it was recorded from, so a later synchronize whose pattern matches it records it again.',
  })
  attachmentDelete(@Arg('input', () => AttachmentDelete.Input, { description: 'The attachment to forget.' }) input: InstanceType<typeof AttachmentDelete.Input>, @Ctx() ctx: GraphQLContext) {
    return deleteMutation('Attachment', input, (id) => attachmentService.remove(ctx, id));
  }
}
