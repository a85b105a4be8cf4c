/** GraphQL shapes of customer messages (SMS and e-mail; Jaze E32/E33/E40). */
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node, NumberedNode } from '../graphql/node';
import { DateTimeScalar } from '../graphql/scalars';
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

/**
 * The GraphQL names of the message templates. The values are the template names the services,
 * the outbox and Jaze (E32/E33 `templateName`) use, so the enum serialises stored rows as they are.
 */
export enum MessageTemplate {
  GRANT_ACCESS = 'grantAccess',
  VERIFICATION_CODE = 'verificationCode',
  REJECT_USER = 'rejectUser',
  USAGE_ALERT = 'usageAlert',
  ACCOUNT_SUSPENSION = 'accountSuspension',
  VALIDITY_EXPIRE = 'validityExpire',
  USER_BALANCE = 'userBalance',
  CLOSE_TICKET_OTP = 'closeTicketOtp',
  CLOSE_TICKET_NOTIFICATION = 'closeTicketNotification',
  USER_RECEIPT = 'userRecipt',
  SUSPEND = 'suspend',
  REJECTED_USER_RECEIPT = 'rejectedUserRecipt',
  BILL_REMINDER = 'billReminder',
  BILL_WARNING = 'billWarning',
  PREPAID = 'prepaid',
  NOTIFY_USER = 'notifyUser',
  CLOSED_TICKET_NOTIFICATION_CLIENT = 'closedTicketNotificationClient',
  RECOVER_PASSWORD = 'recoverPassword',
}
registerEnumType(MessageTemplate, {
  name: 'MessageTemplate',
  description: 'What a message says. Each template is offered on the channels named in its description; sending one on another channel is refused.',
  valuesConfig: {
    GRANT_ACCESS: { description: 'SMS: the customer has access; needs `accessType`.' },
    VERIFICATION_CODE: { description: 'SMS: a verification code (`otp`, or a random six-digit one).' },
    REJECT_USER: { description: 'SMS: the account request was rejected.' },
    USAGE_ALERT: { description: 'SMS: most of the allowance is used; needs `usageAlertType`.' },
    ACCOUNT_SUSPENSION: { description: 'SMS: the account is suspended.' },
    VALIDITY_EXPIRE: { description: 'SMS: days left until the service expires; the customer must have an expiry date.' },
    USER_BALANCE: { description: 'SMS: the balance due.' },
    CLOSE_TICKET_OTP: { description: 'SMS and e-mail: the one-time code to close a ticket; needs `ticketId` and `otp`.' },
    CLOSE_TICKET_NOTIFICATION: { description: 'SMS: a ticket was closed; needs `ticketId`.' },
    USER_RECEIPT: { description: 'E-mail: the account is ready; needs `accessType`.' },
    SUSPEND: { description: 'E-mail: the account is suspended.' },
    REJECTED_USER_RECEIPT: { description: 'E-mail: the account request was rejected.' },
    BILL_REMINDER: { description: 'E-mail: a reminder of the balance due.' },
    BILL_WARNING: { description: 'E-mail: the balance is overdue.' },
    PREPAID: { description: 'E-mail: until when the prepaid service is valid; the customer must have an expiry date.' },
    NOTIFY_USER: { description: 'E-mail: most of the allowance is used; needs `usageAlertType`.' },
    CLOSED_TICKET_NOTIFICATION_CLIENT: { description: 'E-mail: a ticket was closed; needs `ticketId`.' },
    RECOVER_PASSWORD: { description: "SMS and e-mail: the customer portal's password recovery. Sent by `customerPortalPasswordRecover`, not by `customerMessageSend`." },
  },
});

export enum MessageAccessType {
  PPPOE_HOTSPOT = 'PPPoE/Hotspot',
  CUSTOMER_PORTAL = 'customerPortal',
}
registerEnumType(MessageAccessType, {
  name: 'MessageAccessType',
  description: 'Which access a GRANT_ACCESS or USER_RECEIPT message announces.',
  valuesConfig: {
    PPPOE_HOTSPOT: { description: 'Internet access (PPPoE or hotspot), with the RADIUS username.' },
    CUSTOMER_PORTAL: { description: 'The customer portal, with its login.' },
  },
});

export enum UsageAlertType {
  BANDWIDTH = 'bandwidth',
  DURATION = 'duration',
  VENDOR = 'vendor',
}
registerEnumType(UsageAlertType, {
  name: 'UsageAlertType',
  description: 'Which limit a USAGE_ALERT or NOTIFY_USER message warns about.',
  valuesConfig: {
    BANDWIDTH: { description: 'The data allowance.' },
    DURATION: { description: 'The online time.' },
    VENDOR: { description: 'The limit set for the account.' },
  },
});

@ObjectType({ implements: Node, description: 'An SMS or e-mail to a customer, and its delivery outcome.' })
export class Message extends NumberedNode {
  @Field(() => MessageChannel, { description: 'SMS or e-mail.' }) channel!: MessageChannel;
  @Field(() => MessageTemplate, { nullable: true, description: 'The template it was written from; null for a message recorded without one.' }) template!: MessageTemplate | null;
  @Field(() => MessageAccessType, { nullable: true, description: 'The access it announces (GRANT_ACCESS, USER_RECEIPT); null for other templates.' }) accessType!: MessageAccessType | null;
  @Field(() => UsageAlertType, { nullable: true, description: 'The limit it warns about (USAGE_ALERT, NOTIFY_USER); null for other templates.' }) usageAlertType!: UsageAlertType | null;
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
  @Field(() => MessageTemplate, { description: 'The template; it must be offered on `channel` (see each value), and RECOVER_PASSWORD is refused.' }) template!: MessageTemplate;
  @Field(() => Boolean, { nullable: true, description: "SMS only: send to the customer's alternative phone (Jaze sendSmsTo)." }) toAlternativePhone?: boolean | null;
  @Field(() => MessageAccessType, { nullable: true, description: 'Required for GRANT_ACCESS and USER_RECEIPT: which access to announce.' }) accessType?: MessageAccessType | null;
  @Field(() => UsageAlertType, { nullable: true, description: 'Required for USAGE_ALERT and NOTIFY_USER: which limit to warn about.' }) usageAlertType?: UsageAlertType | null;
  @Field(() => ID, { nullable: true, description: 'Required for CLOSE_TICKET_OTP, CLOSE_TICKET_NOTIFICATION and CLOSED_TICKET_NOTIFICATION_CLIENT: a maintenance ticket of the customer.' }) ticketId?: string | null;
  @Field(() => String, { nullable: true, description: 'Required for CLOSE_TICKET_OTP; optional for VERIFICATION_CODE (a random code otherwise).' }) otp?: string | null;
}

@ObjectType({ description: 'The messages sent, or why sending was refused.' })
export class CustomerMessageSendPayload {
  @Field(() => Message, { nullable: true, description: 'The message (the first one when several customers were given).' }) message!: Message | null;
  @Field(() => [Message], { nullable: true, description: 'One message per customer.' }) messages!: Message[] | null;
  @Field(() => [UserError], { description: 'Why the change was refused; empty on success.' }) userErrors!: UserError[];
}
