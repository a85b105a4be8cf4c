import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/chromium';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app';

const screenshots = path.resolve(import.meta.dirname, '../../test-results');

// GraphiQL is served by ispgraph itself (no CDN): a real browser opens it, runs the
// preset query with the preset demo token, and we look at the answer on the page.
describe('GraphiQL in headless Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  const requests: string[] = [];

  beforeAll(async () => {
    t = await startTestApp('pglite');
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('opens at /graphql, runs the example query with the demo token, and shows the result', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('request', (request) => requests.push(request.url()));
    const response = await page.goto(`${t.url}/graphql`);
    expect(response?.status()).toBe(200);
    await page.waitForSelector('.graphiql-container', { timeout: 30_000 });
    await page.click('.graphiql-execute-button');
    const result = page.locator('.result-window');
    await expect.poll(async () => (await result.textContent()) ?? '', { timeout: 30_000 }).toContain('"totalCount": 300');
    mkdirSync(screenshots, { recursive: true });
    await page.screenshot({ path: path.join(screenshots, 'graphiql.png') });
    // Everything the page loaded came from ispgraph itself.
    const foreign = requests.filter((url) => !url.startsWith(t.url) && !url.startsWith('data:'));
    expect(foreign).toEqual([]);
  });

  it('opens a shared link filled in (query, variables, operation name) with a clean console', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
    });
    const query = 'query Second($n: Int!) { customers(first: $n) { totalCount } }\nquery First { __typename }';
    const link = `${t.url}/graphql?${new URLSearchParams({ query, variables: '{"n": 2}', operationName: 'Second' })}`;
    expect((await page.goto(link))?.status()).toBe(200);
    await page.waitForSelector('.graphiql-container', { timeout: 30_000 });
    const editors = page.locator('.graphiql-editor');
    await expect.poll(async () => (await editors.first().textContent()) ?? '', { timeout: 30_000 }).toContain('query Second($n: Int!)');
    await page.click('.graphiql-execute-button');
    const result = page.locator('.result-window');
    // The operation the link named runs (not the editor's first), with the link's variables.
    await expect.poll(async () => (await result.textContent()) ?? '', { timeout: 30_000 }).toContain('"totalCount": 300');
    expect(await page.locator('.graphiql-editor-tool').textContent()).toContain('"n": 2');
    expect(problems).toEqual([]);
  });
});

