/**
 * Resellers and franchisees (CRM reseller/list, create, update, delete). Every surface calls
 * these functions; writes validate everything first, then run in one transaction with their
 * audit entry, so bad input changes nothing. Deletion is soft: the wallet ledger keeps its
 * history and the code becomes free again.
 */
import { and, eq, gte, inArray, isNull, lte, ne, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { listCount, listPage, type PageArgs, type SortKey, sortKeyOf } from '../db/pagination';
import { audit } from '../shared/audit';
import type { ServiceContext } from '../shared/context';
import { ConflictError, NotFoundError, PreconditionFailedError, Validation } from '../shared/errors';
import { EMAIL_PATTERN } from '../customers/customer.rules';
import { customers } from '../customers/customer.table';
import { uniqueViolation } from '../shared/db-errors';
import { containsText } from '../db/text-match';
import { resellerInvoiceBy, resellerPaymentBy, resellers, resellerType } from './reseller.table';
import { MAX_RESELLER_TEXT, MOBILE_PATTERN, MONEY_PATTERN, PERCENT_PATTERN } from './reseller.rules';
import { setFields } from '../shared/patch';
import { createdWithinDays, orderByColumn, type ColumnOrder, type OffsetWindow } from '../catalog/plan.service';
import { authorize } from '../tenancy/permissions';
import { updatedWithin, type UpdatedRange } from '../sync/updated-range';

export type ResellerRow = typeof resellers.$inferSelect;
type ResellerColumns = Omit<typeof resellers.$inferInsert, 'id' | 'operatorId' | 'createdAt' | 'deletedAt' | 'walletBalance'>;
/**
 * Everything a caller may set on a reseller; `undefined` leaves a field as it is. The wallet
 * balance is not here: only the ledger (wallet.service.ts) moves it.
 */
export type ResellerInput = Partial<ResellerColumns>;

// ---------------------------------------------------------------- reading

/** Live (not deleted) resellers of the operator by id. */
export async function findByIds(db: Executor, operatorId: number, ids: readonly number[]): Promise<ResellerRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(resellers)
    .where(and(eq(resellers.operatorId, operatorId), inArray(resellers.id, [...ids]), isNull(resellers.deletedAt)));
}

export async function getById(ctx: ServiceContext, id: number): Promise<ResellerRow> {
  const [row] = await findByIds(ctx.db, ctx.actor.operatorId, [id]);
  if (!row) throw new NotFoundError('reseller', id, ['resellerId']);
  return row;
}

/** The CRM reseller/list filters. */
export interface ResellerFilter extends UpdatedRange {
  type?: ResellerRow['type'] | null;
  /** Part of the name, any case. */
  name?: string | null;
  /** Part of the code, any case. */
  code?: string | null;
  /** The state, any case. */
  state?: string | null;
  invoiceBy?: ResellerRow['invoiceBy'] | null;
  paymentBy?: ResellerRow['paymentBy'] | null;
  createdFrom?: Date | null;
  createdTo?: Date | null;
}

export function resellerConditions(operatorId: number, filter: ResellerFilter = {}): SQL {
  const conditions: (SQL | undefined)[] = [eq(resellers.operatorId, operatorId), isNull(resellers.deletedAt)];
  if (filter.type) conditions.push(eq(resellers.type, filter.type));
  if (filter.name) conditions.push(containsText(resellers.name, filter.name));
  if (filter.code) conditions.push(containsText(resellers.code, filter.code));
  if (filter.state) conditions.push(sql`lower(${resellers.state}) = lower(${filter.state})`);
  if (filter.invoiceBy) conditions.push(eq(resellers.invoiceBy, filter.invoiceBy));
  if (filter.paymentBy) conditions.push(eq(resellers.paymentBy, filter.paymentBy));
  if (filter.createdFrom) conditions.push(gte(resellers.createdAt, filter.createdFrom));
  if (filter.createdTo) conditions.push(lte(resellers.createdAt, filter.createdTo));
  conditions.push(...updatedWithin(resellers.updatedAt, filter));
  return and(...conditions)!;
}

export const RESELLER_SORTS = {
  ID: resellers.id,
  NAME: resellers.name,
  CODE: resellers.code,
  WALLET_BALANCE: resellers.walletBalance,
  CREATED_AT: resellers.createdAt,
  UPDATED_AT: resellers.updatedAt,
} as const;
export type ResellerSortField = keyof typeof RESELLER_SORTS;

export function resellerSort(field: ResellerSortField = 'ID', direction: 'asc' | 'desc' = 'asc'): SortKey {
  return sortKeyOf(RESELLER_SORTS, field, direction);
}

export async function list(ctx: ServiceContext, filter: ResellerFilter, sort: SortKey, page: PageArgs) {
  const where = resellerConditions(ctx.actor.operatorId, filter);
  return {
    page: await listPage(ctx.db, { table: resellers, idColumn: resellers.id, where, sort }, page),
    count: () => listCount(ctx.db, resellers, where),
  };
}

