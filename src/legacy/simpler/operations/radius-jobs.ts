/**
 * SIMPLer RADIUS operations (logins, customerRadius table rows, accounting sessions) and the
 * operations that drive outside systems as background jobs (WIB files, GPS details, buckets,
 * attachment synchronisation). The job operations answer `OK` once the job is queued, never
 * before their parameters were checked; what the job then did is on the job (GraphQL
 * `backgroundJob(id)` / `backgroundJobs`).
 */
import * as jobService from '../../../jobs/job.service';
import * as customerRadiusService from '../../../radius/customer-radius.service';
import * as accountService from '../../../radius/radius-account.service';
import * as radiusService from '../../../radius/radius.service';
import { hostOf } from '../../../network/filters';
import type { Args } from '../../catalog/args';
import { operation, type OperationContext } from '../../catalog/operation';
import { el } from '../../xml/write';
import { durationDisplay, octetsDisplay, recordElement, timestampDisplay, timestampUtc, wireText } from './radius-jobs.wire';

// ---------------------------------------------------------------- RADIUS logins

/** A login as listRADIUSdetails shows it (the document's REST sample), password included. */
function loginRecord(row: accountService.RadiusAccountRow) {
  return {
    id: String(row.id),
    customerid: String(row.customerId),
    username: row.username,
    password: row.password,
    priority: wireText(row.priority),
    // The vendor column is null unless set; ours is a boolean.
    exclude_from_auto_group_from_bucket: row.excludeFromAutoGroupFromBucket ? '1' : null,
  };
}

// ---------------------------------------------------------------- customerRadius

const CUSTOMER_RADIUS_TABLES = ['radcheck', 'radreply', 'usergroup', 'radusergroup'] as const;
const CUSTOMER_RADIUS_ACTIONS = ['list', 'add', 'modify', 'delete'] as const;

/** A row as customerRadius lists it: radcheck/radreply as in the document, usergroup rows with their own columns. */
function attributeRecord(row: customerRadiusService.RadiusAttributeRow) {
  const owner = { id: String(row.id), customerid: String(row.customerId), username: row.username };
  return row.table === 'radusergroup'
    ? { ...owner, groupname: row.value, priority: wireText(row.priority) }
    : { ...owner, attribute: row.attribute, op: row.op, value: row.value };
}

async function runCustomerRadius(ctx: OperationContext, args: Args) {
  const table = args.requiredText('table') as (typeof CUSTOMER_RADIUS_TABLES)[number];
  const action = args.requiredText('action') as (typeof CUSTOMER_RADIUS_ACTIONS)[number];
  const rows = await customerRadiusService.customerRadius(ctx, {
    table,
    action,
    customerId: args.requiredInt('customerid'),
    id: args.int('id'),
    username: args.text('username'),
    attribute: args.text('attribute'),
    op: args.text('op'),
    value: args.text('value'),
    priority: args.int('priority'),
  });
  if (action === 'list') {
    const results = rows.map(attributeRecord);
    return {
      xml: el('customerRadiusRoot', [el('table', [table]), el('action', [action]), el('results', results.map((r) => recordElement('entry', r)))]),
      json: { table, action, results },
    };
  }
  const id = String(rows[0]!.id);
  return {
    xml: el('customerRadiusRoot', [el('table', [table]), el('action', [action]), el('result', ['OK']), el('id', [id])]),
    json: { table, action, result: 'OK', id },
  };
}

// ---------------------------------------------------------------- sessions

type SessionRow = radiusService.RadiusSessionRow;

/** A session with every field of the document's listRadiusSessions sample. */
function sessionRecord(row: SessionRow, timeZone: string) {
  return {
    radacctid: String(row.radacctid),
    customerid: wireText(row.customerId),
    username: row.username,
    acctsessionid: row.acctsessionid,
    acctsessionid_display: row.acctsessionid,
    nasipaddress: hostOf(row.nasipaddress),
    framedipaddress: hostOf(row.framedipaddress),
    framedipv6prefix: row.framedipv6prefix,
    callingstationid: row.callingstationid,
    acctstarttime: timestampUtc(row.acctstarttime),
    acctstarttime_display: timestampDisplay(row.acctstarttime, timeZone),
    acctstoptime: timestampUtc(row.acctstoptime),
    acctstoptime_display: timestampDisplay(row.acctstoptime, timeZone),
    acctsessiontime: wireText(row.acctsessiontime),
    acctsessiontime_display: durationDisplay(row.acctsessiontime),
    acctinputoctets: wireText(row.acctinputoctets),
    acctinputoctets_display: octetsDisplay(row.acctinputoctets),
    acctoutputoctets: wireText(row.acctoutputoctets),
    acctoutputoctets_display: octetsDisplay(row.acctoutputoctets),
    // As in the document's sample: `"current": 1` on the sessions that have ended, absent on an open one.
    ...(row.acctstoptime != null ? { current: 1 } : {}),
  };
}

