/**
 * Unknown parameters on the legacy surfaces are ignored, as the original systems ignore them,
 * and reported: the `X-Ignored-Parameters` reply header, one warn log line, a counter. A
 * credential in strict mode keeps the refusal. And the SIMPLer document's root route forms
 * (`PUT server/customer`, `/listRadiusSessions`…) answer beside `/restapi/…`, without taking a
 * route from any other surface. Driven with the real curl binary (and Perl SOAP::Lite), as the
 * integrators' scripts do; effects are read back through GraphQL.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app';
import { enabledEngines } from '../helpers/engines';
import { clientAvailable, startClient } from '../helpers/legacy-clients';
import { soap } from '../helpers/simpler';
import { resourcePaths } from '../../src/legacy/rest/operator-api.routes';

const run = promisify(execFile);
const SIMPLER_AUTH = { api_username: 'demo', api_password: 'demo' };
const CRM_AUTH = { userid: '5', api_key: '0f9895fb407c83e5ea128082098b47681aa75d6944576423c4' };

interface CurlReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** One call with /usr/bin/curl; `-i` gives the status line and headers before the body. */
async function curl(args: string[]): Promise<CurlReply> {
  const { stdout } = await run('/usr/bin/curl', ['-s', '-i', ...args], { timeout: 30_000 });
  const split = stdout.indexOf('\r\n\r\n');
  const [statusLine, ...lines] = stdout.slice(0, split).split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status: Number(statusLine!.split(' ')[1]), headers, body: stdout.slice(split + 4) };
}

const json = (method: string, url: string, body: unknown) => curl(['-H', 'Content-Type: application/json', '-X', method, '-d', JSON.stringify(body), url]);

/** The JSON log lines the server wrote while `fn` ran (they still reach stdout, and the secret scan). */
async function logsDuring<T>(fn: () => Promise<T>): Promise<{ value: T; lines: Record<string, unknown>[] }> {
  const write = process.stdout.write;
  let text = '';
  process.stdout.write = function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]) {
    text += String(chunk);
    return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
  } as typeof process.stdout.write;
  try {
    const value = await fn();
    const lines = text
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    return { value, lines };
  } finally {
    process.stdout.write = write;
  }
}

const ignoredLines = (lines: Record<string, unknown>[]) => lines.filter((l) => l.msg === 'ignored unknown parameters');

