/**
 * SIMPLer OperatorAPI operations: customer accounts (add, modify, delete, search, notes, the
 * customer record). Thin adapters: wire names and formats in, the customer services do the rest.
 */
import * as customerService from '../../../customers/customer.service';
import type { CustomerFilter, CustomerInput } from '../../../customers/customer.service';
import * as customerData from '../../../customers/customer-data.service';
import * as noteService from '../../../customers/customer-note.service';
import type { SandSettingsInput } from '../../../customers/sand-settings.service';
import { Validation } from '../../../shared/errors';
import { Args } from '../../catalog/args';
import { operation, type LegacyOperation, type OperationContext, type ParamSpec } from '../../catalog/operation';
import { el, fields, type XmlElement } from '../../xml/write';
import {
  clearable,
  formatVatExemption,
  fromEnum,
  installationAddress,
  MONITOR_WIRE,
  parseAddress,
  parseContacts,
  parseReference,
  parseVatExemption,
  plusMinusOne,
  toEnum,
} from './customers.wire';

// ---------------------------------------------------------------- parameters

const ACCOUNT_TYPES = ['customer business', 'customer home', 'reseller', 'partner', 'supplier', 'competitor', 'gov'] as const;
const PAYMENT_METHODS = ['cash', 'cheque', 'credit card', 'debit card', 'direct debit', 'online transfer', 'standing order'] as const;
const SEND_METHODS = ['mail', 'pdf', 'both', 'none'] as const;
const MONITOR_MODES = ['monitor', 'no monitor', 'monitor+sms', 'monitor no alert'] as const;
const REFERRAL_FEE_STATUSES = ['no fee', 'due', 'pre-paid', 'paid'] as const;
const SAND_STATUSES = ['override', 'default', 'off', 'deferred'] as const;
const ADDRESS_DOC = 'add1:::add2:::add3:::add4:::add5:::add6 = street 1, street 2, town, county, post code, state';

/** The account fields addCustomer and modifyCustomer share, in the document's order. */
const ACCOUNT_PARAMS: ParamSpec[] = [
  { name: 'init_date', kind: 'usDate', doc: 'Initial contact date, MM/DD/YYYY.' },
  { name: 'startdate', kind: 'usDate', doc: 'Start date, MM/DD/YYYY.' },
  { name: 'customerstatus', kind: 'text', doc: "One of the operator's customer statuses (current, potential, post…)." },
  { name: 'customer_tracking', kind: 'text' },
  { name: 'installdate', kind: 'usDate', doc: 'Installation date, MM/DD/YYYY.' },
  { name: 'frequency', kind: 'integer', doc: 'Billing frequency in months.' },
  { name: 'invoicing_status', kind: 'boolean', doc: '1 billing on, 0 billing off.' },
  { name: 'voip', kind: 'boolean', doc: '1 VoIP enabled.' },
  { name: 'address', kind: 'text', doc: `Main address: ${ADDRESS_DOC}.` },
  { name: 'iaddress', kind: 'text', doc: `Installation address, same format as address.` },
  { name: 'country', kind: 'text' },
  { name: 'password', kind: 'text', doc: 'End-user-portal password (stored as a hash only).' },
  { name: 'type', kind: 'text', values: ACCOUNT_TYPES, doc: 'Account type.' },
  { name: 'marketingcode', kind: 'text' },
  { name: 'marketingemails', kind: 'boolean' },
  { name: 'installation_area', kind: 'text' },
  { name: 'community_code', kind: 'text', doc: 'An existing community code (its text).' },
  { name: 'reference', kind: 'text', doc: 'Referee: a customer id (digits) or free text (historical referencing).' },
  { name: 'referral_fee_status', kind: 'text', values: REFERRAL_FEE_STATUSES },
  { name: 'referral_fee_amount', kind: 'money' },
  { name: 'note', kind: 'text' },
  { name: 'privatenote', kind: 'text' },
  { name: 'importance', kind: 'integer', doc: '1 to 5.' },
  { name: 'phone_list_main', kind: 'text', doc: 'Main phone, kept as text (leading + and zeros stay).' },
  { name: 'fax', kind: 'text' },
  { name: 'email', kind: 'email' },
  { name: 'accounts_email', kind: 'email' },
  { name: 'support_email', kind: 'email' },
  { name: 'website', kind: 'text' },
  { name: 'contacts_list', kind: 'text', doc: 'name:::phone:::position:::email///… ; replaces the contacts, empty clears them.' },
  { name: 'vat_exemption', kind: 'text', doc: 'Yes:::reference:::DD/MM/YYYY, or No.' },
  { name: 'payment_method', kind: 'text', values: PAYMENT_METHODS },
  { name: 'send_method', kind: 'text', values: SEND_METHODS, doc: 'mail: e-mail to customer; pdf: only to operator; both; none.' },
  { name: 'credit', kind: 'integer', doc: 'Credit days.' },
  { name: 'setup_fees', kind: 'money' },
  { name: 'folder', kind: 'text' },
  { name: 'order_number', kind: 'text' },
  { name: 'gwid', kind: 'integer', doc: 'Gateway id.' },
  { name: 'bucketid', kind: 'integer', doc: 'Bucket id.' },
  { name: 'monitor', kind: 'text', values: MONITOR_MODES },
  { name: 'tcp', kind: 'text' },
  { name: 'udp', kind: 'text' },
  { name: 'p2p', kind: 'boolean', doc: 'true or false.' },
  { name: 'sites', kind: 'text' },
  { name: 'ip_type', kind: 'text', values: ['public', 'private'] },
  { name: 'ip_number', kind: 'integer' },
  { name: 'connLimit', kind: 'integer' },
  { name: 'rssi', kind: 'boolean', doc: 'Equipment graphs.' },
  { name: 'nat', kind: 'boolean', doc: 'Auto-provision NAT.' },
  { name: 'auto_prov_radius_credentials', kind: 'boolean', doc: "Auto-provision 'Generate RADIUS Accounts'." },
  { name: 'auto_prov_activatecpe', kind: 'boolean', doc: "Auto-provision 'Activate IP Address'." },
  { name: 'auto_prov_radius_dynamic_ip', kind: 'boolean', doc: "Auto-provision 'Generate Customer IP Address'." },
  { name: 'auto_prov_pppoe', kind: 'boolean', doc: "Auto-provision 'Set PPPoE on WAN interface'." },
];

