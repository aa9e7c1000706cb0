import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import type { SQL } from 'drizzle-orm';
import { readDbEnv, type DbEnv } from './env.js';
import { openEmbedded, type EmbeddedOptions } from './owner/open-embedded.js';
import { yieldBetweenQueries } from './pglite-yield.js';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
/** Both drivers give this type, so queries are written once for PGlite and PostgreSQL. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Where it lives, for messages: a folder or a URL without password. */
  location: string;
  migrate(): Promise<void>;
  close(): Promise<void>;
  /**
   * Only on an embedded database this process owns: serve it on the owner's
   * local socket, so CLI commands run beside this process go through it.
   */
  share?: () => Promise<string>;
}

const migrationsFolder = resolve(import.meta.dirname, '../drizzle');

/**
 * PostgreSQL with DATABASE_URL; otherwise the embedded directory, through its
 * one owner process (see owner/open-embedded.ts).
 */
export function openDatabase(env: DbEnv = readDbEnv(), opts: EmbeddedOptions = {}): Promise<Database> {
  return env.databaseUrl ? openPostgres(env.databaseUrl) : openEmbedded(env.dataDir, opts);
}

/**
 * Options every postgres.js client of ours shares. `fetch_types: false`: on each
 * new client postgres.js first asks for the array types, and if that one query's
 * connection is killed (a database restart, pg_terminate_backend) its rejection
 * is never handled — an unhandled rejection in the process. Drizzle parses the
 * array columns itself, so nothing needs the fetched types.
 */
export const POSTGRES_CLIENT_OPTIONS = { onnotice: () => {}, fetch_types: false } as const;

export async function openPostgres(url: string): Promise<Database> {
  return postgresDatabase(postgres(url, { ...POSTGRES_CLIENT_OPTIONS, max: 10 }), 'postgres', url.replace(/:\/\/([^:@/]+):[^@/]*@/, '://$1:***@'));
}

/** A Database on a postgres.js client: a PostgreSQL server, or an embedded database's owner socket. */
export function postgresDatabase(client: postgres.Sql, kind: Database['kind'], location: string): Database {
  const db = drizzlePostgres(client, { schema }) as unknown as Db;
  return {
    db,
    kind,
    location,
    migrate: () => migratePostgres(drizzlePostgres(client), { migrationsFolder }),
    close: () => client.end({ timeout: 5 }),
  };
}

/**
 * dataDir undefined opens an in-memory database (tests). A directory must be
 * opened through openDatabase, which makes this process its one owner.
 */
export async function openPglite(dataDir: string | undefined): Promise<Database> {
  if (dataDir) mkdirSync(dirname(dataDir), { recursive: true });
  const client = dataDir ? new PGlite(dataDir) : new PGlite();
  await client.waitReady;
  return pgliteDatabase(client, dataDir ?? 'memory');
}

export function pgliteDatabase(client: PGlite, location: string): Database {
  yieldBetweenQueries(client);
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    location,
    migrate: () => migratePglite(drizzlePglite(client), { migrationsFolder }),
    close: () => client.close(),
  };
}

/**
 * Raw SQL rows on either driver: postgres-js returns an array, PGlite an
 * object with `rows`. Use drizzle's query builder where it can; this is for
 * the aggregate SQL it cannot express.
 */
export async function queryRows<T extends Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  if (Array.isArray(result)) return result as T[];
  return (result as { rows: T[] }).rows;
}
