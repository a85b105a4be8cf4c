/**
 * Jaze API v1 endpoints: users (subscribers) and groups (service plans). Thin adapters: a Jaze
 * user is a customer, its status the customer's access state, its group the service plan; the
 * customer, subscriber, plan-change, grace-period, plan and RADIUS services do the work.
 */
import * as customerService from '../../../customers/customer.service';
import * as subscriberService from '../../../customers/subscriber.service';
import type { SubscriberSelection } from '../../../customers/subscriber.service';
import * as planSubscribers from '../../../catalog/plan-subscribers.service';
import * as planChangeService from '../../../billing/plan-change.service';
import type { PlanChangeTiming } from '../../../billing/plan-change.service';
import * as gracePeriodService from '../../../billing/grace-period.service';
import * as radiusService from '../../../radius/radius.service';
import type { Args } from '../../catalog/args';
import { operation, type LegacyOperation, type OperationContext, type ParamSpec } from '../../catalog/operation';
import { jazeData, jazeMessage, jazeRaw } from '../envelope';
import {
  accessStateFrom,
  groupRecord,
  JAZE_STATUSES,
  jazeDayFirstDateTime,
  userDetails,
  userDetailsInThrees,
  userRecord,
  userWithStaticIps,
} from './users.wire';

const YES_NO = ['yes', 'no'] as const;
const STATUS_DOC = `One of ${JAZE_STATUSES.join(', ')} (the user's access state).`;

const userIdParam = (name: string): ParamSpec => ({ name, kind: 'integer', required: true, doc: 'Id of the user.' });
const statusParam: ParamSpec = { name: 'status', kind: 'text', values: JAZE_STATUSES, doc: STATUS_DOC };

/** move_group `type` keywords and the plan-change timings they name. */
const MOVE_TYPES: Record<string, PlanChangeTiming> = {
  moveImmediately: 'immediately',
  previousBillingCycle: 'previous_billing_cycle',
  nextbillingCycle: 'next_billing_cycle',
  customDate: 'custom_date',
};

/** Users' detail lists laid end to end, three parts each, as the get_all and get_user_from_all_accounts samples show them. */
function detailList(profiles: subscriberService.SubscriberProfile[]) {
  return profiles.flatMap(userDetailsInThrees);
}

/** The profiles a look-up names; finding nobody is a 404 naming what was looked for. */
async function lookUp(ctx: OperationContext, selection: SubscriberSelection, what: string) {
  const ids = await subscriberService.requireIds(ctx, selection, what);
  return subscriberService.profiles(ctx, { ids });
}

function phoneSelection(args: Args): SubscriberSelection {
  return { phone: args.requiredText('phone'), accessState: accessStateFrom(args.text('status')) };
}

const getDetails = operation({
  name: 'get_details',
  access: 'read',
  summary: "One user's details: the User record, current billing-cycle usage, static IP/MAC bindings and location (E1/E2).",
  params: [userIdParam('user_id')],
  returns: '{status, errorCode, data: [{User}, {currentBillingCycleUsage}, {staticIpMac}, {location}]}',
  graphql: 'query customer(legacyId) { servicePlan radiusAccounts radiusSessions }',
  routes: [{ method: 'GET', path: '/api/v1/get_details/:user_id' }],
  notes:
    'The sample\'s broken braces are mended to a list of four one-key objects. `username` is the main RADIUS login (else the nickname); `name` is the first word of ' +
    'the name and `last_name` the rest; times are in the user\'s time zone (the record\'s `timezone`). Usage counts sessions started in the current billing cycle ' +
    '(the billing subscription\'s period ending on its next billing date); without a billing subscription the cycle fields are null. `dataLimit` is the plan\'s ' +
    'usage limit in bytes, null when unlimited. `billingResetType`, `usedBandwidthQuota` and `totalBandwidthQuota` (shown by the E3 and E13 samples) are given too: ' +
    '`payAsYouGo` (counters restart when the user\'s own billing subscription renews; null without one), the cycle\'s bytes, and the usage limit in bytes (null when unlimited).',
  async run(ctx, args) {
    return jazeData(userDetails(await subscriberService.profile(ctx, args.requiredInt('user_id'))));
  },
});