/** The automatic invoice/traffic enforcement settings and where they go. */
const SAND_PARAMS: { spec: ParamSpec; key: keyof SandSettingsInput }[] = [
  { spec: { name: 'sand_invoice_status', kind: 'text', values: SAND_STATUSES }, key: 'invoiceStatus' },
  { spec: { name: 'sand_invoice_email_from', kind: 'email' }, key: 'invoiceEmailFrom' },
  { spec: { name: 'sand_invoice_email_to', kind: 'email' }, key: 'invoiceEmailTo' },
  { spec: { name: 'sand_invoice_email_bcc', kind: 'email' }, key: 'invoiceEmailBcc' },
  { spec: { name: 'sand_invoice_billing_issue_date', kind: 'text', doc: 'e.g. 15 days' }, key: 'invoiceBillingIssueDate' },
  { spec: { name: 'sand_invoice_email_date_1', kind: 'text', doc: 'e.g. 20 days' }, key: 'invoiceEmailDate1' },
  { spec: { name: 'sand_invoice_email_date_2', kind: 'text', doc: 'e.g. 25 days' }, key: 'invoiceEmailDate2' },
  { spec: { name: 'sand_invoice_disconnection_date', kind: 'text', doc: 'e.g. 30 days' }, key: 'invoiceDisconnectionDate' },
  { spec: { name: 'sand_invoice_throttling_date', kind: 'text', doc: 'e.g. 28 days' }, key: 'invoiceThrottlingDate' },
  { spec: { name: 'sand_invoice_deferred_to', kind: 'euDate', doc: 'DD/MM/YYYY' }, key: 'invoiceDeferredTo' },
  { spec: { name: 'lodgement_failure_email_2', kind: 'text', doc: 'e.g. 5 days' }, key: 'lodgementFailureEmail2' },
  { spec: { name: 'lodgement_failure_email_3', kind: 'text', doc: 'e.g. 10 days' }, key: 'lodgementFailureEmail3' },
  { spec: { name: 'lodgement_failure_disconnection', kind: 'text', doc: 'e.g. 15 days' }, key: 'lodgementFailureDisconnection' },
  { spec: { name: 'sand_traffic_limit', kind: 'integer', doc: 'Traffic limit in GB.' }, key: 'trafficLimitGb' },
  { spec: { name: 'sand_traffic_status', kind: 'text', values: SAND_STATUSES }, key: 'trafficStatus' },
  { spec: { name: 'sand_traffic_email_from', kind: 'email' }, key: 'trafficEmailFrom' },
  { spec: { name: 'sand_traffic_email_to', kind: 'email' }, key: 'trafficEmailTo' },
  { spec: { name: 'sand_traffic_email_bcc', kind: 'email' }, key: 'trafficEmailBcc' },
  { spec: { name: 'sand_traffic_email_treshold_1', kind: 'integer', doc: 'Usage threshold, %.' }, key: 'trafficEmailThreshold1' },
  { spec: { name: 'sand_traffic_email_treshold_2', kind: 'integer', doc: 'Usage threshold, %.' }, key: 'trafficEmailThreshold2' },
  { spec: { name: 'sand_traffic_disconnection_treshold', kind: 'integer', doc: 'Usage threshold, %.' }, key: 'trafficDisconnectionThreshold' },
  { spec: { name: 'sand_traffic_overage_treshold', kind: 'integer', doc: 'Usage threshold, %.' }, key: 'trafficOverageThreshold' },
  { spec: { name: 'sand_traffic_do_not_prorate', kind: 'text', values: ['-1', '1'], doc: '-1 prorate the cap in the first month, 1 do not, empty default.' }, key: 'trafficDoNotProrate' },
  { spec: { name: 'sand_traffic_do_not_carry_overage_over', kind: 'text', values: ['-1', '1'], doc: '-1 carry over overage top-ups, 1 do not, empty default.' }, key: 'trafficDoNotCarryOverage' },
  { spec: { name: 'sand_traffic_deferred_to', kind: 'euDate', doc: 'DD/MM/YYYY' }, key: 'trafficDeferredTo' },
];

