/**
 * Service plans with their head counts (Jaze E5 get_group_details, E29 get_allowed_groups): a
 * Jaze group is a service plan, its profile the plan's bandwidth template, and its users the
 * customers on the plan now (`customers.servicePlanId`). One statement per call.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { ServiceContext } from '../shared/context';
import { DomainError } from '../shared/errors';
import { customers } from '../customers/customer.table';
import { customerOnlineSql } from '../radius/online';
import { bandwidthTemplates } from './bandwidth-template.table';
import { plans } from './plan.table';

export interface PlanSubscriberSummary {
  planId: number;
  planName: string;
  enabled: boolean;
  bandwidthTemplateId: number | null;
  bandwidthTemplateName: string | null;
  /** Customers on the plan whose access state is active. */
  activeCustomers: number;
  /** Every customer on the plan, whatever its state. */
  totalCustomers: number;
  /** Customers on the plan with an open RADIUS session. */
  onlineCustomers: number;
}

/**
 * The operator's service plans with their counts, by id: all of them (`planIds` null) or the
 * ones named, where naming one that is not a service plan of the operator is an error.
 */
export async function summaries(ctx: ServiceContext, planIds: readonly number[] | null): Promise<PlanSubscriberSummary[]> {
  const operatorId = ctx.actor.operatorId;
  if (planIds !== null && planIds.length === 0) return [];
  const onPlan = sql`${customers.operatorId} = ${operatorId} and ${customers.servicePlanId} = ${plans.id}`;
  const online = customerOnlineSql();
  const rows = await ctx.db
    .select({
      planId: plans.id,
      planName: plans.name,
      enabled: plans.enabled,
      bandwidthTemplateId: plans.bandwidthTemplateId,
      bandwidthTemplateName: bandwidthTemplates.name,
      activeCustomers: sql<number>`(select count(*) from ${customers} where ${onPlan} and ${customers.accessState} = 'active')::int`,
      totalCustomers: sql<number>`(select count(*) from ${customers} where ${onPlan})::int`,
      onlineCustomers: sql<number>`(select count(*) from ${customers} where ${onPlan} and ${online})::int`,
    })
    .from(plans)
    .leftJoin(bandwidthTemplates, eq(bandwidthTemplates.id, plans.bandwidthTemplateId))
    .where(and(eq(plans.operatorId, operatorId), eq(plans.kind, 'service'), planIds ? inArray(plans.id, [...planIds]) : undefined))
    .orderBy(asc(plans.id));
  if (planIds) {
    const missing = [...new Set(planIds)].filter((id) => !rows.some((r) => r.planId === id));
    if (missing.length) {
      const message = `${missing.length === 1 ? 'group (service plan)' : 'groups (service plans)'} ${missing.join(', ')} ${missing.length === 1 ? 'does' : 'do'} not exist`;
      throw new DomainError('NOT_FOUND', message, [{ field: ['planId'], message, code: 'NOT_FOUND' }]);
    }
  }
  return rows;
}
