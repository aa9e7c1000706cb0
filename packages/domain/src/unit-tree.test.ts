import { describe, expect, it } from 'vitest';
import { UnitTree, type UnitNode } from './unit-tree.js';

const node = (code: string, parents: [string, string, string | null][], validTo: string | null = null): UnitNode => ({
  code,
  name: code,
  kind: parents.length ? 'enhet' : 'forvaltning',
  validFrom: '2020-01',
  validTo,
  names: [],
  parents: parents.map(([parentCode, validFrom, to]) => ({ parentCode, validFrom, validTo: to })),
});

// B moves from A1 to A2 in June 2021; A1 closes in 2022.
const tree = new UnitTree([
  node('SOC', []),
  node('A1', [['SOC', '2020-01', '2022-01']], '2022-01'),
  node('A2', [['SOC', '2020-01', null]]),
  node('B', [
    ['A1', '2020-01', '2021-06'],
    ['A2', '2021-06', null],
  ]),
]);

describe('the unit tree as it was in a month', () => {
  it('follows the parent link valid in each month', () => {
    expect(tree.parentAt('B', '2021-05')).toBe('A1');
    expect(tree.parentAt('B', '2021-06')).toBe('A2');
    expect(tree.isWithin('B', 'A1', '2021-05')).toBe(true);
    expect(tree.isWithin('B', 'A1', '2021-06')).toBe(false);
    expect(tree.isWithin('B', 'SOC', '2021-06')).toBe(true);
    expect(tree.pathAt('B', '2021-06')).toEqual(['SOC', 'A2', 'B']);
  });

  it("gives a closed unit's last month as its latest, an open unit the month asked", () => {
    expect(tree.lastMonthUpTo('A1', '2022-12')).toBe('2021-12');
    expect(tree.lastMonthUpTo('A1', '2021-12')).toBe('2021-12');
    expect(tree.lastMonthUpTo('A1', '2021-03')).toBe('2021-03');
    expect(tree.lastMonthUpTo('A2', '2022-12')).toBe('2022-12');
    expect(tree.lastMonthUpTo('NONE', '2022-12')).toBe('2022-12');
  });

  it('lists only units that existed', () => {
    expect(tree.childrenAt('SOC', '2021-12')).toEqual(['A1', 'A2']);
    expect(tree.childrenAt('SOC', '2022-01')).toEqual(['A2']);
    expect(tree.subtreeAt('SOC', '2022-03')).toEqual(['SOC', 'A2', 'B']);
  });
});
