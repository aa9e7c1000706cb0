/**
 * Property tests of the number and period parsers: whatever a file holds,
 * they never throw, what they accept is what a user meant, and formulas and
 * impossible months are never accepted.
 */
import { formatNumber, isMonth } from '@lagesbild/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memoryCatalogue } from '../../test/fixture.js';
import { IssueList } from '../common/errors.js';
import { parseMonthHeader, SWEDISH_MONTHS, yearFromFileName } from './month-headers.js';
import type { SourceRow } from './source-row.js';
import { parseNumberCell, validateRows } from '../validate/validate.js';

const numberish = fc.string({ unit: fc.constantFrom('0', '1', '5', '9', ' ', '\u00a0', ',', '.', '-', '\u2212', '+', '=', '@', 'e', 'k', 'r', '%', 'x') });

describe('number cells (fuzz)', () => {
  it('never throw; the answer is null or a finite number, and only from text with a digit', () => {
    fc.assert(
      fc.property(fc.oneof(numberish, fc.string()), (s) => {
        const n = parseNumberCell(s);
        if (n !== null) {
          expect(Number.isFinite(n)).toBe(true);
          expect(s).toMatch(/\d/);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('read back what Swedish formatting writes: spaces or no-break spaces between thousands, decimal comma', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 2 }), fc.constantFrom(' ', '\u00a0', '\u202f', ''), (cents, decimals, sep) => {
        const value = cents / 100;
        const text = formatNumber(value, decimals).replace(/ /g, sep);
        const expected = Number(value.toFixed(decimals));
        // -0,00 is written "0,00" and read as 0.
        expect(parseNumberCell(text)).toBe(Object.is(expected, -0) ? 0 : expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('a decimal point and a decimal comma mean the same', () => {
    fc.assert(
      fc.property(fc.nat(), fc.stringMatching(/^\d{1,6}$/), (whole, frac) => {
        expect(parseNumberCell(`${whole},${frac}`)).toBe(parseNumberCell(`${whole}.${frac}`));
        expect(parseNumberCell(`${whole},${frac}`)).toBe(Number(`${whole}.${frac}`));
      }),
    );
  });

  it('never take a formula-like cell (=, + or @ first) for a number', () => {
    fc.assert(
      fc.property(fc.constantFrom('=', '+', '@'), numberish, (first, rest) => {
        expect(parseNumberCell(first + rest)).toBeNull();
      }),
      { numRuns: 1000 },
    );
  });
});

describe('periods (fuzz)', () => {
  it('a month is exactly ÅÅÅÅ-MM with MM 01–12', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 0, max: 99 }), (y, m) => {
        expect(isMonth(`${y}-${String(m).padStart(2, '0')}`)).toBe(m >= 1 && m <= 12);
        expect(isMonth(`${y}-${m}`)).toBe(m >= 10 && m <= 12);
      }),
      { numRuns: 1000 },
    );
  });

  it('a period cell is either a valid month or one error naming its row and column, never an exception', () => {
    const period = fc.oneof(fc.string(), fc.stringMatching(/^\d{4}-\d{1,2}(-\d{1,2})?$/), fc.constantFrom('2021-01', '2021-13', '2021-00', '21-01', '2021-1', 'januari'));
    fc.assert(
      fc.property(period, (p) => {
        const row: SourceRow = {
          file: 'f.csv',
          row: 7,
          cells: {
            kpi: { text: 'utbetalt-kr', column: 'kpi' },
            unit: { text: 'E1', column: 'unit' },
            period: { text: p.trim(), column: 'period' },
            gender: { text: 'T', column: 'gender' },
            value: { text: '1', column: 'value' },
          },
        };
        const issues = new IssueList();
        const cells = validateRows([row], memoryCatalogue(), issues);
        if (isMonth(p.trim())) {
          expect(issues.errors.filter((e) => e.column === 'period' && e.message.startsWith('Ogiltig period'))).toEqual([]);
        } else {
          expect(cells).toEqual([]);
          expect(issues.errors[0]).toMatchObject({ row: 7, column: 'period' });
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('month column headers: every way a report writes a month gives that month and year; anything else is no month', () => {
    const caseOf = (s: string, upper: boolean[]) => [...s].map((c, i) => (upper[i % upper.length] ? c.toUpperCase() : c.toLowerCase())).join('');
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1900, max: 2099 }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }),
        fc.constantFrom(' ', '  ', '\t'),
        (m, y, upper, space) => {
          const name = caseOf(SWEDISH_MONTHS[m - 1] ?? '', upper);
          expect(parseMonthHeader(`${space}${name}${space}`)).toEqual({ month: m, year: null });
          expect(parseMonthHeader(`${name}${space}${y}`)).toEqual({ month: m, year: y });
          expect(parseMonthHeader(`${y}-${String(m).padStart(2, '0')}`)).toEqual({ month: m, year: y });
          expect(parseMonthHeader(`${m}/${y}`)).toEqual({ month: m, year: y });
          expect(yearFromFileName(`statistik-${name}-${y}.csv`)).toBe(y);
        },
      ),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(fc.string(), (h) => {
        const r = parseMonthHeader(h);
        if (r !== null) {
          expect(r.month).toBeGreaterThanOrEqual(1);
          expect(r.month).toBeLessThanOrEqual(12);
        }
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2099 }), fc.integer({ min: 13, max: 99 }), (y, m) => {
        expect(parseMonthHeader(`${y}-${m}`)).toBeNull();
      }),
    );
  });
});
