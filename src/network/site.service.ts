/**
 * Sites: towers, rooftops, warehouses and installer bases (SIMPLer addSite/modifySite/
 * deleteSite). Every surface calls these functions; writes validate everything first, then run
 * in one transaction with their audit entry, so bad input changes nothing.
 */
import { and, eq, inArray, ne, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { listCount, listPage, type PageArgs, type SortKey, sortKeyOf } from '../db/pagination';
import { audit } from '../shared/audit';
import type { ServiceContext } from '../shared/context';
import { ConflictError, NotFoundError, PreconditionFailedError, Validation } from '../shared/errors';
import { EMAIL_PATTERN } from '../customers/customer.rules';
import { basestations } from './basestation.table';
import { equipment } from './equipment.table';
import { gateways } from './gateway.table';
import { containsText } from '../db/text-match';
import { uniqueViolation } from '../shared/db-errors';
import { siteMaintenanceInterval, sites, siteStatus, siteType, towerType } from './site.table';
import { canonicalUsState, DATE_PATTERN, isFullCountryName, MAX_SITE_TEXT } from './site.rules';
import { setFields } from '../shared/patch';
import { authorize } from '../tenancy/permissions';
import { updatedWithin, type UpdatedRange } from '../sync/updated-range';

export type SiteRow = typeof sites.$inferSelect;
type SiteColumns = Omit<typeof sites.$inferInsert, 'id' | 'operatorId' | 'createdAt'>;
/**
 * Everything a caller may set on a site; `undefined` leaves a field as it is, null clears it
 * (refused, with a message, for the fields that always hold a value).
 */
export type SiteInput = { [K in keyof SiteColumns]?: SiteColumns[K] | null };

// ---------------------------------------------------------------- reading

export async function findByIds(db: Executor, operatorId: number, ids: readonly number[]): Promise<SiteRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(sites).where(and(eq(sites.operatorId, operatorId), inArray(sites.id, [...ids])));
}

export async function getById(ctx: ServiceContext, id: number): Promise<SiteRow> {
  const [row] = await findByIds(ctx.db, ctx.actor.operatorId, [id]);
  if (!row) throw new NotFoundError('site', id, ['siteId']);
  return row;
}

export interface SiteFilter extends UpdatedRange {
  /** Part of the name, any case. */
  name?: string | null;
  status?: SiteRow['status'][] | null;
  siteType?: NonNullable<SiteRow['siteType']>[] | null;
}

export function siteConditions(operatorId: number, filter: SiteFilter = {}): SQL {
  const conditions: (SQL | undefined)[] = [eq(sites.operatorId, operatorId)];
  if (filter.name) conditions.push(containsText(sites.name, filter.name));
  if (filter.status?.length) conditions.push(inArray(sites.status, filter.status));
  if (filter.siteType?.length) conditions.push(inArray(sites.siteType, filter.siteType));
  conditions.push(...updatedWithin(sites.updatedAt, filter));
  return and(...conditions)!;
}

export const SITE_SORTS = { ID: sites.id, NAME: sites.name, CREATED_AT: sites.createdAt, UPDATED_AT: sites.updatedAt } as const;
export type SiteSortField = keyof typeof SITE_SORTS;

export function siteSort(field: SiteSortField = 'ID', direction: 'asc' | 'desc' = 'asc'): SortKey {
  return sortKeyOf(SITE_SORTS, field, direction);
}

export async function list(ctx: ServiceContext, filter: SiteFilter, sort: SortKey, page: PageArgs) {
  const where = siteConditions(ctx.actor.operatorId, filter);
  return {
    page: await listPage(ctx.db, { table: sites, idColumn: sites.id, where, sort }, page),
    count: () => listCount(ctx.db, sites, where),
  };
}

// ---------------------------------------------------------------- writing

const TEXT_FIELDS = [
  'name', 'contactName', 'accessInfo', 'phone', 'email', 'accessHours', 'minStockLevel', 'common', 'owner', 'reference', 'mlDuration',
  'subStatus', 'poNumber', 'complianceNumber', 'heightAllocation', 'street1', 'street2', 'city', 'county', 'zip', 'state', 'country',
] as const satisfies readonly (keyof SiteColumns)[];

/** Enum columns checked here too: the legacy adapters hand in values parsed from the wire. */
const ENUMS: [keyof SiteColumns, readonly string[]][] = [
  ['maintenanceInterval', siteMaintenanceInterval.enumValues],
  ['status', siteStatus.enumValues],
  ['siteType', siteType.enumValues],
  ['towerType', towerType.enumValues],
];

function checkNumber(v: Validation, field: string, value: string | null | undefined, min: number, max: number, label: string): void {
  if (value == null) return;
  const n = Number(value);
  if (String(value).trim() === '' || !Number.isFinite(n) || n < min || n > max) v.add(field, `${label} must be a number from ${min} to ${max}`);
}

