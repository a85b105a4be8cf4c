/**
 * Operators (tenants): created from the admin CLI only. Operator creation is the one write that
 * no tenant's actor can make (there is no operator yet to scope it to), so it takes the
 * database and the surface rather than a ServiceContext, and its audit entry belongs to the
 * new operator. Its settings (name, currency, time zone) are changed by an admin of the
 * operator itself: the graph's caller, or the admin CLI acting as the operator's system actor.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { CurrencyResolver } from 'graphql-scalars';
import type { Database, Executor } from '../db/client';
import { createCustomerStatuses } from '../db/seed/reference-data';
import { audit } from '../shared/audit';
import type { Actor, ServiceContext, Surface } from '../shared/context';
import { uniqueViolation } from '../shared/db-errors';
import { ConflictError, NotFoundError, Validation } from '../shared/errors';
import { isTimeZone } from '../shared/time-zone';
import { operators } from './operator.table';
import { authorize } from './permissions';

export const OPERATOR_CODE_PATTERN = /^[a-z][a-z0-9_-]{1,30}$/;

export interface OperatorCreateInput {
  code: string;
  name: string;
  currency?: string | null;
  timezone?: string | null;
}

/** An operator as listings show it: never its M4 secret, only whether one is set. */
export interface OperatorSummary {
  id: number;
  code: string;
  name: string;
  currency: string;
  timezone: string;
  apiEnabled: boolean;
  apiGetEnabled: boolean;
  m4SecretSet: boolean;
  createdAt: Date;
}

const SUMMARY = {
  id: operators.id,
  code: operators.code,
  name: operators.name,
  currency: operators.currency,
  timezone: operators.timezone,
  apiEnabled: operators.apiEnabled,
  apiGetEnabled: operators.apiGetEnabled,
  m4ApiSecret: operators.m4ApiSecret,
  createdAt: operators.createdAt,
};

function summary(row: { m4ApiSecret: string | null } & Omit<OperatorSummary, 'm4SecretSet'>): OperatorSummary {
  const { m4ApiSecret, ...rest } = row;
  return { ...rest, m4SecretSet: m4ApiSecret != null };
}

/** The actor the admin CLI (or another system surface) acts as inside an operator: role admin. */
export function systemActor(operatorId: number, surface: Surface = 'cli'): Actor {
  return { operatorId, staffUserId: null, role: 'admin', surface };
}

/** The rules for an operator's name, currency and time zone, on create and update alike. */
function validateSettings(v: Validation, input: { name?: string; currency?: string; timezone?: string }): void {
  if (input.name !== undefined) {
    if (!input.name) v.add('name', 'name is required');
    else if (input.name.length > 200) v.add('name', 'name must have at most 200 characters');
  }
  // Upper case, and one the graph's CurrencyCode scalar serves (graphql-scalars' ISO 4217 list).
  if (input.currency !== undefined && !(/^[A-Z]{3}$/.test(input.currency) && isCurrencyCode(input.currency))) {
    v.add('currency', 'currency must be an ISO 4217 code such as EUR');
  }
  if (input.timezone !== undefined && !isTimeZone(input.timezone)) v.add('timezone', `"${input.timezone}" is not an IANA time zone (e.g. Europe/Dublin)`);
}

function isCurrencyCode(value: string): boolean {
  try {
    CurrencyResolver.parseValue(value);
    return true;
  } catch {
    return false;
  }
}

export interface OperatorUpdateInput {
  name?: string | null;
  currency?: string | null;
  timezone?: string | null;
}

/**
 * Changes the name, currency or time zone of the actor's own operator (admins only); absent
 * (or null) fields stay. One function for every surface: the graph calls it for the caller's
 * operator, the admin CLI with the system actor of the operator it names. Every amount of the
 * operator is then read in the new currency, and its dates in the new zone.
 */
export async function update(ctx: ServiceContext, input: OperatorUpdateInput): Promise<OperatorSummary> {
  authorize(ctx.actor, 'admin');
  const changes: { name?: string; currency?: string; timezone?: string } = {};
  if (input.name != null) changes.name = input.name.trim();
  if (input.currency != null) changes.currency = input.currency.trim();
  if (input.timezone != null) changes.timezone = input.timezone.trim();
  const v = new Validation();
  validateSettings(v, changes);
  v.throwIfAny();
  return ctx.db.transaction(async (tx) => {
    const [existing] = await tx
      .select(SUMMARY)
      .from(operators)
      .where(and(eq(operators.id, ctx.actor.operatorId), isNull(operators.deletedAt)))
      .for('update');
    if (!existing) throw new NotFoundError('operator', ctx.actor.operatorId);
    if (Object.keys(changes).length === 0) return summary(existing);
    const [row] = await tx.update(operators).set(changes).where(eq(operators.id, existing.id)).returning(SUMMARY);
    await audit(tx, ctx.actor, 'operator.update', 'operator', existing.id, changes);
    return summary(row!);
  });
}

/**
 * Creates an operator with SIMPLer's customer statuses and nothing else: no staff, no
 * credentials (the CLI adds those), its M4 API without a secret (so off until one is set).
 */
export async function create(db: Database, input: OperatorCreateInput, surface: Surface = 'cli'): Promise<OperatorSummary> {
  const code = input.code?.trim() ?? '';
  const name = input.name?.trim() ?? '';
  const currency = input.currency?.trim() || 'EUR';
  const timezone = input.timezone?.trim() || 'UTC';
  const v = new Validation();
  if (!OPERATOR_CODE_PATTERN.test(code)) v.add('code', 'code must be 2-31 lowercase letters, digits, "_" or "-", starting with a letter');
  validateSettings(v, { name, currency, timezone });
  v.throwIfAny();
  try {
    return await db.transaction(async (tx) => {
      const [existing] = await tx.select({ id: operators.id }).from(operators).where(eq(operators.code, code));
      if (existing) throw new ConflictError(`operator "${code}" already exists`, ['code']);
      const [row] = await tx.insert(operators).values({ code, name, currency, timezone }).returning(SUMMARY);
      await createCustomerStatuses(tx, row!.id);
      await audit(tx, systemActor(row!.id, surface), 'operator.create', 'operator', row!.id, { code, name, currency, timezone });
      return summary(row!);
    });
  } catch (error) {
    if (uniqueViolation(error) === 'operators_code_key') throw new ConflictError(`operator "${code}" already exists`, ['code']);
    throw error;
  }
}

export async function list(db: Executor): Promise<OperatorSummary[]> {
  const rows = await db.select(SUMMARY).from(operators).where(isNull(operators.deletedAt)).orderBy(asc(operators.code));
  return rows.map(summary);
}

/** Operators by id (the graph's loader reads the actor's own only). */
export async function findByIds(db: Executor, ids: readonly number[]): Promise<OperatorSummary[]> {
  if (ids.length === 0) return [];
  const rows = await db.select(SUMMARY).from(operators).where(inArray(operators.id, [...ids]));
  return rows.map(summary);
}

/** The live operator with this code, or NOT_FOUND on `field`. */
export async function getByCode(db: Executor, code: string, field: string[] = ['operator']): Promise<OperatorSummary> {
  const [row] = await db.select(SUMMARY).from(operators).where(and(eq(operators.code, code), isNull(operators.deletedAt)));
  if (!row) throw new NotFoundError('operator', code, field);
  return summary(row);
}
