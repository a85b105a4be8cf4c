/**
 * The OpenAPI 3.1 document of the legacy REST dialects, generated from the operation catalogue
 * (SIMPLer REST, Jaze, CRM, M4), so it cannot drift from what the routers accept: the same
 * entries drive dispatch, argument validation, the WSDL and docs/COMPATIBILITY.md. It is
 * checked in as openapi/legacy.json (`npm run legacy:emit`; a test fails when it is stale) and
 * served at GET /openapi.json. SOAP is described by the WSDL, GraphQL by its schema.
 */
import { projectVersion } from '../../shared/package-root';
import { IDEMPOTENCY_NOTE, type HttpRoute, type LegacyOperation, type ParamSpec } from '../catalog/operation';
import { ROUTED_DIALECTS } from '../docs/dialects';
import { resourcePaths, resourceRoutes } from '../rest/operator-api.routes';
import { IGNORED_PARAMETERS_HEADER } from '../catalog/ignored';
import { SIMPLER_OPERATIONS } from '../simpler/catalogue';
import { AUTH_PARAMS } from '../simpler/invoke';
import { CRM_AUTH_PARAMS } from '../crm/invoke';
import {
  COMPONENT_SCHEMAS,
  crmSuccessSchema,
  jazeSuccessSchema,
  jsonParamSchema,
  paramDescription,
  ref,
  simplerResultSchema,
  textParamSchema,
  type JsonSchema,
} from './schemas';

type Method = HttpRoute['method'];
type Dialect = 'simpler' | 'jaze' | 'crm' | 'm4';

const TAGS: Record<Dialect, string> = {
  simpler: 'SIMPLer OperatorAPI (REST/JSON)',
  jaze: 'Jaze ISP manager API v1',
  crm: 'ISP CRM plan and reseller API',
  m4: 'Kolmisoft M4',
};

const SECURITY: Record<Dialect, Record<string, string[]>[]> = {
  simpler: [{ simplerUsername: [], simplerPassword: [] }],
  jaze: [{ jazeBearer: [] }, { jazeApiKey: [] }],
  crm: [{ crmUserId: [], crmApiKey: [] }],
  m4: [{ m4User: [], m4Hash: [] }],
};

const BODY_NOTE = 'Parameters travel in the query string, a form-encoded body or a JSON object body (the body wins over the query string).';

const SECURITY_SCHEMES: Record<string, JsonSchema> = {
  simplerUsername: {
    type: 'apiKey',
    in: 'query',
    name: 'api_username',
    description: `SIMPLer API user name, sent with every call as a parameter: query string or body field (JSON or form). An optional \`operator\` parameter names the operator when a user name exists at several. Checked with the user's IP access list. ${BODY_NOTE}`,
  },
  simplerPassword: { type: 'apiKey', in: 'query', name: 'api_password', description: 'The API user\'s password, beside `api_username` (query string or body field).' },
  jazeBearer: { type: 'http', scheme: 'bearer', description: "A staff user's API token (`Authorization: Bearer <token>`); it scopes the call to that user's operator." },
  jazeApiKey: { type: 'apiKey', in: 'query', name: 'api_key', description: 'The same API token as an `api_key` parameter (query string or body field).' },
  crmUserId: { type: 'apiKey', in: 'query', name: 'userid', description: "The staff user's numeric id, with `api_key` (query string, form field or JSON field)." },
  crmApiKey: { type: 'apiKey', in: 'query', name: 'api_key', description: 'The CRM API key of that staff user (query string, form field or JSON field).' },
  m4User: { type: 'apiKey', in: 'query', name: 'u', description: 'The M4 user name (an admin or a user with API rights), with `hash`.' },
  m4Hash: {
    type: 'apiKey',
    in: 'query',
    name: 'hash',
    description:
      'A signature, not a secret: SHA1 (hex) of `u`, then the operation\'s parameter values in documented order, then the operator\'s API secret, concatenated (user_details_raw_get: SHA1(u + user_id + secret)). Query string or form field.',
  },
};

/** The document as data; built once (the catalogue does not change while a process runs). */
let built: JsonSchema | undefined;