async function validate(db: Executor, operatorId: number, input: SiteInput, v: Validation, existing: SiteRow | null): Promise<void> {
  if (existing === null || input.name !== undefined) {
    if (!input.name?.trim()) v.add('name', 'site name is required');
  }
  for (const key of TEXT_FIELDS) {
    const value = input[key];
    if (typeof value === 'string' && value.length > MAX_SITE_TEXT) v.add(key, `${key} is longer than ${MAX_SITE_TEXT} characters`);
  }
  for (const [key, allowed] of ENUMS) {
    const value = input[key];
    if (value != null && !allowed.includes(value as string)) v.add(key, `${key} must be one of ${allowed.join(', ')}`);
  }
  // These columns always hold a value (they have defaults); null can neither clear nor create them.
  if (input.status === null) v.add('status', 'status cannot be removed');
  if (input.maintenanceInterval === null) v.add('maintenanceInterval', 'maintenance interval cannot be removed');
  if (input.maintenanceEnabled === null) v.add('maintenanceEnabled', 'maintenance option cannot be removed');
  checkNumber(v, 'latitude', input.latitude, -90, 90, 'latitude');
  checkNumber(v, 'longitude', input.longitude, -180, 180, 'longitude');
  checkNumber(v, 'accessLatitude', input.accessLatitude, -90, 90, 'access latitude');
  checkNumber(v, 'accessLongitude', input.accessLongitude, -180, 180, 'access longitude');
  checkNumber(v, 'frequency', input.frequency, 0, 1e12, 'frequency');
  checkNumber(v, 'height', input.height, 0, 1e6, 'height');
  if (input.email && !EMAIL_PATTERN.test(input.email)) v.add('email', `"${input.email}" is not an e-mail address`);
  if (input.nextMaintenanceDate != null && (!DATE_PATTERN.test(input.nextMaintenanceDate) || Number.isNaN(Date.parse(input.nextMaintenanceDate)))) {
    v.add('nextMaintenanceDate', 'next maintenance date must be a date as YYYY-MM-DD');
  }
  if (input.state && !canonicalUsState(input.state)) v.add('state', `"${input.state}" is not a full US state name (abbreviations are not accepted)`);
  if (input.country && !isFullCountryName(input.country)) v.add('country', `"${input.country}" is not a full country name (codes are not accepted)`);
  if (input.wibNumber != null) {
    const [gateway] = await db
      .select({ id: gateways.id })
      .from(gateways)
      .where(and(eq(gateways.operatorId, operatorId), eq(gateways.wibNumber, input.wibNumber)));
    if (!gateway) v.add('wibNumber', `no gateway has WIB number ${input.wibNumber}`, 'NOT_FOUND');
  }
  const name = input.name?.trim();
  if (name && name !== existing?.name) {
    const clash = await db
      .select({ id: sites.id })
      .from(sites)
      .where(and(eq(sites.operatorId, operatorId), eq(sites.name, name), existing ? ne(sites.id, existing.id) : undefined));
    if (clash.length) v.add('name', `a site named "${name}" already exists`, 'CONFLICT');
  }
}

/** The columns to write: undefined dropped, text trimmed, state spelled canonically. */
function columnsOf(input: SiteInput): Partial<SiteColumns> {
  const out = setFields(input) as Partial<SiteColumns>;
  if (typeof out.state === 'string') out.state = canonicalUsState(out.state) ?? out.state;
  return out;
}

function nameTaken(error: unknown, name: string | undefined): never {
  if (uniqueViolation(error)?.includes('sites_operator_name')) throw new ConflictError(`a site named "${name}" already exists`, ['name']);
  throw error;
}

export async function create(ctx: ServiceContext, input: SiteInput): Promise<SiteRow> {
  authorize(ctx.actor, 'network.write');
  const operatorId = ctx.actor.operatorId;
  const v = new Validation();
  await validate(ctx.db, operatorId, input, v, null);
  v.throwIfAny();
  const columns = columnsOf(input);
  try {
    return await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(sites)
        .values({ ...columns, operatorId, name: columns.name! } as typeof sites.$inferInsert)
        .returning();
      await audit(tx, ctx.actor, 'site.create', 'site', row!.id, columns);
      return row!;
    });
  } catch (error) {
    return nameTaken(error, columns.name);
  }
}

export async function update(ctx: ServiceContext, id: number, input: SiteInput): Promise<SiteRow> {
  authorize(ctx.actor, 'network.write');
  const operatorId = ctx.actor.operatorId;
  const existing = await getById(ctx, id);
  const v = new Validation();
  await validate(ctx.db, operatorId, input, v, existing);
  v.throwIfAny();
  const columns = columnsOf(input);
  if (Object.keys(columns).length === 0) return existing;
  try {
    return await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .update(sites)
        .set(columns)
        .where(and(eq(sites.operatorId, operatorId), eq(sites.id, id)))
        .returning();
      await audit(tx, ctx.actor, 'site.update', 'site', id, columns);
      return row!;
    });
  } catch (error) {
    return nameTaken(error, columns.name);
  }
}

/** Deletes a site that has no equipment assigned and no basestations standing on it. */
export async function remove(ctx: ServiceContext, id: number): Promise<{ id: number }> {
  authorize(ctx.actor, 'network.write');
  const operatorId = ctx.actor.operatorId;
  await ctx.db.transaction(async (tx) => {
    // The row lock makes a concurrent "assign equipment to this site" wait for us (its foreign
    // key check takes a key-share lock on the site), so the counts below cannot go stale.
    const [site] = await tx
      .select({ id: sites.id, name: sites.name })
      .from(sites)
      .where(and(eq(sites.operatorId, operatorId), eq(sites.id, id)))
      .for('update');
    if (!site) throw new NotFoundError('site', id, ['siteId']);
    const equipmentCount = await tx.$count(equipment, eq(equipment.siteId, id));
    const basestationCount = await tx.$count(basestations, eq(basestations.siteId, id));
    const problems: string[] = [];
    if (equipmentCount) problems.push(`${equipmentCount} piece(s) of equipment are assigned to it`);
    if (basestationCount) problems.push(`${basestationCount} basestation(s) stand on it`);
    if (problems.length) {
      const message = `site ${id} cannot be deleted: ${problems.join('; ')}`;
      throw new PreconditionFailedError(message, [{ field: ['siteId'], message, code: 'PRECONDITION_FAILED' }]);
    }
    await tx.delete(sites).where(and(eq(sites.operatorId, operatorId), eq(sites.id, id)));
    await audit(tx, ctx.actor, 'site.delete', 'site', id, { name: site.name });
  });
  return { id };
}

