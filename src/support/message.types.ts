/** GraphQL shapes of customer messages (SMS and e-mail; Jaze E32/E33/E40). */
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../graphql/node';
import { DateTimeScalar, JSONScalar } from '../graphql/scalars';
import { SortDirection } from '../graphql/sort-direction';
import { UserError } from '../graphql/user-error';

export enum MessageChannel {
  SMS = 'sms',
  EMAIL = 'email',
}
registerEnumType(MessageChannel, {
  name: 'MessageChannel',
  description: 'How a message reaches the customer.',
  valuesConfig: {
    SMS: { description: 'Text message.' },
    EMAIL: { description: 'E-mail.' },
  },
});

export enum MessageOrderField {
  ID = 'ID',
  CREATED_AT = 'CREATED_AT',
  SENT_AT = 'SENT_AT',
}
registerEnumType(MessageOrderField, {
  name: 'MessageOrderField',
  description: 'What messages can be ordered by; ties in the order they were written.',
  valuesConfig: {
    ID: { description: 'The order they were written in.' },
    CREATED_AT: { description: 'When they were written (queued).' },
    SENT_AT: { description: 'When they were delivered; those not delivered yet come first descending, last ascending.' },
  },
});

@InputType({ description: 'How to sort a list of message objects.' })
export class MessageOrder {
  @Field(() => MessageOrderField, { description: 'What to order by.' }) field!: MessageOrderField;
  @Field(() => SortDirection, { nullable: true, description: 'DESC when omitted (newest first).' }) direction?: SortDirection;
}

export enum MessageStatus {
  SUCCESS = 'SUCCESS',
  PENDING = 'PENDING',
  WAITING = 'WAITING',
  ABORTED = 'ABORTED',
  FAILED = 'FAILED',
}
registerEnumType(MessageStatus, {
  name: 'MessageStatus',
  description: 'The meaning of `statusCode` (202 success, 201 pending, 502 waiting, 505 aborted, anything else failed).',
  valuesConfig: {
    FAILED: { description: 'Failed: any other code.' },
    ABORTED: { description: 'Aborted (Jaze 505).' },
    WAITING: { description: 'Waiting (Jaze 502).' },
    PENDING: { description: 'Pending (Jaze 201).' },
    SUCCESS: { description: 'Sent (Jaze 202).' },
  },
});

@ObjectType({ implements: Node, description: 'An SMS or e-mail to a customer, and its delivery outcome.' })
export class Message extends Node {
  @Field(() => MessageChannel, { description: 'SMS or e-mail.' }) channel!: MessageChannel;
  @Field(() => String, { nullable: true, description: 'Template name (grantAccess, billReminder, …); recoverPassword for portal password recovery.' }) template!: string | null;
  @Field(() => JSONScalar, { nullable: true, description: 'The template variant arguments (grantAccessType, usageAlertType, userReciptType).' }) templateParams!: unknown;
  @Field(() => String, { description: 'Phone number or e-mail address.' }) recipient!: string;
  @Field(() => String, { nullable: true, description: 'The e-mail subject; null for SMS.' }) subject!: string | null;
  @Field(() => String, { description: 'The text sent (a recovered password is masked).' }) body!: string;
  @Field(() => Int, { description: 'Jaze status code: 202 success, 201 pending, 502 waiting, 505 aborted, anything else failed.' }) statusCode!: number;
  @Field(() => MessageStatus, { description: 'The delivery outcome.' }) status!: MessageStatus;
  @Field(() => String, { nullable: true, description: 'Outcome text: the success text, or why delivery failed.' }) errorMessage!: string | null;
  @Field(() => String, { nullable: true, description: 'Which transport carried it.' }) transport!: string | null;
  @Field(() => DateTimeScalar, { description: 'When the message was recorded.' }) createdAt!: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the message was sent; null unless it succeeded.' }) sentAt!: Date | null;
  customerId!: number;
  maintenanceTicketId!: number | null;
}

@InputType({ description: 'Sends a template SMS or e-mail to one customer (`customerId`) or to several (`customerIds`).' })
export class CustomerMessageSendInput {
  @Field(() => ID, { nullable: true, description: 'The customer; give this or `customerIds`.' }) customerId?: string | null;
  @Field(() => [ID], { nullable: true, description: 'Several customers (Jaze sendMultipleSms/userIds[]); one message each.' }) customerIds?: string[] | null;
  @Field(() => MessageChannel, { description: 'SMS or e-mail.' }) channel!: MessageChannel;
  @Field(() => String, {
    description:
      'SMS: grantAccess, verificationCode, rejectUser, usageAlert, accountSuspension, validityExpire, userBalance, closeTicketOtp, closeTicketNotification. ' +
      'E-mail: userRecipt, suspend, rejectedUserRecipt, billReminder, billWarning, prepaid, notifyUser, closeTicketOtp, closedTicketNotificationClient.',
  })
  template!: string;
  @Field(() => Boolean, { nullable: true, description: "SMS only: send to the customer's alternative phone (Jaze sendSmsTo)." }) toAlternativePhone?: boolean | null;
  @Field(() => String, { nullable: true, description: 'Required for grantAccess: PPPoE/Hotspot or customerPortal.' }) grantAccessType?: string | null;
  @Field(() => String, { nullable: true, description: 'Required for usageAlert and notifyUser: bandwidth, duration or vendor.' }) usageAlertType?: string | null;
  @Field(() => String, { nullable: true, description: 'Required for userRecipt: PPPoE/Hotspot or customerPortal.' }) userReciptType?: string | null;
  @Field(() => ID, { nullable: true, description: "Required for the close-ticket templates: a maintenance ticket of the customer." }) ticketId?: string | null;
  @Field(() => String, { nullable: true, description: 'Required for closeTicketOtp; optional for verificationCode (a random code otherwise).' }) otp?: string | null;
}

@ObjectType({ description: 'The messages sent, or why sending was refused.' })
export class CustomerMessageSendPayload {
  @Field(() => Message, { nullable: true, description: 'The message (the first one when several customers were given).' }) message!: Message | null;
  @Field(() => [Message], { nullable: true, description: 'One message per customer.' }) messages!: Message[] | null;
  @Field(() => [UserError], { description: 'Why the change was refused; empty on success.' }) userErrors!: UserError[];
}
