import { createHash, randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { boards, deviceTokens, openPglite, seedDemo, type BoardSlide, type Database } from '@lagesbild/db';
import { DEFAULT_STATIC_DIR, startServer, type RunningServer } from '@lagesbild/server';
import { importCsvInto } from './import-csv.js';

export const ORG = 'katrineholm';

/**
 * The real server for wall-screen tests, on an in-memory PGlite with the demo
 * data, serving a copy of the built dashboard (so a test can "deploy" a new
 * build by changing index.html). It can be stopped and started again on the
 * same port and database, as a restart.
 */
export async function startWallApp() {
  const staticDir = mkdtempSync(join(tmpdir(), 'lagesbild-wall-dist-'));
  cpSync(DEFAULT_STATIC_DIR, staticDir, { recursive: true });
  const database: Database = await openPglite(undefined);
  await database.migrate();
  await seedDemo(database.db);
  let server: RunningServer | null = await startServer({ database, orgId: ORG, port: 0, staticDir });
  const url = server.url;
  const port = Number(new URL(url).port);

  const addBoard = async (name: string, slides: BoardSlide[]): Promise<string> => {
    const [b] = await database.db.insert(boards).values({ orgId: ORG, name, slides, createdBy: 'e2e' }).returning({ id: boards.id });
    if (!b) throw new Error('no board');
    const token = randomBytes(32).toString('base64url');
    await database.db
      .insert(deviceTokens)
      .values({ orgId: ORG, boardId: b.id, name: `${name} (e2e)`, createdBy: 'e2e', tokenHash: createHash('sha256').update(token).digest('hex') });
    return token;
  };

  const importCsv = (fileName: string, csv: string) => importCsvInto(database.db, ORG, fileName, csv);

  return {
    url,
    addBoard,
    importCsv,
    stop: async () => {
      await server?.close();
      server = null;
    },
    start: async () => {
      server = await startServer({ database, orgId: ORG, port, staticDir });
    },
    /** Another build: index.html changes, so /health names another build id. */
    deployNewBuild: () => {
      const index = join(staticDir, 'index.html');
      writeFileSync(index, `${readFileSync(index, 'utf8')}<!-- build ${Date.now()} -->\n`);
    },
    close: async () => {
      await server?.close();
      await database.close();
    },
  };
}
