/**
 * `npx tsx src/graphql/lint/cli.ts`: lints schema/schema.graphql against the house conventions and
 * the known exceptions; exits 1 on an unlisted violation or a stale exception.
 * `--write-exceptions` rewrites schema/lint-exceptions.json to list exactly today's violations,
 * keeping each rule's reason (the lead runs it after merging schema changes).
 */
import { readFileSync } from 'node:fs';
import { bigintFields, compare, exceptionsFor, readExceptions, schemaFile, writeExceptions } from './exceptions';
import { lintSchemaText } from './schema-lint';

const violations = lintSchemaText(readFileSync(schemaFile, 'utf8'), { bigintFields: await bigintFields() });
const previous = readExceptions();

if (process.argv.includes('--write-exceptions')) {
  writeExceptions(exceptionsFor(violations, previous));
  process.stdout.write(`schema/lint-exceptions.json: ${violations.length} known violations\n`);
} else {
  const { unlisted, stale } = compare(violations, previous);
  for (const v of unlisted) process.stdout.write(`violation  ${v.rule}  ${v.coordinate}\n`);
  for (const v of stale) process.stdout.write(`stale exception  ${v.rule}  ${v.coordinate}\n`);
  process.stdout.write(`${violations.length} violations, ${unlisted.length} unlisted, ${stale.length} stale exceptions\n`);
  process.exitCode = unlisted.length + stale.length > 0 ? 1 : 0;
}
