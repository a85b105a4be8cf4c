/**
 * Jaze API v1 endpoints: profile overrides (E28, E30), CoA (E31), SMS and e-mail (E32, E33,
 * E40), static IP/MAC release (E34), RADIUS statistics (E36) and password recovery (E38).
 * Thin adapters: wire names in, one service call, the documented reply out.
 */
import * as customerIpService from '../../../network/customer-ip.service';
import * as portalService from '../../../customers/portal.service';
import * as coaService from '../../../radius/coa.service';
import * as overrideService from '../../../radius/override.service';
import * as statsService from '../../../radius/radius-stats.service';
import * as messageService from '../../../support/message.service';
import { ACCESS_TYPES, EMAIL_TEMPLATES, MESSAGE_STATUS, SMS_TEMPLATES, USAGE_ALERT_TYPES, type MessageRow } from '../../../support/message.service';
import { DomainError, NotFoundError, PreconditionFailedError } from '../../../shared/errors';
import type { Args } from '../../catalog/args';
import { operation, type LegacyOperation, type ParamSpec } from '../../catalog/operation';
import { jazeMessage, jazeRaw } from '../envelope';
import { escapeHtml, jazeLocalTime, onlyUserId, readRows, resetInput, resetParams, rowsFamily, statisticsLines } from './network-messages.wire';

const USER_ID: ParamSpec = { name: 'userId', kind: 'integer', required: true, doc: 'Id of the user (customer).' };
const MENDED_ERRORCODE = 'The document\'s `"errorCode" = 200` is served as valid JSON.';

// ---------------------------------------------------------------- overrides (E28, E30)

const bandwidthReset = resetParams('bandwidth');
const BANDWIDTH_PARAMS: ParamSpec[] = [
  USER_ID,
  ...bandwidthReset.head,
  { name: 'bandwidthTemplate', kind: 'integer', doc: 'The bandwidth template (profile) applied; required unless only userId is passed.' },
  bandwidthReset.reset2,
  { name: 'bandwidthTemplate2', kind: 'integer', doc: 'The template after the reset. Required unless bandwidthReset is always.' },
  { name: 'excludeUpload', kind: 'boolean', doc: 'yes: upload does not count toward the FUP limit.' },
  { name: 'carryForwardPreviousData', kind: 'boolean', doc: 'yes: carry the previous period’s data forward.' },
];

const VENDOR_ROW = ['type', 'vendor', 'attribute', 'equals', 'value'] as const;
const vendorReset = resetParams('vendor');
const VENDOR_PARAMS: ParamSpec[] = [
  USER_ID,
  ...vendorReset.head,
  { name: 'vendorData', kind: 'text', doc: 'The attributes: vendorData[n][type|vendor|attribute|equals|value] (type reply or check; equals a FreeRADIUS operator), or a JSON array of such objects.' },
  vendorReset.reset2,
  { name: 'vendorData1', kind: 'text', doc: 'The attributes after the reset, as vendorData. Required unless vendorReset is always.' },
];

function vendorItems(args: Args): overrideService.VendorAttributeItemInput[] {
  const item = (set: number) => (row: Record<string, string>): overrideService.VendorAttributeItemInput => ({
    set,
    kind: (row.type?.trim().toLowerCase() ?? '') as overrideService.RadiusAttributeKind,
    vendor: row.vendor ?? '',
    attribute: row.attribute ?? '',
    op: row.equals?.trim() ?? '',
    value: row.value ?? '',
  });
  return [...readRows(args, 'vendorData', VENDOR_ROW).map(item(1)), ...readRows(args, 'vendorData1', VENDOR_ROW).map(item(2))];
}

