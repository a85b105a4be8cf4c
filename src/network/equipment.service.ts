/**
 * Equipment: the inventory of devices (SIMPLer listEquipment, addEquipment, modifyEquipment,
 * add/deleteEquipmentLoginDetails). Writes validate everything first, then run in one
 * transaction with their audit entry, so bad input changes nothing.
 */
import { and, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { listCount, listPage, type PageArgs, type SortKey, sortKeyOf } from '../db/pagination';
import type { ServiceContext } from '../shared/context';
import { ConflictError, NotFoundError, PreconditionFailedError, Validation } from '../shared/errors';
import { audit } from '../shared/audit';
import { uniqueViolation } from '../shared/db-errors';
import { EMAIL_PATTERN } from '../customers/customer.rules';
import { customFields, customFieldValues } from '../customers/custom-field.table';
import { basestations } from './basestation.table';
import { cpes } from './cpe.table';
import { equipmentLogins } from './equipment-login.table';
import { sites } from './site.table';
import { isIpAddress, normalizeMac } from './net-rules';
import { equipment } from './equipment.table';
import { macContains } from './filters';
import { containsText } from '../db/text-match';
import { setFields } from '../shared/patch';
import { authorize } from '../tenancy/permissions';
import { updatedWithin, type UpdatedRange } from '../sync/updated-range';

export type EquipmentRow = typeof equipment.$inferSelect;

export async function findByIds(db: Executor, operatorId: number, ids: readonly number[]): Promise<EquipmentRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(equipment).where(and(eq(equipment.operatorId, operatorId), inArray(equipment.id, [...ids])));
}

export async function getById(ctx: ServiceContext, id: number): Promise<EquipmentRow> {
  const [row] = await findByIds(ctx.db, ctx.actor.operatorId, [id]);
  if (!row) throw new NotFoundError('equipment', id, ['equipmentId']);
  return row;
}

export interface EquipmentFilter extends UpdatedRange {
  id?: number | null;
  type?: string | null;
  status?: EquipmentRow['status'] | null;
  /** Part of the nickname, any case. */
  nickname?: string | null;
  /** Exact address. */
  ipAddress?: string | null;
  /** Part of the MAC, separators ignored. */
  mac?: string | null;
  siteId?: number | null;
  serialNumber?: string | null;
  parentId?: number | null;
}

/**
 * The conditions of an equipment filter. An address filter that is not an address is refused
 * (it could never match, and the database would reject the cast).
 */
export function equipmentConditions(operatorId: number, filter: EquipmentFilter = {}): SQL {
  if (filter.ipAddress && !isIpAddress(filter.ipAddress)) {
    new Validation().add('ipAddress', `"${filter.ipAddress}" is not a valid IP address`).throwIfAny();
  }
  const conditions: (SQL | undefined)[] = [eq(equipment.operatorId, operatorId)];
  if (filter.id != null) conditions.push(eq(equipment.id, filter.id));
  if (filter.type) conditions.push(eq(equipment.type, filter.type));
  if (filter.status) conditions.push(eq(equipment.status, filter.status));
  if (filter.nickname) conditions.push(containsText(equipment.nickname, filter.nickname));
  // host() compares the address alone, so a stored prefix ("10.0.0.1/24") still matches "10.0.0.1".
  if (filter.ipAddress) conditions.push(sql`host(${equipment.ipAddress}) = host(${filter.ipAddress.trim()}::inet)`);
  if (filter.mac) conditions.push(macContains(equipment.mac, filter.mac));
  if (filter.siteId != null) conditions.push(eq(equipment.siteId, filter.siteId));
  if (filter.serialNumber) conditions.push(eq(equipment.serialNumber, filter.serialNumber));
  if (filter.parentId != null) conditions.push(eq(equipment.parentId, filter.parentId));
  conditions.push(...updatedWithin(equipment.updatedAt, filter));
  return and(...conditions)!;
}

