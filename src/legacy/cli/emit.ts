/** `npm run legacy:emit`: writes wsdl/operatorapi.wsdl, docs/COMPATIBILITY.md and openapi/legacy.json from the catalogue. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SIMPLER_OPERATIONS } from '../simpler/catalogue';
import { generateWsdl } from '../soap/wsdl';
import { generateCompatibility } from '../docs/compatibility';
import { ROUTED_DIALECTS } from '../docs/dialects';
import { legacyOpenApiText } from '../openapi/document';
import { projectRoot } from '../../shared/package-root';

export { projectRoot };

export function legacyArtefacts(): [string, string][] {
  return [
    ['wsdl/operatorapi.wsdl', generateWsdl(SIMPLER_OPERATIONS)],
    ['docs/COMPATIBILITY.md', generateCompatibility(SIMPLER_OPERATIONS, ROUTED_DIALECTS)],
    ['openapi/legacy.json', legacyOpenApiText()],
  ];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const [file, content] of legacyArtefacts()) {
    writeFileSync(path.join(projectRoot, file), content);
    process.stdout.write(`wrote ${file}\n`);
  }
}
