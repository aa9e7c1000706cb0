import { releaseStatus } from '@lagesbild/db';
import { TEST_DB_KINDS } from '@lagesbild/db/testing';
import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../src/context.js';
import { releaseFor } from '../src/engine/index.js';
import { useFixture } from './fixture.js';

const user = (id: string, roles: SessionUser['roles']): SessionUser => ({ id, userId: null, name: id, roles });
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/**
 * The protected release (docs/privacy.md) follows every change that moves
 * data: an import and its rollback rebuild it in their own transaction, so it
 * is fresh before anyone reads it, and a suppressed caller's answers follow.
 */
describe.each(TEST_DB_KINDS)('the protected release on %s', (kind) => {
  const { database, caller } = useFixture(kind);
  const series = () => caller(user('ana', ['analytiker'])).series.get({ kpi: 'hh', unit: 'B', start: '2022-01', end: '2022-01', grain: 'month', split: 'gender' });

  it('is rebuilt by an import and by its rollback, kept per build, and suppressed reads follow it', async () => {
    // The fixture wrote cells without a release: the first suppressed read builds it once.
    const first = await releaseFor(database.db, 'test-org');
    expect(await releaseFor(database.db, 'test-org')).toBe(first);
    const s0 = await releaseStatus(database.db, 'test-org');
    expect(s0?.fresh).toBe(true);

    const csv = 'kpi,unit,period,gender,value\nhh,B,2022-01,K,2\nhh,B,2022-01,M,30\n';
    const done = await caller(user('admin', ['admin'])).import.commit({ fileName: 'januari.csv', contentBase64: b64(csv) });
    expect(done).toMatchObject({ ok: true });
    // Nobody has read since: the import's own transaction built it.
    const s1 = await releaseStatus(database.db, 'test-org');
    expect(s1).toMatchObject({ fresh: true, buildId: (s0?.buildId ?? 0) + 1 });
    const shown = await series();
    expect(shown.series.map((s) => [s.key, s.points[0]?.value, s.points[0]?.display, s.points[0]?.hidden?.mark])).toEqual([
      ['K', null, 'färre än 5 hushåll', 'primary'],
      ['M', null, '..', 'secondary'],
    ]);
    const total = await caller(user('ana', ['analytiker'])).overview.get({ unit: 'B', period: '2022-01' });
    expect(total.cards.find((c) => c.kpi === 'hh')).toMatchObject({ value: 32, suppressed: false, hidden: null });
    // The admin sees the exact figures.
    const exact = await caller(user('admin', ['admin'])).series.get({ kpi: 'hh', unit: 'B', start: '2022-01', end: '2022-01', grain: 'month', split: 'gender' });
    expect(exact.series.map((s) => s.points[0]?.value)).toEqual([2, 30]);

    await caller(user('admin', ['admin'])).import.rollback({ batchId: done.batchId ?? -1, confirmed: true });
    const s2 = await releaseStatus(database.db, 'test-org');
    expect(s2).toMatchObject({ fresh: true, buildId: (s1?.buildId ?? 0) + 1 });
    const after = await series();
    expect(after.series.map((s) => [s.key, s.points[0]?.value, s.points[0]?.hidden])).toEqual([
      ['K', null, null],
      ['M', null, null],
    ]);
    expect(await releaseFor(database.db, 'test-org')).not.toBe(first);
  });

  it('answers a volume over a custom range from its shown months, and refuses nothing it holds', async () => {
    const api = caller(user('ana', ['analytiker']));
    const range = await api.overview.get({ unit: 'SOC', period: '2021-02:2021-05' });
    // kr: four shown months of 2 × 1 000 kr; the ratio kr per household cannot be combined from rounded months.
    expect(range.cards.find((c) => c.kpi === 'kr')).toMatchObject({ value: 8000 });
    expect(range.cards.find((c) => c.kpi === 'kr-per-hh')).toMatchObject({ value: null, hidden: { mark: 'unheld' }, display: 'visas inte för egna intervall' });
  });
});
