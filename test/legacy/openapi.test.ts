/**
 * The OpenAPI 3.1 document of the legacy REST dialects: a real OpenAPI 3.1 validator accepts it,
 * it lists exactly the routes the routers serve, and a running server with the demo data
 * answers one real request per documented route with a status and a body the document
 * describes (checked with ajv against the 2020-12 draft, as OpenAPI 3.1 uses).
 */
import { createHash } from 'node:crypto';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../src/db/seed/demo';
import { ROUTED_DIALECTS } from '../../src/legacy/docs/dialects';
import { legacyOpenApi } from '../../src/legacy/openapi/document';
import { resourcePaths, resourceRoutes } from '../../src/legacy/rest/operator-api.routes';
import { SIMPLER_OPERATIONS } from '../../src/legacy/simpler/catalogue';
import { startTestApp, type TestApp } from '../helpers/app';
import { enabledEngines } from '../helpers/engines';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const doc = legacyOpenApi() as Json;
const METHODS = ['get', 'post', 'put', 'delete'] as const;

interface DocumentedRoute {
  path: string;
  method: (typeof METHODS)[number];
  operation: Json;
}

const documented: DocumentedRoute[] = Object.entries(doc.paths as Json).flatMap(([path, item]) =>
  METHODS.filter((m) => item[m]).map((method) => ({ path, method, operation: item[method] as Json })),
);

