import { determinedUnknowns, monthRange } from '@lagesbild/domain';
import { describe, expect, it } from 'vitest';
import { demoCallers } from './demo-callers.js';

/**
 * The engine issue's acceptance case, on the demo data: in January 2018 the
 * unit Barn och unga (BU) had 3 girls and 18 boys in HVB under SoL (report 003,
 * line 2465). A unit manager of BU asks every view the API has of that KPI for
 * 2018 — months, tertials and the year, by gender and in total, the overview
 * card and single values — and then tries, as an attacker would, to solve the
 * 3 from everything shown. She must see "färre än 5 personer" and fail to solve it.
 */
const KPI = 'placerade-hvb-sol';
const MONTHS = monthRange('2018-01', '2018-12');
const TERTIALS = [MONTHS.slice(0, 4), MONTHS.slice(4, 8), MONTHS.slice(8, 12)];

describe('a unit manager and the three girls in HVB (demo data, PGlite)', () => {
  const demo = demoCallers();
  const manager = () => demo.manager(['BU']);
  const admin = () => demo.admin();

  it('stores exactly 3 girls (an admin sees the exact figure), and the unit manager sees "färre än 5 personer"', async () => {
    const exact = await admin().series.get({ kpi: KPI, unit: 'BU', start: '2018-01', end: '2018-01', grain: 'month', split: 'gender' });
    expect(exact.series.map((s) => [s.key, s.points[0]?.value])).toEqual([
      ['K', 3],
      ['M', 18],
    ]);
    const shown = await manager().series.get({ kpi: KPI, unit: 'BU', start: '2018-01', end: '2018-12', grain: 'month', split: 'gender' });
    const girls = shown.series.find((s) => s.key === 'K');
    expect(girls?.points[0]).toMatchObject({ period: '2018-01', value: null, display: 'färre än 5 personer', hidden: { mark: 'primary', noun: 'persons' } });
  });

  it('gives no combination of shown cells that yields the 3', async () => {
    const api = manager();
    // Every shown figure becomes a known sum of monthly cells (a mean over n months is Σ/n).
    const known: { id: string; months: string[]; gender: 'K' | 'M' | 'T' }[] = [];
    const hiddenOwn: string[] = [];
    const take = (id: string, months: string[], gender: 'K' | 'M' | 'T', value: number | null) => {
      if (value === null) hiddenOwn.push(id);
      else known.push({ id, months, gender });
    };
    for (const grain of ['month', 'tertial', 'year'] as const) {
      const groups = grain === 'month' ? MONTHS.map((m) => [m]) : grain === 'tertial' ? TERTIALS : [MONTHS];
      for (const split of ['gender', 'none'] as const) {
        const r = await api.series.get({ kpi: KPI, unit: 'BU', start: '2018-01', end: '2018-12', grain, split });
        for (const s of r.series) {
          s.points.forEach((p, i) => take(`${grain}:${split}:${s.key}:${p.period}`, groups[i] ?? [], s.key as 'K' | 'M' | 'T', p.value));
        }
      }
    }
    for (const period of ['2018-01', '2018-02', '2018-T1', '2018-01:2018-02', '2018-02:2018-04', '2018']) {
      const card = (await api.overview.get({ unit: 'BU', period })).cards.find((c) => c.kpi === KPI);
      expect(card).toBeDefined();
      const months =
        period === '2018' ? MONTHS : period === '2018-T1' ? (TERTIALS[0] ?? []) : period.includes(':') ? monthRange(...(period.split(':') as [string, string])) : [period];
      take(`card:${period}`, months, 'T', card?.value ?? null);
    }
    // Unknowns: the monthly cells per gender; T of a month is K + M.
    const cell = (m: string, g: 'K' | 'M') => `${g}:${m}`;
    const cells = MONTHS.flatMap((m) => [cell(m, 'K'), cell(m, 'M')]);
    const relations = known.map((k) => [k.id, ...k.months.flatMap((m) => (k.gender === 'T' ? [cell(m, 'K'), cell(m, 'M')] : [cell(m, k.gender)]))]);
    // A shown figure is a constant: only the monthly cells are unknown to the attacker.
    const solved = determinedUnknowns(relations, cells);
    expect(hiddenOwn).toContain('month:gender:K:2018-01');
    expect(solved).not.toContain(cell('2018-01', 'K'));
    // The attacker is not toothless: the shown February cells are solved, and had the boys of
    // January been shown beside the total, the girls would follow.
    expect(solved).toContain(cell('2018-02', 'K'));
    expect(determinedUnknowns([...relations, ['boys-jan', cell('2018-01', 'M')]], cells)).toContain(cell('2018-01', 'K'));
  });

  it('refuses the same KPI for a unit outside her own', async () => {
    await expect(manager().series.get({ kpi: KPI, unit: 'BF', start: '2018-01', end: '2018-12', grain: 'month', split: 'gender' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
