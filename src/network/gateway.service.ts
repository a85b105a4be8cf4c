/** Gateways (SIMPLer WIBs) and their address ranges: reading, and writing gateways. */
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { audit } from '../shared/audit';
import type { ServiceContext } from '../shared/context';
import { uniqueViolation } from '../shared/db-errors';
import { ConflictError, NotFoundError, Validation } from '../shared/errors';
import { setFields } from '../shared/patch';
import { refuseIfReferenced } from '../shared/references';
import { customers } from '../customers/customer.table';
import { authorize } from '../tenancy/permissions';
import { basestations } from './basestation.table';
import { customerIps } from './customer-ip.table';
import { gateways } from './gateway.table';
import { interfaces } from './interface.table';

export type GatewayRow = typeof gateways.$inferSelect;
export type InterfaceRow = typeof interfaces.$inferSelect;

/** Every gateway of the operator, in id order (operators have a handful). */
export async function listGateways(ctx: ServiceContext): Promise<GatewayRow[]> {
  return ctx.db.select().from(gateways).where(eq(gateways.operatorId, ctx.actor.operatorId)).orderBy(asc(gateways.id));
}

export interface InterfaceFilter {
  /** Just this interface. */
  id?: number | null;
  /** The interfaces of this gateway. */
  gatewayId?: number | null;
}

/**
 * The operator's interface address ranges in id order (SIMPLer getInterfaceData). Naming an
 * interface or gateway that does not exist is an error, not an empty list, so a typo is visible.
 */
export async function listInterfaces(ctx: ServiceContext, filter: InterfaceFilter = {}): Promise<InterfaceRow[]> {
  const operatorId = ctx.actor.operatorId;
  if (filter.gatewayId != null) {
    const [gateway] = await ctx.db.select({ id: gateways.id }).from(gateways).where(and(eq(gateways.operatorId, operatorId), eq(gateways.id, filter.gatewayId)));
    if (!gateway) throw new NotFoundError('gateway', filter.gatewayId, ['gatewayId']);
  }
  const rows = await ctx.db
    .select()
    .from(interfaces)
    .where(
      and(
        eq(interfaces.operatorId, operatorId),
        filter.id != null ? eq(interfaces.id, filter.id) : undefined,
        filter.gatewayId != null ? eq(interfaces.gatewayId, filter.gatewayId) : undefined,
      ),
    )
    .orderBy(asc(interfaces.id));
  if (filter.id != null && rows.length === 0) {
    // Say which: the interface does not exist, or it is on another gateway (an empty list).
    const [exists] = await ctx.db.select({ id: interfaces.id }).from(interfaces).where(and(eq(interfaces.operatorId, operatorId), eq(interfaces.id, filter.id)));
    if (!exists) throw new NotFoundError('interface', filter.id, ['id']);
  }
  return rows;
}

// ---------------------------------------------------------------- writing gateways

export interface GatewayInput {
  name?: string;
  /** SIMPLer wibnumber, unique in the operator. */
  wibNumber?: number;
  /** IP addresses (checked by the caller's surface); null clears. */
  ipAddress?: string | null;
  nasIpAddress?: string | null;
  /** 1..65535; default 3799. */
  coaPort?: number;
  /** Write-only: stored for signing CoA packets, never returned; null clears. */
  coaSecret?: string | null;
  description?: string | null;
}

const MAX_TEXT = 500;

async function validateGateway(db: Executor, operatorId: number, input: GatewayInput, existing: GatewayRow | null): Promise<void> {
  const v = new Validation();
  if (existing === null || input.name !== undefined) {
    if (!input.name?.trim()) v.add('name', 'name is required');
    else if (input.name.length > MAX_TEXT) v.add('name', `name is longer than ${MAX_TEXT} characters`);
  }
  if (existing === null && input.wibNumber == null) v.add('wibNumber', 'wibNumber is required');
  else if (input.wibNumber === null) v.add('wibNumber', 'wibNumber cannot be cleared');
  else if (input.wibNumber != null) {
    if (!Number.isInteger(input.wibNumber) || input.wibNumber < 0) v.add('wibNumber', 'wibNumber must be a whole number of at least 0');
    else if (input.wibNumber !== existing?.wibNumber) {
      const clash = await db
        .select({ id: gateways.id })
        .from(gateways)
        .where(and(eq(gateways.operatorId, operatorId), eq(gateways.wibNumber, input.wibNumber), existing ? ne(gateways.id, existing.id) : undefined));
      if (clash.length) v.add('wibNumber', `a gateway with wibNumber ${input.wibNumber} already exists`, 'CONFLICT');
    }
  }
  if (input.coaPort === null) v.add('coaPort', 'coaPort cannot be cleared');
  else if (input.coaPort != null && (!Number.isInteger(input.coaPort) || input.coaPort < 1 || input.coaPort > 65535)) v.add('coaPort', 'coaPort must be from 1 to 65535');
  for (const key of ['coaSecret', 'description'] as const) if ((input[key]?.length ?? 0) > MAX_TEXT) v.add(key, `${key} is longer than ${MAX_TEXT} characters`);
  if (input.coaSecret !== undefined && input.coaSecret !== null && !input.coaSecret) v.add('coaSecret', 'coaSecret cannot be empty (null clears it)');
  v.throwIfAny();
}

