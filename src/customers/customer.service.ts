/**
 * Customers: the rules for creating, changing, finding and deleting subscriber accounts.
 * Every surface (GraphQL, SOAP, the REST dialects) calls these functions; none of them
 * re-implements a rule. Writes validate first, then run in one transaction with their audit
 * entry, so bad input changes nothing.
 */
import { and, eq, gte, inArray, isNull, lte, not, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable, TableConfig } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/client';
import { listCount, listPage, type PageArgs, type SortKey, sortKeyOf } from '../db/pagination';
import { containsText } from '../db/text-match';
import { uniqueViolation } from '../shared/db-errors';
import { audit } from '../shared/audit';
import type { ServiceContext } from '../shared/context';
import { ConflictError, NotFoundError, PreconditionFailedError, Validation } from '../shared/errors';
import { hashPassword } from '../shared/secrets';
import { updatedWithin } from '../sync/updated-range';
import { operators } from '../tenancy/operator.table';
import { plans } from '../catalog/plan.table';
import { buckets } from '../catalog/bucket.table';
import { taxZones } from '../catalog/tax-zone.table';
import { gateways } from '../network/gateway.table';
import { resellers } from '../resellers/reseller.table';
import { areas } from '../locations/area.table';
import { streets } from '../locations/street.table';
import { buildings } from '../locations/building.table';
import { subscriptions } from '../billing/subscription.table';
import { invoices } from '../billing/invoice.table';
import { payments } from '../billing/payment.table';
import { creditCards } from '../billing/credit-card.table';
import { bankAccounts } from '../billing/bank-account.table';
import { billingIssues } from '../billing/billing-issue.table';
import { customerIps } from '../network/customer-ip.table';
import { isIpAddress, normalizeMac } from '../network/net-rules';
import { customerOnlineSql } from '../radius/online';
import { customerHasIp, customerHasMac, customerHasRadiusUsername } from './customer-lookup';
import { cpes } from '../network/cpe.table';
import { salesmanTasks } from '../support/salesman-task.table';
import { maintenanceTickets } from '../support/maintenance-ticket.table';
import { attachments } from '../support/attachment.table';
import { customers } from './customer.table';
import { customerContacts } from './contact.table';
import { customerGroupMembers, customerGroups } from './group.table';
import { customerStatuses, customerSubStatuses } from './status.table';
import { communityCodes } from './community-code.table';
import { salesPeople } from './sales-person.table';
import { serviceAccounts } from './service-account.table';
import { customFields, customFieldValues } from './custom-field.table';
import { EMAIL_PATTERN, MAX_TEXT, NICKNAME_PATTERN, withSerialPostfix } from './customer.rules';
import { setFields } from '../shared/patch';
import { sendPasswordRecovery } from '../support/message.service';
import { validateSand, writeSand, type SandSettingsInput } from './sand-settings.service';
import { authorize } from '../tenancy/permissions';

export type CustomerRow = typeof customers.$inferSelect;
type Nullable<T> = { [K in keyof T]?: T[K] | null };
type CustomerColumns = Omit<typeof customers.$inferInsert, 'id' | 'operatorId' | 'createdAt' | 'updatedAt' | 'portalPasswordHash'>;

export interface ContactInput {
  name: string;
  phone?: string | null;
  role?: string | null;
  email?: string | null;
}

/**
 * Everything a caller may set on a customer; `undefined` leaves a field as it is, null clears it
 * (refused for the columns that always hold a value).
 */
export interface CustomerInput extends Nullable<CustomerColumns> {
  /** End-user-portal password in clear; stored only as a hash. */
  portalPassword?: string | null;
  /** Replaces the additional contacts. */
  contacts?: ContactInput[] | null;
  /** Replaces group membership. */
  groupIds?: number[] | null;
  /** Sets (or, with null, clears) custom field values by field id. */
  customFields?: { fieldId: number; value: string | null }[] | null;
  /** The community code by its text (SIMPLer `community_code`); resolved to `communityCodeId`, null clears. */
  communityCode?: string | null;
  /** Automatic invoice/traffic enforcement settings (SIMPLer sand_*); null fields go back to the default. */
  sand?: SandSettingsInput | null;
}

export interface CreateOptions {
  /** SIMPLer `generate_nickname_based_on_invoicing_id`. */
  nicknameFromInvoicingId?: boolean;
  /** SIMPLer `use_invoicing_id_auto_generation_from_wisp_settings`. */
  generateInvoicingId?: boolean;
  /** SIMPLer `sendCCPassword`: e-mail the customer its portal login once the account exists. */
  sendPortalLogin?: boolean;
}

