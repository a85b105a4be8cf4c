/**
 * Payments collected at the customer's door (Jaze E39 payment_collection_request, E25
 * collect_user_payment, E23 collection_approval, E24 collection_disapproval; collectors' rounds:
 * E27 assign_users_to_admin, E21 get_collection_users_areawise, E22 get_collection_approval_users). A request is
 * recorded; the collector reports the outcome; approving it records the money as payments
 * (applied to the customer's oldest open invoices first, the rest on account). Cards: only the
 * last four digits are ever accepted or stored.
 */
import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { operatorListQuery } from '../db/pagination';
import { audit } from '../shared/audit';
import type { ServiceContext } from '../shared/context';
import { ConflictError, DomainError, NotFoundError, PreconditionFailedError, Validation } from '../shared/errors';
import { customers } from '../customers/customer.table';
import { staffCustomerAssignments } from '../customers/staff-assignment.table';
import { areas } from '../locations/area.table';
import { buildings } from '../locations/building.table';
import { streets } from '../locations/street.table';
import { operators } from '../tenancy/operator.table';
import { staffUsers } from '../tenancy/staff-user.table';
import { isCalendarDate } from './dates';
import { invoices } from './invoice.table';
import { fromCents, toCents, today } from './money';
import { paymentCollections } from './payment-collection.table';
import { payments } from './payment.table';
import { findByIds as findPaymentsByIds, type PaymentRow } from './payment.service';
import { checkIdempotencyKey, writeOnce, type OnceSpec } from '../idempotency/write-once';
import { authorize } from '../tenancy/permissions';

export type PaymentCollectionRow = typeof paymentCollections.$inferSelect;
export type CollectionOutcome = 'cash_collected' | 'not_available' | 'already_paid';
export type CollectionMethod = NonNullable<PaymentCollectionRow['method']>;

const MAX_TEXT = 500;
const OPEN_STATES: PaymentCollectionRow['status'][] = ['requested', 'cash_collected', 'not_available', 'already_paid'];

export async function findByIds(db: Executor, operatorId: number, ids: readonly number[]): Promise<PaymentCollectionRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(paymentCollections).where(and(eq(paymentCollections.operatorId, operatorId), inArray(paymentCollections.id, [...ids])));
}

async function requireCustomer(db: Executor, operatorId: number, customerId: number, v: Validation): Promise<void> {
  const [row] = await db.select({ id: customers.id }).from(customers).where(and(eq(customers.operatorId, operatorId), eq(customers.id, customerId)));
  if (!row) v.add('customerId', `customer ${customerId} does not exist`, 'NOT_FOUND');
}

function invalid(field: string, message: string): DomainError {
  return new DomainError('INVALID', message, [{ field: [field], message, code: 'INVALID' }]);
}

// ---------------------------------------------------------------- E39 request

export interface RequestInput {
  customerId: number;
  /** `none` (default) or the banknote the collector should bring change for, e.g. `500`. */
  bringChangeFor?: string | null;
}

export async function request(ctx: ServiceContext, input: RequestInput): Promise<PaymentCollectionRow> {
  authorize(ctx.actor, 'payments.collect');
  const operatorId = ctx.actor.operatorId;
  const v = new Validation();
  await requireCustomer(ctx.db, operatorId, input.customerId, v);
  const change = (input.bringChangeFor ?? 'none').trim().toLowerCase();
  if (change !== 'none' && !/^[1-9][0-9]{0,6}$/.test(change)) v.add('bringChangeFor', 'bringChangeFor must be "none" or a banknote value such as "500"');
  v.throwIfAny();
  return ctx.db.transaction(async (tx) => {
    const [open] = await tx
      .select({ id: paymentCollections.id })
      .from(paymentCollections)
      .where(and(eq(paymentCollections.customerId, input.customerId), eq(paymentCollections.status, 'requested')))
      .for('update');
    if (open) throw new ConflictError(`customer ${input.customerId} already has collection request ${open.id} waiting`, ['customerId']);
    const [row] = await tx.insert(paymentCollections).values({ operatorId, customerId: input.customerId, status: 'requested', bringChangeFor: change }).returning();
    await audit(tx, ctx.actor, 'paymentCollection.request', 'payment_collection', row!.id, { customerId: input.customerId, bringChangeFor: change });
    return row!;
  });
}