export const EQUIPMENT_SORTS = { ID: equipment.id, NICKNAME: equipment.nickname, CREATED_AT: equipment.dateAdded } as const;
export type EquipmentSortField = keyof typeof EQUIPMENT_SORTS;

export function equipmentSort(field: EquipmentSortField = 'ID', direction: 'asc' | 'desc' = 'asc'): SortKey {
  return sortKeyOf(EQUIPMENT_SORTS, field, direction);
}

export async function list(ctx: ServiceContext, filter: EquipmentFilter, sort: SortKey, page: PageArgs) {
  const where = equipmentConditions(ctx.actor.operatorId, filter);
  return {
    page: await listPage(ctx.db, { table: equipment, idColumn: equipment.id, where, sort }, page),
    count: () => listCount(ctx.db, equipment, where),
  };
}

/** Every device matching the filter, in id order (SIMPLer listEquipment returns them all at once). */
export async function listAll(ctx: ServiceContext, filter: EquipmentFilter): Promise<EquipmentRow[]> {
  return ctx.db.select().from(equipment).where(equipmentConditions(ctx.actor.operatorId, filter)).orderBy(equipment.id);
}

// ---------------------------------------------------------------- writing

/** SIMPLer's documented equipment types (addEquipment/modifyEquipment `type`). */
export const EQUIPMENT_TYPES = [
  'AirOSBH', 'AirOSBH1', 'alvarionap', 'alvarionsm', 'bridge', 'bridgeSNMP', 'canopyap', 'canopybh', 'canopycmm', 'canopyofdm', 'canopyOFDMv2',
  'canopyPTP800', 'canopysm', 'genericAP', 'genericAPSNMP', 'genericAPSNMPv1', 'genericBH', 'genericBHSNMP', 'genericBHSNMPv1', 'genericSM',
  'genericSMSNMP', 'genericSMSNMPv1', 'mikrotikap', 'mikrotikrouter', 'mikrotiksm', 'nanostationap', 'nanostationsm', 'other', 'otherSNMP',
  'pbx', 'remotevoipphone', 'router', 'routerSNMP', 'switch', 'switchSNMP', 'canopy320sm', 'canopy320ap',
] as const;
export type EquipmentType = (typeof EQUIPMENT_TYPES)[number];

type EquipmentColumns = Omit<typeof equipment.$inferInsert, 'id' | 'operatorId' | 'dateAdded'>;

/** Equipment columns as a caller sends them: null asks to clear (refused for nickname and status). */
type ClearableColumns = { [K in keyof EquipmentColumns]?: EquipmentColumns[K] | null };

/** Everything a caller may set on equipment; `undefined` leaves a field as it is, null clears it. */
export interface EquipmentInput extends ClearableColumns {
  /** SIMPLer `assigned_site_name`: resolved to siteId (siteId wins when both are given). */
  siteName?: string | null;
  /** SIMPLer `parentNickname`: resolved to parentId (parentId wins when both are given). */
  parentNickname?: string | null;
  /** SIMPLer custom_field_<id>: sets (or, with null, clears) equipment custom field values. */
  customFields?: { fieldId: number; value: string | null }[] | null;
}

const MAX_DEPTH = 1000;

/** Whether making `parentId` the parent of `id` would close a loop (walks up from the parent). */
async function wouldCycle(db: Executor, operatorId: number, id: number, parentId: number): Promise<boolean> {
  let current: number | null = parentId;
  for (let depth = 0; current != null && depth < MAX_DEPTH; depth++) {
    if (current === id) return true;
    const [row] = await db.select({ parentId: equipment.parentId }).from(equipment).where(and(eq(equipment.operatorId, operatorId), eq(equipment.id, current)));
    current = row?.parentId ?? null;
  }
  return current != null;
}