// ---------------------------------------------------------------- writing

const REQUIRED = ['name', 'code', 'mobile', 'email'] as const;
const TEXT_FIELDS = ['name', 'code', 'address', 'mobile', 'email', 'state', 'country'] as const satisfies readonly (keyof ResellerColumns)[];
const ENUMS: [keyof ResellerColumns, readonly string[], string][] = [
  ['type', resellerType.enumValues, 'type'],
  ['invoiceBy', resellerInvoiceBy.enumValues, 'invoice by'],
  ['paymentBy', resellerPaymentBy.enumValues, 'payment by'],
];

/**
 * Checks `input` (only the fields it sets, for an update) and the reseller it would produce:
 * a franchisee must end up with a commission and a credit limit.
 */
async function validate(db: Executor, operatorId: number, input: ResellerInput, v: Validation, existing: ResellerRow | null): Promise<void> {
  for (const key of REQUIRED) {
    if ((existing === null || input[key] !== undefined) && !input[key]?.trim()) v.add(key, `${key} is required`);
  }
  for (const [key, allowed, label] of ENUMS) {
    const value = input[key];
    if (existing === null && value == null) v.add(key, `${label} is required`);
    else if (existing !== null && value === null) v.add(key, `${label} cannot be removed`);
    else if (value != null && !allowed.includes(value as string)) v.add(key, `${label} must be one of ${allowed.join(', ')}`);
  }
  for (const key of TEXT_FIELDS) {
    const value = input[key];
    if (typeof value === 'string' && value.length > MAX_RESELLER_TEXT) v.add(key, `${key} is longer than ${MAX_RESELLER_TEXT} characters`);
  }
  if (input.email?.trim() && !EMAIL_PATTERN.test(input.email.trim())) v.add('email', `"${input.email}" is not an e-mail address`);
  if (input.mobile?.trim() && !MOBILE_PATTERN.test(input.mobile.trim())) v.add('mobile', `"${input.mobile}" is not a phone number`);
  if (input.commissionPercent != null && (!PERCENT_PATTERN.test(input.commissionPercent) || Number(input.commissionPercent) > 100)) {
    v.add('commissionPercent', 'commission must be a percentage from 0 to 100 (at most 4 decimals)');
  }
  if (input.creditLimit != null && (!MONEY_PATTERN.test(input.creditLimit) || input.creditLimit.startsWith('-'))) {
    v.add('creditLimit', 'credit limit must be an amount of 0 or more (at most 2 decimals)');
  }
  const type = input.type ?? existing?.type;
  if (type === 'franchisee') {
    const commission = input.commissionPercent !== undefined ? input.commissionPercent : existing?.commissionPercent;
    const credit = input.creditLimit !== undefined ? input.creditLimit : existing?.creditLimit;
    if (commission == null) v.add('commissionPercent', 'a franchisee needs a commission percentage');
    if (credit == null) v.add('creditLimit', 'a franchisee needs a credit limit');
  }
  const code = input.code?.trim();
  if (code && code !== existing?.code) {
    const clash = await db
      .select({ id: resellers.id })
      .from(resellers)
      .where(and(eq(resellers.operatorId, operatorId), eq(resellers.code, code), isNull(resellers.deletedAt), existing ? ne(resellers.id, existing.id) : undefined));
    if (clash.length) v.add('code', `reseller code "${code}" is already used by reseller ${clash[0]!.id}`, 'CONFLICT');
  }
}

function columnsOf(input: ResellerInput): Partial<ResellerColumns> {
  return setFields(input) as Partial<ResellerColumns>;
}

function codeTaken(error: unknown, code: string | undefined): never {
  if (uniqueViolation(error)?.includes('resellers_operator_code')) throw new ConflictError(`reseller code "${code}" is already in use`, ['code']);
  throw error;
}

export async function create(ctx: ServiceContext, input: ResellerInput): Promise<ResellerRow> {
  authorize(ctx.actor, 'billing.write');
  const operatorId = ctx.actor.operatorId;
  const v = new Validation();
  await validate(ctx.db, operatorId, input, v, null);
  v.throwIfAny();
  const columns = columnsOf(input);
  try {
    return await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(resellers)
        .values({ ...columns, operatorId } as typeof resellers.$inferInsert)
        .returning();
      await audit(tx, ctx.actor, 'reseller.create', 'reseller', row!.id, columns);
      return row!;
    });
  } catch (error) {
    return codeTaken(error, columns.code);
  }
}