// ---------------------------------------------------------------- E25 collect

export interface CollectInput {
  customerId: number;
  /** Decimal string; required (> 0) when cash was collected. */
  amount?: string | null;
  statusOfCollection: CollectionOutcome;
  /** Required when cash was collected. */
  method?: CollectionMethod | null;
  /** Cheque: bank, number and date are required. */
  bank?: string | null;
  chequeNumber?: string | null;
  chequeDate?: string | null;
  /** Cards: exactly the last four digits (a longer number is refused) and the expiry (MM/YY or MM/YYYY). */
  cardLast4?: string | null;
  cardExpiration?: string | null;
  notes?: string | null;
  /** Default: the acting staff user. */
  collectorStaffId?: number | null;
  /** A retry with the same key and input returns the first report's collection and records no second one. */
  idempotencyKey?: string | null;
}

/**
 * Records the collector's outcome on the customer's waiting request, or on a new collection
 * when there is none.
 */
export async function collect(ctx: ServiceContext, input: CollectInput): Promise<PaymentCollectionRow> {
  authorize(ctx.actor, 'payments.collect');
  const operatorId = ctx.actor.operatorId;
  const v = new Validation();
  await requireCustomer(ctx.db, operatorId, input.customerId, v);
  if (!['cash_collected', 'not_available', 'already_paid'].includes(input.statusOfCollection)) {
    v.add('statusOfCollection', 'statusOfCollection must be cashCollected, notAvailable or alreadyPaid');
  }
  const collected = input.statusOfCollection === 'cash_collected';
  const cents = input.amount != null ? toCents(input.amount) : null;
  if (input.amount != null && cents == null) v.add('amount', `amount "${input.amount}" must be an amount with at most two decimals`);
  else if (cents != null && cents < 0) v.add('amount', 'amount cannot be negative');
  else if (collected && (cents == null || cents <= 0)) v.add('amount', 'amount must be more than 0 when the payment was collected');
  if (collected && input.method == null) v.add('method', 'method is required when the payment was collected');
  if (input.method != null && !['cash', 'cheque', 'credit_card', 'debit_card'].includes(input.method)) v.add('method', 'method must be cash, cheque, creditCard or debitCard');
  if (input.method === 'cheque') {
    if (!input.bank?.trim()) v.add('bank', 'bank is required for a cheque');
    if (!input.chequeNumber?.trim()) v.add('chequeNumber', 'cheque number is required for a cheque');
    else if (!/^[0-9]{1,20}$/.test(input.chequeNumber.trim())) v.add('chequeNumber', 'cheque number must be digits');
    if (!input.chequeDate) v.add('chequeDate', 'cheque date is required for a cheque');
    else if (!isCalendarDate(input.chequeDate)) v.add('chequeDate', `cheque date "${input.chequeDate}" is not a date (YYYY-MM-DD)`);
  }
  const card = input.method === 'credit_card' || input.method === 'debit_card';
  if (card) {
    // never echo what was sent: it may be a full card number
    if (!input.cardLast4) v.add('cardLast4', 'the last four digits of the card are required');
    else if (!/^[0-9]{4}$/.test(input.cardLast4)) v.add('cardLast4', 'give exactly the last four digits of the card, never the full number');
    if (!input.cardExpiration) v.add('cardExpiration', 'card expiration is required');
    else if (!/^(0[1-9]|1[0-2])\/([0-9]{2}|[0-9]{4})$/.test(input.cardExpiration.trim())) v.add('cardExpiration', 'card expiration must be MM/YY or MM/YYYY');
  } else if (input.cardLast4 != null || input.cardExpiration != null) {
    v.add('cardLast4', 'card details are only for creditCard or debitCard');
  }
  for (const key of ['bank', 'notes'] as const) if ((input[key]?.length ?? 0) > MAX_TEXT) v.add(key, `${key} is longer than ${MAX_TEXT} characters`);
  const collectorStaffId = input.collectorStaffId ?? ctx.actor.staffUserId;
  if (input.collectorStaffId != null) {
    const [staff] = await ctx.db.select({ id: staffUsers.id }).from(staffUsers).where(and(eq(staffUsers.operatorId, operatorId), eq(staffUsers.id, input.collectorStaffId)));
    if (!staff) v.add('collectorStaffId', `staff user ${input.collectorStaffId} does not exist`, 'NOT_FOUND');
  }
  checkIdempotencyKey(input.idempotencyKey, v);
  v.throwIfAny();

  const values = {
    status: input.statusOfCollection,
    amount: cents != null && cents > 0 ? fromCents(cents) : null,
    method: input.method ?? null,
    bank: input.method === 'cheque' ? input.bank!.trim() : null,
    chequeNumber: input.method === 'cheque' ? input.chequeNumber!.trim() : null,
    chequeDate: input.method === 'cheque' ? input.chequeDate! : null,
    cardLast4: card ? input.cardLast4! : null,
    cardExpiration: card ? input.cardExpiration!.trim() : null,
    notes: input.notes ?? null,
    collectorStaffId,
  };
  const { idempotencyKey, ...request } = input;
  const once: OnceSpec<PaymentCollectionRow> = {
    operation: 'paymentCollection.collect',
    key: idempotencyKey,
    input: request,
    remember: (row) => ({ collectionId: row.id }),
    recall: async (tx, stored) => (await findByIds(tx, operatorId, [stored.collectionId as number]))[0]!,
  };
  return writeOnce(ctx, once, async (tx) => {
    const [waiting] = await tx
      .select({ id: paymentCollections.id })
      .from(paymentCollections)
      .where(and(eq(paymentCollections.customerId, input.customerId), eq(paymentCollections.status, 'requested')))
      .orderBy(asc(paymentCollections.id))
      .limit(1)
      .for('update');
    const [row] = waiting
      ? await tx.update(paymentCollections).set(values).where(eq(paymentCollections.id, waiting.id)).returning()
      : await tx.insert(paymentCollections).values({ ...values, operatorId, customerId: input.customerId }).returning();
    await audit(tx, ctx.actor, 'paymentCollection.collect', 'payment_collection', row!.id, { customerId: input.customerId, ...values });
    return row!;
  });
}