const BILLING_PARAMS: ParamSpec[] = [
  { name: 'tax_zone', kind: 'integer', doc: 'Default tax zone id.' },
  { name: 'tax_mode', kind: 'text', values: ['default', 'fixed', 'multi'] },
  { name: 'tax_rate', kind: 'decimal' },
  { name: 'overage', kind: 'decimal' },
  { name: 'formula', kind: 'text' },
  { name: 'overageid', kind: 'integer' },
  { name: 'free_service', kind: 'boolean' },
  { name: 'invoicing_day', kind: 'integer' },
  { name: 'gpsx', kind: 'decimal', doc: 'Longitude.' },
  { name: 'gpsy', kind: 'decimal', doc: 'Latitude.' },
  { name: 'value_added_reseller', kind: 'integer', doc: 'VAR id.' },
  { name: 'master_agent', kind: 'integer', doc: 'Master agent id.' },
  { name: 'regional_sales_manager', kind: 'integer', doc: 'RSM id.' },
  { name: 'salesman', kind: 'integer', doc: 'Salesman id.' },
  { name: 'group', kind: 'integerList', doc: "Group id or comma-separated ids ('1,2,5'); replaces the membership." },
  { name: 'send_receipt', kind: 'boolean' },
];

const CUSTOM_FIELDS = [{ pattern: /^custom_field_(\d+)$/i, display: 'custom_field_<id>', doc: 'Value of the customer custom field <id>; empty clears it.', wsdlPrefix: 'custom_field_' }];

// ---------------------------------------------------------------- wire → service input