export function legacyOpenApi(): JsonSchema {
  return (built ??= buildDocument());
}

/** The checked-in text of openapi/legacy.json. */
export function legacyOpenApiText(): string {
  return `${JSON.stringify(legacyOpenApi(), null, 2)}\n`;
}

/** Request-body schemas by component name, filled while the paths are built (see requestBody). */
let bodySchemas: Record<string, JsonSchema> = {};

function buildDocument(): JsonSchema {
  bodySchemas = {};
  const paths: Record<string, Record<string, unknown>> = {};
  const add = (path: string, method: Method, operation: JsonSchema) => {
    const item = (paths[path] ??= {});
    const key = method.toLowerCase();
    if (item[key]) throw new Error(`two operations claim ${method} ${path}`);
    item[key] = operation;
  };

  for (const op of SIMPLER_OPERATIONS) add(`/API/${op.name}`, 'POST', simplerOperation(op, 'POST', `simpler_${op.name}`));
  for (const [key, op] of resourceRoutes(SIMPLER_OPERATIONS)) {
    const [method, resource] = key.split(' ') as [Method, string];
    // `/restapi/<name>` (GET and POST) is an alias of `/API/<name>`, described in the tag.
    if (resource === op.name) continue;
    // The same route at the root, as the document's General section writes it (`PUT server/customer`).
    for (const path of resourcePaths(resource)) {
      const root = !path.startsWith('/restapi/');
      add(path, method, simplerOperation(op, method, `simpler_${op.name}_${method.toLowerCase()}_${resource}${root ? '_root' : ''}`));
    }
  }
  for (const dialect of ROUTED_DIALECTS) {
    for (const op of dialect.operations) {
      (op.routes ?? []).forEach((route, i) => {
        const path = route.path.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, '{$1}');
        const id = `${dialect.id}_${op.name.replace(/[^A-Za-z0-9_]/g, '_')}`;
        add(path, route.method, routedOperation(dialect.id, op, route, i === 0 ? id : `${id}_${i + 1}`));
      });
    }
  }

  return {
    openapi: '3.1.0',
    info: {
      title: 'ispgraph legacy REST APIs',
      version: projectVersion,
      summary: 'SIMPLer OperatorAPI REST/JSON, Jaze API v1, the ISP CRM plan and reseller API and Kolmisoft M4, as ispgraph serves them.',
      description:
        'Generated from the legacy operation catalogue by `npm run legacy:emit`. Every route of the four REST dialects is listed with ' +
        'the parameters it accepts, its authentication and the shapes of its replies, including each dialect\'s error shape. ' +
        'The SIMPLer SOAP endpoint is described by its WSDL (`GET /API/operatorapi.pl?wsdl`), the GraphQL graph by its schema (`/graphql`). ' +
        `Unknown parameters are ignored, as the original systems do, and named in the \`${IGNORED_PARAMETERS_HEADER}\` reply header ` +
        '(a credential in strict mode refuses them instead). Operations that move money honour an `Idempotency-Key` header (an ispgraph extension).',
    },
    tags: [
      {
        name: TAGS.simpler,
        description:
          'SIMPLer OperatorAPI over REST/JSON. Each operation answers at `POST /API/<operation>` (listed here), and equally at `GET /API/<operation>` ' +
          '(query string), `/restapi/API/<operation>`, `/restapi/<operation>` and `/<operation>` (GET and POST), plus the REST-style resource routes listed here, ' +
          `under \`/restapi/\` and at the root (\`PUT /restapi/customer\`, \`PUT /customer\`…). ${BODY_NOTE} Replies are \`{ "ip": "<caller>", "result": … }\`: the operation's string (\`OK\`, \`OK:<id>\`…) ` +
          'or its document as JSON; application errors are a `result` string starting with `ERROR: ` with HTTP 200, as SIMPLer does. ' +
          'Unreadable requests answer 400, bodies over the limit 413, faults 500 and an unavailable database 503 (with `Retry-After`), all in the same envelope.',
      },
      ...ROUTED_DIALECTS.map((d) => ({ name: TAGS[d.id], description: d.intro })),
    ],
    security: [],
    paths,
    components: { schemas: { ...COMPONENT_SCHEMAS, ...sortedByKey(bodySchemas) }, responses: ERROR_RESPONSES, securitySchemes: SECURITY_SCHEMES },
  };
}

