/**
 * The shape of one operation: how deep its selections nest and how many fields it asks for
 * under one name (aliases) or at the root. Fragments are followed (graphql validation has
 * already refused cycles) and each fragment's depth is computed once, so a fragment spread a
 * thousand times costs one walk. The walk gives up as soon as the depth passes the limit, so
 * its own recursion never goes deeper than MAX_DEPTH.
 */
import { GraphQLError, Kind, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

export const MAX_DEPTH = 20;
/** Aliased field selections in one operation (`a: customers … b: customers …`), fragments included once each. */
export const MAX_ALIASES = 50;
/** Fields at the root of one operation (each root field is at least one statement). */
export const MAX_ROOT_FIELDS = 20;

/**
 * `__schema` selections in one operation: each can return the whole schema. (`__type` returns
 * one type and counts as an ordinary root field: GraphiQL and schema tests ask for several.)
 */
export const MAX_INTROSPECTION_FIELDS = 2;

export function checkShape(operation: OperationDefinitionNode, fragments: Record<string, FragmentDefinitionNode>): void {
  const rootFields = countRootFields(operation.selectionSet, fragments);
  if (rootFields > MAX_ROOT_FIELDS) {
    throw refuse('TOO_MANY_ROOT_FIELDS', `the operation asks for ${rootFields} root fields, more than the limit of ${MAX_ROOT_FIELDS}: split it into several requests`, MAX_ROOT_FIELDS);
  }
  const introspection = operation.selectionSet.selections.filter((s) => s.kind === Kind.FIELD && s.name.value === '__schema').length;
  if (introspection > MAX_INTROSPECTION_FIELDS) {
    throw refuse('TOO_MANY_INTROSPECTION_FIELDS', `the operation asks for ${introspection} __schema fields, more than the limit of ${MAX_INTROSPECTION_FIELDS}`, MAX_INTROSPECTION_FIELDS);
  }
  const aliases = countAliases(operation, fragments);
  if (aliases > MAX_ALIASES) {
    throw refuse('TOO_MANY_ALIASES', `the operation uses ${aliases} aliases, more than the limit of ${MAX_ALIASES}`, MAX_ALIASES);
  }
  const depthOf = new Map<string, number>();
  const depth = (set: SelectionSetNode, above: number): number => {
    if (above > MAX_DEPTH) throw refuse('QUERY_TOO_DEEP', `the operation nests deeper than the limit of ${MAX_DEPTH} levels`, MAX_DEPTH);
    let deepest = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        deepest = Math.max(deepest, 1 + (selection.selectionSet ? depth(selection.selectionSet, above + 1) : 0));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        deepest = Math.max(deepest, depth(selection.selectionSet, above));
      } else {
        const name = selection.name.value;
        const fragment = fragments[name];
        if (!fragment) continue;
        let known = depthOf.get(name);
        if (known === undefined) {
          known = depth(fragment.selectionSet, above);
          depthOf.set(name, known);
        }
        if (above - 1 + known > MAX_DEPTH) throw refuse('QUERY_TOO_DEEP', `the operation nests deeper than the limit of ${MAX_DEPTH} levels`, MAX_DEPTH);
        deepest = Math.max(deepest, known);
      }
    }
    return deepest;
  };
  const total = depth(operation.selectionSet, 1);
  if (total > MAX_DEPTH) throw refuse('QUERY_TOO_DEEP', `the operation nests ${total} levels deep, more than the limit of ${MAX_DEPTH}`, MAX_DEPTH);
}

/** Root fields, with fragments on the root type expanded (each fragment once per spread). */
function countRootFields(set: SelectionSetNode, fragments: Record<string, FragmentDefinitionNode>): number {
  let count = 0;
  const pending: SelectionSetNode[] = [set];
  while (pending.length) {
    for (const selection of pending.pop()!.selections) {
      if (selection.kind === Kind.FIELD) count++;
      else if (selection.kind === Kind.INLINE_FRAGMENT) pending.push(selection.selectionSet);
      else if (fragments[selection.name.value]) pending.push(fragments[selection.name.value]!.selectionSet);
      if (count > MAX_ROOT_FIELDS) return count;
    }
  }
  return count;
}

/** Aliases written in the operation and in the fragments it uses (each fragment counted once). */
function countAliases(operation: OperationDefinitionNode, fragments: Record<string, FragmentDefinitionNode>): number {
  let count = 0;
  const seen = new Set<string>();
  const pending: SelectionSetNode[] = [operation.selectionSet];
  while (pending.length) {
    for (const selection of pending.pop()!.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.alias) count++;
        if (selection.selectionSet) pending.push(selection.selectionSet);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        pending.push(selection.selectionSet);
      } else if (!seen.has(selection.name.value) && fragments[selection.name.value]) {
        seen.add(selection.name.value);
        pending.push(fragments[selection.name.value]!.selectionSet);
      }
    }
  }
  return count;
}

function refuse(code: string, message: string, limit: number): GraphQLError {
  return new GraphQLError(message, { extensions: { code, limit, http: { status: 400 } } });
}