export interface DeleteOptions {
  /** Delete the customer's maintenance tickets with it (SIMPLer deleteMaintenance). */
  deleteMaintenance?: boolean;
  /** Delete the customer's subscriptions with it (SIMPLer deleteSubscription). */
  deleteSubscriptions?: boolean;
}

// ---------------------------------------------------------------- reading

export async function findById(db: Executor, operatorId: number, id: number): Promise<CustomerRow | null> {
  const [row] = await db.select().from(customers).where(and(eq(customers.operatorId, operatorId), eq(customers.id, id)));
  return row ?? null;
}

export async function getById(ctx: ServiceContext, id: number): Promise<CustomerRow> {
  const row = await findById(ctx.db, ctx.actor.operatorId, id);
  if (!row) throw new NotFoundError('customer', id, ['customerId']);
  return row;
}

/** Rows for many ids at once (for loaders), scoped to the operator. */
export async function findByIds(db: Executor, operatorId: number, ids: readonly number[]): Promise<CustomerRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(customers).where(and(eq(customers.operatorId, operatorId), inArray(customers.id, [...ids])));
}

/** The filters every customer search offers (SIMPLer searchCustomer, Jaze look-ups). */
export interface CustomerFilter {
  ids?: number[] | null;
  name?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  nickname?: string | null;
  invoicingId?: string | null;
  email?: string | null;
  phone?: string | null;
  status?: string[] | null;
  accessState?: CustomerRow['accessState'][] | null;
  street1?: string | null;
  street2?: string | null;
  town?: string | null;
  county?: string | null;
  postcode?: string | null;
  state?: string | null;
  country?: string | null;
  resellerId?: number | null;
  servicePlanId?: number | null;
  createdFrom?: Date | null;
  createdTo?: Date | null;
  updatedFrom?: Date | null;
  updatedTo?: Date | null;
  /** An address bound to the customer or held by one of its open sessions (customer-lookup.ts). */
  ipAddress?: string | null;
  /** A MAC bound to the customer or calling from one of its open sessions, any notation. */
  macAddress?: string | null;
  /** One of the customer's RADIUS logins, exactly. */
  radiusUsername?: string | null;
  /** Whether a RADIUS session of the customer is open (radius/online.ts). */
  online?: boolean | null;
  /** Text filters and statuses match anywhere in the field; false (default) ignores case. */
  caseSensitive?: boolean | null;
}

/** The name split at its first space, as SIMPLer's searchCustomer reads first and last names. */
const FIRST_NAME = sql<string>`split_part(trim(${customers.name}), ' ', 1)`;
const LAST_NAME = sql<string>`trim(substr(trim(${customers.name}), length(split_part(trim(${customers.name}), ' ', 1)) + 1))`;

/**
 * The customer's status is `value` ignoring case: one of the operator's statuses that equals it
 * ignoring case, or `value` itself (a status stored before it was configured). The statuses are
 * looked up once per statement (an init plan over the operator's dozen statuses) and the
 * customers matched by plain equality, so the filter uses the (operator_id, status) index and
 * the column's own statistics. `lower(status) = lower(value)` on every customer row was twice
 * the database time of SIMPLer searchCustomer's count (lower() per row is costly), and ILIKE
 * makes PostgreSQL plan a prepared statement anew on every execution.
 */
function hasStatusIgnoringCase(operatorId: number, value: string): SQL {
  return sql`${customers.status} = any(array(select ${customerStatuses.name} from ${customerStatuses} where ${customerStatuses.operatorId} = ${operatorId} and lower(${customerStatuses.name}) = lower(${value}) union select ${value}::text))`;
}

