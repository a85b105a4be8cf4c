/** `npm run codegen`: writes the typed client described by codegen.ts. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateClientFiles, projectRoot } from '../codegen-runner';

for (const [filename, content] of await generateClientFiles()) {
  writeFileSync(path.resolve(projectRoot, filename), content);
  process.stdout.write(`wrote ${filename}\n`);
}
