import { referenceRows, VOLUME_MEASURE_KPI as KPI_OF } from '@lagesbild/db/testing';
import { parsePeriod } from '@lagesbild/domain';
import { describe, expect, it } from 'vitest';
import { computeKpiValues, loadEngineContext } from '../src/engine/index.js';
import { demoCallers } from './demo-callers.js';

/** The report period a printed column belongs to: jan–jun is a delår's volume window, jan–apr a T1, jan–dec the year. */
function reportPeriod(start: string, end: string): string {
  const y = start.slice(0, 4);
  if (end.endsWith('-06')) return `${y}-D`;
  if (end.endsWith('-04')) return `${y}-T1`;
  return y;
}

const rows = referenceRows('volume_measures').filter((r) => r.kind === 'utfall' && r.value && (r.period_start ?? '') >= '2018-01');

/**
 * The figures a nämnd read in its reports, asked of the demo as a
 * förvaltningschef asks them: a KPI for the report period (T1, Delår, year),
 * which the engine measures over the KPI's window (volymmått delår: jan–jun,
 * 000 l.239, 004 l.79; sick leave 1/12–30/6), exact and as released.
 */
describe('the demo gives every printed volymmått utfall for its report period, in the volume window', () => {
  const { chef, manager, db } = demoCallers();
  /** The engine's value before the privacy step (small counts such as 2 gambling cases are hidden in every view). */
  const computed = async (kpi: string, period: string) => {
    const [v] = await computeKpiValues(db(), await loadEngineContext(db(), 'katrineholm'), { kpiIds: [kpi], unit: 'SOC', period: parsePeriod(period), gender: 'T' });
    if (!v) throw new Error(`no value ${kpi} ${period}`);
    return v;
  };
  const overviews = new Map<string, ReturnType<ReturnType<typeof chef>['overview']['get']>>();
  const overview = (period: string) => {
    let o = overviews.get(period);
    if (!o) overviews.set(period, (o = chef().overview.get({ unit: 'SOC', period })));
    return o;
  };
  const card = async (kpi: string, period: string) => {
    const c = (await overview(period)).cards.find((x) => x.kpi === kpi);
    if (!c) throw new Error(`no card ${kpi} ${period}`);
    return c;
  };

  it('covers the 17 rows of every report (000, 002, 004, 001)', () => {
    expect(new Set(rows.map((r) => KPI_OF[r.measure_sv ?? ''])).size).toBe(17);
    expect(rows.every((r) => KPI_OF[r.measure_sv ?? ''])).toBe(true);
  });

  it.each(rows.map((r) => [`${r.measure_sv}, ${r.period_label} (${r.source} l.${r.line})`, r] as const))('%s', async (_l, r) => {
    const period = reportPeriod(r.period_start ?? '', r.period_end ?? '');
    const kpi = KPI_OF[r.measure_sv ?? ''] ?? '';
    const v = await computed(kpi, period);
    const window = period.endsWith('-D') ? `${r.period_start}:${r.period_end}` : period;
    expect([Math.round(v.value ?? Number.NaN), v.window.period]).toEqual([Number(r.value), window]);
    // What the förvaltningschef sees: the same figure, or nothing with the reason (a small count).
    const c = await card(kpi, period);
    expect(c.window).toEqual(v.window);
    if (c.value === null) expect(c.hidden?.mark).toMatch(/primary|secondary/);
    else expect(Math.round(c.value)).toBe(Number(r.value));
  });

  it('Delår 2020 shows the 587 households 004 l.80 prints, under "jan–jun 2020", not the 564 of jan–aug', async () => {
    const c = await card('hushall-utbetalt', '2020-D');
    expect([c.value, c.display, c.window]).toEqual([587, '587', { period: '2020-01:2020-06', label: 'jan–jun 2020', labelEn: 'Jan–Jun 2020' }]);
    // "The same period last year" is windowed too: jan–jun 2019.
    expect(c.change.lastYear.window.period).toBe('2019-01:2019-06');
  });

  it('the Delårsrapport 2020 prints each figure’s window under its name where it is not the delår', async () => {
    const { document: doc } = await chef().report.get({ unit: 'SOC', period: '2020-D' });
    const row = (kpi: string) => [...doc.volymmatt, ...doc.ekonomi, ...doc.personal].find((r) => r.kpi === kpi);
    expect(row('hushall-utbetalt')?.window?.label).toBe('jan–jun 2020');
    expect(row('sjukfranvaro')?.window?.label).toBe('1/12 2019–30/6 2020');
    expect(row('arsarbetare')?.window?.label).toBe('jan–jul 2020');
    // The driftsredovisning runs "per 31/8" (004 l.249): the delår itself, nothing printed.
    expect(row('utbetalt-forsorjningsstod')?.window).toBeNull();
  });

  it('a unit manager (released values) reads the same windowed figures as the exact role', async () => {
    const mine = await manager(['SOC']).overview.get({ unit: 'SOC', period: '2020-D' });
    const exact = await overview('2020-D');
    for (const c of mine.cards) {
      const e = exact.cards.find((x) => x.kpi === c.kpi);
      expect([c.kpi, c.window]).toEqual([e?.kpi, e?.window]);
      if (!c.suppressed && c.value !== null && e?.value != null) expect(c.value).toBeCloseTo(e.value, 0);
    }
  });
});

