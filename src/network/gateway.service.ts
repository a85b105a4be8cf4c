/** Gateways (SIMPLer WIBs) and their address ranges: reading. */
import { and, asc, eq } from 'drizzle-orm';
import type { ServiceContext } from '../shared/context';
import { NotFoundError } from '../shared/errors';
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
