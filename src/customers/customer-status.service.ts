/**
 * The operator's customer statuses (SIMPLer getCustomerStatuses): names in order (`array`),
 * labels, and per status the sub-status heading, default and allowed values (`substatus_hash`).
 */
import { asc, eq, sql } from 'drizzle-orm';
import type { ServiceContext } from '../shared/context';
import { customers } from './customer.table';
import { customerStatuses, customerSubStatuses } from './status.table';

export interface CustomerStatusInfo {
  name: string;
  label: string;
  subStatusLabel: string | null;
  subStatusDefault: string | null;
  subStatuses: string[];
}

export async function list(ctx: ServiceContext): Promise<CustomerStatusInfo[]> {
  const operatorId = ctx.actor.operatorId;
  const statuses = await ctx.db.select().from(customerStatuses).where(eq(customerStatuses.operatorId, operatorId)).orderBy(asc(customerStatuses.position), asc(customerStatuses.name));
  const subs = await ctx.db
    .select()
    .from(customerSubStatuses)
    .where(eq(customerSubStatuses.operatorId, operatorId))
    .orderBy(asc(customerSubStatuses.position), asc(customerSubStatuses.id));
  return statuses.map((s) => ({
    name: s.name,
    label: s.label,
    subStatusLabel: s.subStatusLabel,
    subStatusDefault: s.subStatusDefault,
    subStatuses: subs.filter((x) => x.statusId === s.id).map((x) => x.value),
  }));
}

export interface CustomerStatusCount {
  status: string;
  label: string;
  count: number;
}

/** How many of the operator's customers are in each of its statuses (zero included), in status order. */
export async function counts(ctx: ServiceContext): Promise<CustomerStatusCount[]> {
  const operatorId = ctx.actor.operatorId;
  return ctx.db
    .select({
      status: customerStatuses.name,
      label: customerStatuses.label,
      // nested: a single-table select prints its fields' top-level columns unqualified
      count: sql<number>`${sql`(select count(*) from ${customers} where ${customers.operatorId} = ${operatorId} and ${customers.status} = ${customerStatuses.name})::int`}`,
    })
    .from(customerStatuses)
    .where(eq(customerStatuses.operatorId, operatorId))
    .orderBy(asc(customerStatuses.position), asc(customerStatuses.name));
}
