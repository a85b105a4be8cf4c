/** GraphQL adapter for customer messages: parse, call the message service, format. */
import { and, eq, type SQL } from 'drizzle-orm';
import { Arg, Args, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Customer } from '../customers/customer.types';
import { loadCustomer } from '../customers/customer.resolver';
import { ConnectionType } from '../graphql/connection';
import { childConnection } from '../graphql/child-connection';
import type { GraphQLContext } from '../graphql/context';
import { idOf, optionalIdOf } from '../graphql/ids';
import { byKeys } from '../graphql/loaders';
import { registerNodeType } from '../graphql/node';
import { PageArgs } from '../graphql/page-args';
import type { SortKey } from '../db/pagination';
import { mutate } from '../graphql/user-error';
import { DomainError } from '../shared/errors';
import { ticketById } from './maintenance.loaders';
import { toTicket } from './maintenance.mapping';
import { MaintenanceTicket } from './maintenance.types';
import { messages } from './message.table';
import * as messageService from './message.service';
import { toMessage } from './message.mapping';
import { CustomerMessageSendInput, CustomerMessageSendPayload, Message, MessageChannel, MessageOrder, MessageOrderField, MessageTemplate } from './message.types';
import { SortDirection } from '../graphql/sort-direction';


const messageById = (ctx: GraphQLContext) =>
  ctx.loaders.get<number, messageService.MessageRow | null>('message.byId', async (ids) =>
    byKeys(ids, await messageService.findByIds(ctx.db, ctx.actor.operatorId, ids), (row) => row.id),
  );

registerNodeType('Message', async (ctx, id) => {
  const row = await messageById(ctx).load(id);
  return row ? toMessage(row) : null;
});

const MessageConnection = ConnectionType('Message', Message);

/** The `MessageTemplate` value name of each template (`grantAccess` → GRANT_ACCESS). */
const templateEnumName = new Map(Object.entries(MessageTemplate).map(([name, value]) => [value as string, name]));
/** How `customerMessageSend`'s errors name the arguments and templates. */
const GRAPHQL_SPELLING: messageService.SendInput['spelling'] = {
  field: (name) => (name === 'grantAccessType' || name === 'userReciptType' ? 'accessType' : name),
  template: (name) => templateEnumName.get(name) ?? name,
};

@Resolver(() => Message)
export class MessageResolver {
  @Mutation(() => CustomerMessageSendPayload, {
    description: 'Sends a template SMS or e-mail to a customer (or several) now, and records it with its delivery outcome.',
  })
  async customerMessageSend(@Arg('input', () => CustomerMessageSendInput, { description: "The customer or customers, the channel and the message." }) input: CustomerMessageSendInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      if ((input.customerId == null) === (input.customerIds == null)) {
        throw new DomainError('INVALID', 'give exactly one of `customerId` and `customerIds`', [
          { field: ['customerId'], message: 'give exactly one of `customerId` and `customerIds`', code: 'INVALID' },
        ]);
      }
      const args: messageService.SendInput = {
        channel: input.channel,
        template: input.template,
        toAlternativePhone: input.toAlternativePhone,
        // one access type in the graph; the service reads the argument its template names
        grantAccessType: input.accessType,
        userReciptType: input.accessType,
        usageAlertType: input.usageAlertType,
        ticketId: optionalIdOf(input.ticketId, 'MaintenanceTicket', ['ticketId']),
        otp: input.otp,
        spelling: GRAPHQL_SPELLING,
      };
      const rows =
        input.customerId != null
          ? [await messageService.send(ctx, idOf(input.customerId, 'Customer', ['customerId']), args)]
          : await messageService.sendMultiple(ctx, input.customerIds!.map((id, i) => idOf(id, 'Customer', ['customerIds', String(i)])), args);
      const out = rows.map(toMessage);
      return { message: out[0]!, messages: out };
    }, { message: null, messages: null });
  }

  @FieldResolver(() => Customer, { description: 'The customer the message is to or from.' })
  customer(@Root() message: Message, @Ctx() ctx: GraphQLContext) {
    return loadCustomer(ctx, message.customerId);
  }

  @FieldResolver(() => MaintenanceTicket, { nullable: true, description: 'The ticket a close-ticket message is about.' })
  async maintenanceTicket(@Root() message: Message, @Ctx() ctx: GraphQLContext) {
    if (message.maintenanceTicketId == null) return null;
    const row = await ticketById(ctx).load(message.maintenanceTicketId);
    return row ? toTicket(row) : null;
  }
}

/** A customer's messages of one channel, newest first unless `orderBy` says otherwise (also the compiled read path's). */
export function customerMessagesQuery(operatorId: number, channel: MessageChannel, orderBy?: MessageOrder | null): { where: SQL; sort: SortKey } {
  return {
    where: and(eq(messages.operatorId, operatorId), eq(messages.channel, channel))!,
    sort: messageService.messageSort(orderBy?.field ?? MessageOrderField.CREATED_AT, orderBy?.direction ?? SortDirection.DESC),
  };
}

@Resolver(() => Customer)
export class CustomerMessagesResolver {
  @FieldResolver(() => MessageConnection, { description: "The customer's messages of one channel (default SMS), newest first unless ordered otherwise (Jaze get_user_logs)." })
  async messages(
    @Root() customer: Customer,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
    @Arg('channel', () => MessageChannel, { nullable: true, defaultValue: MessageChannel.SMS, description: "Which channel to list; SMS when omitted." }) channel: MessageChannel,
    @Arg('orderBy', () => MessageOrder, { nullable: true, description: 'How to sort the list; newest first when omitted.' }) orderBy?: MessageOrder,
  ) {
    return childConnection(
      ctx,
      {
        name: 'messages.byCustomer',
        table: messages,
        idColumn: messages.id,
        parentColumn: messages.customerId,
        ...customerMessagesQuery(ctx.actor.operatorId, channel, orderBy),
      },
      { channel, orderBy },
      page,
      customer.legacyId,
      toMessage,
    );
  }
}
