import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Gender, KpiDefinition } from '../kpi.js';
import { monthRange } from '../month.js';
import { parsePeriod } from '../period.js';
import { testKpiDefinition } from '../test-builders.js';
import { UnitTree } from '../unit-tree.js';
import { buildRelease } from './build.js';
import { individualsIn, individualsNoun, isPrimary } from './individuals.js';
import { ReleaseIndex } from './lookup.js';
import { arbOrg, type GeneratedOrg } from './release-fixture.js';
import { insert, reduce } from './span.js';
import type { ReleaseInput, ReleaseObservation } from './types.js';

/** Sick leave's way: the bands make up the total (a few cells stored without a band). */
const PARTITION = testKpiDefinition('banded', { ageBands: ['-29', '30-'], ageBandKind: 'partition' });
/** Households paid, varav 18–24: the total stored beside the band. */
const SUBSET = testKpiDefinition('varav', { name: 'Hushåll', timeAggregation: 'mean', ageBands: ['18-24'], ageBandKind: 'subset' });
/** Sick leave by age: a rate whose bands make up the total, its employees counted from the hours. */
const RATE = testKpiDefinition('sick-banded', { unit: 'percent', decimals: 1, scale: 100, privacyClass: 'sick-leave', ageBands: ['-29', '30-'], ageBandKind: 'partition' });
const BANDED = [PARTITION, SUBSET, RATE];

/**
 * The generated organisation's 'flow' cells, twice over with age bands: split
 * into the partition's two bands (every seventh cell left without a band), and
 * as a subset's total with a varav band of a part of it.
 */
function withBands(org: GeneratedOrg, noBands = false): ReleaseInput {
  const extra: ReleaseObservation[] = [];
  org.input.observations
    .filter((o) => o.kpi === 'flow')
    .forEach((o, i) => {
      const part = Math.round((o.numerator * ((i * 37) % 11)) / 10);
      if (i % 7 === 3) extra.push({ ...o, kpi: PARTITION.id, ageBand: '' });
      else extra.push({ ...o, kpi: PARTITION.id, ageBand: '-29', numerator: part }, { ...o, kpi: PARTITION.id, ageBand: '30-', numerator: o.numerator - part });
      extra.push({ ...o, kpi: SUBSET.id, ageBand: '' });
      if (!noBands) extra.push({ ...o, kpi: SUBSET.id, ageBand: '18-24', numerator: o.numerator - part });
    });
  // Sick hours and ordinary hours split between two ages, a few employees in each.
  org.input.observations
    .filter((o) => o.kpi === 'sick')
    .forEach((o, i) => {
      const staff = (o.denominator ?? 0) / 165;
      const young = Math.round((staff * ((i * 37) % 11)) / 10);
      const hours = Math.round((o.numerator * young) / Math.max(1, staff));
      extra.push(
        { ...o, kpi: RATE.id, ageBand: '-29', numerator: hours, denominator: young * 165 },
        { ...o, kpi: RATE.id, ageBand: '30-', numerator: o.numerator - hours, denominator: (staff - young) * 165 },
      );
    });
  return { ...org.input, kpis: [...org.input.kpis, ...BANDED], observations: [...org.input.observations, ...extra] };
}

/**
 * The atoms an attacker solves for: a leaf's cell of one month, gender and
 * band; a subset's total is its band plus the rest ('~'). Each released cell
 * (and each complement, never released) is a sum of atoms.
 */
function atoms(input: ReleaseInput, k: KpiDefinition): { id: string; o: ReleaseObservation; bands: string[] }[] {
  const cells = input.observations.filter((o) => o.kpi === k.id);
  if (k.ageBandKind !== 'subset') return cells.map((o) => ({ id: `${o.unit}|${o.month}|${o.gender}|${o.ageBand ?? ''}`, o, bands: [o.ageBand || '~'] }));
  return cells
    .filter((o) => o.ageBand === '')
    .flatMap((o) => {
      const band = cells.find((b) => b.ageBand === '18-24' && b.unit === o.unit && b.month === o.month && b.gender === o.gender);
      const id = `${o.unit}|${o.month}|${o.gender}`;
      if (!band) return [{ id: `${id}|~`, o, bands: ['~', '~18-24'] }];
      return [
        { id: `${id}|18-24`, o: band, bands: ['18-24'] },
        { id: `${id}|~`, o: { ...o, numerator: o.numerator - band.numerator }, bands: ['~', '~18-24'] },
      ];
    });
}