// ---------------------------------------------------------------- E23 / E24 decisions

async function lockCollection(tx: Executor, operatorId: number, customerId: number, collectionId: number): Promise<PaymentCollectionRow> {
  const [row] = await tx
    .select()
    .from(paymentCollections)
    .where(and(eq(paymentCollections.operatorId, operatorId), eq(paymentCollections.id, collectionId)))
    .for('update');
  if (!row) throw new NotFoundError('payment collection', collectionId, ['collectionId']);
  if (row.customerId !== customerId) throw invalid('collectionId', `payment collection ${collectionId} is not customer ${customerId}'s`);
  return row;
}

export interface ApproveInput {
  customerId: number;
  collectionId: number;
  /** The approved amount (Jaze `amount`), > 0. */
  amount: string;
  /** Settle the customer's oldest open invoices first (default true); the rest is on account. */
  applyToInvoices?: boolean | null;
  /** A retry with the same key and input returns the first approval's payments and records none. */
  idempotencyKey?: string | null;
}

const METHOD: Record<CollectionMethod, PaymentRow['method']> = { cash: 'cash', cheque: 'cheque', credit_card: 'credit_card', debit_card: 'debit_card' };

/**
 * Approves a collection whose money was collected: records the payments and marks the collection
 * approved, in one transaction. Only a `cash_collected` collection can be approved.
 */
