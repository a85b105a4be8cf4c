/**
 * Reseller wallets (CRM reseller/wallet_txn and wallet_update). The ledger is append-only (a
 * trigger refuses UPDATE and DELETE); `resellers.wallet_balance` caches its running total and
 * moves only here, in the transaction that appends the entry. Amounts are decimal strings and
 * all arithmetic happens in SQL numeric, never in binary floats.
 */
import { and, eq, gte, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { listCount, listPage, type PageArgs, type SortKey, sortKeyOf } from '../db/pagination';
import { audit } from '../shared/audit';
import type { ServiceContext } from '../shared/context';
import { DomainError, NotFoundError, PreconditionFailedError, Validation } from '../shared/errors';
import { resellers } from './reseller.table';
import { MAX_RESELLER_TEXT, MONEY_PATTERN, negate, signOf } from './reseller.rules';
import type { ResellerRow } from './reseller.service';
import { resellerWalletTransactions } from './wallet-transaction.table';
import { checkIdempotencyKey, writeOnce, type OnceSpec } from '../idempotency/write-once';
import { createdWithinDays, orderByColumn, type OffsetWindow } from '../catalog/plan.service';
import { authorize } from '../tenancy/permissions';

export type WalletTransactionRow = typeof resellerWalletTransactions.$inferSelect;
export type WalletAction = 'topup' | 'settlement' | 'adj';

export interface WalletChange {
  action: WalletAction;
  /** TOP_UP and SETTLEMENT: a positive amount; ADJUSTMENT: a signed, non-zero amount. */
  amount: string;
  note?: string | null;
  /** A retry with the same key and change returns the first ledger entry and moves no money again. */
  idempotencyKey?: string | null;
}

// ---------------------------------------------------------------- reading

export interface WalletFilter {
  resellerId?: number | null;
  txnCode?: WalletTransactionRow['txnCode'][] | null;
  createdFrom?: Date | null;
  createdTo?: Date | null;
}

export function walletConditions(operatorId: number, filter: WalletFilter = {}): SQL {
  const t = resellerWalletTransactions;
  const conditions: (SQL | undefined)[] = [eq(t.operatorId, operatorId)];
  if (filter.resellerId != null) conditions.push(eq(t.resellerId, filter.resellerId));
  if (filter.txnCode?.length) conditions.push(inArray(t.txnCode, filter.txnCode));
  if (filter.createdFrom) conditions.push(gte(t.createdAt, filter.createdFrom));
  if (filter.createdTo) conditions.push(lte(t.createdAt, filter.createdTo));
  return and(...conditions)!;
}

export const WALLET_SORTS = { ID: resellerWalletTransactions.id, CREATED_AT: resellerWalletTransactions.createdAt } as const;
export type WalletSortField = keyof typeof WALLET_SORTS;

export function walletSort(field: WalletSortField = 'ID', direction: 'asc' | 'desc' = 'asc'): SortKey {
  return sortKeyOf(WALLET_SORTS, field, direction);
}

export async function listTransactions(ctx: ServiceContext, filter: WalletFilter, sort: SortKey, page: PageArgs) {
  const t = resellerWalletTransactions;
  const where = walletConditions(ctx.actor.operatorId, filter);
  return {
    page: await listPage(ctx.db, { table: t, idColumn: t.id, where, sort }, page),
    count: () => listCount(ctx.db, t, where),
  };
}

export async function transactionsByIds(db: Executor, operatorId: number, ids: readonly number[]): Promise<WalletTransactionRow[]> {
  if (ids.length === 0) return [];
  const t = resellerWalletTransactions;
  return db.select().from(t).where(and(eq(t.operatorId, operatorId), inArray(t.id, [...ids])));
}

// ---------------------------------------------------------------- writing

function validateChange(change: WalletChange, v: Validation): void {
  const amount = change.amount ?? '';
  if (!['topup', 'settlement', 'adj'].includes(change.action)) v.add('action', 'action must be one of topup, settlement, adj');
  if (!MONEY_PATTERN.test(amount)) {
    v.add('amount', `amount "${change.amount}" must be a decimal with at most 12 digits and 2 decimals, e.g. "25.00"`);
    return;
  }
  const sign = signOf(amount);
  if (change.action === 'adj' && sign === 0) v.add('amount', 'an adjustment must not be zero');
  if (change.action !== 'adj' && sign <= 0) v.add('amount', `a ${change.action === 'topup' ? 'top-up' : 'settlement'} needs a positive amount`);
  if (change.note != null && change.note.length > MAX_RESELLER_TEXT) v.add('note', `note is longer than ${MAX_RESELLER_TEXT} characters`);
}

/**
 * Appends a ledger entry and moves the balance with it (CRM wallet_update). A settlement or a
 * negative adjustment may take a franchisee's balance down to minus its credit limit and a
 * plain reseller's down to zero, no further; top-ups are always accepted.
 */
export async function adjust(ctx: ServiceContext, resellerId: number, change: WalletChange): Promise<{ reseller: ResellerRow; transaction: WalletTransactionRow }> {
  authorize(ctx.actor, 'billing.write');
  const v = new Validation();
  validateChange(change, v);
  checkIdempotencyKey(change.idempotencyKey, v);
  v.throwIfAny();
  const operatorId = ctx.actor.operatorId;
  const amount = change.amount;
  const delta = change.action === 'settlement' ? negate(amount) : amount;

  const { idempotencyKey, ...request } = change;
  const once: OnceSpec<{ reseller: ResellerRow; transaction: WalletTransactionRow }> = {
    operation: 'reseller.wallet.adjust',
    key: idempotencyKey,
    input: { resellerId, ...request },
    remember: ({ transaction }) => ({ resellerId, transactionId: transaction.id }),
    recall: async (tx, stored) => {
      // The reseller as it is now (even if deleted since), and the entry the first call appended.
      const [reseller] = await tx.select().from(resellers).where(and(eq(resellers.operatorId, operatorId), eq(resellers.id, stored.resellerId as number)));
      const [transaction] = await transactionsByIds(tx, operatorId, [stored.transactionId as number]);
      return { reseller: reseller!, transaction: transaction! };
    },
  };
  return writeOnce(ctx, once, async (tx) => {
    // FOR UPDATE: concurrent changes to one wallet queue here, each reading the balance the
    // previous one wrote, so none is lost.
    const [state] = await tx
      .select({
        type: resellers.type,
        creditLimit: resellers.creditLimit,
        balance: resellers.walletBalance,
        next: sql<string>`(${resellers.walletBalance} + ${delta}::numeric)::text`,
        floor: sql<string>`(case when ${resellers.type} = 'franchisee' then -coalesce(${resellers.creditLimit}, 0) else 0 end)::text`,
        fits: sql<boolean>`abs(${resellers.walletBalance} + ${delta}::numeric) < 1e12`,
        allowed: sql<boolean>`${delta}::numeric > 0 or ${resellers.walletBalance} + ${delta}::numeric >= case when ${resellers.type} = 'franchisee' then -coalesce(${resellers.creditLimit}, 0) else 0 end`,
      })
      .from(resellers)
      .where(and(eq(resellers.operatorId, operatorId), eq(resellers.id, resellerId), isNull(resellers.deletedAt)))
      .for('update');
    if (!state) throw new NotFoundError('reseller', resellerId, ['resellerId']);
    if (!state.fits) {
      const message = 'the balance would exceed what a wallet can hold';
      throw new DomainError('INVALID', message, [{ field: ['amount'], message, code: 'INVALID' }]);
    }
    if (!state.allowed) {
      const limit = state.type === 'franchisee' ? `its credit limit of ${state.creditLimit} allows ${state.floor}` : 'a reseller cannot go below 0.00';
      const message = `the wallet balance ${state.balance} cannot go down to ${state.next}: ${limit}`;
      throw new PreconditionFailedError(message, [{ field: ['amount'], message, code: 'PRECONDITION_FAILED' }]);
    }
    const [reseller] = await tx
      .update(resellers)
      .set({ walletBalance: sql`${resellers.walletBalance} + ${delta}::numeric` })
      .where(eq(resellers.id, resellerId))
      .returning();
    const [transaction] = await tx
      .insert(resellerWalletTransactions)
      .values({
        operatorId,
        resellerId,
        txnCode: change.action,
        amount: delta,
        balanceAfter: reseller!.walletBalance,
        note: change.note?.trim() || null,
        createdByStaffId: ctx.actor.staffUserId,
      })
      .returning();
    await audit(tx, ctx.actor, 'reseller.wallet', 'reseller', resellerId, { action: change.action, amount: delta, balanceAfter: reseller!.walletBalance });
    return { reseller: reseller!, transaction: transaction! };
  });
}

// ---------------------------------------------------------------- numbered pages (CRM reseller/wallet_txn)

/** The CRM wallet_txn filters: the GraphQL ones plus entry id, service id and created dates as local days. */
export interface WalletListFilter extends Omit<WalletFilter, 'createdFrom' | 'createdTo'> {
  id?: number | null;
  serviceId?: number | null;
  createdFromDay?: string | null;
  createdUptoDay?: string | null;
}

export function walletListConditions(operatorId: number, filter: WalletListFilter): SQL {
  const t = resellerWalletTransactions;
  const { id, serviceId, createdFromDay, createdUptoDay, ...rest } = filter;
  const conditions: SQL[] = [walletConditions(operatorId, rest)];
  if (id != null) conditions.push(eq(t.id, id));
  if (serviceId != null) conditions.push(eq(t.serviceId, serviceId));
  conditions.push(...createdWithinDays(t.createdAt, operatorId, createdFromDay, createdUptoDay));
  return and(...conditions)!;
}

/** Ledger entries oldest first (the ledger's own order; the CRM call documents no sort). */
export async function listTransactionsByOffset(ctx: ServiceContext, filter: WalletListFilter, window: OffsetWindow): Promise<WalletTransactionRow[]> {
  const t = resellerWalletTransactions;
  return ctx.db
    .select()
    .from(t)
    .where(walletListConditions(ctx.actor.operatorId, filter))
    .orderBy(...orderByColumn(t.id, t.id, 'asc'))
    .limit(window.limit)
    .offset(window.offset);
}

export async function countTransactions(ctx: ServiceContext, filter: WalletListFilter): Promise<number> {
  return ctx.db.$count(resellerWalletTransactions, walletListConditions(ctx.actor.operatorId, filter));
}