const overrideOperations = [
  operation({
    name: 'override_user_bandwidth',
    access: 'network.write',
    summary: "E28: overrides the user's bandwidth (FUP) profile; only userId removes the override.",
    params: BANDWIDTH_PARAMS,
    returns: '{ status, errorCode, message: "Profile values overriden for user" }',
    graphql: 'mutation customerBandwidthOverrideUpdate / customerBandwidthOverrideClear',
    routes: [{ method: 'POST', path: '/api/v1/override_user_bandwidth' }],
    notes:
      'The reset rules are the override service’s: with bandwidthRestriction "on" a reset is needed; unless it is always, the limit (> 0), unit, period, ' +
      'bandwidthReset2 and bandwidthTemplate2 are required; bandwidthResetEveryValue belongs to (and is required by) monthly, bandwidthResetEveryValueDay to weekly. ' +
      'The document marks bandwidthResetEveryValueDay mandatory and clients send both values whatever the period, so each is ignored for the periods it has no meaning for (never refused). ' +
      'Without the restriction the reset arguments are ignored. The document marks bandwidthTemplate mandatory and also says "pass only userId to remove": ' +
      'only userId removes the override (message "Bandwidth override removed for user", or "User has no bandwidth override" when there was none).',
    run: async (ctx, args) => {
      const customerId = args.requiredInt('userId');
      if (onlyUserId(args, BANDWIDTH_PARAMS)) {
        const { removed } = await overrideService.clearBandwidth(ctx, customerId);
        return jazeMessage(removed ? 'Bandwidth override removed for user' : 'User has no bandwidth override');
      }
      await overrideService.setBandwidth(ctx, {
        ...resetInput(args, 'bandwidth', customerId),
        bandwidthTemplateId: args.int('bandwidthTemplate') as number,
        bandwidthTemplate2Id: args.int('bandwidthTemplate2') ?? null,
        excludeUpload: args.bool('excludeUpload') ?? false,
        carryForwardPreviousData: args.bool('carryForwardPreviousData') ?? false,
      });
      return jazeMessage('Profile values overriden for user');
    },
  }),

  operation({
    name: 'override_user_vendor_attributes',
    access: 'network.write',
    summary: "E30: overrides the user's vendor RADIUS attributes; only userId removes the override.",
    params: VENDOR_PARAMS,
    patternParams: [rowsFamily('vendorData', VENDOR_ROW), rowsFamily('vendorData1', VENDOR_ROW)],
    returns: '{ status, errorCode, message: "Profile vendor attributes values overriden for user" }',
    graphql: 'mutation customerVendorAttributeOverrideUpdate / customerVendorAttributeOverrideClear',
    routes: [{ method: 'POST', path: '/api/v1/override_user_vendor_attributes' }],
    notes:
      'vendorData / vendorData1 are PHP arrays on the wire: vendorData[0][type]=reply&vendorData[0][vendor]=Mikrotik&vendorData[0][attribute]=Mikrotik-Rate-Limit&' +
      'vendorData[0][equals]=%3A%3D&vendorData[0][value]=2M%2F2M; a JSON client sends vendorData as a JSON array of those objects (in a string). ' +
      'Same reset rules as override_user_bandwidth, vendorData1 standing for the second profile; vendorData1 is kept only with vendorRestriction on. ' +
      'Only userId removes the override.',
    run: async (ctx, args) => {
      const customerId = args.requiredInt('userId');
      if (onlyUserId(args, VENDOR_PARAMS)) {
        const { removed } = await overrideService.clearVendorAttributes(ctx, customerId);
        return jazeMessage(removed ? 'Vendor attributes override removed for user' : 'User has no vendor attributes override');
      }
      await overrideService.setVendorAttributes(ctx, { ...resetInput(args, 'vendor', customerId), items: vendorItems(args) });
      return jazeMessage('Profile vendor attributes values overriden for user');
    },
  }),
];

// ---------------------------------------------------------------- CoA (E31)

const COA_ROW = ['attribute', 'value'] as const;

const coaOperations = [
  operation({
    name: 'coa_request',
    access: 'network.write',
    summary: "E31: sends a RADIUS CoA-Request (RFC 5176) with the given attributes to the NAS of the user's open session.",
    params: [USER_ID, { name: 'vendorData', kind: 'text', doc: 'The attributes to change: vendorData[n][attribute|value], or a JSON array of {attribute, value}.' }],
    patternParams: [rowsFamily('vendorData', COA_ROW)],
    returns: '{ status, errorCode, message: ["TRUE"] } once the NAS answers CoA-ACK',
    graphql: 'mutation customerCoaRequest',
    routes: [{ method: 'POST', path: '/api/v1/coa_request' }],
    notes:
      'A real CoA-Request over UDP to the NAS-IP-Address of the newest open accounting session, port and secret from the gateway with that NAS address ' +
      '(coa_port, coa_secret), else port 3799 and the nas table secret; it carries User-Name, Acct-Session-Id, Framed-IP-Address, NAS-IP-Address, the ' +
      'attributes given (dictionary names such as Mikrotik-Rate-Limit or Session-Timeout, or Attr-26.<vendor>.<type>) and a Message-Authenticator. ' +
      'Success only on CoA-ACK; a CoA-NAK is a failure (412) naming its Error-Cause; no answer after RADIUS_RETRIES retransmissions of RADIUS_TIMEOUT_MS each ' +
      'is a failure (412), as is a user without an open session. Every exchange is audited.',
    run: async (ctx, args) => {
      const rows = readRows(args, 'vendorData', COA_ROW);
      await coaService.requestCoa(ctx, { customerId: args.requiredInt('userId'), attributes: rows.map((r) => ({ attribute: r.attribute ?? '', value: r.value ?? '' })) });
      return jazeMessage(['TRUE']);
    },
  }),
];

