import { auditLog, events } from '@lagesbild/db';
import { TEST_DB_KINDS } from '@lagesbild/db/testing';
import { desc } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { GOAL_IDS, useGoalWorld } from './goal-fixture.js';

const D = '2021-D';

describe.each(TEST_DB_KINDS)('åtgärder, uppdrag and risks, on %s', (kind) => {
  const { database, chef, manager, analyst } = useGoalWorld(kind);
  const db = () => database.db;

  it('links an åtgärd to a KPI, finds it from the KPI, changes its status, with audit entries and live events', async () => {
    const before = (await db().select().from(events)).length;
    const added = await chef().atgard.add({
      unit: 'SOC',
      period: D,
      kpi: 'hh',
      avvikelse: 'Fler hushåll än målet',
      title: 'Tidiga samtal',
      owner: 'Avdelningschef',
      dueDate: '2021-12-31',
      expectedEffect: 'Färre nya hushåll',
    });
    expect(added).toMatchObject({ unit: 'SOC', kpi: 'hh', goalId: null, status: 'planerad', createdBy: 'chefen' });
    expect((await chef().atgard.list({ unit: 'SOC', period: D, kpi: 'hh' })).map((a) => a.title)).toEqual(['Tidiga samtal']);
    expect(await chef().atgard.list({ unit: 'SOC', period: D, kpi: 'kr' })).toEqual([]);
    expect(await chef().atgard.setStatus({ unit: 'SOC', period: D, id: added.id, status: 'pagar' })).toMatchObject({ status: 'pagar' });
    const audits = await db().select().from(auditLog).orderBy(desc(auditLog.id)).limit(2);
    expect(audits.map((a) => [a.action, a.target])).toEqual([
      ['atgard.status_changed', `atgard:${added.id}`],
      ['atgard.added', `atgard:${added.id}`],
    ]);
    const after = await db().select().from(events).orderBy(desc(events.id));
    expect(after.length).toBe(before + 2);
    expect(after[0]).toMatchObject({ kind: 'follow_up.changed', payload: { units: ['SOC'], note: 'atgard' } });
  });

  it('refuses an åtgärd without a goal or KPI, or with a date that is none', async () => {
    await expect(chef().atgard.add({ unit: 'SOC', period: D, title: 'Något', owner: 'Någon' })).rejects.toThrow('En åtgärd hör till ett mål eller ett nyckeltal');
    await expect(chef().atgard.add({ unit: 'SOC', period: D, kpi: 'hh', title: 'Något', owner: 'Någon', dueDate: '31/12' })).rejects.toThrow('ska skrivas ÅÅÅÅ-MM-DD');
    await expect(chef().atgard.add({ unit: 'SOC', period: D, kpi: 'finns-inte', title: 'Något', owner: 'Någon' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('lets an enhetschef plan and read for her units only', async () => {
    const hers = await manager().atgard.add({ unit: 'B', period: D, goalId: GOAL_IDS.B, title: 'Hembesök', owner: 'Eva' });
    await chef().atgard.add({ unit: 'C', period: D, goalId: GOAL_IDS.C, title: 'C:s åtgärd', owner: 'Chef C' });
    await expect(manager().atgard.add({ unit: 'C', period: D, goalId: GOAL_IDS.C, title: 'X', owner: 'Eva' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // Her own unit, but another unit's goal: refused like a goal that does not exist.
    await expect(manager().atgard.add({ unit: 'B', period: D, goalId: GOAL_IDS.C, title: 'X', owner: 'Eva' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await manager().atgard.list({ unit: 'B', period: D })).map((a) => a.title)).toEqual(['Hembesök']);
    await expect(manager().atgard.list({ unit: 'SOC', period: D })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await chef().atgard.list({ unit: 'SOC', period: D })).map((a) => a.title)).toEqual(expect.arrayContaining(['Hembesök', 'C:s åtgärd']));
    const theirs = (await chef().atgard.list({ unit: 'C', period: D }))[0];
    await expect(manager().atgard.setStatus({ unit: 'B', period: D, id: theirs?.id ?? 0, status: 'klar' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await manager().atgard.setStatus({ unit: 'B', period: D, id: hers.id, status: 'klar' })).toMatchObject({ status: 'klar' });
    await expect(analyst().atgard.add({ unit: 'B', period: D, kpi: 'hh', title: 'X', owner: 'Ana' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('keeps uppdrag with dated comments and a status', async () => {
    const { id } = await chef().uppdrag.add({ unit: 'SOC', period: D, title: 'Ta fram en plan för hemmaplanslösningar', goalId: GOAL_IDS.soc });
    await chef().uppdrag.comment({ unit: 'SOC', period: D, id, date: '2021-04-30', body: 'Arbetet har startat.', status: 'pagar' });
    await chef().uppdrag.comment({ unit: 'SOC', period: D, id, date: '2021-08-31', body: 'Klart enligt plan.', status: 'klart' });
    const [u] = await chef().uppdrag.list({ unit: 'SOC', period: D });
    expect(u).toMatchObject({ title: 'Ta fram en plan för hemmaplanslösningar', status: 'klart', goalId: GOAL_IDS.soc });
    expect(u?.comments).toEqual([
      { date: '2021-08-31', body: 'Klart enligt plan.', author: 'chefen' },
      { date: '2021-04-30', body: 'Arbetet har startat.', author: 'chefen' },
    ]);
    expect(await manager().uppdrag.list({ unit: 'B', period: D })).toEqual([]);
    await expect(manager().uppdrag.comment({ unit: 'B', period: D, id, date: '2021-08-31', body: 'Mitt?' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('keeps risks per follow-up period as the reports’ table', async () => {
    await chef().risk.add({ unit: 'SOC', period: D, risk: 'Fler hushåll', orsak: 'Arbetsmarknaden', konsekvenser: 'Högre kostnader', hantering: 'Tidiga samtal' });
    expect((await chef().risk.list({ unit: 'SOC', period: D })).map((r) => [r.risk, r.orsak, r.konsekvenser, r.hantering, r.unit])).toEqual([
      ['Fler hushåll', 'Arbetsmarknaden', 'Högre kostnader', 'Tidiga samtal', 'SOC'],
    ]);
    expect(await chef().risk.list({ unit: 'SOC', period: '2021-T1' })).toEqual([]);
    expect(await manager().risk.list({ unit: 'B', period: D })).toEqual([]);
  });
});
