import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  smallint,
  text,
  uniqueIndex,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { createdAt, idColumn, latitude, longitude, money, operatorColumn, rate, timestamptz, updatedAt } from '../db/columns';
import { plans } from '../catalog/plan.table';
import { buckets } from '../catalog/bucket.table';
import { taxZones } from '../catalog/tax-zone.table';
import { gateways } from '../network/gateway.table';
import { resellers } from '../resellers/reseller.table';
import { areas } from '../locations/area.table';
import { streets } from '../locations/street.table';
import { buildings } from '../locations/building.table';
import { communityCodes } from './community-code.table';
import { salesPeople } from './sales-person.table';

/**
 * Whether the subscriber may use the service right now (Jaze's user "status"). Distinct from
 * `status`, the operator-defined sales/lifecycle status of SIMPLer (potential, current, post…):
 * a `current` customer can be `suspended` for non-payment.
 */
export const accessState = pgEnum('access_state', [
  'active',
  'pending',
  'pending_approval',
  'rejected',
  'expired',
  'blocked',
  'blacklisted',
  'suspended',
  'terminated',
  'deleted',
]);

export const accountType = pgEnum('customer_account_type', [
  'customer_business',
  'customer_home',
  'reseller',
  'partner',
  'supplier',
  'competitor',
  'gov',
]);

export const paymentMethod = pgEnum('payment_method', [
  'cash',
  'cheque',
  'credit_card',
  'debit_card',
  'direct_debit',
  'online_transfer',
  'standing_order',
]);

export const invoiceSendMethod = pgEnum('invoice_send_method', ['mail', 'pdf', 'both', 'none']);
export const referralFeeStatus = pgEnum('referral_fee_status', ['no_fee', 'due', 'pre_paid', 'paid']);
export const monitorMode = pgEnum('monitor_mode', ['monitor', 'no_monitor', 'monitor_sms', 'monitor_no_alert']);
export const ipType = pgEnum('ip_type', ['public', 'private']);
export const taxMode = pgEnum('tax_mode', ['default', 'fixed', 'multi']);

/**
 * The subscriber: one row that SIMPLer calls a customer, Jaze a user and M4 a user.
 * Column groups follow SIMPLer's addCustomer attribute list; the "sand" (automatic invoice and
 * traffic enforcement) settings live in customer_sand_settings, contacts in customer_contacts.
 */
