import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/chromium';
import { DEMO } from '../../src/db/seed/demo';
import { startTestApp, type TestApp } from '../helpers/app';


// In production GraphiQL fills in no token: a staff user logs in on the page's own form, and
// GraphiQL's requests then carry the session token; logging out ends the session.
describe('GraphiQL staff login in headless Chromium', () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    // GraphiQL is off in production unless GRAPHIQL=true turns it on, as here.
    t = await startTestApp('pglite', { config: { production: true, graphiql: true } });
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('logs in with operator, username and password, runs the example query, and logs out', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${t.url}/graphql`);
    await page.waitForSelector('.graphiql-container', { timeout: 30_000 });
    const result = page.locator('.result-window');

    // Without a login (and no demo token in production) the query is refused.
    await page.click('.graphiql-execute-button');
    await expect.poll(async () => (await result.textContent()) ?? '', { timeout: 30_000 }).toContain('UNAUTHENTICATED');

    await page.fill('#login input[name=operator]', DEMO.operatorCode);
    await page.fill('#login input[name=username]', 'admin');
    await page.fill('#login input[name=password]', 'wrong password');
    await page.click('#login button.in');
    await expect.poll(async () => (await page.textContent('#login-status')) ?? '', { timeout: 30_000 }).toContain('invalid operator, username or password');

    await page.fill('#login input[name=password]', DEMO.adminPassword);
    await page.click('#login button.in');
    await expect.poll(async () => (await page.textContent('#login-status')) ?? '', { timeout: 30_000 }).toContain('admin @ demo');
    await page.click('.graphiql-execute-button');
    await expect.poll(async () => (await result.textContent()) ?? '', { timeout: 30_000 }).toContain(`"totalCount": ${DEMO.customers}`);

    await page.click('#login button.out');
    await expect.poll(async () => page.isVisible('#login input[name=operator]'), { timeout: 30_000 }).toBe(true);
    await page.click('.graphiql-execute-button');
    await expect.poll(async () => (await result.textContent()) ?? '', { timeout: 30_000 }).toContain('UNAUTHENTICATED');
  }, 120_000);
});