// ---------------------------------------------------------------- background jobs

/** Queues a job from wire parameters already mapped to the kind's own; `OK` once it is recorded. */
async function queue(ctx: OperationContext, kind: jobService.JobKindName, params: Record<string, unknown>): Promise<string> {
  const defined = Object.fromEntries(Object.entries(params).filter(([, value]) => value != null));
  await jobService.enqueue(ctx, kind, defined);
  return 'OK';
}

const JOB_NOTE = "Queues a background job and answers 'OK' once it is recorded (refused input queues nothing and answers 'ERROR: …'); the job's outcome is in GraphQL backgroundJob(id) / backgroundJobs.";

export const radiusAndJobOperations = [
  operation({
    name: 'updateWibFiles',
    access: 'network.write',
    summary: "Rewrites a gateway's provisioning (WIB) file.",
    params: [
      { name: 'wibnumber', kind: 'integer', required: true, doc: 'The WIB number of the gateway.' },
      { name: 'force', kind: 'boolean', doc: '1: force mode (needed for QoS rate changes, rewrites unchanged files); 0: standard mode.' },
    ],
    returns: "'OK' (job queued) or error message",
    graphql: 'mutation wibFilesUpdate (outcome: query backgroundJob)',
    notes: JOB_NOTE,
    run: (ctx, args) => queue(ctx, 'update_wib_files', { wibNumber: args.requiredInt('wibnumber'), force: args.bool('force') }),
  }),

  operation({
    name: 'updateGPSdetails',
    access: 'customers.write',
    summary: "Calculates missing customers' GPS coordinates from their addresses.",
    params: [],
    returns: "'OK' (job queued) or error message",
    graphql: 'mutation gpsDetailsUpdate (outcome: query backgroundJob)',
    notes: `${JOB_NOTE} Addresses the geocoder cannot place are listed in the job's result and keep no coordinates.`,
    run: (ctx) => queue(ctx, 'update_gps_details', {}),
  }),

  operation({
    name: 'listRADIUSdetails',
    access: 'read',
    summary: "Lists RADIUS usernames and passwords of customers' accounts.",
    params: [
      { name: 'customerid', kind: 'integer', doc: "Only this customer's usernames." },
      { name: 'username', kind: 'text', doc: 'Only this username.' },
      { name: 'password', kind: 'text', doc: 'Only usernames with this password.' },
      { name: 'priority', kind: 'integer', doc: 'Only usernames with this priority.' },
      { name: 'existing_radius_username', kind: 'text', doc: 'Only the usernames of the customer owning this username.' },
    ],
    returns: '<radiusUsernamesRoot> document; REST { radius_usernames: [...], results: [[count]] }',
    graphql: 'query radiusAccounts(filter) (passwords are not served there)',
    notes:
      'The document marks existing_radius_username "required" while describing it, like every filter, as "when used"; ispgraph treats all filters as optional ' +
      '(none: all the operator\'s usernames). SOAP: `<radiusUsernamesRoot>` with one `<radius_username id="…">` per login (leaves id, customerid, username, password, ' +
      'priority, exclude_from_auto_group_from_bucket) and `<results>` holding the count; REST as the document\'s sample, `results` being `[["<count>"]]`. ' +
      'exclude_from_auto_group_from_bucket is "1" when set, else null as in the sample. Passwords are served to a credential whose role has ' +
      'secrets.read (each call that serves them is one secret.read audit event); to any other role password is null, and the password filter is refused.',
    run: async (ctx, args) => {
      const logins = await accountService.list(ctx, {
        customerId: args.int('customerid'),
        username: args.text('username'),
        password: args.text('password'),
        priority: args.int('priority'),
        existingRadiusUsername: args.text('existing_radius_username'),
      });
      const records = logins.map(loginRecord);
      return {
        xml: el('radiusUsernamesRoot', [...records.map((r) => recordElement('radius_username', r)), el('results', [String(records.length)])]),
        json: { radius_usernames: records, results: [[String(records.length)]] },
      };
    },
  }),

  operation({
    name: 'addRADIUSdetails',
    access: 'network.write',
    summary: "Adds a RADIUS username and password to a customer's account.",
    params: [
      { name: 'customerid', kind: 'integer', doc: 'The customer (required unless existing_radius_username is given).' },
      { name: 'radius_username', kind: 'text', required: true, doc: 'The new username (unique on the RADIUS server).' },
      { name: 'radius_password', kind: 'text', doc: 'The password; may be left blank.' },
      { name: 'radius_priority', kind: 'integer', doc: "Sort order among the customer's usernames." },
      { name: 'existing_radius_username', kind: 'text', doc: 'Instead of customerid: a username of the customer.' },
    ],
    returns: "'OK' or error message",
    graphql: 'mutation radiusAccountCreate',
    notes:
      'The document marks customerid required but accepts existing_radius_username instead of it; one of the two must be given. The password becomes the ' +
      "radcheck Cleartext-Password row and the customer's plan group its radusergroup row.",
    run: async (ctx, args) => {
      await accountService.add(ctx, {
        customerId: args.int('customerid'),
        existingRadiusUsername: args.text('existing_radius_username'),
        username: args.requiredText('radius_username'),
        password: args.text('radius_password'),
        priority: args.int('radius_priority'),
      });
      return 'OK';
    },
  }),

  operation({
    name: 'deleteRADIUSdetails',
    access: 'network.write',
    summary: "Deletes a RADIUS username and password from a customer's account.",
    params: [{ name: 'radius_username', kind: 'text', required: true, doc: 'The username to delete.' }],
    returns: "'OK' or error message",
    graphql: 'mutation radiusAccountDelete',
    notes: "Also deletes the username's radcheck, radreply and radusergroup rows.",
    run: async (ctx, args) => {
      await accountService.remove(ctx, args.requiredText('radius_username'));
      return 'OK';
    },
  }),

  operation({
    name: 'updateBucketsFromSubscription',
    access: 'network.write',
    summary: "Updates customers' buckets and RADIUS groups from the subscriptions on their accounts.",
    params: [
      { name: 'customerid', kind: 'integer', doc: 'Limits the run to this account.' },
      { name: 'force', kind: 'boolean', doc: '1: recalculate RADIUS groups even where the bucket did not change (wipes custom group changes).' },
    ],
    returns: "'OK' (job queued) or error message",
    graphql: 'mutation bucketsFromSubscriptionUpdate (outcome: query backgroundJob)',
    notes: JOB_NOTE,
    run: (ctx, args) => queue(ctx, 'update_buckets_from_subscription', { customerId: args.int('customerid'), force: args.bool('force') }),
  }),

  operation({
    name: 'synchronizeCustomerAttachments',
    access: 'customers.write',
    summary: "Records new files of the customer's folder in the attachment drop as customer attachments.",
    params: [
      { name: 'customerid', kind: 'integer', required: true, doc: 'The customer (its folder is customers/<customerid>/).' },
      { name: 'filenameregexp', kind: 'text', required: true, doc: 'Only files whose names match this regular expression.' },
      { name: 'description', kind: 'text', required: true, doc: 'Description given to every new file.' },
      {
        name: 'rights',
        kind: 'text',
        required: true,
        doc: 'PostgreSQL array of rights, e.g. {"billing information","maintenance"}; allowed: billing information, maintenance, network information, sales tracking.',
      },
      { name: 'mode', kind: 'text', values: ['electronic_document'], doc: "'electronic_document'" },
    ],
    returns: "'OK' (job queued) or error message",
    graphql: 'mutation customerAttachmentsSync (outcome: query backgroundJob)',
    notes: `${JOB_NOTE} Files already recorded for the customer are not added twice; a regular expression that nests repetitions is refused.`,
    run: (ctx, args) =>
      queue(ctx, 'sync_customer_attachments', {
        customerId: args.requiredInt('customerid'),
        filenameRegexp: args.requiredText('filenameregexp'),
        description: args.requiredText('description'),
        rights: args.requiredText('rights'),
        mode: args.text('mode'),
      }),
  }),

  operation({
    name: 'synchronizeMaintenanceAttachments',
    access: 'support.write',
    summary: "Records new files of the ticket's folder in the attachment drop as maintenance attachments.",
    params: [
      { name: 'issuenumber', kind: 'integer', required: true, doc: 'The maintenance ticket (its folder is tickets/<issuenumber>/).' },
      { name: 'filenameregexp', kind: 'text', required: true, doc: 'Only files whose names match this regular expression.' },
      { name: 'description', kind: 'text', required: true, doc: 'Description given to every new file.' },
      { name: 'dateadded', kind: 'text', required: true, doc: 'Date added recorded on the new files: YYYY-MM-DD or YYYY-MM-DD HH:MM[:SS] (UTC unless an offset is given).' },
    ],
    returns: "'OK' (job queued) or error message",
    graphql: 'mutation maintenanceAttachmentsSync (outcome: query backgroundJob)',
    notes: JOB_NOTE,
    run: (ctx, args) =>
      queue(ctx, 'sync_maintenance_attachments', {
        maintenanceTicketId: args.requiredInt('issuenumber'),
        filenameRegexp: args.requiredText('filenameregexp'),
        description: args.requiredText('description'),
        dateAdded: args.requiredText('dateadded'),
      }),
  }),

  operation({
    name: 'customerRadius',
    access: 'network.write',
    summary: "Lists, adds, modifies and deletes a customer's rows in the RADIUS tables radcheck, radreply and radusergroup.",
    params: [
      { name: 'table', kind: 'text', required: true, values: CUSTOMER_RADIUS_TABLES, doc: 'radcheck, radreply, or usergroup (radusergroup on some servers).' },
      { name: 'action', kind: 'text', required: true, values: CUSTOMER_RADIUS_ACTIONS, doc: 'list, add, modify or delete.' },
      { name: 'customerid', kind: 'integer', required: true, doc: 'The customer whose usernames the rows belong to.' },
      { name: 'username', kind: 'text', doc: "One of the customer's usernames (list: only its rows; add: required; modify/delete without id: names the row)." },
      { name: 'attribute', kind: 'text', doc: 'RADIUS attribute, e.g. Cleartext-Password (radcheck/radreply).' },
      { name: 'op', kind: 'text', doc: 'FreeRADIUS operator: = := == += != > >= < <= =~ !~ =* !* (add defaults: radcheck :=, radreply =).' },
      { name: 'value', kind: 'text', doc: 'The value; the group name for usergroup.' },
      { name: 'id', kind: 'integer', doc: 'ispgraph: the row to modify or delete (the id the list shows).' },
      { name: 'priority', kind: 'integer', doc: 'ispgraph: usergroup priority.' },
    ],
    returns: '{ table, action, result: "OK" } for add/modify/delete; { table, action, results: [...] } for list',
    graphql: 'mutation radiusAttributeCreate / radiusAttributeUpdate / radiusAttributeDelete; query customer(id).radiusAttributes',
    notes:
      'The document types attribute as INTEGER; it is the attribute name (text), as its own sample shows. It names no row parameter for modify/delete: ' +
      'ispgraph takes `id` (from the list), or finds the one row of `username` with `attribute` (radcheck/radreply; delete also matches `value` when given) ' +
      'or of `username` (usergroup; delete also matches the group name `value`), refusing a name that matches several rows. ' +
      'usergroup rows list as { id, customerid, username, groupname, priority }. add/modify/delete replies also carry the row `id`. ' +
      'SOAP: `<customerRadiusRoot>` with `<table>`, `<action>` and `<result>OK</result><id>…</id>` or `<results>` holding one `<entry id="…">` per row. ' +
      'A listed password attribute (Cleartext-Password, NT-Password…) has its value only for a role with secrets.read (audited), null for any other.',
    run: runCustomerRadius,
  }),

  operation({
    name: 'listRadiusSessions',
    access: 'read',
    summary: "Lists the RADIUS accounting sessions of a customer or of a username, newest first.",
    params: [
      { name: 'customerid', kind: 'integer', doc: "The customer's sessions (give customerid or username)." },
      { name: 'username', kind: 'text', doc: "The username's sessions." },
    ],
    returns: '<radiusSessionsRoot> document; REST { radius_sessions: [...] }',
    graphql: 'query radiusSessions(filter: { customerId, username })',
    notes:
      'REST exactly as the document\'s sample (times as PostgreSQL prints them in UTC, `*_display` times in the operator\'s time zone, octets in binary units, ' +
      '`"current": 1` present on ended sessions and absent on an open one, as in the sample). SOAP (the document shows no XML): `<radiusSessionsRoot>` with one ' +
      '`<radius_session id="<radacctid>">` per session holding the same fields as leaves. One of customerid and username is required; an unknown customer is an error.',
    run: async (ctx, args) => {
      const { timezone, sessions } = await radiusService.sessionHistory(ctx, { customerId: args.int('customerid'), username: args.text('username') });
      const records = sessions.map((s) => sessionRecord(s, timezone));
      return {
        xml: el('radiusSessionsRoot', records.map((r) => recordElement('radius_session', r, 'radacctid'))),
        json: { radius_sessions: records },
      };
    },
  }),
];