describe('the legacy OpenAPI document', () => {
  it('is valid OpenAPI 3.1 for a real validator', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('lists exactly the routes the REST routers serve, and every operation once at least', () => {
    const expected = new Set<string>();
    for (const op of SIMPLER_OPERATIONS) expected.add(`POST /API/${op.name}`);
    for (const [key, op] of resourceRoutes(SIMPLER_OPERATIONS)) {
      const [method, resource] = key.split(' ');
      // Each resource route under /restapi/ and at the root (the document's `PUT server/customer`).
      if (resource !== op.name) for (const path of resourcePaths(resource!)) expected.add(`${method} ${path}`);
    }
    for (const dialect of ROUTED_DIALECTS) {
      for (const op of dialect.operations) for (const r of op.routes ?? []) expected.add(`${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
    }
    expect(new Set(documented.map((r) => `${r.method.toUpperCase()} ${r.path}`))).toEqual(expected);
    const operationIds = documented.map((r) => r.operation.operationId as string);
    expect(new Set(operationIds).size).toBe(operationIds.length);
  });

  it('gives every route its dialect\'s authentication and error shape', () => {
    for (const { path, operation } of documented) {
      const dialect = (operation.operationId as string).split('_')[0]!;
      expect(operation.security, path).toBeDefined();
      expect(operation.responses['503'].$ref, path).toBe(`#/components/responses/${dialect}_503`);
    }
  });
});

// ---------------------------------------------------------------- against a running server

const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
ajv.addSchema(doc, 'legacy');

const pointer = (...parts: string[]) => parts.map((p) => '/' + p.replace(/~/g, '~0').replace(/\//g, '~1')).join('');

/** Follows a local `$ref` (`#/components/...`) to the object and its JSON pointer. */
function deref(node: Json, at: string): { node: Json; at: string } {
  if (typeof node.$ref !== 'string') return { node, at };
  const at2 = (node.$ref as string).slice(1);
  const target = at2.split('/').slice(1).reduce((o: Json, key) => o[key.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
  return deref(target, at2);
}

const example = (schema: Json): unknown => {
  const examples = deref(schema, '').node.examples as unknown[] | undefined;
  if (!examples?.length) throw new Error(`no example for ${JSON.stringify(schema)}`);
  return examples[0];
};

interface Call {
  route: DocumentedRoute;
  url: string;
  init: RequestInit;
}

/** One request built from the document alone: required parameters from their examples, credentials per security scheme. */
function buildCall(base: string, route: DocumentedRoute): Call {
  const { operation } = route;
  const dialect = (operation.operationId as string).split('_')[0]!;
  let path = route.path;
  const query = new URLSearchParams();
  const headers: Record<string, string> = {};
  const body: Record<string, unknown> = {};
  for (const parameter of (operation.parameters ?? []) as Json[]) {
    if (!parameter.required) continue;
    const value = example(parameter.schema);
    if (parameter.in === 'path') path = path.replace(`{${parameter.name}}`, encodeURIComponent(String(value)));
    else if (parameter.in === 'query') for (const v of [value].flat()) query.append(parameter.name, String(v));
  }
  if (operation.requestBody) {
    const schema = deref(operation.requestBody.content['application/json'].schema, '').node;
    for (const name of (schema.required ?? []) as string[]) body[name] = example(schema.properties[name]);
  }
  // Credentials go where the dialect's clients put them.
  const signed: Record<string, string> = {};
  if (dialect === 'simpler') Object.assign(signed, { api_username: DEMO.simpler.username, api_password: DEMO.simpler.password });
  if (dialect === 'crm') Object.assign(signed, { userid: String(DEMO.crm.userId), api_key: DEMO.crm.apiKey });
  if (dialect === 'jaze') headers.authorization = `Bearer ${DEMO.bearerToken}`;
  if (dialect === 'm4') {
    const u = DEMO.m4.adminUsername;
    const values = [...query.values(), ...Object.values(body).map(String)];
    Object.assign(signed, { u, hash: createHash('sha1').update(u + values.join('') + DEMO.m4.apiSecret).digest('hex') });
  }
  for (const [k, v] of Object.entries(signed)) query.set(k, v);
  const init: RequestInit = { method: route.method.toUpperCase(), headers };
  if (Object.keys(body).length || route.method !== 'get') {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  return { route, url: `${base}${path}${query.size ? `?${query}` : ''}`, init };
}

/** Reads first, then writes, deletions last, so a deleted demo row cannot fail a later read's success check. */
function order(route: DocumentedRoute): number {
  if (/delete/i.test(route.operation.operationId)) return 2;
  return route.method === 'get' ? 0 : 1;
}

/** Whether the reply is the dialect's refusal shape rather than the operation's own result. */
function isRefusal(dialect: string, body: unknown): boolean {
  if (dialect === 'simpler') return typeof (body as Json).result === 'string' && (body as Json).result.startsWith('ERROR: ');
  if (dialect === 'jaze') return (body as Json)?.status === 'failure';
  if (dialect === 'crm') return (body as Json).error !== null;
  return String(body).includes('<error>');
}

describe('the reply schemas', () => {
  const schemaOf = (path: string, method: string, status = '200') => {
    const response = deref(doc.paths[path][method].responses[status], pointer('paths', path, method, 'responses', status));
    const type = Object.keys(response.node.content)[0]!;
    return ajv.getSchema(`legacy#${response.at}${pointer('content', type, 'schema')}`)!;
  };

  it('hold each dialect to its envelope: shapes the server never sends are refused', () => {
    const simpler = schemaOf('/API/getCustomerData', 'post');
    expect(simpler({ ip: '127.0.0.1', result: { customer: {} } })).toBe(true);
    expect(simpler({ ip: '127.0.0.1', result: 'ERROR: customerid is required' })).toBe(true);
    expect(simpler({ ip: '127.0.0.1', result: 'OK' })).toBe(false);
    expect(simpler({ result: { customer: {} } })).toBe(false);
    const ping = schemaOf('/API/pingAPI', 'post');
    expect(ping({ ip: '::1', result: 'OK' })).toBe(true);
    expect(ping({ ip: '::1', result: { ok: true } })).toBe(false);
    const jaze = schemaOf('/api/v1/get_users_count', 'get');
    expect(jaze({ status: 'success', errorCode: 200, message: { total: 1 } })).toBe(true);
    expect(jaze({ status: 'failure', errorCode: 401, message: 'invalid or expired API token' })).toBe(true);
    expect(jaze({ status: 'success', errorCode: 201, message: {} })).toBe(false);
    expect(jaze({ status: 'failure', errorCode: 401 })).toBe(false);
    expect(schemaOf('/api/v1/get_all_user_ids', 'get')(['5', '6'])).toBe(true);
    const crm = schemaOf('/api/reseller/update', 'post');
    expect(crm({ result: 'done', error: null })).toBe(true);
    expect(crm({ result: null, error: 'resellerid is required' })).toBe(true);
    expect(crm({ result: 'done', error: 'also failed' })).toBe(false);
    expect(schemaOf('/api/reseller/update', 'post', '503')({ result: null, error: 'service unavailable, retry shortly' })).toBe(true);
  });
});

describe.each(enabledEngines())('every documented route against the demo data on %s', (engine) => {
  let t: TestApp;
  const saved = { timeout: process.env.RADIUS_TIMEOUT_MS, retries: process.env.RADIUS_RETRIES };

  beforeAll(async () => {
    // coa_request really sends a CoA to the session's NAS, which does not exist here: fail fast.
    process.env.RADIUS_TIMEOUT_MS = '50';
    process.env.RADIUS_RETRIES = '0';
    t = await startTestApp(engine);
  }, 120_000);
  afterAll(async () => {
    await t?.stop();
    for (const [key, value] of [['RADIUS_TIMEOUT_MS', saved.timeout], ['RADIUS_RETRIES', saved.retries]] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  it(`serves the document at GET /openapi.json on ${engine}`, async () => {
    const res = await fetch(`${t.url}/openapi.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(await res.json()).toEqual(doc);
  });

  it(`answers each documented route as documented on ${engine}`, async () => {
    const calls = documented.map((route) => buildCall(t.url, route)).sort((a, b) => order(a.route) - order(b.route));
    const problems: string[] = [];
    const succeeded = new Map<string, unknown>();
    for (const call of calls) {
      const label = `${call.route.method.toUpperCase()} ${call.route.path}`;
      const res = await fetch(call.url, call.init);
      const text = await res.text();
      const documentedResponse = call.route.operation.responses[String(res.status)];
      if (!documentedResponse) {
        problems.push(`${label}: undocumented status ${res.status}: ${text.slice(0, 200)}`);
        continue;
      }
      const at = pointer('paths', call.route.path, call.route.method, 'responses', String(res.status));
      const response = deref(documentedResponse, at);
      const [type, media] = Object.entries(response.node.content as Json)[0]!;
      if (!res.headers.get('content-type')?.startsWith(type)) problems.push(`${label}: content-type ${res.headers.get('content-type')}, documented ${type}`);
      const body = type === 'application/json' ? JSON.parse(text) : text;
      const schemaAt = `${response.at}${pointer('content', type, 'schema')}`;
      const validate = ajv.getSchema(`legacy#${schemaAt}`)!;
      if (!validate(body)) problems.push(`${label}: ${res.status} ${text.slice(0, 300)}\n  ${ajv.errorsText(validate.errors)}`);
      void media;
      const dialect = (call.route.operation.operationId as string).split('_')[0]!;
      if (res.status === 200 && !isRefusal(dialect, body)) succeeded.set(call.route.operation.operationId, body);
    }
    expect(problems).toEqual([]);
    // The demo data answers the reads with real results, not refusals, in every dialect.
    expect((succeeded.get('simpler_pingAPI') as Json).result).toBe('OK');
    expect(Object.keys((succeeded.get('simpler_getCustomerData') as Json).result)).toContain('customer');
    expect((succeeded.get('simpler_searchCustomer_get_customer') as Json).result.customers.length).toBeGreaterThan(0);
    expect((succeeded.get('jaze_get_users_count') as Json).message.total).toBeGreaterThan(0);
    expect(succeeded.get('jaze_get_all_user_ids')).toContain('5');
    expect((succeeded.get('crm_plan_list') as Json).result.length).toBeGreaterThan(0);
    expect(succeeded.get('m4_user_details_raw_get')).toContain('<user><id>5</id>');
    // Most routes succeed with nothing but the document's own examples.
    expect(succeeded.size).toBeGreaterThan(documented.length / 3);
  }, 180_000);
});
