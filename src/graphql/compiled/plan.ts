/**
 * From a validated operation to a plan: every selected field resolved, once per document, to
 * what the database mappings say it is (a column, a relation, a connection part). The plan
 * holds no argument values — those are read per request — so it is cached by document text.
 * Anything the mappings do not cover makes the operation not compilable (`NotCompilable`),
 * and it runs through the resolvers instead.
 */
import {
  getNamedType,
  isEnumType,
  isObjectType,
  isScalarType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLEnumType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { sqlMappingOf, sqlRootField, type ColumnField, type ConnectionField, type ExpressionField, type ManyField, type OneField, type RootConnection, type RootLookup, type SqlField, type SqlObjectMapping } from './mapping';

export class NotCompilable extends Error {}

/** How a scalar or enum value is printed in the response, by GraphQL type. */
export type ValueFormat =
  | { kind: 'plain' }
  | { kind: 'text' }
  | { kind: 'date' }
  | { kind: 'dateTime' }
  /** Latitude/Longitude from a numeric column: the number without trailing zeros. */
  | { kind: 'coordinate' }
  | { kind: 'enum'; names: [stored: string, name: string][] }
  | { kind: 'globalId'; typeName: string };

export interface FieldAt {
  /** The response key (alias or name). */
  key: string;
  /** For argument values: the field's definition and (first) node. */
  definition: GraphQLField<unknown, unknown>;
  node: FieldNode;
}

export type PlannedField =
  | { kind: 'typename'; key: string; typeName: string }
  | (FieldAt & { kind: 'value'; source: { column: ColumnField } | { expression: ExpressionField } | { id: true }; format: ValueFormat })
  | (FieldAt & { kind: 'embedded'; fields: PlannedField[]; nullUnless?: PgColumn[] })
  | (FieldAt & { kind: 'one'; field: OneField; object: PlannedObject })
  | (FieldAt & { kind: 'many'; field: ManyField; object: PlannedObject })
  | (FieldAt & { kind: 'connection'; field: ConnectionField; connection: PlannedConnection });

export interface PlannedObject {
  typeName: string;
  mapping: SqlObjectMapping;
  fields: PlannedField[];
}

/** The parts of a connection's selection, in response order. */
export type ConnectionPart =
  | { key: string; part: 'typename'; typeName: string }
  | { key: string; part: 'totalCount' }
  | { key: string; part: 'nodes'; object: PlannedObject }
  | { key: string; part: 'edges'; edge: EdgePart[] }
  | { key: string; part: 'pageInfo'; info: { key: string; part: 'hasNextPage' | 'hasPreviousPage' | 'startCursor' | 'endCursor' | 'typename'; typeName?: string }[] };

export type EdgePart = { key: string; part: 'cursor' } | { key: string; part: 'node'; object: PlannedObject } | { key: string; part: 'typename'; typeName: string };

export interface PlannedConnection {
  typeName: string;
  parts: ConnectionPart[];
  /** The node type's plan for ordering and cursors even when no node fields are selected. */
  nodeType: string;
  mapping: SqlObjectMapping;
}

export type PlannedRoot =
  | { kind: 'typename'; key: string }
  | (FieldAt & { kind: 'rootConnection'; root: RootConnection; connection: PlannedConnection })
  | (FieldAt & { kind: 'rootLookup'; root: RootLookup; object: PlannedObject });

export interface Plan {
  operation: OperationDefinitionNode;
  roots: PlannedRoot[];
}

/** Plans the query operation; throws NotCompilable when any part is outside the mappings. */
export function planOperation(schema: GraphQLSchema, operation: OperationDefinitionNode, fragments: Record<string, FragmentDefinitionNode>): Plan {
  if (operation.operation !== 'query') throw new NotCompilable('only queries are compiled');
  if (operation.directives?.length) throw new NotCompilable('operation directives');
  const queryType = schema.getQueryType()!;
  const roots: PlannedRoot[] = [];
  for (const [key, nodes] of collect(queryType, operation.selectionSet, fragments)) {
    const node = nodes[0]!;
    const name = node.name.value;
    if (name === '__typename') {
      roots.push({ kind: 'typename', key });
      continue;
    }
    const definition = queryType.getFields()[name];
    const root = sqlRootField(name);
    if (!definition || !root) throw new NotCompilable(`root field ${name}`);
    const type = getNamedType(definition.type) as GraphQLObjectType;
    const selection = merged(nodes);
    if ('connection' in root) {
      roots.push({ kind: 'rootConnection', key, node, definition, root, connection: planConnection(schema, type, root.connection, selection, fragments, 1) });
    } else {
      roots.push({ kind: 'rootLookup', key, node, definition, root, object: planObject(schema, type, selection, fragments, 1) });
    }
  }
  if (!roots.some((r) => r.kind !== 'typename')) throw new NotCompilable('nothing to compile');
  return { operation, roots };
}

/** Guards the planner's own recursion; the request limits refuse deeper queries before this. */
const MAX_PLAN_DEPTH = 24;

function planObject(schema: GraphQLSchema, type: GraphQLObjectType, selection: SelectionSetNode, fragments: Record<string, FragmentDefinitionNode>, depth: number): PlannedObject {
  const mapping = sqlMappingOf(type.name);
  if (!mapping) throw new NotCompilable(`type ${type.name}`);
  return { typeName: type.name, mapping, fields: planFields(schema, type, mapping.fields, selection, fragments, depth) };
}

function planFields(
  schema: GraphQLSchema,
  type: GraphQLObjectType,
  fields: Record<string, SqlField>,
  selection: SelectionSetNode,
  fragments: Record<string, FragmentDefinitionNode>,
  depth: number,
): PlannedField[] {
  if (depth > MAX_PLAN_DEPTH) throw new NotCompilable('too deep');
  const isNode = type.getInterfaces().some((i) => i.name === 'Node');
  const out: PlannedField[] = [];
  for (const [key, nodes] of collect(type, selection, fragments)) {
    const node = nodes[0]!;
    const name = node.name.value;
    if (name === '__typename') {
      out.push({ kind: 'typename', key, typeName: type.name });
      continue;
    }
    const definition = type.getFields()[name];
    if (!definition) throw new NotCompilable(`field ${type.name}.${name}`);
    const at = { key, node, definition };
    if (isNode && name === 'id') {
      out.push({ ...at, kind: 'value', source: { id: true }, format: { kind: 'globalId', typeName: type.name } });
      continue;
    }
    if (isNode && name === 'legacyId') {
      // Int (printed as is) on most types, BigInt (as text) on RADIUS sessions.
      out.push({ ...at, kind: 'value', source: { id: true }, format: formatOf(getNamedType(definition.type)) });
      continue;
    }
    const field = fields[name];
    if (!field) throw new NotCompilable(`field ${type.name}.${name} has no SQL mapping`);
    const named = getNamedType(definition.type);
    if ('column' in field || 'expression' in field) {
      if (definition.args.length) throw new NotCompilable(`arguments on ${type.name}.${name}`);
      out.push({ ...at, kind: 'value', source: 'column' in field ? { column: field } : { expression: field }, format: formatOf(named) });
    } else if ('embedded' in field) {
      if (!isObjectType(named)) throw new NotCompilable(`embedded ${name}`);
      out.push({ ...at, kind: 'embedded', fields: planFields(schema, named, field.embedded, merged(nodes), fragments, depth + 1), nullUnless: field.nullUnless });
    } else if ('one' in field) {
      out.push({ ...at, kind: 'one', field, object: planObject(schema, named as GraphQLObjectType, merged(nodes), fragments, depth + 1) });
    } else if ('many' in field) {
      if (definition.args.length && !field.where) throw new NotCompilable(`arguments on ${type.name}.${name}`);
      out.push({ ...at, kind: 'many', field, object: planObject(schema, named as GraphQLObjectType, merged(nodes), fragments, depth + 1) });
    } else {
      out.push({ ...at, kind: 'connection', field, connection: planConnection(schema, named as GraphQLObjectType, field.connection, merged(nodes), fragments, depth + 1) });
    }
  }
  return out;
}

function planConnection(
  schema: GraphQLSchema,
  type: GraphQLObjectType,
  nodeTypeName: string,
  selection: SelectionSetNode,
  fragments: Record<string, FragmentDefinitionNode>,
  depth: number,
): PlannedConnection {
  const mapping = sqlMappingOf(nodeTypeName);
  if (!mapping) throw new NotCompilable(`type ${nodeTypeName}`);
  const nodeType = schema.getType(nodeTypeName) as GraphQLObjectType;
  const parts: ConnectionPart[] = [];
  for (const [key, nodes] of collect(type, selection, fragments)) {
    const name = nodes[0]!.name.value;
    if (name === '__typename') parts.push({ key, part: 'typename', typeName: type.name });
    else if (name === 'totalCount') parts.push({ key, part: 'totalCount' });
    else if (name === 'nodes') parts.push({ key, part: 'nodes', object: planObject(schema, nodeType, merged(nodes), fragments, depth + 1) });
    else if (name === 'edges') {
      const edgeType = getNamedType(type.getFields().edges!.type) as GraphQLObjectType;
      const edge: EdgePart[] = [];
      for (const [edgeKey, edgeNodes] of collect(edgeType, merged(nodes), fragments)) {
        const edgeField = edgeNodes[0]!.name.value;
        if (edgeField === 'cursor') edge.push({ key: edgeKey, part: 'cursor' });
        else if (edgeField === 'node') edge.push({ key: edgeKey, part: 'node', object: planObject(schema, nodeType, merged(edgeNodes), fragments, depth + 2) });
        else if (edgeField === '__typename') edge.push({ key: edgeKey, part: 'typename', typeName: edgeType.name });
        else throw new NotCompilable(`edge field ${edgeField}`);
      }
      parts.push({ key, part: 'edges', edge });
    } else if (name === 'pageInfo') {
      const infoType = getNamedType(type.getFields().pageInfo!.type) as GraphQLObjectType;
      const info: Extract<ConnectionPart, { part: 'pageInfo' }>['info'] = [];
      for (const [infoKey, infoNodes] of collect(infoType, merged(nodes), fragments)) {
        const infoField = infoNodes[0]!.name.value;
        if (infoField === '__typename') info.push({ key: infoKey, part: 'typename', typeName: infoType.name });
        else if (infoField === 'hasNextPage' || infoField === 'hasPreviousPage' || infoField === 'startCursor' || infoField === 'endCursor') info.push({ key: infoKey, part: infoField });
        else throw new NotCompilable(`pageInfo field ${infoField}`);
      }
      parts.push({ key, part: 'pageInfo', info });
    } else throw new NotCompilable(`connection field ${name}`);
  }
  return { typeName: type.name, parts, nodeType: nodeTypeName, mapping };
}

function formatOf(type: ReturnType<typeof getNamedType>): ValueFormat {
  if (!type) throw new NotCompilable('no type');
  if (isEnumType(type)) return { kind: 'enum', names: enumNames(type) };
  if (!isScalarType(type)) throw new NotCompilable(`type ${type.name} is not a scalar`);
  switch (type.name) {
    case 'String':
    case 'Int':
    case 'Boolean':
    case 'EmailAddress':
    // graphql-scalars' IP and MAC serializers return a valid address string unchanged, and the
    // database only holds valid ones (inet/macaddr), printed in the same text form.
    case 'IP':
    case 'MAC':
    // CurrencyCode and TimeZone serializers return a valid value unchanged.
    case 'CurrencyCode':
    case 'TimeZone':
      return { kind: 'plain' };
    case 'Latitude':
    case 'Longitude':
      // Their serializers parse the text to a number (8 decimals at most; our columns have 6).
      return { kind: 'coordinate' };
    case 'Decimal':
    // BigInt serializes a whole number as its decimal text, which is how PostgreSQL prints it.
    case 'BigInt':
      return { kind: 'text' };
    case 'Date':
      return { kind: 'date' };
    case 'DateTime':
      return { kind: 'dateTime' };
    default:
      // Scalars whose serializer changes the value in ways not reproduced here (JSON…) are
      // left to the resolvers.
      throw new NotCompilable(`scalar ${type.name}`);
  }
}

function enumNames(type: GraphQLEnumType): [string, string][] {
  return type.getValues().map((v) => [String(v.value), v.name]);
}

/**
 * The fields of a selection set by response key, in first-appearance order, with fragments
 * spread (graphql-js's collection, without @skip/@include, which make an operation not
 * compilable: the response shape would depend on variables).
 */
function collect(type: GraphQLObjectType, selectionSet: SelectionSetNode, fragments: Record<string, FragmentDefinitionNode>, out = new Map<string, FieldNode[]>(), seen = new Set<string>()): Map<string, FieldNode[]> {
  for (const selection of selectionSet.selections) {
    if (selection.directives?.length) throw new NotCompilable('directives');
    if (selection.kind === Kind.FIELD) {
      const key = selection.alias?.value ?? selection.name.value;
      const list = out.get(key);
      if (list) list.push(selection);
      else out.set(key, [selection]);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      if (selection.typeCondition && !appliesTo(type, selection.typeCondition.name.value)) continue;
      collect(type, selection.selectionSet, fragments, out, seen);
    } else {
      const name = selection.name.value;
      if (seen.has(name)) continue;
      seen.add(name);
      const fragment = fragments[name];
      if (!fragment) throw new NotCompilable(`fragment ${name}`);
      if (fragment.directives?.length) throw new NotCompilable('directives');
      if (!appliesTo(type, fragment.typeCondition.name.value)) continue;
      collect(type, fragment.selectionSet, fragments, out, seen);
    }
  }
  return out;
}

function appliesTo(type: GraphQLObjectType, condition: string): boolean {
  return condition === type.name || type.getInterfaces().some((i) => i.name === condition);
}

function merged(nodes: FieldNode[]): SelectionSetNode {
  if (nodes.length === 1) {
    if (!nodes[0]!.selectionSet) throw new NotCompilable('object field without selection');
    return nodes[0]!.selectionSet;
  }
  return { kind: Kind.SELECTION_SET, selections: nodes.flatMap((n) => n.selectionSet?.selections ?? []) };
}
