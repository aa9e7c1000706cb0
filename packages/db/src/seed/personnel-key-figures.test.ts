import { describe, expect, it } from 'vitest';
import { PERSONNEL_MONTHS } from './fit.js';
import { buildDemoDataset } from './demo-dataset.js';
import { figureOver, printedFigures, windowOf, type PrintedFigure } from './personnel-windows.js';

const data = buildDemoDataset();
const FIRST = PERSONNEL_MONTHS[0] ?? '2017-12';
const valueOf = (f: PrintedFigure) => {
  const kpi = data.kpis.find((k) => k.id === f.kpi);
  if (!kpi) throw new Error(`no KPI ${f.kpi}`);
  return figureOver(kpi, data.observations, f.start, f.end, f.gender, f.ageBand);
};
const label = (f: PrintedFigure) => `${f.measure} ${f.column} ${f.gender}${f.ageBand ? ` ${f.ageBand}` : ''} ${f.start}–${f.end} (${f.source.slice(0, 3)} l.${f.line})`;
/** Rounded as the report prints it: half a unit of its last decimal. */
const printsAs = (v: number | null, printed: number, decimals: number) => expect(Math.abs((v ?? Number.NaN) - printed)).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-9);

/**
 * Printed figures that cannot hold together with the others the same table
 * prints; the demo keeps the others and shows what this one comes to.
 */
const CONFLICTS: Record<string, { demo: number; why: string }> = {
  '1025:Delår 2018:T': {
    demo: 33.9,
    why:
      'Långtidssjukfrånvaro is a share of the sick hours: K 23,9 % and M 66,7 % (l.1025) over the women’s and men’s sick hours ' +
      '(sjukfrånvaro K 6,1 %, M 5,8 %, l.1014, of årsarbetare K 108,2, M 34,6, l.980) give T 33,8–34,0 %. ' +
      'T 33,1 % would need the women to have 78,5 % of the sick hours; those figures give them at most 77 %.',
  },
  '330:Delår 2019:M': {
    demo: 7.1,
    why:
      'Visstid and tillsvidare are the two kinds of månadsanställda: the men print 92,9 % tillsvidare (l.329) and 20,9 % visstid, 113,8 % together. ' +
      'The demo has the men’s visstid as the rest, 7,1 % (2 of 28), which also makes the printed T 4,3 % hold (K 3,6 % of 111 and M 7,1 % of 28 = 6 of 139); ' +
      'with 20,9 % the men alone would put T at 7,1 %.',
  },
};

describe('windows of the printed columns (personnel_key_figures.csv)', () => {
  it.each<[string, number, string[], string]>([
    ['1/12-30/6', 2020, ['2019-12', '2020-06'], 'sick leave Delår 2020: December 2019 to June 2020 (004 l.352)'],
    ['1/12-28/2', 2022, ['2021-12', '2022-02'], 'sick leave T1 2022 (001 l.578)'],
    ['1/1-31/3', 2022, ['2022-01', '2022-03'], 'årsarbetare T1 2022 (001 l.543)'],
    ['31/8', 2020, ['2020-08', '2020-08'], 'månadsanställda on 31 August 2020 (004 l.328)'],
    ['1/5-30/4', 2022, ['2021-05', '2022-04'], 'frisktal, the twelve months to 30 April 2022 (001 l.576)'],
  ])('%s in %i → %j: %s', (period, year, months) => {
    expect(windowOf(period, year)).toEqual(months);
  });
});

describe('the demo reproduces every printed personnel key figure over its printed months', () => {
  const figures = printedFigures();
  const inRange = figures.filter((f) => f.value !== null && f.start >= FIRST);

  it.each(inRange.map((f) => [label(f), f] as const))('%s', (_l, f) => {
    const conflict = CONFLICTS[`${f.line}:${f.column}:${f.gender}`];
    const v = valueOf(f);
    if (conflict) {
      printsAs(v, conflict.demo, f.decimals);
      expect(Math.abs((v ?? 0) - (f.value ?? 0)), conflict.why).toBeGreaterThan(0.5 * 10 ** -f.decimals);
    } else printsAs(v, f.value ?? Number.NaN, f.decimals);
  });

  it('has no data before its first month, where the comparison columns of Delår 2018 (Delår 2017) lie', () => {
    const before = figures.filter((f) => f.start < FIRST);
    expect(new Set(before.map((f) => f.column))).toEqual(new Set(['Delår 2017']));
    for (const f of before) expect(valueOf(f), label(f)).toBeNull();
  });

  it('leaves out only the cells printed "-" (000 l.1001, Delår 2017)', () => {
    const dashes = figures.filter((f) => f.value === null);
    expect(dashes.map((f) => `${f.line} ${f.column}`)).toEqual(['1001 Delår 2017', '1001 Delår 2017', '1001 Delår 2017']);
    expect(dashes.every((f) => f.note.includes('"-"'))).toBe(true);
  });

  it('covers every table: Delår 2018, T1 2019, Delår 2020 and T1 2022 with their comparison columns', () => {
    expect(inRange.length).toBeGreaterThanOrEqual(220);
    expect(new Set(inRange.map((f) => f.source.slice(0, 3)))).toEqual(new Set(['000', '001', '002', '004']));
    expect(Object.keys(CONFLICTS).every((k) => inRange.some((f) => `${f.line}:${f.column}:${f.gender}` === k))).toBe(true);
  });
});

describe('the personnel series hold together month by month', () => {
  const at = (kpi: string, month: string) => data.observations.filter((o) => o.kpiId === kpi && o.month === month);
  it('every enhet has as many månadsanställda as its tillsvidare and visstid together, whole persons in every month', () => {
    for (const month of ['2018-07', '2020-08', '2022-04']) {
      for (const o of at('andel-tillsvidare', month)) {
        const visstid = at('andel-visstid', month).find((v) => v.unitCode === o.unitCode && v.gender === o.gender);
        expect((visstid?.numerator ?? 0) + o.numerator).toBeCloseTo(o.denominator ?? 0, 6);
      }
      for (const o of at('manadsanstallda', month)) expect(Number.isInteger(o.numerator)).toBe(true);
    }
  });
  it('counts leavers and rehab cases in whole persons, and no share above 100 %', () => {
    for (const o of data.observations.filter((x) => ['slutat-egen-begaran', 'pension', 'rehabarenden', 'rehabbevakning'].includes(x.kpiId))) {
      expect(Number.isInteger(o.numerator)).toBe(true);
    }
    const over = data.observations.filter((o) => o.kpiId.startsWith('andel-') && o.denominator !== null && o.numerator > o.denominator + 1e-6);
    expect(over).toEqual([]);
  });
});
