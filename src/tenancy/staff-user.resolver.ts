/** GraphQL adapter for staff users: parse, call the service, format. */
import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context';
import { idOf } from '../graphql/ids';
import { byKeys } from '../graphql/loaders';
import { asNode, registerNodeType } from '../graphql/node';
import { mutate } from '../graphql/user-error';
import type { StaffRole as Role } from '../shared/context';
import * as staffUserService from './staff-user.service';
import {
  StaffUser,
  StaffUserCreateInput,
  StaffUserCreatePayload,
  StaffUserFilterInput,
  StaffUserPasswordUpdateInput,
  StaffUserPasswordUpdatePayload,
  StaffUserUpdateInput,
  StaffUserUpdatePayload,
} from './staff-user.types';

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
  async staffUsers(@Ctx() ctx: GraphQLContext, @Arg('filter', () => StaffUserFilterInput, { nullable: true, description: "Only the staff user objects meeting these conditions." }) filter?: StaffUserFilterInput) {
    const rows = await staffUserService.list(ctx, { role: filter?.role, active: filter?.active });
    for (const row of rows) staffUserById(ctx).prime(row.id, row);
    return rows.map(toStaffUser);
  }

  @Mutation(() => StaffUserCreatePayload, { description: 'Creates a staff user (admins only).' })
  async staffUserCreate(@Arg('input', () => StaffUserCreateInput, { description: 'The new staff user.' }) input: StaffUserCreateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => ({ staffUser: toStaffUser(await staffUserService.create(ctx, { ...input, role: input.role as unknown as Role })) }), { staffUser: null });
  }

  @Mutation(() => StaffUserUpdatePayload, {
    description: "Changes a staff user's role, profile or active flag (admins only). The operator's last active admin can neither be deactivated nor lose the role.",
  })
  async staffUserUpdate(@Arg('input', () => StaffUserUpdateInput, { description: 'The staff user to change and its new values.' }) input: StaffUserUpdateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const { id, ...fields } = input;
      return { staffUser: toStaffUser(await staffUserService.update(ctx, idOf(id, 'StaffUser', ['id']), { ...fields, role: fields.role as unknown as Role | null | undefined })) };
    }, { staffUser: null });
  }

  @Mutation(() => StaffUserPasswordUpdatePayload, { description: "Sets a staff user's login password (admins only); at least 12 characters." })
  async staffUserPasswordUpdate(@Arg('input', () => StaffUserPasswordUpdateInput, { description: "The staff user and the new password." }) input: StaffUserPasswordUpdateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => ({ staffUser: toStaffUser(await staffUserService.setPassword(ctx, idOf(input.id, 'StaffUser', ['id']), input.password)) }), { staffUser: null });
  }
}
