/**
 * Customer messages (Jaze E32/E33/E40) through GraphQL: every template renders from customer
 * data, the conditional-required arguments and recipients are enforced with nothing written,
 * the outbox row records the transport's outcome, and Customer.messages lists them. A capturing
 * transport stands in for the SMS gateway and SMTP relay.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { enabledEngines } from '../helpers/engines';
import { startTestApp, type TestApp } from '../helpers/app';
import { rows } from '../helpers/sql';
import { resetMessageTransport, setMessageTransport, type MessageTransport, type OutgoingMessage } from '../../src/support/message-transport';
import * as messageService from '../../src/support/message.service';
import { MessageTemplate } from '../../src/support/message.types';
import { toGlobalId } from '../../src/graphql/global-id';

type UserErrors = { field: string[]; message: string; code: string }[];
type MessageOut = { id: string; legacyId: number; channel: string; template: string | null; accessType: string | null; usageAlertType: string | null; recipient: string; subject: string | null; body: string; statusCode: number; status: string; errorMessage: string | null; transport: string | null; sentAt: string | null; customer: { id: string } | null };
const FIELDS = 'id legacyId channel template accessType usageAlertType recipient subject body statusCode status errorMessage transport sentAt customer { id }';

const sent: OutgoingMessage[] = [];
let outcome: (m: OutgoingMessage) => Promise<{ ok: boolean; error?: string }> = async () => ({ ok: true });
const capture: MessageTransport = {
  name: 'capture',
  send: async (m) => {
    sent.push(m);
    return outcome(m);
  },
};

describe('renderTemplate', () => {
  it('substitutes placeholders once, without evaluating anything', () => {
    expect(messageService.renderTemplate('Hi {{name}}, {{ missing }}!', { name: 'Ann' })).toBe('Hi Ann, !');
    expect(messageService.renderTemplate('{{name}}', { name: '{{secret}}', secret: 'x' })).toBe('{{secret}}');
    expect(messageService.renderTemplate('{{constructor}}{{toString}}{{__proto__}}', {})).toBe('{{__proto__}}');
    expect(messageService.renderTemplate('{{a.b}} {{x}}', { x: 0 })).toBe('{{a.b}} 0');
  });
});

describe.each(enabledEngines())('GraphQL customer messages on %s', (engine) => {
  let t: TestApp;
  let ann: { id: string; legacyId: number; nickname: string };
  let bob: { id: string; legacyId: number };
  let annTicket: string;
  let bobTicket: string;
  const one = async (query: ReturnType<typeof sql>) => Number((await rows<{ n: number }>(t.database.handle.db, query))[0]!.n);
  const ok = async <T>(query: string, variables?: Record<string, unknown>) => {
    const res = await t.gql<T>(query, variables);
    expect(res.errors).toBeUndefined();
    return res.data;
  };
  const send = (input: Record<string, unknown>) =>
    ok<{ customerMessageSend: { message: MessageOut | null; messages: MessageOut[] | null; userErrors: UserErrors } }>(
      `mutation($input: CustomerMessageSendInput!) { customerMessageSend(input: $input) { message { ${FIELDS} } messages { ${FIELDS} } userErrors { field message code } } }`,
      { input },
    ).then((d) => d.customerMessageSend);
  const messageCount = () => one(sql`select count(*)::int as n from messages`);
  const createCustomer = async (input: Record<string, unknown>) =>
    (
      await ok<{ customerCreate: { customer: { id: string; legacyId: number; nickname: string }; userErrors: UserErrors } }>(
        `mutation($input: CustomerCreateInput!) { customerCreate(input: $input) { customer { id legacyId nickname } userErrors { message } } }`,
        { input },
      )
    ).customerCreate.customer;
  const createTicket = async (customerId: string, title: string) =>
    (
      await ok<{ maintenanceTicketCreate: { maintenanceTicket: { id: string } } }>(
        `mutation($input: MaintenanceTicketCreateInput!) { maintenanceTicketCreate(input: $input) { maintenanceTicket { id } userErrors { message } } }`,
        { input: { customerId, title } },
      )
    ).maintenanceTicketCreate.maintenanceTicket.id;

  beforeAll(async () => {
    t = await startTestApp(engine);
    setMessageTransport('sms', capture);
    setMessageTransport('email', capture);
    ann = await createCustomer({ name: 'Ann Murphy', nickname: 'ann_m', invoicingId: 'MSG-ANN', phone: '+353861111111', altPhone: '+353872222222', email: 'ann@msg.example', portalUsername: 'ann.portal' });
    bob = await createCustomer({ name: 'Bob Walsh', nickname: 'bob_w', invoicingId: 'MSG-BOB' });
    await t.database.handle.db.execute(sql`update customers set expires_at = now() + interval '10 days' where id = ${ann.legacyId}`);
    annTicket = await createTicket(ann.id, 'No connection since storm');
    bobTicket = await createTicket(bob.id, 'Slow speeds');
  });
  beforeEach(() => {
    sent.length = 0;
    outcome = async () => ({ ok: true });
  });
  afterAll(async () => {
    resetMessageTransport();
    await t?.stop();
  });

  it('sends a grantAccess SMS to the phone, records it as delivered and hands it to the transport', async () => {
    const before = await messageCount();
    const res = await send({ customerId: ann.id, channel: 'SMS', template: 'GRANT_ACCESS', accessType: 'PPPOE_HOTSPOT' });
    expect(res.userErrors).toEqual([]);
    const m = res.message!;
    expect(m).toMatchObject({ channel: 'SMS', template: 'GRANT_ACCESS', accessType: 'PPPOE_HOTSPOT', usageAlertType: null, recipient: '+353861111111', subject: null, statusCode: 202, status: 'SUCCESS', errorMessage: 'Sms is dispatched successfully', transport: 'capture', customer: { id: ann.id } });
    expect(m.body).toBe('Dear Ann Murphy, you have been granted access to the internet at Demo Wireless Ltd - Username: ann_m');
    expect(m.sentAt).not.toBeNull();
    expect(sent).toEqual([expect.objectContaining({ id: m.legacyId, channel: 'sms', recipient: '+353861111111', body: m.body, template: 'grantAccess' })]);
    expect(await messageCount()).toBe(before + 1);
    const [row] = await rows<{ status_code: number; recipient: string }>(t.database.handle.db, sql`select status_code, recipient from messages where id = ${m.legacyId}`);
    expect(row).toEqual({ status_code: 202, recipient: '+353861111111' });
    expect(await one(sql`select count(*)::int as n from audit_log where action = 'message.send' and entity_id = ${m.legacyId}`)).toBe(1);

    // delivered rows are not handed over again (the claim 201 → 502 fails)
    const [stored] = await messageService.findByIds(t.database.handle.db, (await rows<{ o: number }>(t.database.handle.db, sql`select operator_id as o from messages where id = ${m.legacyId}`))[0]!.o, [m.legacyId]);
    expect((await messageService.deliver(t.database.handle.db, stored!)).statusCode).toBe(202);
    expect(sent).toHaveLength(1);

    const portal = await send({ customerId: ann.id, channel: 'SMS', template: 'GRANT_ACCESS', accessType: 'CUSTOMER_PORTAL' });
    expect(portal.message!.body).toContain('Username: ann.portal');
    // read back as a list (the compiled path) and by id: the same typed fields as the payload
    const back = await ok<{ node: { messages: { nodes: { template: string; accessType: string | null; usageAlertType: string | null }[] } } }>(
      `query($id: ID!) { node(id: $id) { ... on Customer { messages(first: 2) { nodes { template accessType usageAlertType } } } } }`,
      { id: ann.id },
    );
    expect(back.node.messages.nodes).toEqual([
      { template: 'GRANT_ACCESS', accessType: 'CUSTOMER_PORTAL', usageAlertType: null },
      { template: 'GRANT_ACCESS', accessType: 'PPPOE_HOTSPOT', usageAlertType: null },
    ]);
    const byId = await ok<{ node: { template: string; accessType: string } }>(`query($id: ID!) { node(id: $id) { ... on Message { template accessType } } }`, { id: portal.message!.id });
    expect(byId.node).toEqual({ template: 'GRANT_ACCESS', accessType: 'CUSTOMER_PORTAL' });
  });

  it('sends to the alternative phone when asked, and refuses a customer without one', async () => {
    const alt = await send({ customerId: ann.id, channel: 'SMS', template: 'REJECT_USER', toAlternativePhone: true });
    expect(alt.message!.recipient).toBe('+353872222222');
    expect(sent.map((s) => s.recipient)).toEqual(['+353872222222']);
    sent.length = 0;
    const before = await messageCount();
    for (const input of [
      { customerId: bob.id, channel: 'SMS', template: 'REJECT_USER', toAlternativePhone: true },
      { customerId: bob.id, channel: 'SMS', template: 'REJECT_USER' },
      { customerId: bob.id, channel: 'EMAIL', template: 'SUSPEND' },
    ]) {
      const res = await send(input);
      expect(res.message).toBeNull();
      expect(res.userErrors).toEqual([{ field: ['input', 'customerId'], message: expect.stringMatching(/^customer \d+ has no (alternative phone number|phone number|e-mail address)$/), code: 'PRECONDITION_FAILED' }]);
    }
    expect(await messageCount()).toBe(before);
    expect(sent).toEqual([]);
  });

  it('enforces the conditional-required arguments and the ticket owner, writing nothing', async () => {
    const before = await messageCount();
    const cases: [Record<string, unknown>, [string, string][]][] = [
      [{ channel: 'SMS', template: 'GRANT_ACCESS' }, [['accessType', 'INVALID']]],
      [{ channel: 'SMS', template: 'USAGE_ALERT' }, [['usageAlertType', 'INVALID']]],
      [{ channel: 'EMAIL', template: 'NOTIFY_USER', accessType: 'PPPOE_HOTSPOT' }, [['usageAlertType', 'INVALID']]],
      [{ channel: 'EMAIL', template: 'USER_RECEIPT' }, [['accessType', 'INVALID']]],
      [{ channel: 'SMS', template: 'CLOSE_TICKET_OTP' }, [['otp', 'INVALID'], ['ticketId', 'INVALID']]],
      [{ channel: 'SMS', template: 'CLOSE_TICKET_NOTIFICATION' }, [['ticketId', 'INVALID']]],
      [{ channel: 'EMAIL', template: 'CLOSED_TICKET_NOTIFICATION_CLIENT', ticketId: 'bob' }, [['ticketId', 'NOT_FOUND']]],
      [{ channel: 'SMS', template: 'CLOSE_TICKET_OTP', ticketId: 'ann', otp: 'x'.repeat(40) }, [['otp', 'INVALID']]],
      [{ channel: 'EMAIL', template: 'CLOSE_TICKET_OTP', otp: '1234' }, [['ticketId', 'INVALID']]],
      [{ channel: 'SMS', template: 'CLOSE_TICKET_NOTIFICATION', ticketId: 'bob' }, [['ticketId', 'NOT_FOUND']]],
      [{ channel: 'SMS', template: 'BILL_REMINDER' }, [['template', 'INVALID']]],
      [{ channel: 'EMAIL', template: 'GRANT_ACCESS', accessType: 'CUSTOMER_PORTAL' }, [['template', 'INVALID']]],
      [{ channel: 'SMS', template: 'RECOVER_PASSWORD' }, [['template', 'INVALID']]],
    ];
    for (const [input, expected] of cases) {
      const ticketId = input.ticketId === 'bob' ? bobTicket : input.ticketId === 'ann' ? annTicket : input.ticketId;
      const res = await send({ ...input, ticketId, customerId: ann.id });
      expect(res.message, JSON.stringify(input)).toBeNull();
      expect(res.userErrors.map((e) => [e.field.slice(1).join('.'), e.code]).sort(), JSON.stringify(input)).toEqual(expected);
    }
    // the errors speak the graph's names, not the stored ones
    const refused = await send({ customerId: ann.id, channel: 'SMS', template: 'BILL_REMINDER' });
    expect(refused.userErrors[0]!.message).toBe('"BILL_REMINDER" is not an SMS template (one of GRANT_ACCESS, VERIFICATION_CODE, REJECT_USER, USAGE_ALERT, ACCOUNT_SUSPENSION, VALIDITY_EXPIRE, USER_BALANCE, CLOSE_TICKET_OTP, CLOSE_TICKET_NOTIFICATION)');
    expect((await send({ customerId: ann.id, channel: 'EMAIL', template: 'USER_RECEIPT' })).userErrors[0]!.message).toBe('accessType is required for the USER_RECEIPT template');
    // values outside the enums never reach the service
    for (const input of [{ template: 'grantAccess' }, { template: 'GRANT_ACCESS', accessType: 'dialup' }, { template: 'USAGE_ALERT', usageAlertType: 'quota' }]) {
      const res = await t.gql(`mutation($input: CustomerMessageSendInput!) { customerMessageSend(input: $input) { userErrors { message } } }`, { input: { customerId: ann.id, channel: 'SMS', ...input } });
      expect(res.errors?.[0]?.message, JSON.stringify(input)).toMatch(/does not exist in "(MessageTemplate|MessageAccessType|UsageAlertType)" enum/);
    }
    const nobody = await send({ customerId: toGlobalId('Customer', 999999), channel: 'SMS', template: 'REJECT_USER' });
    expect(nobody.userErrors.map((e) => e.code)).toEqual([expect.stringMatching(/NOT_FOUND|INVALID/)]);
    const both = await send({ customerId: ann.id, customerIds: [ann.id], channel: 'SMS', template: 'REJECT_USER' });
    expect(both.userErrors[0]!.code).toBe('INVALID');
    expect(await messageCount()).toBe(before);
    expect(sent).toEqual([]);
  });

  it('renders every documented template from customer data, with no placeholder left', async () => {
    const args: Record<string, Record<string, unknown>> = {
      GRANT_ACCESS: { accessType: 'PPPOE_HOTSPOT' },
      USAGE_ALERT: { usageAlertType: 'BANDWIDTH' },
      NOTIFY_USER: { usageAlertType: 'DURATION' },
      USER_RECEIPT: { accessType: 'CUSTOMER_PORTAL' },
      CLOSE_TICKET_OTP: { ticketId: annTicket, otp: '482913' },
      CLOSE_TICKET_NOTIFICATION: { ticketId: annTicket },
      CLOSED_TICKET_NOTIFICATION_CLIENT: { ticketId: annTicket },
    };
    const sms = ['GRANT_ACCESS', 'VERIFICATION_CODE', 'REJECT_USER', 'USAGE_ALERT', 'ACCOUNT_SUSPENSION', 'VALIDITY_EXPIRE', 'USER_BALANCE', 'CLOSE_TICKET_OTP', 'CLOSE_TICKET_NOTIFICATION'];
    const email = ['USER_RECEIPT', 'SUSPEND', 'REJECTED_USER_RECEIPT', 'BILL_REMINDER', 'BILL_WARNING', 'PREPAID', 'NOTIFY_USER', 'CLOSE_TICKET_OTP', 'CLOSED_TICKET_NOTIFICATION_CLIENT'];
    // every template the service offers has its enum value, and the lists above are complete
    const enumName = new Map(Object.entries(MessageTemplate).map(([name, value]) => [value as string, name]));
    expect(Object.keys(messageService.SMS_TEMPLATES).map((n) => enumName.get(n)).sort()).toEqual([...sms].sort());
    expect(Object.keys(messageService.EMAIL_TEMPLATES).map((n) => enumName.get(n)).sort()).toEqual([...email].sort());
    for (const [channel, names] of [['SMS', sms], ['EMAIL', email]] as const) {
      for (const template of names) {
        const res = await send({ customerId: ann.id, channel, template, ...args[template] });
        expect(res.userErrors, template).toEqual([]);
        const m = res.message!;
        expect(m.body, template).not.toMatch(/\{\{|\}\}/);
        expect(m.body.length, template).toBeGreaterThan(20);
        if (channel === 'EMAIL') {
          expect(m.recipient).toBe('ann@msg.example');
          expect(m.subject, template).toMatch(/^[^{}]+$/);
        } else expect(m.subject).toBeNull();
      }
    }
    const byTemplate = (channel: string, template: string) => sent.find((s) => s.channel === channel && s.template === template)!.body;
    expect(byTemplate('sms', 'closeTicketOtp')).toContain(`ticket #${(await rows<{ id: number }>(t.database.handle.db, sql`select id from maintenance_tickets where title = 'No connection since storm' order by id desc limit 1`))[0]!.id} (No connection since storm) is 482913`);
    expect(byTemplate('sms', 'verificationCode')).toMatch(/verification code is \d{6}$/);
    expect(byTemplate('sms', 'userBalance')).toContain('balance due is 0.00 EUR');
    expect(byTemplate('sms', 'validityExpire')).toMatch(/^Your validity expires in 10 days \(\d{4}-\d{2}-\d{2}\)\./);
    expect(byTemplate('email', 'prepaid')).toMatch(/valid until \d{4}-\d{2}-\d{2} \(10 days\)/);
    expect(byTemplate('email', 'userRecipt')).toContain('Username: ann.portal');
    expect(byTemplate('email', 'notifyUser')).toContain('online time');
    const closed = await send({ customerId: ann.id, channel: 'SMS', template: 'CLOSE_TICKET_NOTIFICATION', ticketId: annTicket });
    const linked = await ok<{ node: { maintenanceTicket: { id: string; title: string } | null } }>(`query($id: ID!) { node(id: $id) { ... on Message { maintenanceTicket { id title } } } }`, { id: closed.message!.id });
    expect(linked.node.maintenanceTicket).toEqual({ id: annTicket, title: 'No connection since storm' });
    const ticketRows = await rows<{ n: number }>(t.database.handle.db, sql`select count(*)::int as n from messages where maintenance_ticket_id is not null and template in ('closeTicketOtp', 'closeTicketNotification', 'closedTicketNotificationClient')`);
    expect(ticketRows[0]!.n).toBe(5);
  });

  it('records a failing or throwing transport as a failure with its error', async () => {
    outcome = async () => ({ ok: false, error: 'gateway down' });
    const failed = (await send({ customerId: ann.id, channel: 'SMS', template: 'ACCOUNT_SUSPENSION' })).message!;
    expect(failed).toMatchObject({ statusCode: 500, status: 'FAILED', errorMessage: 'gateway down', sentAt: null, transport: 'capture' });
    outcome = async () => {
      throw new Error('connection refused');
    };
    const thrown = (await send({ customerId: ann.id, channel: 'EMAIL', template: 'SUSPEND' })).message!;
    expect(thrown).toMatchObject({ statusCode: 500, status: 'FAILED', errorMessage: 'connection refused' });
    const stored = await rows<{ status_code: number; error_message: string }>(t.database.handle.db, sql`select status_code, error_message from messages where id in (${failed.legacyId}, ${thrown.legacyId}) order by id`);
    expect(stored).toEqual([{ status_code: 500, error_message: 'gateway down' }, { status_code: 500, error_message: 'connection refused' }]);
  });

  it('sends to several customers at once, or to none when one is unfit', async () => {
    const carl = await createCustomer({ name: 'Carl Byrne', nickname: 'carl_b', invoicingId: 'MSG-CARL', phone: '+353863333333' });
    const noExpiry = await send({ customerId: carl.id, channel: 'SMS', template: 'VALIDITY_EXPIRE' });
    expect(noExpiry.userErrors).toEqual([{ field: ['input', 'customerId'], message: `customer ${carl.legacyId} has no service expiry date`, code: 'PRECONDITION_FAILED' }]);
    const res = await send({ customerIds: [ann.id, carl.id], channel: 'SMS', template: 'ACCOUNT_SUSPENSION' });
    expect(res.userErrors).toEqual([]);
    expect(res.messages!.map((m) => [m.customer!.id, m.recipient, m.status])).toEqual([[ann.id, '+353861111111', 'SUCCESS'], [carl.id, '+353863333333', 'SUCCESS']]);
    expect(res.message!.id).toBe(res.messages![0]!.id);
    expect(sent.map((s) => s.recipient)).toEqual(['+353861111111', '+353863333333']);
    sent.length = 0;
    const before = await messageCount();
    const refused = await send({ customerIds: [ann.id, bob.id, carl.id], channel: 'SMS', template: 'ACCOUNT_SUSPENSION' });
    expect(refused.messages).toBeNull();
    expect(refused.userErrors).toEqual([{ field: ['input', 'customerIds', '1'], message: `customer ${bob.legacyId} has no phone number`, code: 'PRECONDITION_FAILED' }]);
    expect(await messageCount()).toBe(before);
    expect(sent).toEqual([]);
  });

  it("lists a customer's messages per channel, newest first, paged, matching SQL and the service's E40 log", async () => {
    const data = await ok<{ node: { sms: { totalCount: number; nodes: { legacyId: number; channel: string }[] }; email: { totalCount: number; nodes: { legacyId: number; channel: string }[] }; page: { nodes: { legacyId: number }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } }>(
      `query($id: ID!) { node(id: $id) { ... on Customer {
        sms: messages { totalCount nodes { legacyId channel } }
        email: messages(channel: EMAIL, first: 100) { totalCount nodes { legacyId channel } }
        page: messages(first: 2) { nodes { legacyId } pageInfo { hasNextPage endCursor } }
      } } }`,
      { id: ann.id },
    );
    const smsIds = (await rows<{ id: number }>(t.database.handle.db, sql`select id from messages where customer_id = ${ann.legacyId} and channel = 'sms' order by created_at desc, id desc`)).map((r) => r.id);
    const emailCount = await one(sql`select count(*)::int as n from messages where customer_id = ${ann.legacyId} and channel = 'email'`);
    expect(smsIds.length).toBeGreaterThan(10);
    expect(data.node.sms.totalCount).toBe(smsIds.length);
    expect(data.node.sms.nodes.map((n) => n.legacyId)).toEqual(smsIds.slice(0, 20));
    expect(data.node.email.totalCount).toBe(emailCount);
    expect(data.node.email.nodes.every((n) => n.channel === 'EMAIL')).toBe(true);
    expect(data.node.page.nodes.map((n) => n.legacyId)).toEqual(smsIds.slice(0, 2));
    const next = await ok<{ node: { messages: { nodes: { legacyId: number }[] } } }>(
      `query($id: ID!, $after: String) { node(id: $id) { ... on Customer { messages(first: 2, after: $after) { nodes { legacyId } } } } }`,
      { id: ann.id, after: data.node.page.pageInfo.endCursor },
    );
    expect(next.node.messages.nodes.map((n) => n.legacyId)).toEqual(smsIds.slice(2, 4));

    const [{ operator_id: operatorId }] = (await rows<{ operator_id: number }>(t.database.handle.db, sql`select operator_id from customers where id = ${ann.legacyId}`)) as [{ operator_id: number }];
    const ctx = { db: t.database.handle.db, actor: { operatorId, staffUserId: null, role: 'api' as const, surface: 'jaze' as const } };
    expect((await messageService.logs(ctx, { customerId: ann.legacyId })).map((r) => r.id)).toEqual(smsIds);
    expect((await messageService.logs(ctx, { customerId: ann.legacyId, channel: 'email' })).length).toBe(emailCount);
    await expect(messageService.logs(ctx, { customerId: 999999 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(messageService.logs({ ...ctx, actor: { ...ctx.actor, operatorId: operatorId + 1000 } }, { customerId: ann.legacyId })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const node = await ok<{ node: { __typename: string; legacyId: number; customer: { id: string } } }>(`query($id: ID!) { node(id: $id) { __typename ... on Message { legacyId customer { id } } } }`, {
      id: toGlobalId('Message', smsIds[0]!),
    });
    expect(node.node).toMatchObject({ __typename: 'Message', legacyId: smsIds[0], customer: { id: ann.id } });
  });
});
