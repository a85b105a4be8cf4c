/**
 * The Kolmisoft M4 operations: thin adapters from the wire parameters to the services and from
 * the service result to the documented XML.
 */
import { splitName } from '../../customers/customer.rules';
import { userDetails, type UserDetails } from '../../customers/user-details.service';
import { operation, type LegacyOperation } from '../catalog/operation';
import { el, fields, type XmlNode } from '../xml/write';

/**
 * The `<user>` fields of user_details_raw_get, in the document's order. The document leaves out
 * two_fa_authenticator_secret, password and uniquehash, and so does this list.
 */
export const USER_DETAIL_FIELDS = [
  'id', 'username', 'usertype', 'logged', 'first_name', 'last_name', 'calltime_normative', 'show_in_realtime_stats',
  'balance', 'frozen_balance', 'lcr_id', 'postpaid', 'blocked', 'tariff_id', 'month_plan_perc', 'month_plan_updated',
  'sales_this_month', 'sales_this_month_planned', 'show_billing_info', 'primary_device_id', 'credit', 'clientid',
  'agreement_number', 'agreement_date', 'language', 'taxation_country', 'vat_number', 'vat_percent', 'address_id',
  'accounting_number', 'owner_id', 'hidden', 'allow_loss_calls', 'vouchers_disabled_till', 'temporary_id',
  'send_invoice_types', 'call_limit', 'sms_tariff_id', 'sms_lcr_id', 'sms_service_active', 'cyberplat_active',
  'call_center_agent', 'generate_invoice', 'tax_1', 'tax_2', 'tax_3', 'tax_4', 'block_at', 'block_at_conditional',
  'block_conditional_use', 'recording_enabled', 'recording_forced_enabled', 'recordings_email', 'recording_hdd_quota',
  'warning_email_active', 'warning_email_balance', 'warning_email_sent', 'tax_id', 'invoice_zero_calls', 'acc_group_id',
  'hide_destination_end', 'warning_email_hour', 'warning_balance_call', 'warning_balance_sound_file_id', 'own_providers',
  'currency_id', 'quickforwards_rule_id', 'spy_device_id', 'time_zone', 'minimal_charge', 'minimal_charge_start_at',
  'webphone_allow_use', 'webphone_device_id', 'responsible_accountant_id', 'blacklist_enabled', 'blacklist_lcr',
  'routing_threshold', 'pbx_pool_id', 'hide_non_answered_calls', 'balance_min', 'balance_max', 'routing_threshold_2',
  'blacklist_lcr_2', 'routing_threshold_3', 'blacklist_lcr_3', 'main_email', 'noc_email', 'billing_email', 'rates_email',
  'warning_email_balance_admin', 'warning_email_balance_manager', 'billing_period', 'invoice_grace_period',
  'warning_email_sent_admin', 'warning_email_sent_manager', 'comment', 'warning_balance_increases', 'ignore_global_alerts',
  'manager_group_id', 'phone', 'enable_static_list', 'static_list_id', 'enable_static_source_list', 'static_source_list_id',
  'generate_invoice_manually', 'show_hangupcause', 'max_call_rate', 'password_changed_at', 'show_only_assigned_users',
  'billing_dynamic_from', 'billing_dynamic_days', 'billing_run_at', 'send_warning_balance_sms',
  'billing_dynamic_generation_time', 'generate_prepaid_invoice', 'web_address', 'price_protection', 'min_rate_margin',
  'min_rate_margin_percent', 'digits_used_for_price', 'digits_rounding_method', 'user_status', 'changes_present',
  'enforce_daily_limit', 'daily_spend_limit_reached', 'daily_spend_warning_reached', 'daily_spend_warning_email_sent',
  'daily_spend_limit', 'daily_spend_warning', 'kill_calls_in_progress', 'show_daily_limit', 'allow_customer_to_edit',
  'daily_spend_limit_last_reset_at', 'kill_calls_in_progress_flag', 'allow_paypal', 'paypal_need_approval',
  'paypal_credit_selection', 'paypal_fee_selection', 'paypal_charge_fee_on_entered_amount',
  'paypal_charge_fee_on_net_amount', 'paypal_do_not_send_confirmation_email', 'rate_notification_template_id',
  'two_fa_enabled', 'hide_financial_data_in_quick_stats', 'round_call_price_in_cdr', 'show_calls_statistics_for_last_days',
  'time_format', 'show_quick_stats', 'two_fa_authentication_method', 'two_fa_authenticator_verified',
  'two_fa_authenticator_last_otp_at',
] as const;

