/**
 * Request limits for GraphQL, all checked after parsing and validation and before anything
 * executes, each refusal an HTTP 400 with its own `extensions.code`:
 * - brackets may nest at most MAX_SOURCE_NESTING deep, checked on the source text before parsing
 *   (`nesting.ts`) — QUERY_TOO_DEEP, answered by the HTTP adapter;
 * - the document may hold at most MAX_TOKENS tokens (graphql-js stops parsing there, which also
 *   bounds how deep any later walk can nest) — GRAPHQL_PARSE_FAILED;
 * - variables must coerce to their declared types and every string must be storable text —
 *   BAD_USER_INPUT (`input.ts`);
 * - depth, aliases, root fields and introspection root fields — QUERY_TOO_DEEP, TOO_MANY_ALIASES,
 *   TOO_MANY_ROOT_FIELDS, TOO_MANY_INTROSPECTION_FIELDS (`shape.ts`);
 * - cost, every selection counted — QUERY_TOO_COMPLEX (`cost.ts`);
 * - one operation per request: a JSON array (a batch) is refused by the HTTP adapter —
 *   BATCH_TOO_LARGE.
 * Fragment cycles never reach these walks: graphql validation refuses them first.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { checkCost } from './cost';
import { checkLiterals, checkVariables } from './input';
import { checkShape } from './shape';

export { MAX_QUERY_COST } from './cost';
export { MAX_SOURCE_NESTING, nestsDeeperThan } from './nesting';
export { MAX_ALIASES, MAX_DEPTH, MAX_INTROSPECTION_FIELDS, MAX_ROOT_FIELDS } from './shape';

/** Tokens in one document: the largest legitimate operations (GraphiQL's introspection) use ~1,000. */
export const MAX_TOKENS = 6_000;
/** Operations in one HTTP request. */
export const MAX_BATCH = 1;

export function requestLimits(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation, schema }) {
          if (!operation) return;
          checkLiterals(document);
          checkVariables(schema, operation, request.variables);
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const definition of document.definitions) {
            if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
          }
          checkShape(operation, fragments);
          checkCost(schema, { kind: Kind.DOCUMENT, definitions: [operation as OperationDefinitionNode, ...Object.values(fragments)] }, request.variables ?? {});
        },
      };
    },
  };
}
