import { describe, expect, it } from 'vitest';
import { demoCallers } from './demo-callers.js';
import { eventsHeard, lastEventId } from './live-events.js';

/**
 * An event's units and months are not a grid: a batch with VUXEN in March 2020
 * (under MYN-EBV) and BU in July 2020 did not touch VUXEN in July. A unit
 * manager of MYN-BUF hears only of the (unit, month) cells that were hers:
 * VUXEN was hers from June to December 2020 (004 l.73), so a target set on
 * MYN-EBV for 2020 (which reaches VUXEN only outside those months) never reaches her.
 */
const csv = (rows: string[]) => Buffer.from(['kpi,unit,period,gender,value', ...rows].join('\n')).toString('base64');

describe('live events pair each unit with its months (demo data, PGlite)', () => {
  const demo = demoCallers();

  it('a manager hears only the cells that were hers, and nothing of a change wholly outside them', async () => {
    const start = await lastEventId(demo.db());

    await demo.admin().target.set({ kpi: 'arsarbetare', unit: 'MYN-EBV', year: 2020, annual: 40 });
    await demo.admin().import.commit({ fileName: 'blandad.csv', contentBase64: csv(['arsarbetare,VUXEN,2020-03,K,9', 'arsarbetare,BU,2020-07,K,21']), confirmWarnings: true });

    const got = await eventsHeard<{ kind: string; payload: Record<string, unknown>; affectedUnits: string[] | null }>(demo.manager(['MYN-BUF']), start);
    expect(got.map((e) => e.kind)).toEqual(['import.committed']);
    expect(got[0]?.payload).toEqual({ units: ['BU'], months: ['2020-07'] });
    expect(got[0]?.affectedUnits).toEqual(['BU', 'MYN-BUF']);
    expect(JSON.stringify(got)).not.toContain('VUXEN');
  });
});
