/**
 * The malformed-input corpus (corpus.ts, >10,000 cases over every surface) against one running
 * server per engine: whatever arrives, the process stays up, nothing answers 5xx except SOAP
 * Faults, no reply carries a stack frame or SQL text, cases that must be refused are refused,
 * and no table changes. PGlite runs the whole corpus; real PostgreSQL a fixed quarter of it.
 */
import { Agent, request } from 'node:http';
import { connect } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app';
import { enabledEngines } from '../helpers/engines';
import { rows } from '../helpers/sql';
import { buildCorpus, type CorpusCase } from './corpus';

interface Reply {
  status?: number;
  body: string;
}

const CONCURRENCY = 8;
const LEAKS = ['failed query', 'insert into', 'select ', 'delete from', ' at /', 'node_modules', 'at async', '.ts:', 'syntaxerror', 'typeerror', 'rangeerror'];

function send(base: URL, agent: Agent, c: CorpusCase): Promise<Reply> {
  if (c.raw) return sendRaw(base, c.raw);
  return new Promise((resolve) => {
    const body = c.body === undefined ? undefined : Buffer.isBuffer(c.body) ? c.body : Buffer.from(c.body, 'utf8');
    const req = request(
      { host: base.hostname, port: base.port, method: c.method, path: c.path, agent, timeout: 30_000, headers: { ...(c.headers ?? {}), ...(body ? { 'content-length': String(body.length) } : {}) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    // A reset after the server refused a large body early is an answer too: the request ended.
    req.on('error', () => resolve({ body: '' }));
    req.on('timeout', () => req.destroy());
    req.end(body);
  });
}

function sendRaw(base: URL, bytes: Buffer): Promise<Reply> {
  return new Promise((resolve) => {
    const socket = connect(Number(base.port), base.hostname);
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => socket.destroy(), 5_000);
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString('latin1');
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1];
      resolve({ status: status ? Number(status) : undefined, body: text.slice(text.indexOf('\r\n\r\n') + 4) });
    });
    socket.write(bytes);
    socket.end();
  });
}

const isSoapFault = (c: CorpusCase, r: Reply) => c.path.startsWith('/API/operatorapi.pl') && r.status === 500 && /<(\w+:)?Fault>/.test(r.body) && /<faultcode>/.test(r.body);

