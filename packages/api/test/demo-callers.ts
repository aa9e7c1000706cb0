import { seedDemo } from '@lagesbild/db';
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
  return {
    db,
    manager: (units: string[]) => as('enhetschef', ['enhetschef'], units),
    admin: () => as('admin', ['admin'], null),
  };
}
