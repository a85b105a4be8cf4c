/**
 * `viewer` (who is asking), the `Operator` node (their tenant, the only one they can reach), the
 * change of its settings (`operatorUpdate`) and the `currencyCode` of money-bearing types:
 * amounts are in the operator's currency.
 */
import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context';
import { byKeys } from '../graphql/loaders';
import { asNode, registerNodeType } from '../graphql/node';
import { CurrencyCodeScalar } from '../graphql/scalars';
import { mutate } from '../graphql/user-error';
import { NotFoundError } from '../shared/errors';
import * as operatorService from './operator.service';
import { ROLE_PERMISSIONS } from './permissions';
import { staffUserById, toStaffUser } from './staff-user.resolver';
import { Operator, OperatorUpdateInput, OperatorUpdatePayload, Viewer } from './viewer.types';

const operatorById = (ctx: GraphQLContext) =>
  ctx.loaders.get<number, operatorService.OperatorSummary | null>('operator.byId', async (ids) =>
    byKeys(ids, await operatorService.findByIds(ctx.db, ids), (row) => row.id),
  );

function toOperator(row: operatorService.OperatorSummary): Operator {
  return asNode('Operator', { id: row.id, code: row.code, name: row.name, currencyCode: row.currency, timeZone: row.timezone }) as unknown as Operator;
}

/** The actor's own operator; another operator's id is never loaded. */
export async function loadOperator(ctx: GraphQLContext, id: number = ctx.actor.operatorId): Promise<Operator | null> {
  if (id !== ctx.actor.operatorId) return null;
  const row = await operatorById(ctx).load(id);
  return row ? toOperator(row) : null;
}

registerNodeType('Operator', (ctx, id) => loadOperator(ctx, id));

/** The currency of the actor's operator, for the money-bearing types' `currencyCode`. */
export async function operatorCurrency(ctx: GraphQLContext): Promise<string> {
  const operator = await loadOperator(ctx);
  if (!operator) throw new NotFoundError('operator', ctx.actor.operatorId, []);
  return operator.currencyCode;
}

@Resolver(() => Viewer)
export class ViewerResolver {
  @Query(() => Viewer, { description: 'The staff user (or integration account) this request is authenticated as, with its role, permissions and operator.' })
  async viewer(@Ctx() ctx: GraphQLContext): Promise<Viewer> {
    const row = ctx.actor.staffUserId == null ? null : await staffUserById(ctx).load(ctx.actor.staffUserId);
    const operator = await loadOperator(ctx);
    if (!row || !operator) throw new NotFoundError('staff user', ctx.actor.staffUserId ?? 0, []);
    return {
      username: row.username,
      displayName: row.displayName,
      // The role the request acts with (the credential's), which is the user's at login.
      role: ctx.actor.role as unknown as Viewer['role'],
      permissions: [...ROLE_PERMISSIONS[ctx.actor.role]],
      staffUser: toStaffUser(row),
      operator,
    };
  }
}

@Resolver()
export class OperatorWritesResolver {
  @Mutation(() => OperatorUpdatePayload, {
    description:
      "Changes the caller's own operator (never another): its name, the currency its amounts are in and its time zone (admins only). The next read, on every surface, shows the new settings.",
  })
  async operatorUpdate(@Arg('input', () => OperatorUpdateInput, { description: "The operator's new settings." }) input: OperatorUpdateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(
      async () => {
        const row = await operatorService.update(ctx, { name: input.name, currency: input.currencyCode, timezone: input.timeZone });
        // The request's later mutations (their payloads' operator) read it as changed.
        operatorById(ctx).clear(row.id).prime(row.id, row);
        return { operator: toOperator(row) };
      },
      { operator: null },
      { rename: { currency: 'currencyCode', timezone: 'timeZone' } },
    );
  }
}

/** `currencyCode` on one money-bearing type (each type gets its own small resolver class). */
export function currencyCodeResolver(type: Function, typeName: string): Function {
  @Resolver(() => type)
  class CurrencyCodeResolver {
    @FieldResolver(() => CurrencyCodeScalar, { description: `The currency of this ${typeName}'s amounts (the operator's).` })
    currencyCode(@Ctx() ctx: GraphQLContext): Promise<string> {
      return operatorCurrency(ctx);
    }
  }
  Object.defineProperty(CurrencyCodeResolver, 'name', { value: `${typeName}CurrencyCodeResolver` });
  return CurrencyCodeResolver;
}