export const customers = pgTable(
  'customers',
  {
    id: idColumn(),
    operatorId: operatorColumn(),

    // identity
    name: text().notNull(),
    /** Unique per operator; only letters, digits and "_" (SIMPLer nickname rules). */
    nickname: text().notNull(),
    /** Unique per operator; also the default end-user-portal login. */
    invoicingId: text().notNull(),
    companyName: text(),
    accountType: accountType().notNull().default('customer_home'),
    /** Operator-defined lifecycle status, one of customer_statuses.name for the operator. */
    status: text().notNull().default('potential'),
    subStatus: text(),
    accessState: accessState().notNull().default('active'),
    customerTracking: text(),
    importance: smallint(),
    folder: text(),
    orderNumber: text(),
    note: text(),
    privateNote: text(),
    timezone: text(),

    // dates
    initDate: date(),
    startDate: date(),
    installDate: date(),
    /** Service validity (Jaze activationTime / expirationTime). */
    activatedAt: timestamptz(),
    expiresAt: timestamptz(),
    /** Usage counts from here on (a plan move with clearDataUsage); null: from the billing cycle start. */
    usageResetAt: timestamptz(),

    // contact
    phone: text(),
    altPhone: text(),
    fax: text(),
    email: text(),
    accountsEmail: text(),
    supportEmail: text(),
    website: text(),

    // main (billing) address
    street1: text(),
    street2: text(),
    town: text(),
    county: text(),
    postcode: text(),
    state: text(),
    country: text(),
    // installation address
    installStreet1: text(),
    installStreet2: text(),
    installTown: text(),
    installCounty: text(),
    installPostcode: text(),
    installState: text(),
    installationArea: text(),
    latitude: latitude(),
    longitude: longitude(),
    areaId: integer().references(() => areas.id, { onDelete: 'set null' }),
    streetId: integer().references(() => streets.id, { onDelete: 'set null' }),
    buildingId: integer().references(() => buildings.id, { onDelete: 'set null' }),

    // end-user portal
    portalUsername: text(),
    /** scrypt hash; the portal password is never stored or returned in clear. */
    portalPasswordHash: text(),
    portalTermsAccepted: boolean().notNull().default(false),

    // marketing and sales hierarchy
    marketingCode: text(),
    marketingEmails: boolean().notNull().default(false),
    communityCodeId: integer().references(() => communityCodes.id, { onDelete: 'set null' }),
    /** Free-text referee in the historical referencing system. */
    referenceText: text(),
    referrerCustomerId: integer().references((): AnyPgColumn => customers.id, { onDelete: 'set null' }),
    referralFeeStatus: referralFeeStatus(),
    referralFeeAmount: money(),
    resellerId: integer().references(() => resellers.id, { onDelete: 'restrict' }),
    valueAddedResellerId: integer().references(() => salesPeople.id, { onDelete: 'set null' }),
    masterAgentId: integer().references(() => salesPeople.id, { onDelete: 'set null' }),
    regionalSalesManagerId: integer().references(() => salesPeople.id, { onDelete: 'set null' }),
    salesmanId: integer().references(() => salesPeople.id, { onDelete: 'set null' }),

    // billing
    invoicingEnabled: boolean().notNull().default(true),
    billingFrequencyMonths: smallint().notNull().default(1),
    invoicingDay: smallint(),
    paymentMethod: paymentMethod(),
    invoiceSendMethod: invoiceSendMethod().notNull().default('pdf'),
    sendReceipt: boolean().notNull().default(false),
    creditDays: integer(),
    setupFees: money(),
    vatExempt: boolean().notNull().default(false),
    vatExemptionReference: text(),
    vatExemptionDate: date(),
    taxZoneId: integer().references(() => taxZones.id, { onDelete: 'set null' }),
    taxMode: taxMode(),
    taxRate: rate(),
    overage: money(),
    overageFormula: text(),
    overageId: integer(),
    freeService: boolean().notNull().default(false),

    // service and provisioning
    /** The plan (Jaze group) the subscriber is on now; subscriptions carry what is billed. */
    servicePlanId: integer().references(() => plans.id, { onDelete: 'restrict' }),
    bucketId: integer().references(() => buckets.id, { onDelete: 'set null' }),
    gatewayId: integer().references(() => gateways.id, { onDelete: 'set null' }),
    voipEnabled: boolean().notNull().default(false),
    monitor: monitorMode(),
    tcpPorts: text(),
    udpPorts: text(),
    p2pAllowed: boolean(),
    sites: text(),
    ipType: ipType(),
    ipCount: smallint(),
    connectionLimit: integer(),
    equipmentGraphs: boolean().notNull().default(false),
    autoProvisionNat: boolean().notNull().default(false),
    autoProvisionRadiusCredentials: boolean().notNull().default(false),
    autoProvisionActivateCpe: boolean().notNull().default(false),
    autoProvisionRadiusDynamicIp: boolean().notNull().default(false),
    autoProvisionPppoe: boolean().notNull().default(false),

    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('customers_operator_nickname_key').on(t.operatorId, t.nickname),
    uniqueIndex('customers_operator_invoicing_id_key').on(t.operatorId, t.invoicingId),
    uniqueIndex('customers_operator_portal_username_key').on(t.operatorId, t.portalUsername),
    check('customers_nickname_check', sql`${t.nickname} ~ '^[A-Za-z0-9_]+$'`),
    check('customers_importance_check', sql`${t.importance} between 1 and 5`),
    check('customers_billing_frequency_check', sql`${t.billingFrequencyMonths} > 0`),
    // searchCustomer / Jaze look-ups: case-insensitive matches use lower(...) indexes.
    index('customers_operator_lower_name_idx').on(t.operatorId, sql`lower(${t.name})`),
    index('customers_operator_lower_email_idx').on(t.operatorId, sql`lower(${t.email})`),
    index('customers_operator_phone_idx').on(t.operatorId, t.phone),
    index('customers_operator_status_idx').on(t.operatorId, t.status),
    // Lists ordered by name (the customers connection's NAME order, a frontend's default) read
    // this index in order and stop after a page instead of sorting every customer.
    index('customers_operator_name_id_idx').on(t.operatorId, t.name, t.id),
    index('customers_operator_access_state_idx').on(t.operatorId, t.accessState),
    index('customers_operator_postcode_idx').on(t.operatorId, t.postcode),
    index('customers_operator_updated_idx').on(t.operatorId, t.updatedAt),
    index('customers_operator_created_idx').on(t.operatorId, t.createdAt),
    index('customers_operator_service_plan_idx').on(t.operatorId, t.servicePlanId),
    index('customers_service_plan_idx').on(t.servicePlanId),
    index('customers_reseller_idx').on(t.resellerId),
    index('customers_referrer_idx').on(t.referrerCustomerId),
    index('customers_community_code_idx').on(t.communityCodeId),
    index('customers_area_idx').on(t.areaId),
    index('customers_street_idx').on(t.streetId),
    index('customers_building_idx').on(t.buildingId),
    index('customers_tax_zone_idx').on(t.taxZoneId),
    index('customers_bucket_idx').on(t.bucketId),
    index('customers_gateway_idx').on(t.gatewayId),
    index('customers_value_added_reseller_idx').on(t.valueAddedResellerId),
    index('customers_master_agent_idx').on(t.masterAgentId),
    index('customers_regional_sales_manager_idx').on(t.regionalSalesManagerId),
    index('customers_salesman_idx').on(t.salesmanId),
  ],
);
