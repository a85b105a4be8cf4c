/**
 * GraphQL when the database fails in the middle of execution (after the token lookup
 * succeeded): the error is SERVICE_UNAVAILABLE without the driver's message, the HTTP status
 * 503 with Retry-After; other faults stay INTERNAL_SERVER_ERROR with 200 as before. Built on a
 * one-field schema with our formatError and plugin, so the failure happens exactly where wanted.
 */
import { ApolloServer, HeaderMap } from '@apollo/server';
import { buildSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatError, serviceUnavailableStatus } from '../../src/graphql/errors';

const schema = buildSchema('type Query { down: Int, broken: Int, fine: Int }');
const rootValue = {
  down: () => {
    throw new Error('Failed query: select * from customers where id = $1\nparams: 42', {
      cause: Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
    });
  },
  broken: () => {
    throw new Error('Failed query: select nope\nparams: ');
  },
  fine: () => 1,
};

describe('GraphQL execution failing on an unavailable database', () => {
  const apollo = new ApolloServer<{ requestId: string }>({ schema, rootValue, formatError, plugins: [serviceUnavailableStatus()] });
  beforeAll(() => apollo.start());
  afterAll(() => apollo.stop());

  const run = async (query: string) => {
    const headers = new HeaderMap([['content-type', 'application/json']]);
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: 'POST', headers, search: '', body: { query } },
      context: async () => ({ requestId: 'test-request' }),
    });
    if (response.body.kind !== 'complete') throw new Error('expected a complete body');
    return { status: response.status ?? 200, retryAfter: response.headers.get('retry-after'), body: response.body.string };
  };

  it('answers 503 with Retry-After and SERVICE_UNAVAILABLE, with no SQL or parameters', async () => {
    const reply = await run('{ fine down }');
    expect(reply.status).toBe(503);
    expect(reply.retryAfter).toBe('2');
    expect(JSON.parse(reply.body)).toEqual({
      data: { fine: 1, down: null },
      errors: [{ message: 'service unavailable, retry shortly', locations: [{ line: 1, column: 8 }], path: ['down'], extensions: { code: 'SERVICE_UNAVAILABLE' } }],
    });
  });

  it('leaves other faults as INTERNAL_SERVER_ERROR with 200, also without SQL', async () => {
    const reply = await run('{ broken }');
    expect(reply.status).toBe(200);
    expect(reply.retryAfter).toBeUndefined();
    expect(reply.body).not.toMatch(/select|params/i);
    expect(JSON.parse(reply.body).errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
  });
});
