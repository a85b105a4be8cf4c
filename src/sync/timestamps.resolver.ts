/**
 * `createdAt` and `updatedAt` on every tracked Node type. Most types declare `createdAt`
 * themselves; whatever a type does not declare is added here, once for all of them, reading the
 * value from the object when its row carried it and otherwise from one batched lookup per type.
 * The compiled read path gets the same fields as plain columns.
 */
import { and, eq, getTableColumns, inArray } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { Ctx, FieldResolver, getMetadataStorage, Resolver, Root } from 'type-graphql';
import { addSqlFields, sqlMappingOf } from '../graphql/compiled/mapping';
import type { GraphQLContext } from '../graphql/context';
import { byKeys } from '../graphql/loaders';
import { DateTimeScalar } from '../graphql/scalars';
import { TRACKED, trackedTable } from './tracked';

type Stamp = 'createdAt' | 'updatedAt';
const DESCRIPTIONS: Record<Stamp, string> = {
  createdAt: 'When this object was created.',
  updatedAt: 'When this object last changed (any of its own fields; not its related objects). Follow every change with `changes(since:)`.',
};

interface NodeObject {
  legacyId: number;
  createdAt?: unknown;
  updatedAt?: unknown;
}

/** Whether the GraphQL type (its class) already has this field, declared or resolved elsewhere. */
function declares(typeClass: Function, field: string): boolean {
  const storage = getMetadataStorage();
  if (storage.fields.some((f) => f.target === typeClass && f.name === field)) return true;
  return storage.fieldResolvers.some((f) => {
    if (f.schemaName !== field) return false;
    const resolverClass = storage.resolverClasses.find((r) => r.target === f.target);
    return resolverClass?.getObjectType?.() === typeClass;
  });
}

/** The table's id, operator and stamp columns (SIMPLer's equipment and attachments call their creation `date_added`). */
function stampColumns(table: PgTable): Record<'id' | 'operatorId' | Stamp, PgColumn> {
  const columns = getTableColumns(table) as Record<string, PgColumn | undefined>;
  const picked = { id: columns.id, operatorId: columns.operatorId, createdAt: columns.createdAt ?? columns.dateAdded, updatedAt: columns.updatedAt };
  for (const [name, column] of Object.entries(picked)) if (!column) throw new Error(`tracked table has no ${name} column`);
  return picked as Record<'id' | 'operatorId' | Stamp, PgColumn>;
}

function stampLoader(ctx: GraphQLContext, typename: string, table: PgTable) {
  const columns = stampColumns(table);
  return ctx.loaders.get<number, { id: number; createdAt: Date; updatedAt: Date } | null>(`sync.stamps.${typename}`, async (ids) => {
    const rows = await ctx.db
      .select({ id: columns.id, createdAt: columns.createdAt, updatedAt: columns.updatedAt })
      .from(table)
      .where(and(eq(columns.operatorId, ctx.actor.operatorId), inArray(columns.id, [...ids])));
    return byKeys(ids, rows as { id: number; createdAt: Date; updatedAt: Date }[], (row) => row.id);
  });
}

function timestampsResolver(typename: string, typeClass: Function, stamps: Stamp[]): Function {
  const table = trackedTable(typename);
  const read = async (stamp: Stamp, object: NodeObject, ctx: GraphQLContext): Promise<Date> => {
    const own = object[stamp];
    if (own instanceof Date) return own;
    const row = await stampLoader(ctx, typename, table).load(object.legacyId);
    if (!row) throw new Error(`${typename} ${object.legacyId} has no ${stamp}`);
    return row[stamp];
  };

  @Resolver(() => typeClass)
  class TimestampsResolver {}
  for (const stamp of stamps) {
    const method = function (this: unknown, object: NodeObject, ctx: GraphQLContext) {
      return read(stamp, object, ctx);
    };
    Object.defineProperty(TimestampsResolver.prototype, stamp, { value: method, configurable: true, writable: true });
    Root()(TimestampsResolver.prototype, stamp, 0);
    Ctx()(TimestampsResolver.prototype, stamp, 1);
    FieldResolver(() => DateTimeScalar, { description: DESCRIPTIONS[stamp] })(TimestampsResolver.prototype, stamp, Object.getOwnPropertyDescriptor(TimestampsResolver.prototype, stamp)!);
  }
  Object.defineProperty(TimestampsResolver, 'name', { value: `${typename}TimestampsResolver` });
  return TimestampsResolver;
}

/**
 * Called while the schema is built (every area's types are declared by then): the resolvers
 * adding the missing stamps, and the compiled path's columns for them.
 */
export function timestampsResolvers(): Function[] {
  const storage = getMetadataStorage();
  const resolvers: Function[] = [];
  for (const { typename } of TRACKED) {
    const typeClass = storage.objectTypes.find((o) => o.name === typename)?.target;
    if (!typeClass) throw new Error(`tracked type ${typename} is not a GraphQL object type`);
    const missing = (['createdAt', 'updatedAt'] as const).filter((stamp) => !declares(typeClass, stamp));
    if (missing.length) resolvers.push(timestampsResolver(typename, typeClass, missing));
    // The compiled path reads both stamps as columns, also where a type declares the field but its mapping does not name it.
    const mapped = sqlMappingOf(typename)?.fields ?? {};
    const unmapped = (['createdAt', 'updatedAt'] as const).filter((stamp) => !mapped[stamp]);
    if (unmapped.length) addSqlFields(typename, Object.fromEntries(unmapped.map((stamp) => [stamp, { column: stampColumns(trackedTable(typename))[stamp] }])));
  }
  return resolvers;
}
