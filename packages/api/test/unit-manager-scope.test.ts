import { recordEvent } from '@lagesbild/db';
import { describe, expect, it } from 'vitest';
import { demoCallers } from './demo-callers.js';
import { eventsHeard } from './live-events.js';

/**
 * A unit manager of Ungdom och placeringsenhet (BU) on the demo data: every
 * view she can ask for, and her event stream, hold nothing of the other
 * enheter — no value, no code, no name — while the units above her appear
 * only as the path she came down (breadcrumb, tree).
 */
const OTHER_ENHETER = ['EKBIST', 'VUXEN', 'BF', 'OPPNA', 'HVB', 'LEDN'];
const OTHER_NAMES = ['Ekonomiskt bistånd', 'Vuxenstödsenhet', 'Förebyggande och resursenhet', 'HVB Klivet och Kollektivet', 'Soc Ledning'];
const PERIOD = '2022-T1';

describe('what a unit manager sees (demo data, PGlite)', () => {
  const demo = demoCallers();
  const eva = () => demo.manager(['BU']);
  const leaks = (answer: unknown) => {
    const text = JSON.stringify(answer);
    return [...OTHER_ENHETER.filter((c) => text.includes(`"${c}"`)), ...OTHER_NAMES.filter((n) => text.includes(n))];
  };

  it('opens on her own unit, and every view of it names no other enhet', async () => {
    const api = eva();
    const overview = await api.overview.get({ period: PERIOD });
    expect(overview.unit).toBe('BU');
    const answers: unknown[] = [overview, await api.unit.tree({ month: '2022-04' })];
    for (const card of overview.cards.slice(0, 8)) {
      answers.push(await api.series.get({ kpi: card.kpi, unit: 'BU', start: '2022-01', end: '2022-04', grain: 'month', split: 'gender' }));
      answers.push(await api.series.get({ kpi: card.kpi, unit: 'BU', start: '2022-01', end: '2022-04', grain: 'month', split: 'unit' }));
      answers.push(await api.drilldown.get({ kpi: card.kpi, unit: 'BU', period: PERIOD }));
      answers.push(await api.comment.list({ kpi: card.kpi, unit: 'BU', period: PERIOD }));
      answers.push(await api.target.get({ kpi: card.kpi, unit: 'BU', year: 2022 }));
    }
    for (const a of answers) expect(leaks(a)).toEqual([]);
    expect((await api.unit.tree({ month: '2022-04' })).map((u) => u.code)).toEqual(['BU']);
  });

  it('is refused every other unit, above or beside her, in every procedure', async () => {
    const api = eva();
    for (const unit of ['SOC', 'BOU', 'VUX', ...OTHER_ENHETER]) {
      await expect(api.overview.get({ unit, period: PERIOD })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(api.series.get({ kpi: 'hushall-utbetalt', unit, start: '2022-01', end: '2022-04' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(api.drilldown.get({ kpi: 'hushall-utbetalt', unit, period: PERIOD })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(api.comment.list({ kpi: 'hushall-utbetalt', unit, period: PERIOD })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(api.comment.add({ kpi: 'hushall-utbetalt', unit, period: PERIOD, body: 'Hej' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(api.target.get({ kpi: 'hushall-utbetalt', unit, year: 2022 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
  });

  it('hears of changes on her unit, never of another enhet, and no event names one', async () => {
    const db = demo.db();
    const before = await recordEvent(db, 'katrineholm', 'target.set', { note: 'start' });
    await recordEvent(db, 'katrineholm', 'comment.added', { kpis: ['hushall-utbetalt'], units: ['EKBIST'], months: ['2022-03'], note: 'ekbist' });
    await recordEvent(db, 'katrineholm', 'import.committed', { kpis: ['placerade-hvb-sol'], units: ['BU', 'BF'], months: ['2022-03'], note: 'bu-och-bf' });
    await recordEvent(db, 'katrineholm', 'target.set', { kpis: ['sjukfranvaro'], units: ['SOC', 'BOU', 'BU', 'BF', 'VUX', 'EKBIST'], months: ['2022-01'], note: 'soc' });
    await recordEvent(db, 'katrineholm', 'import.committed', { kpis: ['aktualiseringar'], units: ['VUXEN'], months: ['2022-03'], note: 'vuxen' });

    const events = await eventsHeard<{ kind: string; payload: { note?: string; units?: string[] } }>(eva(), String(before));
    // Both touch other units too, so she learns only that her unit changed: no KPIs, no note.
    expect(events.map((e) => [e.kind, e.payload])).toEqual([
      ['import.committed', { units: ['BU'], months: ['2022-03'] }],
      ['target.set', { units: ['BU'], months: ['2022-01'] }],
    ]);
    expect(leaks(events)).toEqual([]);
  });
});
