import { defineConfig } from 'drizzle-kit';

// Migrations are generated from the table definitions (src/**/*.table.ts, gathered by
// src/db/schema.ts) and checked in under drizzle/. The server applies them at start-up on
// both engines; a test fails when they are stale.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './drizzle',
  casing: 'snake_case',
  strict: true,
});