/** The service input for the account fields that were sent (absent stays absent, empty clears). */
function customerInputFrom(args: Args, v: Validation): CustomerInput {
  const text = (name: string) => clearable(args.text(name));
  const address = parseAddress(args.text('address'), 'address', v);
  const input: CustomerInput = {
    // sent empty, these are refused by the service (they cannot be removed)
    name: sentEmptyAs(args.text('name'), ''),
    nickname: trimmed(args.text('nickname')),
    invoicingId: trimmed(args.text('invoicingid')),
    initDate: args.text('init_date'),
    startDate: args.text('startdate'),
    installDate: args.text('installdate'),
    status: text('customerstatus'),
    customerTracking: text('customer_tracking'),
    billingFrequencyMonths: args.int('frequency'),
    invoicingEnabled: args.bool('invoicing_status'),
    voipEnabled: args.bool('voip'),
    ...address,
    ...installationAddress(parseAddress(args.text('iaddress'), 'iaddress', v)),
    country: text('country'),
    portalUsername: text('eup_username'),
    portalPassword: text('password'),
    accountType: toEnum(args.text('type')),
    marketingCode: text('marketingcode'),
    marketingEmails: args.bool('marketingemails'),
    installationArea: text('installation_area'),
    communityCode: text('community_code'),
    ...parseReference(args.text('reference')),
    referralFeeStatus: toEnum(args.text('referral_fee_status')),
    referralFeeAmount: args.text('referral_fee_amount'),
    note: text('note'),
    privateNote: text('privatenote'),
    importance: args.int('importance'),
    phone: text('phone_list_main'),
    fax: text('fax'),
    email: args.text('email'),
    accountsEmail: args.text('accounts_email'),
    supportEmail: args.text('support_email'),
    website: text('website'),
    contacts: parseContacts(args.text('contacts_list'), v),
    ...parseVatExemption(args.text('vat_exemption'), v),
    paymentMethod: toEnum(args.text('payment_method')),
    invoiceSendMethod: toEnum(args.text('send_method')),
    creditDays: args.int('credit'),
    setupFees: args.text('setup_fees'),
    folder: text('folder'),
    orderNumber: text('order_number'),
    gatewayId: args.int('gwid'),
    bucketId: args.int('bucketid'),
    monitor: toEnum(args.text('monitor'), MONITOR_WIRE),
    tcpPorts: text('tcp'),
    udpPorts: text('udp'),
    p2pAllowed: args.bool('p2p'),
    sites: text('sites'),
    ipType: toEnum(args.text('ip_type')),
    ipCount: args.int('ip_number'),
    connectionLimit: args.int('connLimit'),
    equipmentGraphs: args.bool('rssi'),
    autoProvisionNat: args.bool('nat'),
    autoProvisionRadiusCredentials: args.bool('auto_prov_radius_credentials'),
    autoProvisionActivateCpe: args.bool('auto_prov_activatecpe'),
    autoProvisionRadiusDynamicIp: args.bool('auto_prov_radius_dynamic_ip'),
    autoProvisionPppoe: args.bool('auto_prov_pppoe'),
    taxZoneId: args.int('tax_zone'),
    taxMode: toEnum(args.text('tax_mode')),
    taxRate: args.text('tax_rate'),
    overage: args.text('overage'),
    overageFormula: text('formula'),
    overageId: args.int('overageid'),
    freeService: args.bool('free_service'),
    invoicingDay: args.int('invoicing_day'),
    longitude: args.text('gpsx'),
    latitude: args.text('gpsy'),
    valueAddedResellerId: args.int('value_added_reseller'),
    masterAgentId: args.int('master_agent'),
    regionalSalesManagerId: args.int('regional_sales_manager'),
    salesmanId: args.int('salesman'),
    groupIds: args.ints('group'),
    sendReceipt: args.bool('send_receipt'),
    portalTermsAccepted: args.bool('cp_terms'),
    customFields: args.patterned.size ? [...args.patterned].map(([id, value]) => ({ fieldId: Number(id), value })) : undefined,
    sand: sandInputFrom(args),
  };
  // Only the parameters that were sent reach the service.
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as CustomerInput;
}

function sentEmptyAs(value: string | null | undefined, empty: string): string | undefined {
  return value === undefined ? undefined : (value ?? empty);
}

function trimmed(value: string | null | undefined): string | null | undefined {
  const v = clearable(value);
  return v == null ? v : v.trim();
}

function sandInputFrom(args: Args): SandSettingsInput | undefined {
  const sand: Record<string, unknown> = {};
  for (const { spec, key } of SAND_PARAMS) {
    if (!args.has(spec.name)) continue;
    if (spec.kind === 'integer') sand[key] = args.int(spec.name);
    else if (key === 'trafficDoNotProrate' || key === 'trafficDoNotCarryOverage') sand[key] = plusMinusOne(args.text(spec.name));
    else sand[key] = clearable(args.text(spec.name));
  }
  // modifyCustomer's `sand` is the invoice enforcement status.
  if (args.has('sand')) sand.invoiceStatus = clearable(args.text('sand'));
  return Object.keys(sand).length ? (sand as SandSettingsInput) : undefined;
}

function inputOrProblems(args: Args): CustomerInput {
  const v = new Validation();
  const input = customerInputFrom(args, v);
  v.throwIfAny();
  return input;
}

// ---------------------------------------------------------------- documents

type Leaf = string | number | null | undefined;

/** SIMPLer JSON values are strings; empty for null. */
function jsonOf(record: Record<string, Leaf>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, v == null ? '' : String(v)]));
}

