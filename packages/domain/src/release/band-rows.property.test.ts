import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Gender } from '../kpi.js';
import { testKpiDefinition } from '../test-builders.js';
import { bandParts, parseRowId, rowId } from './band-rows.js';
import type { ReleaseObservation } from './types.js';

const VARAV = testKpiDefinition('varav', { ageBands: ['18-24'], ageBandKind: 'subset' });
const PARTS = testKpiDefinition('parts', { ageBands: ['-29', '30-'], ageBandKind: 'partition' });

/** One unit-month's cells: a total stored by K/M or as T, a band stored either way (or not at all). */
const arbCells = fc
  .record({ totalSplit: fc.boolean(), bandSplit: fc.option(fc.boolean(), { nil: null }), values: fc.array(fc.nat({ max: 30 }), { minLength: 4, maxLength: 4 }) })
  .map(({ totalSplit, bandSplit, values }) => {
    const [a = 0, b = 0, c = 0, d = 0] = values;
    const cell = (gender: Gender, ageBand: string, numerator: number): ReleaseObservation => ({
      kpi: 'varav',
      unit: 'E',
      month: '2022-01',
      gender,
      ageBand,
      numerator,
      denominator: null,
    });
    const total = totalSplit ? [cell('K', '', a + c), cell('M', '', b + d)] : [cell('T', '', a + b + c + d)];
    const band = bandSplit === null ? [] : bandSplit ? [cell('K', '18-24', c), cell('M', '18-24', d)] : [cell('T', '18-24', c + d)];
    return [...total, ...band];
  });

const sum = (cells: readonly ReleaseObservation[]) => cells.reduce((s, c) => s + c.numerator, 0);

describe('band rows (property)', () => {
  it('a varav band and its complement always add up to the total, by gender where both are split', () => {
    fc.assert(
      fc.property(arbCells, (cells) => {
        const parts = new Map(bandParts(VARAV, cells));
        const total = parts.get('') ?? [];
        const band = parts.get('18-24') ?? [];
        const rest = parts.get('~18-24') ?? [];
        expect(sum(total)).toBe(sum(cells.filter((c) => c.ageBand === '')));
        if (band.length === 0) {
          // No band: nothing beside the total.
          expect([...parts.keys()]).toEqual(['']);
          return;
        }
        expect(sum(band) + sum(rest)).toBe(sum(total));
        // Never below zero: the complement is a count of people too.
        for (const r of rest) expect(r.numerator).toBeGreaterThanOrEqual(0);
        const split = (xs: readonly ReleaseObservation[]) => xs.some((c) => c.gender !== 'T');
        if (split(total) && split(band))
          for (const g of ['K', 'M'] as const)
            expect(sum(band.filter((c) => c.gender === g)) + sum(rest.filter((c) => c.gender === g))).toBe(sum(total.filter((c) => c.gender === g)));
      }),
    );
  });

  it("a partition's total is every cell, its unbanded cells the '~' part", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ band: fc.constantFrom('', '-29', '30-'), n: fc.nat({ max: 20 }) }), { maxLength: 8 }), (xs) => {
        const cells = xs.map((x): ReleaseObservation => ({ kpi: 'parts', unit: 'E', month: '2022-01', gender: 'T', ageBand: x.band, numerator: x.n, denominator: null }));
        const parts = new Map(bandParts(PARTS, cells));
        expect(sum(parts.get('') ?? [])).toBe(sum(cells));
        // Without any band cell the total stands alone; with one, the bands and the unbanded rest make it up.
        if (!cells.some((c) => c.ageBand !== '')) {
          expect([...parts.keys()]).toEqual(['']);
          return;
        }
        const banded = sum(parts.get('-29') ?? []) + sum(parts.get('30-') ?? []);
        expect(banded + sum(parts.get('~') ?? [])).toBe(sum(cells));
      }),
    );
  });

  it('row ids name their unit, gender and band part', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9_-]{1,8}$/), fc.constantFrom<Gender>('K', 'M', 'T'), fc.constantFrom('', '18-24', '-29', '~18-24', '~'), (unit, gender, part) => {
        expect(parseRowId(rowId(unit, gender, part))).toEqual({ unit, gender, part });
      }),
    );
  });
});
