/**
 * No secret in any reply or log line. Every log line the server writes (LOG_LEVEL=debug) and
 * every reply body is collected while each surface is exercised — successful and failing
 * authentication, a password recovery through the log transport, errors the database raises —
 * and scanned for the demo operator's secrets, their stored hashes, and the recovered password.
 * The suite-wide scan (test/secret-scan) checks every other file's replies and logs against the
 * same detectors; this file is where the risky paths are exercised on purpose, and where the
 * recovered password (a value only this test knows) is looked for too.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../src/db/seed/demo';
import { logTransport, resetMessageTransport, setMessageTransport } from '../../src/support/message-transport';
import { enabledEngines } from '../helpers/engines';
import { startTestApp, type TestApp } from '../helpers/app';
import { rows } from '../helpers/sql';
import { DETECTORS } from '../secret-scan/secrets';

const sha1 = (text: string) => createHash('sha1').update(text, 'utf8').digest('hex');


describe.each(enabledEngines())('secrets stay out of replies and logs on %s', (engine) => {
  let t: TestApp;
  const logLines: string[] = [];
  const replies: { what: string; body: string }[] = [];
  const recoveryBodies: string[] = [];
  const originalWrite = process.stdout.write.bind(process.stdout);
  const previousLevel = process.env.LOG_LEVEL;

  beforeAll(async () => {
    process.env.LOG_LEVEL = 'debug';
    process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      logLines.push(String(chunk));
      return (originalWrite as (c: string | Uint8Array, ...r: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof process.stdout.write;
    // Recovery messages still go through the log transport; the test only keeps the body aside.
    setMessageTransport('email', {
      name: 'log',
      send: async (message) => {
        recoveryBodies.push(message.body);
        return logTransport.send(message);
      },
    });
    t = await startTestApp(engine);
  }, 240_000);
  afterAll(async () => {
    process.stdout.write = originalWrite;
    if (previousLevel === undefined) delete process.env.LOG_LEVEL;
    else process.env.LOG_LEVEL = previousLevel;
    resetMessageTransport();
    await t?.stop();
  });

  const send = async (what: string, path: string, init: RequestInit = {}) => {
    const res = await fetch(`${t.url}${path}`, init);
    const body = await res.text();
    replies.push({ what, body });
    return body;
  };
  const json = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const soap = (op: string, args: Record<string, string>) => ({
    method: 'POST',
    headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: `OperatorAPI#${op}` },
    body: `<?xml version="1.0"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><${op} xmlns="OperatorAPI">${Object.entries(args)
      .map(([k, v]) => `<${k}>${v}</${k}>`)
      .join('')}</${op}></soap:Body></soap:Envelope>`,
  });

  it('exercises every surface, then finds no secret in any reply or log line', async () => {
    const [customer] = await rows<{ id: number; email: string }>(t.database.handle.db, sql`select id, email from customers where email is not null order by id limit 1`);
    const gqlInit = (query: string, token?: string) => ({ ...json({ query }), headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) } });

    // GraphQL: a good query, a bad token, a syntax error, a database error (an id beyond integer range).
    await send('graphql ok', '/graphql', gqlInit('{ customers(first: 2) { nodes { name } } }', DEMO.bearerToken));
    await send('graphql bad token', '/graphql', gqlInit('{ customers(first: 1) { totalCount } }', 'wrong-token'));
    await send('graphql syntax', '/graphql', gqlInit('{ customers(first: ', DEMO.bearerToken));
    await send('graphql db error', '/graphql', gqlInit('{ customer(legacyId: 2147483647) { name } }', DEMO.bearerToken));

    // SIMPLer over SOAP and REST: good and bad passwords, a database error.
    await send('soap ok', '/API/operatorapi.pl', soap('getCustomerStatuses', { api_username: 'demo', api_password: DEMO.simpler.password }));
    await send('soap bad password', '/API/operatorapi.pl', soap('getCustomerStatuses', { api_username: 'demo', api_password: 'wrong' }));
    await send('rest ok', '/API/getCustomerData', json({ api_username: 'demo', api_password: DEMO.simpler.password, customerid: String(customer!.id) }));
    await send('rest bad password', '/API/getCustomerData', json({ api_username: 'demo', api_password: 'wrong', customerid: '1' }));
    await send('rest db error', '/API/getCustomerData', json({ api_username: 'demo', api_password: DEMO.simpler.password, customerid: '99999999999999' }));
    await send('rest secret in query string', `/API/getCustomerStatuses?api_username=demo&api_password=${DEMO.simpler.password}`, json({ api_username: 'demo', api_password: DEMO.simpler.password }));

    // Jaze: token as header and as api_key parameter, a bad token, password recovery.
    await send('jaze ok', '/api/v1/get_users_count', { headers: { authorization: `Bearer ${DEMO.bearerToken}` } });
    await send('jaze api_key', `/api/v1/get_users_count?api_key=${DEMO.bearerToken}`);
    await send('jaze bad token', '/api/v1/get_users_count', { headers: { authorization: 'Bearer wrong' } });
    const recovery = await send('jaze recover_password', '/api/v1/recover_password', { ...json({ email: customer!.email }), headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO.bearerToken}` } });
    expect(recovery).toContain('"status":"success"');

    // CRM and M4: good and bad keys and hashes.
    await send('crm ok', '/api/plan/list', json({ userid: DEMO.crm.userId, api_key: DEMO.crm.apiKey, rows_limit: 1 }));
    await send('crm bad key', '/api/plan/list', json({ userid: DEMO.crm.userId, api_key: 'wrong' }));
    await send('m4 ok', `/billing/api/user_details_raw_get?u=admin&user_id=5&hash=${sha1(`admin5${DEMO.m4.apiSecret}`)}`);
    await send('m4 bad hash', '/billing/api/user_details_raw_get?u=admin&user_id=5&hash=0000');

    // The recovery went out through the log transport, with a fresh password in its body.
    expect(recoveryBodies).toHaveLength(1);
    const recoveredPassword = /Password: (\S+)/.exec(recoveryBodies[0]!)?.[1];
    expect(recoveredPassword).toMatch(/.{8,}/);
    expect(logLines.some((line) => line.includes('"msg":"message.sent"'))).toBe(true);

    const scanned = [...logLines.map((body) => ({ what: 'log', body })), ...replies];
    expect(scanned.length).toBeGreaterThan(30);
    // The detectors are the suite-wide scan's (one list of what counts as a demo secret); no
    // reply here is the GraphiQL page, so none is exempt.
    const leaks = scanned.flatMap(({ what, body }) => [
      ...DETECTORS.filter((d) => d.matches(body)).map((d) => `${d.name} in ${what}`),
      ...(body.includes(recoveredPassword!) ? [`recovered password in ${what}`] : []),
    ]);
    expect(leaks).toEqual([]);
  }, 240_000);
});
