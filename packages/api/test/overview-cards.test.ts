import { findUnitId, importBatches, observations } from '@lagesbild/db';
import { insertKpis, TEST_DB_KINDS, testKpi } from '@lagesbild/db/testing';
import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../src/context.js';
import { useFixture } from './fixture.js';

const user = (id: string, roles: SessionUser['roles']): SessionUser => ({ id, userId: null, name: `${id} Testsson`, roles });

/**
 * What a card needs beyond value and status: the target's kind, the decimals
 * to write figures with, the forecast's status, the latest comment's first
 * line; and which cards there are: only KPIs the unit has data or a target
 * for, a yearly survey at its latest measurement.
 */
describe.each(TEST_DB_KINDS)('overview cards on %s', (kind) => {
  const { caller } = useFixture(kind, async (db) => {
    // A yearly survey measured on enhet C only, in October 2021: 10 answers summing to 41 (4,1).
    await insertKpis(db, [
      testKpi({
        id: 'enkat',
        name: 'Enkät',
        nameEn: 'Survey',
        unit: 'score',
        decimals: 1,
        direction: 'higher',
        timeAggregation: 'last',
        genderSplit: false,
        privacyClass: 'none',
        group: 'personal',
      }),
    ]);
    const [batch] = await db
      .insert(importBatches)
      .values({ orgId: 'test-org', fileName: 'enkat', sha256: 'y', format: 'test', origin: 'synthetic', createdBy: 'test' })
      .returning();
    const c = await findUnitId(db, 'test-org', 'C');
    await db.insert(observations).values({
      orgId: 'test-org',
      unitId: c ?? -1,
      month: '2021-10',
      kpiId: 'enkat',
      gender: 'T',
      numerator: 41,
      denominator: 10,
      origin: 'synthetic',
      batchId: batch?.id ?? null,
    });
  });
  const admin = () => caller(user('admin', ['admin']));
  const chef = () => caller(user('chefen', ['forvaltningschef']));
  const card = async (who: ReturnType<typeof admin>, unit: string, period: string, kpi: string) => (await who.overview.get({ unit, period })).cards.find((c) => c.kpi === kpi);

  it('says whether the target is a budget or a mål, with the decimals and the forecast’s status', async () => {
    // Paid: 2 × 1 000 kr a month against a monthly budget of 2 100 (Jan–Apr) → under budget; the year ends on 24 000 = the budget.
    const kr = await card(admin(), 'SOC', '2021-T1', 'kr');
    expect(kr).toMatchObject({ targetKind: 'budget', decimals: 0, measureUnit: 'kr', value: 8000, target: 8400, status: 'green', deviation: 400 });
    expect(kr?.forecastStatus).toBe('green');
    expect(kr?.sparkline).toHaveLength(24);
    // Households: 20 a month against a mål of 19 (tolerance 1) → delvis; a count, so a mål.
    expect(await card(admin(), 'SOC', '2021-T1', 'hh')).toMatchObject({ targetKind: 'target', value: 20, target: 19, status: 'yellow' });
  });

  it('marks a card with the first line of its latest comment, for every signed-in reader, suppressed or not', async () => {
    await admin().comment.add({ kpi: 'kr', unit: 'SOC', period: '2021-T1', body: 'Äldre kommentar' });
    await new Promise((r) => setTimeout(r, 5));
    await admin().comment.add({ kpi: 'kr', unit: 'SOC', period: '2021-T1', body: 'Kostnaden under budget.\nFärre nya ärenden.' });
    await admin().comment.add({ kpi: 'kr', unit: 'SOC', period: '2021-T2', body: 'Annan period' });
    for (const who of [admin(), chef()]) {
      const kr = await card(who, 'SOC', '2021-T1', 'kr');
      expect(kr?.latestComment).toMatchObject({ firstLine: 'Kostnaden under budget.', more: true, author: 'admin Testsson' });
      expect((await card(who, 'SOC', '2021-T1', 'hh'))?.latestComment).toBeNull();
    }
    // Another unit's overview has no marker: the comment is on SOC.
    expect((await card(admin(), 'C', '2021-T1', 'kr'))?.latestComment).toBeNull();
  });

  it('shows only the KPIs a unit has data or a target for, and a yearly survey at its latest measurement', async () => {
    const b = await admin().overview.get({ unit: 'B', period: '2021-12' });
    expect(b.cards.map((c) => c.kpi)).not.toContain('enkat');
    expect(b.cards.map((c) => c.kpi)).toContain('hh');

    const c = await admin().overview.get({ unit: 'C', period: '2021-12' });
    // December has no measurement: the card shows October's, and says so by its period.
    expect(c.cards.find((x) => x.kpi === 'enkat')).toMatchObject({ period: '2021-10', value: 4.1 });
    // A tertial holding the measurement shows it as it is.
    expect(await card(admin(), 'C', '2021-T3', 'enkat')).toMatchObject({ period: '2021-T3', value: 4.1 });
    // Before the first measurement there is nothing to show, and the survey has no card.
    expect(await card(admin(), 'C', '2021-06', 'enkat')).toBeUndefined();
    expect(c.statusCounts.none + c.statusCounts.green + c.statusCounts.yellow + c.statusCounts.red).toBe(c.cards.length);
  });

  it('gives one KPI’s card alone (the KPI view’s summary) exactly as the whole overview has it, for exact and suppressed readers', async () => {
    for (const who of [admin(), chef()]) {
      for (const [unit, period] of [
        ['SOC', '2021-T1'],
        ['C', '2021-12'],
      ] as const) {
        const whole = await who.overview.get({ unit, period });
        expect(whole.cards.length).toBeGreaterThan(1);
        for (const c of whole.cards) {
          const one = await who.overview.get({ unit, period, kpi: c.kpi });
          expect(one.cards).toEqual([c]);
          expect(one.latestMonth).toBe(whole.latestMonth);
        }
      }
    }
    // A KPI the unit has nothing for, or that does not exist, has no card.
    expect((await admin().overview.get({ unit: 'B', period: '2021-12', kpi: 'enkat' })).cards).toEqual([]);
    expect((await admin().overview.get({ unit: 'B', period: '2021-12', kpi: 'finns-inte' })).cards).toEqual([]);
  });
});
