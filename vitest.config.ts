import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql 16 has no "exports": Node loads its CommonJS build for everyone (type-graphql,
    // Apollo), while Vite would hand our sources the ESM build — two copies of the same
    // classes. Point Vite at the one Node uses.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // The secret scan (test/secret-scan) turns the server's logs on to scan every line, and
    // swallows them: the output stays as quiet as LOG_LEVEL=silent kept it.
    env: { LOG_LEVEL: 'silent' },
    setupFiles: ['test/secret-scan/setup.ts'],
  },
});
