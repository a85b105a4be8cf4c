/**
 * The schema lint: checks a printed schema (schema/schema.graphql) for the house conventions
 * (docs/ARCHITECTURE.md, "GraphQL conventions") so a new field cannot quietly break them.
 * Each violation is named by rule and schema coordinate (`Type.field(arg:)`); the ones we live
 * with for now are listed, with a reason per rule, in schema/lint-exceptions.json, which may only
 * shrink: test/graphql/schema-lint.test.ts fails on an unlisted violation and on a listed one that
 * no longer occurs. `npx tsx src/graphql/lint/cli.ts --write-exceptions` rewrites the list.
 *
 * The lint reads the SDL only, except one rule: whether a field stores a bigint is not in the
 * SDL, so the caller passes the coordinates of bigint-backed fields (cli.ts and the test read
 * them from the compiled read path's mappings).
 */
import {
  buildSchema,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isListType,
  isNonNullType,
  isObjectType,
  isSpecifiedScalarType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type GraphQLType,
} from 'graphql';

export const RULES = {
  'naming': 'Types PascalCase, fields and arguments camelCase, enum values UPPER_SNAKE_CASE.',
  'node-interface': 'An object type with `id: ID!` or a `legacyId` is an identity and implements Node, so `node(id:)` finds it.',
  'node-timestamps': 'A Node type has `createdAt: DateTime!` and `updatedAt: DateTime!`, so a client keeping a copy knows what changed.',
  'connection-arguments': 'A field returning a *Connection takes first, after, last and before.',
  'connection-shape': 'A *Connection type has edges, nodes, pageInfo and totalCount.',
  'connection-order': 'A field returning a *Connection takes `orderBy`, with the orderings users sort by.',
  'root-connection-nullable': 'A root connection is nullable: one refused page must not null the whole response.',
  'mutation-input': 'A mutation takes exactly one argument, `input`, a non-null input object.',
  'mutation-payload': 'A mutation returns a *Payload object with `userErrors: [UserError!]!`.',
  'mutation-own-payload': 'A mutation returns its own payload type, `<Mutation>Payload`, which nothing else in the schema uses.',
  'mutation-own-input': 'A mutation takes its own input type, `<Mutation>Input`, which nothing else in the schema uses.',
  'int-over-bigint': 'A field stored as bigint is not an Int (32 bits): use ID or Decimal.',
  'email-scalar': 'An e-mail address field or argument is EmailAddress, not String.',
  'ip-scalar': 'An IP address field or argument is IP (or IPv4), not String.',
  'mac-scalar': 'A MAC address field or argument is MAC, not String.',
  'description': 'Every type, field, argument, input field and enum value has a description.',
} as const;

export type RuleName = keyof typeof RULES;

export interface Violation {
  rule: RuleName;
  /** The schema coordinate: `Type`, `Type.field`, `Type.field(arg:)` or `Enum.VALUE`. */
  coordinate: string;
}

export interface LintOptions {
  /** Coordinates (`Type.field`) of fields whose stored value is a bigint. */
  bigintFields?: ReadonlySet<string>;
}

const PASCAL = /^[A-Z][A-Za-z0-9]*$/;
const CAMEL = /^[a-z][A-Za-z0-9]*$/;
const UPPER_SNAKE = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;
const EMAIL_NAME = /(^e?mail|Email|EMail)(Address)?(es|s)?$/;
const IP_NAME = /(^ip|Ip|IP)(Address|v4|v6)?(es|s)?$/;
const MAC_NAME = /(^mac|Mac|MAC)(Address)?(es|s)?$/;
const PAGE_ARGUMENTS = ['first', 'after', 'last', 'before'];
const CONNECTION_FIELDS = ['edges', 'nodes', 'pageInfo', 'totalCount'];

export function lintSchemaText(sdl: string, options: LintOptions = {}): Violation[] {
  return lintSchema(buildSchema(sdl), options);
}

