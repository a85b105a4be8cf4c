/**
 * `createdAt` and `updatedAt` on every Node type (stamps.ts says where each reads them). Most
 * types declare `createdAt` themselves; whatever a type does not declare is added here, once for
 * all of them, reading the value from the object when its row carried it and otherwise from one
 * batched lookup per type. The compiled read path gets the same fields as plain columns.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { Ctx, FieldResolver, getMetadataStorage, Resolver, Root } from 'type-graphql';
import { addSqlFields, sqlMappingOf } from '../graphql/compiled/mapping';
import type { GraphQLContext } from '../graphql/context';
import { byKeys } from '../graphql/loaders';
import { DateTimeScalar } from '../graphql/scalars';
import { APPEND_ONLY_UPDATED_AT, isAppendOnly, STAMP_DESCRIPTIONS, STAMP_SOURCES, stampColumns, type Stamp, type StampSource } from './stamps';
import { TRACKED } from './tracked';

const STAMPS = ['createdAt', 'updatedAt'] as const;

interface NodeObject {
  /** A string on the 64-bit types. */
  legacyId: number | string;
  [property: string]: unknown;
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

function description(source: StampSource, stamp: Stamp): string {
  if (stamp === 'updatedAt' && isAppendOnly(source)) return APPEND_ONLY_UPDATED_AT;
  const tracked = TRACKED.some((t) => t.typename === source.typename);
  return stamp === 'updatedAt' && tracked ? `${STAMP_DESCRIPTIONS.updatedAt} Follow every change with \`changes(since:)\`.` : STAMP_DESCRIPTIONS[stamp];
}

function stampLoader(ctx: GraphQLContext, source: StampSource) {
  const columns = stampColumns(source);
  return ctx.loaders.get<number, Record<Stamp, Date> & { id: number } | null>(`sync.stamps.${source.typename}`, async (ids) => {
    const rows = await ctx.db
      .select({ id: columns.id, createdAt: columns.createdAt, updatedAt: columns.updatedAt })
      .from(columns.table)
      .where(and(eq(columns.operatorId, ctx.actor.operatorId), inArray(columns.id, [...ids])));
    return byKeys(ids, rows as (Record<Stamp, Date> & { id: number })[], (row) => row.id);
  });
}

function timestampsResolver(source: StampSource, typeClass: Function, stamps: Stamp[]): Function {
  const { typename } = source;
  const read = async (stamp: Stamp, object: NodeObject, ctx: GraphQLContext): Promise<Date> => {
    // The object's own property of that name, when its row carried the column.
    const own = object[source.columns?.[stamp] ?? stamp];
    if (own instanceof Date) return own;
    const row = await stampLoader(ctx, source).load(Number(object.legacyId));
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
    FieldResolver(() => DateTimeScalar, { description: description(source, stamp) })(TimestampsResolver.prototype, stamp, Object.getOwnPropertyDescriptor(TimestampsResolver.prototype, stamp)!);
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
  for (const source of STAMP_SOURCES) {
    const typeClass = storage.objectTypes.find((o) => o.name === source.typename)?.target;
    if (!typeClass) throw new Error(`${source.typename} is not a GraphQL object type`);
    const missing = STAMPS.filter((stamp) => !declares(typeClass, stamp));
    if (missing.length) resolvers.push(timestampsResolver(source, typeClass, missing));
    // The compiled path reads both stamps as columns, also where a type declares the field but its mapping does not name it.
    const mapped = sqlMappingOf(source.typename)?.fields ?? {};
    const unmapped = STAMPS.filter((stamp) => !mapped[stamp]);
    if (unmapped.length) addSqlFields(source.typename, Object.fromEntries(unmapped.map((stamp) => [stamp, { column: stampColumns(source)[stamp] }])));
  }
  return resolvers;
}
