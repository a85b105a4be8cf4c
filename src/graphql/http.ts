/**
 * POST/GET /graphql on the shared HTTP server, through Apollo Server's HTTP-agnostic entry
 * point. A browser asking for HTML gets GraphiQL instead.
 */
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLError } from 'graphql';
import type { DatabaseHandle } from '../db/client';
import { sendText, type RequestContext, type Router } from '../server/http';
import { authenticateBearer, bearerFrom } from '../tenancy/auth.service';
import { createContext, type GraphQLContext } from './context';
import { formatError } from './errors';
import { graphiqlPage, registerGraphiqlAssets } from './graphiql';
import { queryCostLimit } from './limits';
import { getSchema } from './schema';

export interface GraphQLOptions {
  /** Token GraphiQL fills in (development only). */
  graphiqlToken?: string;
}

export async function registerGraphQL(router: Router, database: DatabaseHandle, options: GraphQLOptions = {}): Promise<ApolloServer<GraphQLContext>> {
  const apollo = new ApolloServer<GraphQLContext>({
    schema: await getSchema(),
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: true,
    plugins: [ApolloServerPluginLandingPageDisabled(), queryCostLimit()],
    // The process's stop is ours (src/lifecycle): Apollo's own SIGTERM handler would stop the
    // graph before in-flight requests finish and re-raise the signal.
    stopOnTerminationSignals: false,
  });
  await apollo.start();

  const handle = async (ctx: RequestContext): Promise<void> => {
    const { req, res, url } = ctx;
    if (req.method === 'GET' && wantsHtml(req.headers.accept)) {
      sendText(res, 200, graphiqlPage({ demoToken: options.graphiqlToken }), 'text/html; charset=utf-8');
      return;
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const raw = req.method === 'POST' ? (await ctx.body()).toString('utf8') : undefined;
    let body: unknown;
    if (raw !== undefined && raw.length > 0 && /json/i.test(headers.get('content-type') ?? '')) {
      try {
        body = JSON.parse(raw);
      } catch {
        res.writeHead(400, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ errors: [{ message: 'request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] }));
        return;
      }
    } else body = raw;

    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
      context: async () => {
        const token = bearerFrom(headers.get('authorization'));
        const actor = token ? await authenticateBearer(database.db, token, 'graphql', ctx.requestId) : null;
        if (!actor) {
          throw new GraphQLError(token ? 'the bearer token is not valid' : 'send an API token: Authorization: Bearer <token>', {
            extensions: { code: 'UNAUTHENTICATED', http: { status: 401, headers: new Map([['www-authenticate', 'Bearer']]) } },
          });
        }
        return createContext(database.db, actor, ctx.requestId);
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
  registerGraphiqlAssets(router);
  return apollo;
}

function wantsHtml(accept: string | undefined): boolean {
  return !!accept && accept.includes('text/html');
}
