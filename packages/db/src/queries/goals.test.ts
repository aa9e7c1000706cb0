import { describe, expect, it } from 'vitest';
import { insertGoalWorld, TEST_DB_KINDS } from '../testing/index.js';
import { useTestDatabase } from '../testing/vitest.js';
import { appendGoalAssessment, currentGoalAssessments, goalAssessmentHistory } from './goal-assessments.js';
import { findGoalRow, insertGoal, insertGoalIndicator, insertGoalIndicatorValues, listGoalIndicatorRows, listGoalIndicatorValueRows, listGoalRows } from './goals.js';

// Two organisations with the same unit code; a goal in each, and a sub-goal under a's.
describe.each(TEST_DB_KINDS)('goal and målbedömning queries on %s', (kind) => {
  const ids = { area: 0, goal: 0, sub: 0, other: 0 };
  const database = useTestDatabase(kind, async ({ db }) => {
    const { aSoc, aIfo, bSoc } = await insertGoalWorld(db);
    const base = { validFrom: '2020-01', origin: 'demo' as const };
    const area = await insertGoal(db, { ...base, orgId: 'a', kind: 'area', title: 'Trygg vård & omsorg', unitId: aSoc, sortOrder: 1 });
    const goal = await insertGoal(db, {
      ...base,
      orgId: 'a',
      kind: 'resultatmal',
      parentId: area.id,
      title: 'Kostnaderna för placeringar ska minska',
      committees: ['BIN', 'SOCN'],
      unitId: aSoc,
      sortOrder: 2,
    });
    const sub = await insertGoal(db, { ...base, orgId: 'a', kind: 'delmal', parentId: goal.id, title: 'Fler hemmaplanslösningar', unitId: aIfo, sortOrder: 3 });
    const other = await insertGoal(db, { ...base, orgId: 'b', kind: 'area', title: 'Annan kommun', unitId: bSoc });
    Object.assign(ids, { area: area.id, goal: goal.id, sub: sub.id, other: other.id });
    await insertGoalIndicator(db, { orgId: 'a', goalId: goal.id, kind: 'kpi', kpiId: 'placeringar', sortOrder: 1 });
    const manual = await insertGoalIndicator(db, { orgId: 'a', goalId: goal.id, kind: 'manual', name: 'Placerade barn med hälsoundersökning (%)', unit: 'percent', sortOrder: 2 });
    await insertGoalIndicatorValues(db, [
      { orgId: 'a', indicatorId: manual.id, period: '2020-D', total: 80, assessment: 'delvis', origin: 'demo' },
      { orgId: 'a', indicatorId: manual.id, period: '2020', total: 85, origin: 'demo' },
    ]);
  });

  it('lists an organisation’s goals in plan order with their unit, and never another organisation’s', async () => {
    const { db } = database;
    expect((await listGoalRows(db, 'a')).map((g) => [g.title, g.unit])).toEqual([
      ['Trygg vård & omsorg', 'SOC'],
      ['Kostnaderna för placeringar ska minska', 'SOC'],
      ['Fler hemmaplanslösningar', 'IFO'],
    ]);
    expect((await listGoalRows(db, 'a', ['IFO'])).map((g) => g.id)).toEqual([ids.sub]);
    expect(await listGoalRows(db, 'a', [])).toEqual([]);
    expect(await findGoalRow(db, 'a', ids.other)).toBeNull();
    expect(await findGoalRow(db, 'a', ids.goal)).toMatchObject({ parentId: ids.area, committees: ['BIN', 'SOCN'], unit: 'SOC' });
  });

  it('keeps indicators in order, a manual one’s value per period', async () => {
    const { db } = database;
    const indicators = await listGoalIndicatorRows(db, 'a', [ids.goal]);
    expect(indicators.map((i) => [i.kind, i.kpiId, i.name])).toEqual([
      ['kpi', 'placeringar', ''],
      ['manual', null, 'Placerade barn med hälsoundersökning (%)'],
    ]);
    expect(await listGoalIndicatorRows(db, 'b', [ids.goal])).toEqual([]);
    const values = await listGoalIndicatorValueRows(
      db,
      'a',
      indicators.map((i) => i.id),
      '2020-D',
    );
    expect(values.map((v) => [v.total, v.assessment])).toEqual([[80, 'delvis']]);
  });

  it('refuses a KPI indicator without its KPI', async () => {
    await expect(insertGoalIndicator(database.db, { orgId: 'a', goalId: ids.goal, kind: 'kpi' })).rejects.toThrow();
  });

  it('appends målbedömningar: the current one is the latest per goal and period, the history keeps every decision', async () => {
    const { db } = database;
    const decision = { orgId: 'a', period: '2020-D', proposedStatus: 'delvis', proposedPrognos: 'delvis', proposal: '1 av 2 indikatorer uppfyllda', origin: 'user' } as const;
    await appendGoalAssessment(db, { ...decision, goalId: ids.goal, status: 'delvis', prognos: 'delvis', decidedBy: 'anna' });
    await appendGoalAssessment(db, {
      ...decision,
      goalId: ids.goal,
      status: 'ej-uppfyllt',
      prognos: 'ej-uppfyllt',
      previousStatus: 'delvis',
      previousPrognos: 'delvis',
      comment: 'Dygnskostnaden ökar.',
      decidedBy: 'bo',
    });
    await appendGoalAssessment(db, { ...decision, goalId: ids.sub, status: 'uppfyllt', prognos: 'uppfyllt', decidedBy: 'anna' });
    await appendGoalAssessment(db, { ...decision, goalId: ids.goal, period: '2020-T1', status: 'uppfyllt', prognos: 'delvis', decidedBy: 'anna' });

    const current = await currentGoalAssessments(db, 'a', [ids.goal, ids.sub, ids.area], '2020-D');
    expect(current.map((c) => [c.goalId, c.status, c.decidedBy])).toEqual([
      [ids.goal, 'ej-uppfyllt', 'bo'],
      [ids.sub, 'uppfyllt', 'anna'],
    ]);
    expect(await currentGoalAssessments(db, 'b', [ids.goal], '2020-D')).toEqual([]);
    const history = await goalAssessmentHistory(db, 'a', ids.goal, '2020-D');
    expect(history.map((h) => [h.previousStatus, h.status, h.comment])).toEqual([
      ['delvis', 'ej-uppfyllt', 'Dygnskostnaden ökar.'],
      [null, 'delvis', ''],
    ]);
    expect(history[0]?.decidedAt).toBeInstanceOf(Date);
    expect(await goalAssessmentHistory(db, 'a', ids.goal)).toHaveLength(3);
  });
});
