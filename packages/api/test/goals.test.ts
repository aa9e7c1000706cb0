import { auditLog, events, goalAssessments } from '@lagesbild/db';
import { TEST_DB_KINDS } from '@lagesbild/db/testing';
import { desc } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { GOAL_IDS, useGoalWorld } from './goal-fixture.js';

describe.each(TEST_DB_KINDS)('goals and their målbedömning, on %s', (kind) => {
  const { database, chef, manager, analyst } = useGoalWorld(kind);
  const db = () => database.db;

  // kr: 24 000 kr paid against 24 000 (green); hh: 20 households against 19 ± 1 (yellow); the manual indicator is assessed uppfyllt.
  it('lists the hierarchy with each goal’s indicators and what they propose, with the rule’s words', async () => {
    const list = await chef().goal.list({ unit: 'SOC', period: '2021-D' });
    expect(list.map((g) => [g.kind, g.title, g.parentId === null ? null : 'area'])).toEqual([
      ['area', 'Egen försörjning', null],
      ['resultatmal', 'Minskade kostnader för försörjningsstöd', 'area'],
      ['resultatmal', 'Enhet B:s mål', 'area'],
      ['resultatmal', 'Enhet C:s mål', 'area'],
    ]);
    const goal = list[1];
    expect(goal?.indicators.map((i) => [i.kind, i.name, i.status])).toEqual([
      ['kpi', 'Utbetalt', 'uppfyllt'],
      ['kpi', 'Hushåll', 'delvis'],
      ['manual', 'Ej återaktualiserade efter ett år (%)', 'uppfyllt'],
    ]);
    expect(goal?.proposal.status).toEqual({ value: 'delvis', explanation: '2 av 3 indikatorer uppfyllda, 1 delvis uppfylld' });
    expect(goal?.assessment).toBeNull();
    expect((await chef().goal.list({ unit: 'SOC', period: '2020-D' })).map((g) => g.title)).toEqual([]);
  });

  it('decides status and prognos, keeps who, when and from what to what, with an audit entry and a live event', async () => {
    const before = (await db().select().from(events)).length;
    const id = GOAL_IDS.soc;
    const proposal = (await chef().goal.get({ id, period: '2021-D' }))?.proposal;
    if (!proposal) throw new Error('no proposal');
    const first = await chef().assessment.decide({ goalId: id, period: '2021-D', status: 'delvis', prognos: proposal.prognos.value });
    expect(first.assessment).toMatchObject({ status: 'delvis', decidedBy: 'chefen', comment: '', origin: 'user' });
    await chef().assessment.decide({ goalId: id, period: '2021-D', status: 'ej-uppfyllt', prognos: 'ej-uppfyllt', comment: 'Hushållen blir fler än målet.' });

    const history = await chef().assessment.history({ goalId: id, period: '2021-D' });
    expect(history.map((h) => [h.previousStatus, h.status, h.prognos, h.comment, h.proposal])).toEqual([
      ['delvis', 'ej-uppfyllt', 'ej-uppfyllt', 'Hushållen blir fler än målet.', '2 av 3 indikatorer uppfyllda, 1 delvis uppfylld'],
      [null, 'delvis', proposal.prognos.value, '', '2 av 3 indikatorer uppfyllda, 1 delvis uppfylld'],
    ]);
    expect(history[0]?.decidedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect((await chef().goal.get({ id, period: '2021-D' }))?.assessment).toMatchObject({ status: 'ej-uppfyllt' });

    const [audit] = await db().select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    expect(audit).toMatchObject({
      action: 'goal.assessed',
      actor: 'chefen',
      target: `goal:${id}:2021-D`,
      detail: { previousStatus: 'delvis', status: 'ej-uppfyllt', proposedStatus: 'delvis' },
    });
    const after = await db().select().from(events).orderBy(desc(events.id));
    expect(after.length).toBe(before + 2);
    expect(after[0]).toMatchObject({ kind: 'goal.assessed', payload: { units: ['SOC'], note: String(id) } });
  });

  it('refuses a departure from the proposal without a comment, a period that is no follow-up, and a goal not in force; writes nothing', async () => {
    const rows = async () => (await db().select().from(goalAssessments)).length;
    const count = await rows();
    await expect(chef().assessment.decide({ goalId: GOAL_IDS.soc, period: '2021-D', status: 'uppfyllt', prognos: 'uppfyllt', comment: '  ' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('Bedömningen avviker från förslaget: status uppfyllt (förslaget är delvis uppfyllt)') as unknown,
    });
    await expect(chef().assessment.decide({ goalId: GOAL_IDS.soc, period: '2021-03', status: 'delvis', prognos: 'delvis' })).rejects.toThrow(
      'Målbedömning görs per tertial, delår eller helår',
    );
    await expect(chef().assessment.decide({ goalId: GOAL_IDS.B, period: '2020-D', status: 'ej-bedomd', prognos: 'ej-bedomd' })).rejects.toThrow('gäller inte under 2020-D');
    await expect(chef().assessment.decide({ goalId: 999_999, period: '2021-D', status: 'ej-bedomd', prognos: 'ej-bedomd' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await rows()).toBe(count);
  });

  it('lets an enhetschef read and assess the goals of her units only, through every procedure', async () => {
    expect((await manager().goal.list({ unit: 'B', period: '2021-D' })).map((g) => g.title)).toEqual(['Enhet B:s mål']);
    await expect(manager().goal.list({ unit: 'SOC', period: '2021-D' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const decided = await manager().assessment.decide({ goalId: GOAL_IDS.B, period: '2021-T1', status: 'ej-bedomd', prognos: 'ej-bedomd' });
    expect(decided.assessment).toMatchObject({ status: 'ej-bedomd', decidedBy: 'eva' });
    expect(await manager().assessment.history({ goalId: GOAL_IDS.B, period: '2021-T1' })).toHaveLength(1);
    for (const goalId of [GOAL_IDS.C, GOAL_IDS.soc, GOAL_IDS.area, 999_999]) {
      const refused = {
        code: 'FORBIDDEN',
        message: `Målet ${goalId} finns inte bland dina enheters mål för perioden. Välj ett mål i din enhets lista, eller be en administratör om behörighet.`,
      };
      await expect(manager().goal.get({ id: goalId, period: '2021-D' })).rejects.toMatchObject(refused);
      await expect(manager().assessment.history({ goalId, period: '2021-D' })).rejects.toMatchObject(refused);
      await expect(manager().assessment.decide({ goalId, period: '2021-D', status: 'ej-bedomd', prognos: 'ej-bedomd' })).rejects.toMatchObject(refused);
    }
  });

  it('names the goals a KPI is followed up with (goal.forKpi), within the caller’s units for the whole period', async () => {
    const hh = await chef().goal.forKpi({ kpi: 'hh', unit: 'SOC', period: '2021-D' });
    expect(hh.map((g) => [g.id, g.title, g.indicators.find((i) => i.kpi === 'hh')?.status])).toEqual([[GOAL_IDS.soc, 'Minskade kostnader för försörjningsstöd', 'delvis']]);
    expect(hh[0]?.proposal.status.value).toBe('delvis');
    expect((await analyst().goal.forKpi({ kpi: 'kr', unit: 'SOC', period: '2021-D' })).map((g) => g.id)).toEqual([GOAL_IDS.soc]);
    // No goal measures it, or none in force in 2020.
    expect(await chef().goal.forKpi({ kpi: 'finns-inte', unit: 'SOC', period: '2021-D' })).toEqual([]);
    expect(await chef().goal.forKpi({ kpi: 'hh', unit: 'SOC', period: '2020-D' })).toEqual([]);
    // The enhetschef of B does not see the förvaltning's goal, and may not ask for the förvaltning.
    expect(await manager().goal.forKpi({ kpi: 'hh', unit: 'B', period: '2021-D' })).toEqual([]);
    await expect(manager().goal.forKpi({ kpi: 'hh', unit: 'SOC', period: '2021-D' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(chef().goal.forKpi({ kpi: 'hh', unit: 'SOC', period: '2021-03' })).rejects.toThrow('Målbedömning görs per tertial, delår eller helår');
  });

  it('is not for an analyst to assess, who still reads every goal', async () => {
    await expect(analyst().assessment.decide({ goalId: GOAL_IDS.B, period: '2021-D', status: 'ej-bedomd', prognos: 'ej-bedomd' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await analyst().goal.list({ unit: 'SOC', period: '2021-D' })).toHaveLength(4);
  });
});