function wibTaken(error: unknown, wibNumber: number | undefined): never {
  if (uniqueViolation(error) === 'gateways_operator_wib_number_key') throw new ConflictError(`a gateway with wibNumber ${wibNumber} already exists`, ['wibNumber']);
  throw error;
}

async function findGateway(db: Executor, operatorId: number, id: number): Promise<GatewayRow | null> {
  const [row] = await db.select().from(gateways).where(and(eq(gateways.operatorId, operatorId), eq(gateways.id, id)));
  return row ?? null;
}

export async function createGateway(ctx: ServiceContext, input: GatewayInput): Promise<GatewayRow> {
  authorize(ctx.actor, 'network.write');
  const operatorId = ctx.actor.operatorId;
  await validateGateway(ctx.db, operatorId, input, null);
  const values = { ...setFields(input, { trim: false }), operatorId, name: input.name!.trim(), wibNumber: input.wibNumber! };
  try {
    return await ctx.db.transaction(async (tx) => {
      const [row] = await tx.insert(gateways).values(values).returning();
      const { operatorId: _o, ...changes } = values;
      await audit(tx, ctx.actor, 'gateway.create', 'gateway', row!.id, changes);
      return row!;
    });
  } catch (error) {
    return wibTaken(error, input.wibNumber);
  }
}

export async function updateGateway(ctx: ServiceContext, id: number, input: GatewayInput): Promise<GatewayRow> {
  authorize(ctx.actor, 'network.write');
  const operatorId = ctx.actor.operatorId;
  const existing = await findGateway(ctx.db, operatorId, id);
  if (!existing) throw new NotFoundError('gateway', id, ['id']);
  await validateGateway(ctx.db, operatorId, input, existing);
  const changes = setFields({ ...input, name: input.name?.trim() }, { trim: false }) as Partial<typeof gateways.$inferInsert>;
  if (Object.keys(changes).length === 0) return existing;
  try {
    return await ctx.db.transaction(async (tx) => {
      const [row] = await tx.update(gateways).set(changes).where(and(eq(gateways.operatorId, operatorId), eq(gateways.id, id))).returning();
      await audit(tx, ctx.actor, 'gateway.update', 'gateway', id, changes);
      return row!;
    });
  } catch (error) {
    return wibTaken(error, input.wibNumber);
  }
}

/**
 * Deletes a gateway nothing is routed through: refused while it has interfaces (their pools
 * would go with it), customers, customer addresses or basestations.
 */
export async function deleteGateway(ctx: ServiceContext, id: number): Promise<void> {
  authorize(ctx.actor, 'network.write');
  const operatorId = ctx.actor.operatorId;
  const existing = await findGateway(ctx.db, operatorId, id);
  if (!existing) throw new NotFoundError('gateway', id, ['id']);
  await refuseIfReferenced(ctx.db, 'gateway', id, [
    { message: 'it has interfaces', table: interfaces, where: eq(interfaces.gatewayId, id) },
    { message: 'customers are routed through it', table: customers, where: eq(customers.gatewayId, id) },
    { message: 'customer addresses are on it', table: customerIps, where: eq(customerIps.gatewayId, id) },
    { message: 'basestations use it', table: basestations, where: eq(basestations.gatewayId, id) },
  ]);
  await ctx.db.transaction(async (tx) => {
    await tx.delete(gateways).where(and(eq(gateways.operatorId, operatorId), eq(gateways.id, id)));
    await audit(tx, ctx.actor, 'gateway.delete', 'gateway', id, { name: existing.name, wibNumber: existing.wibNumber });
  });
}

// ---------------------------------------------------------------- writing interfaces

export interface InterfaceInput {
  /** On create only: the gateway it is on. */
  gatewayId?: number;
  name?: string;
  role?: InterfaceRow['role'];
  label?: string | null;
  /** CIDR with no host bits set, e.g. 192.0.2.0/24 (IPv4 or IPv6). */
  network?: string;
  /** Inside `network`; null clears. */
  gatewayAddress?: string | null;
  startIp?: string | null;
  /** At least 1; null: to the end of the network. */
  numberOfIps?: number | null;
}

/**
 * PostgreSQL's own reading of a network and of addresses inside it, so the rule is the column
 * types' (cidr refuses host bits; `<<=` is containment) for IPv4 and IPv6 alike, and a bad
 * value is a validation problem rather than a failed insert.
 */