/** Validates and resolves names to ids; returns the columns to write. */
async function prepare(db: Executor, operatorId: number, input: EquipmentInput, existing: EquipmentRow | null): Promise<Partial<EquipmentColumns>> {
  const v = new Validation();
  const { siteName, parentNickname, customFields: fields, ...rest } = input;
  const columns: Record<string, unknown> = setFields(rest);

  if (existing === null || input.nickname !== undefined) {
    if (!input.nickname?.trim()) v.add('nickname', 'nickname is required');
    else {
      const clash = await db
        .select({ id: equipment.id })
        .from(equipment)
        .where(and(eq(equipment.operatorId, operatorId), eq(equipment.nickname, input.nickname.trim()), existing ? ne(equipment.id, existing.id) : undefined));
      if (clash.length) v.add('nickname', `nickname "${input.nickname.trim()}" is already used by equipment ${clash[0]!.id}`, 'CONFLICT');
    }
  }
  if (input.ipAddress) {
    if (!isIpAddress(input.ipAddress)) v.add('ipAddress', `"${input.ipAddress}" is not a valid IP address`);
  } else if (input.ipAddress === '') columns.ipAddress = null;
  if (input.mac) {
    const mac = normalizeMac(input.mac);
    if (!mac) v.add('mac', `"${input.mac}" is not a valid MAC address`);
    else columns.mac = mac;
  } else if (input.mac === '') columns.mac = null;
  if (input.status !== undefined && !(['stock', 'use'] as unknown[]).includes(input.status)) v.add('status', 'status must be stock or use');
  if (input.type != null && input.type !== '' && !(EQUIPMENT_TYPES as readonly string[]).includes(input.type)) {
    v.add('type', `"${input.type}" is not an equipment type (valid: ${EQUIPMENT_TYPES.join(', ')})`);
  }
  if (input.maintEmail && !EMAIL_PATTERN.test(input.maintEmail)) v.add('maintEmail', `"${input.maintEmail}" is not an e-mail address`);
  if (input.value != null && !/^-?\d{1,12}(\.\d{1,4})?$/.test(String(input.value).trim())) v.add('value', 'value must be an amount such as 120.50');
  if (input.receiveDate != null && (!/^\d{4}-\d{2}-\d{2}$/.test(input.receiveDate) || Number.isNaN(Date.parse(input.receiveDate)))) {
    v.add('receiveDate', 'receive date must be a date as YYYY-MM-DD');
  }

  // site: by id, or by name
  if (input.siteId != null) {
    const [site] = await db.select({ id: sites.id }).from(sites).where(and(eq(sites.operatorId, operatorId), eq(sites.id, input.siteId)));
    if (!site) v.add('siteId', `site ${input.siteId} does not exist`, 'NOT_FOUND');
  } else if (siteName) {
    const [site] = await db.select({ id: sites.id }).from(sites).where(and(eq(sites.operatorId, operatorId), eq(sites.name, siteName.trim())));
    if (!site) v.add('siteName', `no site is named "${siteName}"`, 'NOT_FOUND');
    else columns.siteId = site.id;
  }

  // parent: by id, or by nickname; it must exist and must not make a loop
  let parentId: number | null | undefined = input.parentId;
  if (parentId != null) {
    const [parent] = await db.select({ id: equipment.id }).from(equipment).where(and(eq(equipment.operatorId, operatorId), eq(equipment.id, parentId)));
    if (!parent) {
      v.add('parentId', `equipment ${parentId} does not exist`, 'NOT_FOUND');
      parentId = undefined;
    }
  } else if (parentId === undefined && parentNickname) {
    const [parent] = await db
      .select({ id: equipment.id })
      .from(equipment)
      .where(and(eq(equipment.operatorId, operatorId), eq(equipment.nickname, parentNickname.trim())));
    if (!parent) v.add('parentNickname', `no equipment is nicknamed "${parentNickname}"`, 'NOT_FOUND');
    else columns.parentId = parentId = parent.id;
  }
  if (parentId != null && existing) {
    if (parentId === existing.id || (await wouldCycle(db, operatorId, existing.id, parentId))) {
      v.add(input.parentId != null ? 'parentId' : 'parentNickname', `equipment ${parentId} cannot be the parent of ${existing.id}: it hangs off it`);
    }
  }

  if (fields?.length) {
    const ids = fields.map((f) => f.fieldId);
    const found = await db
      .select({ id: customFields.id })
      .from(customFields)
      .where(and(eq(customFields.operatorId, operatorId), eq(customFields.scope, 'equipment'), inArray(customFields.id, ids)));
    const missing = ids.filter((id) => !found.some((f) => f.id === id));
    if (missing.length) v.add('customFields', `custom field ${missing.join(', ')} does not exist for equipment`, 'NOT_FOUND');
  }
  v.throwIfAny();
  return columns as Partial<EquipmentColumns>;
}

