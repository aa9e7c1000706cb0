import { describe, expect, it } from 'vitest';
import { demoCallers } from './demo-callers.js';

/**
 * Structure is data too: a unit manager learns a unit's name, parent and
 * history only from the months it was hers. On the demo data VUXEN
 * ("Myndighet vuxen" until 2019, "Ekonomiskt bistånd och vuxna" 2020–2021)
 * sat under MYN-EBV, was lent to MYN-BUF from June to December 2020 (004 l.73)
 * and went back, then moved to VUX in 2022 ("Vuxenstödsenhet").
 */
const OTHER_NAMES = ['Myndighet vuxen', 'Vuxenstödsenhet', 'Myndighet Ek. bistånd och vuxna', 'Vuxenavdelning'];

describe("names and history outside a unit manager's months (demo data, PGlite)", () => {
  const demo = demoCallers();
  const api = () => demo.manager(['MYN-BUF']);

  it('a series split by unit labels a child that came and went by its name while it was hers', async () => {
    const s = await api().series.get({ kpi: 'arsarbetare', unit: 'MYN-BUF', start: '2019-05', end: '2021-12', split: 'unit' });
    expect(s.series.find((l) => l.key === 'VUXEN')?.label).toBe('Ekonomiskt bistånd och vuxna');
    for (const name of OTHER_NAMES) expect(JSON.stringify(s)).not.toContain(name);
  });

  it('a drill-down tells no move, rename or end of a child that happened outside her units', async () => {
    const d = await api().drilldown.get({ kpi: 'arsarbetare', unit: 'MYN-BUF', period: '2020-08' });
    expect(d.children.map((c) => c.unit).sort()).toEqual(['BF', 'BU', 'VUXEN']);
    for (const name of [...OTHER_NAMES, 'Myndighetsutövning', 'Avd barn och unga', 'Ungdom och placeringsenhet']) expect(JSON.stringify(d)).not.toContain(name);
    // The admin, who reads every unit, still gets the whole history.
    const all = await demo.admin().drilldown.get({ kpi: 'arsarbetare', unit: 'MYN-BUF', period: '2020-08' });
    expect(all.children.find((c) => c.unit === 'VUXEN')?.changes.flatMap((c) => (c.kind === 'closed' ? [] : [c.from, c.to]))).toContain('Myndighet Ek. bistånd och vuxna');
  });

  it('the unit tree names no unit above or beside hers', async () => {
    expect((await api().unit.tree({ month: '2020-05' })).map((u) => u.code).sort()).toEqual(['BF', 'BU', 'MYN-BUF']);
    const tree = await api().unit.tree({ month: '2020-08' });
    expect(tree.map((u) => u.code).sort()).toEqual(['BF', 'BU', 'MYN-BUF', 'VUXEN']);
    expect(tree.find((u) => u.code === 'MYN-BUF')?.parent).toBeNull();
    // A root that lies inside another of her roots is listed once.
    const both = await demo.manager(['MYN-BUF', 'VUXEN']).unit.tree({ month: '2020-08' });
    expect(both.map((u) => u.code).sort()).toEqual(['BF', 'BU', 'MYN-BUF', 'VUXEN']);
    expect((await demo.admin().unit.tree({ month: '2020-08' })).find((u) => u.code === 'MYN-BUF')?.parent).toBe('SOC');
  });
});