describe.each(enabledEngines())('unknown parameters and the root route forms on %s', (engine) => {
  let t: TestApp;

  async function gql<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const res = await t.gql<T>(query, variables);
    expect(res.errors).toBeUndefined();
    return res.data;
  }
  const customer = async (legacyId: number) => (await gql<{ customer: { name: string } }>('query($id: Int!) { customer(legacyId: $id) { name } }', { id: legacyId })).customer;
  const credentialId = async (kind: 'SIMPLER' | 'CRM', identifier: string) =>
    (await gql<{ apiCredentials: { id: string; identifier: string }[] }>('query($kind: ApiCredentialKind) { apiCredentials(kind: $kind) { id identifier } }', { kind })).apiCredentials.find(
      (c) => c.identifier === identifier,
    )!.id;
  async function setStrict(id: string, strictParameters: boolean): Promise<void> {
    const data = await gql<{ apiCredentialUpdate: { apiCredential: { strictParameters: boolean }; userErrors: unknown[] } }>(
      'mutation($input: ApiCredentialUpdateInput!) { apiCredentialUpdate(input: $input) { apiCredential { strictParameters } userErrors { field message code } } }',
      { input: { id, strictParameters } },
    );
    expect(data.apiCredentialUpdate).toEqual({ apiCredential: { strictParameters }, userErrors: [] });
  }
  async function ignoredCount(dialect: string, operation: string): Promise<number> {
    const text = (await curl([`${t.url}/metrics`])).body;
    const line = text.split('\n').find((l) => l.startsWith(`legacy_ignored_parameters_total{dialect="${dialect}",operation="${operation}"}`));
    return line ? Number(line.split(' ').at(-1)) : 0;
  }

  beforeAll(async () => {
    t = await startTestApp(engine);
  }, 60_000);
  afterAll(async () => {
    await t?.stop();
  });

  describe('ignored and reported', () => {
    it('SIMPLer REST: modifyCustomer with client_version changes the customer, names it in the header and in one warn line, and counts it', async () => {
      const before = await ignoredCount('simpler', 'modifyCustomer');
      const { value: reply, lines } = await logsDuring(() =>
        json('POST', `${t.url}/restapi/API/modifyCustomer`, { ...SIMPLER_AUTH, customerid: '3', name: 'Renamed By Script', client_version: '2.7.1-secretish' }),
      );
      expect(reply.status).toBe(200);
      expect(JSON.parse(reply.body)).toEqual({ ip: '127.0.0.1', result: 'OK' });
      expect(reply.headers['x-ignored-parameters']).toBe('client_version');
      expect((await customer(3)).name).toBe('Renamed By Script');
      const warned = ignoredLines(lines);
      expect(warned).toHaveLength(1);
      expect(warned[0]).toMatchObject({ level: 'warn', dialect: 'simpler', operation: 'modifyCustomer', caller: 'demo', names: ['client_version'] });
      expect(warned[0]!.requestId).toBe(reply.headers['x-request-id']);
      // Names only: neither the ignored value nor a secret is logged.
      expect(JSON.stringify(warned[0])).not.toContain('2.7.1');
      expect(Object.keys(warned[0]!).sort()).toEqual(['caller', 'dialect', 'level', 'msg', 'names', 'operation', 'requestId', 'time']);
      expect(await ignoredCount('simpler', 'modifyCustomer')).toBe(before + 1);
    });

    it('a call without unknown names has no header and no warn line', async () => {
      const { value: reply, lines } = await logsDuring(() => json('POST', `${t.url}/API/pingAPI`, SIMPLER_AUTH));
      expect(JSON.parse(reply.body).result).toBe('OK');
      expect(reply.headers['x-ignored-parameters']).toBeUndefined();
      expect(ignoredLines(lines)).toEqual([]);
    });

    it('SIMPLer SOAP: pingAPI with client_version answers OK, with the header', async () => {
      const res = await fetch(`${t.url}/API/operatorapi.pl`, {
        method: 'POST',
        headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: '"http://127.0.0.1/OperatorAPI#pingAPI"' },
        body:
          '<?xml version="1.0"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><pingAPI xmlns="http://127.0.0.1/OperatorAPI">' +
          '<api_username>demo</api_username><api_password>demo</api_password><client_version>1.0</client_version></pingAPI></soap:Body></soap:Envelope>',
      });
      expect(await res.text()).toContain('>OK</');
      expect(res.headers.get('x-ignored-parameters')).toBe('client_version');
    });

    it('Jaze: get_details with foo=bar answers as without it, with the header and a warn line', async () => {
      const auth = ['-H', 'Authorization: Bearer demo-token'];
      const plain = await curl([...auth, `${t.url}/api/v1/get_details/1`]);
      const { value: extra, lines } = await logsDuring(() => curl([...auth, `${t.url}/api/v1/get_details/1?foo=bar`]));
      expect(extra.status).toBe(200);
      expect(JSON.parse(extra.body)).toEqual(JSON.parse(plain.body));
      expect(extra.headers['x-ignored-parameters']).toBe('foo');
      expect(plain.headers['x-ignored-parameters']).toBeUndefined();
      expect(ignoredLines(lines)).toEqual([expect.objectContaining({ dialect: 'jaze', operation: 'get_details', names: ['foo'] })]);
      expect(JSON.stringify(ignoredLines(lines))).not.toContain('demo-token');
    });

    it('CRM: plan/list with foo=bar answers as without it, with the header and a warn line', async () => {
      const plain = await json('POST', `${t.url}/api/plan/list`, CRM_AUTH);
      const { value: extra, lines } = await logsDuring(() => json('POST', `${t.url}/api/plan/list`, { ...CRM_AUTH, foo: 'bar' }));
      expect(JSON.parse(extra.body)).toEqual(JSON.parse(plain.body));
      expect(JSON.parse(extra.body).error).toBeNull();
      expect(extra.headers['x-ignored-parameters']).toBe('foo');
      const warned = ignoredLines(lines);
      expect(warned).toEqual([expect.objectContaining({ dialect: 'crm', caller: 'userid 5', names: ['foo'] })]);
      expect(JSON.stringify(warned)).not.toContain(CRM_AUTH.api_key);
    });

    it('the header is safe whatever the names: percent-encoded outside token characters, at most 20 names of 64 characters', async () => {
      const reply = await json('POST', `${t.url}/API/pingAPI`, { ...SIMPLER_AUTH, 'a\r\nSet-Cookie: x=1': '1', café: '1', 'x,y': '1', 'client_version': '1', CLIENT_VERSION: '2' });
      expect(JSON.parse(reply.body).result).toBe('OK');
      expect(reply.headers['set-cookie']).toBeUndefined();
      expect(reply.headers['x-ignored-parameters']).toBe('a%0D%0ASet-Cookie%3A%20x%3D1, caf%C3%A9, x%2Cy, client_version, CLIENT_VERSION');
      const many = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`extra_${i}_${'z'.repeat(80)}`, '1']));
      const capped = await json('POST', `${t.url}/API/pingAPI`, { ...SIMPLER_AUTH, ...many });
      const names = capped.headers['x-ignored-parameters']!.split(', ');
      expect(names).toHaveLength(20);
      expect(names[0]).toBe(`extra_0_${'z'.repeat(56)}`);
    });

    it.runIf(clientAvailable('perl'))('Perl SOAP::Lite: pingAPI with client_version answers OK', async () => {
      const client = await startClient('perl', t.url);
      try {
        expect(await client.call('pingAPI', [['api_username', 'demo'], ['api_password', 'demo'], ['client_version', '3.1']])).toEqual({ result: 'OK' });
      } finally {
        await client.close();
      }
    });
  });

  describe('strict mode (per credential)', () => {
    it('a SIMPLer credential in strict mode refuses client_version on SOAP and REST, as before; off again, it is ignored', async () => {
      const id = await credentialId('SIMPLER', 'demo');
      await setStrict(id, true);
      try {
        expect((await soap(t.url, 'pingAPI', { client_version: '1.0' })).result).toBe('ERROR: unknown parameter client_version for pingAPI');
        const rest = await json('POST', `${t.url}/API/pingAPI`, { ...SIMPLER_AUTH, client_version: '1.0' });
        expect(JSON.parse(rest.body).result).toBe('ERROR: unknown parameter client_version for pingAPI');
        expect(rest.headers['x-ignored-parameters']).toBeUndefined();
        // Strict mode refuses the unknown name before anything runs: the customer is unchanged.
        const refused = await json('PUT', `${t.url}/customer`, { ...SIMPLER_AUTH, customerid: '4', name: 'Not Applied', client_version: '1.0' });
        expect(JSON.parse(refused.body).result).toBe('ERROR: unknown parameter client_version for modifyCustomer');
        expect((await customer(4)).name).not.toBe('Not Applied');
      } finally {
        await setStrict(id, false);
      }
      expect((await soap(t.url, 'pingAPI', { client_version: '1.0' })).result).toBe('OK');
    });

    it('a CRM key in strict mode refuses foo, as before', async () => {
      const id = await credentialId('CRM', CRM_AUTH.userid);
      await setStrict(id, true);
      try {
        const reply = await json('POST', `${t.url}/api/plan/list`, { ...CRM_AUTH, foo: 'bar' });
        expect(JSON.parse(reply.body)).toEqual({ result: null, error: expect.stringMatching(/unknown parameter foo for /) });
      } finally {
        await setStrict(id, false);
      }
    });
  });

  describe("the document's root route forms", () => {
    it('PUT /customer (the General section\'s `PUT server/customer`) modifies the customer', async () => {
      const reply = await json('PUT', `${t.url}/customer`, { ...SIMPLER_AUTH, customerid: '2', name: 'Root Route Customer' });
      expect(reply.status).toBe(200);
      expect(JSON.parse(reply.body)).toEqual({ ip: '127.0.0.1', result: 'OK' });
      expect((await customer(2)).name).toBe('Root Route Customer');
    });

    it('GET /customTableEntries (a resource at the root) answers as /restapi/customTableEntries', async () => {
      const root = await json('GET', `${t.url}/customTableEntries`, { ...SIMPLER_AUTH, customerid: '2' });
      const restapi = await json('GET', `${t.url}/restapi/customTableEntries`, { ...SIMPLER_AUTH, customerid: '2' });
      expect(root.status).toBe(200);
      expect(JSON.parse(root.body)).toEqual(JSON.parse(restapi.body));
      expect(String(JSON.parse(root.body).result)).not.toMatch(/^ERROR/);
    });

    it('POST /listRadiusSessions (an operation at the root) answers as /restapi/listRadiusSessions', async () => {
      const root = await json('POST', `${t.url}/listRadiusSessions`, { ...SIMPLER_AUTH, customerid: '2' });
      const restapi = await json('POST', `${t.url}/restapi/listRadiusSessions`, { ...SIMPLER_AUTH, customerid: '2' });
      expect(root.status).toBe(200);
      expect(JSON.parse(root.body)).toEqual(JSON.parse(restapi.body));
      expect(String(JSON.parse(root.body).result)).not.toMatch(/^ERROR/);
    });

    it('no root route takes a path another surface owns', () => {
      for (const reserved of ['graphql', 'healthz', 'metrics', 'docs', 'openapi.json', 'api', 'API', 'restapi']) expect(() => resourcePaths(reserved)).toThrow(/shadow/);
    });

    it('every non-legacy route still answers as before', async () => {
      const health = await curl([`${t.url}/healthz`]);
      expect([health.status, JSON.parse(health.body).status]).toEqual([200, 'ok']);
      expect(JSON.parse((await curl([`${t.url}/livez`])).body)).toEqual({ status: 'alive' });
      expect(JSON.parse((await curl([`${t.url}/readyz`])).body).status).toBe('ready');
      const metrics = await curl([`${t.url}/metrics`]);
      expect([metrics.status, metrics.body.includes('legacy_operations_total')]).toEqual([200, true]);
      expect(JSON.parse((await curl([`${t.url}/`])).body).service).toBe('ispgraph');
      expect(JSON.parse((await curl([`${t.url}/openapi.json`])).body).openapi).toBe('3.1.0');
      const docs = await curl([`${t.url}/docs`]);
      expect([docs.status, docs.headers['content-type']]).toEqual([200, expect.stringContaining('text/html')]);
      expect((await curl([`${t.url}/favicon.ico`])).status).toBe(200);
      expect((await t.gql<{ __typename: string }>('{ __typename }')).data.__typename).toBe('Query');
      const wsdl = await curl([`${t.url}/API/operatorapi.pl?wsdl`]);
      expect([wsdl.status, wsdl.body.includes('<definitions') || wsdl.body.includes(':definitions')]).toEqual([200, true]);
      expect(JSON.parse((await json('POST', `${t.url}/API/pingAPI`, SIMPLER_AUTH)).body).result).toBe('OK');
      expect((await curl(['-H', 'Authorization: Bearer demo-token', `${t.url}/api/v1/get_all_user_ids`])).status).toBe(200);
      expect(JSON.parse((await json('POST', `${t.url}/api/plan/list`, CRM_AUTH)).body).error).toBeNull();
      // Paths nobody serves are still 404s, not a legacy error.
      expect((await curl([`${t.url}/no-such-page`])).status).toBe(404);
    });
  });
});
