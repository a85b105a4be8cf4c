/**
 * The known violations of the schema lint (schema/lint-exceptions.json): per rule, why we live
 * with them and which coordinates they are. The file may only shrink (see schema-lint.ts);
 * `rewriteExceptions` makes it list exactly the current violations, keeping each rule's reason.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULES, type RuleName, type Violation } from './schema-lint';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const schemaFile = path.join(root, 'schema/schema.graphql');
export const exceptionsFile = path.join(root, 'schema/lint-exceptions.json');

export type Exceptions = Partial<Record<RuleName, { reason: string; entries: string[] }>>;

export function readExceptions(file = exceptionsFile): Exceptions {
  return JSON.parse(readFileSync(file, 'utf8')) as Exceptions;
}

export interface Comparison {
  /** Violations the exceptions do not list: fix them (or, with a reason, list them). */
  unlisted: Violation[];
  /** Listed violations that no longer occur: remove them from the list. */
  stale: Violation[];
}

export function compare(violations: readonly Violation[], exceptions: Exceptions): Comparison {
  const key = (v: Violation) => `${v.rule} ${v.coordinate}`;
  const listed = new Map<string, Violation>();
  for (const [rule, group] of Object.entries(exceptions) as [RuleName, { entries: string[] }][]) {
    for (const coordinate of group.entries) listed.set(key({ rule, coordinate }), { rule, coordinate });
  }
  const found = new Set(violations.map(key));
  return {
    unlisted: violations.filter((v) => !listed.has(key(v))),
    stale: [...listed.values()].filter((v) => !found.has(key(v))),
  };
}

/** The exceptions listing exactly `violations`, in rule order, keeping the reasons already written. */
export function exceptionsFor(violations: readonly Violation[], previous: Exceptions): Exceptions {
  const out: Exceptions = {};
  for (const rule of Object.keys(RULES) as RuleName[]) {
    const entries = [...new Set(violations.filter((v) => v.rule === rule).map((v) => v.coordinate))].sort();
    if (entries.length === 0) continue;
    out[rule] = { reason: previous[rule]?.reason ?? `Predates the rule (${RULES[rule]}); fix when touching these.`, entries };
  }
  return out;
}

export function writeExceptions(exceptions: Exceptions, file = exceptionsFile): void {
  writeFileSync(file, `${JSON.stringify(exceptions, null, 2)}\n`);
}

/**
 * `Type.field` of every field the compiled read path maps to a bigint column, and `Type.legacyId`
 * of types whose id column is one. Importing the schema registers every area's mappings.
 */
export async function bigintFields(): Promise<Set<string>> {
  await import('../schema');
  const { sqlMappings } = await import('../compiled/mapping');
  const isBigint = (column: { columnType: string }) => column.columnType.startsWith('PgBigInt');
  const out = new Set<string>();
  for (const [typeName, mapping] of sqlMappings()) {
    if (isBigint(mapping.idColumn)) out.add(`${typeName}.legacyId`);
    for (const [field, sql] of Object.entries(mapping.fields)) {
      if ('column' in sql && isBigint(sql.column)) out.add(`${typeName}.${field}`);
    }
  }
  return out;
}
