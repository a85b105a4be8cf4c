/**
 * Customer addresses: SIMPLer addIP, getIPData and generateIP, Jaze release_ip_mac. Writes validate
 * everything first and then run in one transaction with their audit entry.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { audit } from '../shared/audit';
import type { ServiceContext } from '../shared/context';
import { uniqueViolation } from '../shared/db-errors';
import { ConflictError, DomainError, NotFoundError, PreconditionFailedError, Validation } from '../shared/errors';
import type { Database } from '../db/client';
import { enqueue } from '../jobs/job.service';
import { customers } from '../customers/customer.table';
import { radiusAccounts } from '../radius/radius-account.table';
import { radreply } from '../radius/radreply.table';
import { customerIps } from './customer-ip.table';
import { gateways } from './gateway.table';
import { interfaces } from './interface.table';
import { pickFree, poolOf } from './ip-range';
import { isIpv4Address, normalizeMac } from './net-rules';
import { authorize } from '../tenancy/permissions';

export type CustomerIpRow = typeof customerIps.$inferSelect;

export interface AddIpInput {
  customerId: number;
  ip?: string | null;
  mac?: string | null;
  macRestrict?: boolean | null;
  label?: string | null;
  isPublic?: boolean | null;
  dhcpOptions?: string | null;
  radiusUsername?: string | null;
  gatewayId?: number | null;
  updateMacOnPortalLogin?: boolean | null;
}

async function customerOf(db: Executor, operatorId: number, id: number) {
  const [row] = await db
    .select({ id: customers.id, gatewayId: customers.gatewayId, ipType: customers.ipType })
    .from(customers)
    .where(and(eq(customers.operatorId, operatorId), eq(customers.id, id)));
  return row ?? null;
}

/** Who holds `ip` inside the operator, if anyone. */
async function holderOf(db: Executor, operatorId: number, ip: string): Promise<number | null> {
  const [row] = await db
    .select({ customerId: customerIps.customerId })
    .from(customerIps)
    .where(and(eq(customerIps.operatorId, operatorId), sql`host(${customerIps.ip}) = host(${ip}::inet)`));
  return row?.customerId ?? null;
}

const ipTaken = (ip: string, customerId: number) => new ConflictError(`IP ${ip} is already assigned to customer ${customerId}`, ['ip']);

/** Binds an address and/or MAC to a customer (SIMPLer addIP). */
export async function add(ctx: ServiceContext, input: AddIpInput): Promise<CustomerIpRow> {
  authorize(ctx.actor, 'network.write');
  const operatorId = ctx.actor.operatorId;
  const v = new Validation();
  const customer = await customerOf(ctx.db, operatorId, input.customerId);
  if (!customer) v.add('customerId', `customer ${input.customerId} does not exist`, 'NOT_FOUND');
  const ip = input.ip?.trim() || null;
  const mac = input.mac?.trim() ? normalizeMac(input.mac) : null;
  if (!ip && !input.mac?.trim()) v.add('ip', 'give an IP address, a MAC address or both');
  if (ip && !isIpv4Address(ip)) v.add('ip', `"${ip}" is not an IPv4 address`);
  if (input.mac?.trim() && !mac) v.add('mac', `"${input.mac}" is not a MAC address`);
  if (ip && isIpv4Address(ip)) {
    const holder = await holderOf(ctx.db, operatorId, ip);
    if (holder !== null) v.add('ip', `IP ${ip} is already assigned to customer ${holder}`, 'CONFLICT');
  }
  if (input.gatewayId != null) {
    const [gw] = await ctx.db.select({ id: gateways.id }).from(gateways).where(and(eq(gateways.operatorId, operatorId), eq(gateways.id, input.gatewayId)));
    if (!gw) v.add('gatewayId', `gateway ${input.gatewayId} does not exist`, 'NOT_FOUND');
  }
  if (input.radiusUsername && customer) {
    const [account] = await ctx.db
      .select({ id: radiusAccounts.id })
      .from(radiusAccounts)
      .where(and(eq(radiusAccounts.customerId, customer.id), eq(radiusAccounts.username, input.radiusUsername)));
    if (!account) v.add('radiusUsername', `RADIUS username "${input.radiusUsername}" is not one of customer ${customer.id}'s`, 'NOT_FOUND');
  }
  v.throwIfAny();

  // The range the address falls in, on the given gateway (or the customer's).
  const gatewayId = input.gatewayId ?? customer!.gatewayId ?? null;
  let interfaceId: number | null = null;
  if (ip && gatewayId != null) {
    const [iface] = await ctx.db
      .select({ id: interfaces.id })
      .from(interfaces)
      .where(and(eq(interfaces.operatorId, operatorId), eq(interfaces.gatewayId, gatewayId), sql`${ip}::inet <<= ${interfaces.network}`))
      .orderBy(asc(interfaces.id))
      .limit(1);
    interfaceId = iface?.id ?? null;
  }
  const values = {
    operatorId,
    customerId: input.customerId,
    ip,
    mac,
    macRestrict: input.macRestrict ?? false,
    label: input.label ?? null,
    isPublic: input.isPublic ?? false,
    dhcpOptions: input.dhcpOptions ?? null,
    radiusUsername: input.radiusUsername || null,
    gatewayId,
    interfaceId,
    updateMacOnPortalLogin: input.updateMacOnPortalLogin ?? false,
  };
  try {
    return await ctx.db.transaction(async (tx) => {
      const [row] = await tx.insert(customerIps).values(values).returning();
      await audit(tx, ctx.actor, 'customer_ip.add', 'customer_ip', row!.id, { ...values, operatorId: undefined });
      return row!;
    });
  } catch (error) {
    if (ip && uniqueViolation(error)?.includes('customer_ips_operator_ip')) throw ipTaken(ip, (await holderOf(ctx.db, operatorId, ip)) ?? input.customerId);
    throw error;
  }
}