const GENDERS: Gender[] = ['K', 'M', 'T'];

/** Every released cell of the banded KPIs, and every complement, as forms over the atoms, with whether the release shows it. */
function check(input: ReleaseInput): { determined: string[]; unprotected: string[] } {
  const index = new ReleaseIndex(buildRelease(input));
  const tree = new UnitTree(input.units);
  const catalogue = new Map(input.kpis.map((k) => [k.id, k]));
  const determined: string[] = [];
  const unprotected: string[] = [];
  for (const k of BANDED) {
    const all = atoms(input, k);
    const basis = new Map<string, Map<string, number>>();
    const hidden: { id: string; form: Map<string, number> }[] = [];
    const parts = ['', ...k.ageBands, k.ageBandKind === 'subset' ? '~18-24' : '~'];
    // A rate's value is its numerator over public hours: the attacker solves for the numerators (docs/privacy.md).
    for (const key of index.release.periods) {
      const p = parsePeriod(key);
      const months = monthRange(p.start, p.end);
      for (const u of input.units.map((x) => x.code))
        for (const g of GENDERS)
          for (const part of parts) {
            const mine = all.filter((a) => months.includes(a.o.month) && tree.isWithin(a.o.unit, u, a.o.month) && (g === 'T' || a.o.gender === g));
            const used = mine.filter((a) => part === '' || a.bands.includes(part));
            const withData = new Set(used.map((a) => a.o.month)).size;
            if (used.length === 0) continue;
            const form = new Map(used.map((a) => [a.id, 1]));
            const n = used.reduce((s, a) => s + a.o.numerator, 0);
            const d = used.some((a) => a.o.denominator !== null) ? used.reduce((s, a) => s + (a.o.denominator ?? 0), 0) : Number.NaN;
            const small = isPrimary(k, individualsIn(k, individualsNoun(k, catalogue), { n, d, months: withData }), input.rules);
            const id = `${k.id}:${u}|${g}|${part}|${key}`;
            if (part.startsWith('~')) {
              if (small) hidden.push({ id, form });
              continue;
            }
            const got = index.cell(k, u, g, p, part);
            if (got.value === null && got.mark === 'none') continue;
            if (small && got.mark !== 'primary') unprotected.push(id);
            if (got.mark === 'none') insert(basis, form);
            else hidden.push({ id, form });
          }
    }
    determined.push(...hidden.filter((h) => reduce(basis, h.form).size === 0).map((h) => h.id));
  }
  return { determined, unprotected };
}

describe('age bands in the protected release (property)', () => {
  it('hides every small band and every small complement, and no hidden one follows from the shown totals, bands and genders', () => {
    fc.assert(
      fc.property(arbOrg, (org) => {
        expect(check(withBands(org))).toEqual({ determined: [], unprotected: [] });
      }),
      { numRuns: 25 },
    );
  }, 240_000);

  it('releases the bands beside the totals, which stay as they were without bands', () => {
    fc.assert(
      fc.property(arbOrg, (org) => {
        const input = withBands(org);
        const release = buildRelease(input);
        const rows = Object.keys(release.kpis[SUBSET.id]?.rows ?? {});
        expect(rows.some((r) => r.endsWith('|18-24'))).toBe(true);
        // The complement is protected, never released.
        expect(rows.filter((r) => r.includes('~'))).toEqual([]);
        // Without any band the KPI's release is the total's alone, as before bands existed.
        const plain = buildRelease(withBands(org, true)).kpis[SUBSET.id];
        expect(Object.keys(plain?.rows ?? {}).every((r) => r.split('|').length === 2)).toBe(true);
      }),
      { numRuns: 10 },
    );
  }, 120_000);
});
