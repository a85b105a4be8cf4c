/**
 * Reachability, end-user-portal logins, e-mail lookups and the status list.
 */
import * as customerService from '../../../customers/customer.service';
import * as portalService from '../../../customers/portal.service';
import * as statusService from '../../../customers/customer-status.service';
import { operation } from '../../catalog/operation';
import { el } from '../../xml/write';

export const systemOperations = [
  operation({
    name: 'pingAPI',
    access: 'read',
    summary: 'Verifies that the API is reachable and the credentials are accepted.',
    params: [],
    returns: 'OK',
    graphql: '— (any authenticated GraphQL query; GET /healthz for reachability)',
    run: async () => 'OK',
  }),

  operation({
    name: 'checkExistingEmail',
    access: 'read',
    summary: 'Tells whether a customer account with this e-mail address exists.',
    // The document lists only api_username, api_password, email: SOAP::Lite's positional
    // checkExistingEmail('demo', 'demo', $email) puts the address third.
    authParams: ['api_username', 'api_password'],
    params: [{ name: 'email', kind: 'email', required: true, doc: 'E-mail address to look for (compared case-insensitively).' }],
    returns: '0 when no account has the address, else the customer id',
    graphql: 'query customers(filter: { email })',
    run: async (ctx, args) => String(await customerService.idByEmail(ctx, args.requiredText('email'))),
  }),

  operation({
    name: 'getCustomerStatuses',
    access: 'read',
    summary: 'Lists the customer statuses with their labels and sub-statuses.',
    params: [],
    returns: '<customerStatusesRoot> document',
    graphql: 'query customerStatuses',
    notes:
      'The vendor puts status names with spaces into attribute names (`<labels post="Disconnected" …/>`), which is not well-formed XML; ' +
      'ispgraph sends `<labels><label name="post">Disconnected</label>…</labels>` instead.',
    run: async (ctx) => {
      const statuses = await statusService.list(ctx);
      const xml = el('customerStatusesRoot', [
        ...statuses.map((s) => el('array', [s.name])),
        el('labels', statuses.map((s) => el('label', { name: s.name }, [s.label]))),
        ...statuses
          .filter((s) => s.subStatuses.length > 0 || s.subStatusLabel)
          .map((s) => el('substatus_hash', { name: s.name, default: s.subStatusDefault ?? '', labels: s.subStatusLabel ?? '' }, s.subStatuses.map((v) => el('values', [v])))),
      ]);
      const json = {
        array: statuses.map((s) => s.name),
        labels: Object.fromEntries(statuses.map((s) => [s.name, s.label])),
        substatus_hash: Object.fromEntries(
          statuses
            .filter((s) => s.subStatuses.length > 0 || s.subStatusLabel)
            .map((s) => [s.name, { default: s.subStatusDefault, values: s.subStatuses, labels: s.subStatusLabel }]),
        ),
      };
      return { xml, json };
    },
  }),

  operation({
    name: 'checkEUPLogin',
    access: 'customers.write',
    summary: 'Checks an end-user-portal username and password; answers the customer id when they match.',
    params: [
      { name: 'eup_username', kind: 'text', required: true, doc: 'The username to check.' },
      { name: 'eup_password', kind: 'text', required: true, doc: 'The password to check.' },
    ],
    returns: "'OK: nnn' (nnn = customer id) or 'ERROR: invalid username/password'",
    graphql: 'mutation customerPortalLoginCheck',
    run: async (ctx, args) => `OK: ${await portalService.checkLogin(ctx, { username: args.requiredText('eup_username'), password: args.requiredText('eup_password'), clientIp: ctx.clientIp })}`,
  }),
];
