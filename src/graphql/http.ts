/**
 * POST/GET /graphql on the shared HTTP server, through Apollo Server's HTTP-agnostic entry
 * point. A browser asking for HTML gets GraphiQL instead.
 */
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLError, Kind, parse } from 'graphql';
import type { DatabaseHandle } from '../db/client';
import { sendJson, sendText, type RequestContext, type Router } from '../server/http';
import { recordGraphQLOperation } from '../server/metrics';
import type { Actor } from '../shared/context';
import { TooManyAttemptsError } from '../shared/errors';
import { sha256Hex } from '../shared/secrets';
import { authenticateBearer, bearerFrom } from '../tenancy/auth.service';
import { createContext, type GraphQLContext } from './context';
import { contextFailure, formatError, serviceUnavailableStatus } from './errors';
import { graphiqlPage, registerGraphiqlAssets } from './graphiql';
import { decodeUtf8, InvalidEncodingError } from '../input';
import { MAX_BATCH, MAX_SOURCE_NESTING, MAX_TOKENS, nestsDeeperThan, requestLimits } from './limits';
import { getSchema } from './schema';
import { compiledReads, type CompiledRequest } from './compiled';

export interface GraphQLOptions {
  /** Serve GraphiQL to browsers at GET /graphql (default true; GRAPHIQL). */
  graphiql?: boolean;
  /** Token GraphiQL fills in (development only). */
  graphiqlToken?: string;
  /** Answer introspection queries (default true; GRAPHQL_INTROSPECTION). */
  introspection?: boolean;
  /** Answer mapped reads through the compiled read path (src/graphql/compiled); default true. */
  compiledReads?: boolean;
}

export async function registerGraphQL(router: Router, database: DatabaseHandle, options: GraphQLOptions = {}): Promise<ApolloServer<GraphQLContext>> {
  const apollo = new ApolloServer<GraphQLContext>({
    schema: await getSchema(),
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: options.introspection ?? true,
    parseOptions: { maxTokens: MAX_TOKENS },
    plugins: [ApolloServerPluginLandingPageDisabled(), requestLimits(), serviceUnavailableStatus()],
    // The process's stop is ours (src/lifecycle): Apollo's own SIGTERM handler would stop the
    // graph before in-flight requests finish and re-raise the signal.
    stopOnTerminationSignals: false,
  });
  await apollo.start();
  const compiled = options.compiledReads === false ? undefined : compiledReads(await getSchema(), database);

  const handle = async (ctx: RequestContext): Promise<void> => {
    const { req, res, url } = ctx;
    if (req.method === 'GET' && wantsHtml(req.headers.accept)) {
      if (options.graphiql === false) return sendJson(res, 404, { error: 'GraphiQL is turned off here (GRAPHIQL=true turns it on); POST GraphQL requests to /graphql', requestId: ctx.requestId });
      sendText(res, 200, graphiqlPage({ demoToken: options.graphiqlToken }), 'text/html; charset=utf-8');
      return;
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const refuse = (message: string, code: string) =>
      sendJson(res, 400, { errors: [{ message, extensions: { code, requestId: ctx.requestId } }] });
    let raw: string | undefined;
    try {
      raw = req.method === 'POST' ? decodeUtf8(await ctx.body(), 'the request body') : undefined;
    } catch (error) {
      if (error instanceof InvalidEncodingError) return refuse(error.message, 'BAD_REQUEST');
      throw error;
    }
    let body: unknown;
    if (raw !== undefined && raw.length > 0 && /json/i.test(headers.get('content-type') ?? '')) {
      try {
        body = JSON.parse(raw);
      } catch {
        return refuse('request body is not valid JSON', 'BAD_REQUEST');
      }
    } else body = raw;
    if (Array.isArray(body) && body.length > MAX_BATCH) {
      return refuse(`batched requests are not accepted: send at most ${MAX_BATCH} operation per request (this one holds ${body.length})`, 'BATCH_TOO_LARGE');
    }
    recordGraphQLOperation(req.method === 'POST' ? (body as { operationName?: unknown } | undefined)?.operationName : url.searchParams.get('operationName'));
    const source = req.method === 'POST' ? (body as { query?: unknown } | undefined)?.query : url.searchParams.get('query');
    if (typeof source === 'string' && nestsDeeperThan(source)) {
      return refuse(`the query nests brackets more than ${MAX_SOURCE_NESTING} levels deep`, 'QUERY_TOO_DEEP');
    }

    const token = bearerFrom(headers.get('authorization'));
    if (compiled && token && req.method === 'POST') {
      const request = compilableRequest(body, headers, token, ctx.clientIp);
      const answered = request && (await compiled.answer(request));
      if (answered) {
        // The headers Apollo sends with a successful read, so a client cannot tell the paths apart.
        res.writeHead(200, { 'cache-control': 'no-store', 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(answered) });
        res.end(answered);
        return;
      }
    }

    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
      context: async () => {
        let actor: Actor | null;
        try {
          actor = token ? await authenticateBearerOrRefuse(database.db, token, ctx) : null;
        } catch (error) {
          throw contextFailure(error, ctx.requestId);
        }
        // Without a valid token, exactly one operation may run: staffLogin, which is how a token is had.
        if (!actor && isStaffLoginOnly(body)) return createContext(database.db, ANONYMOUS, ctx.requestId, ctx.clientIp);
        if (!actor) {
          throw new GraphQLError(token ? 'the bearer token is not valid' : 'send an API token: Authorization: Bearer <token>', {
            extensions: { code: 'UNAUTHENTICATED', http: { status: 401, headers: new Map([['www-authenticate', 'Bearer']]) } },
          });
        }
        if (token) compiled?.rememberToken(token, actor);
        return createContext(database.db, actor, ctx.requestId, ctx.clientIp, sha256Hex(token!));
      },
    });
    const outHeaders: Record<string, string> = {};
    for (const [key, value] of response.headers) outHeaders[key] = value;
    res.writeHead(response.status ?? 200, outHeaders);
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
    } else {
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    }
  };

  router.add(['GET', 'POST'], '/graphql', 'graphql', handle);
  if (options.graphiql !== false) registerGraphiqlAssets(router);
  return apollo;
}

