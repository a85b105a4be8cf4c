/**
 * Search box: one query text against the operator's customers, equipment and sites at once, for
 * a console's "find anything" field. Text matches anywhere in a name, nickname, invoicing id,
 * e-mail, phone or serial number (any case); a text that is an IP or MAC address also finds
 * the customer holding it (customer-lookup.ts) and the equipment with it; a RADIUS username
 * finds its customer. Customers come first, then equipment, then sites, each by id; three
 * statements, each scoped to the caller's operator by the areas' own conditions.
 */
import { and, asc, eq, or, type SQL } from 'drizzle-orm';
import { customerConditions } from '../customers/customer.service';
import { customerHasIp, customerHasMac, customerHasRadiusUsername } from '../customers/customer-lookup';
import { customers } from '../customers/customer.table';
import { containsText } from '../db/text-match';
import { equipmentConditions } from '../network/equipment.service';
import { equipment } from '../network/equipment.table';
import { hostEquals } from '../network/filters';
import { isIpAddress, normalizeMac } from '../network/net-rules';
import { siteConditions } from '../network/site.service';
import { sites } from '../network/site.table';
import type { ServiceContext } from '../shared/context';
import { Validation } from '../shared/errors';
import { authorize } from '../tenancy/permissions';

export const SEARCH_DEFAULT_FIRST = 10;
export const SEARCH_MAX_FIRST = 50;

export type SearchHit =
  | { kind: 'customer'; row: typeof customers.$inferSelect }
  | { kind: 'equipment'; row: typeof equipment.$inferSelect }
  | { kind: 'site'; row: typeof sites.$inferSelect };

export async function search(ctx: ServiceContext, query: string, first: number = SEARCH_DEFAULT_FIRST): Promise<SearchHit[]> {
  authorize(ctx.actor, 'read');
  const text = query.trim();
  const v = new Validation();
  if (text.length < 2) v.add('query', 'query must have at least 2 characters');
  if (!Number.isInteger(first) || first < 1 || first > SEARCH_MAX_FIRST) v.add('first', `first must be from 1 to ${SEARCH_MAX_FIRST}`);
  v.throwIfAny();
  const operatorId = ctx.actor.operatorId;
  const ip = isIpAddress(text) ? text : null;
  const mac = normalizeMac(text);

  const customerMatch: (SQL | undefined)[] = [
    ...[customers.name, customers.nickname, customers.invoicingId, customers.email, customers.phone].map((c) => containsText(c, text)),
    customerHasRadiusUsername(text),
    ip ? customerHasIp(ip) : undefined,
    mac ? customerHasMac(mac) : undefined,
  ];
  const equipmentMatch: (SQL | undefined)[] = [
    containsText(equipment.nickname, text),
    containsText(equipment.serialNumber, text),
    ip ? hostEquals(equipment.ipAddress, ip) : undefined,
    mac ? eq(equipment.mac, mac) : undefined,
  ];

  const [foundCustomers, foundEquipment, foundSites] = await Promise.all([
    ctx.db.select().from(customers).where(and(customerConditions(operatorId), or(...customerMatch))).orderBy(asc(customers.id)).limit(first),
    ctx.db.select().from(equipment).where(and(equipmentConditions(operatorId), or(...equipmentMatch))).orderBy(asc(equipment.id)).limit(first),
    ctx.db.select().from(sites).where(and(siteConditions(operatorId), containsText(sites.name, text))).orderBy(asc(sites.id)).limit(first),
  ]);
  const hits: SearchHit[] = [
    ...foundCustomers.map((row) => ({ kind: 'customer' as const, row })),
    ...foundEquipment.map((row) => ({ kind: 'equipment' as const, row })),
    ...foundSites.map((row) => ({ kind: 'site' as const, row })),
  ];
  return hits.slice(0, first);
}
