import type { TestDbKind } from '@lagesbild/db/testing';
import { useTestDatabase } from '@lagesbild/db/testing/vitest';
import { expect, it } from 'vitest';
import { dumpAll } from './dump.js';
import { insertFixture } from './fixture.js';
import { insertFixtureMappings } from './mappings-fixture.js';

/**
 * The importer's world with its mappings, for the files that must be refused:
 * the database as it was before them, and the test that they left it so.
 */
export function useWorldForBadInput(kind: TestDbKind) {
  let before: Record<string, string> = {};
  const database = useTestDatabase(kind, async (opened) => {
    await insertFixture(opened.db);
    await insertFixtureMappings(opened.db);
    before = await dumpAll(opened.db);
  });
  /** Declares the test that nothing was written; place it after the refused files' tests. */
  const itWroteNothing = () =>
    it('none of them wrote anything', async () => {
      expect(await dumpAll(database.db)).toEqual(before);
    });
  return { database, itWroteNothing };
}