/** The customer record in the fields (and names) of getCustomerData's REST example. */
function customerRecordFields(c: customerData.CustomerRecord): Record<string, Leaf> {
  return {
    id: c.id,
    name: c.name,
    nickname: c.nickname,
    invoicingid: c.invoicingId,
    type: fromEnum(c.accountType),
    status: c.status,
    customerstatus1: c.status,
    customerstatus2: c.subStatus,
    customerstatus3: null,
    customerstatus4: null,
    customerstatus5: null,
    customer_tracking: c.customerTracking,
    init_date: c.initDate,
    startdate: c.startDate,
    installdate: c.installDate,
    frequency: c.billingFrequencyMonths,
    street: c.street1,
    street2: c.street2,
    town: c.town,
    county: c.county,
    zip: c.postcode,
    state: c.state,
    country: c.country,
    installstreet: c.installStreet1,
    installstreet2: c.installStreet2,
    installtown: c.installTown,
    installcounty: c.installCounty,
    installzip: c.installPostcode,
    installstate: c.installState,
    gpsx: c.longitude,
    gpsy: c.latitude,
    phone: c.phone,
    fax: c.fax,
    email: c.email,
    accountsemail: c.accountsEmail,
    supportemail: c.supportEmail,
    website: c.website,
    note: c.note,
    vat_exemption: formatVatExemption(c),
    paymentmethod: fromEnum(c.paymentMethod),
    sendmethod: fromEnum(c.invoiceSendMethod),
    wibnumber: c.wibNumber,
    value_added_reseller_id: c.valueAddedResellerId,
    value_added_reseller: c.valueAddedResellerName,
    master_agent_id: c.masterAgentId,
    master_agent: c.masterAgentName,
    regional_sales_manager_id: c.regionalSalesManagerId,
    regional_sales_manager: c.regionalSalesManagerName,
    salesman_id: c.salesmanId,
    salesman: c.salesmanName,
  };
}

/** A section of getCustomerData: its XML element and its JSON under `key`. */
interface Section {
  key: string;
  xml: XmlElement;
  json: unknown;
}

async function customFieldsSection(ctx: OperationContext, id: number): Promise<Section> {
  const rows = await customerData.customFieldsOf(ctx, id);
  const records = rows.map((f) => ({ id: f.id, label: f.label, type: f.type, value: f.value }));
  return {
    key: 'customFields',
    xml: el('customFields', records.map(({ id: fieldId, ...rest }) => el('field', { id: fieldId }, fields(rest)))),
    json: records.map(jsonOf),
  };
}

function addBytes(a: string, b: string): string {
  return (BigInt(a) + BigInt(b)).toString();
}

async function usageSection(ctx: OperationContext, id: number): Promise<Section> {
  const u = await customerData.usageOf(ctx, id);
  const record = {
    sessions: u.sessions,
    open_sessions: u.openSessions,
    online_seconds: u.onlineSeconds,
    upload_bytes: u.uploadBytes,
    download_bytes: u.downloadBytes,
    total_bytes: addBytes(u.uploadBytes, u.downloadBytes),
    month_sessions: u.monthSessions,
    month_online_seconds: u.monthOnlineSeconds,
    month_upload_bytes: u.monthUploadBytes,
    month_download_bytes: u.monthDownloadBytes,
    month_total_bytes: addBytes(u.monthUploadBytes, u.monthDownloadBytes),
    first_session: u.firstSessionAt?.toISOString(),
    last_session: u.lastSessionAt?.toISOString(),
  };
  return { key: 'usage', xml: el('usage', fields(record)), json: jsonOf(record) };
}

async function statementSection(ctx: OperationContext, id: number): Promise<Section> {
  const s = await customerData.statementOf(ctx, id);
  const record = {
    invoices: s.invoiceCount,
    invoiced_total: s.invoicedTotal,
    paid_total: s.paidTotal,
    balance: s.balance,
    outstanding: s.outstanding,
    overdue: s.overdue,
    last_invoice_date: s.lastInvoiceDate,
    last_payment_date: s.lastPaymentDate,
  };
  return { key: 'statement', xml: el('statement', fields(record)), json: jsonOf(record) };
}

/** getCustomerData flags answered by another operation's document, and that operation. */
const EMBEDDED: [flag: string, operationName: string][] = [
  ['ip', 'getIPData'],
  ['cpe', 'getCPEData'],
  ['creditcard', 'getCreditCardData'],
  ['eft', 'getEFTData'],
  ['subscription', 'getActiveSubscriptionData'],
  ['maintenance', 'getMaintenanceData'],
  ['invoices', 'getInvoicesData'],
];

/**
 * Runs the named operation for this customer and embeds its document. Looked up at call time
 * (the catalogue imports this module); an operation not in the catalogue leaves its section out.
 */
