/** Tax zones: named default tax rates a customer or subscription can pick (SIMPLer `tax_zone`). */
import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { audit } from '../shared/audit';
import type { ServiceContext } from '../shared/context';
import { uniqueViolation } from '../shared/db-errors';
import { ConflictError, NotFoundError, Validation } from '../shared/errors';
import { setFields } from '../shared/patch';
import { refuseIfReferenced } from '../shared/references';
import { customers } from '../customers/customer.table';
import { subscriptions } from '../billing/subscription.table';
import { authorize } from '../tenancy/permissions';
import { taxZones } from './tax-zone.table';

export type TaxZoneRow = typeof taxZones.$inferSelect;

export async function findByIds(db: Executor, operatorId: number, ids: readonly number[]): Promise<TaxZoneRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(taxZones).where(and(eq(taxZones.operatorId, operatorId), inArray(taxZones.id, [...ids])));
}

/** Every tax zone of the operator, by name (a short list: no paging). */
export async function list(ctx: ServiceContext): Promise<TaxZoneRow[]> {
  return ctx.db.select().from(taxZones).where(eq(taxZones.operatorId, ctx.actor.operatorId)).orderBy(asc(taxZones.name), asc(taxZones.id));
}

// ---------------------------------------------------------------- writing

export interface TaxZoneInput {
  /** Unique in the operator. */
  name?: string;
  /** Percent, 0..100, at most four decimals. */
  rate?: string;
}

const PERCENT = /^\d{1,3}(\.\d{1,4})?$/;
const MAX_NAME = 200;

/*
 * A zone's rate is a default copied when a customer or subscription picks it (and into each
 * invoice line when billed), so changing it later changes no issued invoice and no stored
 * subscription rate.
 */

async function validate(db: Executor, operatorId: number, input: TaxZoneInput, existing: TaxZoneRow | null): Promise<{ name?: string; rate?: string }> {
  const v = new Validation();
  let name: string | undefined;
  if (existing === null || input.name !== undefined) {
    name = input.name?.trim();
    if (!name) v.add('name', 'name is required');
    else if (name.length > MAX_NAME) v.add('name', `name is longer than ${MAX_NAME} characters`);
    else if (name !== existing?.name) {
      const clash = await db.select({ id: taxZones.id }).from(taxZones).where(and(eq(taxZones.operatorId, operatorId), eq(taxZones.name, name), existing ? ne(taxZones.id, existing.id) : undefined));
      if (clash.length) v.add('name', `tax zone "${name}" already exists`, 'CONFLICT');
    }
  }
  const rate = input.rate?.trim();
  if (existing === null && rate === undefined) v.add('rate', 'rate is required');
  else if (rate !== undefined && (!PERCENT.test(rate) || Number(rate) > 100)) v.add('rate', 'rate must be a percentage from 0 to 100');
  v.throwIfAny();
  return { name, rate };
}

function nameTaken(error: unknown, name: string | undefined): never {
  if (uniqueViolation(error) === 'tax_zones_operator_name_key') throw new ConflictError(`tax zone "${name}" already exists`, ['name']);
  throw error;
}

export async function create(ctx: ServiceContext, input: TaxZoneInput): Promise<TaxZoneRow> {
  authorize(ctx.actor, 'catalog.write');
  const operatorId = ctx.actor.operatorId;
  const { name, rate } = await validate(ctx.db, operatorId, input, null);
  try {
    return await ctx.db.transaction(async (tx) => {
      const [row] = await tx.insert(taxZones).values({ operatorId, name: name!, rate: rate! }).returning();
      await audit(tx, ctx.actor, 'taxZone.create', 'tax_zone', row!.id, { name, rate });
      return row!;
    });
  } catch (error) {
    return nameTaken(error, name);
  }
}

export async function update(ctx: ServiceContext, id: number, input: TaxZoneInput): Promise<TaxZoneRow> {
  authorize(ctx.actor, 'catalog.write');
  const operatorId = ctx.actor.operatorId;
  const [existing] = await findByIds(ctx.db, operatorId, [id]);
  if (!existing) throw new NotFoundError('tax zone', id, ['id']);
  const changes = setFields(await validate(ctx.db, operatorId, input, existing));
  if (Object.keys(changes).length === 0) return existing;
  try {
    return await ctx.db.transaction(async (tx) => {
      const [row] = await tx.update(taxZones).set(changes).where(and(eq(taxZones.operatorId, operatorId), eq(taxZones.id, id))).returning();
      await audit(tx, ctx.actor, 'taxZone.update', 'tax_zone', id, changes);
      return row!;
    });
  } catch (error) {
    return nameTaken(error, changes.name);
  }
}

/** Deletes a tax zone no subscription or customer uses (a customer's would be cleared silently). */
export async function remove(ctx: ServiceContext, id: number): Promise<void> {
  authorize(ctx.actor, 'catalog.write');
  const operatorId = ctx.actor.operatorId;
  const [existing] = await findByIds(ctx.db, operatorId, [id]);
  if (!existing) throw new NotFoundError('tax zone', id, ['id']);
  await refuseIfReferenced(ctx.db, 'tax zone', id, [
    { message: 'subscriptions use it', table: subscriptions, where: eq(subscriptions.taxZoneId, id) },
    { message: 'customers use it', table: customers, where: eq(customers.taxZoneId, id) },
  ]);
  await ctx.db.transaction(async (tx) => {
    await tx.delete(taxZones).where(and(eq(taxZones.operatorId, operatorId), eq(taxZones.id, id)));
    await audit(tx, ctx.actor, 'taxZone.delete', 'tax_zone', id, { name: existing.name, rate: existing.rate });
  });
}
