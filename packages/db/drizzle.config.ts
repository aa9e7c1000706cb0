import { defineConfig } from 'drizzle-kit';

// Migrations are only ever generated from the schema (`pnpm --filter @lagesbild/db generate`) and committed.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/schema/index.ts',
  out: './drizzle',
});
