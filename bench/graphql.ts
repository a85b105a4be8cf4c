/**
 * `npm run bench:graphql -- [--url http://127.0.0.1:8080] [--token demo-token] [--query bench/queries/nested.graphql]
 *   [--concurrency 8] [--seconds 10] [--max-requests 20000]`
 * Sends one GraphQL query repeatedly to a running server (loopback) and prints requests/s,
 * latency percentiles, SQL statements per request and server memory as JSON.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from '../src/db/cli/args';
import { runLoad } from './load';

const args = parseArgs(process.argv.slice(2), { url: 'string', token: 'string', query: 'string', concurrency: 'number', seconds: 'number', 'max-requests': 'number', variables: 'string' });
const baseUrl = String(args.url ?? 'http://127.0.0.1:8080');
const token = String(args.token ?? 'demo-token');
const queryFile = String(args.query ?? 'bench/queries/nested.graphql');
const body = JSON.stringify({ query: readFileSync(queryFile, 'utf8'), variables: args.variables ? JSON.parse(String(args.variables)) : {} });

const result = await runLoad({
  baseUrl,
  concurrency: Number(args.concurrency ?? 8),
  seconds: Number(args.seconds ?? 10),
  maxRequests: Number(args['max-requests'] ?? 20_000),
  send: async (url) => {
    const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
    const json = (await res.json()) as { errors?: unknown[] };
    return res.ok && !json.errors;
  },
});
process.stdout.write(`${JSON.stringify({ surface: 'graphql', query: queryFile, ...result })}\n`);
