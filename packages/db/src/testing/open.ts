import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openPglite, openPostgres, POSTGRES_CLIENT_OPTIONS, type Database } from '../client.js';
import { readTestDatabaseUrl } from '../env.js';

/**
 * Test databases: every database test runs on both embedded PGlite and the
 * real PostgreSQL server. Each call gets a fresh, migrated, empty database.
 * PostgreSQL is never skipped: if it is unreachable the test fails and says why.
 */
export const TEST_POSTGRES_URL = readTestDatabaseUrl();

export type TestDbKind = 'pglite' | 'postgres';
export const TEST_DB_KINDS: readonly TestDbKind[] = ['pglite', 'postgres'];

export interface TestDatabase extends Database {
  /** The connection URL (PostgreSQL only), for code that opens its own connection. */
  url: string | null;
  /** Closes and, for PostgreSQL, drops the throw-away database. */
  dispose(): Promise<void>;
}

export async function openTestDatabase(kind: TestDbKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const database = await openPglite(undefined);
    await database.migrate();
    return { ...database, url: null, dispose: () => database.close() };
  }
  const name = `lagesbild_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(TEST_POSTGRES_URL, { max: 1, ...POSTGRES_CLIENT_OPTIONS, connect_timeout: 5 });
  try {
    await admin.unsafe(`CREATE DATABASE ${name}`);
  } catch (err) {
    await admin.end();
    throw new Error(`PostgreSQL på ${TEST_POSTGRES_URL} svarar inte (${(err as Error).message}). Starta servern eller sätt TEST_DATABASE_URL.`, { cause: err });
  }
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  const database = await openPostgres(url.toString());
  await database.migrate();
  return {
    ...database,
    url: url.toString(),
    dispose: async () => {
      await database.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
