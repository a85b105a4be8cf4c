/**
 * `npm run build`, and `npm start` before it runs: bundles the server's TypeScript sources into
 * one ES module, dist/main.mjs, with esbuild (the same transform tsx applies, decorators and
 * class names kept for type-graphql). npm packages stay outside the bundle and load from
 * node_modules as usual. Why: under tsx every one of the ~400 source files goes through a loader
 * hook on another thread at each start (about 2.5 s of CPU); the bundle loads in about a third
 * of that, which is most of what an embedded restart costs. Plain JavaScript, so running it needs
 * no TypeScript loader.
 *
 * `--if-stale` rebuilds only when a file under src/, package.json, package-lock.json or
 * tsconfig.json is newer than the bundle (a developer's edit is never served stale by `npm start`).
 */
import { mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const outfile = path.join(root, 'dist', 'main.mjs');

/** Newest modification time (ms) of the inputs of the bundle. */
function newestInput() {
  let newest = 0;
  const visit = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  visit(path.join(root, 'src'));
  for (const file of ['package.json', 'package-lock.json', 'tsconfig.json']) newest = Math.max(newest, statSync(path.join(root, file)).mtimeMs);
  return newest;
}

function bundleTime() {
  try {
    return statSync(outfile).mtimeMs;
  } catch {
    return -1;
  }
}

if (process.argv.includes('--if-stale') && bundleTime() >= newestInput()) process.exit(0);

const { build } = await import('esbuild');
mkdirSync(path.dirname(outfile), { recursive: true });
const started = Date.now();
const result = await build({
  entryPoints: [path.join(root, 'src', 'main.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  tsconfig: path.join(root, 'tsconfig.json'),
  // type-graphql names GraphQL types after classes unless told otherwise: keep every name.
  keepNames: true,
  sourcemap: 'linked',
  logLevel: 'warning',
  write: false,
  banner: { js: '// Built by `npm run build` from src/ (src/build/bundle.mjs): edit the sources, not this file.' },
});
// Each file is written beside its final name and renamed over it: two `npm start`s building at
// once (tests, a supervisor restarted by hand) never load a half-written bundle.
for (const file of result.outputFiles) {
  const temporary = `${file.path}.${process.pid}.tmp`;
  writeFileSync(temporary, file.contents);
  renameSync(temporary, file.path);
}
process.stderr.write(`build: dist/main.mjs from src/ in ${Date.now() - started} ms\n`);