/** Changes the given fields; a franchisee's terms must still cover what its wallet owes. */
export async function update(ctx: ServiceContext, id: number, input: ResellerInput): Promise<ResellerRow> {
  authorize(ctx.actor, 'billing.write');
  const operatorId = ctx.actor.operatorId;
  const existing = await getById(ctx, id);
  const v = new Validation();
  await validate(ctx.db, operatorId, input, v, existing);
  v.throwIfAny();
  const columns = columnsOf(input);
  if (Object.keys(columns).length === 0) return existing;
  try {
    return await ctx.db.transaction(async (tx) => {
      // Locked, so a concurrent wallet change cannot slip under the new floor checked below.
      const [row] = await tx
        .update(resellers)
        .set(columns)
        .where(and(eq(resellers.operatorId, operatorId), eq(resellers.id, id), isNull(resellers.deletedAt)))
        .returning();
      if (!row) throw new NotFoundError('reseller', id, ['resellerId']);
      const [{ covered } = { covered: true }] = await tx
        .select({
          covered: sql<boolean>`${resellers.walletBalance} >= case when ${resellers.type} = 'franchisee' then -coalesce(${resellers.creditLimit}, 0) else 0 end`,
        })
        .from(resellers)
        .where(eq(resellers.id, id));
      if (!covered) {
        const message = `the wallet balance ${row.walletBalance} would be below what a ${row.type} may owe (${row.type === 'franchisee' ? `credit limit ${row.creditLimit}` : 'nothing'})`;
        throw new PreconditionFailedError(message, [{ field: [input.creditLimit !== undefined ? 'creditLimit' : 'type'], message, code: 'PRECONDITION_FAILED' }]);
      }
      await audit(tx, ctx.actor, 'reseller.update', 'reseller', id, columns);
      return row;
    });
  } catch (error) {
    return codeTaken(error, columns.code);
  }
}

/** Soft-deletes a reseller that has no customers (CRM reseller/delete). */
export async function remove(ctx: ServiceContext, id: number): Promise<{ id: number }> {
  authorize(ctx.actor, 'billing.write');
  const operatorId = ctx.actor.operatorId;
  await ctx.db.transaction(async (tx) => {
    // The row lock holds off a concurrent "assign a customer to this reseller" (its foreign key
    // check takes a key-share lock on this row) until we are done.
    const [row] = await tx
      .select({ id: resellers.id, code: resellers.code })
      .from(resellers)
      .where(and(eq(resellers.operatorId, operatorId), eq(resellers.id, id), isNull(resellers.deletedAt)))
      .for('update');
    if (!row) throw new NotFoundError('reseller', id, ['resellerId']);
    const customerCount = await tx.$count(customers, eq(customers.resellerId, id));
    if (customerCount > 0) {
      const message = `reseller ${id} cannot be deleted: it has ${customerCount} customer(s)`;
      throw new PreconditionFailedError(message, [{ field: ['resellerId'], message, code: 'PRECONDITION_FAILED' }]);
    }
    await tx.update(resellers).set({ deletedAt: new Date() }).where(eq(resellers.id, id));
    await audit(tx, ctx.actor, 'reseller.delete', 'reseller', id, { code: row.code });
  });
  return { id };
}

// ---------------------------------------------------------------- numbered pages (CRM reseller/list)

/** The CRM reseller/list filters: the GraphQL ones plus a reseller id and created dates as local days. */
export interface ResellerListFilter extends Omit<ResellerFilter, 'createdFrom' | 'createdTo'> {
  id?: number | null;
  createdFromDay?: string | null;
  createdUptoDay?: string | null;
}

export function resellerListConditions(operatorId: number, filter: ResellerListFilter): SQL {
  const { id, createdFromDay, createdUptoDay, ...rest } = filter;
  const conditions: SQL[] = [resellerConditions(operatorId, rest)];
  if (id != null) conditions.push(eq(resellers.id, id));
  conditions.push(...createdWithinDays(resellers.createdAt, operatorId, createdFromDay, createdUptoDay));
  return and(...conditions)!;
}

/** The sort keys of CRM reseller/list, by their wire names (`ispid` is the operator). */
export const RESELLER_LIST_ORDER = {
  id: resellers.id,
  ispid: resellers.operatorId,
  type: resellers.type,
  name: resellers.name,
  code: resellers.code,
  state: resellers.state,
  wallet: resellers.walletBalance,
} as const;
export type ResellerListOrderField = keyof typeof RESELLER_LIST_ORDER;

export async function listResellersByOffset(
  ctx: ServiceContext,
  filter: ResellerListFilter,
  order: ColumnOrder<ResellerListOrderField>,
  window: OffsetWindow,
): Promise<ResellerRow[]> {
  return ctx.db
    .select()
    .from(resellers)
    .where(resellerListConditions(ctx.actor.operatorId, filter))
    .orderBy(...orderByColumn(RESELLER_LIST_ORDER[order.field], resellers.id, order.direction))
    .limit(window.limit)
    .offset(window.offset);
}

export async function countResellers(ctx: ServiceContext, filter: ResellerListFilter): Promise<number> {
  return ctx.db.$count(resellers, resellerListConditions(ctx.actor.operatorId, filter));
}