export function customerConditions(operatorId: number, filter: CustomerFilter = {}): SQL {
  const cs = filter.caseSensitive ?? false;
  const conditions: (SQL | undefined)[] = [eq(customers.operatorId, operatorId)];
  const text: [PgColumn | SQL, string | null | undefined][] = [
    [customers.name, filter.name],
    [FIRST_NAME, filter.firstName],
    [LAST_NAME, filter.lastName],
    [customers.nickname, filter.nickname],
    [customers.invoicingId, filter.invoicingId],
    [customers.email, filter.email],
    [customers.phone, filter.phone],
    [customers.street1, filter.street1],
    [customers.street2, filter.street2],
    [customers.town, filter.town],
    [customers.county, filter.county],
    [customers.postcode, filter.postcode],
    [customers.state, filter.state],
    [customers.country, filter.country],
  ];
  for (const [column, value] of text) if (value) conditions.push(containsText(column, value, cs));
  if (filter.ids?.length) conditions.push(inArray(customers.id, filter.ids));
  if (filter.status?.length) {
    // Statuses are the operator's own words (`current`, `post`); callers write them as people do.
    conditions.push(cs ? inArray(customers.status, filter.status) : or(...filter.status.map((s) => hasStatusIgnoringCase(operatorId, s)))!);
  }
  if (filter.ipAddress || filter.macAddress) {
    const v = new Validation();
    if (filter.ipAddress && !isIpAddress(filter.ipAddress)) v.add('ipAddress', `"${filter.ipAddress}" is not a valid IP address`);
    if (filter.macAddress && !normalizeMac(filter.macAddress)) v.add('macAddress', `"${filter.macAddress}" is not a MAC address`);
    v.throwIfAny();
  }
  if (filter.ipAddress) conditions.push(customerHasIp(filter.ipAddress));
  if (filter.macAddress) conditions.push(customerHasMac(normalizeMac(filter.macAddress)!));
  if (filter.radiusUsername) conditions.push(customerHasRadiusUsername(filter.radiusUsername));
  if (filter.online != null) conditions.push(filter.online ? customerOnlineSql() : not(customerOnlineSql()));
  if (filter.accessState?.length) conditions.push(inArray(customers.accessState, filter.accessState));
  if (filter.resellerId != null) conditions.push(eq(customers.resellerId, filter.resellerId));
  if (filter.servicePlanId != null) conditions.push(eq(customers.servicePlanId, filter.servicePlanId));
  if (filter.createdFrom) conditions.push(gte(customers.createdAt, filter.createdFrom));
  if (filter.createdTo) conditions.push(lte(customers.createdAt, filter.createdTo));
  conditions.push(...updatedWithin(customers.updatedAt, filter));
  return and(...conditions)!;
}

export const CUSTOMER_SORTS = {
  ID: customers.id,
  NAME: customers.name,
  NICKNAME: customers.nickname,
  CREATED_AT: customers.createdAt,
  UPDATED_AT: customers.updatedAt,
} as const;
export type CustomerSortField = keyof typeof CUSTOMER_SORTS;

export function customerSort(field: CustomerSortField = 'ID', direction: 'asc' | 'desc' = 'asc'): SortKey {
  return sortKeyOf(CUSTOMER_SORTS, field, direction);
}

export async function list(ctx: ServiceContext, filter: CustomerFilter, sort: SortKey, page: PageArgs) {
  const where = customerConditions(ctx.actor.operatorId, filter);
  return {
    page: await listPage(ctx.db, { table: customers, idColumn: customers.id, where, sort }, page),
    count: () => listCount(ctx.db, customers, where),
  };
}

/** SIMPLer searchCustomer: offset paging with a documented default of 20; above this a caller should page. */
export const SEARCH_DEFAULT_LIMIT = 20;
export const SEARCH_MAX_LIMIT = 1000;
export const SEARCH_ORDERS = ['customerid', 'firstname', 'lastname'] as const;
export type SearchOrder = (typeof SEARCH_ORDERS)[number];

export interface SearchPaging {
  limit?: number | null;
  offset?: number | null;
  order?: SearchOrder | null;
}

/** The fields a search result shows (SIMPLer customerSearchRoot). */
export interface SearchRow {
  id: number;
  firstName: string;
  lastName: string;
  status: string;
  email: string | null;
  phone: string | null;
  street1: string | null;
  street2: string | null;
  town: string | null;
  county: string | null;
  postcode: string | null;
  state: string | null;
  country: string | null;
}

const SEARCH_SORT: Record<SearchOrder, SQL[]> = {
  customerid: [sql`${customers.id}`],
  firstname: [FIRST_NAME, sql`${customers.id}`],
  lastname: [LAST_NAME, sql`${customers.id}`],
};

/**
 * One page of matching customers and how many match in all: two statements, only the columns
 * shown. Text filters match anywhere in the field, ignoring case unless `caseSensitive`.
 */
