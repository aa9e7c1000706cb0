import { auditLog, events } from '@lagesbild/db';
import { TEST_DB_KINDS } from '@lagesbild/db/testing';
import { desc } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../src/context.js';
import { useFixture } from './fixture.js';

const user = (id: string, roles: SessionUser['roles']): SessionUser => ({ id, userId: null, name: id, roles });

describe.each(TEST_DB_KINDS)('targets set by people, on %s', (kind) => {
  const { database, caller } = useFixture(kind);
  const chef = () => caller(user('chefen', ['forvaltningschef']));

  it('re-judges the status at once: a lower budget turns kr paid in 2021 from green to red, with an audit entry and one live event', async () => {
    const card = async () => (await chef().overview.get({ unit: 'SOC', period: '2021' })).cards.find((c) => c.kpi === 'kr');
    // The fixture's budget is 24 000 kr for the 24 000 kr paid.
    expect(await card()).toMatchObject({ value: 24_000, status: 'green' });
    const before = (await database.db.select().from(events)).length;

    const set = await chef().target.set({ kpi: 'kr', unit: 'SOC', year: 2021, annual: 20_000, tolerance: 5, toleranceKind: 'percent' });
    expect(set).toMatchObject({ annual: 20_000, monthly: null, origin: 'user' });
    expect(await card()).toMatchObject({ status: 'red' });
    expect(await chef().target.get({ kpi: 'kr', unit: 'SOC', year: 2021 })).toMatchObject({ annual: 20_000, tolerance: 5, toleranceKind: 'percent', origin: 'user' });

    const [audit] = await database.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    expect(audit).toMatchObject({ action: 'target.set', actor: 'chefen', target: 'target:kr:SOC:2021', detail: { annual: 20_000, previous: 24_000 } });
    const after = await database.db.select().from(events).orderBy(desc(events.id));
    expect(after.length).toBe(before + 1);
    expect(after[0]).toMatchObject({ kind: 'target.set', payload: { kpis: ['kr'] } });
    // A target on the förvaltning concerns the screens of every unit below it.
    expect(after[0]?.payload.units).toEqual(expect.arrayContaining(['SOC', 'A1', 'A2', 'B', 'C']));
  });

  it('takes monthly budgets, and a tertial is then judged against the sum of its months', async () => {
    const monthly = [1000, 1000, 1000, 1000, 3000, 3000, 3000, 3000, 2000, 2000, 2000, 2000];
    await chef().target.set({ kpi: 'kr', unit: 'SOC', year: 2021, annual: 24_000, monthly, tolerance: 0, toleranceKind: 'absolute' });
    const t1 = (await chef().overview.get({ unit: 'SOC', period: '2021-T1' })).cards.find((c) => c.kpi === 'kr');
    const t2 = (await chef().overview.get({ unit: 'SOC', period: '2021-T2' })).cards.find((c) => c.kpi === 'kr');
    // 2 000 kr a month is paid: T1 is 8 000 against 4 000 (red), T2 8 000 against 12 000 (green; lower is better).
    expect(t1).toMatchObject({ value: 8000, target: 4000, status: 'red' });
    expect(t2).toMatchObject({ value: 8000, target: 12_000, status: 'green' });
  });

  it('answers a bad target in Swedish and writes nothing', async () => {
    const before = (await database.db.select().from(auditLog)).length;
    await expect(chef().target.set({ kpi: 'kr', unit: 'SOC', year: 2021, annual: 1, monthly: [1, 2, 3], tolerance: 0, toleranceKind: 'absolute' })).rejects.toThrow(
      'Ogiltig uppgift: Månadsmålen ska vara tolv, ett per månad (monthly).',
    );
    await expect(chef().target.set({ kpi: 'kr', unit: 'SOC', year: 2021, annual: 1, tolerance: 150, toleranceKind: 'percent' })).rejects.toThrow('högst 100');
    // Input checks speak Swedish too (zod's Swedish locale).
    await expect(chef().target.set({ kpi: 'kr', unit: 'SOC', year: 3000, annual: 1 })).rejects.toThrow('Ogiltig uppgift: För stor(t): förväntat number att ha <=2100 (year).');
    await expect(chef().target.set({ kpi: 'finns-inte', unit: 'SOC', year: 2021, annual: 1 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await database.db.select().from(auditLog)).length).toBe(before);
  });

  it('is not for a unit manager or an analyst, and a unit manager reads targets of her own units only', async () => {
    const manager = caller(user('eva', ['enhetschef']), { kind: 'units', units: ['B'] });
    await expect(manager.target.set({ kpi: 'hh', unit: 'B', year: 2021, annual: 1 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(caller(user('ana', ['analytiker'])).target.set({ kpi: 'hh', unit: 'B', year: 2021, annual: 1 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await manager.target.get({ kpi: 'hh', unit: 'B', year: 2021 })).toBeNull();
    await expect(manager.target.get({ kpi: 'hh', unit: 'C', year: 2021 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