/** The figures printed only in the prose (INVENTORY "Figures printed in the prose"), each for the months its text names. */
describe('the demo gives the volume figures of the reports’ prose', () => {
  const { db } = demoCallers();
  const value = async (kpi: string, period: string) => {
    const [v] = await computeKpiValues(db(), await loadEngineContext(db(), 'katrineholm'), { kpiIds: [kpi], unit: 'SOC', period: parsePeriod(period), gender: 'T' });
    return v?.value ?? Number.NaN;
  };

  it('000 l.527: 599 households paid in July 2018', async () => {
    expect(await value('hushall-utbetalt', '2018-07')).toBe(599);
  });

  it('004 l.100 and l.179: paid to "i snitt 582" households a month jan–aug 2020, 14 fewer than jan–aug 2019; 587 is jan–jun (004 l.80)', async () => {
    const [janAug, janAug2019, janJun] = await Promise.all([
      value('hushall-utbetalt', '2020-08-YTD'),
      value('hushall-utbetalt', '2019-08-YTD'),
      value('hushall-utbetalt', '2020-D'),
    ]);
    // 4 663 household-months (see 004 l.376 below): 582,875, which the text writes without its fraction.
    expect([janAug, Math.trunc(janAug), janAug2019 - janAug, janJun]).toEqual([582.875, 582, 14, 587]);
  });

  it('004 l.376 and l.179: 8 529 kr per household jan–aug 2020 (Delår 2020, "per 31/8"), 8 577 kr in 2019; l.179’s "8528kr" is the same figure one krona off and cannot also hold', async () => {
    const [d2020, d2019, paid] = await Promise.all([
      value('utbetalt-per-hushall', '2020-D'),
      value('utbetalt-per-hushall', '2019-D'),
      value('utbetalt-forsorjningsstod', '2020-D'),
    ]);
    // The kronor are 001 l.483's months (39 773 tkr, "40 mnkr" in 004 l.375); 39 773 000 / 4 663 = 8 529,3.
    expect([Math.round(d2020), Math.round(d2019), paid]).toEqual([8529, 8577, 39_773_000]);
  });

  it('004 l.446–448: care days in institutions jan–aug 2020, vuxna 3 414 and barn och unga 7 185 (every institution placement of children, ensamkommande HVB included)', async () => {
    const [vuxna, bu, hvbEkb] = await Promise.all([
      value('varddygn-institution-vuxna', '2020-08-YTD'),
      value('varddygn-institution-bu', '2020-08-YTD'),
      value('varddygn-hvb-ekb', '2020-08-YTD'),
    ]);
    expect([vuxna, bu + hvbEkb]).toEqual([3414, 7185]);
  });

  it('001 l.398: households T1 2022 against T1 2021 are −86 as the table prints (001 l.427: 431 and 517); the text’s −78 cannot hold with it', async () => {
    const [t1, ly] = await Promise.all([value('hushall-utbetalt', '2022-T1'), value('hushall-utbetalt', '2021-T1')]);
    expect([Math.round(t1), Math.round(ly), Math.round(t1 - ly)]).toEqual([431, 517, -86]);
  });

  it('Delår 2020’s sick leave is measured 1/12 2019–30/6 2020 (personnel_key_figures.csv, Delår 2020): 6,8 %', async () => {
    const [v] = await computeKpiValues(db(), await loadEngineContext(db(), 'katrineholm'), { kpiIds: ['sjukfranvaro'], unit: 'SOC', period: parsePeriod('2020-D'), gender: 'T' });
    expect([v?.display, v?.window]).toEqual(['6,8 %', { period: '2019-12:2020-06', label: '1/12 2019–30/6 2020', labelEn: '1 Dec 2019–30 Jun 2020' }]);
  });

  it('001 l.398: about 120 fewer children in households T1 2022 than T1 2021', async () => {
    const [t1, ly] = await Promise.all([value('barn-i-hushall', '2022-T1'), value('barn-i-hushall', '2021-T1')]);
    expect(Math.round(t1 - ly)).toBe(-120);
  });
});
