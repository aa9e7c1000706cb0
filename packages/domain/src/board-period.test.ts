import { describe, expect, it } from 'vitest';
import { boardReferenceMonth, isBoardPeriodRule, resolveBoardPeriod } from './board-period.js';

describe("a board's period rules", () => {
  const at = (latestMonth: string | null, today = '2022-12') => ({ latestMonth, today });

  it('shows the latest month, year to date and the current tertial from the newest month with data', () => {
    expect(resolveBoardPeriod('latest', at('2022-05'))).toBe('2022-05');
    expect(resolveBoardPeriod('ytd', at('2022-05'))).toBe('2022-05-YTD');
    expect(resolveBoardPeriod('tertial', at('2022-05'))).toBe('2022-T2');
    expect(resolveBoardPeriod('tertial', at('2022-04'))).toBe('2022-T1');
    expect(resolveBoardPeriod('tertial', at('2022-09'))).toBe('2022-T3');
    expect(resolveBoardPeriod('ytd', at('2022-01'))).toBe('2022-01-YTD');
  });

  it('follows the data rather than the calendar: in January before its data, last year', () => {
    expect(resolveBoardPeriod('ytd', at('2022-12', '2023-01'))).toBe('2022-12-YTD');
    expect(resolveBoardPeriod('tertial', at('2022-12', '2023-01'))).toBe('2022-T3');
  });

  it('never runs ahead of the clock that is passed in, even when a row is dated in the future', () => {
    expect(boardReferenceMonth(at('2024-03', '2022-06'))).toBe('2022-06');
    expect(resolveBoardPeriod('ytd', at('2024-03', '2022-06'))).toBe('2022-06-YTD');
    expect(resolveBoardPeriod('tertial', at('2024-03', '2022-06'))).toBe('2022-T2');
  });

  it('waits for data before a rule shows anything, and keeps a fixed period as written', () => {
    for (const rule of ['latest', 'ytd', 'tertial']) expect(resolveBoardPeriod(rule, at(null))).toBeUndefined();
    expect(resolveBoardPeriod('2020-D', at(null))).toBe('2020-D');
    expect(resolveBoardPeriod('2021-T1', at('2022-05'))).toBe('2021-T1');
    expect(isBoardPeriodRule('ytd')).toBe(true);
    expect(isBoardPeriodRule('2022')).toBe(false);
  });
});