type UserDetailField = (typeof USER_DETAIL_FIELDS)[number];

/** Access states in which the operator has withdrawn the service (M4 "blocked"). */
const BLOCKED_STATES = ['blocked', 'blacklisted', 'suspended'];

/** M4's billing_period words for the usual invoicing frequencies. */
const BILLING_PERIODS: Record<number, string> = { 1: 'monthly', 2: 'bimonthly', 3: 'quarterly', 6: 'halfyearly', 12: 'yearly' };

const flag = (value: boolean) => (value ? 1 : 0);

/** The subscriber's counterpart of each M4 field; fields the model has no counterpart for stay empty. */
export function userDetailValues(details: UserDetails): Partial<Record<UserDetailField, XmlNode>> {
  const c = details.customer;
  const { firstName, lastName } = splitName(c.name);
  return {
    id: c.id,
    username: details.login,
    usertype: 'user',
    first_name: firstName,
    last_name: lastName,
    balance: details.credit,
    blocked: flag(BLOCKED_STATES.includes(c.accessState)),
    tariff_id: c.servicePlanId,
    clientid: c.invoicingId,
    agreement_date: c.startDate,
    taxation_country: c.country,
    vat_percent: c.vatExempt ? '0' : c.taxRate,
    owner_id: c.resellerId,
    hidden: flag(c.accessState === 'deleted'),
    generate_invoice: flag(c.invoicingEnabled),
    time_zone: c.timezone,
    responsible_accountant_id: details.managerStaffId,
    main_email: c.email,
    noc_email: c.supportEmail,
    billing_email: c.accountsEmail,
    billing_period: BILLING_PERIODS[c.billingFrequencyMonths] ?? `${c.billingFrequencyMonths} months`,
    invoice_grace_period: c.creditDays,
    comment: c.note,
    phone: c.phone,
    web_address: c.website,
    user_status: c.accessState,
  };
}

const userDetailsRawGet = operation({
  name: 'user_details_raw_get',
  access: 'read',
  summary: 'Raw details of one user (subscriber), for an admin or a manager.',
  params: [{ name: 'user_id', kind: 'integer', required: true, doc: 'The ID of the user (customer) to show. Included in the hash after u.' }],
  returns: '<page><status><user>…</user></status></page>',
  graphql: 'query customer(legacyId:)',
  routes: [
    { method: 'GET', path: '/billing/api/user_details_raw_get' },
    { method: 'POST', path: '/billing/api/user_details_raw_get' },
    { method: 'GET', path: '/api/user_details_raw_get' },
    { method: 'POST', path: '/api/user_details_raw_get' },
  ],
  notes:
    '`hash` = SHA1(u + user_id + API secret), lower- or upper-case hex, compared in constant time. `u` is a staff user (admin, or ' +
    'manager: with "show only assigned users" only customers assigned to them for management); the user is a customer of that ' +
    'operator. "Own account" = the customer whose login (portal username, else invoicing id) is the staff username or whose ' +
    'e-mail is the staff user\'s: refused with "You are not authorized to view this page", as are unassigned customers. ' +
    'Unknown/inactive `u` or another role: "Access Denied"; an operator without an M4 secret counts as "API Requests are disabled". ' +
    'Mapped fields: id, username (portal login), usertype `user`, first_name/last_name (name split at the first space), balance ' +
    '(paid − invoiced, positive in credit), blocked (blocked/blacklisted/suspended), tariff_id (service plan), clientid (invoicing ' +
    'id), agreement_date (start date), taxation_country, vat_percent, owner_id (reseller), hidden (deleted), generate_invoice, ' +
    'time_zone, responsible_accountant_id (assigned manager), main/noc/billing_email, billing_period, invoice_grace_period ' +
    '(credit days), comment (note), phone, web_address, user_status (access state); all others empty. Mended: the document\'s ' +
    '`<routing_threshold>.../routing_threshold>` is a well-formed element; errors are `<page><status><error>` (the document ' +
    'shows the `<status>` fragment). Bad parameters (after a valid hash) answer `<error>` with the validation message.',
  async run(ctx, args) {
    const details = await userDetails(ctx, args.requiredInt('user_id'));
    const values = userDetailValues(details);
    const user = fields(Object.fromEntries(USER_DETAIL_FIELDS.map((name) => [name, values[name] ?? null])));
    return { xml: el('page', [el('status', [el('user', user)])]) };
  },
});

export const m4Operations: readonly LegacyOperation[] = [userDetailsRawGet];
