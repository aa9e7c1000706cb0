import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * The one place environment variables are read. DATABASE_URL selects
 * PostgreSQL; without it an embedded PGlite database lives in
 * LAGESBILD_DATA_DIR (default .data/pglite at the repository root).
 */
const schema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL måste börja med postgres:// eller postgresql://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  LAGESBILD_DATA_DIR: z.string().optional(),
});

export interface DbEnv {
  databaseUrl: string | undefined;
  dataDir: string;
}

export function readDbEnv(env: NodeJS.ProcessEnv = process.env, repoRoot = defaultRepoRoot()): DbEnv {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Felaktig miljövariabel: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return {
    databaseUrl: parsed.data.DATABASE_URL,
    dataDir: resolve(parsed.data.LAGESBILD_DATA_DIR ?? resolve(repoRoot, '.data/pglite')),
  };
}

/** The PostgreSQL server the database tests use (they never skip it). */
export function readTestDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
}

function defaultRepoRoot(): string {
  // packages/db/src -> repository root
  return resolve(import.meta.dirname, '../../..');
}
