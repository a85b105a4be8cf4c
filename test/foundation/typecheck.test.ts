/**
 * The project is strict TypeScript, but vitest and the bundler only strip types: without this
 * test a type error in src/, test/ or bench/ would pass CI. Runs `tsc --noEmit` as
 * `npm run typecheck` does and shows its errors.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

describe('the TypeScript sources', () => {
  it('typecheck under tsconfig.json (run `npm run typecheck` when this fails)', () => {
    const result = spawnSync(process.execPath, [tsc, '--noEmit', '-p', root], { cwd: root, encoding: 'utf8', timeout: 240_000 });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  }, 300_000);
});
