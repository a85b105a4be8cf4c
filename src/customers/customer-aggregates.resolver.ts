/**
 * Figures computed over a customer's records (what it owes, whether it is online) and counts over
 * the operator's customers. The rules are the services' (customer-data.service.ts#customerMoney,
 * radius/online.ts), so SIMPLer getCustomerData and the graph agree.
 */
import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context';
import { byKeys } from '../graphql/loaders';
import { DecimalScalar } from '../graphql/scalars';
import { moneyOf } from './customer-data.service';
import { BillingCycleUsage, CustomerStatusCount } from './customer-aggregates.types';
import { cycleUsageOf, type BillingCycleUsage as CycleUsage } from './subscriber.service';
import * as statusService from './customer-status.service';
import { Customer } from './customer.types';

type Money = Awaited<ReturnType<typeof moneyOf>>[number];

const moneyById = (ctx: GraphQLContext) =>
  ctx.loaders.get<number, Money | null>('customer.money', async (ids) => byKeys(ids, await moneyOf(ctx.db, ctx.actor.operatorId, ids), (row) => row.id));

const cycleUsageById = (ctx: GraphQLContext) =>
  ctx.loaders.get<number, CycleUsage | null>('customer.cycleUsage', async (ids) => {
    const usage = await cycleUsageOf(ctx, [...ids]);
    return ids.map((id) => usage.get(id) ?? null);
  });

async function money(ctx: GraphQLContext, customer: Customer): Promise<Money> {
  const row = await moneyById(ctx).load(customer.legacyId);
  if (!row) throw new Error(`customer ${customer.legacyId} vanished while being read`);
  return row;
}

@Resolver(() => Customer)
export class CustomerAggregatesResolver {
  @FieldResolver(() => DecimalScalar, { description: 'Invoiced (void invoices excluded) minus paid plus refunded; negative when the customer is in credit. As SIMPLer getCustomerData shows it.' })
  async balance(@Root() customer: Customer, @Ctx() ctx: GraphQLContext): Promise<string> {
    return (await money(ctx, customer)).balance;
  }

  @FieldResolver(() => DecimalScalar, { description: 'The unpaid parts of open invoices.' })
  async outstandingAmount(@Root() customer: Customer, @Ctx() ctx: GraphQLContext): Promise<string> {
    return (await money(ctx, customer)).outstanding;
  }

  @FieldResolver(() => DecimalScalar, { description: 'The unpaid parts of open invoices past their due date.' })
  async overdueAmount(@Root() customer: Customer, @Ctx() ctx: GraphQLContext): Promise<string> {
    return (await money(ctx, customer)).overdue;
  }

  @FieldResolver(() => Boolean, { description: 'Whether one of the customer’s RADIUS sessions is open.' })
  async online(@Root() customer: Customer, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    return (await money(ctx, customer)).online;
  }

  @FieldResolver(() => BillingCycleUsage, { nullable: true, description: 'Traffic and time online in the current billing cycle (as Jaze currentBillingCycleUsage); null without a billing subscription.' })
  async currentCycleUsage(@Root() customer: Customer, @Ctx() ctx: GraphQLContext): Promise<BillingCycleUsage | null> {
    const usage = await cycleUsageById(ctx).load(customer.legacyId);
    return usage && { start: usage.start, end: usage.end, uploadBytes: String(usage.uploadBytes), downloadBytes: String(usage.downloadBytes), sessionSeconds: usage.sessionSeconds };
  }

  @Query(() => [CustomerStatusCount], { description: "How many customers are in each of the operator's statuses (zero included), in status order." })
  async customerCountsByStatus(@Ctx() ctx: GraphQLContext): Promise<CustomerStatusCount[]> {
    return statusService.counts(ctx);
  }
}
