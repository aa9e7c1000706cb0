import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, readDbEnv, type Db } from '@lagesbild/db';
import { openTestDatabase, type TestDbKind } from '@lagesbild/db/testing';
import { runCli } from '../src/cli/main.js';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/**
 * Runs the CLI exactly as `pnpm lagesbild` does, against a fresh database of
 * the given kind: a PGlite folder in a temp dir, or a throw-away PostgreSQL database.
 */
export async function cliHarness(kind: TestDbKind) {
  let env: NodeJS.ProcessEnv;
  let dispose: () => Promise<void>;
  if (kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'lagesbild-cli-'));
    env = { LAGESBILD_DATA_DIR: join(dir, 'db'), INIT_CWD: process.cwd() };
    dispose = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const database = await openTestDatabase('postgres');
    await database.close();
    env = { DATABASE_URL: database.url ?? '', INIT_CWD: process.cwd() };
    dispose = () => database.dispose().catch(() => undefined);
  }
  /** With `answer`, a terminal where the user answers every question so; without, nobody can answer (a script). */
  const runAnswering = async (answer: string | null, ...args: string[]): Promise<CliRun> => {
    const out: string[] = [];
    const err: string[] = [];
    const ask = answer === null ? {} : { ask: async (q: string) => (err.push(q), answer) };
    const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l), ...ask }, env);
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  const run = (...args: string[]): Promise<CliRun> => runAnswering(null, ...args);
  /** Opens the CLI's database between runs (PGlite allows one opener at a time), to check what a command wrote. */
  const withDb = async <T>(fn: (db: Db) => Promise<T>): Promise<T> => {
    const database = await openDatabase(readDbEnv(env));
    try {
      return await fn(database.db);
    } finally {
      await database.close();
    }
  };
  return { run, runAnswering, withDb, dispose };
}