const getAll = operation({
  name: 'get_all',
  access: 'read',
  summary: "Every user's details (E3).",
  params: [],
  returns: '{status, errorCode, data: [{User}, {currentBillingCycleUsage}, {staticIpMac}, {User}, …]}',
  graphql: 'query customers',
  routes: [{ method: 'GET', path: '/api/v1/get_all' }],
  notes:
    'The sample lists the parts of each user one after another; `data` does so, three parts per user as in the sample, by id. Records as in get_details, ' +
    'except that the location fields (latitude, longitude, area_id, area, street_id, street, block_id, block) are inside `User`: a fourth part would break ' +
    'clients that step through the list in threes.',
  async run(ctx) {
    return jazeData(detailList(await subscriberService.profiles(ctx)));
  },
});

const getUsersByDate = operation({
  name: 'get_users_by_date',
  access: 'read',
  summary: 'Users modified (or created) between two dates, inclusive (E4).',
  params: [
    { name: 'FromDate', kind: 'isoDate', required: true, doc: 'yyyy-mm-dd, a day in the operator\'s time zone.' },
    { name: 'toDate', kind: 'isoDate', required: true, doc: 'yyyy-mm-dd, inclusive.' },
    { name: 'basedON', kind: 'text', values: ['created', 'modified'], doc: 'Which date is compared; default modified.' },
  ],
  returns: '{status, errorCode, data: [User record + staticIp]}',
  graphql: 'query customers(filter: {updatedFrom, updatedTo, createdFrom, createdTo})',
  routes: [
    { method: 'GET', path: '/api/v1/get_users_by_date' },
    { method: 'GET', path: '/api/v1/get_users_by_date/:FromDate/:toDate' },
    { method: 'GET', path: '/api/v1/get_users_by_date/:FromDate/:toDate/:basedON' },
  ],
  notes: 'Dates may come as parameters or as path segments in the documented order. No match is an empty list. `staticIp` lists the static IP/MAC bindings.',
  async run(ctx, args) {
    const basis = args.text('basedON') === 'created' ? 'created' : 'modified';
    const profiles = await subscriberService.profiles(ctx, { changedOn: { from: args.requiredText('FromDate'), to: args.requiredText('toDate'), basis } });
    return jazeData(profiles.map(userWithStaticIps));
  },
});

const getGroupDetails = operation({
  name: 'get_group_details',
  access: 'read',
  summary: 'Groups (service plans) with their profile and active, total and online user counts; one group or all (E5).',
  params: [{ name: 'groupId', kind: 'integer', doc: 'Group id; all groups when left out.' }],
  returns: '{status, errorCode, data: [{Group_id, Group_name, Profile_id, Profile_Name, Active_Users, Total_Users, Online_Users}]}',
  graphql: 'query plans(filter: {kind: SERVICE}) { bandwidthTemplate }',
  routes: [
    { method: 'GET', path: '/api/v1/get_group_details' },
    { method: 'GET', path: '/api/v1/get_group_details/:groupId' },
  ],
  notes: 'A group is a service plan and its profile the plan\'s bandwidth template. Users are the customers on the plan now; active = access state active; online = with an open RADIUS session.',
  async run(ctx, args) {
    const groupId = args.int('groupId');
    const groups = await planSubscribers.summaries(ctx, groupId != null ? [groupId] : null);
    return jazeData(groups.map((g) => groupRecord(g, true)));
  },
});

const getAllUserIds = operation({
  name: 'get_all_user_ids',
  access: 'read',
  summary: 'Ids of every user (E6).',
  params: [],
  returns: '["5", "6", …] (a bare JSON array of id strings)',
  graphql: 'query customers { nodes { legacyId } }',
  routes: [{ method: 'GET', path: '/api/v1/get_all_user_ids' }],
  async run(ctx) {
    return jazeRaw((await subscriberService.selectIds(ctx)).map(String));
  },
});

const getUsersByPhone = operation({
  name: 'get_users_by_phone',
  access: 'read',
  summary: 'Ids of the users with a phone number, optionally in one status (E7).',
  params: [{ name: 'phone', kind: 'text', required: true, doc: 'The phone number; digits are compared ("+353 86…" matches "35386…").' }, statusParam],
  returns: '{"success": "2,3", "errorCode": 200}',
  graphql: 'query customers(filter: {phone, accessState})',
  routes: [{ method: 'POST', path: '/api/v1/get_users_by_phone' }],
  notes: 'The document\'s reply `["success":"2,3", "errorCode" = 200]` is not JSON; the nearest valid shape is the object {"success": "<ids, comma-separated>", "errorCode": 200}. No match is failure 404.',
  async run(ctx, args) {
    const ids = await subscriberService.requireIds(ctx, phoneSelection(args), `the phone number ${args.requiredText('phone')}`);
    return jazeRaw({ success: ids.join(','), errorCode: 200 });
  },
});

