import { describe, expect, it } from 'vitest';
import { insertGoalWorld, TEST_DB_KINDS } from '../testing/index.js';
import { useTestDatabase } from '../testing/vitest.js';
import { insertAtgard, insertRisk, insertUppdrag, insertUppdragComment, listAtgardRows, listRiskRows, listUppdragRows, setAtgardStatus, setUppdragStatus } from './follow-ups.js';
import { insertGoal } from './goals.js';

describe.each(TEST_DB_KINDS)('uppdrag, åtgärder and risks on %s', (kind) => {
  const ids = { soc: 0, ifo: 0, other: 0, goal: 0 };
  const database = useTestDatabase(kind, async ({ db }) => {
    const { aSoc, aIfo, bSoc } = await insertGoalWorld(db);
    const goal = await insertGoal(db, { orgId: 'a', kind: 'area', title: 'Trygg vård', unitId: aSoc, validFrom: '2020-01', origin: 'demo' });
    Object.assign(ids, { soc: aSoc, ifo: aIfo, other: bSoc, goal: goal.id });
  });

  it('keeps uppdrag with a status and dated comments, newest first, per organisation', async () => {
    const { db } = database;
    const u = await insertUppdrag(db, { orgId: 'a', unitId: ids.soc, goalId: ids.goal, title: 'Ta fram en plan för hemmaplanslösningar', createdBy: 'anna' });
    await insertUppdragComment(db, { orgId: 'a', uppdragId: u.id, date: '2020-04-30', body: 'Arbetet har startat.', author: 'anna' });
    await insertUppdragComment(db, { orgId: 'a', uppdragId: u.id, date: '2020-08-31', body: 'Klart enligt plan.', author: 'anna' });
    expect(await setUppdragStatus(db, 'b', u.id, 'klart')).toBeNull();
    expect(await setUppdragStatus(db, 'a', u.id, 'klart')).toMatchObject({ status: 'klart' });
    const [listed] = await listUppdragRows(db, 'a', [ids.soc]);
    expect(listed).toMatchObject({ title: 'Ta fram en plan för hemmaplanslösningar', status: 'klart' });
    expect(listed?.comments.map((c) => c.date)).toEqual(['2020-08-31', '2020-04-30']);
    expect(await listUppdragRows(db, 'b', [ids.other])).toEqual([]);
  });

  it('links an åtgärd to a goal or a KPI, never to nothing', async () => {
    const { db } = database;
    const base = { orgId: 'a', unitId: ids.ifo, owner: 'Enhetschef IFO', createdBy: 'anna' };
    const onKpi = await insertAtgard(db, {
      ...base,
      kpiId: 'placeringar',
      avvikelse: 'Dygnskostnaden över budget',
      title: 'Multiteam',
      dueDate: '2020-12-31',
      expectedEffect: 'Färre placeringsdygn',
    });
    await insertAtgard(db, { ...base, goalId: ids.goal, title: 'Samverkan med skolan', dueDate: '2020-10-31' });
    await expect(insertAtgard(db, { ...base, title: 'Utan koppling' })).rejects.toThrow();
    expect(await setAtgardStatus(db, 'a', onKpi.id, 'pagar')).toMatchObject({ status: 'pagar' });
    expect((await listAtgardRows(db, 'a', [ids.ifo])).map((a) => a.title)).toEqual(['Samverkan med skolan', 'Multiteam']);
    expect((await listAtgardRows(db, 'a', [ids.ifo], { kpiId: 'placeringar' })).map((a) => [a.title, a.status, a.expectedEffect])).toEqual([
      ['Multiteam', 'pagar', 'Färre placeringsdygn'],
    ]);
    expect(await listAtgardRows(db, 'a', [ids.soc])).toEqual([]);
  });

  it('keeps risks as the reports’ table: risk, orsak, konsekvenser, hantering', async () => {
    const { db } = database;
    await insertRisk(db, {
      orgId: 'a',
      unitId: ids.soc,
      period: '2020-D',
      risk: 'Ökade placeringskostnader',
      orsak: 'Omfattande vårdbehov',
      konsekvenser: 'Underskott',
      hantering: 'Multiteam',
      createdBy: 'anna',
    });
    expect((await listRiskRows(db, 'a', [ids.soc], '2020-D')).map((r) => [r.risk, r.orsak, r.konsekvenser, r.hantering])).toEqual([
      ['Ökade placeringskostnader', 'Omfattande vårdbehov', 'Underskott', 'Multiteam'],
    ]);
    expect(await listRiskRows(db, 'a', [ids.soc], '2020-T1')).toEqual([]);
  });
});
