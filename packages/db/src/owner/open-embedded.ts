import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { pgliteDatabase, postgresDatabase, POSTGRES_CLIENT_OPTIONS, type Database } from '../client.js';
import { ownerDir, tryLock, type HeldLock, type OwnerInfo } from './lock.js';
import { serveSocket, type SocketServer } from './socket-server.js';

export interface EmbeddedOptions {
  /** This process is the server: it must own the directory and serves it to CLI commands (Database.share). */
  serve?: boolean;
  /** What runs, named in the lock and in others' messages: "serve", "import", … */
  command?: string;
  /** How long to wait for another owner to finish (ms). */
  waitMs?: number;
  /** Tells the user what is happening (Swedish), e.g. on stderr. */
  onNotice?: (message: string) => void;
}

/** The directory cannot be opened: in use by a second server or an owner that did not finish in time, or damaged. */
export class EmbeddedDatabaseError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'EmbeddedDatabaseError';
  }
}

const DEFAULT_WAIT_MS = 120_000;
const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/** Unix socket paths are limited to about 100 bytes; a deep data folder gets a private folder in tmp instead. */
function socketPath(dataDir: string): string {
  const beside = join(ownerDir(dataDir), 'pg.sock');
  if (Buffer.byteLength(beside) <= 100) return beside;
  const dir = join(tmpdir(), `lagesbild-${createHash('sha256').update(dataDir).digest('hex').slice(0, 16)}`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (statSync(dir).uid !== process.getuid?.()) throw new EmbeddedDatabaseError(`${dir} tillhör en annan användare; ange en kortare LAGESBILD_DATA_DIR.`);
  chmodSync(dir, 0o700);
  return join(dir, 'pg.sock');
}

const who = (o: OwnerInfo) => (o.role === 'server' ? `servern (pid ${o.pid})` : `"lagesbild ${o.command}" (pid ${o.pid})`);

async function openOwned(dataDir: string, lock: HeldLock, serve: boolean): Promise<Database> {
  let pg: PGlite;
  try {
    mkdirSync(dataDir, { recursive: true });
    pg = new PGlite(dataDir);
    await pg.waitReady;
  } catch (err) {
    lock.release();
    throw new EmbeddedDatabaseError(`Den inbäddade databasen i ${dataDir} gick inte att öppna (${(err as Error).message}).`, { cause: err });
  }
  const database = pgliteDatabase(pg, dataDir);
  let server: SocketServer | null = null;
  let closing: Promise<void> | null = null;
  return {
    ...database,
    share: serve
      ? async () => {
          server ??= await serveSocket(pg, lock.info.socket ?? socketPath(dataDir));
          return server.path;
        }
      : undefined,
    close: () =>
      (closing ??= (async () => {
        try {
          await server?.close();
          await database.close();
        } finally {
          lock.release();
        }
      })()),
  };
}

/** A client of the owner's socket, or null while nothing answers there (the server is still starting). */
async function viaOwner(dataDir: string, owner: OwnerInfo): Promise<Database | null> {
  if (!owner.socket) return null;
  // One connection, unnamed statements: the same single-session semantics as PGlite in-process.
  const client = postgres({ path: owner.socket, username: 'postgres', database: 'postgres', max: 1, prepare: false, connect_timeout: 3, ...POSTGRES_CLIENT_OPTIONS });
  try {
    await client`select 1`;
  } catch {
    await client.end({ timeout: 1 }).catch(() => {});
    return null;
  }
  return postgresDatabase(client, 'pglite', `${dataDir} via servern (pid ${owner.pid})`);
}

/**
 * Opens the embedded database in dataDir with exactly one process owning the
 * directory. Free: this process takes the lock and opens it. Owned by a
 * running server: this process goes through the server's socket (a second
 * server refuses). Owned by a CLI command: wait for it, within waitMs.
 */
export async function openEmbedded(dataDir: string, opts: EmbeddedOptions = {}): Promise<Database> {
  const notice = opts.onNotice ?? (() => {});
  const waitMs = opts.waitMs ?? DEFAULT_WAIT_MS;
  const deadline = Date.now() + waitMs;
  const socket = opts.serve ? socketPath(dataDir) : null;
  let told: string | null = null;
  for (;;) {
    const attempt = tryLock(dataDir, { role: opts.serve ? 'server' : 'cli', command: opts.command ?? 'okänt', socket });
    if ('held' in attempt) return openOwned(dataDir, attempt.held, opts.serve ?? false);
    if ('owner' in attempt) {
      const owner = attempt.owner;
      if (opts.serve && owner.role === 'server') {
        throw new EmbeddedDatabaseError(
          `En server (pid ${owner.pid}, startad ${owner.since}) kör redan på databasen i ${dataDir}. Två servrar kan inte dela en inbäddad databas: använd den som kör, stoppa den först, eller ge den nya en egen LAGESBILD_DATA_DIR.`,
        );
      }
      if (!opts.serve) {
        const via = await viaOwner(dataDir, owner);
        if (via) {
          notice(`Servern (pid ${owner.pid}) kör på databasen i ${dataDir}; kommandot går via den.`);
          return via;
        }
      }
      if (Date.now() > deadline) {
        throw new EmbeddedDatabaseError(
          `Databasen i ${dataDir} används fortfarande av ${who(owner)} efter ${Math.round(waitMs / 1000)} s. Vänta tills det är klart eller avsluta det, och försök igen. Medan servern (pnpm start) kör går alla kommandon via den.`,
        );
      }
      const waiting =
        owner.role === 'server'
          ? `Servern (pid ${owner.pid}) på databasen i ${dataDir} svarar inte än (den startar eller är upptagen); väntar tills den tar emot kommandon (högst ${Math.round(waitMs / 1000)} s) …`
          : `Databasen i ${dataDir} används av ${who(owner)}; väntar tills det är klart (högst ${Math.round(waitMs / 1000)} s) …`;
      if (told !== waiting) notice(waiting);
      told = waiting;
    }
    await sleep(200);
  }
}
