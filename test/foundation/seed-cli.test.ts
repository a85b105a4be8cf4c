import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

describe('npm run db:seed', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ispgraph-seed-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' };

  it('generates the customers asked for, drawing progress and reporting the rate', async () => {
    const { stdout, stderr } = await run('npx', ['tsx', 'src/db/cli/seed.ts', '--customers', '120', '--operator', 'clitest', '--batch', '50'], { cwd: root, env });
    const report = JSON.parse(stdout.trim()) as Record<string, unknown>;
    expect(report).toMatchObject({ operator: 'clitest', customers: 120, engine: 'pglite' });
    // A random token, not a guessable `<operator>-token`, printed once with the other secrets.
    expect(report.token).toMatch(/^isp_[A-Za-z0-9_-]{43}$/);
    expect(report.secrets).toMatchObject({ bearerToken: report.token, m4: { username: 'admin' } });
    expect((report.secrets as { m4: { apiSecret: string } }).m4.apiSecret).not.toBe('secret');
    expect(report.rowsPerSecond).toBeGreaterThan(0);
    expect(stderr).toMatch(/\[#+-*\]\s+\d+% 50\/120 customers/);
    expect(stderr).toMatch(/100% 120\/120 customers/);
  }, 120_000);

  it('explains bad arguments and exits non-zero', async () => {
    const failure = await run('npx', ['tsx', 'src/db/cli/seed.ts', '--customerz', '5'], { cwd: root, env }).catch((e: { code: number; stderr: string }) => e);
    expect((failure as { code: number }).code).toBe(1);
    expect((failure as { stderr: string }).stderr).toContain('unknown option --customerz');
  }, 60_000);
});
