/**
 * Jaze API v1 message endpoints over HTTP: send SMS (E32) and e-mail (E33) from templates,
 * read a user's SMS/e-mail log (E40) and recover a portal password (E38). Messages go through
 * the outbox and a capturing transport; what was sent shows in get_user_logs and in the
 * GraphQL graph (customer.messages), and refused calls send and store nothing.
 */
import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { resetMessageTransport, setMessageTransport, type MessageTransport, type OutgoingMessage } from '../../src/support/message-transport';
import { startTestApp, type TestApp } from '../helpers/app';
import { enabledEngines } from '../helpers/engines';
import { jaze } from '../helpers/jaze';
import { rows } from '../helpers/sql';

const sent: OutgoingMessage[] = [];
let transportFails = false;
const capture: MessageTransport = {
  name: 'capture',
  async send(message) {
    sent.push(message);
    return transportFails ? { ok: false, error: 'gateway unreachable' } : { ok: true };
  },
};

interface Customer {
  id: number;
  phone: string;
  alt_phone: string | null;
  email: string;
  name: string;
}

interface GraphMessage {
  template: string | null;
  recipient: string;
  subject: string | null;
  body: string;
  statusCode: number;
  status: string;
  errorMessage: string | null;
}

describe.each(enabledEngines())('Jaze message endpoints on %s', (engine) => {
  let t: TestApp;
  const q = <T>(query: SQL) => rows<T>(t.database.handle.db, query);
  const messageCount = async () => (await q<{ n: number }>(sql`select count(*)::int as n from messages`))[0]!.n;
  let alice: Customer;
  let bob: Customer;
  let carol: Customer;
  let ticket: { id: number; customer_id: number; title: string };

  beforeAll(async () => {
    t = await startTestApp(engine);
    setMessageTransport('sms', capture);
    setMessageTransport('email', capture);
    // customers whose phone and e-mail are theirs alone, one with an alternative number
    const unique = await q<Customer>(sql`select c.id, c.phone, c.alt_phone, c.email, c.name from customers c join operators o on o.id = c.operator_id and o.code = 'demo'
      where c.phone is not null and c.email is not null and c.expires_at is not null
        and (select count(*) from customers d where d.operator_id = c.operator_id and (lower(d.email) = lower(c.email)
          or regexp_replace(d.phone, '[^0-9]', '', 'g') = regexp_replace(c.phone, '[^0-9]', '', 'g'))) = 1
      order by c.alt_phone is null, c.id limit 3`);
    [alice, bob, carol] = unique as [Customer, Customer, Customer];
    expect(alice.alt_phone).not.toBeNull();
    ticket = (await q<{ id: number; customer_id: number; title: string }>(sql`select t.id, t.customer_id, t.title from maintenance_tickets t join customers c on c.id = t.customer_id where c.phone is not null order by t.id limit 1`))[0]!;
  });
  afterAll(async () => {
    resetMessageTransport();
    await t?.stop();
  });
  beforeEach(() => {
    sent.length = 0;
    transportFails = false;
  });

  const graphMessages = async (id: number, channel: 'SMS' | 'EMAIL') =>
    (
      await t.gql<{ customer: { messages: { nodes: GraphMessage[] } } }>(
        `query($id: Int!, $channel: MessageChannel) { customer(legacyId: $id) { messages(channel: $channel, first: 3) { nodes { template recipient subject body statusCode status errorMessage } } } }`,
        { id, channel },
      )
    ).data.customer.messages.nodes;

  describe('E32 send_sms_to_user', () => {
    it('dispatches a template SMS to the user’s number, visible in the graph', async () => {
      const res = await jaze(t.url, 'POST', '/api/v1/send_sms_to_user', { userId: alice.id, templateName: 'grantAccess', grantAccessType: 'PPPoE/Hotspot' });
      expect(res).toEqual({ status: 200, body: { status: 'success', errorCode: 200, message: `grantAccess SMS has been dispatched to ${alice.phone} .` } });
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatchObject({ channel: 'sms', template: 'grantAccess', recipient: alice.phone, customerId: alice.id });
      expect(sent[0]!.body).toMatch(/granted access to the internet/);
      const [latest] = await graphMessages(alice.id, 'SMS');
      expect(latest).toMatchObject({ template: 'GRANT_ACCESS', recipient: alice.phone, body: sent[0]!.body, statusCode: 202, status: 'SUCCESS' });
    });

    it('sends to the alternative number, and to several users with sendMultipleSms', async () => {
      const alt = await jaze(t.url, 'POST', '/api/v1/send_sms_to_user', { userId: alice.id, templateName: 'userBalance', sendSmsTo: 'true' });
      expect(alt.body.message).toBe(`userBalance SMS has been dispatched to ${alice.alt_phone} .`);

      sent.length = 0;
      const multi = await jaze(t.url, 'POST', '/api/v1/send_sms_to_user', { userId: bob.id, templateName: 'usageAlert', usageAlertType: 'bandwidth', sendMultipleSms: 'yes', 'userIds[0]': bob.id, 'userIds[1]': carol.id });
      expect(multi.body).toEqual({ status: 'success', errorCode: 200, message: `usageAlert SMS has been dispatched to ${bob.phone}, ${carol.phone} .` });
      expect(sent.map((m) => m.customerId)).toEqual([bob.id, carol.id]);
      const json = await jaze(t.url, 'POST', '/api/v1/send_sms_to_user', { userId: bob.id, templateName: 'rejectUser', sendMultipleSms: 'yes', 'userIds[]': `${carol.id}` }, { json: true });
      expect(json.body.message).toBe(`rejectUser SMS has been dispatched to ${carol.phone} .`);
    });

    it('renders the close-ticket OTP template for the user’s ticket', async () => {
      const res = await jaze(t.url, 'POST', '/api/v1/send_sms_to_user', { userId: ticket.customer_id, templateName: 'closeTicketOtp', ticketId: ticket.id, otp: '483920' });
      expect(res.body.status).toBe('success');
      expect(sent[0]!.body).toBe(`Your OTP to close ticket #${ticket.id} (${ticket.title}) is 483920`);
      const otherUser = await jaze(t.url, 'POST', '/api/v1/send_sms_to_user', { userId: alice.id === ticket.customer_id ? bob.id : alice.id, templateName: 'closeTicketNotification', ticketId: ticket.id });
      expect(otherUser.body).toMatchObject({ status: 'failure', errorCode: 404 });
    });

    it('refuses missing template arguments, unknown templates and users, and mixed recipients, storing nothing', async () => {
      const before = await messageCount();
      const noType = await jaze(t.url, 'POST', '/api/v1/send_sms_to_user', { userId: alice.id, templateName: 'grantAccess' });
      expect(noType.body).toMatchObject({ status: 'failure', errorCode: 400 });
      expect(noType.body.message).toMatch(/grantAccessType is required/);
      const noOtp = await jaze(t.url, 'POST', '/api/v1/send_sms_to_user', { userId: alice.id, templateName: 'closeTicketOtp' });
      expect(noOtp.body.message).toMatch(/otp is required.*ticketId is required/);
      const unknownTemplate = await jaze(t.url, 'POST', '/api/v1/send_sms_to_user', { userId: alice.id, templateName: 'birthday' });
      expect(unknownTemplate.body).toMatchObject({ status: 'failure', errorCode: 400 });
      expect(unknownTemplate.body.message).toMatch(/templateName: must be one of grantAccess/);
      const unknownUser = await jaze(t.url, 'POST', '/api/v1/send_sms_to_user', { userId: 999999, templateName: 'rejectUser' });
      expect(unknownUser.body).toMatchObject({ status: 'failure', errorCode: 404 });
      const oneUnknown = await jaze(t.url, 'POST', '/api/v1/send_sms_to_user', { userId: bob.id, templateName: 'rejectUser', sendMultipleSms: 'yes', 'userIds[0]': bob.id, 'userIds[1]': 999999 });
      expect(oneUnknown.body).toMatchObject({ status: 'failure', errorCode: 404 });
      const listWithoutFlag = await jaze(t.url, 'POST', '/api/v1/send_sms_to_user', { userId: bob.id, templateName: 'rejectUser', 'userIds[0]': carol.id });
      expect(listWithoutFlag.body.message).toBe('userIds[] is used only with sendMultipleSms=yes');
      const noUser = await jaze(t.url, 'POST', '/api/v1/send_sms_to_user', { templateName: 'rejectUser' });
      expect(noUser.body.message).toMatch(/userId is required/);
      expect(sent).toEqual([]);
      expect(await messageCount()).toBe(before);
    });

    it('answers failure when the transport fails, and the log keeps the failed message', async () => {
      transportFails = true;
      const res = await jaze(t.url, 'POST', '/api/v1/send_sms_to_user', { userId: bob.id, templateName: 'accountSuspension' });
      expect(res.body).toEqual({ status: 'failure', errorCode: 412, message: `SMS to ${bob.phone} was not sent: gateway unreachable` });
      const [latest] = await graphMessages(bob.id, 'SMS');
      expect(latest).toMatchObject({ template: 'ACCOUNT_SUSPENSION', status: 'FAILED', errorMessage: 'gateway unreachable' });
    });
  });

  describe('E33 send_email_to_user', () => {
    it('sends a template e-mail with its subject', async () => {
      const res = await jaze(t.url, 'POST', '/api/v1/send_email_to_user', { userId: carol.id, templateName: 'userRecipt', userReciptType: 'customerPortal' });
      expect(res.body).toEqual({ status: 'success', errorCode: 200, message: 'Email is sent successfully .' });
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatchObject({ channel: 'email', recipient: carol.email, template: 'userRecipt' });
      expect(sent[0]!.subject).toMatch(/^Your .+ account$/);
      const [latest] = await graphMessages(carol.id, 'EMAIL');
      expect(latest).toMatchObject({ template: 'USER_RECEIPT', recipient: carol.email, subject: sent[0]!.subject, status: 'SUCCESS' });
    });

    it('refuses SMS-only templates and missing variants; a failed delivery is a failure', async () => {
      const before = await messageCount();
      const smsTemplate = await jaze(t.url, 'POST', '/api/v1/send_email_to_user', { userId: carol.id, templateName: 'grantAccess' });
      expect(smsTemplate.body).toMatchObject({ status: 'failure', errorCode: 400 });
      const noVariant = await jaze(t.url, 'POST', '/api/v1/send_email_to_user', { userId: carol.id, templateName: 'notifyUser' });
      expect(noVariant.body.message).toMatch(/usageAlertType is required/);
      expect(await messageCount()).toBe(before);

      transportFails = true;
      const failed = await jaze(t.url, 'POST', '/api/v1/send_email_to_user', { userId: carol.id, templateName: 'suspend' });
      expect(failed.body).toEqual({ status: 'failure', errorCode: 412, message: `Email to ${carol.email} was not sent: gateway unreachable` });
    });
  });

  describe('E40 get_user_logs', () => {
    it('lists the user’s SMS (default) and e-mails newest first, with Jaze status codes', async () => {
      await jaze(t.url, 'POST', '/api/v1/send_sms_to_user', { userId: carol.id, templateName: 'verificationCode' });
      const sms = await jaze(t.url, 'GET', `/api/v1/get_user_logs/${carol.id}`);
      expect(sms.body).toMatchObject({ status: 'success', errorCode: 200 });
      const [newest] = sms.body.message;
      expect(newest).toEqual({ date_created: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/), number: carol.phone, content: sent[0]!.body, status_code: '202', error_message: 'Sms is dispatched successfully' });

      const explicit = await jaze(t.url, 'GET', `/api/v1/get_user_logs/${carol.id}/sms`);
      expect(explicit.body).toEqual(sms.body);

      const email = await jaze(t.url, 'GET', `/api/v1/get_user_logs/${carol.id}/email`);
      expect(email.body.message[0]).toMatchObject({ number: carol.email, status_code: '500', error_message: 'gateway unreachable' });
      expect(email.body.message[1]).toMatchObject({ number: carol.email, subject: expect.stringMatching(/^Your .+ account$/), status_code: '202', error_message: 'Email is sent successfully' });
    });

    it('refuses an unknown type or user', async () => {
      const badType = await jaze(t.url, 'GET', `/api/v1/get_user_logs/${carol.id}/fax`);
      expect(badType.body).toMatchObject({ status: 'failure', errorCode: 400 });
      const unknownUser = await jaze(t.url, 'GET', '/api/v1/get_user_logs/999999');
      expect(unknownUser.body).toMatchObject({ status: 'failure', errorCode: 404, message: 'customer 999999 does not exist' });
      const badId = await jaze(t.url, 'GET', '/api/v1/get_user_logs/abc');
      expect(badId.body).toMatchObject({ status: 'failure', errorCode: 400 });
    });
  });

  describe('E38 recover_password', () => {
    const loginWorks = async (username: string, password: string) =>
      (
        await t.gql<{ customerPortalLoginCheck: { customer: { legacyId: number } | null } }>(
          `mutation($input: CustomerPortalLoginCheckInput!) { customerPortalLoginCheck(input: $input) { customer { legacyId } } }`,
          { input: { username, password } },
        )
      ).data.customerPortalLoginCheck.customer?.legacyId ?? null;
    const usernameOf = async (id: number) => (await q<{ u: string }>(sql`select coalesce(portal_username, invoicing_id) as u from customers where id = ${id}`))[0]!.u;

    it('sends new credentials by e-mail; the password works and the log masks it', async () => {
      const res = await jaze(t.url, 'POST', '/api/v1/recover_password', { email: alice.email.toUpperCase() });
      expect(res.body).toEqual({ status: 'success', errorCode: 200, message: `Your credentials have been sent to <strong>${alice.email}</strong>. Please check your Email.` });
      expect(sent).toHaveLength(1);
      const password = /Password: (\S+)/.exec(sent[0]!.body)![1]!;
      expect(await loginWorks(await usernameOf(alice.id), password)).toBe(alice.id);
      const [logged] = await graphMessages(alice.id, 'EMAIL');
      expect(logged).toMatchObject({ template: 'RECOVER_PASSWORD', status: 'SUCCESS' });
      expect(logged!.body).toContain('Password: ********');
      expect(logged!.body).not.toContain(password);
    });

    it('sends them by SMS when given the phone (digits compared)', async () => {
      const spaced = alice.phone.replace(/^(\+\d{3})(\d{2})/, '$1 $2 ');
      const res = await jaze(t.url, 'POST', '/api/v1/recover_password', { Phone: spaced });
      expect(res.body.message).toBe(`Your credentials have been sent to <strong>${alice.phone}</strong>. Please check your SMS.`);
      expect(sent[0]).toMatchObject({ channel: 'sms', recipient: alice.phone });
    });

    it('refuses both or neither, unknown addresses, and answers failure when delivery fails', async () => {
      const before = await messageCount();
      const both = await jaze(t.url, 'POST', '/api/v1/recover_password', { email: alice.email, phone: alice.phone });
      expect(both.body).toMatchObject({ status: 'failure', errorCode: 400, message: 'give either a phone number or an e-mail address, not both' });
      const neither = await jaze(t.url, 'POST', '/api/v1/recover_password', {});
      expect(neither.body).toMatchObject({ status: 'failure', errorCode: 400 });
      const unknown = await jaze(t.url, 'POST', '/api/v1/recover_password', { email: 'nobody@nowhere.example' });
      expect(unknown.body).toMatchObject({ status: 'failure', errorCode: 404 });
      const badEmail = await jaze(t.url, 'POST', '/api/v1/recover_password', { email: 'not-an-address' });
      expect(badEmail.body).toMatchObject({ status: 'failure', errorCode: 400 });
      expect(await messageCount()).toBe(before);
      expect(sent).toEqual([]);

      transportFails = true;
      const failed = await jaze(t.url, 'POST', '/api/v1/recover_password', { email: bob.email });
      expect(failed.body).toEqual({ status: 'failure', errorCode: 412, message: `Email to ${bob.email} was not sent: gateway unreachable` });
    });
  });
});
