import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/chromium';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app';

const screenshots = path.resolve(import.meta.dirname, '../../test-results');

// /docs renders openapi.json with Swagger UI served from node_modules: a real browser opens it
// and we look for the operations on the page, for requests that left the origin, and for errors
// (a Content-Security-Policy violation is reported as a console error).
describe('the /docs API viewer in headless Chromium', () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    t = await startTestApp('pglite');
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('lists the legacy operations from /openapi.json, with nothing from another origin and no console errors', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    const response = await page.goto(`${t.url}/docs`);
    expect(response?.status()).toBe(200);
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");

    // One folded section per dialect, as Swagger UI renders the document's tags; opened, each lists its routes.
    await page.waitForSelector('.opblock-tag', { timeout: 30_000 });
    await expect.poll(async () => page.locator('.opblock-tag').count()).toBe(4);
    const sections = { 'Kolmisoft M4': ['/billing/api/user_details_raw_get'], 'ISP CRM': ['/api/plan/list'], 'Jaze ISP manager': ['/api/v1/get_users_count'], 'SIMPLer OperatorAPI': ['/API/pingAPI', '/API/getCustomerData'] };
    for (const [tag, routes] of Object.entries(sections)) {
      await page.locator('.opblock-tag', { hasText: tag }).click();
      // Swagger UI breaks paths with zero-width spaces after each slash.
      const shown = async () => (await page.locator('.opblock-summary-path').allTextContents()).map((p) => p.replace(/\u200b/g, ''));
      for (const route of routes) await expect.poll(shown, { timeout: 30_000 }).toContain(route);
      // Folded again: Swagger UI renders an open section's operations only a screenful at a time.
      await page.locator('.opblock-tag', { hasText: tag }).click();
    }
    const text = (await page.locator('#swagger-ui').textContent()) ?? '';
    expect(text).toContain('ispgraph legacy REST APIs');

    mkdirSync(screenshots, { recursive: true });
    await page.screenshot({ path: path.join(screenshots, 'api-docs.png') });
    expect(requests).toContain(`${t.url}/openapi.json`);
    expect(requests.filter((url) => !url.startsWith(`${t.url}/`) && !url.startsWith('data:'))).toEqual([]);
    expect(errors).toEqual([]);
  }, 90_000);

  it('forbids other origins: a script the page tries to load from elsewhere is blocked', async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') violations.push(message.text());
    });
    const foreign: string[] = [];
    // Any request to the outside would be answered here, never by the network.
    await page.route('http://example.invalid/**', (route) => {
      foreign.push(route.request().url());
      return route.fulfill({ status: 200, contentType: 'text/javascript', body: 'window.loaded = true' });
    });
    await page.goto(`${t.url}/docs`);
    // Runs in the page (a string, so this file needs no DOM types).
    await page.evaluate(`(() => { const s = document.createElement('script'); s.src = 'http://example.invalid/x.js'; document.head.append(s); })()`);
    await expect.poll(() => violations.join('\n')).toContain('Content Security Policy');
    expect(foreign).toEqual([]);
    expect(await page.evaluate('window.loaded')).toBeUndefined();
  }, 60_000);
});