export async function approve(ctx: ServiceContext, input: ApproveInput): Promise<{ collection: PaymentCollectionRow; payments: PaymentRow[] }> {
  authorize(ctx.actor, 'billing.write');
  const operatorId = ctx.actor.operatorId;
  const v = new Validation();
  await requireCustomer(ctx.db, operatorId, input.customerId, v);
  const cents = toCents(input.amount ?? '');
  if (cents == null) v.add('amount', `amount "${input.amount}" must be an amount with at most two decimals`);
  else if (cents <= 0) v.add('amount', 'amount must be more than 0');
  checkIdempotencyKey(input.idempotencyKey, v);
  v.throwIfAny();

  const { idempotencyKey, ...request } = input;
  const once: OnceSpec<{ collection: PaymentCollectionRow; payments: PaymentRow[] }> = {
    operation: 'paymentCollection.approve',
    key: idempotencyKey,
    input: request,
    remember: (result) => ({ collectionId: result.collection.id, paymentIds: result.payments.map((p) => p.id) }),
    recall: async (tx, stored) => {
      const ids = stored.paymentIds as number[];
      const [collection] = await findByIds(tx, operatorId, [stored.collectionId as number]);
      const rows = await findPaymentsByIds(tx, operatorId, ids);
      return { collection: collection!, payments: ids.map((id) => rows.find((r) => r.id === id)).filter((r): r is PaymentRow => r !== undefined) };
    },
  };
  return writeOnce(ctx, once, async (tx) => {
    const collection = await lockCollection(tx, operatorId, input.customerId, input.collectionId);
    if (collection.status !== 'cash_collected') {
      const message = `payment collection ${collection.id} is ${collection.status.replace(/_/g, ' ')}; only a collected payment can be approved`;
      throw new PreconditionFailedError(message, [{ field: ['collectionId'], message, code: 'PRECONDITION_FAILED' }]);
    }
    const method = METHOD[collection.method!];
    const base = {
      operatorId,
      customerId: input.customerId,
      paymentDate: today(),
      method,
      narrative: `Field collection ${collection.id}`,
      reference: collection.chequeNumber ?? (collection.cardLast4 ? `card ****${collection.cardLast4}` : null),
      recordedByStaffId: ctx.actor.staffUserId,
    };
    let left = cents!;
    const made: PaymentRow[] = [];
    if (input.applyToInvoices ?? true) {
      const open = await tx
        .select()
        .from(invoices)
        .where(and(eq(invoices.operatorId, operatorId), eq(invoices.customerId, input.customerId), inArray(invoices.status, ['open', 'partially_paid'])))
        .orderBy(asc(invoices.issueDate), asc(invoices.id))
        .for('update');
      for (const invoice of open) {
        if (left <= 0) break;
        const due = toCents(invoice.total)! - toCents(invoice.amountPaid)!;
        if (due <= 0) continue;
        const part = Math.min(due, left);
        const paid = toCents(invoice.amountPaid)! + part;
        const [payment] = await tx.insert(payments).values({ ...base, invoiceId: invoice.id, amount: fromCents(part) }).returning();
        await tx
          .update(invoices)
          .set({ amountPaid: fromCents(paid), status: paid === toCents(invoice.total)! ? 'paid' : 'partially_paid' })
          .where(eq(invoices.id, invoice.id));
        made.push(payment!);
        left -= part;
      }
    }
    if (left > 0) {
      const [payment] = await tx.insert(payments).values({ ...base, invoiceId: null, amount: fromCents(left) }).returning();
      made.push(payment!);
    }
    const [row] = await tx
      .update(paymentCollections)
      .set({ status: 'approved', amount: fromCents(cents!), decidedAt: new Date(), decidedByStaffId: ctx.actor.staffUserId, paymentId: made[0]!.id })
      .where(eq(paymentCollections.id, collection.id))
      .returning();
    await audit(tx, ctx.actor, 'paymentCollection.approve', 'payment_collection', collection.id, {
      customerId: input.customerId,
      amount: fromCents(cents!),
      paymentIds: made.map((p) => p.id),
    });
    return { collection: row!, payments: made };
  });
}

