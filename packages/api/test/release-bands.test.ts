import { seedDemo, type Db } from '@lagesbild/db';
import { useTestDatabase } from '@lagesbild/db/testing/vitest';
import { describe, expect, it } from 'vitest';
import { callerContext } from '../src/context.js';
import { appRouter } from '../src/root.js';
import { adminOf } from './attacker/audiences.js';

const ORG = 'katrineholm';
const KPI = 'hushall-utbetalt';

/**
 * Age bands in the protected release (docs/privacy.md): a suppressed audience
 * reads a KPI's "varav 18–24" from the release, as it reads gender, in the
 * series (one band, or split by band) and the drill-down; every shown figure
 * is the exact one rounded, and a band hidden for its own few is hidden.
 */
describe('age bands for a suppressed audience (demo, PGlite)', () => {
  let db: Db;
  useTestDatabase('pglite', async (opened) => {
    db = opened.db;
    await seedDemo(db);
  });
  const chief = () => appRouter.createCaller(callerContext(db, ORG, { user: { id: 'fc', userId: null, name: 'fc', roles: ['forvaltningschef'] }, scope: { kind: 'all' } }));

  it('reads the varav 18–24 of households from the release in the drill-down, each shown figure the exact one rounded', async () => {
    const q = { kpi: KPI, unit: 'SOC', period: '2022-T1', gender: 'T' as const, ageBand: '18-24' };
    const [released, exact, total] = await Promise.all([chief().drilldown.get(q), adminOf(db, ORG).drilldown.get(q), chief().drilldown.get({ ...q, ageBand: undefined })]);
    const rows = (d: typeof released) => [d.parent, ...d.children];
    const shown = rows(released).filter((r) => r.value !== null);
    expect(shown.length).toBeGreaterThan(0);
    for (const r of shown) {
      const e = rows(exact).find((x) => x.unit === r.unit);
      expect(Math.abs((r.value ?? Number.NaN) - (e?.value ?? Number.NaN)), r.unit).toBeLessThanOrEqual(0.5);
      // A varav never exceeds its total.
      const t = rows(total).find((x) => x.unit === r.unit);
      if (t?.value != null) expect(r.value ?? 0).toBeLessThanOrEqual(t.value + 0.5);
    }
    // Every band row is released (shown or hidden with its reason), none refused.
    for (const r of rows(released)) if (r.value === null && r.hidden) expect(['primary', 'secondary']).toContain(r.hidden.mark);
  });

  it('splits a series by age band and asks a band by gender, as the release holds them', async () => {
    const base = { kpi: KPI, unit: 'SOC', start: '2022-01', end: '2022-04', grain: 'month' as const };
    const split = await chief().series.get({ ...base, split: 'ageBand' });
    expect(split.series.map((s) => s.key)).toEqual(['T', '18-24']);
    const exact = await adminOf(db, ORG).series.get({ ...base, split: 'ageBand' });
    split.series.forEach((line, i) =>
      line.points.forEach((p, j) => {
        const e = exact.series[i]?.points[j];
        if (p.value !== null) expect(Math.abs(p.value - (e?.value ?? Number.NaN))).toBeLessThanOrEqual(0.5);
        else expect(p.hidden).not.toBeNull();
      }),
    );
    // Printed: 67, 60, 68, 62 households 18–24 paid in January–April 2022 (001 l.704-706); 34, 31, 36, 33 of them women.
    expect(split.series[1]?.points.map((p) => p.value)).toEqual([67, 60, 68, 62]);
    const women = await chief().series.get({ ...base, split: 'gender', ageBand: '18-24' });
    expect(women.series[0]?.points.map((p) => p.value)).toEqual([34, 31, 36, 33]);
  });
});