async function writeCustomFields(db: Executor, operatorId: number, equipmentId: number, fields: EquipmentInput['customFields']): Promise<void> {
  for (const field of fields ?? []) {
    await db.delete(customFieldValues).where(and(eq(customFieldValues.equipmentId, equipmentId), eq(customFieldValues.fieldId, field.fieldId)));
    if (field.value != null) await db.insert(customFieldValues).values({ operatorId, fieldId: field.fieldId, equipmentId, value: field.value });
  }
}

/** Audit entries keep the SIM secrets out. */
function auditable(columns: Partial<EquipmentColumns>): Record<string, unknown> {
  const { ki, opcode, sqn, pin1, pin2, puk1, adm1, ...rest } = columns;
  const secrets = { ki, opcode, sqn, pin1, pin2, puk1, adm1 };
  const changed = Object.entries(secrets).filter(([, value]) => value !== undefined).map(([key]) => key);
  return { ...rest, ...(changed.length ? { simFieldsSet: changed } : {}) };
}

function nicknameTaken(error: unknown, nickname: string | undefined): never {
  if (uniqueViolation(error)?.includes('equipment_operator_nickname')) throw new ConflictError(`nickname "${nickname}" is already in use`, ['nickname']);
  throw error;
}

/** Adds a piece of equipment (SIMPLer addEquipment). */
export async function create(ctx: ServiceContext, input: EquipmentInput): Promise<EquipmentRow> {
  authorize(ctx.actor, 'network.write');
  const operatorId = ctx.actor.operatorId;
  const columns = await prepare(ctx.db, operatorId, input, null);
  try {
    return await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(equipment)
        .values({ ...columns, operatorId, nickname: columns.nickname! } as typeof equipment.$inferInsert)
        .returning();
      await writeCustomFields(tx, operatorId, row!.id, input.customFields);
      await audit(tx, ctx.actor, 'equipment.create', 'equipment', row!.id, auditable(columns));
      return row!;
    });
  } catch (error) {
    return nicknameTaken(error, columns.nickname);
  }
}

/** Changes the given fields of a piece of equipment (SIMPLer modifyEquipment). */
export async function update(ctx: ServiceContext, id: number, input: EquipmentInput): Promise<EquipmentRow> {
  authorize(ctx.actor, 'network.write');
  const operatorId = ctx.actor.operatorId;
  const existing = await getById(ctx, id);
  if (input.status === null) new Validation().add('status', 'status cannot be removed').throwIfAny();
  const columns = await prepare(ctx.db, operatorId, input, existing);
  try {
    return await ctx.db.transaction(async (tx) => {
      const [row] = Object.keys(columns).length
        ? await tx.update(equipment).set(columns).where(and(eq(equipment.operatorId, operatorId), eq(equipment.id, id))).returning()
        : [existing];
      await writeCustomFields(tx, operatorId, id, input.customFields);
      await audit(tx, ctx.actor, 'equipment.update', 'equipment', id, auditable(columns));
      return row!;
    });
  } catch (error) {
    return nicknameTaken(error, columns.nickname);
  }
}

