import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import * as schema from '../../src/db/schema';
import { migrationsFolder } from '../../src/db/client';

// drizzle-kit's programmatic API is CommonJS-only in practice; load it the way Node would.
const require = createRequire(import.meta.url);
const { generateDrizzleJson, generateMigration } = require('drizzle-kit/api') as typeof import('drizzle-kit/api');

describe('checked-in migrations', () => {
  it('match the table definitions (run `npm run db:generate` when this fails)', async () => {
    const journal = JSON.parse(readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as {
      entries: { idx: number; tag: string }[];
    };
    const last = journal.entries[journal.entries.length - 1]!;
    const snapshotFile = path.join(migrationsFolder, 'meta', `${String(last.idx).padStart(4, '0')}_snapshot.json`);
    const snapshot = JSON.parse(readFileSync(snapshotFile, 'utf8'));
    const current = generateDrizzleJson(schema as Record<string, unknown>, snapshot.id, undefined, 'snake_case');
    const pending = await generateMigration(snapshot, current);
    expect(pending).toEqual([]);
  });
});

describe('schema/schema.graphql', () => {
  it('is the schema the code builds (run `npm run schema:emit` when this fails)', async () => {
    const { printedSchema } = await import('../../src/graphql/schema');
    const checkedIn = readFileSync(path.resolve(import.meta.dirname, '../../schema/schema.graphql'), 'utf8');
    expect(checkedIn).toBe(await printedSchema());
  });
});

describe('the generated GraphQL client', () => {
  it('is what codegen.ts generates from the checked-in schema (run `npm run codegen` when this fails)', async () => {
    const { generateClientFiles, projectRoot } = await import('../../src/client/codegen-runner');
    for (const [filename, content] of await generateClientFiles()) {
      expect(readFileSync(path.resolve(projectRoot, filename), 'utf8'), filename).toBe(content);
    }
  });
});