/** A customer's bindings in the order they were added (SIMPLer getIPData); the customer must exist. */
export async function listForCustomer(ctx: ServiceContext, customerId: number): Promise<CustomerIpRow[]> {
  const operatorId = ctx.actor.operatorId;
  if (!(await customerOf(ctx.db, operatorId, customerId))) throw new NotFoundError('customer', customerId, ['customerId']);
  return ctx.db
    .select()
    .from(customerIps)
    .where(and(eq(customerIps.operatorId, operatorId), eq(customerIps.customerId, customerId)))
    .orderBy(asc(customerIps.id));
}

/**
 * The id of a customer's n-th binding (1-based, in the order they were added): Jaze
 * release_ip_mac addresses a binding by its index in this order (`whichIpMacRow`, from 0).
 */
export async function idAtPosition(ctx: ServiceContext, customerId: number, position: number): Promise<number> {
  const [row] = Number.isInteger(position) && position >= 1
    ? await ctx.db
        .select({ id: customerIps.id })
        .from(customerIps)
        .where(and(eq(customerIps.operatorId, ctx.actor.operatorId), eq(customerIps.customerId, customerId)))
        .orderBy(asc(customerIps.id))
        .offset(position - 1)
        .limit(1)
    : [];
  if (!row) throw new NotFoundError(`IP/MAC row of customer ${customerId} at position`, position, ['whichIpMacRow']);
  return row.id;
}

export type ReleaseWhat = 'ip' | 'mac' | 'both';

/**
 * Releases the IP, the MAC or both of one binding (Jaze release_ip_mac). A binding left with
 * neither is deleted; a released IP also leaves the customer's RADIUS replies.
 * Returns the remaining row, or null when the binding is gone.
 */
export async function release(ctx: ServiceContext, id: number, what: ReleaseWhat): Promise<CustomerIpRow | null> {
  authorize(ctx.actor, 'network.write');
  const operatorId = ctx.actor.operatorId;
  if (!['ip', 'mac', 'both'].includes(what)) throw new DomainError('INVALID', 'release must be ip, mac or both', [{ field: ['release'], message: 'release must be ip, mac or both', code: 'INVALID' }]);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(customerIps)
      .where(and(eq(customerIps.operatorId, operatorId), eq(customerIps.id, id)))
      .for('update');
    if (!row) throw new NotFoundError('customer IP', id, ['id']);
    const ip = what === 'mac' ? row.ip : null;
    const mac = what === 'ip' ? row.mac : null;
    if (what !== 'mac' && row.ip === null) throw new PreconditionFailedError(`binding ${id} has no IP to release`, [{ field: ['release'], message: `binding ${id} has no IP to release`, code: 'PRECONDITION_FAILED' }]);
    if (what !== 'ip' && row.mac === null) throw new PreconditionFailedError(`binding ${id} has no MAC to release`, [{ field: ['release'], message: `binding ${id} has no MAC to release`, code: 'PRECONDITION_FAILED' }]);
    let result: CustomerIpRow | null = null;
    if (ip === null && mac === null) await tx.delete(customerIps).where(eq(customerIps.id, id));
    else [result = null] = await tx.update(customerIps).set({ ip, mac }).where(eq(customerIps.id, id)).returning();
    if (row.ip && what !== 'mac') {
      await tx
        .delete(radreply)
        .where(and(eq(radreply.customerId, row.customerId), eq(radreply.attribute, 'Framed-IP-Address'), sql`${radreply.value} = host(${row.ip}::inet)`));
    }
    await audit(tx, ctx.actor, 'customer_ip.release', 'customer_ip', id, { customerId: row.customerId, release: what, ip: row.ip, mac: row.mac });
    return result;
  });
}

