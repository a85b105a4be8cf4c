/** GraphQL adapter for RADIUS writes and a customer's attribute rows: parse, call the services, format. */
import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ConnectionType, toConnection } from '../graphql/connection';
import { PageArgs } from '../graphql/page-args';
import { SortDirection } from '../graphql/sort-direction';
import { RadiusAccount } from './radius.types';
import { radiusAccountById, radiusAccountsByCustomer } from './radius.loaders';
import type { GraphQLContext } from '../graphql/context';
import { toGlobalId } from '../graphql/global-id';
import { idOf, optionalIdOf } from '../graphql/ids';
import { byKeys, groupByKeys } from '../graphql/loaders';
import { registerNodeType } from '../graphql/node';
import { mutate } from '../graphql/user-error';
import { Customer } from '../customers/customer.types';
import * as customerRadiusService from './customer-radius.service';
import { toRadiusAccount } from './radius.mapping';
import { authorizeSecretRead, isSecretRadiusAttribute, recordSecretRead } from '../tenancy/secret-reads';
import * as accountService from './radius-account.service';
import {
  RadiusAccountCreateInput,
  RadiusAccountCreatePayload,
  RadiusAccountDeleteInput,
  RadiusAccountDeletePayload,
  RadiusAccountFilterInput,
  RadiusAccountOrder,
  RadiusAccountOrderField,
  RadiusAccountUpdateInput,
  RadiusAccountUpdatePayload,
  RadiusAttribute,
  RadiusAttributeCreateInput,
  RadiusAttributeCreatePayload,
  RadiusAttributeDeleteInput,
  RadiusAttributeDeletePayload,
  RadiusAttributeUpdateInput,
  RadiusAttributeUpdatePayload,
  RadiusTable,
} from './radius-writes.types';

/** Global id type names of the rows of each table. */
const ROW_TYPE: Record<RadiusTable, string> = { radcheck: 'RadiusCheck', radreply: 'RadiusReply', radusergroup: 'RadiusUserGroup' };

/** A row as GraphQL serves it: a secret's value only when `reveal` was asked (and allowed); mutation payloads mask it too. */
function toRadiusAttribute(row: customerRadiusService.RadiusAttributeRow, reveal = false): RadiusAttribute {
  const masked = !reveal && isSecretRadiusAttribute(row.attribute);
  return {
    __typename: 'RadiusAttribute',
    id: toGlobalId(ROW_TYPE[row.table as RadiusTable], row.id),
    legacyId: row.id,
    table: row.table as RadiusTable,
    username: row.username,
    attribute: row.attribute,
    op: row.op,
    value: masked ? null : row.value,
    masked,
    priority: row.priority,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  } as RadiusAttribute;
}

// The global id names the table the row lives in; `node(id:)` serves the row masked, like every read without `reveal`.
for (const table of Object.keys(ROW_TYPE) as RadiusTable[]) {
  registerNodeType(ROW_TYPE[table], async (ctx, id) => {
    const loader = ctx.loaders.get<number, customerRadiusService.RadiusAttributeRow | null>(`radiusAttribute.${table}.byId`, async (ids) =>
      byKeys(ids, await customerRadiusService.attributesByIds(ctx.db, ctx.actor.operatorId, table, ids), (row) => row.id),
    );
    const row = await loader.load(id);
    return row ? toRadiusAttribute(row) : null;
  });
}

@Resolver(() => Customer)
export class CustomerRadiusAttributesResolver {
  @FieldResolver(() => [RadiusAttribute], {
    description:
      "The customer's rows of one RADIUS table, for all its usernames or one (SIMPLer customerRadius list). Password values are masked unless `reveal` is true.",
  })
  async radiusAttributes(
    @Root() customer: Customer,
    @Ctx() ctx: GraphQLContext,
    @Arg('table', () => RadiusTable, { description: 'Which rows to list: check items, reply items or group memberships.' }) table: RadiusTable,
    @Arg('username', () => String, { nullable: true, description: "Only this username's rows (one of the customer's); all of them when omitted." }) username?: string,
    @Arg('reveal', () => Boolean, {
      defaultValue: false,
      description: 'Serve password values in clear: needs the secrets.read permission (FORBIDDEN otherwise), and each customer whose passwords are served is recorded in the audit trail.',
    })
    reveal = false,
  ) {
    if (reveal) authorizeSecretRead(ctx);
    // One statement per table and username however many customers ask (the customer itself is
    // already operator-scoped; a username that is not the customer's simply has no rows).
    const loader = ctx.loaders.get<number, customerRadiusService.RadiusAttributeRow[]>(`radiusAttributes.${table}.${JSON.stringify(username ?? null)}`, async (ids) =>
      groupByKeys(ids, await customerRadiusService.attributesByCustomers(ctx.db, ctx.actor.operatorId, table, ids, username), (row) => row.customerId),
    );
    const rows = await loader.load(customer.legacyId);
    const secrets = rows.filter((row) => isSecretRadiusAttribute(row.attribute));
    if (reveal && secrets.length) await recordSecretRead(ctx, 'customer', customer.legacyId, secrets.map((row) => `${row.table}:${row.attribute}`));
    return rows.map((row) => toRadiusAttribute(row, reveal));
  }
}

const RadiusAccountConnection = ConnectionType('RadiusAccount', RadiusAccount);

