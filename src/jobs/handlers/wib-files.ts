/**
 * `update_wib_files` (SIMPLer updateWibFiles `wibnumber`, `force`): renders a gateway's
 * provisioning file — its customers' IPs and MACs with their plan's rate limits — and hands it
 * to the WIB publisher. Unchanged content is not rewritten unless `force` (QoS rate changes).
 */
import { and, asc, eq, isNull, or } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { customers } from '../../customers/customer.table';
import { plans } from '../../catalog/plan.table';
import { bandwidthTemplates } from '../../catalog/bandwidth-template.table';
import { customerIps } from '../../network/customer-ip.table';
import { gateways } from '../../network/gateway.table';
import { adapters } from '../adapters';
import { onlyKeys, readBool, readInt, type JobKind } from '../job-kind';

type WibParams = { gatewayId: number; wibNumber: number; force: boolean };

async function findGateway(db: Executor, operatorId: number, by: { id?: number; wibNumber?: number }) {
  const [row] = await db
    .select()
    .from(gateways)
    .where(and(eq(gateways.operatorId, operatorId), by.id != null ? eq(gateways.id, by.id) : eq(gateways.wibNumber, by.wibNumber!)));
  return row ?? null;
}

const cell = (value: unknown) => (value == null || value === '' ? '-' : String(value).replace(/[\t\r\n]/g, ' '));

/** The file's text: deterministic (no timestamps), so equal content means nothing changed. */
export async function renderWibFile(db: Executor, operatorId: number, gatewayId: number): Promise<{ content: string; entries: number; customers: number; withoutRate: number }> {
  const gateway = await findGateway(db, operatorId, { id: gatewayId });
  if (!gateway) throw new Error(`gateway ${gatewayId} no longer exists`);
  const lines = await db
    .select({
      customerId: customers.id,
      nickname: customers.nickname,
      ip: customerIps.ip,
      mac: customerIps.mac,
      macRestrict: customerIps.macRestrict,
      radiusUsername: customerIps.radiusUsername,
      planName: plans.name,
      templateDown: bandwidthTemplates.downloadKbps,
      templateUp: bandwidthTemplates.uploadKbps,
      rateLimit: bandwidthTemplates.mikrotikRateLimit,
      planDown: plans.bw1DownloadKbps,
      planUp: plans.bw1UploadKbps,
    })
    .from(customerIps)
    .innerJoin(customers, eq(customers.id, customerIps.customerId))
    .leftJoin(plans, eq(plans.id, customers.servicePlanId))
    .leftJoin(bandwidthTemplates, eq(bandwidthTemplates.id, plans.bandwidthTemplateId))
    .where(
      and(
        eq(customerIps.operatorId, operatorId),
        // An address on the gateway, or one of a customer on it that names no gateway itself.
        or(eq(customerIps.gatewayId, gateway.id), and(isNull(customerIps.gatewayId), eq(customers.gatewayId, gateway.id))),
      ),
    )
    .orderBy(asc(customers.id), asc(customerIps.id));
  let withoutRate = 0;
  const body = lines.map((l) => {
    const down = l.templateDown ?? l.planDown;
    const up = l.templateUp ?? l.planUp;
    if (down == null || up == null) withoutRate++;
    return [l.customerId, l.nickname, l.ip, l.mac, l.macRestrict ? 'mac-restrict' : 'any-mac', l.radiusUsername, l.planName, down, up, l.rateLimit].map(cell).join('\t');
  });
  const header = [
    `# WIB provisioning file for gateway ${gateway.wibNumber} (${cell(gateway.name)})`,
    '# customer_id\tnickname\tip\tmac\tmac_mode\tradius_username\tplan\tdownload_kbps\tupload_kbps\trate_limit',
  ];
  return { content: [...header, ...body].join('\n') + '\n', entries: lines.length, customers: new Set(lines.map((l) => l.customerId)).size, withoutRate };
}

export const updateWibFiles: JobKind<WibParams> = {
  kind: 'update_wib_files',
  permission: 'network.write',
  async validate(ctx, params, v) {
    onlyKeys(params, ['gatewayId', 'wibNumber', 'force'], v);
    const force = readBool(params, 'force', v);
    const hasId = params.gatewayId != null;
    const gatewayId = readInt(params, 'gatewayId', v, false);
    const wibNumber = readInt(params, 'wibNumber', v, !hasId);
    if (hasId && params.wibNumber != null) v.add('wibNumber', 'give the gateway or its wibNumber, not both');
    if (!v.ok) return { gatewayId: 0, wibNumber: 0, force };
    const gateway = await findGateway(ctx.db, ctx.actor.operatorId, gatewayId != null ? { id: gatewayId } : { wibNumber: wibNumber! });
    if (!gateway) {
      if (gatewayId != null) v.add('gatewayId', `gateway ${gatewayId} does not exist`, 'NOT_FOUND');
      else v.add('wibNumber', `no gateway has wibNumber ${wibNumber}`, 'NOT_FOUND');
      return { gatewayId: 0, wibNumber: 0, force };
    }
    return { gatewayId: gateway.id, wibNumber: gateway.wibNumber, force };
  },
  async run(ctx, params) {
    const rendered = await renderWibFile(ctx.db, ctx.actor.operatorId, params.gatewayId);
    const published = await adapters().wib.publish({ operatorId: ctx.actor.operatorId, wibNumber: params.wibNumber, content: rendered.content }, params.force);
    return {
      wibNumber: params.wibNumber,
      path: published.location,
      written: published.written,
      sha256: published.sha256,
      entries: rendered.entries,
      customers: rendered.customers,
      entriesWithoutRateLimit: rendered.withoutRate,
    };
  },
};
