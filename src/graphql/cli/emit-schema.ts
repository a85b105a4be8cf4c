/** `npm run schema:emit`: writes schema/schema.graphql from the code. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { printedSchema } from '../schema';

export const schemaFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../schema/schema.graphql');

writeFileSync(schemaFile, await printedSchema());
process.stdout.write(`wrote ${path.relative(process.cwd(), schemaFile)}\n`);
