/** GraphQL adapter for staff users: parse, call the service, format. */
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context';
import { byKeys } from '../graphql/loaders';
import { asNode, registerNodeType } from '../graphql/node';
import * as staffUserService from './staff-user.service';
import { StaffUser, StaffUserFilterInput } from './staff-user.types';

/** Keeps only public fields, whatever the row carried. */
export function toStaffUser(row: staffUserService.StaffUserRow): StaffUser {
  const { passwordHash: _hash, ...rest } = row as staffUserService.StaffUserRow & { passwordHash?: unknown };
  return asNode('StaffUser', rest) as unknown as StaffUser;
}

export const staffUserById = (ctx: GraphQLContext) =>
  ctx.loaders.get<number, staffUserService.StaffUserRow | null>('staffUser.byId', async (ids) =>
    byKeys(ids, await staffUserService.findByIds(ctx.db, ctx.actor.operatorId, ids), (row) => row.id),
  );

registerNodeType('StaffUser', async (ctx, id) => {
  const row = await staffUserById(ctx).load(id);
  return row ? toStaffUser(row) : null;
});

@Resolver(() => StaffUser)
export class StaffUserResolver {
  @Query(() => [StaffUser], { description: "The operator's staff users by username." })
  async staffUsers(@Ctx() ctx: GraphQLContext, @Arg('filter', () => StaffUserFilterInput, { nullable: true }) filter?: StaffUserFilterInput) {
    const rows = await staffUserService.list(ctx, { role: filter?.role, active: filter?.active });
    for (const row of rows) staffUserById(ctx).prime(row.id, row);
    return rows.map(toStaffUser);
  }
}
