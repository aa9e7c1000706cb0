import { aggregateCells, aggregateRatio, monthIndex, validAt, type Gender } from '@lagesbild/domain';
import { describe, expect, it } from 'vitest';
import { buildDemoDataset } from './demo-dataset.js';
import { FTE_MEASURES, printedSplits, SICK_LEAVE_MEASURES } from './personnel-figures.js';
import { referenceRows } from './reference-csv.js';
import type { DemoObservation } from './types.js';
import { VOLUME_MEASURE_KPI } from './volume-measure-kpis.js';

const data = buildDemoDataset();
const kpi = (id: string) => {
  const k = data.kpis.find((x) => x.id === id);
  if (!k) throw new Error(`no KPI ${id}`);
  return k;
};
const cellsOf = (id: string, start: string, end: string) =>
  data.observations.filter((o) => o.kpiId === id && monthIndex(o.month) >= monthIndex(start) && monthIndex(o.month) <= monthIndex(end)).map((o) => ({ ...o, unit: o.unitCode }));
/** The engine's value for the whole förvaltning (every leaf cell). */
const value = (id: string, start: string, end: string, gender: Gender = 'T') => aggregateCells(kpi(id), cellsOf(id, start, end), { gender }).value;
/** Within the printed rounding: half a unit of the last printed decimal. */
const withinRounding = (v: number | null, printed: number, decimals: number, slack = 0) =>
  expect(Math.abs((v ?? Number.NaN) - printed)).toBeLessThanOrEqual(0.5 * 10 ** -decimals + slack + 1e-9);

