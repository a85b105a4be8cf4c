/**
 * The compiled read path. A GraphQL query whose every selected field has a database mapping
 * (declared beside each type, `*.sql.ts`) is answered without resolvers: its plan is made once
 * per document (parse, validate, request limits, mapping lookup; cached), each request turns
 * the plan and its arguments into one SQL statement per root field that returns the field's
 * JSON, and the response is those texts put side by side — no per-row objects on the Node.js
 * side at all. Authentication is folded into the same statement: a token the resolver path has
 * accepted is remembered (token → operator), and every compiled statement re-checks that the
 * token is still valid, so a revocation takes effect on the next request on every process.
 * Anything else — mutations, unmapped fields, @skip/@include, bad arguments, an unknown token,
 * a throttled address, any error — is left to Apollo and the resolvers, which answer exactly
 * as they always did; this path only ever answers successful reads.
 */
import { getOperationAST, getVariableValues, Kind, parse, validate, type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { LRUCache } from 'lru-cache';
import { PgDialect } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../../db/client';
import { findUnstorableText } from '../../input';
import type { Actor } from '../../shared/context';
import { sha256Hex } from '../../shared/secrets';
import { bearerStillValid } from '../../tenancy/auth.service';
import { loginBlocked } from '../../throttle';
import { checkCost } from '../limits/cost';
import { checkLiterals } from '../limits/input';
import { checkShape } from '../limits/shape';
import { MAX_TOKENS } from '../limits';
import { log } from '../../server/logger';
import { rootValueSql } from './build';
import { compactJson } from './compact-json';
import { planOperation, type Plan } from './plan';

export { NotCompilable } from './plan';

interface CachedPlan {
  plan: Plan;
  /** The operation with its fragments, as the cost limit walks it. */
  costDocument: DocumentNode;
  /** Names the plan in the statement cache's keys. */
  id: number;
}

/** Per root field: the statement's text and parameters without the token's, or null for __typename. */
type Statements = ({ text: string; params: unknown[] } | null)[];

/** Not compilable, or not even valid: either way the resolver path answers. */
const RESOLVERS = Symbol('resolvers');

export interface CompiledRequest {
  query: string;
  operationName: string | undefined;
  variables: Record<string, unknown>;
  token: string;
  clientIp: string;
}

export interface CompiledReads {
  /** The response body of a read it could answer, or undefined for the resolver path. */
  answer(request: CompiledRequest): Promise<string | undefined>;
  /** Called by the resolver path when it accepted a token. */
  rememberToken(token: string, actor: Actor): void;
  /** How many requests this path answered and left to the resolvers (for /metrics and tests). */
  readonly counts: { answered: number; delegated: number };
}

const dialect = new PgDialect({ casing: 'snake_case' });
const AUTH_SLOT = '"__auth_check__"';

/**
 * The token check rendered once (its text never changes, only the token's digest), to be
 * appended to each statement with its parameters renumbered after the statement's own.
 */
function authCheckTemplate(database: DatabaseHandle): { text: string; params: unknown[]; digestAt: number } {
  const probe = 'token-probe';
  const { sql: text, params } = dialect.sqlToQuery(bearerStillValid(database.db, probe));
  const digestAt = params.indexOf(sha256Hex(probe));
  if (digestAt < 0) throw new Error('the bearer check does not take the token digest as a parameter');
  return { text, params, digestAt };
}

export function compiledReads(schema: GraphQLSchema, database: DatabaseHandle, options: { planCacheSize?: number } = {}): CompiledReads {
  const plans = new LRUCache<string, CachedPlan | typeof RESOLVERS>({ max: options.planCacheSize ?? 500 });
  // Keyed by the token's digest, so the process does not keep plain tokens around.
  const tokens = new LRUCache<string, { operatorId: number }>({ max: 10_000, ttl: 15 * 60_000 });
  const counts = { answered: 0, delegated: 0 };
  const auth = authCheckTemplate(database);
  // Statements by everything that shapes them (plan, operator, day, variables), bounded by size.
  const statementCache = new LRUCache<string, Statements | typeof RESOLVERS>({
    maxSize: 16 * 1024 * 1024,
    sizeCalculation: (value, key) => key.length + (value === RESOLVERS ? 0 : value.reduce((n, s) => n + (s ? s.text.length + 64 * s.params.length : 0), 0)),
  });
  let planIds = 0;

  function planFor(query: string, operationName: string | undefined): CachedPlan | typeof RESOLVERS {
    const key = `${operationName ?? ''}\u0000${query}`;
    let cached = plans.get(key);
    if (cached === undefined) {
      cached = makePlan(schema, query, operationName, ++planIds);
      plans.set(key, cached);
    }
    return cached;
  }

  /** The statements for these variables, or RESOLVERS when the arguments are not the plain case. */
  function statementsFor(cached: CachedPlan, operatorId: number, variables: Record<string, unknown>): Statements | typeof RESOLVERS {
    if (findUnstorableText(variables, 'variables')) return RESOLVERS;
    const coerced = getVariableValues(schema, cached.plan.operation.variableDefinitions ?? [], variables, { maxErrors: 1 });
    if (coerced.errors) return RESOLVERS;
    try {
      checkCost(schema, cached.costDocument, variables);
      const scope = { operatorId, variables: coerced.coerced };
      return cached.plan.roots.map((root) => {
        const value = rootValueSql(root, scope);
        if (!value) return null;
        // `offset 0` keeps the token check a subquery of its own: pulled up, it would be
        // copied into both places that read "ok" and run twice (half a point read's database time).
        const { sql: text, params } = dialect.sqlToQuery(sql`select "__auth"."ok", case when "__auth"."ok" then (${value})::text end from (select ${sql.raw(AUTH_SLOT)} as "ok" offset 0) as "__auth"`);
        const offset = params.length;
        return { text: text.replace(AUTH_SLOT, auth.text.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`)), params };
      });
    } catch (error) {
      // A bad argument, a cursor of another ordering, a page too large: the resolver path
      // gives the error its usual shape.
      log('debug', 'compiled read left to the resolvers', { reason: (error as Error).message });
      return RESOLVERS;
    }
  }

  /** Any surprise (variables nested too deep to serialise for the cache key…) leaves the request to the resolver path. */
  async function answer(request: CompiledRequest): Promise<string | undefined> {
    try {
      return await tryAnswer(request);
    } catch (error) {
      log('debug', 'compiled read left to the resolvers', { reason: (error as Error).message });
      return delegate();
    }
  }

  async function tryAnswer(request: CompiledRequest): Promise<string | undefined> {
    const digest = sha256Hex(request.token);
    const known = tokens.get(digest);
    if (!known || loginBlocked({ kind: 'bearer', identifier: request.token, clientIp: request.clientIp })) return delegate();
    const cached = planFor(request.query, request.operationName);
    if (cached === RESOLVERS) return delegate();
    // The day is part of the key: some rules (a subscription's `active`) compare with today.
    const key = `${cached.id}\u0000${known.operatorId}\u0000${new Date().toISOString().slice(0, 10)}\u0000${JSON.stringify(request.variables)}`;
    let statements = statementCache.get(key);
    if (statements === undefined) {
      statements = statementsFor(cached, known.operatorId, request.variables);
      statementCache.set(key, statements);
    }
    if (statements === RESOLVERS) return delegate();
    const authParams = auth.params.map((p, i) => (i === auth.digestAt ? digest : p));
    let results: (unknown[][] | undefined)[];
    try {
      results = await Promise.all(statements.map((s) => (s ? database.queryValues(s.text, [...s.params, ...authParams]) : undefined)));
    } catch (error) {
      // The database away, a statement timeout: the resolver path answers in its own shape.
      log('debug', 'compiled read left to the resolvers', { reason: (error as Error).message });
      return delegate();
    }
    const parts: string[] = [];
    for (const [i, root] of cached.plan.roots.entries()) {
      if (root.kind === 'typename') {
        parts.push(`"${root.key}":"Query"`);
        continue;
      }
      const row = results[i]?.[0];
      if (!row || row[0] !== true) {
        tokens.delete(digest);
        return delegate();
      }
      parts.push(`"${root.key}":${row[1] === null ? 'null' : compactJson(row[1] as string)}`);
    }
    counts.answered += 1;
    return `{"data":{${parts.join(',')}}}\n`;
  }

  function delegate(): undefined {
    counts.delegated += 1;
    return undefined;
  }

  return {
    answer,
    rememberToken: (token, actor) => tokens.set(sha256Hex(token), { operatorId: actor.operatorId }),
    counts,
  };
}

function makePlan(schema: GraphQLSchema, query: string, operationName: string | undefined, id: number): CachedPlan | typeof RESOLVERS {
  try {
    const document = parse(query, { maxTokens: MAX_TOKENS, noLocation: true });
    if (validate(schema, document).length) return RESOLVERS;
    const operation = getOperationAST(document, operationName);
    if (!operation) return RESOLVERS;
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
    }
    // The document-level limits once here; the cost (it depends on variables) per request.
    checkLiterals(document);
    checkShape(operation, fragments);
    const costDocument: DocumentNode = { kind: Kind.DOCUMENT, definitions: [operation as OperationDefinitionNode, ...Object.values(fragments)] };
    return { plan: planOperation(schema, operation, fragments), costDocument, id };
  } catch (error) {
    log('debug', 'query not compiled', { reason: (error as Error).message });
    return RESOLVERS;
  }
}