/** Where a method's parameters go: GET's in the query string, the others' in a body. */
const inBody = (method: Method) => method !== 'GET';

function operationBase(dialect: Dialect, op: LegacyOperation, operationId: string): JsonSchema {
  const description = [
    `Returns: ${op.returns}`,
    `GraphQL equivalent: \`${op.graphql}\`.`,
    op.notes,
  ]
    .filter(Boolean)
    .join('\n\n');
  return { tags: [TAGS[dialect]], summary: op.summary, description, operationId, security: SECURITY[dialect] };
}

function queryParameter(spec: ParamSpec, required: boolean): JsonSchema {
  const description = paramDescription(spec);
  return {
    name: spec.name,
    in: 'query',
    required,
    ...(description ? { description } : {}),
    schema: textParamSchema(spec),
    ...(spec.kind === 'textList' ? { style: 'form', explode: true } : {}),
  };
}

function idempotencyHeader(op: LegacyOperation): JsonSchema[] {
  if (!op.notes?.includes(IDEMPOTENCY_NOTE)) return [];
  return [
    {
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description: 'ispgraph extension: 1–255 printable ASCII characters (e.g. a UUID). A retry with the same key and arguments gets the first reply and writes nothing.',
      schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7E]+$' },
    },
  ];
}

/**
 * A request body holding `params` (and the dialect's credentials, which may travel there too),
 * form-encoded or JSON. Parameters outside the list are refused by the server, so the schema
 * closes the object; pattern families (`custom_field_<id>`) are open by name.
 */
function requestBody(dialect: Dialect, op: LegacyOperation, params: readonly ParamSpec[], credentials: readonly string[]): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const name of credentials) properties[name] = { type: 'string', description: 'Credential (see the security scheme); may be sent here instead of the query string.' };
  for (const spec of params) properties[spec.name] = jsonParamSchema(spec);
  const required = params.filter((p) => p.required).map((p) => p.name);
  const schema: JsonSchema = {
    type: 'object',
    properties,
    ...(required.length ? { required } : {}),
    ...(op.patternParams?.length
      ? { patternProperties: Object.fromEntries(op.patternParams.map((f) => [f.pattern.source, { type: ['string', 'null'], description: `${f.display}: ${f.doc}` }])) }
      : {}),
    additionalProperties: false,
  };
  // One component per distinct parameter set: an operation's routes usually share it.
  let name = `${dialect}_${op.name.replace(/[^A-Za-z0-9_]/g, '_')}_params`;
  for (let n = 2; bodySchemas[name] && JSON.stringify(bodySchemas[name]) !== JSON.stringify(schema); n++) {
    name = `${dialect}_${op.name.replace(/[^A-Za-z0-9_]/g, '_')}_params_${n}`;
  }
  bodySchemas[name] = schema;
  const body = { $ref: `#/components/schemas/${name}` };
  return {
    required: required.length > 0,
    content: { 'application/json': { schema: body }, 'application/x-www-form-urlencoded': { schema: body } },
  };
}

function json(description: string, schema: JsonSchema): JsonSchema {
  return { description, content: { 'application/json': { schema } } };
}

/** Declared on every successful reply: present only when the call named parameters its operation does not know. */
const IGNORED_HEADER = {
  [IGNORED_PARAMETERS_HEADER]: {
    description:
      'The parameter names this call sent that the operation does not know, ignored as the original systems do, comma-separated ' +
      '(at most 20, each cut to 64 characters; characters outside the HTTP token set are percent-encoded as UTF-8). Absent when there were none.',
    schema: { type: 'string' },
  },
};

/** A 200 reply with the ignored-parameters header. */
function ok(reply: JsonSchema): JsonSchema {
  return { ...reply, headers: IGNORED_HEADER };
}

const ERROR_STATUSES = {
  '400': 'The request could not be read (malformed JSON, a body or query string that is not UTF-8 text).',
  '413': 'The body exceeds the size limit (MAX_BODY_BYTES).',
  '500': 'An internal fault; the reply names the request id, the log has the rest.',
  '503': 'The database is unavailable; retry after `Retry-After` seconds.',
} as const;

