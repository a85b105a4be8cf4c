/**
 * Behind a reverse proxy: X-Forwarded-For names the client only when the request comes from a
 * proxy listed in TRUST_PROXY. The demo OperatorAPI credential is admitted from loopback only,
 * so a forwarded outside address must be refused through a trusted local proxy, and a forged
 * header from an untrusted peer must change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enabledEngines } from '../helpers/engines';
import { startTestApp, type TestApp } from '../helpers/app';

const call = async (t: TestApp, forwardedFor: string) => {
  const res = await fetch(`${t.url}/API/getCustomerStatuses`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
    body: JSON.stringify({ api_username: 'demo', api_password: 'demo' }),
  });
  return (await res.json()) as { ip: string; result: unknown };
};

describe.each(enabledEngines())('TRUST_PROXY on %s', (engine) => {
  let direct: TestApp;
  let proxied: TestApp;
  beforeAll(async () => {
    direct = await startTestApp(engine);
    // The second server shares nothing with the first but its settings' shape.
    proxied = await startTestApp(engine, { config: { trustProxy: ['127.0.0.1', '::1'] } });
  }, 240_000);
  afterAll(async () => {
    await direct?.stop();
    await proxied?.stop();
  });

  it('ignores X-Forwarded-For when no proxy is trusted', async () => {
    const reply = await call(direct, '203.0.113.9');
    expect(reply.ip).toBe('127.0.0.1');
    expect(String(reply.result)).not.toMatch(/^ERROR/);
  });

  it('takes the client from X-Forwarded-For through a trusted proxy, and checks the access list against it', async () => {
    const reply = await call(proxied, '203.0.113.9');
    expect(reply.ip).toBe('203.0.113.9');
    expect(String(reply.result)).toMatch(/^ERROR: access denied: 203\.0\.113\.9 is not on the API access list/);
    // A client on loopback behind the same proxy is still admitted.
    const local = await call(proxied, '127.0.0.1');
    expect(String(local.result)).not.toMatch(/^ERROR/);
  });

  it('stops at the first untrusted hop: a client cannot forge its way onto the list', async () => {
    // The client (203.0.113.9) prepends 127.0.0.1; the trusted proxy appends the real client.
    const reply = await call(proxied, '127.0.0.1, 203.0.113.9');
    expect(reply.ip).toBe('203.0.113.9');
    expect(String(reply.result)).toMatch(/^ERROR: access denied/);
  });
});
