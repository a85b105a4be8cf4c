/**
 * The GraphQL face of errors, in one place. Domain errors outside mutations (a query for a
 * bad cursor, missing authentication) become GraphQL errors with `extensions.code`; an
 * unavailable database becomes SERVICE_UNAVAILABLE (HTTP 503 with Retry-After, set by
 * `serviceUnavailableStatus`); anything unexpected is logged with its request id and reported
 * as INTERNAL_SERVER_ERROR without a message, stack or SQL. Errors while building the context
 * (token lookup) go through `contextFailure`, so Apollo's "Context creation failed: <message>"
 * never carries a driver's message.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { isDatabaseUnavailable, logUnavailable, RETRY_AFTER_HEADER, UNAVAILABLE_MESSAGE } from '../availability';
import { log } from '../server/logger';
import { describeError } from '../shared/describe-error';
import { DomainError } from '../shared/errors';

export const SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE';

/** The error behind a GraphQL error: a resolver's throw, or what Apollo wrapped (context creation). */
function originalOf(error: unknown): unknown {
  const unwrapped = unwrapResolverError(error);
  if (unwrapped instanceof GraphQLError && unwrapped.originalError && !(unwrapped.originalError instanceof GraphQLError)) {
    return unwrapped.originalError;
  }
  return unwrapped;
}

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = originalOf(error);
  if (original instanceof DomainError) {
    return {
      message: original.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: original.code, ...(original.problems.some((p) => p.field.length) ? { problems: original.problems } : {}) },
    };
  }
  // Logged once per request by serviceUnavailableStatus, which knows the request id.
  if (isDatabaseUnavailable(original)) {
    return { message: UNAVAILABLE_MESSAGE, locations: formatted.locations, path: formatted.path, extensions: { code: SERVICE_UNAVAILABLE } };
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

/**
 * What to throw when building a request's context failed: GraphQL errors (authentication
 * refused) pass as they are; an unavailable database is SERVICE_UNAVAILABLE with 503; anything
 * else is logged and becomes a bare INTERNAL_SERVER_ERROR with 500.
 */
export function contextFailure(error: unknown, requestId: string): GraphQLError {
  if (error instanceof GraphQLError) return error;
  if (isDatabaseUnavailable(error)) {
    logUnavailable(requestId, 'graphql', error);
    return new GraphQLError(UNAVAILABLE_MESSAGE, {
      extensions: { code: SERVICE_UNAVAILABLE, http: { status: 503, headers: new Map(Object.entries(RETRY_AFTER_HEADER)) } },
    });
  }
  log('error', 'graphql context failed', { requestId, error: describeError(error) });
  return new GraphQLError('Internal server error', { extensions: { code: 'INTERNAL_SERVER_ERROR', http: { status: 500 } } });
}

/**
 * Answers HTTP 503 with Retry-After when the database became unavailable while a request ran
 * (its errors carry SERVICE_UNAVAILABLE after formatting), and logs that once with the request id.
 */
export function serviceUnavailableStatus<T extends { requestId?: string }>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          const cause = errors.map(originalOf).find(isDatabaseUnavailable);
          if (cause) logUnavailable(contextValue.requestId, 'graphql', cause);
        },
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors ?? [];
          if (!errors.some((e) => e.extensions?.code === SERVICE_UNAVAILABLE)) return;
          response.http.status = 503;
          for (const [name, value] of Object.entries(RETRY_AFTER_HEADER)) response.http.headers.set(name, value);
        },
      };
    },
  };
}
