import { parsePeriod, periodKey } from '@lagesbild/domain';
import { describe, expect, it } from 'vitest';
import { isSelectable, shiftPeriod, switchKind } from './period-nav.js';

const key = (s: string, f: (p: ReturnType<typeof parsePeriod>) => ReturnType<typeof parsePeriod>) => periodKey(f(parsePeriod(s)));

describe('period navigation', () => {
  it('switches kind around the same month', () => {
    expect(key('2022-06', (p) => switchKind(p, 'tertial'))).toBe('2022-T2');
    expect(key('2022-06', (p) => switchKind(p, 'delar'))).toBe('2022-D');
    expect(key('2022-T3', (p) => switchKind(p, 'month'))).toBe('2022-12');
    expect(key('2022-D', (p) => switchKind(p, 'year'))).toBe('2022');
  });
  it('steps to the previous and next period of the same kind, across years', () => {
    expect(key('2022-T1', (p) => shiftPeriod(p, -1))).toBe('2021-T3');
    expect(key('2021-T3', (p) => shiftPeriod(p, 1))).toBe('2022-T1');
    expect(key('2022-01', (p) => shiftPeriod(p, -1))).toBe('2021-12');
    expect(key('2020-D', (p) => shiftPeriod(p, 1))).toBe('2021-D');
    expect(key('2020', (p) => shiftPeriod(p, -1))).toBe('2019');
    expect(key('2022-01:2022-03', (p) => shiftPeriod(p, 1))).toBe('2022-04:2022-06');
  });
  it('only offers periods that have started by the latest month with data', () => {
    expect(isSelectable(parsePeriod('2023-01'), '2022-12')).toBe(false);
    expect(isSelectable(parsePeriod('2022-T3'), '2022-12')).toBe(true);
    expect(isSelectable(parsePeriod('2023'), null)).toBe(true);
  });
});