async function embeddedSection(ctx: OperationContext, flag: string, operationName: string, id: number): Promise<Section | null> {
  const { findSimplerOperation } = await import('../catalogue');
  const op = findSimplerOperation(operationName);
  if (!op) return null;
  const result = await op.run(ctx, new Args(new Map([['customerid', id]]), new Map()));
  if (typeof result === 'string') return { key: flag, xml: el(flag, [result]), json: result };
  return { key: flag, xml: result.xml ?? el(flag, []), json: result.json };
}

// ---------------------------------------------------------------- operations

export const customerOperations: LegacyOperation[] = [
  operation({
    name: 'addCustomer',
    access: 'customers.write',
    summary: 'Adds a customer account.',
    params: [
      { name: 'name', kind: 'text', required: true },
      { name: 'nickname', kind: 'text', doc: 'Required unless generate_nickname_based_on_invoicing_id. Letters, digits and "_" only; a taken one gets a serial postfix.' },
      { name: 'invoicingid', kind: 'text', doc: 'Required unless use_invoicing_id_auto_generation_from_wisp_settings. A taken one gets a serial postfix.' },
      ...ACCOUNT_PARAMS.slice(0, 11),
      { name: 'eup_username', kind: 'text', doc: 'End-user-portal username (the invoicing id when not given).' },
      ...ACCOUNT_PARAMS.slice(11),
      ...SAND_PARAMS.map((s) => s.spec),
      ...BILLING_PARAMS.slice(0, 15),
      { name: 'cp_terms', kind: 'boolean', doc: "Portal terms accepted ('t' or 'f')." },
      ...BILLING_PARAMS.slice(15),
      { name: 'sendCCPassword', kind: 'boolean', doc: 'E-mail the customer its portal login (needs password and email).' },
      { name: 'use_invoicing_id_auto_generation_from_wisp_settings', kind: 'boolean', doc: "Take the invoicing id from the operator's sequence." },
      { name: 'generate_nickname_based_on_invoicing_id', kind: 'boolean', doc: 'Derive the nickname from the invoicing id.' },
    ],
    patternParams: CUSTOM_FIELDS,
    returns: 'OK:<customerid>',
    graphql: 'mutation customerCreate',
    notes:
      '`address` is the main (billing) address and `iaddress` the installation address (the document labels `address` "Installation Address", but ' +
      'getCustomerData shows `street…` and `installstreet…` for the two). `reference` of digits names the referring customer, other text is a ' +
      'free-text referee. `vat_exemption` = Yes:::<exemption reference>:::DD/MM/YYYY. `gpsx` is the longitude, `gpsy` the latitude. ' +
      '`sand_invoice_email_to` is not accepted yet (no column to keep it).',
    run: async (ctx, args) => {
      const row = await customerService.create(ctx, inputOrProblems(args), {
        nicknameFromInvoicingId: args.bool('generate_nickname_based_on_invoicing_id') ?? false,
        generateInvoicingId: args.bool('use_invoicing_id_auto_generation_from_wisp_settings') ?? false,
        sendPortalLogin: args.bool('sendCCPassword') ?? false,
      });
      return `OK:${row.id}`;
    },
  }),

  operation({
    name: 'modifyCustomer',
    access: 'customers.write',
    summary: "Changes the given fields of a customer account; others stay as they are.",
    params: [
      { name: 'customerid', kind: 'integer', required: true },
      { name: 'name', kind: 'text' },
      { name: 'nickname', kind: 'text', doc: 'Letters, digits and "_"; must not be in use by another customer.' },
      { name: 'invoicingid', kind: 'text', doc: 'Must not be in use by another customer.' },
      ...ACCOUNT_PARAMS,
      { name: 'sand', kind: 'text', values: SAND_STATUSES, doc: 'The invoice enforcement status (as sand_invoice_status).' },
      ...SAND_PARAMS.map((s) => s.spec),
      ...BILLING_PARAMS,
    ],
    patternParams: CUSTOM_FIELDS,
    returns: 'OK',
    graphql: 'mutation customerUpdate',
    notes:
      'Only the parameters sent change; an empty value clears an optional field (and is refused for fields that always hold a value, ' +
      'such as frequency or type). The document lists a bare `sand`: it sets the invoice enforcement status; the sand_* parameters of ' +
      'addCustomer are accepted too. Formats as for addCustomer.',
    run: async (ctx, args) => {
      await customerService.update(ctx, args.requiredInt('customerid'), inputOrProblems(args));
      return 'OK';
    },
  }),

  operation({
    name: 'deleteCustomer',
    access: 'customers.write',
    summary: 'Deletes a customer account that meets every deletion condition, with its RADIUS setup.',
    params: [
      { name: 'customerid', kind: 'integer', required: true },
      { name: 'deleteMaintenance', kind: 'boolean', doc: "Delete the customer's maintenance tickets with it (waives condition 6)." },
      { name: 'deleteSubscription', kind: 'boolean', doc: "Delete the customer's subscriptions with it (waives condition 2)." },
    ],
    returns: 'OK',
    graphql: 'mutation customerDelete',
    notes: 'A refusal names every failing condition by its number in the document, e.g. `ERROR: customer 5 cannot be deleted: 1. its status is \'current\'; 4. it has invoices`.',
    run: async (ctx, args) => {
      await customerService.remove(ctx, args.requiredInt('customerid'), {
        deleteMaintenance: args.bool('deleteMaintenance') ?? false,
        deleteSubscriptions: args.bool('deleteSubscription') ?? false,
      });
      return 'OK';
    },
  }),

  operation({
    name: 'searchCustomer',
    access: 'read',
    summary: 'Searches customer accounts; text fields match anywhere, ignoring case unless case_sensitive=1.',
    params: [
      { name: 'customerid', kind: 'integer' },
      { name: 'firstname', kind: 'text', doc: 'The name up to its first space.' },
      { name: 'lastname', kind: 'text', doc: 'The name after its first space.' },
      { name: 'nickname', kind: 'text' },
      { name: 'invoicingid', kind: 'text' },
      { name: 'email', kind: 'text' },
      { name: 'phone', kind: 'text' },
      { name: 'customerstatus', kind: 'text', doc: 'Exact status, e.g. current, post, potential.' },
      { name: 'street1', kind: 'text' },
      { name: 'street2', kind: 'text' },
      { name: 'city', kind: 'text' },
      { name: 'county', kind: 'text' },
      { name: 'postcode', kind: 'text' },
      { name: 'state', kind: 'text' },
      { name: 'country', kind: 'text' },
      { name: 'limit', kind: 'integer', doc: `Records per call, default ${customerService.SEARCH_DEFAULT_LIMIT}, at most ${customerService.SEARCH_MAX_LIMIT}.` },
      { name: 'offset', kind: 'integer', doc: 'Records to skip, default 0.' },
      { name: 'case_sensitive', kind: 'boolean', doc: '1: text matches are case-sensitive.' },
      { name: 'order', kind: 'text', values: customerService.SEARCH_ORDERS, doc: 'customerid (default), firstname or lastname.' },
    ],
    returns: '<customerSearchRoot> document',
    graphql: 'query customers',
    notes:
      `REST returns \`{ "customers": [ { "city", "country", "county", "customerid", "customerstatus", "email", "firstname", "lastname", "phone", ` +
      `"postcode", "state", "street1", "street2" } ], "case_sensitive": "0", "limit": "20", "offset": "0", "order": "customerid", "results": "307" }\` ` +
      `(results = all matches, not just this page). limit above ${customerService.SEARCH_MAX_LIMIT} is refused.`,
    run: async (ctx, args) => {
      const caseSensitive = args.bool('case_sensitive') ?? false;
      const id = args.int('customerid');
      const status = args.text('customerstatus');
      const filter: CustomerFilter = {
        ids: id != null ? [id] : undefined,
        firstName: args.text('firstname'),
        lastName: args.text('lastname'),
        nickname: args.text('nickname'),
        invoicingId: args.text('invoicingid'),
        email: args.text('email'),
        phone: args.text('phone'),
        status: status ? [status] : undefined,
        street1: args.text('street1'),
        street2: args.text('street2'),
        town: args.text('city'),
        county: args.text('county'),
        postcode: args.text('postcode'),
        state: args.text('state'),
        country: args.text('country'),
        caseSensitive,
      };
      const found = await customerService.search(ctx, filter, {
        limit: args.int('limit'),
        offset: args.int('offset'),
        order: args.text('order') as customerService.SearchOrder | null | undefined,
      });
      const records = found.rows.map((r) => ({
        id: r.id,
        fields: {
          city: r.town,
          country: r.country,
          county: r.county,
          customerid: r.id,
          customerstatus: r.status,
          email: r.email,
          firstname: r.firstName,
          lastname: r.lastName,
          phone: r.phone,
          postcode: r.postcode,
          state: r.state,
          street1: r.street1,
          street2: r.street2,
        } satisfies Record<string, Leaf>,
      }));
      const query = { limit: found.limit, offset: found.offset, order: found.order, results: found.total };
      const xml = el('customerSearchRoot', [
        el('case_sensitive', [caseSensitive ? '1' : '0']),
        ...records.map((r) => el('customer', { id: r.id }, fields(r.fields))),
        ...fields(query),
      ]);
      const json = { customers: records.map((r) => jsonOf(r.fields)), case_sensitive: caseSensitive ? '1' : '0', ...jsonOf(query) };
      return { xml, json };
    },
  }),

  operation({
    name: 'addCustomerNote',
    access: 'customers.write',
    summary: 'Adds a dated note to a customer account.',
    params: [
      { name: 'customerid', kind: 'integer', required: true },
      { name: 'note_title', kind: 'text', required: true },
      { name: 'note_text', kind: 'text', required: true },
    ],
    returns: 'OK',
    graphql: 'mutation customerNoteCreate',
    run: async (ctx, args) => {
      await noteService.add(ctx, { customerId: args.requiredInt('customerid'), title: args.requiredText('note_title'), text: args.requiredText('note_text') });
      return 'OK';
    },
  }),

  operation({
    name: 'getCustomerData',
    access: 'read',
    summary: "Returns a customer's record, optionally with its IPs, CPE, cards, EFT, subscriptions, tickets, invoices, usage, statement and custom fields.",
    params: [
      { name: 'customerid', kind: 'integer', required: true },
      { name: 'ip', kind: 'boolean', doc: '1: include IP details (getIPData).' },
      { name: 'cpe', kind: 'boolean', doc: '1: include CPE details (getCPEData).' },
      { name: 'creditcard', kind: 'boolean', doc: '1: include credit cards (getCreditCardData).' },
      { name: 'eft', kind: 'boolean', doc: '1: include EFT accounts (getEFTData).' },
      { name: 'subscription', kind: 'boolean', doc: '1: include active subscriptions (getActiveSubscriptionData).' },
      { name: 'maintenance', kind: 'boolean', doc: '1: include maintenance tickets (getMaintenanceData).' },
      { name: 'invoices', kind: 'boolean', doc: '1: include invoices (getInvoicesData).' },
      { name: 'usage', kind: 'boolean', doc: '1: include traffic usage from RADIUS accounting.' },
      { name: 'statement', kind: 'boolean', doc: '1: include the summary statement (invoiced, paid, balance).' },
      { name: 'customFields', kind: 'boolean', doc: '1: include custom field values.' },
    ],
    returns: '<customerDataRoot> document',
    graphql: 'query customer',
    notes:
      'XML: `<customerDataRoot><customer id="…">` with one leaf per field of the REST example (customerstatus1 = status, customerstatus2 = ' +
      'sub-status, 3-5 empty; gpsx = longitude, gpsy = latitude; wibnumber = the gateway\'s WIB number) `</customer>`, then one element per ' +
      'requested section: the root element of getIPData, getCPEData, getCreditCardData, getEFTData, getActiveSubscriptionData, ' +
      'getMaintenanceData, getInvoicesData as those operations return it, and `<usage>` (sessions, open_sessions, online_seconds, ' +
      'upload_bytes, download_bytes, total_bytes, the same for this month as month_*, first_session, last_session), `<statement>` ' +
      '(invoices, invoiced_total, paid_total, balance = invoiced − paid + refunded, outstanding, overdue, last_invoice_date, last_payment_date; void ' +
      'invoices excluded), `<customFields><field id="…"><label/><type/><value/></field></customFields>`. REST: `{ "customer": {…}, "ip": …, ' +
      '"cpe": …, "creditcard": …, "eft": …, "subscription": …, "maintenance": …, "invoices": …, "usage": {…}, "statement": {…}, ' +
      '"customFields": [ { "id", "label", "type", "value" } ] }` with only the requested keys.',
    run: async (ctx, args) => {
      const id = args.requiredInt('customerid');
      const record = customerRecordFields(await customerData.record(ctx, id));
      const sections: Section[] = [];
      for (const [flag, operationName] of EMBEDDED) {
        if (!args.bool(flag)) continue;
        const section = await embeddedSection(ctx, flag, operationName, id);
        if (section) sections.push(section);
      }
      if (args.bool('usage')) sections.push(await usageSection(ctx, id));
      if (args.bool('statement')) sections.push(await statementSection(ctx, id));
      if (args.bool('customFields')) sections.push(await customFieldsSection(ctx, id));
      const xml = el('customerDataRoot', [el('customer', { id }, fields(record)), ...sections.map((s) => s.xml)]);
      const json = { customer: jsonOf(record), ...Object.fromEntries(sections.map((s) => [s.key, s.json])) };
      return { xml, json };
    },
  }),
];