const getUserByPhone = operation({
  name: 'get_user_by_phone',
  access: 'read',
  summary: 'Details of the users with a phone number, optionally in one status (E8).',
  params: [{ name: 'phone', kind: 'text', required: true, doc: 'The phone number; digits are compared.' }, statusParam],
  returns: '{status, errorCode, data: [User record + staticIp]}',
  graphql: 'query customers(filter: {phone, accessState})',
  routes: [
    { method: 'GET', path: '/api/v1/get_user_by_phone/:phone' },
    { method: 'GET', path: '/api/v1/get_user_by_phone/:phone/:status' },
  ],
  notes: 'No match is failure 404.',
  async run(ctx, args) {
    const profiles = await lookUp(ctx, phoneSelection(args), `the phone number ${args.requiredText('phone')}`);
    return jazeData(profiles.map(userWithStaticIps));
  },
});

const getUserByUsername = operation({
  name: 'get_user_by_username',
  access: 'read',
  summary: 'Details of the user with a username (E9).',
  params: [{ name: 'Username', kind: 'text', required: true, doc: 'A RADIUS login username, or the customer nickname.' }],
  returns: '{status, errorCode, data: [User record + staticIp]}',
  graphql: 'query radiusAccounts(filter: {username}) { customer }',
  routes: [{ method: 'GET', path: '/api/v1/get_user_by_username/:Username' }],
  notes: 'The sample `{ [ {…} ] }` is not JSON; the reply is the usual envelope with the list in `data`. The username matches a RADIUS login exactly or a nickname. No match is failure 404.',
  async run(ctx, args) {
    const username = args.requiredText('Username');
    const profiles = await lookUp(ctx, { username }, `the username ${username}`);
    return jazeData(profiles.map(userWithStaticIps));
  },
});

const moveGroup = operation({
  name: 'move_group',
  access: 'customers.write',
  summary: 'Moves a user to another group (service plan) now, back-dated to the cycle start, at the next billing cycle or on a date (E10).',
  params: [
    userIdParam('userId'),
    { name: 'groupId', kind: 'integer', required: true, doc: 'The group (an enabled service plan) to move to.' },
    { name: 'type', kind: 'text', required: true, values: Object.keys(MOVE_TYPES), doc: 'When the move takes effect.' },
    { name: 'customDateTo', kind: 'isoDate', doc: 'yyyy-mm-dd; required for customDate, today or later.' },
    { name: 'clearUserDataUsage', kind: 'text', required: true, values: YES_NO },
    { name: 'clearUserPolicies', kind: 'text', required: true, values: YES_NO },
    { name: 'moveBilling', kind: 'text', required: true, values: YES_NO, doc: 'yes: the billing subscription moves to the new plan too.' },
  ],
  returns: '{status, errorCode, message: "The User <id> Moved"} (+ effectiveDate when the move is delayed)',
  graphql: 'mutation customerPlanChange',
  routes: [{ method: 'POST', path: '/api/v1/move_group' }],
  notes:
    'moveImmediately and previousBillingCycle apply at once; nextbillingCycle and customDate are recorded and applied when due. Either way the message is ' +
    'exactly the documented "The User <id> Moved", so a client comparing it for equality or by prefix accepts both; a delayed move adds ' +
    '`effectiveDate` (yyyy-mm-dd, the day it applies) beside the message. The cycle timings need an active recurring service subscription.',
  async run(ctx, args) {
    const userId = args.requiredInt('userId');
    const change = await planChangeService.move(ctx, {
      customerId: userId,
      planId: args.requiredInt('groupId'),
      timing: MOVE_TYPES[args.requiredText('type')]!,
      customDate: args.text('customDateTo'),
      clearDataUsage: args.text('clearUserDataUsage') === 'yes',
      clearPolicies: args.text('clearUserPolicies') === 'yes',
      moveBilling: args.text('moveBilling') === 'yes',
    });
    // the documented text verbatim, delayed or not: clients compare it (equality or prefix)
    const moved = jazeMessage(`The User ${userId} Moved`);
    if (change.appliedAt) return moved;
    return { json: { ...(moved.json as object), effectiveDate: change.effectiveAt.toISOString().slice(0, 10) } };
  },
});

