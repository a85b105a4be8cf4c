/** Gateways (SIMPLer WIBs) and their address ranges: reading. */
import { asc, eq } from 'drizzle-orm';
import type { ServiceContext } from '../shared/context';
import { gateways } from './gateway.table';

export type GatewayRow = typeof gateways.$inferSelect;

/** Every gateway of the operator, in id order (operators have a handful). */
export async function listGateways(ctx: ServiceContext): Promise<GatewayRow[]> {
  return ctx.db.select().from(gateways).where(eq(gateways.operatorId, ctx.actor.operatorId)).orderBy(asc(gateways.id));
}