export function lintSchema(schema: GraphQLSchema, options: LintOptions = {}): Violation[] {
  const out: Violation[] = [];
  const add = (rule: RuleName, coordinate: string) => out.push({ rule, coordinate });
  const rootNames = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].map((t) => t?.name));
  const mutationType = schema.getMutationType();
  const queryType = schema.getQueryType();
  const uses = usesByType(schema);

  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    if (!PASCAL.test(type.name)) add('naming', type.name);
    if (!type.description && !rootNames.has(type.name)) add('description', type.name);
    if (isEnumType(type)) {
      for (const value of type.getValues()) {
        const at = `${type.name}.${value.name}`;
        if (!UPPER_SNAKE.test(value.name)) add('naming', at);
        if (!value.description) add('description', at);
      }
    }
    if (isInputObjectType(type)) {
      // A filter matches part of a value (`mac: "aa:bb"`), so it stays a String.
      const partial = type.name.endsWith('FilterInput');
      for (const field of Object.values(type.getFields())) checkValue(field, `${type.name}.${field.name}`, add, partial);
    }
    if (isObjectType(type) || isInterfaceType(type)) {
      if (type.name.endsWith('Connection') && isObjectType(type)) {
        const fields = type.getFields();
        if (CONNECTION_FIELDS.some((name) => !fields[name])) add('connection-shape', type.name);
      }
      if (isObjectType(type) && !rootNames.has(type.name)) {
        const { id, legacyId } = type.getFields();
        const hasIdentity = legacyId !== undefined || (id && isNonNullType(id.type) && getNamedType(id.type).name === 'ID');
        if (hasIdentity && !type.getInterfaces().some((i) => i.name === 'Node')) {
          add('node-interface', type.name);
        }
        if (type.getInterfaces().some((i) => i.name === 'Node')) {
          const stamped = (name: string) => {
            const stamp = type.getFields()[name];
            return stamp !== undefined && isNonNullType(stamp.type) && getNamedType(stamp.type).name === 'DateTime';
          };
          if (!stamped('createdAt') || !stamped('updatedAt')) add('node-timestamps', type.name);
        }
      }
      for (const field of Object.values(type.getFields())) {
        const at = `${type.name}.${field.name}`;
        checkValue(field, at, add);
        if (options.bigintFields?.has(at) && getNamedType(field.type).name === 'Int') add('int-over-bigint', at);
        for (const arg of field.args) checkValue(arg, `${at}(${arg.name}:)`, add);
        if (getNamedType(field.type).name.endsWith('Connection') && isObjectType(getNamedType(field.type))) {
          if (PAGE_ARGUMENTS.some((name) => !field.args.some((a) => a.name === name))) add('connection-arguments', at);
          if (!field.args.some((a) => a.name === 'orderBy')) add('connection-order', at);
          if (type === queryType && isNonNullType(field.type)) add('root-connection-nullable', at);
        }
        if (type === mutationType) checkMutation(field, at, add, uses);
      }
    }
  }
  return out;
}

function checkValue(
  value: GraphQLField<unknown, unknown> | GraphQLArgument | GraphQLInputField,
  at: string,
  add: (rule: RuleName, coordinate: string) => void,
  partial = false,
): void {
  if (!CAMEL.test(value.name)) add('naming', at);
  if (!value.description) add('description', at);
  if (partial || getNamedType(value.type).name !== 'String') return;
  if (EMAIL_NAME.test(value.name)) add('email-scalar', at);
  if (IP_NAME.test(value.name)) add('ip-scalar', at);
  if (MAC_NAME.test(value.name)) add('mac-scalar', at);
}

function checkMutation(
  field: GraphQLField<unknown, unknown>,
  at: string,
  add: (rule: RuleName, coordinate: string) => void,
  uses: ReadonlyMap<string, number>,
): void {
  const [arg, ...rest] = field.args;
  if (!arg || rest.length > 0 || arg.name !== 'input' || !isNonNullType(arg.type) || !isInputObjectType(getNullableType(arg.type))) {
    add('mutation-input', at);
  }
  const payload: GraphQLNamedType = getNamedType(field.type);
  const userErrors = isObjectType(payload) ? payload.getFields().userErrors : undefined;
  if (!payload.name.endsWith('Payload') || !userErrors || !isListOfNonNull(userErrors.type, 'UserError')) add('mutation-payload', at);
  // Its own types, so each can grow a field without changing another mutation, and a client's
  // typing of each mutation (fragments, cache) is exact.
  const own = field.name.charAt(0).toUpperCase() + field.name.slice(1);
  if (payload.name !== `${own}Payload` || uses.get(payload.name) !== 1) add('mutation-own-payload', at);
  const input = field.args.find((a) => a.name === 'input');
  if (input && isInputObjectType(getNamedType(input.type))) {
    const name = getNamedType(input.type).name;
    if (name !== `${own}Input` || uses.get(name) !== 1) add('mutation-own-input', at);
  }
}

/** How many fields, arguments, input fields and union members name each type. */
function usesByType(schema: GraphQLSchema): Map<string, number> {
  const uses = new Map<string, number>();
  const use = (type: GraphQLType) => {
    const name = getNamedType(type).name;
    uses.set(name, (uses.get(name) ?? 0) + 1);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type)) continue;
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        use(field.type);
        for (const arg of field.args) use(arg.type);
      }
    }
    if (isInputObjectType(type)) for (const field of Object.values(type.getFields())) use(field.type);
    if (isUnionType(type)) for (const member of type.getTypes()) use(member);
  }
  return uses;
}

/** `[Name!]!` exactly. */
function isListOfNonNull(type: GraphQLType, name: string): boolean {
  if (!isNonNullType(type)) return false;
  const list = type.ofType;
  return isListType(list) && isNonNullType(list.ofType) && getNamedType(list.ofType).name === name;
}
