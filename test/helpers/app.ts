/**
 * A running ispgraph for integration tests: a fresh database on the given engine with the
 * demo operator loaded, the full HTTP server on a free loopback port, and a GraphQL helper.
 */
import type { Config } from '../../src/config';
import type { Engine } from '../../src/db/client';
import { countQueries } from '../../src/db/query-counter';
import { startApp, type App } from '../../src/server/app';
import { createTestDatabase, type TestDatabase } from './engines';

export interface TestApp {
  app: App;
  url: string;
  database: TestDatabase;
  /** POSTs a GraphQL operation with the given token (default: the demo token). */
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<GraphQLResult<T>>;
  stop(): Promise<void>;
}

export interface GraphQLResult<T> {
  status: number;
  data: T;
  errors?: { message: string; extensions?: Record<string, unknown>; path?: (string | number)[] }[];
}

export async function startTestApp(engine: Engine, options: { seedDemo?: boolean; runJobs?: boolean; config?: Partial<Config> } = {}): Promise<TestApp> {
  const database = await createTestDatabase(engine);
  const config: Config = {
    port: 0,
    host: '127.0.0.1',
    databaseUrl: database.url,
    dataDir: '',
    seedDemo: options.seedDemo ?? true,
    maxBodyBytes: 2 * 1024 * 1024,
    production: false,
    runJobs: options.runJobs ?? false,
    ...options.config,
  };
  const app = await startApp(config, { database: database.handle });
  return {
    app,
    url: app.url,
    database,
    gql: async (query, variables, token = 'demo-token') => {
      const res = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data: never; errors?: never };
      return { status: res.status, data: body.data, errors: body.errors };
    },
    stop: async () => {
      await app.stop().catch(() => {});
      await database.drop().catch(() => {});
    },
  };
}

/** Statements the server issued while `fn` ran (read from the process-wide counter). */
export { countQueries };