export async function search(ctx: ServiceContext, filter: CustomerFilter, paging: SearchPaging = {}) {
  const limit = paging.limit ?? SEARCH_DEFAULT_LIMIT;
  const offset = paging.offset ?? 0;
  const order = paging.order ?? 'customerid';
  const v = new Validation();
  if (limit < 1 || limit > SEARCH_MAX_LIMIT) v.add('limit', `limit must be from 1 to ${SEARCH_MAX_LIMIT} (page with offset for more)`);
  if (offset < 0) v.add('offset', 'offset must be 0 or more');
  v.throwIfAny();
  const where = customerConditions(ctx.actor.operatorId, filter);
  const rows: SearchRow[] = await ctx.db
    .select({
      id: customers.id,
      firstName: FIRST_NAME,
      lastName: LAST_NAME,
      status: customers.status,
      email: customers.email,
      phone: customers.phone,
      street1: customers.street1,
      street2: customers.street2,
      town: customers.town,
      county: customers.county,
      postcode: customers.postcode,
      state: customers.state,
      country: customers.country,
    })
    .from(customers)
    .where(where)
    .orderBy(...SEARCH_SORT[order])
    .limit(limit)
    .offset(offset);
  const total = await ctx.db.$count(customers, where);
  return { rows, total, limit, offset, order };
}

// ---------------------------------------------------------------- writing

const TEXT_FIELDS: (keyof CustomerColumns)[] = ['name', 'nickname', 'invoicingId', 'companyName', 'phone', 'email', 'street1', 'town', 'note', 'privateNote'];

/** Columns that always hold a value (they have defaults): they can be changed, not removed. */
const ALWAYS_SET: (keyof CustomerColumns)[] = [
  'accountType',
  'status',
  'accessState',
  'marketingEmails',
  'invoicingEnabled',
  'billingFrequencyMonths',
  'invoiceSendMethod',
  'sendReceipt',
  'vatExempt',
  'freeService',
  'voipEnabled',
  'equipmentGraphs',
  'autoProvisionNat',
  'autoProvisionRadiusCredentials',
  'autoProvisionActivateCpe',
  'autoProvisionRadiusDynamicIp',
  'autoProvisionPppoe',
  'portalTermsAccepted',
];

