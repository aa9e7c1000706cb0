import { TEST_DB_KINDS } from '@lagesbild/db/testing';
import { useTestDatabase } from '@lagesbild/db/testing/vitest';
import { parsePeriod } from '@lagesbild/domain';
import { describe, expect, it } from 'vitest';
import { computeKpiValues, loadEngineContext } from '../src/engine/index.js';
import { listUnitTree } from '../src/services/index.js';
import { insertFixture } from './fixture.js';

describe.each(TEST_DB_KINDS)('KPI values on %s', (kind) => {
  const database = useTestDatabase(kind, (opened) => insertFixture(opened.db));

  const value = async (kpi: string, unit: string, period: string, gender: 'K' | 'M' | 'T' = 'T') => {
    const ctx = await loadEngineContext(database.db, 'test-org');
    const [v] = await computeKpiValues(database.db, ctx, { kpiIds: [kpi], unit, period: parsePeriod(period), gender });
    if (!v) throw new Error('no value');
    return v;
  };

  it('rolls a unit up under the parent it had in each month', async () => {
    // B belongs to A1 in January–May and to A2 from June: 5 months × 1 000 kr under A1, 7 under A2.
    expect((await value('kr', 'A1', '2021')).value).toBe(12_000 + 5_000);
    expect((await value('kr', 'A2', '2021')).value).toBe(7_000);
    expect((await value('kr', 'SOC', '2021')).value).toBe(24_000);
  });

  it('shows the tree as it was in a month', async () => {
    const ctx = await loadEngineContext(database.db, 'test-org');
    const may = listUnitTree(ctx, '2021-05', { kind: 'all' }).map((u) => `${u.code}<${u.parent ?? ''}`);
    const june = listUnitTree(ctx, '2021-06', { kind: 'all' }).map((u) => `${u.code}<${u.parent ?? ''}`);
    expect(may).toContain('B<A1');
    expect(june).toContain('B<A2');
  });

  it('means a stock over months and sums genders: 20 households a month, K 8, M 12', async () => {
    expect((await value('hh', 'SOC', '2021-T2')).value).toBe(20);
    expect((await value('hh', 'SOC', '2021-T2', 'K')).value).toBe(8);
    expect((await value('hh', 'SOC', '2021-T2', 'M')).value).toBe(12);
  });

  it('computes a ratio KPI from the sums of its parts', async () => {
    const v = await value('kr-per-hh', 'SOC', '2021');
    expect(v.value).toBe(24_000 / (20 * 12));
    expect(v.display).toBe('100 kr');
  });

  it('says ej könsuppdelad for a KPI without gender split', async () => {
    const v = await value('kr', 'SOC', '2021', 'K');
    expect(v.value).toBeNull();
    expect(v.display).toBe('ej könsuppdelad');
  });

  it("judges a tertial against the sum of its months' budgets", async () => {
    // T1 budget 4 × 2 100 = 8 400; actual 8 000 → under budget, green for a lower-is-better KPI.
    const t1 = await value('kr', 'SOC', '2021-T1');
    expect(t1.target).toBe(8_400);
    expect(t1.status).toBe('green');
    // T2 budget 4 × 1 900 = 7 600; actual 8 000 is 5.3 % over with 5 % tolerance → red.
    const t2 = await value('kr', 'SOC', '2021-T2');
    expect(t2.target).toBe(7_600);
    expect(t2.status).toBe('red');
    // Households: target 19 ± 1, actual 20 → yellow.
    expect((await value('hh', 'SOC', '2021')).status).toBe('yellow');
    // No target for A1 → not assessed.
    expect((await value('kr', 'A1', '2021')).status).toBe('none');
  });

  it('refuses an unknown unit or KPI in Swedish', async () => {
    await expect(value('kr', 'NOPE', '2021')).rejects.toThrow('Enheten "NOPE" finns inte.');
    await expect(value('nope', 'SOC', '2021')).rejects.toThrow('KPI:n "nope" finns inte.');
  });
});
