/**
 * SIMPLer OperatorAPI: customer custom tables, community codes, sub-accounts, customer IPs,
 * IP generation and gateway interfaces. Thin adapters: wire names in, service call, reply out.
 */
import * as communityCodeService from '../../../customers/community-code.service';
import * as customTableService from '../../../customers/custom-table.service';
import * as subaccountService from '../../../customers/subaccount.service';
import * as customerIpService from '../../../network/customer-ip.service';
import * as gatewayService from '../../../network/gateway.service';
import type { Args } from '../../catalog/args';
import { operation, type LegacyOperation, type ParamSpec } from '../../catalog/operation';
import { el, fields } from '../../xml/write';
import { cellValues, COLUMN_VALUES, columnJson, definedSwitch, interfaceJson, ipDataXml, ipJson } from './customer-records.wire';

const CUSTOM_TABLE_ROUTE = 'customTableEntries';

// ---------------------------------------------------------------- custom tables

const customTableOperations = [
  operation({
    name: 'listCustomTableEntries',
    access: 'read',
    summary: "Lists the operator's custom tables: their column definitions always, and the rows matching the filters.",
    params: [
      { name: 'customerid', kind: 'integer', doc: "Only this customer's rows." },
      { name: 'value', kind: 'text', doc: 'Only rows with a cell equal to this value (in columnid when given).' },
      { name: 'columnid', kind: 'integer', doc: 'Only rows with a value in this column.' },
    ],
    returns: '<customTableEntriesRoot> document; JSON: { <table>: { columns: { <columnid>: {…} }, rows_per_customerid: { <customerid>: { <rowid>: { <columnid>: value } } } } }',
    graphql: 'query customer(id).customTableRows',
    resources: [{ method: 'GET', resource: CUSTOM_TABLE_ROUTE }],
    notes:
      'JSON exactly as documented; `rows_per_customerid` is left out of a table with no matching rows, as the vendor does ("if there are any results"). ' +
      'Column definitions: also GraphQL `query customTables`. The document shows no XML; SOAP gets ' +
      '`<customTableEntriesRoot><table name="voip"><columns><column id="39"><label>…</label>…</column></columns>' +
      '<rows><row customerid="2" rowid="1"><cell columnid="39">…</cell></row></rows></table></customTableEntriesRoot>` ' +
      '(the JSON keys are numbers, which cannot be XML element names).',
    run: async (ctx, args) => {
      const tables = await customTableService.listEntries(ctx, { customerId: args.int('customerid'), value: args.text('value'), columnId: args.int('columnid') });
      const json: Record<string, unknown> = {};
      for (const table of tables) {
        const entry: Record<string, unknown> = {};
        if (table.rows.length > 0) {
          const perCustomer: Record<string, Record<string, Record<string, string>>> = {};
          for (const row of table.rows) {
            (perCustomer[row.customerId] ??= {})[row.rowId] = { ...row.cells };
          }
          entry.rows_per_customerid = perCustomer;
        }
        entry.columns = Object.fromEntries(table.columns.map((c) => [String(c.id), columnJson(c)]));
        json[table.name] = entry;
      }
      const xml = el(
        'customTableEntriesRoot',
        tables.map((table) =>
          el('table', { name: table.name }, [
            el(
              'columns',
              table.columns.map((c) => {
                const { id, ...definition } = columnJson(c);
                return el('column', { id }, fields(definition));
              }),
            ),
            el(
              'rows',
              table.rows.map((row) =>
                el(
                  'row',
                  { customerid: row.customerId, rowid: row.rowId },
                  Object.entries(row.cells).map(([column, value]) => el('cell', { columnid: column }, [value])),
                ),
              ),
            ),
          ]),
        ),
      );
      return { xml, json };
    },
  }),

  operation({
    name: 'addCustomTableEntries',
    access: 'customers.write',
    summary: "Adds a row to a customer's custom table; cell values are keyed by column id.",
    params: [
      { name: 'customerid', kind: 'integer', required: true, doc: 'The customer the row belongs to.' },
      { name: 'tablename', kind: 'text', required: true, doc: 'The custom table, e.g. voip.' },
    ],
    patternParams: [COLUMN_VALUES],
    returns: "'OK: <rowid>'",
    graphql: 'mutation customTableRowCreate',
    resources: [{ method: 'POST', resource: CUSTOM_TABLE_ROUTE }],
    notes: 'The parameter table omits `tablename`, but every example sends it and a row needs its table, so it is required.',
    run: async (ctx, args) => {
      const row = await customTableService.addEntry(ctx, { customerId: args.requiredInt('customerid'), tableName: args.requiredText('tablename'), values: cellValues(args) });
      return `OK: ${row.rowId}`;
    },
  }),

  operation({
    name: 'modifyCustomTableEntries',
    access: 'customers.write',
    summary: "Changes cells of a customer's custom-table row; cells not sent keep their value, empty ones are cleared.",
    params: [
      { name: 'customerid', kind: 'integer', required: true, doc: 'The customer the row belongs to.' },
      { name: 'rowid', kind: 'integer', required: true, doc: 'The row to change.' },
      { name: 'tablename', kind: 'text', doc: 'When sent, the row must belong to this table.' },
    ],
    patternParams: [COLUMN_VALUES],
    returns: "'OK'",
    graphql: 'mutation customTableRowUpdate',
    resources: [{ method: 'PUT', resource: CUSTOM_TABLE_ROUTE }],
    run: async (ctx, args) => {
      await customTableService.modifyEntry(ctx, {
        customerId: args.requiredInt('customerid'),
        rowId: args.requiredInt('rowid'),
        tableName: args.text('tablename'),
        values: cellValues(args),
      });
      return 'OK';
    },
  }),

  operation({
    name: 'deleteCustomTableEntries',
    access: 'customers.write',
    summary: "Deletes a row of a customer's custom table.",
    params: [
      { name: 'customerid', kind: 'integer', required: true, doc: 'The customer the row belongs to.' },
      { name: 'rowid', kind: 'integer', required: true, doc: 'The row to delete.' },
    ],
    returns: "'OK'",
    graphql: 'mutation customTableRowDelete',
    resources: [{ method: 'DELETE', resource: CUSTOM_TABLE_ROUTE }],
    notes: 'The parameter table repeats the column list of add (a copy); the example sends only customerid and rowid, which is what a delete needs.',
    run: async (ctx, args) => {
      await customTableService.deleteEntry(ctx, { customerId: args.requiredInt('customerid'), rowId: args.requiredInt('rowid') });
      return 'OK';
    },
  }),
];

