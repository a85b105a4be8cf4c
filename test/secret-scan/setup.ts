/**
 * Vitest setup file (vitest.config.ts `setupFiles`): runs the secret scan (scanner.ts) under
 * every test file. The server logs at debug level so every line it could write is produced and
 * scanned (the scanner swallows them afterwards). A test during which a secret showed up fails
 * in afterEach; a hit outside any test (a server started or stopped in beforeAll/afterAll) fails
 * the file in afterAll. Either way the report names the secret, the surface and the test.
 */
import { afterAll, afterEach, beforeEach, expect } from 'vitest';
import { describeFindings, installSecretScan, secretScan } from './scanner';

process.env.LOG_LEVEL = 'debug';
installSecretScan();

beforeEach(() => {
  secretScan.enterTest(expect.getState().currentTestName ?? 'unnamed test');
});

afterEach(() => {
  const found = secretScan.leaveTest();
  if (found.length) throw new Error(describeFindings(found));
});

afterAll(() => {
  if (process.env.SECRET_SCAN_STATS === '1') process.stderr.write(`secret scan: ${JSON.stringify(secretScan.stats())}\n`);
  const found = secretScan.take();
  if (found.length) throw new Error(describeFindings(found));
});
