import { boards, deviceTokens, seedDemo, type BoardSlide } from '@lagesbild/db';
import { openTestDatabase, type TestDatabase } from '@lagesbild/db/testing';
import { afterAll, beforeAll } from 'vitest';
import { callerContext, type Role } from '../src/context.js';
import { appRouter } from '../src/root.js';

/**
 * The demo organisation (Katrineholm 2018–2022) on a PGlite of the test
 * file's own, and callers for it: a unit manager of some units, or a role
 * over the whole förvaltning.
 */
export function demoCallers() {
  let database: TestDatabase | null = null;
  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    await database.migrate();
    await seedDemo(database.db);
  });
  afterAll(async () => {
    await database?.dispose();
  });
  const db = () => {
    if (!database) throw new Error('the demo database is opened in beforeAll');
    return database.db;
  };
  const as = (id: string, roles: Role[], units: string[] | null) =>
    appRouter.createCaller(callerContext(db(), 'katrineholm', { user: { id, userId: null, name: id, roles }, scope: units ? { kind: 'units', units } : { kind: 'all' } }));
  /** A wall screen showing a board of these slides: the caller its device token makes, scoped to the slides' units. */
  const screen = async (name: string, slides: BoardSlide[]) => {
    const [board] = await db().insert(boards).values({ orgId: 'katrineholm', name, slides, createdBy: 'test' }).returning();
    if (!board) throw new Error('no board');
    const [device] = await db()
      .insert(deviceTokens)
      .values({ orgId: 'katrineholm', boardId: board.id, name: `Skärm ${name}`, tokenHash: `${name}-${board.id}`.padEnd(64, '0'), createdBy: 'test' })
      .returning();
    if (!device) throw new Error('no device');
    const caller = appRouter.createCaller(
      callerContext(db(), 'katrineholm', {
        user: { id: `device:${device.id}`, userId: null, name: 'Skärm', roles: [] },
        scope: { kind: 'units', units: [...new Set(slides.map((s) => s.unit))] },
        device: { id: device.id, boardId: board.id },
      }),
    );
    return { caller, boardId: board.id };
  };
  return {
    db,
    screen,
    manager: (units: string[]) => as('enhetschef', ['enhetschef'], units),
    admin: () => as('admin', ['admin'], null),
    chef: () => as('chef', ['forvaltningschef'], null),
  };
}
