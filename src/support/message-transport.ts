/**
 * How an SMS or e-mail leaves the system. The message service hands each outbox row to the
 * transport registered for its channel; the default one only writes a log line (nothing is
 * sent over the network). With SMTP_URL set, e-mail goes through the relay (smtp-transport.ts);
 * an SMS gateway plugs in the same way with `setMessageTransport`, and tests plug in a capturing one.
 */
import { log } from '../server/logger';

export type MessageChannel = 'sms' | 'email';

/** What a transport is given: one rendered message to one recipient. */
export interface OutgoingMessage {
  id: number;
  operatorId: number;
  customerId: number;
  channel: MessageChannel;
  template: string | null;
  recipient: string;
  subject: string | null;
  body: string;
}

export interface MessageTransport {
  /** Recorded on the message row (which gateway carried it). */
  readonly name: string;
  /** Delivers one message; `ok: false` with `error` records a failure, a throw likewise. */
  send(message: OutgoingMessage): Promise<{ ok: boolean; error?: string }>;
}

/**
 * Writes one JSON log line per message and reports success. The body is never logged (nor the
 * subject, which templates fill too): a password recovery or a template carries secrets and
 * personal data, and logs are shipped and kept where the messages table's access rules do not
 * reach. The line says which message went where; the row holds what it said.
 */
export const logTransport: MessageTransport = {
  name: 'log',
  async send(message) {
    log('info', 'message.sent', {
      messageId: message.id,
      operatorId: message.operatorId,
      customerId: message.customerId,
      channel: message.channel,
      template: message.template,
      recipient: message.recipient,
      bodyLength: message.body.length,
    });
    return { ok: true };
  },
};

const transports = new Map<MessageChannel, MessageTransport>();

export function setMessageTransport(channel: MessageChannel, transport: MessageTransport): void {
  transports.set(channel, transport);
}

/** Back to the default log transport (tests call it when done). */
export function resetMessageTransport(channel?: MessageChannel): void {
  if (channel) transports.delete(channel);
  else transports.clear();
}

export function messageTransport(channel: MessageChannel): MessageTransport {
  return transports.get(channel) ?? logTransport;
}
