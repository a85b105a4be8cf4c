/**
 * E-mail through a configured SMTP relay (SMTP_URL): the message reaches the relay with its
 * recipient, subject and body, and a relay that refuses the recipient leaves a failed message,
 * not a pretended success. The relay is a minimal SMTP server the test runs on loopback.
 */
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enabledEngines } from '../helpers/engines';
import { startTestApp, type TestApp } from '../helpers/app';

interface Received {
  from: string;
  to: string[];
  data: string;
}

/** Speaks just enough SMTP (RFC 5321) to accept mail; refuses recipients at `refused.example`. */
function smtpSink(): Promise<{ server: Server; port: number; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((socket: Socket) => {
    let buffer = '';
    let mail: Received = { from: '', to: [], data: '' };
    let inData = false;
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply('220 sink.test ESMTP');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      let end: number;
      while ((end = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            received.push(mail);
            mail = { from: '', to: [], data: '' };
            reply('250 2.0.0 queued');
          } else mail.data += `${line.startsWith('..') ? line.slice(1) : line}\n`;
          continue;
        }
        const command = line.slice(0, 4).toUpperCase();
        if (command === 'EHLO' || command === 'HELO') reply('250 sink.test');
        else if (command === 'MAIL') (mail.from = line), reply('250 2.1.0 ok');
        else if (command === 'RCPT') {
          if (line.includes('refused.example')) reply('550 5.1.1 no such user');
          else mail.to.push(line), reply('250 2.1.5 ok');
        } else if (command === 'DATA') (inData = true), reply('354 go ahead');
        else if (command === 'QUIT') reply('221 bye'), socket.end();
        else if (command === 'RSET' || command === 'NOOP') reply('250 ok');
        else reply('502 5.5.2 not implemented');
      }
    });
    socket.on('error', () => {});
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as AddressInfo).port, received })));
}

const SEND = `mutation($input: CustomerMessageSendInput!) { customerMessageSend(input: $input) {
  message { recipient subject status errorMessage transport } userErrors { message } } }`;

describe.each(enabledEngines())('e-mail through an SMTP relay on %s', (engine) => {
  let t: TestApp;
  let sink: Awaited<ReturnType<typeof smtpSink>>;

  beforeAll(async () => {
    sink = await smtpSink();
    t = await startTestApp(engine, { config: { smtpUrl: `smtp://127.0.0.1:${sink.port}`, smtpFrom: 'Demo Wireless <billing@demo.example>' } });
  });
  afterAll(async () => {
    await t.stop();
    sink.server.close();
  });

  const customerWithEmail = async (email: string) => {
    const res = await t.gql<{ customerCreate: { customer: { id: string } } }>(
      `mutation($input: CustomerCreateInput!) { customerCreate(input: $input) { customer { id } } }`,
      { input: { name: 'Mail Test', nickname: `mail_${email.split('@')[0]}`, invoicingId: `MAIL-${email}`, email } },
    );
    return res.data.customerCreate.customer.id;
  };

  it('hands the message to the relay and records it as sent', async () => {
    const customerId = await customerWithEmail('aoife@mail.example');
    const res = await t.gql<{ customerMessageSend: { message: Record<string, string>; userErrors: unknown[] } }>(SEND, { input: { customerId, channel: 'EMAIL', template: 'SUSPEND' } });
    expect(res.data.customerMessageSend.userErrors).toEqual([]);
    expect(res.data.customerMessageSend.message).toMatchObject({ recipient: 'aoife@mail.example', status: 'SUCCESS', transport: `smtp:127.0.0.1:${sink.port}` });
    const mail = sink.received.at(-1)!;
    expect(mail.from).toContain('billing@demo.example');
    expect(mail.to.join()).toContain('aoife@mail.example');
    expect(mail.data).toContain(`Subject: ${res.data.customerMessageSend.message.subject}`);
  });

  it('records a refused recipient as a failed message', async () => {
    const customerId = await customerWithEmail('nobody@refused.example');
    const before = sink.received.length;
    const res = await t.gql<{ customerMessageSend: { message: Record<string, string> } }>(SEND, { input: { customerId, channel: 'EMAIL', template: 'SUSPEND' } });
    expect(res.data.customerMessageSend.message).toMatchObject({ status: 'FAILED' });
    expect(res.data.customerMessageSend.message.errorMessage).toMatch(/550|refused|no such user/i);
    expect(sink.received.length).toBe(before);
  });
});
