import { UnitTree } from '@lagesbild/domain';
import { describe, expect, it } from 'vitest';
import { DEMO_UNITS } from './demo-units.js';
import { referenceRows } from './reference-csv.js';

const tree = new UnitTree(DEMO_UNITS);

describe('the demo unit tree follows the sources', () => {
  it('February 2018 (003 l.1121–1241): Sociala boenden and both bistånd enheter sit in the myndighetsavdelning', () => {
    expect(tree.childrenAt('MYN', '2018-02')).toEqual(['BF', 'BU', 'EKBIST', 'SOCBO', 'VUXEN']);
    expect(tree.nameAt('BU', '2018-02')).toBe('Bistånd barn, unga och vuxna');
    expect(tree.nameAt('BF', '2018-02')).toBe('Bistånd barn, unga och familj');
    expect(tree.nameAt('SOCBO', '2018-02')).toBe('Sociala boenden');
    expect(tree.nameAt('HVB', '2018-02')).toBe('Kollektivet HVB');
    expect(tree.childrenAt('OPPV', '2018-02')).toEqual(['HVB', 'OPPNA']);
  });

  it('the tree reaches back to January 2016 with the same structure, for the kvalitetsberättelse 2017 (003 l.2007: Barn, unga och vuxna in the myndighetsavdelning in 2016)', () => {
    expect(tree.exists('SOC', '2015-12')).toBe(false);
    expect(tree.childrenAt('MYN', '2016-01')).toEqual(['BF', 'BU', 'EKBIST', 'SOCBO', 'VUXEN']);
    expect(tree.nameAt('BU', '2016-01')).toBe('Bistånd barn, unga och vuxna');
  });

  it('the myndighetsavdelning is split on 1 May 2019 (002 l.190–191, l.294): one tree in April, the other in May', () => {
    expect(tree.exists('MYN', '2019-04')).toBe(true);
    expect(tree.exists('MYN-BUF', '2019-04')).toBe(false);
    expect(tree.parentAt('BU', '2019-04')).toBe('MYN');
    expect(tree.exists('MYN', '2019-05')).toBe(false);
    expect(tree.childrenAt('MYN-BUF', '2019-05')).toEqual(['BF', 'BU']);
    expect(tree.childrenAt('MYN-EBV', '2019-05')).toEqual(['EKBIST', 'VUXEN']);
    expect(tree.parentAt('SOCBO', '2019-05')).toBe('OPPV');
  });

  it('myndighet vuxen moves from the ek. bistånd-avdelning to barn, unga och familj on 1 June 2020, for the rest of the year (004 l.68, l.73)', () => {
    expect(tree.parentAt('VUXEN', '2020-05')).toBe('MYN-EBV');
    expect(tree.parentAt('VUXEN', '2020-06')).toBe('MYN-BUF');
    expect(tree.parentAt('VUXEN', '2020-12')).toBe('MYN-BUF');
    expect(tree.parentAt('VUXEN', '2021-01')).toBe('MYN-EBV');
    expect(tree.nameAt('VUXEN', '2020-08')).toBe('Ekonomiskt bistånd och vuxna');
  });

  it('2022 has a Vuxenavdelning and an Avd barn och unga from January (001 l.459–468; l.388: no change during T1 2022)', () => {
    expect(tree.childrenAt('VUX', '2022-01')).toEqual(['EKBIST', 'HVB', 'VUXEN']);
    expect(tree.childrenAt('BOU', '2022-01')).toEqual(['BF', 'BU', 'OPPNA']);
    expect(tree.childrenAt('SOC', '2022-01')).toEqual(['BOU', 'LEDN', 'VUX']);
    expect(tree.childrenAt('SOC', '2021-12')).toEqual(['LEDN', 'MYN-BUF', 'MYN-EBV', 'NAMND', 'OPPV', 'STAB']);
    expect(tree.exists('SOCBO', '2022-01')).toBe(false);
  });

  // Every unit row of the Driftsredovisning tables names a unit of the tree in the table's month (the " avd" of 004 is the table's).
  const month: Record<string, string> = { 'Delår 2018': '2018-08', 'Delår 2020': '2020-08', 'T1 2022': '2022-04' };
  const rows = referenceRows('operating_result_tkr').filter((r) => r.row_kind === 'unit');
  it.each(rows.map((r) => [`${r.report} "${r.row_label}" (${(r.source ?? '').slice(0, 3)} l.${r.line})`, r] as const))('%s is a unit of that month', (_l, r) => {
    const m = month[r.report ?? ''] ?? '';
    const label = (r.row_label ?? '').replace(/^varav /, '');
    const named = DEMO_UNITS.filter((u) => tree.exists(u.code, m) && [label, label.replace(/ avd$/, '')].includes(tree.nameAt(u.code, m)));
    expect(named.map((u) => u.code)).toHaveLength(1);
  });
  it('checks the three years of unit tables', () => expect(rows.length).toBe(27));
});