const getUserPassword = operation({
  name: 'get_user_password',
  access: 'secrets.read',
  summary: "The user's internet-access password: the password of its main RADIUS login (E11).",
  // E11's input table spells it UserID (the route's placeholder is user_id)
  params: [{ ...userIdParam('user_id'), aliases: ['UserID'] }],
  returns: '{status, errorCode, message: {password}}',
  graphql: '— not served by GraphQL (RadiusAccount.hasPassword only); SIMPLer listRADIUSdetails serves it too',
  routes: [{ method: 'GET', path: '/api/v1/get_user_password/:user_id' }],
  notes:
    'RADIUS login passwords are stored in clear because PAP/CHAP need them; this returns the main login\'s (the `username` of the User record) to roles with ' +
    'the secrets.read permission, and each read is written to the audit log. The end-user-portal password is kept only as a hash and is never returned: a user without a login password gets failure 412 saying so.',
  async run(ctx, args) {
    const { password } = await radiusService.accessPassword(ctx, args.requiredInt('user_id'));
    return jazeMessage({ password });
  },
});

const deleteUser = operation({
  name: 'delete_user',
  access: 'customers.write',
  summary: 'Deletes a user that meets the deletion conditions (E12).',
  params: [userIdParam('User_ID'), { name: 'clear_unfinished_billing', kind: 'text', values: YES_NO, doc: "yes: delete the user's subscriptions with it; default no." }],
  returns: '{status, errorCode, message: "User deleted successfully"}',
  graphql: 'mutation customerDelete',
  routes: [
    { method: 'GET', path: '/api/v1/delete_user/:User_ID' },
    { method: 'GET', path: '/api/v1/delete_user/:User_ID/:clear_unfinished_billing' },
  ],
  notes:
    'The customer deletion rules apply: not in status current; no subscriptions (waived with clear_unfinished_billing=yes, which deletes them), IPs, invoices, payments, ' +
    'tickets, equipment, cards… A refusal is failure 412 listing every condition that holds it back.',
  async run(ctx, args) {
    await customerService.remove(ctx, args.requiredInt('User_ID'), { deleteSubscriptions: args.text('clear_unfinished_billing') === 'yes' });
    return jazeMessage('User deleted successfully');
  },
});

const getUserFromAllAccounts = operation({
  name: 'get_user_from_all_accounts',
  access: 'read',
  summary: 'Details of the users with a phone number or username, across the accounts the token may see (E13).',
  params: [
    { name: 'type', kind: 'text', required: true, values: ['phone', 'username'] },
    { name: 'value', kind: 'text', required: true, doc: "The user's phone number or username." },
  ],
  returns: '{status, errorCode, data: [{User}, {currentBillingCycleUsage}, {staticIpMac}, …]}',
  graphql: 'query customers(filter: {phone})',
  routes: [{ method: 'GET', path: '/api/v1/get_user_from_all_accounts/:type/:value' }],
  notes:
    'An API token belongs to one operator, so "all accounts" is that account; `account_id` in each User names it. The sample\'s `api_token`/`api_key` are credentials ' +
    'and are never returned. Three parts per user with the location inside `User`, as get_all. No match is failure 404.',
  async run(ctx, args) {
    const value = args.requiredText('value');
    const selection: SubscriberSelection = args.requiredText('type') === 'phone' ? { phone: value } : { username: value };
    return jazeData(detailList(await lookUp(ctx, selection, `the ${args.requiredText('type')} ${value}`)));
  },
});

const addGracePeriod = operation({
  name: 'add_grace_period',
  access: 'billing.write',
  summary: "Extends a user's service by some days, or to a date (E14).",
  params: [
    userIdParam('userId'),
    { name: 'days', kind: 'integer', required: true, doc: '1 to 3650.' },
    { name: 'expiryDate', kind: 'text', doc: 'dd-mm-yyyy (yyyy-mm-dd accepted): extend to the end of that day instead.' },
  ],
  returns: '{status, errorCode, message: "Additional <days> days has been extended for this user<id>"}',
  graphql: 'mutation customerGracePeriodCreate',
  routes: [{ method: 'POST', path: '/api/v1/add_grace_period' }],
  notes: 'Days are added to the later of now and the current expiry; an expired user whose service runs again becomes active. The message is the document\'s, verbatim.',
  async run(ctx, args) {
    const userId = args.requiredInt('userId');
    const days = args.requiredInt('days');
    await gracePeriodService.add(ctx, { customerId: userId, days, expiryDate: args.text('expiryDate') });
    return jazeMessage(`Additional ${days} days has been extended for this user${userId}`);
  },
});