export interface DisapproveInput {
  customerId: number;
  collectionId: number;
  /** Appended to the collection's notes. */
  reason?: string | null;
}

export async function disapprove(ctx: ServiceContext, input: DisapproveInput): Promise<PaymentCollectionRow> {
  authorize(ctx.actor, 'billing.write');
  const operatorId = ctx.actor.operatorId;
  const v = new Validation();
  await requireCustomer(ctx.db, operatorId, input.customerId, v);
  if ((input.reason?.length ?? 0) > MAX_TEXT) v.add('reason', `reason is longer than ${MAX_TEXT} characters`);
  v.throwIfAny();
  return ctx.db.transaction(async (tx) => {
    const collection = await lockCollection(tx, operatorId, input.customerId, input.collectionId);
    if (!OPEN_STATES.includes(collection.status)) {
      const message = `payment collection ${collection.id} was already ${collection.status}`;
      throw new PreconditionFailedError(message, [{ field: ['collectionId'], message, code: 'PRECONDITION_FAILED' }]);
    }
    const notes = input.reason ? [collection.notes, `Disapproved: ${input.reason}`].filter(Boolean).join('\n') : collection.notes;
    const [row] = await tx
      .update(paymentCollections)
      .set({ status: 'disapproved', decidedAt: new Date(), decidedByStaffId: ctx.actor.staffUserId, notes })
      .where(eq(paymentCollections.id, collection.id))
      .returning();
    await audit(tx, ctx.actor, 'paymentCollection.disapprove', 'payment_collection', collection.id, { customerId: input.customerId, reason: input.reason ?? null });
    return row!;
  });
}

/** Collections of many customers, newest first. */
// ---------------------------------------------------------------- E27 assignment to a collector

/** Staff who may go out and collect: a collector, or a manager or admin doing it themselves. */
const COLLECTING_ROLES: readonly string[] = ['collector', 'manager', 'admin'];

export interface AssignInput {
  customerId: number;
  staffUserId: number;
  /** Jaze `accountId`: when given it must name the caller's own operator (its wire code). */
  operatorCode?: string | null;
}

async function requireCollectingStaff(db: Executor, operatorId: number, staffUserId: number, v: Validation, field: string): Promise<void> {
  const [staff] = await db
    .select({ role: staffUsers.role, active: staffUsers.active })
    .from(staffUsers)
    .where(and(eq(staffUsers.operatorId, operatorId), eq(staffUsers.id, staffUserId)));
  if (!staff) v.add(field, `staff user ${staffUserId} does not exist`, 'NOT_FOUND');
  else if (!staff.active) v.add(field, `staff user ${staffUserId} is not active`);
  else if (!COLLECTING_ROLES.includes(staff.role)) v.add(field, `staff user ${staffUserId} is ${staff.role === 'api' ? 'an' : 'a'} ${staff.role} and cannot collect payments`);
}

/**
 * Puts a customer on a collector's round. A customer is on one round at a time, so an earlier
 * collection assignment to another staff user ends; assigning again to the same one changes
 * nothing. (Management assignments are a different purpose and are left alone.)
 */
