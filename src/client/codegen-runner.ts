/**
 * Runs GraphQL Code Generator (its core and plugins) as codegen.ts describes, without the
 * CLI's loader stack: one schema file, one documents glob, named plugins.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { codegen } from '@graphql-codegen/core';
import type { CodegenPlugin, Types } from '@graphql-codegen/plugin-helpers';
import * as addPlugin from '@graphql-codegen/add';
import * as typescriptPlugin from '@graphql-codegen/typescript';
import * as operationsPlugin from '@graphql-codegen/typescript-operations';
import * as graphqlRequestPlugin from '@graphql-codegen/typescript-graphql-request';
import { buildSchema, parse } from 'graphql';
import config from '../../codegen';
import { projectRoot } from '../shared/package-root';

export { projectRoot };

const PLUGINS: Record<string, CodegenPlugin> = {
  add: addPlugin as unknown as CodegenPlugin,
  typescript: typescriptPlugin as unknown as CodegenPlugin,
  'typescript-operations': operationsPlugin as unknown as CodegenPlugin,
  'typescript-graphql-request': graphqlRequestPlugin as unknown as CodegenPlugin,
};

function documentsMatching(glob: string): { location: string; document: ReturnType<typeof parse> }[] {
  const directory = path.resolve(projectRoot, path.dirname(glob));
  const suffix = path.basename(glob).replace(/^\*/, '');
  return readdirSync(directory)
    .filter((name) => name.endsWith(suffix))
    .sort()
    .map((name) => {
      const location = path.join(directory, name);
      return { location, document: parse(readFileSync(location, 'utf8')) };
    });
}

/** The files codegen.ts describes, as path → content (relative to the project root). */
export async function generateClientFiles(): Promise<Map<string, string>> {
  const schema = buildSchema(readFileSync(path.resolve(projectRoot, config.schema), 'utf8'));
  const documents = documentsMatching(config.documents);
  const out = new Map<string, string>();
  for (const [filename, target] of Object.entries(config.generates)) {
    const output = target as Types.ConfiguredOutput;
    const plugins = (output.plugins ?? []).map((p) => (typeof p === 'string' ? { [p]: {} } : p)) as Types.ConfiguredPlugin[];
    const pluginMap: Record<string, CodegenPlugin> = {};
    for (const entry of plugins) {
      const name = Object.keys(entry)[0]!;
      const plugin = PLUGINS[name];
      if (!plugin) throw new Error(`codegen.ts names plugin "${name}", which src/client/codegen-runner.ts does not know`);
      pluginMap[name] = plugin;
    }
    const content = await codegen({
      filename,
      schema: parse(readFileSync(path.resolve(projectRoot, config.schema), 'utf8')),
      schemaAst: schema,
      documents,
      plugins,
      pluginMap: pluginMap as never,
      config: (output.config ?? {}) as Record<string, unknown>,
    });
    out.set(filename, content);
  }
  return out;
}
