/**
 * The GraphQL face of errors, in one place. Domain errors outside mutations (a query for a
 * bad cursor, missing authentication) become GraphQL errors with `extensions.code`; anything
 * unexpected is logged with its request id and reported as INTERNAL_SERVER_ERROR without a
 * message, stack or SQL.
 */
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { log } from '../server/logger';
import { describeError } from '../shared/describe-error';
import { DomainError } from '../shared/errors';

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof DomainError) {
    return {
      message: original.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: original.code, ...(original.problems.some((p) => p.field.length) ? { problems: original.problems } : {}) },
    };
  }
  const code = formatted.extensions?.code;
  // Errors graphql-js and Apollo raise about the request itself are safe to show as they are.
  if (original instanceof GraphQLError || (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR')) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  log('error', 'graphql resolver fault', { error: describeError(original), path: formatted.path });
  return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