@Resolver()
export class RadiusWritesResolver {
  @Query(() => RadiusAccountConnection, { nullable: true, description: "The operator's RADIUS logins, in id order unless ordered otherwise (SIMPLer listRADIUSdetails). Passwords are never served." })
  async radiusAccounts(
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => RadiusAccountFilterInput, { nullable: true, description: "Only the RADIUS account objects meeting these conditions." }) filter?: RadiusAccountFilterInput,
    @Arg('orderBy', () => RadiusAccountOrder, { nullable: true, description: 'How to sort the list; by id, ascending, when omitted.' }) orderBy?: RadiusAccountOrder,
  ) {
    const { page: result, count } = await accountService.listPaged(
      ctx,
      { ...filter, customerId: optionalIdOf(filter?.customerId, 'Customer', ['filter', 'customerId']) },
      accountService.accountSort(orderBy?.field ?? RadiusAccountOrderField.ID, orderBy?.direction ?? SortDirection.ASC),
      page,
    );
    for (const row of result.nodes) radiusAccountById(ctx).prime(row.id, row);
    return toConnection(result, toRadiusAccount, count);
  }

  @Mutation(() => RadiusAccountCreatePayload, { description: 'Adds a RADIUS login with its password check item and the plan group (SIMPLer addRADIUSdetails).' })
  async radiusAccountCreate(@Arg('input', () => RadiusAccountCreateInput, { description: 'The new RADIUS account.' }) input: RadiusAccountCreateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const row = await accountService.add(ctx, {
        customerId: optionalIdOf(input.customerId, 'Customer', ['customerId']),
        existingRadiusUsername: input.existingRadiusUsername,
        username: input.username,
        password: input.password,
        priority: input.priority,
      });
      return { radiusAccount: toRadiusAccount(row) };
    }, { radiusAccount: null });
  }

  @Mutation(() => RadiusAccountUpdatePayload, {
    description:
      "Changes a RADIUS login's password, priority or bucket-group flag. FreeRADIUS checks the new password from the login's next authentication (sessions already online go on until they end); the password is never returned, `hasPassword` says whether one is set.",
  })
  async radiusAccountUpdate(@Arg('input', () => RadiusAccountUpdateInput, { description: 'The RADIUS account to change and its new values.' }) input: RadiusAccountUpdateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const id = idOf(input.id, 'RadiusAccount', ['id']);
      const row = await accountService.update(ctx, id, {
        password: input.password,
        priority: input.priority,
        excludeFromAutoGroupFromBucket: input.excludeFromAutoGroupFromBucket,
      });
      // Later fields of this request (another payload, a customer's logins) read the login as changed.
      radiusAccountById(ctx).clear(id).prime(id, row);
      radiusAccountsByCustomer(ctx).clear(row.customerId);
      return { radiusAccount: toRadiusAccount(row) };
    }, { radiusAccount: null });
  }

  @Mutation(() => RadiusAccountDeletePayload, { description: 'Deletes a RADIUS login with all its radcheck, radreply and radusergroup rows (SIMPLer deleteRADIUSdetails).' })
  async radiusAccountDelete(@Arg('input', () => RadiusAccountDeleteInput, { description: 'The RADIUS account to delete.' }) input: RadiusAccountDeleteInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const { id } = await accountService.remove(ctx, input.username);
      return { deletedId: toGlobalId('RadiusAccount', id) };
    }, { deletedId: null });
  }

  @Mutation(() => RadiusAttributeCreatePayload, { description: "Adds a radcheck/radreply/radusergroup row for one of the customer's usernames." })
  async radiusAttributeCreate(@Arg('input', () => RadiusAttributeCreateInput, { description: 'The new RADIUS attribute.' }) input: RadiusAttributeCreateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const [row] = await customerRadiusService.customerRadius(ctx, {
        table: input.table,
        action: 'add',
        customerId: idOf(input.customerId, 'Customer', ['customerId']),
        username: input.username,
        attribute: input.attribute,
        op: input.op,
        value: input.value,
        priority: input.priority,
      });
      return { radiusAttribute: toRadiusAttribute(row!) };
    }, { radiusAttribute: null });
  }

  @Mutation(() => RadiusAttributeUpdatePayload, { description: 'Changes a radcheck/radreply/radusergroup row.' })
  async radiusAttributeUpdate(@Arg('input', () => RadiusAttributeUpdateInput, { description: 'The RADIUS attribute to change and its new values.' }) input: RadiusAttributeUpdateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const id = idOf(input.id, ROW_TYPE[input.table], ['id']);
      const customerId = await customerRadiusService.customerOfRow(ctx, input.table, id);
      const [row] = await customerRadiusService.customerRadius(ctx, {
        table: input.table,
        action: 'modify',
        customerId,
        id,
        username: input.username,
        attribute: input.attribute,
        op: input.op,
        value: input.value,
        priority: input.priority,
      });
      return { radiusAttribute: toRadiusAttribute(row!) };
    }, { radiusAttribute: null });
  }

  @Mutation(() => RadiusAttributeDeletePayload, { description: 'Deletes a radcheck/radreply/radusergroup row.' })
  async radiusAttributeDelete(@Arg('input', () => RadiusAttributeDeleteInput, { description: 'The RADIUS attribute to delete.' }) input: RadiusAttributeDeleteInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const id = idOf(input.id, ROW_TYPE[input.table], ['id']);
      const customerId = await customerRadiusService.customerOfRow(ctx, input.table, id);
      await customerRadiusService.customerRadius(ctx, { table: input.table, action: 'delete', customerId, id });
      return { deletedId: input.id };
    }, { deletedId: null });
  }
}
