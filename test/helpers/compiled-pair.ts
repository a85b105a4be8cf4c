/**
 * Two servers on one database, one answering reads through the compiled read path and one
 * through the resolvers only (`compiledReads: false`), to hold the compiled path to the
 * resolvers' answers: same bodies, same headers, one statement per root field.
 */
import { expect } from 'vitest';
import type { Engine } from '../../src/db/client';
import { startApp, type App } from '../../src/server/app';
import { createTestDatabase, type TestDatabase } from './engines';

export interface Reply {
  status: number;
  headers: { contentType: string | null; cacheControl: string | null };
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  /** The body's bytes as sent. */
  text: string;
  /** Statements the server issued for this request (from its /metrics). */
  statements: number;
}

export interface CompiledPair {
  database: TestDatabase;
  compiled: App;
  reference: App;
  send(app: App, query: string, variables?: Record<string, unknown>, token?: string): Promise<Reply>;
  /** Both servers' answers; the compiled one asked twice, so that its token is known. */
  both(query: string, variables?: Record<string, unknown>, token?: string): Promise<{ fast: Reply; slow: Reply }>;
  /** Asserts the same bytes and headers from both, the compiled one in `roots` statements. */
  expectSame(query: string, variables?: Record<string, unknown>, roots?: number, token?: string): Promise<Record<string, any>>;
  stop(): Promise<void>;
}

export async function startCompiledPair(engine: Engine): Promise<CompiledPair> {
  const database = await createTestDatabase(engine);
  const config = { port: 0, host: '127.0.0.1', databaseUrl: database.url, dataDir: '', seedDemo: true, maxBodyBytes: 2 * 1024 * 1024, production: false, runJobs: false };
  const compiled = await startApp(config, { database: database.handle });
  const reference = await startApp({ ...config, compiledReads: false }, { database: database.handle });

  const statementsSoFar = async (app: App) => Number(/^db_queries_total (\d+)$/m.exec(await (await fetch(`${app.url}/metrics`)).text())![1]);

  const send: CompiledPair['send'] = async (app, query, variables = {}, token = 'demo-token') => {
    const before = await statementsSoFar(app);
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const text = await res.text();
    const body = JSON.parse(text) as Reply['body'];
    const headers = { contentType: res.headers.get('content-type'), cacheControl: res.headers.get('cache-control') };
    return { status: res.status, headers, body, text, statements: (await statementsSoFar(app)) - before };
  };

  const both: CompiledPair['both'] = async (query, variables = {}, token = 'demo-token') => {
    await send(compiled, query, variables, token);
    const fast = await send(compiled, query, variables, token);
    const slow = await send(reference, query, variables, token);
    return { fast, slow };
  };

  const expectSame: CompiledPair['expectSame'] = async (query, variables = {}, roots = 1, token = 'demo-token') => {
    const { fast, slow } = await both(query, variables, token);
    expect(slow.body.errors).toBeUndefined();
    expect(JSON.stringify(fast.body)).toBe(JSON.stringify(slow.body));
    // byte for byte: a client hashing bodies (ETags, caches) sees one answer whichever path served it
    expect(fast.text).toBe(slow.text);
    expect(fast.status).toBe(200);
    expect(fast.headers).toEqual(slow.headers);
    expect(fast.statements).toBe(roots);
    return fast.body.data as Record<string, any>;
  };

  return {
    database,
    compiled,
    reference,
    send,
    both,
    expectSame,
    stop: async () => {
      await compiled.stop().catch(() => {});
      await reference.stop().catch(() => {});
      await database.drop().catch(() => {});
    },
  };
}
