import { describe, expect, it } from 'vitest';
import { demoCallers } from './demo-callers.js';
import { eventsHeard, lastEventId } from './live-events.js';

/**
 * Nothing a scoped caller receives is computed from outside her units: an
 * import on another enhet moves neither her latest month nor her default
 * period nor her screen's "latest" slides, her KPI catalogue lists only what
 * her units hold, and a live event tells her only about her own units.
 */
const csv = (rows: string[]) => Buffer.from(['kpi,unit,period,gender,value', ...rows].join('\n')).toString('base64');

interface Got {
  kind: string;
  payload: Record<string, unknown>;
  affectedUnits: string[] | null;
  affectedKpis: string[] | null;
}

describe('side channels to a unit manager (demo data, PGlite)', () => {
  const demo = demoCallers();
  const eva = () => demo.manager(['BU']);
  const importAs = (fileName: string, rows: string[]) => demo.admin().import.commit({ fileName, contentBase64: csv(rows), confirmWarnings: true });

  it("an import on another enhet moves neither her latest month, her default period, nor her screen's latest slide", async () => {
    const before = await eva().overview.get({});
    const { caller: screen } = await demo.screen('BU', [{ kind: 'overview', unit: 'BU', period: 'latest', seconds: 20 }]);
    expect((await screen.board.forDevice()).latestMonth).toBe(before.latestMonth);

    await importAs('ekbist-2023.csv', ['arsarbetare,EKBIST,2023-02,K,20', 'arsarbetare,EKBIST,2023-02,M,5']);
    expect((await demo.admin().overview.get({})).latestMonth).toBe('2023-02');
    const after = await eva().overview.get({});
    expect(after.latestMonth).toBe(before.latestMonth);
    expect(after.period).toBe(before.period);
    expect((await screen.board.forDevice()).latestMonth).toBe(before.latestMonth);
    // The screen may read its slide at its own latest month, and not at the organisation's.
    // A "latest" slide asks with each KPI at its own newest month, and only so.
    await expect(screen.overview.get({ unit: 'BU', period: before.period, eachAtLatest: true })).resolves.toMatchObject({ unit: 'BU' });
    await expect(screen.overview.get({ unit: 'BU', period: before.period })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(screen.overview.get({ unit: 'BU', period: '2023-02', eachAtLatest: true })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    // Data on her own unit moves it.
    await importAs('bu-2023.csv', ['arsarbetare,BU,2023-01,K,20']);
    expect((await eva().overview.get({})).latestMonth).toBe('2023-01');
  });

  it('kpi.list and the overview list only the KPIs her units have data or targets for', async () => {
    const all = await demo.admin().kpi.list();
    const hers = new Map((await eva().kpi.list()).map((k) => [k.id, k.inUse]));
    // KPIs the organisation uses that BU never had a figure for (e.g. money paid out, which is booked on EKBIST).
    const notHers = all.filter((k) => k.inUse && hers.get(k.id) === false).map((k) => k.id);
    expect(notHers.length).toBeGreaterThan(0);
    for (const kpi of notHers) {
      const s = await demo.admin().series.get({ kpi, unit: 'BU', start: '2018-01', end: '2022-12', grain: 'year' });
      expect({ kpi, values: s.series[0]?.points.map((p) => p.value) }).toEqual({ kpi, values: [null, null, null, null, null] });
    }
    const cards = (await eva().overview.get({ period: '2022-06' })).cards.map((c) => c.kpi);
    expect(cards.filter((k) => notHers.includes(k))).toEqual([]);
    expect(cards).toContain('arsarbetare');
    // They are the organisation's KPIs all the same: the förvaltning's overview has every one with a figure in
    // its 24 months (KPIs printed only in the 2018 monthly statistics, only for 2017 as the kvalitetsberättelse's, or only
    // as a varav band, have none there). At least 30 of them do: the check below is not vacuous.
    const recent = [];
    for (const kpi of notHers) {
      const s = await demo.admin().series.get({ kpi, unit: 'SOC', start: '2020-07', end: '2022-06', grain: 'month' });
      if (s.series[0]?.points.some((p) => p.value !== null)) recent.push(kpi);
    }
    expect(recent.length).toBeGreaterThanOrEqual(30);
    expect((await demo.admin().overview.get({ unit: 'SOC', period: '2022-06' })).cards.map((c) => c.kpi)).toEqual(expect.arrayContaining(recent));
  });

  it('a live event carries only her units, a file name and KPIs only when the whole batch is hers, and nothing wholly outside reaches her', async () => {
    const start = await lastEventId(demo.db());
    await importAs('blandad.csv', ['arsarbetare,BU,2022-07,K,21', 'hushall-utbetalt,EKBIST,2022-08,K,210']);
    await importAs('bara-ekbist-igen.csv', ['arsarbetare,EKBIST,2022-09,K,19']);
    await importAs('bara-bu.csv', ['arsarbetare,BU,2022-10,M,6']);
    const events = await eventsHeard<Got>(eva(), start);
    expect(events.map((e) => e.kind)).toEqual(['import.committed', 'import.committed']);
    const [mixed, own] = events;
    // Only BU's own month: the EKBIST row's month is not hers to hear of.
    expect(mixed?.payload).toEqual({ units: ['BU'], months: ['2022-07'] });
    expect(mixed?.affectedUnits).toEqual(['BU']);
    expect(mixed?.affectedKpis).toBeNull();
    expect(JSON.stringify(mixed)).not.toContain('blandad');
    expect(JSON.stringify(mixed)).not.toContain('hushall-utbetalt');
    expect(own?.payload).toMatchObject({ fileName: 'bara-bu.csv', kpis: ['arsarbetare'], units: ['BU'], months: ['2022-10'] });
    expect(own?.payload.batchId).toEqual(expect.any(Number));
  });
});