async function validate(db: Executor, operatorId: number, input: CustomerInput, v: Validation, existing: CustomerRow | null): Promise<void> {
  for (const key of ALWAYS_SET) if (input[key] === null) v.add(key, `${key} cannot be removed (give a value)`);
  if (existing && input.referrerCustomerId === existing.id) v.add('referrerCustomerId', 'a customer cannot refer itself');
  if (existing === null || input.name !== undefined) {
    if (!input.name?.trim()) v.add('name', 'name is required');
  }
  for (const key of TEXT_FIELDS) {
    const value = input[key];
    if (typeof value === 'string' && value.length > MAX_TEXT) v.add(key, `${key} is longer than ${MAX_TEXT} characters`);
  }
  if (input.nickname != null && !NICKNAME_PATTERN.test(input.nickname)) {
    v.add('nickname', 'nickname may contain only letters, digits and "_" (no spaces or other signs)');
  }
  for (const key of ['email', 'accountsEmail', 'supportEmail'] as const) {
    const value = input[key];
    if (value && !EMAIL_PATTERN.test(value)) v.add(key, `${key} "${value}" is not an e-mail address`);
  }
  if (input.importance != null && (input.importance < 1 || input.importance > 5)) v.add('importance', 'importance must be from 1 to 5');
  if (input.billingFrequencyMonths != null && (input.billingFrequencyMonths < 1 || input.billingFrequencyMonths > 120)) {
    v.add('billingFrequencyMonths', 'billing frequency must be from 1 to 120 months');
  }
  if (input.invoicingDay != null && (input.invoicingDay < 1 || input.invoicingDay > 31)) v.add('invoicingDay', 'invoicing day must be from 1 to 31');
  if (input.latitude != null && Math.abs(Number(input.latitude)) > 90) v.add('latitude', 'latitude must be between -90 and 90');
  if (input.longitude != null && Math.abs(Number(input.longitude)) > 180) v.add('longitude', 'longitude must be between -180 and 180');
  if (input.taxRate != null && (Number(input.taxRate) < 0 || Number(input.taxRate) > 100)) v.add('taxRate', 'tax rate must be from 0 to 100');
  if (input.portalPassword != null && input.portalPassword.length < 4) v.add('portalPassword', 'portal password must have at least 4 characters');
  input.contacts?.forEach((c, i) => {
    if (!c.name?.trim()) v.add(['contacts', String(i), 'name'], 'a contact needs a name');
    if (c.email && !EMAIL_PATTERN.test(c.email)) v.add(['contacts', String(i), 'email'], `"${c.email}" is not an e-mail address`);
  });

  // operator-defined status and sub-status
  const status = input.status ?? existing?.status;
  if (input.status !== undefined || input.subStatus !== undefined) {
    const [known] = await db
      .select({ id: customerStatuses.id })
      .from(customerStatuses)
      .where(and(eq(customerStatuses.operatorId, operatorId), eq(customerStatuses.name, status ?? '')));
    if (!known) v.add('status', `"${status}" is not one of the operator's customer statuses`);
    else if (input.subStatus) {
      const allowed = await db.select({ value: customerSubStatuses.value }).from(customerSubStatuses).where(eq(customerSubStatuses.statusId, known.id));
      if (allowed.length && !allowed.some((a) => a.value === input.subStatus)) {
        v.add('subStatus', `"${input.subStatus}" is not a sub-status of "${status}" (allowed: ${allowed.map((a) => a.value || '(empty)').join(', ')})`);
      }
    }
  }

  // references must exist inside the same operator
  const refs: [keyof CustomerInput, PgTable<TableConfig> & { id: PgColumn; operatorId: PgColumn }, string][] = [
    ['servicePlanId', plans, 'plan'],
    ['bucketId', buckets, 'bucket'],
    ['taxZoneId', taxZones, 'tax zone'],
    ['gatewayId', gateways, 'gateway'],
    ['resellerId', resellers, 'reseller'],
    ['communityCodeId', communityCodes, 'community code'],
    ['areaId', areas, 'area'],
    ['streetId', streets, 'street'],
    ['buildingId', buildings, 'building'],
    ['referrerCustomerId', customers, 'customer'],
  ];
  for (const [key, table, label] of refs) {
    const id = input[key] as number | null | undefined;
    if (id == null) continue;
    // a soft-deleted reseller takes no new customers
    const live = table === resellers ? isNull(resellers.deletedAt) : undefined;
    const found = await db.select({ id: table.id }).from(table).where(and(eq(table.id, id), eq(table.operatorId, operatorId), live));
    if (!found.length) v.add(key, `${label} ${id} does not exist`, 'NOT_FOUND');
  }
  const salesRoles: [keyof CustomerInput, string][] = [
    ['salesmanId', 'salesman'],
    ['valueAddedResellerId', 'value_added_reseller'],
    ['masterAgentId', 'master_agent'],
    ['regionalSalesManagerId', 'regional_sales_manager'],
  ];
  for (const [key, role] of salesRoles) {
    const id = input[key] as number | null | undefined;
    if (id == null) continue;
    const found = await db
      .select({ id: salesPeople.id })
      .from(salesPeople)
      .where(and(eq(salesPeople.id, id), eq(salesPeople.operatorId, operatorId), sql`${salesPeople.role} = ${role}`));
    if (!found.length) v.add(key, `${role.replace(/_/g, ' ')} ${id} does not exist`, 'NOT_FOUND');
  }
  if (input.groupIds?.length) {
    const found = await db
      .select({ id: customerGroups.id })
      .from(customerGroups)
      .where(and(eq(customerGroups.operatorId, operatorId), inArray(customerGroups.id, input.groupIds)));
    const missing = input.groupIds.filter((id) => !found.some((f) => f.id === id));
    if (missing.length) v.add('groupIds', `group ${missing.join(', ')} does not exist`, 'NOT_FOUND');
  }
  if (input.customFields?.length) {
    const ids = input.customFields.map((f) => f.fieldId);
    const found = await db
      .select({ id: customFields.id })
      .from(customFields)
      .where(and(eq(customFields.operatorId, operatorId), eq(customFields.scope, 'customer'), inArray(customFields.id, ids)));
    const missing = ids.filter((id) => !found.some((f) => f.id === id));
    if (missing.length) v.add('customFields', `custom field ${missing.join(', ')} does not exist for customers`, 'NOT_FOUND');
  }
  if (input.communityCode) {
    const [code] = await db
      .select({ id: communityCodes.id })
      .from(communityCodes)
      .where(and(eq(communityCodes.operatorId, operatorId), eq(communityCodes.code, input.communityCode.trim())));
    if (!code) v.add('communityCode', `community code "${input.communityCode}" does not exist`, 'NOT_FOUND');
  }
  if (input.sand) validateSand(input.sand, v);
  if (input.portalUsername) {
    const clash = await db
      .select({ id: customers.id })
      .from(customers)
      .where(and(eq(customers.operatorId, operatorId), eq(customers.portalUsername, input.portalUsername)));
    if (clash.some((c) => c.id !== existing?.id)) v.add('portalUsername', `portal username "${input.portalUsername}" is taken`, 'CONFLICT');
  }
}