const FAILURE_SCHEMA: Record<Dialect, JsonSchema> = {
  simpler: ref('SimplerFailure'),
  jaze: ref('JazeFailure'),
  crm: ref('CrmFailure'),
  m4: ref('M4Page'),
};

/** The dialect's error replies (400, 413, 500, 503), defined once in components.responses. */
const ERROR_RESPONSES: Record<string, JsonSchema> = Object.fromEntries(
  (Object.keys(FAILURE_SCHEMA) as Dialect[]).flatMap((dialect) =>
    Object.entries(ERROR_STATUSES).map(([status, description]) => [
      `${dialect}_${status}`,
      { description, content: { [dialect === 'm4' ? 'application/xml' : 'application/json']: { schema: FAILURE_SCHEMA[dialect] } } },
    ]),
  ),
);

function errorResponses(dialect: Dialect): Record<string, JsonSchema> {
  return Object.fromEntries(Object.keys(ERROR_STATUSES).map((status) => [status, { $ref: `#/components/responses/${dialect}_${status}` }]));
}

function sortedByKey<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function simplerOperation(op: LegacyOperation, method: Method, operationId: string): JsonSchema {
  const credentials = [...AUTH_PARAMS];
  const reply = {
    type: 'object',
    required: ['ip', 'result'],
    additionalProperties: false,
    properties: { ip: { type: 'string', description: "The caller's address as the server saw it." }, result: simplerResultSchema(op) },
  };
  return {
    ...operationBase('simpler', op, operationId),
    parameters: [...(inBody(method) ? [] : op.params.map((p) => queryParameter(p, !!p.required))), ...idempotencyHeader(op)],
    ...(inBody(method) ? { requestBody: requestBody('simpler', op, op.params, credentials) } : {}),
    responses: {
      '200': ok(json('The result, or an application error as an `ERROR: …` string.', reply)),
      ...errorResponses('simpler'),
    },
  };
}

function routedOperation(dialect: 'jaze' | 'crm' | 'm4', op: LegacyOperation, route: HttpRoute, operationId: string): JsonSchema {
  const inPath = new Set([...route.path.matchAll(/:([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!));
  const pathParams = [...inPath].map((name) => {
    const spec = op.params.find((p) => p.name === name);
    if (!spec) throw new Error(`${op.name}: route ${route.path} names ${name}, which is not a parameter`);
    const description = paramDescription(spec);
    return { name, in: 'path', required: true, ...(description ? { description } : {}), schema: textParamSchema(spec) };
  });
  // A parameter that another route of the same operation carries in its path is optional here
  // only if the catalogue says so; required ones must then come from the query or body.
  const rest = op.params.filter((p) => !inPath.has(p.name));
  const credentials = dialect === 'jaze' ? ['api_key'] : dialect === 'crm' ? [...CRM_AUTH_PARAMS] : ['u', 'hash'];
  const base = operationBase(dialect, op, operationId);
  const parameters = [...pathParams, ...(inBody(route.method) ? [] : rest.map((p) => queryParameter(p, !!p.required))), ...idempotencyHeader(op)];
  const body = inBody(route.method) ? { requestBody: requestBody(dialect, op, rest, credentials) } : {};
  if (dialect === 'm4') {
    const xml = (description: string) => ({ description, content: { 'application/xml': { schema: ref('M4Page') } } });
    return {
      ...base,
      parameters,
      ...body,
      responses: {
        '200': ok(xml('The `<page>` document: the user\'s details, or `<error>` when refused.')),
        ...errorResponses('m4'),
      },
    };
  }
  const [success, failure] = dialect === 'jaze' ? [jazeSuccessSchema(op), FAILURE_SCHEMA.jaze] : [crmSuccessSchema(op), FAILURE_SCHEMA.crm];
  return {
    ...base,
    parameters,
    ...body,
    responses: {
      '200': ok(json('The documented reply, or the dialect\'s failure shape for a refused call.', { anyOf: [success, failure] })),
      ...errorResponses(dialect),
    },
  };
}