// ---------------------------------------------------------------- community codes

const communityCodeOperations = [
  operation({
    name: 'addCommunityCode',
    access: 'customers.write',
    summary: 'Adds a community code; codes are unique.',
    params: [{ name: 'code', kind: 'text', required: true, doc: 'The new code.' }],
    returns: "'OK'",
    graphql: 'mutation communityCodeCreate',
    run: async (ctx, args) => {
      await communityCodeService.add(ctx, { code: args.requiredText('code') });
      return 'OK';
    },
  }),

  operation({
    name: 'modifyCommunityCode',
    access: 'customers.write',
    summary: 'Renames a community code; the new code must not exist yet.',
    params: [
      { name: 'code', kind: 'text', required: true, doc: 'The existing code.' },
      { name: 'new_code', kind: 'text', required: true, doc: 'Its new text.' },
    ],
    returns: "'OK'",
    graphql: 'mutation communityCodeUpdate',
    run: async (ctx, args) => {
      await communityCodeService.rename(ctx, { code: args.requiredText('code') }, args.requiredText('new_code'));
      return 'OK';
    },
  }),

  operation({
    name: 'deleteCommunityCode',
    access: 'customers.write',
    summary: 'Deletes a community code no customer uses.',
    params: [{ name: 'code', kind: 'text', required: true, doc: 'The code to delete.' }],
    returns: "'OK'",
    graphql: 'mutation communityCodeDelete',
    run: async (ctx, args) => {
      await communityCodeService.remove(ctx, { code: args.requiredText('code') });
      return 'OK';
    },
  }),

  operation({
    name: 'listCommunityCode',
    access: 'read',
    summary: 'Lists the community codes, newest first, with their count.',
    params: [],
    returns: '<customerSearchRoot> with one <code> per code and <results>; JSON { code: [...], results: "<n>" }',
    graphql: 'query communityCodes',
    notes: 'The vendor sample lacks the closing </customerSearchRoot>; ispgraph closes it. The JSON (not documented) mirrors the XML.',
    run: async (ctx) => {
      const codes = (await communityCodeService.list(ctx)).map((c) => c.code);
      const xml = el('customerSearchRoot', [...codes.map((code) => el('code', [code])), el('results', [codes.length])]);
      return { xml, json: { code: codes, results: String(codes.length) } };
    },
  }),
];