export async function assignToCollector(ctx: ServiceContext, input: AssignInput): Promise<{ previousStaffUserIds: number[] }> {
  authorize(ctx.actor, 'billing.write');
  const operatorId = ctx.actor.operatorId;
  const v = new Validation();
  if (input.operatorCode != null) {
    const [operator] = await ctx.db.select({ code: operators.code }).from(operators).where(eq(operators.id, operatorId));
    // another operator's code is reported as unknown: accounts are not revealed across tenants
    if (operator?.code !== input.operatorCode.trim()) v.add('operatorCode', `account ${input.operatorCode} does not exist`, 'NOT_FOUND');
  }
  await requireCustomer(ctx.db, operatorId, input.customerId, v);
  await requireCollectingStaff(ctx.db, operatorId, input.staffUserId, v, 'staffUserId');
  v.throwIfAny();
  return ctx.db.transaction(async (tx) => {
    const ended = await tx
      .delete(staffCustomerAssignments)
      .where(
        and(
          eq(staffCustomerAssignments.operatorId, operatorId),
          eq(staffCustomerAssignments.customerId, input.customerId),
          eq(staffCustomerAssignments.purpose, 'collection'),
          ne(staffCustomerAssignments.staffUserId, input.staffUserId),
        ),
      )
      .returning({ staffUserId: staffCustomerAssignments.staffUserId });
    const added = await tx
      .insert(staffCustomerAssignments)
      .values({ operatorId, staffUserId: input.staffUserId, customerId: input.customerId, purpose: 'collection' })
      .onConflictDoNothing()
      .returning({ staffUserId: staffCustomerAssignments.staffUserId });
    const previousStaffUserIds = ended.map((r) => r.staffUserId);
    if (added.length || previousStaffUserIds.length) {
      await audit(tx, ctx.actor, 'paymentCollection.assign', 'customer', input.customerId, { staffUserId: input.staffUserId, previousStaffUserIds });
    }
    return { previousStaffUserIds };
  });
}

// ---------------------------------------------------------------- E21 / E22 collection lists

/** A customer as a collector needs them: contact, place in the address book, coordinates. */
export interface CollectionCustomer {
  customerId: number;
  operatorCode: string;
  name: string;
  companyName: string | null;
  phone: string | null;
  email: string | null;
  street1: string | null;
  street2: string | null;
  latitude: string | null;
  longitude: string | null;
  areaName: string | null;
  streetName: string | null;
  buildingName: string | null;
}

const customerPlace = {
  customerId: customers.id,
  operatorCode: operators.code,
  name: customers.name,
  companyName: customers.companyName,
  phone: customers.phone,
  email: customers.email,
  street1: customers.street1,
  street2: customers.street2,
  latitude: customers.latitude,
  longitude: customers.longitude,
  areaName: areas.name,
  streetName: streets.name,
  buildingName: buildings.name,
};

/** Unpaid parts of the customer's open invoices; null when nothing is open. */
const outstanding = sql<string | null>`(select sum(${invoices.total} - ${invoices.amountPaid})::numeric(14,2)::text from ${invoices}
  where ${invoices.customerId} = ${customers.id} and ${invoices.status} in ('open', 'partially_paid'))`;

export interface RoundFilter {
  /** The collector whose round it is. */
  staffUserId: number;
  areaId?: number | null;
  /** Only customers who owe something. */
  withBalanceOnly?: boolean | null;
}

/** The customers on a collector's round (assigned for collection), by area, street, building and name. */
export async function collectionRound(ctx: ServiceContext, filter: RoundFilter): Promise<(CollectionCustomer & { balance: string | null })[]> {
  const operatorId = ctx.actor.operatorId;
  const v = new Validation();
  await requireStaff(ctx.db, operatorId, filter.staffUserId, v, 'staffUserId');
  if (filter.areaId != null) await requireArea(ctx.db, operatorId, filter.areaId, v);
  v.throwIfAny();
  return ctx.db
    .select({ ...customerPlace, balance: outstanding })
    .from(staffCustomerAssignments)
    .innerJoin(customers, eq(customers.id, staffCustomerAssignments.customerId))
    .innerJoin(operators, eq(operators.id, customers.operatorId))
    .leftJoin(areas, eq(areas.id, customers.areaId))
    .leftJoin(streets, eq(streets.id, customers.streetId))
    .leftJoin(buildings, eq(buildings.id, customers.buildingId))
    .where(
      and(
        eq(staffCustomerAssignments.operatorId, operatorId),
        eq(staffCustomerAssignments.staffUserId, filter.staffUserId),
        eq(staffCustomerAssignments.purpose, 'collection'),
        filter.areaId != null ? eq(customers.areaId, filter.areaId) : undefined,
        filter.withBalanceOnly ? sql`${outstanding}::numeric > 0` : undefined,
      ),
    )
    .orderBy(asc(areas.name), asc(streets.name), asc(buildings.name), asc(customers.name), asc(customers.id));
}

