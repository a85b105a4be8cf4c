/**
 * The typed ispgraph client for TypeScript frontends and scripts: every documented operation
 * (src/client/operations/*.graphql) as a typed function.
 *
 *   const api = createClient('http://localhost:8080/graphql', 'demo-token');
 *   const { customers } = await api.CustomerPage({ first: 10 });
 */
import { GraphQLClient } from 'graphql-request';
import { getSdk } from './generated';

export type IspgraphClient = ReturnType<typeof getSdk>;

export function createClient(endpoint: string, token: string, options: { fetch?: typeof fetch } = {}): IspgraphClient {
  return getSdk(new GraphQLClient(endpoint, { headers: { authorization: `Bearer ${token}` }, ...(options.fetch ? { fetch: options.fetch } : {}) }));
}

export * from './generated';
