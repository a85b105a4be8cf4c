/**
 * `pg_ctl restart -m fast` under a running server with 8 clients reading and writing: the
 * process survives; replies during the outage are "service unavailable" (503, in the GraphQL or
 * SIMPLer shape), never a 500 or SQL; service is back within 5 s of PostgreSQL; and every
 * acknowledged write is in the database exactly once, with its audit entry (nothing
 * half-written). The server runs as its own process on a PostgreSQL server of the test's own.
 */
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../src/db/seed/demo';
import { DEMO_API } from '../helpers/simpler';
import { startServerProcess, waitForHealthy, type ServerProcess } from './server-process';
import { freePort, startThrowawayPostgres, throwawayPostgresMissing, type ThrowawayPostgres } from './throwaway-postgres';

const missing = throwawayPostgresMissing();
const CLIENTS = 8;
const LOAD_BEFORE_RESTART_MS = 2000;
const LOAD_AFTER_BACK_MS = 6000;
const LEAKS = [/select\s/i, /insert\s/i, /params:/i, /Failed query/i, /[0-9a-f]{64}/];

interface Outcome {
  kind: 'write' | 'read' | 'simpler';
  started: number;
  ended: number;
  status: number;
  body: string;
  /** The note's title, for writes. */
  marker?: string;
  acknowledged: boolean;
}

describe.skipIf(missing)(`PostgreSQL restarted under read/write load${missing ? ` (skipped: ${missing})` : ''}`, () => {
  let pg: ThrowawayPostgres;
  let server: ServerProcess;

  beforeAll(async () => {
    pg = await startThrowawayPostgres();
    server = startServerProcess({ DATABASE_URL: pg.url, RUN_JOBS: 'true', SEED_DEMO: 'true' }, await freePort());
    await waitForHealthy(server.url, 120_000, () => server.child.exitCode === null);
  });

  afterAll(async () => {
    server?.kill();
    await pg?.destroy();
  });

  it('survives, answers 503 while down, recovers within 5 s, loses and duplicates no acknowledged write', async () => {
    const gql = (query: string, variables?: Record<string, unknown>) =>
      fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO.bearerToken}` },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(10_000),
      });
    const first = (await (await gql('{ customers(first: 1) { edges { node { id } } } }')).json()) as { data: { customers: { edges: { node: { id: string } }[] } } };
    const customerId = first.data.customers.edges[0]!.node.id;

    const outcomes: Outcome[] = [];
    let stopAt = Number.POSITIVE_INFINITY;
    const client = async (n: number) => {
      for (let seq = 0; Date.now() < stopAt && seq < 100_000; seq++) {
        const started = Date.now();
        const kind = (['write', 'read', 'simpler'] as const)[seq % 3]!;
        const marker = kind === 'write' ? `resilience-${n}-${seq}` : undefined;
        let status = 0;
        let body = '';
        try {
          const res =
            kind === 'write'
              ? await gql('mutation($input: CustomerNoteCreateInput!) { customerNoteCreate(input: $input) { customerNote { id title } userErrors { message } } }', {
                  input: { customerId, title: marker, text: 'written while PostgreSQL restarts' },
                })
              : kind === 'read'
                ? await gql('{ customers(first: 3) { totalCount edges { node { id } } } }')
                : await fetch(`${server.url}/API/getProducts`, {
                    method: 'POST',
                    headers: { 'content-type': 'application/json' },
                    body: JSON.stringify(DEMO_API),
                    signal: AbortSignal.timeout(10_000),
                  });
          status = res.status;
          body = await res.text();
        } catch (error) {
          body = String(error);
        }
        const acknowledged = kind === 'write' && status === 200 && (JSON.parse(body) as { data?: { customerNoteCreate?: { customerNote?: { title: string } } } }).data?.customerNoteCreate?.customerNote?.title === marker;
        outcomes.push({ kind, started, ended: Date.now(), status, body, marker, acknowledged });
        // A client that was told to retry waits a little, as Retry-After asks (shortened for the test).
        if (status === 503) await new Promise((r) => setTimeout(r, 100));
      }
    };

    const load = Promise.all(Array.from({ length: CLIENTS }, (_, n) => client(n)));
    await new Promise((r) => setTimeout(r, LOAD_BEFORE_RESTART_MS));
    const restartStarted = Date.now();
    await pg.restart();
    const backAt = Date.now();
    stopAt = backAt + LOAD_AFTER_BACK_MS;
    await load;

    // The process is alive and never crashed.
    expect(server.child.exitCode).toBeNull();
    expect(server.output()).not.toMatch(/TypeError|uncaught|Cannot read properties of null/i);

    // Every reply was a success or a clean "service unavailable"; none leaked SQL.
    const unavailable = outcomes.filter((o) => o.status === 503);
    for (const o of outcomes) {
      expect([200, 503], `${o.kind} ${o.status} ${o.body.slice(0, 200)}`).toContain(o.status);
      for (const pattern of LEAKS) expect(o.body).not.toMatch(pattern);
    }
    for (const o of unavailable) {
      if (o.kind === 'simpler') expect(JSON.parse(o.body).result).toBe('ERROR: service unavailable, retry shortly');
      else expect(JSON.parse(o.body).errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    }

    // Recovery: after PostgreSQL is back, the last failure ends within 5 s, and requests succeed after it.
    const lastFailure = Math.max(backAt, ...outcomes.filter((o) => o.status !== 200).map((o) => o.ended));
    const recoverySeconds = (lastFailure - backAt) / 1000;
    const succeededAfter = outcomes.filter((o) => o.started > lastFailure && o.status === 200).length;
    console.log(
      `restart took ${((backAt - restartStarted) / 1000).toFixed(2)} s; ${outcomes.length} requests, ${unavailable.length} answered 503; ` +
        `service back ${recoverySeconds.toFixed(2)} s after PostgreSQL; ${succeededAfter} successful requests after that`,
    );
    expect(recoverySeconds).toBeLessThan(5);
    expect(succeededAfter).toBeGreaterThan(CLIENTS);

    // Every acknowledged write is there exactly once, with its audit entry; no marker is doubled.
    const sql = postgres(pg.url, { max: 1, onnotice: () => {} });
    try {
      const rows = await sql<{ title: string; copies: number; audited: number }[]>`
        select n.title, count(*)::int as copies,
               (select count(*)::int from audit_log a where a.action = 'customerNote.create' and (a.changes->>'noteId')::int = min(n.id)) as audited
        from customer_notes n where n.title like 'resilience-%' group by n.title`;
      const stored = new Map(rows.map((r) => [r.title, r]));
      const acknowledged = outcomes.filter((o) => o.acknowledged).map((o) => o.marker!);
      expect(acknowledged.length).toBeGreaterThan(0);
      for (const marker of acknowledged) expect(stored.get(marker), marker).toMatchObject({ copies: 1, audited: 1 });
      for (const row of rows) expect(row, row.title).toMatchObject({ copies: 1, audited: 1 });
      console.log(`${acknowledged.length} acknowledged writes, ${rows.length} notes stored`);
    } finally {
      await sql.end();
    }
  });
});
