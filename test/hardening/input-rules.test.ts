/**
 * The rows, one by one, on every engine: each mistake is refused in the surface's own
 * shape (never a 5xx, never a crash), and the GraphQL limits refuse before anything runs.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countQueries } from '../../src/db/query-counter';
import { MAX_ALIASES, MAX_DEPTH, MAX_ROOT_FIELDS } from '../../src/graphql/limits';
import { startTestApp, type TestApp } from '../helpers/app';
import { enabledEngines } from '../helpers/engines';

const CRM_AUTH = { userid: '5', api_key: '0f9895fb407c83e5ea128082098b47681aa75d6944576423c4' };

for (const engine of enabledEngines()) {
  describe(`input rules on ${engine}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(engine);
    }, 120_000);
    afterAll(async () => {
      await t?.stop();
    });

    const post = async (path: string, body: string | Buffer, headers: Record<string, string> = {}) => {
      const res = await fetch(`${t.url}${path}`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
      return { status: res.status, text: await res.text() };
    };
    const gqlRaw = (payload: unknown) => post('/graphql', JSON.stringify(payload), { authorization: 'Bearer demo-token' });

    it('answers a bad %-escape in a path parameter with 400 and a request id, and keeps serving', async () => {
      const res = await fetch(`${t.url}/api/v1/get_details/%ff`);
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: string; requestId: string };
      expect(body.error).toMatch(/%-escape/);
      expect(body.requestId).toBe(res.headers.get('x-request-id'));
      expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    });

    it('answers request targets that are not URLs with 400 over a raw socket', async () => {
      const status = await new Promise<number>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: new URL(t.url).port, path: 'http://[::1/x', method: 'GET' }, (res) => {
          res.resume();
          resolve(res.statusCode!);
        });
        req.on('error', reject);
        req.end();
      });
      expect(status).toBe(400);
    });

    it('refuses NUL characters as each surface refuses bad input', async () => {
      const jaze = await fetch(`${t.url}/api/v1/get_details/a%00b`, { headers: { authorization: 'Bearer demo-token' } });
      expect(jaze.status).toBe(200);
      expect(await jaze.json()).toMatchObject({ status: 'failure', message: expect.stringMatching(/user_id must not contain NUL/) });

      const simpler = await post('/API/getCustomerData', JSON.stringify({ api_username: 'demo', api_password: 'demo', nickname: 'a\u0000' }));
      expect(simpler.status).toBe(200);
      expect(JSON.parse(simpler.text).result).toMatch(/^ERROR: nickname must not contain NUL/);

      const crm = await post('/api/plan/list', JSON.stringify({ ...CRM_AUTH, name: 'x\u0000' }));
      expect(JSON.parse(crm.text)).toEqual({ result: null, error: 'name must not contain NUL characters' });

      const m4 = await fetch(`${t.url}/billing/api/user_details_raw_get?u=a%00&user_id=1&hash=0`);
      expect(m4.status).toBe(200);
      expect(await m4.text()).toMatch(/<error>u must not contain NUL characters<\/error>/);

      const graphql = await gqlRaw({ query: 'query($id: ID!) { customer(id: $id) { id } }', variables: { id: 'a\u0000' } });
      expect(graphql.status).toBe(400);
      expect(JSON.parse(graphql.text).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    });

    it('refuses invalid UTF-8 bodies in the surface shape, never as a replacement character', async () => {
      const bad = Buffer.concat([Buffer.from('{"userid":"5","name":"'), Buffer.from([0xff]), Buffer.from('"}')]);
      const crm = await post('/api/plan/list', bad);
      expect(crm.status).toBe(400);
      expect(JSON.parse(crm.text)).toEqual({ result: null, error: 'the request body is not valid UTF-8' });
      const graphql = await post('/graphql', bad, { authorization: 'Bearer demo-token' });
      expect(graphql.status).toBe(400);
      const soap = await post('/API/operatorapi.pl', Buffer.concat([Buffer.from('<a>'), Buffer.from([0xc3, 0x28]), Buffer.from('</a>')]), { 'content-type': 'text/xml' });
      expect(soap.status).toBe(500);
      expect(soap.text).toMatch(/<faultcode>[^<]*Client<\/faultcode>/);
    });

    it('CRM wallet_update takes only documented ids and amounts, and writes no top-up otherwise', async () => {
      const txns = async () => JSON.parse((await post('/api/reseller/wallet_txn', JSON.stringify({ ...CRM_AUTH, resellerid: 1 }))).text);
      const before = await txns();
      const bodies = [
        `{"userid":"5","api_key":"${CRM_AUTH.api_key}","resellerid":true,"action":"TopUp","amt":"1"}`,
        `{"userid":"5","api_key":"${CRM_AUTH.api_key}","resellerid":" 1 ","action":"TopUp","amt":"1"}`,
        `{"userid":"5","api_key":"${CRM_AUTH.api_key}","resellerid":1.0,"action":"TopUp","amt":"1"}`,
        `{"userid":"5","api_key":"${CRM_AUTH.api_key}","resellerid":1,"action":"TopUp","amt":"+1"}`,
        `{"userid":"5","api_key":"${CRM_AUTH.api_key}","resellerid":1,"action":"TopUp","amt":1e2}`,
        `{"userid":"5","api_key":"${CRM_AUTH.api_key}","resellerid":1,"action":"TopUp","amt":"1.005"}`,
      ];
      for (const body of bodies) {
        const reply = await post('/api/reseller/wallet_update', body);
        expect(reply.status, body).toBe(200);
        expect(JSON.parse(reply.text), body).toMatchObject({ result: null, error: expect.stringMatching(/resellerid|amt/) });
      }
      expect(await txns()).toEqual(before);
      const good = await post('/api/reseller/wallet_update', `{"userid":"5","api_key":"${CRM_AUTH.api_key}","resellerid":1,"action":"TopUp","amt":1.50}`);
      expect(JSON.parse(good.text)).toEqual({ result: 'done', error: null });
    });

    it('answers GraphQL variables of the wrong type with 400 BAD_USER_INPUT, as the same mistake inline', async () => {
      for (const [query, variables] of [
        ['query($l: Int) { customers(first: $l) { totalCount } }', { l: 1.5 }],
        ['mutation($a: Decimal!) { resellerWalletAdjust(input: {resellerId: "x", action: TOP_UP, amount: $a}) { userErrors { message } } }', { a: '+1' }],
        ['mutation($a: Decimal!) { resellerWalletAdjust(input: {resellerId: "x", action: TOP_UP, amount: $a}) { userErrors { message } } }', { a: ' 1' }],
      ] as const) {
        const reply = await gqlRaw({ query, variables });
        expect(reply.status, reply.text).toBe(400);
        expect(JSON.parse(reply.text).errors[0].extensions.code).toBe('BAD_USER_INPUT');
      }
    });

    it('refuses aliases, root fields, depth, batches and deep nesting before running a statement', async () => {
      const refusals: [unknown, string][] = [
        [{ query: `{${Array.from({ length: 1000 }, (_, i) => `a${i}: customers(first: 1) { totalCount }`).join(' ')}}` }, 'GRAPHQL_PARSE_FAILED'],
        [{ query: `{${Array.from({ length: MAX_ROOT_FIELDS + 1 }, (_, i) => `a${i}: customers(first: 1) { totalCount }`).join(' ')}}` }, 'TOO_MANY_ROOT_FIELDS'],
        [{ query: `{ customers(first: 1) { edges { node { ${Array.from({ length: MAX_ALIASES + 1 }, (_, i) => `a${i}: id`).join(' ')} } } } }` }, 'TOO_MANY_ALIASES'],
        [{ query: `{ customers(first: 1) { edges { node { ${'invoices(first: 1) { edges { node { customer { '.repeat(MAX_DEPTH / 4)} id ${'} } } } '.repeat(MAX_DEPTH / 4)} } } } }` }, 'QUERY_TOO_DEEP'],
        [{ query: `{${'a{'.repeat(10_000)}b${'}'.repeat(10_000)}}` }, 'QUERY_TOO_DEEP'],
        [{ query: '{ a: __schema { types { name } } b: __schema { types { name } } c: __schema { queryType { name } } }' }, 'TOO_MANY_INTROSPECTION_FIELDS'],
        [{ query: '{ customers(first: 100) { edges { node { invoices(first: 100) { edges { node { customer { invoices(first: 100) { totalCount } } } } } } } } }' }, 'QUERY_TOO_COMPLEX'],
        [[{ query: '{ __typename }' }, { query: '{ __typename }' }], 'BATCH_TOO_LARGE'],
      ];
      for (const [payload, code] of refusals) {
        const { result: reply, queries } = await countQueries(() => gqlRaw(payload));
        expect(reply.status, reply.text.slice(0, 200)).toBe(400);
        expect(JSON.parse(reply.text).errors[0].extensions.code, reply.text.slice(0, 300)).toBe(code);
        // Only the bearer token is looked up, if that: nothing of the operation ran.
        expect(queries).toBeLessThanOrEqual(2);
      }
      const ok = await t.gql('{ a: customers(first: 1) { totalCount } b: customers(first: 2) { totalCount } }');
      expect(ok.errors).toBeUndefined();
    });
  });
}
