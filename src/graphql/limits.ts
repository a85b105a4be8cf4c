/**
 * A bound on how much one query may ask for. Each field costs 1; a field taking `first` or
 * `last` multiplies what is below it by that page size (20 when omitted), so nested
 * connections cost what they could return. A query over the limit is refused before it runs.
 */
import { createRequire } from 'node:module';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, separateOperations } from 'graphql';
import type { ComplexityEstimator } from 'graphql-query-complexity';

// Its ESM build imports graphql's ESM files by path, a second copy of graphql beside the
// CommonJS one the rest of the server uses; the CommonJS build shares ours.
const { getComplexity } = createRequire(import.meta.url)('graphql-query-complexity') as typeof import('graphql-query-complexity');
import { DEFAULT_PAGE_SIZE } from '../db/pagination';

export const MAX_QUERY_COST = 50_000;

const pageSizeEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  const size = typeof args.first === 'number' ? args.first : typeof args.last === 'number' ? args.last : undefined;
  const isList = 'first' in args || 'last' in args || size !== undefined;
  return 1 + childComplexity * (isList ? (size ?? DEFAULT_PAGE_SIZE) : 1);
};

export function queryCostLimit(max = MAX_QUERY_COST): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          const operations = separateOperations(document);
          const query = request.operationName && operations[request.operationName] ? operations[request.operationName]! : document;
          const cost = getComplexity({ schema, query, variables: request.variables ?? {}, estimators: [pageSizeEstimator] });
          if (cost > max) {
            throw new GraphQLError(`query costs ${cost}, more than the limit of ${max}: ask for smaller pages or fewer nested lists`, {
              extensions: { code: 'QUERY_TOO_COMPLEX', cost, limit: max, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
