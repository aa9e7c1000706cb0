import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateCells, type ObservationCell } from '../aggregate.js';
import type { Gender } from '../kpi.js';
import { monthRange } from '../month.js';
import { parsePeriod, type Period } from '../period.js';
import { UnitTree } from '../unit-tree.js';
import { buildRelease } from './build.js';
import { individualsIn, individualsNoun, isPrimary } from './individuals.js';
import { ReleaseIndex } from './lookup.js';
import { arbOrg, storedIndividuals, TEST_KPIS, type GeneratedOrg } from './release-fixture.js';
import { insert, reduce } from './span.js';

const LINEAR = TEST_KPIS.filter((k) => !k.ratioOf);
const catalogue = new Map(TEST_KPIS.map((k) => [k.id, k]));

/**
 * The attacker's view of one KPI: every cell is a known linear form over the
 * atoms (leaf unit, month, stored gender) — a mean or a rate is a sum scaled
 * by public numbers (months, denominators) — so a hidden cell is determined
 * exactly when its form lies in the span of the shown cells' forms.
 */
function forms(org: GeneratedOrg, kpi: string, p: Period, unit: string, g: Gender): Map<string, number> | null {
  const tree = new UnitTree(org.input.units);
  const k = catalogue.get(kpi);
  const cells = org.input.observations.filter((o) => o.kpi === kpi);
  const months = monthRange(p.start, p.end).filter((m) => cells.some((c) => c.month === m && tree.isWithin(c.unit, unit, m) && (g === 'T' || c.gender === g)));
  const used = k?.timeAggregation === 'last' ? months.slice(-1) : months;
  if (used.length === 0) return null;
  const out = new Map<string, number>();
  for (const m of used) for (const c of cells) if (c.month === m && tree.isWithin(c.unit, unit, m) && (g === 'T' || c.gender === g)) out.set(`${c.unit}|${m}|${c.gender}`, 1);
  return out;
}

const GENDERS: Gender[] = ['K', 'M', 'T'];

describe('the protected release (property)', () => {
  it('hides every primary cell, shows the rest rounded, and leaves no hidden cell determined by the shown ones', () => {
    fc.assert(
      fc.property(arbOrg, (org) => {
        const release = buildRelease(org.input);
        const index = new ReleaseIndex(release);
        const tree = new UnitTree(org.input.units);
        const units = org.input.units.map((u) => u.code);
        for (const k of LINEAR) {
          const basis = new Map<string, Map<string, number>>();
          const hidden: { id: string; form: Map<string, number> }[] = [];
          for (const key of release.periods) {
            const p = parsePeriod(key);
            for (const u of units)
              for (const g of k.genderSplit ? GENDERS : (['T'] as Gender[])) {
                const got = index.cell(k, u, g, p);
                const cells: ObservationCell[] = org.input.observations
                  .filter((o) => o.kpi === k.id && o.month >= p.start && o.month <= p.end && tree.isWithin(o.unit, u, o.month))
                  .map((o) => ({ ...o, ageBand: '' }));
                const agg = aggregateCells(k, cells, { gender: g });
                const form = forms(org, k.id, p, u, g);
                if (agg.value === null) {
                  expect(got.value).toBeNull();
                  continue;
                }
                const stored = storedIndividuals(org.input, k, u, agg.monthsWithData, (c, m) => tree.isWithin(c, u, m));
                const people =
                  stored ??
                  individualsIn(k, individualsNoun(k, catalogue), {
                    n: agg.numerator,
                    d: agg.denominator ?? Number.NaN,
                    months: k.timeAggregation === 'last' ? 1 : agg.monthsWithData.length,
                  });
                // HME and sick leave count the whole family; here each is the family's only member.
                if (isPrimary(k, people, org.input.rules)) expect(got.mark).toBe('primary');
                if (got.mark === 'none') {
                  expect(Math.abs((got.value ?? Number.NaN) - agg.value)).toBeLessThanOrEqual(0.5 * 10 ** -k.decimals + 1e-9);
                  if (form) insert(basis, form);
                } else if (form) hidden.push({ id: `${k.id}:${u}|${g}|${key}`, form });
              }
          }
          const determined = hidden.filter((h) => reduce(basis, h.form).size === 0).map((h) => h.id);
          expect(determined).toEqual([]);
        }
      }),
      { numRuns: 40 },
    );
  }, 180_000);

  it('shows a ratio only where its numerator and denominator are shown', () => {
    fc.assert(
      fc.property(arbOrg, (org) => {
        const index = new ReleaseIndex(buildRelease(org.input));
        const per = catalogue.get('per');
        const stock = catalogue.get('stock');
        if (!per || !stock) throw new Error('fixture lost a KPI');
        for (const key of index.release.periods) {
          const p = parsePeriod(key);
          for (const u of ['R', 'A', 'B', 'E0']) {
            const ratio = index.cell(per, u, 'T', p);
            if (ratio.mark !== 'none' || ratio.value === null) continue;
            expect(index.cell(stock, u, 'T', p).mark).toBe('none');
          }
        }
      }),
      { numRuns: 30 },
    );
  });

  it('is deterministic: the same data in any order gives the same release', () => {
    fc.assert(
      fc.property(arbOrg, fc.integer(), (org, salt) => {
        const shuffled = [...org.input.observations].sort((a, b) => ((a.numerator * 31 + salt) % 7) - ((b.numerator * 31 + salt) % 7));
        expect(buildRelease({ ...org.input, observations: shuffled })).toEqual(buildRelease(org.input));
      }),
      { numRuns: 20 },
    );
  });
});
