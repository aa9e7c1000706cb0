import { importBatches, refreshRollups, unitLinks, units, type Db } from '@lagesbild/db';
import { TEST_DB_KINDS } from '@lagesbild/db/testing';
import { useTestDatabase } from '@lagesbild/db/testing/vitest';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { loadEngineContext } from '../src/engine/index.js';
import { insertFixture } from './fixture.js';

const unitId = async (db: Db, code: string) => {
  const [u] = await db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.orgId, 'test-org'), eq(units.code, code)));
  if (!u) throw new Error(code);
  return u.id;
};

/** The unit tree is kept between requests only while the roll-ups are the same build, and never when they are stale. */
describe.each(TEST_DB_KINDS)('engine context on %s', (kind) => {
  const database = useTestDatabase(kind, async (opened) => {
    await insertFixture(opened.db);
    await refreshRollups(opened.db, 'test-org');
  });

  it('sees a reorganisation as soon as the roll-ups are rebuilt for it', async () => {
    const db = database.db;
    const before = await loadEngineContext(db, 'test-org');
    expect(before.rollups).toBe(true);
    expect(before.tree.parentAt('C', '2022-01')).toBe('A1');
    // C moves to A2 from 2022-01, with the full rebuild such a change needs.
    await db
      .update(unitLinks)
      .set({ validTo: '2022-01' })
      .where(eq(unitLinks.unitId, await unitId(db, 'C')));
    await db.insert(unitLinks).values({ unitId: await unitId(db, 'C'), parentId: await unitId(db, 'A2'), validFrom: '2022-01' });
    await refreshRollups(db, 'test-org');
    const after = await loadEngineContext(db, 'test-org');
    expect(after.tree.parentAt('C', '2022-01')).toBe('A2');
    expect(after.tree.parentAt('C', '2021-12')).toBe('A1');
    // Same build again: the same tree object, not a new read.
    expect((await loadEngineContext(db, 'test-org')).tree).toBe(after.tree);
  });

  it('reads the tree afresh while the roll-ups are stale', async () => {
    const db = database.db;
    // A batch committed without a refresh: the roll-ups no longer match.
    await db
      .insert(importBatches)
      .values({ orgId: 'test-org', fileName: 'utan-summering.csv', sha256: 'x', format: 'long-csv', status: 'committed', origin: 'reported', rowCount: 0, createdBy: 'test' });
    const a = await loadEngineContext(db, 'test-org');
    const b = await loadEngineContext(db, 'test-org');
    expect(a.rollups).toBe(false);
    expect(b.tree).not.toBe(a.tree);
  });
});