describe('demo dataset', () => {
  it('is deterministic', () => {
    expect(buildDemoDataset()).toEqual(data);
  });

  it('has every KPI’s description and source in English', () => {
    // The dashboard shows a missing English text in Swedish (lang="sv"); the demo writes them all, so its English pages are English.
    // No Swedish letters outside the place names kept as they are.
    const english = (text: string | null | undefined, end: RegExp) => text != null && /^[A-Z][^åäöÅÄÖ]+$/.test(text.replaceAll('Vårnäs', 'Varnas')) && end.test(text);
    expect(data.kpis.filter((k) => !english(k.descriptionEn, /\.$/)).map((k) => k.id)).toEqual([]);
    expect(data.kpis.filter((k) => k.source === '' || !english(k.sourceEn, /[^.]$/)).map((k) => k.id)).toEqual([]);
  });

  it('puts observations only on leaf units that exist in their month, and nothing negative', () => {
    const byCode = new Map(data.units.map((u) => [u.code, u]));
    const isParentAt = (code: string, m: string) => data.units.some((u) => u.parents.some((p) => p.parentCode === code && validAt(p, m)));
    const bad = data.observations.filter((o: DemoObservation) => {
      const u = byCode.get(o.unitCode);
      return !u || !validAt(u, o.month) || isParentAt(o.unitCode, o.month) || o.numerator < 0 || (o.denominator ?? 0) < 0;
    });
    expect(bad).toEqual([]);
  });

  it('holds every printed monthly figure exactly, marked reported with its source line', () => {
    const check = (kpiId: string, unitCode: string, month: string, gender: Gender, printed: number, source: string, line: number) => {
      const o = data.observations.find((x) => x.kpiId === kpiId && x.unitCode === unitCode && x.month === month && x.gender === gender);
      expect(o, `${kpiId} ${month} ${gender}`).toMatchObject({ numerator: printed, origin: 'reported', sourceFile: source, sourceRow: line });
    };
    let checked = 0;
    for (const r of referenceRows('monthly_economic_assistance')) {
      if (!r.month || !r.value) continue;
      const f = { v: Number(r.value), s: r.source ?? '', l: Number(r.line) };
      if (r.row_label === 'Varav antal med utbet. under månaden / Kvinnor') check('hushall-utbetalt', 'EKBIST', r.month, 'K', f.v, f.s, f.l);
      else if (r.row_label === 'Varav antal med utbet. under månaden / Män') check('hushall-utbetalt', 'EKBIST', r.month, 'M', f.v, f.s, f.l);
      else if (r.row_label === 'Totalt antal hushåll försörjningsstöd') check('hushall-totalt', 'EKBIST', r.month, 'T', f.v, f.s, f.l);
      else if (r.row_label === 'Utbetalt försörjningsstöd under månaden') check('utbetalt-forsorjningsstod', 'EKBIST', r.month, 'T', f.v, f.s, f.l);
      else if (r.row_label === 'Aktualiseringar') check('aktualiseringar', 'EKBIST', r.month, 'T', f.v, f.s, f.l);
      else continue;
      checked++;
    }
    for (const r of referenceRows('monthly_children_adults')) {
      if (r.category === 'Barn HVB /SoL < 21 år' && r.value) {
        check('placerade-hvb-sol', 'BU', r.month ?? '', r.group === 'Flickor' ? 'K' : 'M', Number(r.value), r.source ?? '', Number(r.line));
        checked++;
      }
    }
    for (const r of referenceRows('monthly_costs_tkr')) {
      if (r.series === 'placeringar_kostnad') {
        check('placeringskostnad', 'BU', r.month ?? '', 'T', Number(r.value_tkr), r.source ?? '', Number(r.line));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(40);
    // The acceptance case of the privacy rules: three girls in HVB (SoL) in January 2018.
    expect(value('placerade-hvb-sol', '2018-01', '2018-01', 'K')).toBe(3);
  });

  it('gives kr per household-month from the sums: 8 139 kr in January 2018 (003 line 2308)', () => {
    const v = aggregateRatio(kpi('utbetalt-per-hushall'), cellsOf('utbetalt-forsorjningsstod', '2018-01', '2018-01'), cellsOf('hushall-utbetalt', '2018-01', '2018-01'), {
      gender: 'T',
    }).value;
    withinRounding(v, 8139, 0);
  });
});

describe('the engine reproduces the volume measures the reports print', () => {
  const rows = referenceRows('volume_measures').filter((r) => r.kind === 'utfall' && r.value && VOLUME_MEASURE_KPI[r.measure_sv ?? ''] && (r.period_start ?? '') >= '2018-01');
  it.each(rows.map((r) => [`${r.measure_sv} ${r.period_label} (${r.source} line ${r.line})`, r] as const))('%s', (_label, r) => {
    const id = VOLUME_MEASURE_KPI[r.measure_sv ?? ''] ?? '';
    withinRounding(value(id, r.period_start ?? '', r.period_end ?? ''), Number(r.value), 0);
  });
  it('covers every year of the reports and all 17 rows', () => {
    expect(rows.length).toBeGreaterThanOrEqual(120);
    // One KPI per volymmått row (000 l.245–310), whatever the year calls it.
    expect(new Set(Object.values(VOLUME_MEASURE_KPI)).size).toBe(17);
  });
});

describe('the engine reproduces the printed sick leave and årsarbetare from hours (T, K, M)', () => {
  const sick = printedSplits(SICK_LEAVE_MEASURES);
  it.each(sick.map((p) => [`sjukfrånvaro ${p.start}–${p.end} (${p.source} line ${p.line})`, p] as const))('%s', (_l, p) => {
    withinRounding(value('sjukfranvaro', p.start, p.end, 'K'), p.K, 1);
    withinRounding(value('sjukfranvaro', p.start, p.end, 'M'), p.M, 1);
    // T is Σ hours / Σ hours of both genders; where the printed K, M and T cannot all hold at once
    // (T1 2022 prints 7,9 / 8,5 / 8,1 with four women per man) we land as close as the rounding allows.
    withinRounding(value('sjukfranvaro', p.start, p.end, 'T'), p.T, 1, 0.05);
  });
  const fte = printedSplits(FTE_MEASURES);
  it.each(fte.map((p) => [`årsarbetare ${p.start}–${p.end} (${p.source} line ${p.line})`, p] as const))('%s', (_l, p) => {
    for (const g of ['T', 'K', 'M'] as const) withinRounding(value('arsarbetare', p.start, p.end, g), p[g], 1);
  });
  it('covers the reports 2018–2022', () => {
    expect(sick.length).toBeGreaterThanOrEqual(7);
    expect(fte.length).toBeGreaterThanOrEqual(5);
  });
});

describe('the engine reproduces HME 2019 as printed in the indicator annex of Delår 2020 (004 lines 493–496)', () => {
  const printed = [
    ['hme', 4.1, 4.0, 4.2],
    ['hme-ledarskap', 4.1, 4.0, 4.4],
    ['hme-motivation', 4.1, 4.1, 4.2],
    ['hme-styrning', 3.9, 3.9, 4.2],
  ] as const;
  it.each(printed)('%s: T %s, K %s, M %s', (id, t, k, m) => {
    withinRounding(value(id, '2019-01', '2019-12', 'T'), t, 1);
    withinRounding(value(id, '2019-01', '2019-12', 'K'), k, 1);
    withinRounding(value(id, '2019-01', '2019-12', 'M'), m, 1);
  });
});