/** The token's actor; an address that failed too often gets HTTP 429 with Retry-After. */
async function authenticateBearerOrRefuse(db: DatabaseHandle['db'], token: string, ctx: RequestContext): Promise<Actor | null> {
  try {
    return await authenticateBearer(db, token, { surface: 'graphql', clientIp: ctx.clientIp, requestId: ctx.requestId });
  } catch (error) {
    if (!(error instanceof TooManyAttemptsError)) throw error;
    throw new GraphQLError(error.message, {
      extensions: {
        code: error.code,
        retryAfterSeconds: error.retryAfterSeconds,
        http: { status: 429, headers: new Map([['retry-after', String(error.retryAfterSeconds)]]) },
      },
    });
  }
}

/**
 * The request as the compiled read path takes it, or undefined when it is not the plain case
 * that path answers (one JSON operation, no extensions, a JSON response wanted).
 */
function compilableRequest(body: unknown, headers: HeaderMap, token: string, clientIp: string): CompiledRequest | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const { query, operationName, variables, extensions } = body as Record<string, unknown>;
  if (typeof query !== 'string' || extensions != null) return undefined;
  if (operationName != null && typeof operationName !== 'string') return undefined;
  if (variables != null && (typeof variables !== 'object' || Array.isArray(variables))) return undefined;
  const accept = headers.get('accept');
  if (accept && !/application\/json|\*\/\*/i.test(accept)) return undefined;
  if (accept?.includes('application/graphql-response+json')) return undefined;
  return { query, operationName: operationName ?? undefined, variables: (variables as Record<string, unknown> | null) ?? {}, token, clientIp };
}

/**
 * The actor of an unauthenticated staffLogin: no operator (ids start at 1, so anything scoped
 * to it would find nothing) and the least role. The staffLogin resolver uses only its input.
 */
const ANONYMOUS: Actor = { operatorId: 0, staffUserId: null, role: 'readonly', surface: 'graphql' };

/**
 * Whether a request body is a single mutation selecting nothing at its root but `staffLogin`
 * (aliases allowed; fragments only below it), so it may run without a bearer token. Anything
 * else — another root field beside it, a second operation, a GET — still needs a token.
 */
function isStaffLoginOnly(body: unknown): boolean {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const query = (body as { query?: unknown }).query;
  if (typeof query !== 'string' || query.length > 10_000) return false;
  try {
    const document = parse(query, { maxTokens: MAX_TOKENS, noLocation: true });
    const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
    if (operations.length !== 1 || document.definitions.some((d) => d.kind !== Kind.OPERATION_DEFINITION && d.kind !== Kind.FRAGMENT_DEFINITION)) return false;
    const [operation] = operations;
    if (operation?.kind !== Kind.OPERATION_DEFINITION || operation.operation !== 'mutation' || operation.directives?.length) return false;
    const selections = operation.selectionSet.selections;
    return selections.length === 1 && selections[0]!.kind === Kind.FIELD && selections[0]!.name.value === 'staffLogin' && !selections[0]!.directives?.length;
  } catch {
    return false; // not even a document: the normal path refuses it
  }
}

function wantsHtml(accept: string | undefined): boolean {
  return !!accept && accept.includes('text/html');
}
