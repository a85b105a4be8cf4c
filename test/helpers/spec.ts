/**
 * The vendor documents (shared/spec/ beside the checkout). Found by walking up from this file,
 * so the tests read them from the main checkout and from a worktree one level deeper alike.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

function specDir(): string {
  for (let dir = path.resolve(import.meta.dirname, '../..'); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'shared/spec');
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) throw new Error('shared/spec (the vendor documents) not found above the checkout');
  }
}

export function readSpec(file: string): string {
  return readFileSync(path.join(specDir(), file), 'utf8');
}
