/**
 * E-mail over SMTP, when the operator configures a relay (SMTP_URL, e.g.
 * `smtp://user:pass@mail.example.net:587` or `smtps://…:465`). Each message is handed to the
 * relay and its answer recorded on the message row: a refusal (a bad recipient, a relay that is
 * down) is a failed message, never a pretended success.
 */
import nodemailer from 'nodemailer';
import type { MessageTransport } from './message-transport';

export interface SmtpSettings {
  url: string;
  /** The From header, e.g. `Demo Wireless <billing@demo.example>`. */
  from: string;
  /** How long to wait for the relay at each step, in milliseconds. */
  timeoutMs?: number;
}

export function createSmtpTransport(settings: SmtpSettings): MessageTransport & { close(): void } {
  const relay = nodemailer.createTransport(settings.url, {
    connectionTimeout: settings.timeoutMs ?? 10_000,
    greetingTimeout: settings.timeoutMs ?? 10_000,
    socketTimeout: settings.timeoutMs ?? 30_000,
  } as object);
  const host = new URL(settings.url).host;
  return {
    name: `smtp:${host}`,
    async send(message) {
      try {
        const info = await relay.sendMail({
          from: settings.from,
          to: message.recipient,
          subject: message.subject ?? '',
          text: message.body,
          headers: { 'X-Ispgraph-Message-Id': String(message.id) },
        });
        if (info.rejected.length > 0) return { ok: false, error: `the relay refused ${info.rejected.join(', ')}` };
        return { ok: true };
      } catch (error) {
        return { ok: false, error: `SMTP: ${(error as Error).message}` };
      }
    },
    close: () => relay.close(),
  };
}