/** The reply says no, in the surface's own way. */
function isRefusal(c: CorpusCase, r: Reply): boolean {
  if (r.status === undefined || r.status >= 400) return true;
  switch (c.surface) {
    case 'soap':
      return /<return[^>]*>ERROR/.test(r.body) || isSoapFault(c, r);
    case 'rest':
      return /"result":"ERROR/.test(r.body);
    case 'jaze':
      return /"status":"failure"/.test(r.body);
    case 'crm':
      return /"error":"/.test(r.body);
    case 'm4':
      return /<error>/.test(r.body);
    case 'graphql':
      return /"errors":\[|"userErrors":\[\{/.test(r.body);
    default:
      return false;
  }
}

function problemsOf(c: CorpusCase, r: Reply): string[] {
  const problems: string[] = [];
  if (r.status !== undefined && r.status >= 500 && !isSoapFault(c, r)) problems.push(`HTTP ${r.status}`);
  const sent = `${c.path} ${safeDecode(c.path)} ${c.body === undefined ? '' : Buffer.isBuffer(c.body) ? c.body.toString('latin1') : c.body} ${c.raw?.toString('latin1') ?? ''}`.toLowerCase();
  const reply = r.body.toLowerCase();
  for (const leak of LEAKS) if (reply.includes(leak) && !sent.includes(leak)) problems.push(`reply shows "${leak.trim()}"`);
  if (c.mustRefuse && !isRefusal(c, r)) problems.push('accepted input that must be refused');
  return problems;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/**
 * Row counts of every table plus a digest of its rows. When a credential was last used is a
 * record of the request, not a change it made: those columns are left out of the digest. So are
 * `secret.read` audit events: the corpus calls RADIUS listings with the demo credential, whose
 * role may read passwords, and every such read is audited on purpose (secret-fields.test.ts
 * proves it); an audit of a read is the trail doing its job, not the input changing data.
 */
async function snapshot(app: TestApp): Promise<Record<string, string>> {
  const db = app.database.handle.db;
  const tables = await rows<{ name: string }>(db, sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`);
  const result: Record<string, string> = {};
  for (const { name } of tables) {
    const readsOnly = name === 'audit_log' ? ` where t.action <> 'secret.read'` : '';
    const [row] = await rows<{ n: string; digest: string | null }>(db, sql.raw(`select count(*)::text as n, md5(string_agg(r::text, '|' order by r::text)) as digest from (select to_jsonb(t) - 'last_used_at' - 'last_login_at' as r from "${name}" t${readsOnly}) rows`));
    result[name] = `${row!.n}:${row!.digest}`;
  }
  return result;
}

for (const engine of enabledEngines()) {
  describe(`the malformed-input corpus on ${engine}`, () => {
    let app: TestApp;
    beforeAll(async () => {
      // The corpus probes input handling, so the login throttle (throttle.test.ts) is opened
      // wide: otherwise the deliberate wrong passwords would soon have every later case from
      // 127.0.0.1 refused as "too many failed attempts" before its input was ever read.
      app = await startTestApp(engine, { config: { loginThrottle: { freeAttempts: 1_000_000, addressFreeAttempts: 1_000_000 } } });
    }, 120_000);
    afterAll(async () => {
      await app?.stop();
    });

    it('never crashes, never answers 5xx but SOAP Faults, never leaks SQL or stacks, refuses what it must, writes nothing', async () => {
      const corpus = buildCorpus();
      expect(corpus.length).toBeGreaterThanOrEqual(10_000);
      // PostgreSQL runs every fourth case: the same families, a quarter of the time.
      // CORPUS_FAMILY=<family> replays one family while debugging.
      const family = process.env.CORPUS_FAMILY;
      const cases = (engine === 'pglite' ? corpus : corpus.filter((_, i) => i % 4 === 0)).filter((c) => !family || c.family === family);
      const base = new URL(app.url);
      const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
      const before = await snapshot(app);
      const started = Date.now();

      const failures: string[] = [];
      const tally = new Map<string, { cases: number; '2xx': number; '4xx': number; soapFault: number; noReply: number; failed: number }>();
      let throttled = 0;
      let next = 0;
      const worker = async () => {
        while (next < cases.length) {
          const index = next++;
          const c = cases[index]!;
          const reply = await send(base, agent, c);
          const problems = problemsOf(c, reply);
          if (reply.body.includes('too many failed attempts')) throttled++;
          const row = tally.get(c.family) ?? { cases: 0, '2xx': 0, '4xx': 0, soapFault: 0, noReply: 0, failed: 0 };
          row.cases++;
          if (reply.status === undefined) row.noReply++;
          else if (reply.status < 300) row['2xx']++;
          else if (reply.status < 500) row['4xx']++;
          else row.soapFault++;
          if (problems.length) {
            row.failed++;
            if (failures.length < 40) failures.push(`#${index} ${c.family} ${c.method} ${c.path.slice(0, 120)} → ${reply.status}: ${problems.join(', ')} | ${reply.body.slice(0, 200)}`);
          }
          tally.set(c.family, row);
          if (index % 2000 === 0) {
            const health = await fetch(`${app.url}/healthz`);
            expect(health.status).toBe(200);
          }
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      agent.destroy();
      const seconds = (Date.now() - started) / 1000;
      console.log(`malformed corpus on ${engine}: ${cases.length} cases in ${seconds.toFixed(1)} s`);
      console.table(Object.fromEntries([...tally].sort()));

      expect(failures).toEqual([]);
      expect(throttled, 'cases refused by the login throttle instead of being read').toBe(0);
      expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
      expect(await snapshot(app)).toEqual(before);
    }, 900_000);
  });
}