async function takenValues(db: Executor, operatorId: number, column: PgColumn, base: string): Promise<string[]> {
  const rows = await db
    .select({ value: column })
    .from(customers)
    .where(and(eq(customers.operatorId, operatorId), or(eq(column, base), sql`${column} ~ ${`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[0-9]+$`}`)));
  return rows.map((r) => r.value as string);
}

async function nextInvoicingId(db: Executor, operatorId: number): Promise<string> {
  const [row] = await db
    .update(operators)
    .set({ invoicingIdNext: sql`${operators.invoicingIdNext} + 1` })
    .where(eq(operators.id, operatorId))
    .returning({ prefix: operators.invoicingIdPrefix, next: operators.invoicingIdNext });
  return `${row!.prefix}${row!.next - 1}`;
}

function columnsOf(input: CustomerInput): Partial<CustomerColumns> {
  const { portalPassword: _p, contacts: _c, groupIds: _g, customFields: _f, communityCode: _cc, sand: _s, ...columns } = input;
  return setFields(columns, { trim: false }) as Partial<CustomerColumns>;
}

/** Turns references given by name (the community code's text) into ids; validation has checked they exist. */
async function resolveNames(db: Executor, operatorId: number, input: CustomerInput): Promise<CustomerInput> {
  if (input.communityCode === undefined) return input;
  if (input.communityCode === null || input.communityCode.trim() === '') return { ...input, communityCodeId: null };
  const [code] = await db
    .select({ id: communityCodes.id })
    .from(communityCodes)
    .where(and(eq(communityCodes.operatorId, operatorId), eq(communityCodes.code, input.communityCode.trim())));
  return { ...input, communityCodeId: code!.id };
}

async function writeDependents(db: Executor, operatorId: number, customerId: number, input: CustomerInput): Promise<void> {
  if (input.contacts !== undefined) {
    await db.delete(customerContacts).where(eq(customerContacts.customerId, customerId));
    if (input.contacts?.length) {
      await db.insert(customerContacts).values(
        input.contacts.map((c, position) => ({ operatorId, customerId, position, name: c.name.trim(), phone: c.phone ?? null, role: c.role ?? null, email: c.email ?? null })),
      );
    }
  }
  if (input.groupIds !== undefined) {
    await db.delete(customerGroupMembers).where(eq(customerGroupMembers.customerId, customerId));
    if (input.groupIds?.length) await db.insert(customerGroupMembers).values([...new Set(input.groupIds)].map((groupId) => ({ groupId, customerId })));
  }
  for (const field of input.customFields ?? []) {
    await db.delete(customFieldValues).where(and(eq(customFieldValues.customerId, customerId), eq(customFieldValues.fieldId, field.fieldId)));
    if (field.value != null) await db.insert(customFieldValues).values({ operatorId, fieldId: field.fieldId, customerId, value: field.value });
  }
  if (input.sand) await writeSand(db, operatorId, customerId, input.sand);
}

/**
 * Creates a customer. A nickname or invoicing id already in use gets a serial number postfix
 * (SIMPLer's documented behaviour); the stored values are in the returned row.
 */
export async function create(ctx: ServiceContext, input: CustomerInput, options: CreateOptions = {}): Promise<CustomerRow> {
  authorize(ctx.actor, 'customers.write');
  const operatorId = ctx.actor.operatorId;
  const v = new Validation();
  if (!options.generateInvoicingId && !input.invoicingId?.trim()) v.add('invoicingId', 'invoicing id is required');
  if (!options.nicknameFromInvoicingId && !input.nickname?.trim()) v.add('nickname', 'nickname is required');
  await validate(ctx.db, operatorId, input, v, null);
  // SIMPLer sends the portal login only when there is a password to send; it needs an address.
  const sendLogin = options.sendPortalLogin === true && !!input.portalPassword;
  if (sendLogin && !input.email) v.add('email', 'an e-mail address is needed to send the portal login (sendCCPassword)');
  v.throwIfAny();
  input = await resolveNames(ctx.db, operatorId, input);
  const portalPasswordHash = input.portalPassword ? await hashPassword(input.portalPassword) : null;
  const created = await insertCustomer(ctx, input, options, portalPasswordHash);
  if (sendLogin) await sendPasswordRecovery(ctx, created, 'email', input.portalPassword!);
  return created;
}

