/**
 * Request-scoped batch loading for the network area: one statement per relation per request
 * level, however many parents ask. Every query is scoped to the caller's operator.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { PgColumn, PgTable, TableConfig } from 'drizzle-orm/pg-core';
import type { GraphQLContext } from '../graphql/context';
import { byKeys, groupByKeys } from '../graphql/loaders';
import { basestations } from './basestation.table';
import { cpes } from './cpe.table';
import { customerIps } from './customer-ip.table';
import { equipment } from './equipment.table';
import * as equipmentService from './equipment.service';
import { gateways } from './gateway.table';
import { interfaces } from './interface.table';
import type { BasestationRow, CpeRow, CustomerIpRow, GatewayRow, InterfaceRow } from './network.mapping';
import * as siteService from './site.service';

type OwnedTable = PgTable<TableConfig> & { id: PgColumn; operatorId: PgColumn };

/** Rows of `table` by id, inside the caller's operator (null for ids that are not theirs). */
export function rowsById<Row extends { id: number }>(ctx: GraphQLContext, name: string, table: OwnedTable) {
  return ctx.loaders.get<number, Row | null>(`${name}.byId`, async (ids) => {
    const rows = (await ctx.db
      .select()
      .from(table as PgTable<TableConfig>)
      .where(and(eq(table.operatorId, ctx.actor.operatorId), inArray(table.id, [...ids])))) as unknown as Row[];
    return byKeys(ids, rows, (row) => row.id);
  });
}

/** Rows of `table` grouped by a parent column, in id order, inside the caller's operator. */
export function rowsByParent<Row extends { id: number }>(ctx: GraphQLContext, name: string, table: OwnedTable, parent: PgColumn, parentKey: keyof Row) {
  return ctx.loaders.get<number, Row[]>(name, async (ids) => {
    const rows = (await ctx.db
      .select()
      .from(table as PgTable<TableConfig>)
      .where(and(eq(table.operatorId, ctx.actor.operatorId), inArray(parent, [...ids])))
      .orderBy(asc(table.id))) as unknown as Row[];
    return groupByKeys(ids, rows, (row) => row[parentKey] as number);
  });
}

export const siteById = (ctx: GraphQLContext) =>
  ctx.loaders.get<number, siteService.SiteRow | null>('site.byId', async (ids) =>
    byKeys(ids, await siteService.findByIds(ctx.db, ctx.actor.operatorId, ids), (row) => row.id),
  );

export const equipmentById = (ctx: GraphQLContext) =>
  ctx.loaders.get<number, equipmentService.EquipmentRow | null>('equipment.byId', async (ids) =>
    byKeys(ids, await equipmentService.findByIds(ctx.db, ctx.actor.operatorId, ids), (row) => row.id),
  );

export const cpeById = (ctx: GraphQLContext) => rowsById<CpeRow>(ctx, 'cpe', cpes);
export const basestationById = (ctx: GraphQLContext) => rowsById<BasestationRow>(ctx, 'basestation', basestations);
export const gatewayById = (ctx: GraphQLContext) => rowsById<GatewayRow>(ctx, 'gateway', gateways);
export const interfaceById = (ctx: GraphQLContext) => rowsById<InterfaceRow>(ctx, 'interface', interfaces);
export const customerIpById = (ctx: GraphQLContext) => rowsById<CustomerIpRow>(ctx, 'customerIp', customerIps);

export const equipmentChildren = (ctx: GraphQLContext) =>
  rowsByParent<equipmentService.EquipmentRow>(ctx, 'equipment.children', equipment, equipment.parentId, 'parentId');
export const basestationsBySite = (ctx: GraphQLContext) => rowsByParent<BasestationRow>(ctx, 'basestations.bySite', basestations, basestations.siteId, 'siteId');
export const interfacesByGateway = (ctx: GraphQLContext) =>
  rowsByParent<InterfaceRow>(ctx, 'interfaces.byGateway', interfaces, interfaces.gatewayId, 'gatewayId');
export const ipsByCustomer = (ctx: GraphQLContext) => rowsByParent<CustomerIpRow>(ctx, 'ips.byCustomer', customerIps, customerIps.customerId, 'customerId');
export const cpesByCustomer = (ctx: GraphQLContext) => rowsByParent<CpeRow>(ctx, 'cpes.byCustomer', cpes, cpes.customerId, 'customerId');
/** A device is a CPE or a basestation through at most one row (unique equipment_id). */
export const cpeByEquipment = (ctx: GraphQLContext) =>
  ctx.loaders.get<number, CpeRow | null>('cpe.byEquipment', async (ids) => {
    const rows = await ctx.db.select().from(cpes).where(and(eq(cpes.operatorId, ctx.actor.operatorId), inArray(cpes.equipmentId, [...ids])));
    return byKeys(ids, rows, (row) => row.equipmentId);
  });
export const basestationByEquipment = (ctx: GraphQLContext) =>
  ctx.loaders.get<number, BasestationRow | null>('basestation.byEquipment', async (ids) => {
    const rows = await ctx.db
      .select()
      .from(basestations)
      .where(and(eq(basestations.operatorId, ctx.actor.operatorId), inArray(basestations.equipmentId, [...ids])));
    return byKeys(ids, rows, (row) => row.equipmentId);
  });