/**
 * Jaze release_ip_mac: releases the IP, the MAC or both of the customer's `position`-th binding
 * (1-based, in the order they were added, as the user details list them in `staticIpMac`; a
 * 0 is refused rather than read as the first row). The customer must exist.
 */
export async function releaseAtPosition(ctx: ServiceContext, customerId: number, position: number, what: ReleaseWhat): Promise<{ id: number; remaining: CustomerIpRow | null }> {
  authorize(ctx.actor, 'network.write');
  if (!(await customerOf(ctx.db, ctx.actor.operatorId, customerId))) throw new NotFoundError('customer', customerId, ['customerId']);
  const id = await idAtPosition(ctx, customerId, position);
  return { id, remaining: await release(ctx, id, what) };
}

// ---------------------------------------------------------------- generateIP

export type IpType = 'public' | 'private';

export interface GenerateInput {
  customerId: number;
  /** How many addresses; 1 when not given. */
  quantity?: number | null;
  /** Overrides the customer's IP type (which defaults to private). */
  ipType?: IpType | null;
  /** Draw from this interface instead of the customer's gateway's first matching one. */
  interfaceId?: number | null;
  /** Save the addresses as the customer's (SIMPLer saveInDb). */
  save?: boolean | null;
  /** Put the addresses into the customer's RADIUS replies as Framed-IP-Address (needs save). */
  syncRadius?: boolean | null;
  /** SIMPLer updateMAConEUPLogin, for the saved bindings. */
  updateMacOnPortalLogin?: boolean | null;
  /** Queue rewriting the gateway's provisioning (WIB) file with the new addresses (SIMPLer updateWIB; needs save). */
  updateWib?: boolean | null;
}

/** generateIP's documented result fields. */
export interface GenerateResult {
  gatewayId: number;
  interfaceId: number;
  ipType: IpType;
  quantity: number;
  generated: number;
  ips: string[];
  wibNumber: number;
}

export const MAX_GENERATE = 1024;

const ROLES_FOR: Record<IpType, ('public' | 'customer' | 'private')[]> = { public: ['public'], private: ['customer', 'private'] };