async function insertCustomer(ctx: ServiceContext, input: CustomerInput, options: CreateOptions, portalPasswordHash: string | null): Promise<CustomerRow> {
  const operatorId = ctx.actor.operatorId;
  // Two concurrent creates can pick the same postfix; the unique index catches it and we retry.
  for (let attempt = 1; ; attempt++) {
    try {
      return await ctx.db.transaction(async (tx) => {
        const invoicingBase = options.generateInvoicingId && !input.invoicingId ? await nextInvoicingId(tx, operatorId) : input.invoicingId!.trim();
        const invoicingId = withSerialPostfix(invoicingBase, await takenValues(tx, operatorId, customers.invoicingId, invoicingBase));
        const nicknameBase = options.nicknameFromInvoicingId ? invoicingId.replace(/[^A-Za-z0-9_]/g, '_') : input.nickname!.trim();
        const nickname = withSerialPostfix(nicknameBase, await takenValues(tx, operatorId, customers.nickname, nicknameBase));
        const [row] = await tx
          .insert(customers)
          .values({
            ...columnsOf(input),
            operatorId,
            name: input.name!.trim(),
            nickname,
            invoicingId,
            portalUsername: input.portalUsername ?? null,
            portalPasswordHash,
          } as typeof customers.$inferInsert)
          .returning();
        await writeDependents(tx, operatorId, row!.id, input);
        await audit(tx, ctx.actor, 'customer.create', 'customer', row!.id, { ...columnsOf(input), nickname, invoicingId });
        return row!;
      });
    } catch (error) {
      const constraint = uniqueViolation(error);
      if (constraint === undefined || attempt >= 3) {
        if (constraint?.includes('portal_username')) throw new ConflictError(`portal username "${input.portalUsername}" is taken`, ['portalUsername']);
        throw error;
      }
    }
  }
}

/** Changes the given fields of a customer; a nickname or invoicing id in use is refused. */
export async function update(ctx: ServiceContext, id: number, input: CustomerInput): Promise<CustomerRow> {
  authorize(ctx.actor, 'customers.write');
  const operatorId = ctx.actor.operatorId;
  const existing = await getById(ctx, id);
  const v = new Validation();
  await validate(ctx.db, operatorId, input, v, existing);
  for (const [key, column] of [['nickname', customers.nickname], ['invoicingId', customers.invoicingId]] as const) {
    const value = input[key];
    if (value == null || value === existing[key]) continue;
    const clash = await ctx.db.select({ id: customers.id }).from(customers).where(and(eq(customers.operatorId, operatorId), eq(column, value)));
    if (clash.length) v.add(key, `${key} "${value}" is already used by customer ${clash[0]!.id}`, 'CONFLICT');
  }
  if (input.nickname === null) v.add('nickname', 'nickname cannot be removed');
  if (input.invoicingId === null) v.add('invoicingId', 'invoicing id cannot be removed');
  v.throwIfAny();
  input = await resolveNames(ctx.db, operatorId, input);
  const portalPasswordHash = input.portalPassword ? await hashPassword(input.portalPassword) : input.portalPassword === null ? null : undefined;

  return ctx.db.transaction(async (tx) => {
    const changes = columnsOf(input);
    const [row] = await tx
      .update(customers)
      .set({ ...changes, ...(input.name ? { name: input.name.trim() } : {}), ...(portalPasswordHash !== undefined ? { portalPasswordHash } : {}), updatedAt: sql`now()` })
      .where(and(eq(customers.operatorId, operatorId), eq(customers.id, id)))
      .returning();
    await writeDependents(tx, operatorId, id, input);
    await audit(tx, ctx.actor, 'customer.update', 'customer', id, { ...changes, ...(input.portalPassword !== undefined ? { portalPassword: 'changed' } : {}) });
    return row!;
  });
}

/**
 * SIMPLer's deletion conditions, in its numbering (1, the status, is checked on the row). A
 * customer is deleted only when every one holds; then its RADIUS setup (accounts, radcheck,
 * radreply, radusergroup, overrides) and the rest of its own records go with it by cascade,
 * and its accounting history stays, unattributed.
 */
