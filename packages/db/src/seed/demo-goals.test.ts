import { ASSESSMENT_META } from '@lagesbild/domain';
import { describe, expect, it } from 'vitest';
import { currentGoalAssessments } from '../queries/goal-assessments.js';
import { listGoalIndicatorsWithValues, listGoalRows } from '../queries/goals.js';
import { koladaRiketUpTo } from '../queries/kolada.js';
import { TEST_DB_KINDS } from '../testing/index.js';
import { useTestDatabase } from '../testing/vitest.js';
import { DEMO_ORG } from './demo-dataset.js';
import { DEMO_GOAL_PERIOD } from './demo-goals.js';
import { referenceRows } from './reference-csv.js';
import { seedDemo } from './seed-demo.js';

/** The symbol a stored value prints as; the reports leave "ej bedömd" blank. */
const printed = (a: keyof typeof ASSESSMENT_META | undefined) => (a === undefined || a === 'ej-bedomd' ? '' : ASSESSMENT_META[a].symbol);

describe.each(TEST_DB_KINDS)('the demo’s goals on %s', (kind) => {
  const database = useTestDatabase(kind, async ({ db }) => {
    await seedDemo(db);
    // Seeding again replaces the goals rather than adding to them.
    await seedDemo(db);
  });

  it('has the målbedömning of Delårsrapport 2020: every goal’s status and prognos symbol and comment as the CSV prints them', async () => {
    const { db } = database;
    const goals = await listGoalRows(db, DEMO_ORG.id);
    const resultatmal = goals.filter((g) => g.kind === 'resultatmal');
    const current = await currentGoalAssessments(
      db,
      DEMO_ORG.id,
      resultatmal.map((g) => g.id),
      DEMO_GOAL_PERIOD,
    );
    const byGoal = new Map(current.map((a) => [a.goalId, a]));
    const table = resultatmal.map((g) => {
      const area = goals.find((p) => p.id === g.parentId)?.title;
      const a = byGoal.get(g.id);
      return [area, g.title, g.committees.join(', '), printed(a?.status), printed(a?.prognos), a?.comment];
    });
    const expected = referenceRows('goal_assessments').map((r) => [r.area, r.goal_sv, r.committees, r.status_symbol, r.forecast_symbol, r.comment]);
    expect(table).toEqual(expected);
    expect(table).toHaveLength(25);
    expect(new Set(goals.filter((g) => g.kind === 'area').map((g) => g.title)).size).toBe(7);
    expect(current.every((a) => a.origin === 'reported' && a.source?.startsWith('004_3da22e8ba1cc22ba.txt:'))).toBe(true);
  });

  it('has the indicator annex: every indicator under its goal with the printed outcome', async () => {
    const { db } = database;
    const goals = await listGoalRows(db, DEMO_ORG.id);
    // Every indicator of the annex is a manual one, so each has its printed values.
    const { indicators, values } = await listGoalIndicatorsWithValues(db, DEMO_ORG.id, goals, DEMO_GOAL_PERIOD);
    const stored = indicators.map((i) => {
      const v = values.find((x) => x.indicatorId === i.id);
      return [goals.find((g) => g.id === i.goalId)?.title, i.name, v?.total ?? null, v?.riket ?? null];
    });
    const num = (s: string | undefined) => (s ? Number(s) : null);
    expect(stored).toEqual(referenceRows('indicators_2020').map((r) => [r.goal_sv, r.indicator_sv, num(r.total), num(r.riket)]));
  });

  it('links each annex indicator that prints Riket to the demo’s Kolada figure, which equals the printed one', async () => {
    const { db } = database;
    const { indicators, values } = await listGoalIndicatorsWithValues(db, DEMO_ORG.id, await listGoalRows(db, DEMO_ORG.id), DEMO_GOAL_PERIOD);
    const linked = indicators.filter((i) => i.koladaKpi !== null);
    const riket = await koladaRiketUpTo(
      db,
      linked.flatMap((i) => i.koladaKpi ?? []),
      2020,
    );
    expect(linked.length).toBe(values.filter((v) => v.riket !== null).length);
    expect(linked.length).toBe(31);
    for (const i of linked) expect([i.name, riket.get(i.koladaKpi ?? '')]).toEqual([i.name, { value: values.find((v) => v.indicatorId === i.id)?.riket, year: 2020 }]);
  });
});