/** Generates free addresses for a customer from a gateway interface (SIMPLer generateIP). */
export async function generate(ctx: ServiceContext, input: GenerateInput): Promise<GenerateResult> {
  authorize(ctx.actor, 'network.write');
  const operatorId = ctx.actor.operatorId;
  const quantity = input.quantity ?? 1;
  const v = new Validation();
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_GENERATE) v.add('quantity', `quantity must be a whole number from 1 to ${MAX_GENERATE}`);
  if (input.ipType != null && !['public', 'private'].includes(input.ipType)) v.add('ipType', 'ipType must be public or private');
  if (input.syncRadius && !input.save) v.add('syncRadius', 'syncRadius needs save (saveInDb)');
  if (input.updateWib && !input.save) v.add('updateWib', 'updateWib needs save (saveInDb)');
  const customer = await customerOf(ctx.db, operatorId, input.customerId);
  if (!customer) v.add('customerId', `customer ${input.customerId} does not exist`, 'NOT_FOUND');
  v.throwIfAny();
  const ipType: IpType = input.ipType ?? customer!.ipType ?? 'private';

  // The interface: the one given, or the first of the customer's gateway whose role fits.
  let iface: typeof interfaces.$inferSelect | undefined;
  if (input.interfaceId != null) {
    [iface] = await ctx.db.select().from(interfaces).where(and(eq(interfaces.operatorId, operatorId), eq(interfaces.id, input.interfaceId)));
    if (!iface) throw new NotFoundError('interface', input.interfaceId, ['interfaceId']);
  } else {
    if (customer!.gatewayId == null) {
      throw new PreconditionFailedError(`customer ${customer!.id} has no gateway; give an interface`, [
        { field: ['interfaceId'], message: `customer ${customer!.id} has no gateway; give an interface`, code: 'PRECONDITION_FAILED' },
      ]);
    }
    const candidates = await ctx.db
      .select()
      .from(interfaces)
      .where(and(eq(interfaces.operatorId, operatorId), eq(interfaces.gatewayId, customer!.gatewayId)))
      .orderBy(asc(interfaces.id));
    iface = candidates.find((c) => (ROLES_FOR[ipType] as string[]).includes(c.role));
    if (!iface) {
      const message = `gateway ${customer!.gatewayId} has no ${ipType === 'public' ? 'public' : 'customer/private'} interface`;
      throw new PreconditionFailedError(message, [{ field: ['ipType'], message, code: 'PRECONDITION_FAILED' }]);
    }
  }
  const pool = poolOf(iface);
  if (!pool) {
    const message = `interface ${iface.id} (${iface.network}) has no usable IPv4 range`;
    throw new PreconditionFailedError(message, [{ field: ['interfaceId'], message, code: 'PRECONDITION_FAILED' }]);
  }
  const [gateway] = await ctx.db.select({ id: gateways.id, wibNumber: gateways.wibNumber }).from(gateways).where(eq(gateways.id, iface.gatewayId));
  const chosen = iface;

  const pick = async (db: Executor) => {
    const taken = await db
      .select({ ip: sql<string>`host(${customerIps.ip})` })
      .from(customerIps)
      .where(and(eq(customerIps.operatorId, operatorId), sql`${customerIps.ip} <<= ${chosen.network}::cidr`));
    const { ips, free } = pickFree(pool, taken.map((t) => t.ip), quantity);
    if (ips.length < quantity) {
      const message = `interface ${chosen.id} (${chosen.network}) has only ${free} free address${free === 1 ? '' : 'es'}; ${quantity} requested`;
      throw new PreconditionFailedError(message, [{ field: ['quantity'], message, code: 'PRECONDITION_FAILED' }]);
    }
    return ips;
  };
  const result = (ips: string[]): GenerateResult => ({
    gatewayId: chosen.gatewayId,
    interfaceId: chosen.id,
    ipType,
    quantity,
    generated: ips.length,
    ips,
    wibNumber: gateway!.wibNumber,
  });

  if (!input.save) return result(await pick(ctx.db));

  const accounts = input.syncRadius
    ? await ctx.db
        .select({ username: radiusAccounts.username })
        .from(radiusAccounts)
        .where(and(eq(radiusAccounts.operatorId, operatorId), eq(radiusAccounts.customerId, customer!.id)))
        .orderBy(sql`${radiusAccounts.priority} asc nulls last`, asc(radiusAccounts.id))
    : [];
  if (input.syncRadius && accounts.length === 0) {
    const message = `customer ${customer!.id} has no RADIUS account to sync`;
    throw new PreconditionFailedError(message, [{ field: ['syncRadius'], message, code: 'PRECONDITION_FAILED' }]);
  }
  return ctx.db.transaction(async (tx) => {
    // Serialises generations from this interface: a second one waits here, then sees our rows.
    await tx.select({ id: interfaces.id }).from(interfaces).where(eq(interfaces.id, chosen.id)).for('update');
    const ips = await pick(tx);
    // The n-th address goes to the n-th RADIUS account (by priority), one Framed-IP-Address each.
    const usernameFor = (i: number) => accounts[i]?.username ?? null;
    await tx.insert(customerIps).values(
      ips.map((ip, i) => ({
        operatorId,
        customerId: customer!.id,
        ip,
        isPublic: ipType === 'public',
        gatewayId: chosen.gatewayId,
        interfaceId: chosen.id,
        radiusUsername: usernameFor(i),
        updateMacOnPortalLogin: input.updateMacOnPortalLogin ?? false,
      })),
    );
    for (const [i, ip] of ips.entries()) {
      const username = usernameFor(i);
      if (!username) continue;
      await tx.delete(radreply).where(and(eq(radreply.username, username), eq(radreply.attribute, 'Framed-IP-Address')));
      await tx.insert(radreply).values({ operatorId, customerId: customer!.id, username, attribute: 'Framed-IP-Address', op: '=', value: ip });
    }
    await audit(tx, ctx.actor, 'customer_ip.generate', 'customer', customer!.id, { interfaceId: chosen.id, ipType, ips, syncRadius: !!input.syncRadius, updateWib: !!input.updateWib });
    // Queued in the same transaction: the file is rewritten only if the addresses were saved.
    if (input.updateWib) await enqueue({ db: tx as unknown as Database, actor: ctx.actor }, 'update_wib_files', { gatewayId: chosen.gatewayId });
    return result(ips);
  });
}