// ---------------------------------------------------------------- sub-accounts

const SUBACCOUNT_KEY: ParamSpec[] = [
  { name: 'masterCustomerId', kind: 'integer', required: true, doc: 'The master account.' },
  { name: 'subCustomerId', kind: 'integer', required: true, doc: 'The sub-account.' },
];

/** Wire flag → service flag; every one is 't'/'f' on the wire. */
const SUBACCOUNT_FLAGS = [
  ['master_display_subaccount_invoices', 'masterDisplaySubaccountInvoices', 'The master sees the sub-account invoices.'],
  ['master_display_subaccount_usage', 'masterDisplaySubaccountUsage', 'The master sees the sub-account usage.'],
  ['subaccount_display_master_invoices', 'subaccountDisplayMasterInvoices', 'The sub-account sees the master invoices.'],
  ['subaccount_synchronization_customerstatus', 'syncCustomerStatus', 'The sub-account follows the master customer status.'],
  ['subaccount_synchronization_usage_allowance', 'syncUsageAllowance', 'The sub-account follows the master usage allowance.'],
  ['master_allow_eup_relogin', 'masterAllowPortalRelogin', 'The master may log in to the sub-account end-user portal.'],
  ['subaccount_invoice_from_master', 'invoiceFromMaster', 'The sub-account is invoiced through the master.'],
] as const;

const PRORATE = 'subaccount_invoice_from_master_prorate';

const SUBACCOUNT_FLAG_PARAMS: ParamSpec[] = [
  ...SUBACCOUNT_FLAGS.map(([name, , doc]): ParamSpec => ({ name, kind: 'boolean', doc: `${doc} 't' or 'f'.` })),
  { name: PRORATE, kind: 'text', values: ['1', '2', '3'], doc: '1 no prorate, 2 prorate option A, 3 prorate option B.' },
];

function subaccountKey(args: Args): subaccountService.SubaccountKey {
  return { masterCustomerId: args.requiredInt('masterCustomerId'), subCustomerId: args.requiredInt('subCustomerId') };
}

/** Flags sent (empty ones count as not sent: an update keeps them). */
function subaccountFlags(args: Args): subaccountService.SubaccountFlags {
  const flags: subaccountService.SubaccountFlags = {};
  for (const [wireName, key] of SUBACCOUNT_FLAGS) {
    const value = args.bool(wireName);
    if (value != null) flags[key] = value;
  }
  const prorate = args.text(PRORATE);
  if (prorate != null) flags.invoiceFromMasterProrate = Number(prorate);
  return flags;
}

const subaccountOperations = [
  operation({
    name: 'addSubaccount',
    access: 'customers.write',
    summary: 'Makes a customer a sub-account of a master account, with its display, synchronisation and invoicing flags.',
    params: [...SUBACCOUNT_KEY, ...SUBACCOUNT_FLAG_PARAMS],
    returns: "'OK'",
    graphql: 'mutation subaccountLinkCreate',
    run: async (ctx, args) => {
      await subaccountService.add(ctx, subaccountKey(args), subaccountFlags(args));
      return 'OK';
    },
  }),

  operation({
    name: 'updateSubaccount',
    access: 'customers.write',
    summary: 'Changes the flags of a master/sub-account link; flags not sent keep their value.',
    params: [...SUBACCOUNT_KEY, ...SUBACCOUNT_FLAG_PARAMS],
    returns: "'OK'",
    graphql: 'mutation subaccountLinkUpdate',
    run: async (ctx, args) => {
      await subaccountService.update(ctx, subaccountKey(args), subaccountFlags(args));
      return 'OK';
    },
  }),

  operation({
    name: 'deleteSubaccount',
    access: 'customers.write',
    summary: 'Removes a sub-account from its master account.',
    params: SUBACCOUNT_KEY,
    returns: "'OK'",
    graphql: 'mutation subaccountLinkDelete',
    run: async (ctx, args) => {
      await subaccountService.remove(ctx, subaccountKey(args));
      return 'OK';
    },
  }),
];

