import { parsePeriod, periodKey, type Period } from '@lagesbild/domain';
import { describe, expect, it } from 'vitest';
import { isSelectable, pickerKindOf, shiftPeriod, switchKind, tryParsePeriod } from './period-nav.js';

const key = (s: string, f: (p: Period) => Period) => periodKey(f(parsePeriod(s)));

describe('switching period kind', () => {
  it('keeps the period around the same month', () => {
    expect(key('2022-06', (p) => switchKind(p, 'tertial'))).toBe('2022-T2');
    expect(key('2022-06', (p) => switchKind(p, 'delar'))).toBe('2022-D');
    expect(key('2022-06', (p) => switchKind(p, 'year'))).toBe('2022');
    expect(key('2022-T3', (p) => switchKind(p, 'month'))).toBe('2022-12');
    expect(key('2022-D', (p) => switchKind(p, 'tertial'))).toBe('2022-T2');
    expect(key('2022-D', (p) => switchKind(p, 'year'))).toBe('2022');
    expect(key('2022-T2', (p) => switchKind(p, 'ytd'))).toBe('2022-08-YTD');
    expect(key('2022-06', (p) => switchKind(p, 'rolling12'))).toBe('2022-06-R12');
    expect(key('2022-04-R12', (p) => switchKind(p, 'tertial'))).toBe('2022-T1');
  });
  it('does not jump past the latest month with data', () => {
    expect(key('2022', (p) => switchKind(p, 'month', '2022-04'))).toBe('2022-04');
    expect(key('2022', (p) => switchKind(p, 'tertial', '2022-04'))).toBe('2022-T1');
    expect(key('2022-T2', (p) => switchKind(p, 'month', '2022-04'))).toBe('2022-04');
    expect(key('2022', (p) => switchKind(p, 'ytd', '2022-04'))).toBe('2022-04-YTD');
    // A past period is left where it is.
    expect(key('2020-T2', (p) => switchKind(p, 'month', '2022-12'))).toBe('2020-08');
  });
});

describe('previous and next period', () => {
  it('steps within the same kind, across years', () => {
    expect(key('2022-T1', (p) => shiftPeriod(p, -1))).toBe('2021-T3');
    expect(key('2021-T3', (p) => shiftPeriod(p, 1))).toBe('2022-T1');
    expect(key('2022-T2', (p) => shiftPeriod(p, 1))).toBe('2022-T3');
    expect(key('2022-01', (p) => shiftPeriod(p, -1))).toBe('2021-12');
    expect(key('2022-12', (p) => shiftPeriod(p, 1))).toBe('2023-01');
    expect(key('2020-D', (p) => shiftPeriod(p, 1))).toBe('2021-D');
    expect(key('2020', (p) => shiftPeriod(p, -1))).toBe('2019');
  });
  it('moves a range by its length, and year-to-date and rolling periods by a month', () => {
    expect(key('2022-01:2022-03', (p) => shiftPeriod(p, 1))).toBe('2022-04:2022-06');
    expect(key('2022-04-YTD', (p) => shiftPeriod(p, 1))).toBe('2022-05-YTD');
    expect(key('2022-04-R12', (p) => shiftPeriod(p, -1))).toBe('2022-03-R12');
  });
  it('offers only periods that have started by the latest month with data', () => {
    expect(isSelectable(parsePeriod('2023-01'), '2022-12')).toBe(false);
    expect(isSelectable(parsePeriod('2022-T3'), '2022-12')).toBe(true);
    expect(isSelectable(parsePeriod('2022-T3'), '2022-09')).toBe(true);
    expect(isSelectable(parsePeriod('2022-T3'), '2022-08')).toBe(false);
    expect(isSelectable(parsePeriod('2023'), null)).toBe(true);
  });
});

describe('reading the period from the URL', () => {
  it('accepts the domain forms and rejects anything else', () => {
    expect(tryParsePeriod('2022-T1')?.kind).toBe('tertial');
    expect(tryParsePeriod('2022-t1')?.kind).toBe('tertial');
    expect(tryParsePeriod('2022-13')).toBeNull();
    expect(tryParsePeriod('nästa år')).toBeNull();
    expect(tryParsePeriod(undefined)).toBeNull();
  });
  it('knows which picker button a period belongs to', () => {
    expect(pickerKindOf(parsePeriod('2022-D'))).toBe('delar');
    expect(pickerKindOf(parsePeriod('2022-04-YTD'))).toBe('ytd');
    expect(pickerKindOf(parsePeriod('2022-04-R12'))).toBe('rolling12');
    expect(pickerKindOf(parsePeriod('2022-01:2022-03'))).toBeNull();
  });
});