/** Deletes equipment that has no devices hanging off it and is neither a CPE nor a basestation. */
export async function remove(ctx: ServiceContext, id: number): Promise<{ id: number }> {
  authorize(ctx.actor, 'network.write');
  const operatorId = ctx.actor.operatorId;
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: equipment.id, nickname: equipment.nickname })
      .from(equipment)
      .where(and(eq(equipment.operatorId, operatorId), eq(equipment.id, id)))
      .for('update');
    if (!row) throw new NotFoundError('equipment', id, ['equipmentId']);
    const problems: string[] = [];
    const children = await tx.$count(equipment, eq(equipment.parentId, id));
    if (children) problems.push(`${children} device(s) hang off it`);
    if (await tx.$count(cpes, eq(cpes.equipmentId, id))) problems.push('it is installed as a CPE');
    if (await tx.$count(basestations, eq(basestations.equipmentId, id))) problems.push('it is a basestation');
    if (problems.length) {
      const message = `equipment ${id} cannot be deleted: ${problems.join('; ')}`;
      throw new PreconditionFailedError(message, [{ field: ['equipmentId'], message, code: 'PRECONDITION_FAILED' }]);
    }
    await tx.delete(equipment).where(and(eq(equipment.operatorId, operatorId), eq(equipment.id, id)));
    await audit(tx, ctx.actor, 'equipment.delete', 'equipment', id, { nickname: row.nickname });
  });
  return { id };
}

// ---------------------------------------------------------------- login details

export type EquipmentLoginRow = typeof equipmentLogins.$inferSelect;

export interface LoginInput {
  equipmentId: number;
  username: string;
  password?: string | null;
  notes?: string | null;
}

/** Changes to login details: `undefined` leaves a field as it is, null clears the password or notes. */
export interface LoginChanges {
  username?: string | null;
  password?: string | null;
  notes?: string | null;
}

function loginTaken(equipmentId: number, username: string): ConflictError {
  return new ConflictError(`equipment ${equipmentId} already has a login "${username}"`, ['username']);
}

/**
 * The username as stored (trimmed): refused when blank, or when another login of the device
 * (not `exceptId`) has it. The unique index catches a race past this check (`rethrowLoginTaken`).
 */
async function checkUsername(db: Executor, equipmentId: number, raw: string | null | undefined, exceptId?: number): Promise<string> {
  const username = (raw ?? '').trim();
  if (!username) new Validation().add('username', 'username is required').throwIfAny();
  const [clash] = await db
    .select({ id: equipmentLogins.id })
    .from(equipmentLogins)
    .where(and(eq(equipmentLogins.equipmentId, equipmentId), eq(equipmentLogins.username, username), exceptId !== undefined ? ne(equipmentLogins.id, exceptId) : undefined));
  if (clash) throw loginTaken(equipmentId, username);
  return username;
}

function rethrowLoginTaken(error: unknown, equipmentId: number, username: string | undefined): never {
  if (username !== undefined && uniqueViolation(error)?.includes('equipment_logins_equipment_username')) throw loginTaken(equipmentId, username);
  throw error;
}

/** One login of the operator's devices by id. */
export async function getLogin(ctx: ServiceContext, id: number): Promise<EquipmentLoginRow> {
  const [row] = await ctx.db
    .select()
    .from(equipmentLogins)
    .where(and(eq(equipmentLogins.operatorId, ctx.actor.operatorId), eq(equipmentLogins.id, id)));
  if (!row) throw new NotFoundError('equipment login', id, ['id']);
  return row;
}