export interface ApprovalQueueFilter {
  /** Only what this staff user collected. */
  collectorStaffId?: number | null;
  /** YYYY-MM-DD, inclusive, on the day (UTC) the collection was recorded. */
  from?: string | null;
  to?: string | null;
}

/** Collected payments waiting for approval (E22), oldest first, with their customers. */
export async function awaitingApproval(ctx: ServiceContext, filter: ApprovalQueueFilter): Promise<(CollectionCustomer & { collection: PaymentCollectionRow })[]> {
  const operatorId = ctx.actor.operatorId;
  const v = new Validation();
  if (filter.collectorStaffId != null) await requireStaff(ctx.db, operatorId, filter.collectorStaffId, v, 'collectorStaffId');
  for (const key of ['from', 'to'] as const) if (filter[key] != null && !isCalendarDate(filter[key]!)) v.add(key, `${key} "${filter[key]}" is not a date (YYYY-MM-DD)`);
  if (v.ok && filter.from && filter.to && filter.from > filter.to) v.add('from', `from ${filter.from} is after to ${filter.to}`);
  v.throwIfAny();
  const rows = await ctx.db
    .select({ ...customerPlace, collection: paymentCollections })
    .from(paymentCollections)
    .innerJoin(customers, eq(customers.id, paymentCollections.customerId))
    .innerJoin(operators, eq(operators.id, customers.operatorId))
    .leftJoin(areas, eq(areas.id, customers.areaId))
    .leftJoin(streets, eq(streets.id, customers.streetId))
    .leftJoin(buildings, eq(buildings.id, customers.buildingId))
    .where(
      and(
        eq(paymentCollections.operatorId, operatorId),
        eq(paymentCollections.status, 'cash_collected'),
        filter.collectorStaffId != null ? eq(paymentCollections.collectorStaffId, filter.collectorStaffId) : undefined,
        filter.from ? sql`${paymentCollections.createdAt} >= ${filter.from}::date::timestamp at time zone 'UTC'` : undefined,
        filter.to ? sql`${paymentCollections.createdAt} < (${filter.to}::date + 1)::timestamp at time zone 'UTC'` : undefined,
      ),
    )
    .orderBy(asc(paymentCollections.createdAt), asc(paymentCollections.id));
  return rows;
}

async function requireStaff(db: Executor, operatorId: number, staffUserId: number, v: Validation, field: string): Promise<void> {
  const [staff] = await db.select({ id: staffUsers.id }).from(staffUsers).where(and(eq(staffUsers.operatorId, operatorId), eq(staffUsers.id, staffUserId)));
  if (!staff) v.add(field, `staff user ${staffUserId} does not exist`, 'NOT_FOUND');
}

async function requireArea(db: Executor, operatorId: number, areaId: number, v: Validation): Promise<void> {
  const [area] = await db.select({ id: areas.id }).from(areas).where(and(eq(areas.operatorId, operatorId), eq(areas.id, areaId)));
  if (!area) v.add('areaId', `area ${areaId} does not exist`, 'NOT_FOUND');
}

/**
 * What a customer's field collections can be ordered by; newest first (CREATED_AT, DESC) by
 * default, as the list always was. DECIDED_AT is null until approved or disapproved: those come
 * first descending, last ascending.
 */
export const COLLECTION_SORTS = { ID: paymentCollections.id, CREATED_AT: paymentCollections.createdAt, DECIDED_AT: paymentCollections.decidedAt } as const;
export type CollectionSortField = keyof typeof COLLECTION_SORTS;

/** A customer's field collections: the operator's, in the asked order (also the compiled read path's). */
export const customerCollectionsQuery = operatorListQuery(paymentCollections.operatorId, COLLECTION_SORTS, { field: 'CREATED_AT', direction: 'desc' });
