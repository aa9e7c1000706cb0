import { kpiPrognoses, targets } from '@lagesbild/db';
import { referenceRows, VOLUME_MEASURE_KPI } from '@lagesbild/db/testing';
import { like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { demoCallers } from './demo-callers.js';

/** The report period of a printed report's name: "Delår 2020" → 2020-D, "T1 2022" → 2022-T1. */
const periodOf = (report: string) => (report.startsWith('Delår') ? `${report.slice(-4)}-D` : `${report.slice(-4)}-T1`);
const printed = referenceRows('volume_measures').filter((r) => r.kind === 'prognos' && r.value);

/**
 * The volymmått tables' "Prognos <år>" (000 l.245–310, 002 l.26–73, 004 l.80–96, 001 l.427–439) are the förvaltning's
 * prognoses: stored and shown as prognoses with their source, never as targets ("Mål").
 */
describe('the demo’s volume prognoses', () => {
  const { chef, manager, db } = demoCallers();

  it('stores every printed prognos (62) as a prognos with its seed line, and none as a target', async () => {
    const rows = await db().select().from(kpiPrognoses);
    expect(rows).toHaveLength(printed.length);
    expect(printed.length).toBe(62);
    expect(rows.every((r) => r.origin === 'reported' && / rad \d+$/.test(r.source ?? ''))).toBe(true);
    expect(await db().select().from(targets).where(like(targets.source, 'Prognos%'))).toEqual([]);
  });

  it('Delår 2020 (004 l.80–96): every volymmått row of the report carries the printed prognos, the cards too', async () => {
    const { document: doc } = await chef().report.get({ unit: 'SOC', period: '2020-D' });
    const overview = await chef().overview.get({ unit: 'SOC', period: '2020-D' });
    for (const r of printed.filter((x) => x.report === 'Delår 2020')) {
      const kpi = VOLUME_MEASURE_KPI[r.measure_sv ?? ''];
      const row = doc.volymmatt.find((x) => x.kpi === kpi);
      expect([kpi, row?.prognos?.value, row?.prognos?.year, row?.prognos?.origin], `${r.measure_sv} (004 l.${r.line})`).toEqual([kpi, Number(r.value), 2020, 'reported']);
      expect(row?.prognos?.source).toBe(`Prognos 2020, Delårsrapport 2020, 004 rad ${r.line}`);
      expect(overview.cards.find((c) => c.kpi === kpi)?.prognos?.value).toBe(Number(r.value));
    }
    // 004 l.80: 600 households a month; the demo's target for 2020 is its own (demo), not the prognos.
    const households = overview.cards.find((c) => c.kpi === 'hushall-utbetalt');
    expect(households?.prognos).toMatchObject({ value: 600, period: '2020-D', origin: 'reported' });
  });

  it.each(printed.map((r) => [r.report ?? '', r.measure_sv ?? '', r.line ?? '', Number(r.value)] as const))(
    '%s: %s (l.%s) prognos %d on its report period',
    async (report, measure, _line, value) => {
      const c = (await chef().overview.get({ unit: 'SOC', period: periodOf(report) })).cards.find((x) => x.kpi === VOLUME_MEASURE_KPI[measure]);
      expect(c?.prognos?.value).toBe(value);
    },
  );

  it('is not shown before it was made (March 2020: the Delår 2020 prognos came in August), nor on a unit it is not for', async () => {
    const march = await chef().overview.get({ unit: 'SOC', period: '2020-03' });
    expect(march.cards.filter((c) => c.prognos !== null)).toEqual([]);
    const bu = await manager(['BU']).overview.get({ unit: 'BU', period: '2020-D' });
    expect(bu.cards.filter((c) => c.prognos !== null)).toEqual([]);
  });
});