const getLogoffTime = operation({
  name: 'get_logofftime_onlinestatus',
  access: 'read',
  summary: "When the user's last session ended and whether it is online now (E26).",
  params: [userIdParam('userId')],
  returns: '{status, errorCode, data: {lastLogOffTime: "dd-mm-yyyy hh:mm:ss", online: "yes"|"no"}}',
  graphql: 'query radiusSessions(filter: {customerId, onlineOnly})',
  routes: [{ method: 'GET', path: '/api/v1/get_logofftime_onlinestatus/:userId' }],
  notes: 'From RADIUS accounting: the latest session stop time (in the user\'s time zone; null if no session ever ended) and whether a session is open.',
  async run(ctx, args) {
    const status = await radiusService.connectionStatus(ctx, args.requiredInt('userId'));
    return jazeData({ lastLogOffTime: jazeDayFirstDateTime(status.lastLogOffAt, status.timezone), online: status.online ? 'yes' : 'no' });
  },
});

const getAllowedGroups = operation({
  name: 'get_allowed_groups',
  access: 'read',
  summary: 'The groups a user can be moved to, with their user counts (E29).',
  params: [userIdParam('userId')],
  returns: '{status, errorCode, data: [{Group_id, Group_name, Profile_id, Profile_Name, Active_Users, Total_Users}]}',
  graphql: 'query plans(filter: {kind: SERVICE, enabled: true})',
  routes: [{ method: 'GET', path: '/api/v1/get_allowed_groups/:userId' }],
  notes: 'The groups move_group accepts: the enabled service plans.',
  async run(ctx, args) {
    const planIds = await planChangeService.movablePlanIds(ctx, args.requiredInt('userId'));
    return jazeData((await planSubscribers.summaries(ctx, planIds)).map((g) => groupRecord(g, false)));
  },
});

const getUsersCount = operation({
  name: 'get_users_count',
  access: 'read',
  summary: "The account's users counted by status and activity (E37).",
  // E37's input table calls it Account (the route's placeholder is accountId)
  params: [{ name: 'accountId', kind: 'text', aliases: ['Account'], doc: "The account (operator code); only the token's own account is visible." }],
  returns: '{status, errorCode, message: {total, active, online, expired, expiringNextWeek, newUsersLastWeek, blacklisted, suspended, blocked, pending, churned, others}}',
  graphql: 'query customers(filter: {accessState}) { totalCount }',
  routes: [
    { method: 'GET', path: '/api/v1/get_users_count' },
    { method: 'GET', path: '/api/v1/get_users_count/:accountId' },
  ],
  notes:
    'Each user counts in exactly one of active, expired, blacklisted, suspended, blocked, pending, churned (terminated or deleted) and others (rejected or ' +
    'pending-approval); online = open RADIUS session; expiringNextWeek = active and expiring within 7 days; newUsersLastWeek = created in the last 7 days. ' +
    'Another account is failure 404.',
  async run(ctx, args) {
    return jazeMessage(await subscriberService.counts(ctx, args.text('accountId')));
  },
});

const getBasicUserDetails = operation({
  name: 'get_basic_user_details',
  access: 'read',
  summary: "Every user's basic record (E41).",
  params: [],
  returns: '{status, errorCode, data: [User record]}',
  graphql: 'query customers',
  routes: [{ method: 'GET', path: '/api/v1/get_basic_user_details' }],
  notes: 'The sample\'s missing colon after "data" is mended. `country_code` is given only when the stored country is an ISO code; no alternative e-mail is kept (`alt_email` null).',
  async run(ctx) {
    return jazeData((await subscriberService.profiles(ctx)).map(userRecord));
  },
});

export const jazeUserOperations: LegacyOperation[] = [
  getDetails,
  getAll,
  getUsersByDate,
  getGroupDetails,
  getAllUserIds,
  getUsersByPhone,
  getUserByPhone,
  getUserByUsername,
  moveGroup,
  getUserPassword,
  deleteUser,
  getUserFromAllAccounts,
  addGracePeriod,
  getLogoffTime,
  getAllowedGroups,
  getUsersCount,
  getBasicUserDetails,
];