// ---------------------------------------------------------------- messages (E32, E33, E40)

/** A delivery that failed is a failure reply, never a success (the outbox row records it either way). */
function deliveredOrThrow(rows: MessageRow[], what: string): void {
  const failed = rows.filter((r) => messageService.statusOf(r.statusCode) === 'FAILED' || r.statusCode === MESSAGE_STATUS.ABORTED);
  if (failed.length === 0) return;
  const message = failed.map((r) => `${what} to ${r.recipient} was not sent: ${r.errorMessage ?? 'delivery failed'}`).join('; ');
  throw new PreconditionFailedError(message, [{ field: [], message, code: 'PRECONDITION_FAILED' }]);
}

const queued = (rows: MessageRow[]) => rows.some((r) => r.statusCode !== MESSAGE_STATUS.SUCCESS);

const messageOperations = [
  operation({
    name: 'send_sms_to_user',
    access: 'support.write',
    summary: 'E32: sends a template SMS to the user (or to several users with sendMultipleSms=yes and userIds[]).',
    params: [
      USER_ID,
      { name: 'templateName', kind: 'text', required: true, values: Object.keys(SMS_TEMPLATES), doc: 'The SMS template.' },
      { name: 'sendSmsTo', kind: 'boolean', doc: 'true: to the user’s alternative mobile number (default false).' },
      { name: 'grantAccessType', kind: 'text', values: ACCESS_TYPES, doc: 'Required for grantAccess.' },
      { name: 'usageAlertType', kind: 'text', values: USAGE_ALERT_TYPES, doc: 'Required for usageAlert.' },
      { name: 'sendMultipleSms', kind: 'boolean', doc: 'yes: send to every user of userIds[].' },
      { name: 'userIds[]', kind: 'integerList', doc: 'The users for sendMultipleSms (a JSON array or comma-separated ids).' },
      { name: 'ticketId', kind: 'integer', doc: 'A maintenance ticket of the user; required for closeTicketOtp and closeTicketNotification.' },
      { name: 'otp', kind: 'text', doc: 'Required for closeTicketOtp.' },
    ],
    patternParams: [{ pattern: /^userIds\[(\d{1,4})\]$/i, display: 'userIds[<n>]', doc: 'One user id per index (PHP-style array fields).' }],
    returns: '{ status, errorCode, message: "<templateName> SMS has been dispatched to <Mobile Number> ." }',
    graphql: 'mutation customerMessageSend(channel: SMS)',
    routes: [{ method: 'POST', path: '/api/v1/send_sms_to_user' }],
    notes:
      `${MENDED_ERRORCODE} Messages go through the outbox and the configured SMS transport and appear in get_user_logs. With sendMultipleSms=yes the ` +
      'recipients are userIds[] (userId is still required, as documented, but not messaged unless listed); every recipient is checked first and one unfit ' +
      'recipient refuses the whole send. A transport failure is a failure reply (412) naming the number; the log keeps the failed row.',
    run: async (ctx, args) => {
      const template = args.requiredText('templateName');
      const listed = [...(args.ints('userIds[]') ?? []), ...[...args.patterned.values()].filter((v): v is string => v != null).map(Number)];
      if (listed.some((id) => !Number.isInteger(id))) throw new DomainError('INVALID', 'userIds[] must be whole numbers');
      if (listed.length && !args.bool('sendMultipleSms')) throw new DomainError('INVALID', 'userIds[] is used only with sendMultipleSms=yes');
      const input: messageService.SendInput = {
        channel: 'sms',
        template,
        toAlternativePhone: args.bool('sendSmsTo') ?? false,
        grantAccessType: args.text('grantAccessType'),
        usageAlertType: args.text('usageAlertType'),
        ticketId: args.int('ticketId'),
        otp: args.text('otp'),
      };
      const rows = args.bool('sendMultipleSms')
        ? await messageService.sendMultiple(ctx, listed, input, ['userIds[]'])
        : [await messageService.send(ctx, args.requiredInt('userId'), input)];
      deliveredOrThrow(rows, 'SMS');
      const numbers = rows.map((r) => r.recipient).join(', ');
      return jazeMessage(queued(rows) ? `${template} SMS is queued for ${numbers} .` : `${template} SMS has been dispatched to ${numbers} .`);
    },
  }),

  operation({
    name: 'send_email_to_user',
    access: 'support.write',
    summary: 'E33: sends a template e-mail to the user.',
    params: [
      USER_ID,
      { name: 'templateName', kind: 'text', required: true, values: Object.keys(EMAIL_TEMPLATES), doc: 'The e-mail template.' },
      { name: 'userReciptType', kind: 'text', values: ACCESS_TYPES, doc: 'Required for userRecipt.' },
      { name: 'usageAlertType', kind: 'text', values: USAGE_ALERT_TYPES, doc: 'Required for notifyUser.' },
      { name: 'ticketId', kind: 'integer', doc: 'A maintenance ticket of the user; required for closeTicketOtp and closedTicketNotificationClient.' },
      { name: 'otp', kind: 'text', doc: 'Required for closeTicketOtp.' },
    ],
    returns: '{ status, errorCode, message: "Email is sent successfully ." }',
    graphql: 'mutation customerMessageSend(channel: EMAIL)',
    routes: [{ method: 'POST', path: '/api/v1/send_email_to_user' }],
    notes: `${MENDED_ERRORCODE} Through the outbox and the configured e-mail transport; it appears in get_user_logs/<userId>/email. A transport failure is a failure reply (412).`,
    run: async (ctx, args) => {
      const row = await messageService.send(ctx, args.requiredInt('userId'), {
        channel: 'email',
        template: args.requiredText('templateName'),
        userReciptType: args.text('userReciptType'),
        usageAlertType: args.text('usageAlertType'),
        ticketId: args.int('ticketId'),
        otp: args.text('otp'),
      });
      deliveredOrThrow([row], 'Email');
      return jazeMessage(queued([row]) ? 'Email is queued .' : 'Email is sent successfully .');
    },
  }),

  operation({
    name: 'get_user_logs',
    access: 'read',
    summary: "E40: the user's SMS (default) or e-mail log, newest first.",
    params: [USER_ID, { name: 'type', kind: 'text', values: ['sms', 'email'], doc: 'sms (default) or email.' }],
    returns: '{ status, errorCode, message: [{ date_created, number, content, status_code, error_message }] }',
    graphql: 'query customer(id).messages(channel)',
    routes: [
      { method: 'GET', path: '/api/v1/get_user_logs/:userId' },
      { method: 'GET', path: '/api/v1/get_user_logs/:userId/:type' },
    ],
    notes:
      `${MENDED_ERRORCODE} status_code: 202 success, 201 pending, 502 waiting, 505 aborted, anything else (500) a failure with its reason in error_message. ` +
      'date_created is in the operator’s time zone. For e-mail, number is the address and each entry also has subject. ' +
      'Password-recovery messages show with the password masked.',
    run: async (ctx, args) => {
      const channel = (args.text('type') ?? 'sms') as 'sms' | 'email';
      const { timezone, messages } = await messageService.logHistory(ctx, { customerId: args.requiredInt('userId'), channel });
      return jazeMessage(
        messages.map((m) => ({
          date_created: jazeLocalTime(m.createdAt, timezone),
          number: m.recipient,
          ...(channel === 'email' ? { subject: m.subject } : {}),
          content: m.body,
          status_code: String(m.statusCode),
          error_message: m.errorMessage ?? '',
        })),
      );
    },
  }),
];