// ---------------------------------------------------------------- IPs and interfaces

const ipOperations = [
  operation({
    name: 'addIP',
    access: 'network.write',
    summary: 'Binds an IP address and/or MAC address to a customer.',
    params: [
      { name: 'customerid', kind: 'integer', required: true, doc: 'The customer.' },
      { name: 'ip', kind: 'text', doc: 'IPv4 address, unused in the operator.' },
      { name: 'mac', kind: 'text', doc: 'MAC address.' },
      { name: 'macrestrict', kind: 'boolean', doc: '1 MAC restriction on, 0 off.' },
      { name: 'label', kind: 'text' },
      { name: 'type', kind: 'boolean', doc: '1 public IP, 0 private IP.' },
      { name: 'dhcpoptions', kind: 'text' },
      { name: 'radius_username', kind: 'text', doc: "One of the customer's RADIUS usernames." },
      { name: 'gatewayid', kind: 'integer', doc: "The gateway; the customer's when not sent." },
      { name: 'updateMAConEUPLogin', kind: 'boolean', doc: '1: end-user-portal login updates the MAC; 0: it does not.' },
    ],
    returns: "'OK'",
    graphql: 'mutation customerIpCreate',
    run: async (ctx, args) => {
      await customerIpService.add(ctx, {
        customerId: args.requiredInt('customerid'),
        ip: args.text('ip'),
        mac: args.text('mac'),
        macRestrict: args.bool('macrestrict'),
        label: args.text('label'),
        isPublic: args.bool('type'),
        dhcpOptions: args.text('dhcpoptions'),
        radiusUsername: args.text('radius_username'),
        gatewayId: args.int('gatewayid'),
        updateMacOnPortalLogin: args.bool('updateMAConEUPLogin'),
      });
      return 'OK';
    },
  }),

  operation({
    name: 'getIPData',
    access: 'read',
    summary: "Returns the customer's IP/MAC bindings.",
    params: [{ name: 'customerid', kind: 'integer', required: true, doc: 'The customer.' }],
    returns: '<ipDataRoot customerid="…"> with one <ipentry id="…"> per binding; JSON { customerid, ips: [...] }',
    graphql: 'query customer(id).ips',
    notes:
      'The document shows no shape ("XML containing data"). Each binding carries addIP\'s field names: ' +
      '`<ipentry id="7"><ip>…</ip><mac>…</mac><macrestrict>1|0</macrestrict><label/><type>1 public|0 private</type><dhcpoptions/>' +
      '<radius_username/><gatewayid/><interfaceid/><updateMAConEUPLogin>1|0</updateMAConEUPLogin></ipentry>`, in the order added; ' +
      'JSON `{ "customerid": "12", "ips": [ { "id": "7", "ip": "…", … } ] }`, all values strings, "" for none.',
    run: async (ctx, args) => {
      const customerId = args.requiredInt('customerid');
      const rows = await customerIpService.listForCustomer(ctx, customerId);
      return { xml: ipDataXml(customerId, rows), json: { customerid: String(customerId), ips: rows.map(ipJson) } };
    },
  }),

  operation({
    name: 'generateIP',
    access: 'network.write',
    summary: "Picks free addresses for a customer from a gateway interface's range; optionally saves them, sets them in RADIUS and queues the gateway file update.",
    params: [
      { name: 'quantity', kind: 'integer', doc: 'How many addresses (default 1).' },
      { name: 'customerid', kind: 'integer', required: true, doc: 'The customer the addresses are for.' },
      { name: 'iptype', kind: 'text', values: ['Public', 'Private'], doc: "Overrides the customer's IP type." },
      { name: 'interface_id', kind: 'integer', doc: "Draw from this interface instead of the customer's gateway's first one of the type." },
      { name: 'saveInDb', kind: 'text', doc: 'If defined, the addresses are saved to the customer account.' },
      { name: 'syncRADIUS', kind: 'text', doc: "If defined, each address becomes the Framed-IP-Address of one of the customer's RADIUS logins (needs saveInDb)." },
      { name: 'updateWIB', kind: 'text', doc: "If defined, the gateway's WIB file is rewritten with the new addresses (queued job; needs saveInDb)." },
      { name: 'updateMAConEUPLogin', kind: 'boolean', doc: '1: end-user-portal login updates the MAC of the saved bindings.' },
    ],
    returns: '<customerSearchRoot> with gatewayid, generated, interfaceid, one <ip> per address, iptype, quantity, wibnumber',
    graphql: 'mutation customerIpGenerate',
    notes:
      'saveInDb, syncRADIUS and updateWIB are switches by presence ("if defined"); an explicit 0/false/no turns them off. ' +
      'updateWIB queues an update_wib_files job for the interface’s gateway in the same transaction as the saved addresses ' +
      '(GraphQL customerIpGenerate has no updateWib input yet). JSON as documented: `generated` a number, `interfaceid` a list.',
    run: async (ctx, args) => {
      const ipType = args.text('iptype');
      const result = await customerIpService.generate(ctx, {
        customerId: args.requiredInt('customerid'),
        quantity: args.int('quantity'),
        ipType: ipType ? (ipType.toLowerCase() as customerIpService.IpType) : null,
        interfaceId: args.int('interface_id'),
        save: definedSwitch(args, 'saveInDb'),
        syncRadius: definedSwitch(args, 'syncRADIUS'),
        updateWib: definedSwitch(args, 'updateWIB'),
        updateMacOnPortalLogin: args.bool('updateMAConEUPLogin'),
      });
      const ipTypeLabel = result.ipType === 'public' ? 'Public' : 'Private';
      const xml = el('customerSearchRoot', [
        ...fields({ gatewayid: result.gatewayId, generated: result.generated, interfaceid: result.interfaceId }),
        ...result.ips.map((ip) => el('ip', [ip])),
        ...fields({ iptype: ipTypeLabel, quantity: result.quantity, wibnumber: result.wibNumber }),
      ]);
      const json = {
        wibnumber: String(result.wibNumber),
        iptype: ipTypeLabel,
        ip: result.ips,
        quantity: String(result.quantity),
        gatewayid: String(result.gatewayId),
        generated: result.generated,
        interfaceid: [String(result.interfaceId)],
      };
      return { xml, json };
    },
  }),

  operation({
    name: 'getInterfaceData',
    access: 'read',
    summary: 'Lists the gateway interfaces and their address ranges.',
    params: [
      { name: 'quantity', kind: 'text', doc: 'Listed by the document (copied from generateIP); accepted and ignored.' },
      { name: 'id', kind: 'integer', doc: 'Only this interface.' },
      { name: 'gatewayid', kind: 'integer', doc: "Only this gateway's interfaces." },
    ],
    returns: '<interfaceDataRoot> with one <interfaces> element per range; JSON { interfaces: [...] }',
    graphql: 'query gateways.interfaces',
    notes:
      'JSON as documented; mask and broadcast are derived from the stored network, so they never disagree with it (the vendor sample has rows where they do). ' +
      'The document shows no XML; SOAP gets `<interfaceDataRoot><interfaces><networkaddress>…</networkaddress>…<id>18</id>…</interfaces>…</interfaceDataRoot>`, ' +
      'the JSON list with each item as an element of the same name. An unknown id or gatewayid is an error.',
    run: async (ctx, args) => {
      const rows = await gatewayService.listInterfaces(ctx, { id: args.int('id'), gatewayId: args.int('gatewayid') });
      const interfaces = rows.map(interfaceJson);
      return { xml: el('interfaceDataRoot', interfaces.map((i) => el('interfaces', fields(i)))), json: { interfaces } };
    },
  }),
];

export const customerRecordOperations: LegacyOperation[] = [...customTableOperations, ...communityCodeOperations, ...subaccountOperations, ...ipOperations];