/** Adds login details to a device (SIMPLer addEquipmentLoginDetails); usernames are unique per device. */
export async function addLogin(ctx: ServiceContext, input: LoginInput): Promise<EquipmentLoginRow> {
  authorize(ctx.actor, 'network.write');
  const operatorId = ctx.actor.operatorId;
  await getById(ctx, input.equipmentId);
  const username = await checkUsername(ctx.db, input.equipmentId, input.username);
  try {
    return await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(equipmentLogins)
        .values({ operatorId, equipmentId: input.equipmentId, username, password: input.password ?? null, notes: input.notes ?? null })
        .returning();
      await audit(tx, ctx.actor, 'equipment.login.add', 'equipment', input.equipmentId, { username, notes: input.notes });
      return row!;
    });
  } catch (error) {
    return rethrowLoginTaken(error, input.equipmentId, username);
  }
}

/**
 * Changes the given fields of a device's login details: the username stays non-blank and unique
 * on the device (as addLogin); null clears the password or the notes. The device cannot change.
 */
export async function updateLogin(ctx: ServiceContext, id: number, input: LoginChanges): Promise<EquipmentLoginRow> {
  authorize(ctx.actor, 'network.write');
  const existing = await getLogin(ctx, id);
  const changes: Partial<Pick<EquipmentLoginRow, 'username' | 'password' | 'notes'>> = {};
  if (input.username !== undefined) changes.username = await checkUsername(ctx.db, existing.equipmentId, input.username, id);
  if (input.password !== undefined) changes.password = input.password;
  if (input.notes !== undefined) changes.notes = input.notes;
  if (Object.keys(changes).length === 0) return existing;
  try {
    return await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .update(equipmentLogins)
        .set(changes)
        .where(and(eq(equipmentLogins.operatorId, ctx.actor.operatorId), eq(equipmentLogins.id, id)))
        .returning();
      if (!row) throw new NotFoundError('equipment login', id, ['id']);
      // audit() keeps only that a password was set or cleared, never its value
      await audit(tx, ctx.actor, 'equipment.login.update', 'equipment', existing.equipmentId, { loginId: id, ...changes });
      return row;
    });
  } catch (error) {
    return rethrowLoginTaken(error, existing.equipmentId, changes.username);
  }
}

/** Deletes the operator's login matching `where` with its audit entry, or throws `notFound`. */
async function deleteLogin(ctx: ServiceContext, where: SQL, notFound: () => NotFoundError): Promise<EquipmentLoginRow> {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(equipmentLogins)
      .where(and(eq(equipmentLogins.operatorId, ctx.actor.operatorId), where))
      .returning();
    if (!row) throw notFound();
    await audit(tx, ctx.actor, 'equipment.login.delete', 'equipment', row.equipmentId, { username: row.username });
    return row;
  });
}

/** Deletes a device's login details by username (SIMPLer deleteEquipmentLoginDetails). */
export async function removeLogin(ctx: ServiceContext, equipmentId: number, rawUsername: string): Promise<{ id: number }> {
  authorize(ctx.actor, 'network.write');
  await getById(ctx, equipmentId);
  // Usernames are stored trimmed (addLogin), so they are looked up the same way.
  const username = (rawUsername ?? '').trim();
  const row = await deleteLogin(
    ctx,
    and(eq(equipmentLogins.equipmentId, equipmentId), eq(equipmentLogins.username, username))!,
    () => new NotFoundError(`login of equipment ${equipmentId} named`, `"${username}"`, ['username']),
  );
  return { id: row.id };
}

/** Deletes login details by their id (the graph's equipmentLoginDelete). */
export async function removeLoginById(ctx: ServiceContext, id: number): Promise<{ id: number }> {
  authorize(ctx.actor, 'network.write');
  const row = await deleteLogin(ctx, eq(equipmentLogins.id, id), () => new NotFoundError('equipment login', id, ['id']));
  return { id: row.id };
}

/** A device's login details, in the order they were added. */
export async function logins(ctx: ServiceContext, equipmentId: number): Promise<EquipmentLoginRow[]> {
  return ctx.db
    .select()
    .from(equipmentLogins)
    .where(and(eq(equipmentLogins.operatorId, ctx.actor.operatorId), eq(equipmentLogins.equipmentId, equipmentId)))
    .orderBy(equipmentLogins.id);
}
