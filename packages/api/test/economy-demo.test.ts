import { referenceRows } from '@lagesbild/db/testing';
import { describe, expect, it } from 'vitest';
import { demoCallers } from './demo-callers.js';

/**
 * The demo's driftsredovisning beside the four printed ones (reference/operating_result_tkr.csv)
 * and the figures the reports print only in their prose. Amounts are tkr, signed as printed.
 */
describe('economy.get on the demo', () => {
  const { chef, manager } = demoCallers();
  const close = (a: number | null | undefined, b: number) => expect(a ?? NaN).toBeCloseTo(b, 6);
  const printed = (report: string) => referenceRows('operating_result_tkr').filter((r) => r.report === report);

  it.each([
    ['Delår 2018', '2018-D', 'varav Myndighetsutövning', 'Myndighetsutövning'],
    ['Delår 2020', '2020-D', 'Barn och familj', 'Barn och familj'],
    ['T1 2022', '2022-T1', 'Ungdom och placeringsenhet', 'Ungdom och placeringsenhet'],
  ])('%s: every printed unit row has its demo unit, with the printed utfall, budget and prognos; a row checked by name too', async (report, period, label, name) => {
    const view = await chef().economy.get({ unit: 'SOC', period });
    const rows = printed(report).filter((r) => r.row_kind === 'unit');
    expect(view.units).toHaveLength(rows.length);
    for (const r of rows) {
      const label = r.row_label?.replace('varav ', '') ?? '';
      // 004 prints an avdelning's own row with " avd" after its name (l.257, l.260).
      const row = view.units.find((u) => u.name === label || u.name === label.replace(/ avd$/, ''));
      expect(row, `${r.row_label} (${r.source} l.${r.line})`).toBeDefined();
      close(row?.utfall, Number(r.utfall));
      close(row?.budget, Number(r.budget));
      // The printed deviation is rounded from unrounded amounts: it may differ from utfall − budget of the printed figures by 1 tkr.
      expect(Math.abs((row?.avvikelse ?? NaN) - Number(r.avvikelse))).toBeLessThanOrEqual(1 + 1e-9);
      expect(row?.prognosAvvikelse).toBe(Number(r.prognos));
    }
    const one = printed(report).find((r) => r.row_label === label);
    const row = view.units.find((u) => u.name === name);
    expect([row?.utfall, row?.budget, row?.prognosAvvikelse].map((v) => Math.round(v ?? NaN))).toEqual([Number(one?.utfall), Number(one?.budget), Number(one?.prognos)]);
    // The Summa is the sum of the unit rows. Delår 2018 prints Totalt −129 237 (000 l.1089) where its rows add up to
    // −129 235 (and avvikelse −12 070 where they add up to −12 071): rounding of unrounded rows; the rows are kept.
    const total = printed(report).find((r) => r.row_kind === 'total');
    expect(Math.abs((view.total?.utfall ?? NaN) - Number(total?.utfall))).toBeLessThanOrEqual(report === 'Delår 2018' ? 2 + 1e-6 : 1e-6);
    close(view.total?.budget, Number(total?.budget));
    expect(view.total?.prognosAvvikelse).toBe(Number(total?.prognos));
    expect(view.sources.every((s) => s.origin === 'reported' && (s.source ?? '').includes(' rad '))).toBe(true);
  });

  it('Delår 2020 (004 l.250–263): Socialnämnd −861 / −934 / +73 / +100 and the Summa −145 451 / −127 691 / −17 760 / −29 000', async () => {
    const view = await chef().economy.get({ unit: 'SOC', period: '2020-D' });
    const namnd = view.units.find((u) => u.unit === 'NAMND');
    expect(namnd).toMatchObject({ name: 'Socialnämnd', prognosAvvikelse: 100 });
    close(namnd?.avvikelse, 73);
    close(view.total?.avvikelse, -17_760);
    expect(view.prognosLabel).toBe('Prognos avvikelse per 31/12 2020');
  });

  it('T1 2019 (002 l.260–276) is split by cost type; where printed figures cannot all hold the test says which', async () => {
    const view = await chef().economy.get({ unit: 'SOC', period: '2019-T1' });
    const line = (id: string) => view.costTypes.find((c) => c.line === id);
    // 002 l.267: placements T1 2019, utfall 24 054 tkr against budget 12 805 tkr; prognos −23 000.
    close(line('placeringar')?.utfall, -24_054);
    close(line('placeringar')?.budget, -12_805);
    expect(line('placeringar')?.prognosAvvikelse).toBe(-23_000);
    // l.274 prints "8 276" without its minus; −8 276 is what budget −8 492 and avvikelse +216 need, and makes
    // the varav rows add up to Verksamhetens kostnader −86 983 (l.262). We store −8 276.
    close(line('ovrigt')?.avvikelse, 216);
    close(line('kostnader')?.utfall, -86_983);
    close(line('kostnader')?.budget, -69_761);
    // l.270 prints avvikelse +2 086 for personalkostnader, but −29 743 − (−31 811) = 2 068, which the text
    // says too (l.311: "kommit upp i 2 068 tkr"): the printed +2 086 cannot hold with its utfall and budget.
    close(line('personal')?.avvikelse, 2_068);
    close(line('summa')?.utfall, 11_890 - 86_983);
    // The förvaltning's own row is the printed Summa −75 094 / −60 203 (l.276), 1 tkr from intäkter + kostnader by rounding.
    close(view.total?.utfall, -75_094);
    expect(view.total?.prognosAvvikelse).toBe(-30_000);
    // Accumulated deficit after jan–feb 8 000 and jan–mar 12 048 tkr (l.286–287), −14 891 after april.
    expect(view.accumulated.map((p) => Math.round(p.avvikelse))).toEqual([-4_000, -8_000, -12_048, -14_891]);
  });

  it('Feb 2018 (003 l.2214): an accumulated result of 33 959 tkr, 4 867 tkr worse than budget', async () => {
    const view = await chef().economy.get({ unit: 'SOC', period: '2018-01:2018-02' });
    const last = view.accumulated.at(-1);
    close(last?.utfall, -33_959);
    close(last?.avvikelse, -4_867);
  });

  it('placements against their budget: T1 2022 −3 995 tkr (001 l.487), prognos −10 567 (l.491); jan–aug 2020 −14 255 (004 l.279)', async () => {
    const t1 = (await chef().economy.get({ unit: 'SOC', period: '2022-T1' })).kpiBudgets.find((k) => k.kpi === 'placeringskostnad');
    close(t1?.row.utfall, -17_567);
    close(t1?.row.budget, -13_572);
    close(t1?.row.avvikelse, -3_995);
    expect(t1?.row.prognosAvvikelse).toBe(-10_567);
    expect(t1?.budget).toEqual([{ origin: 'reported', source: 'Tertialrapport T1 2022, 001 rad 498' }]);
    const d20 = (await chef().economy.get({ unit: 'SOC', period: '2020-D' })).kpiBudgets.find((k) => k.kpi === 'placeringskostnad');
    close(d20?.row.avvikelse, -14_255);
    expect(d20?.row.prognosAvvikelse).toBe(-19_000);
    expect(d20?.budget[0]?.origin).toBe('demo');
    // 002 l.267 again, through the KPI: the demo's placement cells of jan–apr 2019 add up to the printed 24 054.
    const t19 = (await chef().economy.get({ unit: 'SOC', period: '2019-T1' })).kpiBudgets.find((k) => k.kpi === 'placeringskostnad');
    close(t19?.row.utfall, -24_054);
    close(t19?.row.budget, -12_805);
  });

  it('försörjningsstöd T1 2022 (001 l.477): budget 3 514 tkr a month, −2 469 tkr against T1 2021; the printed −2 027 against budget does not hold', async () => {
    const fs = (await chef().economy.get({ unit: 'SOC', period: '2022-T1' })).kpiBudgets.find((k) => k.kpi === 'utbetalt-forsorjningsstod');
    expect(fs?.months.map((m) => m.budget)).toEqual([3_514, 3_514, 3_514, 3_514]);
    expect(fs?.budget).toEqual([{ origin: 'reported', source: 'Tertialrapport T1 2022, 001 rad 477: budgetnivå 3 514 tkr per månad' }]);
    expect(fs?.row.prognosAvvikelse).toBe(-5_000);
    // The months are the exact kronor of the statistics (001 l.697–716, 15 381 492 kr in all); in tkr the table of l.485.
    expect(fs?.months.map((m) => Math.round(m.utfall ?? NaN))).toEqual([3_571, 3_808, 4_368, 3_635]);
    close(fs?.row.utfall, -15_381.492);
    // Against T1 2021 (l.484: 4 044 + 4 059 + 5 515 + 4 233 = 17 851 tkr): 2 469 tkr less, as printed.
    const s = await chef().series.get({ kpi: 'utbetalt-forsorjningsstod', unit: 'SOC', start: '2021-01', end: '2021-04', grain: 'tertial' });
    const t1_2021 = (s.series[0]?.points[0]?.value ?? NaN) / 1000;
    close(t1_2021, 17_851);
    // In the printed tkr of l.485 (15 382) that is −2 469 exactly; in exact kronor −2 469,508 tkr.
    const tkr2022 = (fs?.months ?? []).reduce((a, m) => a + Math.round(m.utfall ?? NaN), 0);
    expect(tkr2022 - t1_2021).toBe(-2_469);
    close(-(fs?.row.utfall ?? NaN) - t1_2021, -2_469.508);
    // Against budget: 4 × 3 514 = 14 056 less 15 381 paid is −1 325, not the printed −2 027. The budget (printed twice
    // on l.477) and the monthly payments (l.485, l.716) cannot both hold with −2 027; they are kept and −2 027 is not reproduced.
    expect(Math.round(fs?.row.avvikelse ?? NaN)).toBe(-1_325);
  });

  it('försörjningsstöd April 2019 was 979 tkr lower than March (002 l.301)', async () => {
    const s = await chef().series.get({ kpi: 'utbetalt-forsorjningsstod', unit: 'SOC', start: '2019-03', end: '2019-04' });
    const [march, april] = (s.series[0]?.points ?? []).map((p) => p.value ?? NaN);
    close((april ?? NaN) - (march ?? NaN), -979_000);
  });

  it('prints each report’s investeringsredovisning; Delår 2018 adds up to the printed Totalt −25 / −867 / +842 / +1 200 (000 l.1179)', async () => {
    const view = await chef().economy.get({ unit: 'SOC', period: '2018-D' });
    const sum = (f: (i: (typeof view.investments)[number]) => number | null) => view.investments.reduce((a, i) => a + (f(i) ?? 0), 0);
    expect([sum((i) => i.utfallTkr), sum((i) => i.budgetTkr), sum((i) => i.deviationTkr), sum((i) => i.prognosTkr)]).toEqual([-25, -867, 842, 1_200]);
    const d20 = await chef().economy.get({ unit: 'SOC', period: '2020-D' });
    expect(d20.investments.map((i) => i.prognosTkr)).toEqual([-100, -300, -197, -300]);
    expect((await chef().economy.get({ unit: 'SOC', period: '2022-T1' })).investments.reduce((a, i) => a + i.budgetTkr, 0)).toBe(-2_170);
    expect(await chef().economy.periods({})).toEqual(['2022-T1', '2020-D', '2019-T1', '2018-D']);
  });

  it('an enhetschef sees her units only: Barn och unga’s own row, no investments, and another unit is refused', async () => {
    const mine = await manager(['BU']).economy.get({ unit: 'BU', period: '2020-D' });
    expect(mine.units.map((u) => u.unit)).toEqual(['BU']);
    expect(mine.investments).toEqual([]);
    expect(mine.kpiBudgets.map((k) => k.kpi)).toEqual(['placeringskostnad']);
    await expect(manager(['BU']).economy.get({ unit: 'SOC', period: '2020-D' })).rejects.toThrow(/behörighet/);
  });
});