// ---------------------------------------------------------------- IP/MAC, statistics, password

const RELEASED = 'The Static IP/MAC have been released';

const otherOperations = [
  operation({
    name: 'release_ip_mac',
    access: 'network.write',
    summary: "E34: releases the IP, the MAC or both of one of the user's static IP/MAC rows.",
    params: [
      USER_ID,
      { name: 'whichIpMacRow', kind: 'integer', required: true, doc: 'The row’s index in the user details’ staticIpMac array, counted from 0.' },
      { name: 'toRemove', kind: 'text', values: ['ip', 'mac', 'both'], doc: 'What to release (default both).' },
    ],
    returns: `{ status, errorCode, message: "${RELEASED}" }`,
    graphql: 'mutation customerIpRelease',
    routes: [{ method: 'POST', path: '/api/v1/release_ip_mac' }],
    notes:
      `${MENDED_ERRORCODE} whichIpMacRow is the index into get_details' staticIpMac array, counted from 0 (0 = the first entry). The document gives no ` +
      'number, only "the row number … you will be getting in staticIpMac array": its clients read that array (a PHP, Python or JavaScript array, indexed ' +
      'from 0) and send the index they found the row at, so 0 is the first row. Counting from 1 as well would make 1 mean the first row to some clients ' +
      'and the second to others; only one base is accepted, and an index past the end (or below 0) is 404. ' +
      'A row left with neither IP nor MAC is deleted; a released IP also leaves the user’s RADIUS replies. Releasing an IP (or MAC) the row does not have is 412.',
    run: async (ctx, args) => {
      const what = (args.text('toRemove') ?? 'both') as customerIpService.ReleaseWhat;
      const userId = args.requiredInt('userId');
      const index = args.requiredInt('whichIpMacRow');
      // the service counts positions from 1; the wire index counts from 0 (see notes)
      try {
        await customerIpService.releaseAtPosition(ctx, userId, index + 1, what);
      } catch (error) {
        // name the row as the caller counted it, not by the service's position
        if (error instanceof NotFoundError && error.problems[0]?.field[0] === 'whichIpMacRow') {
          throw new NotFoundError(`staticIpMac row of user ${userId} at index`, index, ['whichIpMacRow']);
        }
        throw error;
      }
      return jazeMessage(RELEASED);
    },
  }),

  operation({
    name: 'get_radius_statistics',
    access: 'read',
    summary: "E36: the RADIUS server's authentication (1) or accounting (2) counters, from a Status-Server query.",
    params: [{ name: 'type', kind: 'text', required: true, values: ['1', '2'], doc: '1 authentication, 2 accounting.' }],
    returns: '[ "Sent Status-Server Id …", "Message-Authenticator = 0x00", "Statistics-Type = Authentication", …, "Total-Access-Requests = 4", … ] (radclient lines)',
    graphql: 'query radiusStatistics',
    routes: [{ method: 'GET', path: '/api/v1/get_radius_statistics/:type' }],
    notes:
      'A real Status-Server (RFC 5997, with Message-Authenticator) to RADIUS_STATUS_HOST:RADIUS_STATUS_PORT (default 127.0.0.1:18121) with RADIUS_STATUS_SECRET; ' +
      'the bare array of the document (radclient’s output) is served, one line per FreeRADIUS-Statistics counter of the Access-Accept. ' +
      'Not configured, no answer, or a reject: a failure envelope (412).',
    run: async (ctx, args) => {
      const stats = await statsService.statistics(ctx, args.requiredText('type') === '1' ? 'Authentication' : 'Accounting');
      return jazeRaw(statisticsLines(stats));
    },
  }),

  operation({
    name: 'recover_password',
    access: 'customers.write',
    summary: "E38: gives the user with this phone or e-mail a new portal password and sends it by SMS or e-mail.",
    params: [
      { name: 'phone', kind: 'text', doc: "The user's phone number (digits compared); give phone or email, not both." },
      { name: 'email', kind: 'text', doc: "The user's e-mail address." },
    ],
    returns: '{ status, message: "Your credentials have been sent to <strong>…</strong>. Please check your Email.", errorCode }',
    graphql: 'mutation customerPortalPasswordRecover',
    routes: [{ method: 'POST', path: '/api/v1/recover_password' }],
    notes:
      'Only a password hash is stored, so recovery sets a new random portal password and sends that (Jaze sends the stored one). ' +
      'By phone the reply says "Please check your SMS." The address in <strong> is HTML-escaped. No match is 404, several matches 409; ' +
      'a failed delivery is a failure reply (412) although the password was already replaced.',
    run: async (ctx, args) => {
      const { message } = await portalService.recoverPassword(ctx, { phone: args.text('phone'), email: args.text('email') });
      deliveredOrThrow([message], message.channel === 'sms' ? 'SMS' : 'Email');
      return jazeMessage(`Your credentials have been sent to <strong>${escapeHtml(message.recipient)}</strong>. Please check your ${message.channel === 'sms' ? 'SMS' : 'Email'}.`);
    },
  }),
];

export const jazeNetworkMessageOperations: LegacyOperation[] = [...overrideOperations, ...coaOperations, ...messageOperations, ...otherOperations];