const DELETION_CONDITIONS: { n: number; message: string; blocks: (id: number) => SQL<boolean>; waivedBy?: keyof DeleteOptions }[] = [
  { n: 2, message: 'it has subscriptions', blocks: (id) => anyRow(subscriptions, eq(subscriptions.customerId, id)), waivedBy: 'deleteSubscriptions' },
  { n: 3, message: 'it has IP addresses', blocks: (id) => anyRow(customerIps, eq(customerIps.customerId, id)) },
  { n: 4, message: 'it has invoices', blocks: (id) => anyRow(invoices, eq(invoices.customerId, id)) },
  // payments without an invoice would still tie the account to money received
  { n: 4, message: 'it has payments', blocks: (id) => anyRow(payments, eq(payments.customerId, id)) },
  { n: 5, message: 'it has sales issues', blocks: (id) => anyRow(salesmanTasks, eq(salesmanTasks.customerId, id)) },
  { n: 6, message: 'it has maintenance tickets', blocks: (id) => anyRow(maintenanceTickets, eq(maintenanceTickets.customerId, id)), waivedBy: 'deleteMaintenance' },
  { n: 7, message: 'it has billing issues', blocks: (id) => anyRow(billingIssues, eq(billingIssues.customerId, id)) },
  { n: 8, message: 'it has VoIP accounts', blocks: (id) => anyRow(serviceAccounts, and(eq(serviceAccounts.customerId, id), eq(serviceAccounts.kind, 'voip'))!) },
  { n: 9, message: 'it has e-mail accounts', blocks: (id) => anyRow(serviceAccounts, and(eq(serviceAccounts.customerId, id), eq(serviceAccounts.kind, 'email'))!) },
  { n: 10, message: 'it has FTP accounts', blocks: (id) => anyRow(serviceAccounts, and(eq(serviceAccounts.customerId, id), eq(serviceAccounts.kind, 'ftp'))!) },
  { n: 11, message: 'it has CPE/equipment', blocks: (id) => anyRow(cpes, eq(cpes.customerId, id)) },
  { n: 12, message: 'it has credit cards', blocks: (id) => anyRow(creditCards, eq(creditCards.customerId, id)) },
  { n: 13, message: 'it has bank/EFT accounts', blocks: (id) => anyRow(bankAccounts, eq(bankAccounts.customerId, id)) },
  { n: 14, message: 'it has attachments', blocks: (id) => anyRow(attachments, eq(attachments.customerId, id)) },
];

function anyRow(table: PgTable<TableConfig>, where: SQL): SQL<boolean> {
  return sql<boolean>`exists (select 1 from ${table} where ${where})`;
}

/** Every condition that stops the deletion, as "n. reason", read in one statement. */
async function deletionProblems(db: Executor, existing: CustomerRow, options: DeleteOptions): Promise<string[]> {
  const problems: string[] = [];
  if (existing.status === 'current') problems.push("1. its status is 'current'");
  const checked = DELETION_CONDITIONS.filter((c) => !(c.waivedBy && options[c.waivedBy]));
  const [row] = await db
    .select(Object.fromEntries(checked.map((c, i) => [`c${i}`, c.blocks(existing.id)])))
    .from(customers)
    .where(eq(customers.id, existing.id));
  checked.forEach((c, i) => {
    if ((row as Record<string, unknown>)[`c${i}`] === true) problems.push(`${c.n}. ${c.message}`);
  });
  return problems;
}

export async function remove(ctx: ServiceContext, id: number, options: DeleteOptions = {}): Promise<{ id: number }> {
  authorize(ctx.actor, 'customers.write');
  const operatorId = ctx.actor.operatorId;
  await ctx.db.transaction(async (tx) => {
    // The row lock makes the check and the delete one step: a concurrent insert of an invoice,
    // IP, ticket… for this customer waits on it (its foreign key check) and then fails.
    const [existing] = await tx.select().from(customers).where(and(eq(customers.operatorId, operatorId), eq(customers.id, id))).for('update');
    if (!existing) throw new NotFoundError('customer', id, ['customerId']);
    const problems = await deletionProblems(tx, existing, options);
    if (problems.length) {
      const message = `customer ${id} cannot be deleted: ${problems.join('; ')}`;
      throw new PreconditionFailedError(message, [{ field: ['customerId'], message, code: 'PRECONDITION_FAILED' }]);
    }
    if (options.deleteSubscriptions) await tx.delete(subscriptions).where(eq(subscriptions.customerId, id));
    if (options.deleteMaintenance) await tx.delete(maintenanceTickets).where(eq(maintenanceTickets.customerId, id));
    // RADIUS rows, contacts, notes, custom values, sand settings, groups follow by cascade; sessions keep their history.
    await tx.delete(customers).where(and(eq(customers.operatorId, operatorId), eq(customers.id, id)));
    await audit(tx, ctx.actor, 'customer.delete', 'customer', id, { nickname: existing.nickname, ...options });
  });
  return { id };
}

/** Customer ids by e-mail (SIMPLer checkExistingEmail): 0 when none, else the first match. */
export async function idByEmail(ctx: ServiceContext, email: string): Promise<number> {
  const [row] = await ctx.db
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.operatorId, ctx.actor.operatorId), sql`lower(${customers.email}) = lower(${email})`))
    .orderBy(customers.id)
    .limit(1);
  return row?.id ?? 0;
}

