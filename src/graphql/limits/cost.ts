/**
 * The cost of a query: each field selection costs 1 — aliases, root fields and introspection
 * (`__schema`, `__type`) included — and a field taking `first` or `last` multiplies what is below
 * it by that page size (20 when omitted), so nested connections cost what they could return. A
 * list of objects that is not paged (a customer's contacts, an invoice's lines) multiplies what
 * is below it by UNPAGED_LIST_SIZE, so it is not free however long it is, and a client can still
 * work out the cost from the query alone.
 */
import { createRequire } from 'node:module';
import { getNamedType, getNullableType, GraphQLError, isCompositeType, isListType, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { ComplexityEstimator } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../db/pagination';

// Its ESM build imports graphql's ESM files by path, a second copy of graphql beside the
// CommonJS one the rest of the server uses; the CommonJS build shares ours.
const { getComplexity } = createRequire(import.meta.url)('graphql-query-complexity') as typeof import('graphql-query-complexity');

export const MAX_QUERY_COST = 50_000;
/** Selections the cost walk may visit (a fragment spread many times counts each time). */
export const MAX_COST_NODES = 20_000;

/**
 * What an unpaged list of objects is costed at. The lists that are not connections are an
 * object's few parts (contacts, invoice lines, device logins, a plan's price points) and the
 * operator's short reference lists (tax zones, statuses); ten is more than most of them hold.
 */
export const UNPAGED_LIST_SIZE = 10;

const pageSizeEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  const size = typeof args.first === 'number' ? args.first : typeof args.last === 'number' ? args.last : undefined;
  if ('first' in args || 'last' in args || size !== undefined) return 1 + childComplexity * (size ?? DEFAULT_PAGE_SIZE);
  // A connection's `edges` and `nodes` are its page, already counted by `first`/`last`.
  const inConnection = /(Connection|Edge)$/.test(type.name);
  const listOfObjects = isListType(getNullableType(field.type)) && isCompositeType(getNamedType(field.type));
  // A list asked for by ids (`nodes(ids:)`) is as long as the ids given.
  const listSize = Array.isArray(args.ids) ? args.ids.length : UNPAGED_LIST_SIZE;
  return 1 + childComplexity * (listOfObjects && !inConnection ? listSize : 1);
};

/** What the operation costs by the rule above; throws QUERY_TOO_COMPLEX when it cannot be walked. */
export function queryCost(schema: GraphQLSchema, query: DocumentNode, variables: Record<string, unknown>, max = MAX_QUERY_COST): number {
  try {
    return getComplexity({ schema, query, variables, estimators: [pageSizeEstimator], maxQueryNodes: MAX_COST_NODES });
  } catch (error) {
    if (!(error instanceof Error) || !/maximum allowed number of nodes/.test(error.message)) throw error;
    throw tooComplex(`the query expands to more than ${MAX_COST_NODES} field selections (each fragment spread counts in full)`, undefined, max);
  }
}

/** Throws QUERY_TOO_COMPLEX when the operation costs more than `max`. `variables` as sent (already known to coerce). */
export function checkCost(schema: GraphQLSchema, query: DocumentNode, variables: Record<string, unknown>, max = MAX_QUERY_COST): void {
  const cost = queryCost(schema, query, variables, max);
  if (cost > max) throw tooComplex(`query costs ${cost}, more than the limit of ${max}: ask for smaller pages or fewer nested lists`, cost, max);
}

/** The rule in clients' words, printed as the Query type's description (schema.ts). */
export const COST_RULE =
  `Every operation is costed before it runs: each selected field costs 1 (aliases, root fields and introspection included), ` +
  `and a field taking \`first\` or \`last\` multiplies the cost of the selection below it by that page size ` +
  `(${DEFAULT_PAGE_SIZE} when omitted; at most ${MAX_PAGE_SIZE}); a list of objects without \`first\` or \`last\` (e.g. \`Customer.contacts\`, ` +
  `\`Invoice.lines\`) multiplies it by ${UNPAGED_LIST_SIZE}, however long it is, and \`nodes(ids:)\` by the number of ids. An operation costing more than ${MAX_QUERY_COST} is refused ` +
  `before anything is read, with the error code QUERY_TOO_COMPLEX and its \`cost\` and \`limit\` in the extensions.`;

function tooComplex(message: string, cost: number | undefined, limit: number): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'QUERY_TOO_COMPLEX', ...(cost !== undefined ? { cost } : {}), limit, http: { status: 400 } } });
}
