/**
 * Folders found by walking up to a package.json, never by counting `../` from a source file:
 * the same code runs from `src/` (tsx, tests, command-line tools) and from the single-file
 * bundle in `dist/` (`npm start`), where a module's own folder is no longer where its source
 * lived. Assets therefore resolve against the package, which is the same in both.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function packageNameAt(dir: string): string | undefined {
  const file = path.join(dir, 'package.json');
  if (!existsSync(file)) return undefined;
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { name?: string }).name;
  } catch {
    return undefined;
  }
}

/** The nearest folder at or above `start` whose package.json is named `name`. */
export function findPackageRoot(name: string, start: string): string {
  let dir = start;
  while (packageNameAt(dir) !== name) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find the folder of package ${name} above ${start}`);
    dir = parent;
  }
  return dir;
}

/** ispgraph's own folder: package.json, drizzle/ (migrations), src/ (assets served as files). */
export const projectRoot = findPackageRoot('ispgraph', path.dirname(fileURLToPath(import.meta.url)));

/** ispgraph's version, as package.json says. */
export const projectVersion = (JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string }).version;
