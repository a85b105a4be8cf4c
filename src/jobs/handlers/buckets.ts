/**
 * `update_buckets_from_subscription` (SIMPLer updateBucketsFromSubscription `customerid`,
 * `force`): puts each RADIUS account of a customer in the RADIUS group of the plan of the
 * customer's active recurring service subscription. Without `force` only group rows that differ
 * are changed; `force` also gives accounts with no group row one, and rewrites every row
 * (wiping custom group changes). Accounts marked excludeFromAutoGroupFromBucket are left alone.
 */
import { and, asc, desc, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import { customers } from '../../customers/customer.table';
import { plans } from '../../catalog/plan.table';
import { subscriptions } from '../../billing/subscription.table';
import { radiusAccounts } from '../../radius/radius-account.table';
import { radusergroup } from '../../radius/radusergroup.table';
import { audit } from '../../shared/audit';
import { onlyKeys, readBool, readInt, type JobKind } from '../job-kind';

type BucketParams = { customerId: number | null; force: boolean };

export const updateBucketsFromSubscription: JobKind<BucketParams> = {
  kind: 'update_buckets_from_subscription',
  permission: 'network.write',
  async validate(ctx, params, v) {
    onlyKeys(params, ['customerId', 'force'], v);
    const customerId = readInt(params, 'customerId', v, false);
    const force = readBool(params, 'force', v);
    if (customerId != null) {
      const [row] = await ctx.db.select({ id: customers.id }).from(customers).where(and(eq(customers.operatorId, ctx.actor.operatorId), eq(customers.id, customerId)));
      if (!row) v.add('customerId', `customer ${customerId} does not exist`, 'NOT_FOUND');
    }
    return { customerId, force };
  },
  async run(ctx, params) {
    const operatorId = ctx.actor.operatorId;
    const today = new Date().toISOString().slice(0, 10);
    return ctx.db.transaction(async (tx) => {
      const accounts = await tx
        .select({ customerId: radiusAccounts.customerId, username: radiusAccounts.username })
        .from(radiusAccounts)
        .where(
          and(
            eq(radiusAccounts.operatorId, operatorId),
            eq(radiusAccounts.excludeFromAutoGroupFromBucket, false),
            params.customerId != null ? eq(radiusAccounts.customerId, params.customerId) : undefined,
          ),
        )
        .orderBy(asc(radiusAccounts.customerId), asc(radiusAccounts.id));
      const customerIds = [...new Set(accounts.map((a) => a.customerId))];
      if (customerIds.length === 0) return { customers: 0, changes: [], withoutPlanGroup: [] };
      // The active recurring service subscription of each customer, the most recent one first.
      const subs = await tx
        .select({ customerId: subscriptions.customerId, planId: plans.id, radiusGroup: plans.radiusGroup })
        .from(subscriptions)
        .innerJoin(plans, eq(plans.id, subscriptions.planId))
        .where(
          and(
            eq(subscriptions.operatorId, operatorId),
            inArray(subscriptions.customerId, customerIds),
            eq(subscriptions.type, 'recurring'),
            eq(plans.kind, 'service'),
            isNull(subscriptions.endedAt),
            lte(subscriptions.validFrom, today),
            or(isNull(subscriptions.validTo), gte(subscriptions.validTo, today)),
          ),
        )
        .orderBy(desc(subscriptions.validFrom), desc(subscriptions.id));
      const groupOf = new Map<number, { planId: number; radiusGroup: string | null }>();
      for (const s of subs) if (!groupOf.has(s.customerId)) groupOf.set(s.customerId, s);
      const usernames = accounts.map((a) => a.username);
      const rows = await tx
        .select()
        .from(radusergroup)
        .where(and(eq(radusergroup.operatorId, operatorId), inArray(radusergroup.username, usernames)));

      const changes: { customerId: number; username: string; from: string | null; to: string }[] = [];
      const withoutPlanGroup: { customerId: number; reason: string }[] = [];
      const reported = new Set<number>();
      for (const account of accounts) {
        const plan = groupOf.get(account.customerId);
        if (!plan?.radiusGroup) {
          if (!reported.has(account.customerId)) {
            withoutPlanGroup.push({ customerId: account.customerId, reason: plan ? `plan ${plan.planId} has no RADIUS group` : 'no active service subscription' });
            reported.add(account.customerId);
          }
          continue;
        }
        const group = plan.radiusGroup;
        const mine = rows.filter((r) => r.username === account.username && r.customerId === account.customerId);
        if (mine.length === 0) {
          if (!params.force) continue;
          await tx.insert(radusergroup).values({ operatorId, customerId: account.customerId, username: account.username, groupname: group });
          changes.push({ customerId: account.customerId, username: account.username, from: null, to: group });
          continue;
        }
        for (const row of mine) {
          if (row.groupname === group && !params.force) continue;
          await tx.update(radusergroup).set({ groupname: group }).where(eq(radusergroup.id, row.id));
          if (row.groupname !== group) changes.push({ customerId: account.customerId, username: account.username, from: row.groupname, to: group });
        }
      }
      for (const customerId of new Set(changes.map((c) => c.customerId))) {
        await audit(tx, ctx.actor, 'radius.group.fromSubscription', 'customer', customerId, {
          changes: changes.filter((c) => c.customerId === customerId).map((c) => `${c.username}: ${c.from ?? '(none)'} -> ${c.to}`),
        });
      }
      return { customers: customerIds.length, force: params.force, changes, withoutPlanGroup };
    });
  },
};