async function checkRange(db: Executor, v: Validation, network: string, addresses: Record<'gatewayAddress' | 'startIp', string | null | undefined>): Promise<void> {
  const one = sql`(select 1) as one`;
  try {
    await db.select({ n: sql`${network}::cidr` }).from(one);
  } catch {
    v.add('network', `network "${network}" is not a network in CIDR notation with no host bits set, e.g. 192.0.2.0/24`);
    return;
  }
  for (const field of ['gatewayAddress', 'startIp'] as const) {
    const address = addresses[field];
    if (address == null) continue;
    const [row] = await db.select({ inside: sql<boolean>`${address}::inet <<= ${network}::cidr` }).from(one);
    if (row?.inside !== true) v.add(field, `${field} ${address} is not inside ${network}`);
  }
}

async function validateInterface(db: Executor, operatorId: number, input: InterfaceInput, existing: InterfaceRow | null): Promise<void> {
  const v = new Validation();
  if (existing === null || input.name !== undefined) {
    if (!input.name?.trim()) v.add('name', 'name is required');
    else if (input.name.length > MAX_TEXT) v.add('name', `name is longer than ${MAX_TEXT} characters`);
  }
  if (existing === null && !input.role) v.add('role', 'role is required');
  if (existing === null && !input.network) v.add('network', 'network is required');
  if (existing !== null) for (const key of ['role', 'network'] as const) if (input[key] === null) v.add(key, `${key} cannot be cleared`);
  if ((input.label?.length ?? 0) > MAX_TEXT) v.add('label', `label is longer than ${MAX_TEXT} characters`);
  if (input.numberOfIps != null && (!Number.isInteger(input.numberOfIps) || input.numberOfIps < 1)) v.add('numberOfIps', 'numberOfIps must be a whole number of at least 1');
  if (existing === null && input.gatewayId != null && !(await findGateway(db, operatorId, input.gatewayId))) v.add('gatewayId', `gateway ${input.gatewayId} does not exist`, 'NOT_FOUND');
  const network = input.network ?? existing?.network;
  if (network) {
    await checkRange(db, v, network, {
      gatewayAddress: input.gatewayAddress !== undefined ? input.gatewayAddress : existing?.gatewayAddress,
      startIp: input.startIp !== undefined ? input.startIp : existing?.startIp,
    });
  }
  v.throwIfAny();
}

async function findInterface(db: Executor, operatorId: number, id: number): Promise<InterfaceRow | null> {
  const [row] = await db.select().from(interfaces).where(and(eq(interfaces.operatorId, operatorId), eq(interfaces.id, id)));
  return row ?? null;
}

export async function createInterface(ctx: ServiceContext, input: InterfaceInput): Promise<InterfaceRow> {
  authorize(ctx.actor, 'network.write');
  const operatorId = ctx.actor.operatorId;
  await validateInterface(ctx.db, operatorId, input, null);
  const values = { ...setFields(input), operatorId, gatewayId: input.gatewayId!, name: input.name!.trim(), role: input.role!, network: input.network!.trim() };
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(interfaces).values(values).returning();
    const { operatorId: _o, ...changes } = values;
    await audit(tx, ctx.actor, 'interface.create', 'interface', row!.id, changes);
    return row!;
  });
}

/** Changes an interface; addresses already handed out from it stay with their customers. */
export async function updateInterface(ctx: ServiceContext, id: number, input: InterfaceInput): Promise<InterfaceRow> {
  authorize(ctx.actor, 'network.write');
  const operatorId = ctx.actor.operatorId;
  const existing = await findInterface(ctx.db, operatorId, id);
  if (!existing) throw new NotFoundError('interface', id, ['id']);
  const { gatewayId: _g, ...rest } = input;
  await validateInterface(ctx.db, operatorId, rest, existing);
  const changes = setFields(rest) as Partial<typeof interfaces.$inferInsert>;
  if (Object.keys(changes).length === 0) return existing;
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.update(interfaces).set(changes).where(and(eq(interfaces.operatorId, operatorId), eq(interfaces.id, id))).returning();
    await audit(tx, ctx.actor, 'interface.update', 'interface', id, changes);
    return row!;
  });
}

/** Deletes an interface no customer address was drawn from. */
export async function deleteInterface(ctx: ServiceContext, id: number): Promise<void> {
  authorize(ctx.actor, 'network.write');
  const operatorId = ctx.actor.operatorId;
  const existing = await findInterface(ctx.db, operatorId, id);
  if (!existing) throw new NotFoundError('interface', id, ['id']);
  await refuseIfReferenced(ctx.db, 'interface', id, [{ message: 'customer addresses were drawn from it', table: customerIps, where: eq(customerIps.interfaceId, id) }]);
  await ctx.db.transaction(async (tx) => {
    await tx.delete(interfaces).where(and(eq(interfaces.operatorId, operatorId), eq(interfaces.id, id)));
    await audit(tx, ctx.actor, 'interface.delete', 'interface', id, { gatewayId: existing.gatewayId, name: existing.name, network: existing.network });
  });
}
